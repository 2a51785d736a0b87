//! Browser tests of the timeline view: the real dataset mounted in headless Chromium
//! (wasm-bindgen-test), with a pinned "today" and detached navigation.
//! Run with `cargo test --target wasm32-unknown-unknown --test timeline_web`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use china_kazakhstan_explorer::services::clock::Today;
use china_kazakhstan_explorer::services::intl::month_names;
use china_kazakhstan_explorer::services::nav::Nav;
use china_kazakhstan_explorer::views::timeline::TimelineView;
use cke_core::data::model::{Dataset, Date, SectorId};
use cke_core::data::{build_dataset, DataFiles};
use cke_core::timeline::layout::{list_pages, Model};
use cke_core::url::{Lang, Selection, View};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod browser;

use browser::{parts_drawn, PrerenderedView};

wasm_bindgen_test_configure!(run_in_browser);

fn today() -> Date {
    Date::from_ymd(2026, 11, 28).unwrap()
}

fn dataset() -> Arc<Dataset> {
    let files = DataFiles {
        sources: Some(include_str!("../public/data/sources.json").to_owned()),
        sectors: Some(include_str!("../public/data/sectors.json").to_owned()),
        events: Some(include_str!("../public/data/events.json").to_owned()),
        figures: Some(include_str!("../public/data/figures.json").to_owned()),
        series: Some(include_str!("../public/data/series.json").to_owned()),
        comparisons: Some(include_str!("../public/data/comparisons.json").to_owned()),
        caveats: Some(include_str!("../public/data/caveats.json").to_owned()),
        story: Some(include_str!("../public/data/story.json").to_owned()),
        places: Some(include_str!("../public/data/places.json").to_owned()),
        texts: vec![(
            "en".to_owned(),
            Some(include_str!("../public/data/text/en.json").to_owned()),
        )],
        deferred: Vec::new(),
    };
    Arc::new(build_dataset(&files, today()).dataset.unwrap())
}

/// How many events the data has, and how many the list's first page shows (the list pages by
/// decade past 100 events, as the view does): expectations follow the data, which grows.
fn counts() -> (usize, usize) {
    let data = dataset();
    let model = Model::new(data.events(), |_| true);
    let first_page = list_pages(model.entries(), 100)
        .first()
        .map(|page| page.count())
        .unwrap_or(0);
    (data.events().len(), first_page)
}

/// The timeline mounted in a fresh container; unmounted when the returned guard drops.
struct Mounted {
    container: web_sys::HtmlElement,
    nav: Nav,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.container.remove();
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<web_sys::HtmlElement> {
        self.container
            .query_selector(selector)
            .unwrap()
            .map(|element| element.unchecked_into())
    }

    fn get(&self, selector: &str) -> web_sys::HtmlElement {
        self.find(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector:?}"))
    }

    fn count(&self, selector: &str) -> u32 {
        self.container
            .query_selector_all(selector)
            .unwrap()
            .length()
    }

    fn text(&self, selector: &str) -> String {
        self.get(selector).text_content().unwrap_or_default()
    }
}

async fn mount(query: &str) -> Mounted {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.set_class_name("cke");
    document.body().unwrap().append_child(&container).unwrap();
    let nav = Nav::detached(Selection::from_query(query, 2026));
    let data = dataset();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(nav);
        provide_context(Today::fixed(today()));
        view! { <TimelineView dataset=data/> }.into_any()
    });
    settle().await;
    Mounted {
        container,
        nav,
        _handle: Box::new(handle),
    }
}

/// Lets Leptos apply its updates and the browser run a frame (focus moves after a frame).
async fn settle() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

fn key(target: &web_sys::HtmlElement, key: &str) {
    // Built through JS so that no extra web-sys feature is needed.
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let constructor: js_sys::Function = js_sys::Reflect::get(&window(), &"KeyboardEvent".into())
        .unwrap()
        .unchecked_into();
    let event =
        js_sys::Reflect::construct(&constructor, &js_sys::Array::of2(&"keydown".into(), &init))
            .unwrap();
    target.dispatch_event(event.unchecked_ref()).unwrap();
}

fn focused_id() -> Option<String> {
    document()
        .active_element()
        .and_then(|element| element.get_attribute("data-id"))
}

