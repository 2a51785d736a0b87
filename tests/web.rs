//! Browser tests: components mounted in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use china_kazakhstan_explorer::components::frame::Header;
use china_kazakhstan_explorer::services::nav::Nav;
use cke_core::url::{Lang, Selection, Theme, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod browser;

use browser::{fixture_dataset, next_frame, parts_drawn, PrerenderedView};

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh container in the document, and the navigation state the mounted component sees.
fn mount_header(selection: Selection) -> (web_sys::HtmlElement, Nav) {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let nav = Nav::detached(selection);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(nav);
        view! { <Header embedded=false/> }
    });
    handle.forget();
    (container, nav)
}

fn link(container: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let links = container.query_selector_all("nav a").unwrap();
    (0..links.length())
        .filter_map(|index| links.item(index))
        .map(|node| node.unchecked_into::<web_sys::HtmlElement>())
        .find(|element| element.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no link {text:?}"))
}

#[wasm_bindgen_test]
async fn the_navigation_marks_the_current_view() {
    let (container, _nav) = mount_header(Selection::default());
    leptos::task::tick().await;
    assert_eq!(
        link(&container, "Overview")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        link(&container, "Timeline").get_attribute("aria-current"),
        None
    );
    assert_eq!(
        link(&container, "Timeline")
            .get_attribute("href")
            .as_deref(),
        Some("?view=timeline")
    );
}

#[wasm_bindgen_test]
async fn clicking_a_view_link_switches_the_view_in_place() {
    let (container, nav) = mount_header(Selection::default());
    leptos::task::tick().await;
    link(&container, "Compare").click();
    leptos::task::tick().await;
    assert_eq!(nav.selection.get_untracked().view, View::Compare);
    assert_eq!(
        link(&container, "Compare")
            .get_attribute("aria-current")
            .as_deref(),
        Some("page")
    );
    assert_eq!(
        link(&container, "Overview").get_attribute("aria-current"),
        None
    );
}

#[wasm_bindgen_test]
async fn the_theme_switch_changes_the_selection() {
    let (container, nav) = mount_header(Selection::default());
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = container
        .query_selector("#cke-theme")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("dark");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(nav.selection.get_untracked().theme, Theme::Dark);
}

#[wasm_bindgen_test]
async fn the_language_switch_names_each_language_in_itself_and_changes_the_selection() {
    let (container, nav) = mount_header(Selection::default());
    leptos::task::tick().await;
    let select: web_sys::HtmlSelectElement = container
        .query_selector("#cke-lang")
        .unwrap()
        .unwrap()
        .unchecked_into();
    let options = select.options();
    let named: Vec<(String, String)> = (0..options.length())
        .filter_map(|i| options.item(i))
        .map(|option| {
            (
                option.text_content().unwrap_or_default(),
                option.get_attribute("lang").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            ("English".to_owned(), "en".to_owned()),
            ("中文".to_owned(), "zh-Hans".to_owned()),
            ("Русский".to_owned(), "ru".to_owned()),
            ("Қазақша".to_owned(), "kk".to_owned()),
        ]
    );
    select.set_value("kk");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(nav.selection.get_untracked().lang, Some(Lang::Kk));
}

fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

#[wasm_bindgen_test]
async fn a_figure_card_shows_value_when_and_source_and_opens_its_details() {
    use china_kazakhstan_explorer::components::provenance::FigureCard;
    let dataset = fixture_dataset();
    let id = cke_core::data::model::FigureId::parse("cda-trade-2024").unwrap();
    let figure = dataset.figure(&id).unwrap().clone();
    let container = mount(move || view! { <FigureCard dataset figure/> });
    leptos::task::tick().await;
    let text = |selector: &str| {
        container
            .query_selector(selector)
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(text(".cke-figure__value"), "over US$44 bn");
    assert_eq!(text(".cke-figure__when"), "2024");
    assert!(
        text("summary").contains("Advertorial"),
        "{}",
        text("summary")
    );
    let details: web_sys::HtmlElement = container
        .query_selector("details")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(!details.has_attribute("open"));
    let summary: web_sys::HtmlElement = container
        .query_selector("summary")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(
        container
            .query_selector(".cke-figure__panel")
            .unwrap()
            .is_none(),
        "a closed panel is not built"
    );
    summary.click();
    // The panel is built on the `toggle` event, which the browser fires in a task of its own.
    for _ in 0..10 {
        if container
            .query_selector(".cke-figure__panel")
            .unwrap()
            .is_some()
        {
            break;
        }
        next_frame().await;
    }
    assert!(details.has_attribute("open"));
    let panel = text(".cke-figure__panel");
    assert!(
        panel.contains("Other figures for the same thing"),
        "{panel}"
    );
    assert!(panel.contains("US$43.82 bn"), "{panel}");
}

/// The fixture's trade sector page, mounted as the first view (nothing navigated yet).
fn mount_trade_sector() -> (web_sys::HtmlElement, Nav) {
    use china_kazakhstan_explorer::views::sector::SectorView;
    use cke_core::data::model::SectorId;
    let dataset = fixture_dataset();
    let nav = Nav::detached(Selection::default().with_sector(Some(SectorId::Trade)));
    let container = mount(move || {
        provide_context(nav);
        view! { <SectorView dataset/> }
    });
    (container, nav)
}

#[wasm_bindgen_test]
async fn the_sector_view_follows_the_selection_in_place() {
    use cke_core::data::model::SectorId;
    let (container, nav) = mount_trade_sector();
    leptos::task::tick().await;
    let heading = || {
        container
            .query_selector("h1")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    };
    let trade = heading();
    let tabs_before = container.query_selector(".cke-tabs").unwrap().unwrap();
    nav.go(Selection::default().with_sector(Some(SectorId::Energy)));
    leptos::task::tick().await;
    assert_ne!(heading(), trade);
    let tabs_after = container.query_selector(".cke-tabs").unwrap().unwrap();
    assert!(
        tabs_before.is_same_node(Some(&tabs_after)),
        "the sector links stay mounted"
    );
    nav.go(Selection::default().with_view(View::Sector));
    leptos::task::tick().await;
    assert_eq!(heading(), "Sectors");
}

#[wasm_bindgen_test]
async fn behind_a_prerendered_view_a_sector_page_is_drawn_in_two_tasks_before_the_swap() {
    use china_kazakhstan_explorer::services::chunk::main_pending;
    use china_kazakhstan_explorer::services::paint::next_task;
    let _prerendered = PrerenderedView::shown();
    let (container, _nav) = mount_trade_sector();
    leptos::task::tick().await;
    let has = |selector: &str| container.query_selector(selector).unwrap().is_some();
    assert!(has(".cke-figures"), "the title and key figures come first");
    assert!(
        !has(".cke-more-parts"),
        "the rest waits for a task of its own"
    );
    assert!(untrack(main_pending), "the swap waits for the rest");
    next_task().await;
    leptos::task::tick().await;
    assert!(has(".cke-more-parts"), "the rest is drawn a task later");
    assert!(parts_drawn().await, "then the app may take over");
}
