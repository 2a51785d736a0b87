//! Browser tests: components mounted in headless Chromium (wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test web` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use china_kazakhstan_explorer::nav::Nav;
use china_kazakhstan_explorer::ui::frame::Header;
use china_kazakhstan_explorer::url::{Selection, Theme, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

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
        .query_selector("select")
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