#[wasm_bindgen_test]
async fn the_axis_shows_the_eras_today_and_every_precision() {
    let timeline = mount("view=timeline").await;
    assert_eq!(timeline.count(".cke-tl-era"), 6);
    assert!(timeline.text(".cke-tl-eras").contains("Diplomatic ties"));
    let today = timeline.get(".cke-tl-today");
    assert!(today
        .get_attribute("aria-label")
        .unwrap()
        .starts_with("Today, "));
    for precision in ["day", "month", "year", "range"] {
        assert!(
            timeline.count(&format!(".cke-tl-event[data-precision=\"{precision}\"]")) > 0,
            "{precision}"
        );
    }
    let (total, first_page) = counts();
    assert!(timeline
        .text(".cke-tl-status")
        .starts_with(&format!("Showing {total} of {total} events, 1992 – 2026")));
    // One tab stop on the axis: the first event.
    assert_eq!(timeline.count(".cke-tl-event[tabindex=\"0\"]"), 1);
    assert_eq!(
        timeline
            .get(".cke-tl-event[tabindex=\"0\"]")
            .get_attribute("data-id")
            .as_deref(),
        Some("1992-01-diplomatic-ties")
    );
    assert_eq!(timeline.count(".cke-tl-item") as usize, first_page);
}

#[wasm_bindgen_test]
async fn clicking_an_event_selects_it_and_shows_its_sources_and_escape_closes() {
    let timeline = mount("view=timeline&year=2005").await;
    timeline
        .get(".cke-tl-event[data-id=\"2005-07-strategic-partnership\"]")
        .click();
    settle().await;
    let selection = timeline.nav.selection.get_untracked();
    assert_eq!(
        selection.event.as_deref(),
        Some("2005-07-strategic-partnership")
    );
    assert_eq!(selection.view, View::Timeline);
    let panel = timeline.get("#cke-tl-details");
    assert_eq!(
        panel.get_attribute("data-id").as_deref(),
        Some("2005-07-strategic-partnership")
    );
    assert!(timeline.count("#cke-tl-details .cke-tl-sources > li") >= 1);
    assert!(panel.text_content().unwrap().contains("Confidence"));
    assert!(panel
        .text_content()
        .unwrap()
        .contains("Strategic partnership"));
    key(&panel, "Escape");
    settle().await;
    assert_eq!(timeline.nav.selection.get_untracked().event, None);
    assert!(timeline.find("#cke-tl-details").is_none());
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_focus_along_time() {
    let timeline = mount("view=timeline").await;
    let first = timeline.get(".cke-tl-event[tabindex=\"0\"]");
    first.focus().unwrap();
    key(&first, "ArrowRight");
    settle().await;
    assert_eq!(focused_id().as_deref(), Some("1992-02-tereshchenko-visit"));
    let current: web_sys::HtmlElement = document().active_element().unwrap().unchecked_into();
    key(&current, "End");
    settle().await;
    let last = dataset()
        .events()
        .last()
        .map(|event| event.id.as_str().to_owned());
    assert_eq!(focused_id(), last);
    let current: web_sys::HtmlElement = document().active_element().unwrap().unchecked_into();
    key(&current, "Home");
    settle().await;
    assert_eq!(focused_id().as_deref(), Some("1992-01-diplomatic-ties"));
}

#[wasm_bindgen_test]
async fn the_sector_filter_writes_the_selection_and_narrows_the_events() {
    let timeline = mount("view=timeline").await;
    timeline.get("#cke-tl-sector-energy").click();
    settle().await;
    assert_eq!(
        timeline.nav.selection.get_untracked().sectors,
        vec![SectorId::Energy]
    );
    timeline.get("#cke-tl-sector-trade").click();
    settle().await;
    assert_eq!(
        timeline.nav.selection.get_untracked().to_query(),
        "?view=timeline&sector=trade,energy"
    );
    let (total, _) = counts();
    let items = timeline.count(".cke-tl-item") as usize;
    assert!(items > 0 && items < total, "{items}");
    assert!(timeline
        .text(".cke-tl-status")
        .contains(&format!("({total} in all)")));
}

#[wasm_bindgen_test]
async fn a_year_chosen_elsewhere_zooms_the_axis_and_lists_that_years_events() {
    let timeline = mount("view=timeline").await;
    timeline
        .nav
        .selection
        .update(|selection| selection.year = Some(2023));
    settle().await;
    assert!(timeline.text(".cke-tl-status").ends_with(", 2023"));
    assert!(timeline.find(".cke-tl-chosen-year").is_some());
    assert!(timeline
        .text("#cke-tl-list-title")
        .starts_with("Events of 2023"));
    let in_2023 = Model::new(dataset().events(), |_| true)
        .in_year(2023)
        .count();
    let items = timeline.count(".cke-tl-item") as usize;
    assert!(in_2023 > 0);
    assert_eq!(items, in_2023);
    timeline
        .nav
        .selection
        .update(|selection| selection.year = None);
    settle().await;
    assert!(timeline.text(".cke-tl-status").contains("1992 – 2026"));
    assert_eq!(timeline.count(".cke-tl-item") as usize, counts().1);
}

/// The month lines' names: twelve short names, January first, in the reader's language, the
/// same each time they are asked for (they are spelt once per language and kept).
#[wasm_bindgen_test]
fn month_names_are_short_january_first_and_kept_per_language() {
    let english = month_names(Lang::En);
    assert_eq!(english.len(), 12);
    assert_eq!((english[0].as_str(), english[1].as_str()), ("Jan", "Feb"));
    let chinese = month_names(Lang::Zh);
    assert_eq!((chinese[0].as_str(), chinese[11].as_str()), ("1月", "12月"));
    assert_eq!(month_names(Lang::Zh), chinese);
    assert_eq!(month_names(Lang::En), english);
}

/// The data's as-of date under the title; the days from it to today hatched and named as not
/// yet covered; a disputed date marked on the axis and spelt out in its details; a stale plan
/// said to be one. The events come from the data, which editors update.
#[wasm_bindgen_test]
async fn the_timeline_says_how_far_the_data_reaches_and_which_dates_are_disputed_or_stale() {
    let data = dataset();
    let timeline = mount("view=timeline").await;
    assert!(timeline.text(".cke-as-of").starts_with("Data as of "));
    let band = timeline.get(".cke-tl-uncovered");
    assert_eq!(band.get_attribute("role").as_deref(), Some("img"));
    let name = band.get_attribute("aria-label").unwrap();
    assert!(
        name.starts_with("Not yet covered by the data: from "),
        "{name}"
    );
    assert!(timeline
        .text(".cke-tl-legend")
        .contains("not yet covered: the data stops at its as-of date"));
    drop(timeline);

    let disputed = data
        .events()
        .iter()
        .find(|event| event.is_disputed())
        .expect("a disputed date in the data");
    let id = disputed.id.as_str();
    let timeline = mount(&format!("view=timeline&event={id}")).await;
    let mark = timeline.get(&format!(".cke-tl-event[data-id=\"{id}\"]"));
    assert_eq!(mark.get_attribute("data-disputed").as_deref(), Some("true"));
    assert_ne!(
        mark.get_attribute("data-precision").as_deref(),
        Some("range")
    );
    let line = timeline.text("#cke-tl-details .cke-disputed");
    assert!(line.starts_with("Date disputed: "), "{line}");
    assert_eq!(line.matches(" · ").count(), disputed.other_dates.len());
    drop(timeline);

    let as_of = data.as_of().expect("an as-of date");
    if let Some(stale) = data.events().iter().find(|e| e.is_stale_plan(as_of)) {
        let id = stale.id.as_str();
        let timeline = mount(&format!("view=timeline&event={id}")).await;
        let line = timeline.text("#cke-tl-details .cke-plan[data-stale=\"true\"]");
        assert!(line.starts_with("Planned for "), "{line}");
        assert!(line.contains(" · no update since "), "{line}");
    }
}

#[wasm_bindgen_test]
async fn behind_a_prerendered_view_controls_events_legend_and_list_are_drawn_after_the_axis_before_the_swap(
) {
    use china_kazakhstan_explorer::services::chunk::main_pending;
    use china_kazakhstan_explorer::services::paint::next_task;
    let document = document();
    let _prerendered = PrerenderedView::shown();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.set_class_name("cke");
    document.body().unwrap().append_child(&container).unwrap();
    let nav = Nav::detached(Selection::from_query("view=timeline", 2026));
    let data = dataset();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(nav);
        provide_context(Today::fixed(today()));
        view! { <TimelineView dataset=data/> }.into_any()
    });
    leptos::task::tick().await;
    let count = |selector: &str| container.query_selector_all(selector).unwrap().length();
    assert!(count(".cke-tl-ticks") > 0, "the axis's frame comes first");
    for (part, selector) in [
        ("the controls", ".cke-tl-controls"),
        ("the events", ".cke-tl-events [data-index]"),
        ("the legend", ".cke-tl-legend"),
        ("the list", ".cke-tl-list__items li"),
    ] {
        assert_eq!(count(selector), 0, "{part} wait for a task of their own");
    }
    assert!(untrack(main_pending), "the swap waits for them");
    next_task().await;
    leptos::task::tick().await;
    for (part, selector) in [
        ("the controls", ".cke-tl-controls"),
        ("the events", ".cke-tl-events [data-index]"),
        ("the legend", ".cke-tl-legend"),
        ("the list", ".cke-tl-list__items li"),
    ] {
        assert!(count(selector) > 0, "{part} are drawn a task later");
    }
    assert!(parts_drawn().await, "then the app may take over");
    drop(handle);
}
