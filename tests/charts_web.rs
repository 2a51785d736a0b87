//! Browser tests of the chart component: `ComparisonChart` mounted in headless Chromium on the
//! good data fixture (`core/tests/fixtures/data/good`), driven by clicks and key presses.
//! Run with `cargo test --target wasm32-unknown-unknown --test charts_web`.
#![cfg(target_arch = "wasm32")]
// Test code: a failed expectation is how a test reports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use china_kazakhstan_explorer::components::chart::ComparisonChart;
use china_kazakhstan_explorer::services::nav::Nav;
use cke_core::url::Selection;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod browser;

use browser::{fixture_dataset, next_frame, parts_drawn, PrerenderedView};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the mirror-trade chart of the fixture in a 600 px wide container.
fn mount(selection: Selection) -> (web_sys::HtmlElement, Nav) {
    let document = document();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    container.set_attribute("style", "width: 600px").unwrap();
    container.set_class_name("cke");
    document.body().unwrap().append_child(&container).unwrap();
    let nav = Nav::detached(selection);
    let dataset = fixture_dataset();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(nav);
        view! { <ComparisonChart dataset comparison=cke_core::data::model::ComparisonId::parse("mirror-trade").unwrap()/> }
    });
    handle.forget();
    (container, nav)
}

fn find(container: &web_sys::HtmlElement, selector: &str) -> Option<web_sys::HtmlElement> {
    container
        .query_selector(selector)
        .unwrap()
        .map(|element| element.unchecked_into())
}

fn count(container: &web_sys::HtmlElement, selector: &str) -> u32 {
    container.query_selector_all(selector).unwrap().length()
}

fn text(container: &web_sys::HtmlElement, selector: &str) -> String {
    find(container, selector)
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

fn press(element: &web_sys::HtmlElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn the_chart_is_an_image_with_title_description_legend_and_sources() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    let svg = find(&container, "svg.cke-chart__svg").expect("an svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    let title = svg.get_attribute("aria-labelledby").unwrap();
    let description = svg.get_attribute("aria-describedby").unwrap();
    assert_eq!(
        text(&container, &format!("#{title}")),
        "Trade as each country counts it"
    );
    assert!(
        text(&container, &format!("#{description}")).contains("Values as the sources state them")
    );
    assert_eq!(count(&container, ".cke-chart__legend button"), 3);
    assert!(count(&container, ".cke-chart__sources li") >= 1);
    assert!(text(&container, ".cke-chart__summary").contains(
        "In 2013, China's customs recorded US$28.5 bn and Kazakhstan's statistics US$22.53 bn"
    ));
}

#[wasm_bindgen_test]
async fn the_chart_follows_its_containers_width() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    // The width comes only from the ResizeObserver (never read while the view is built), which
    // reports after a frame's callbacks and before its paint: the second frame sees it.
    next_frame().await;
    next_frame().await;
    leptos::task::tick().await;
    let svg = find(&container, "svg.cke-chart__svg").unwrap();
    assert_eq!(svg.get_attribute("width").as_deref(), Some("600"));
    container.set_attribute("style", "width: 400px").unwrap();
    next_frame().await;
    next_frame().await;
    leptos::task::tick().await;
    let svg = find(&container, "svg.cke-chart__svg").unwrap();
    assert_eq!(svg.get_attribute("width").as_deref(), Some("400"));
}

#[wasm_bindgen_test]
async fn lone_values_are_dots_and_no_line_is_drawn_across_missing_years() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    // China's customs: 2013, 2016, 2024; Kazakhstan's statistics: 2013, 2022; no two neighbours.
    assert_eq!(count(&container, ".cke-chart__line"), 0);
    assert_eq!(count(&container, ".cke-chart__dot"), 6);
    assert_eq!(
        count(&container, ".cke-chart__dot[data-derived]"),
        1,
        "the computed gap"
    );
}

#[wasm_bindgen_test]
async fn the_legend_hides_and_shows_a_series() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    let key = find(
        &container,
        ".cke-chart__key[data-series=\"trade-total-kz-stats\"]",
    )
    .unwrap();
    assert_eq!(key.get_attribute("aria-pressed").as_deref(), Some("true"));
    key.click();
    leptos::task::tick().await;
    assert_eq!(key.get_attribute("aria-pressed").as_deref(), Some("false"));
    assert_eq!(
        count(&container, "svg [data-series=\"trade-total-kz-stats\"]"),
        0
    );
    assert_eq!(count(&container, ".cke-chart__dot"), 4);
    key.click();
    leptos::task::tick().await;
    assert_eq!(
        count(&container, "svg [data-series=\"trade-total-kz-stats\"]"),
        2
    );
}

/// The series of a mark the chart added or removed: its own `data-series`, or that of the first
/// mark of a series' run (`<g>`).
fn series_of(node: &web_sys::Node) -> Option<String> {
    let element = node.dyn_ref::<web_sys::Element>()?;
    element.get_attribute("data-series").or_else(|| {
        element
            .first_element_child()
            .and_then(|first| first.get_attribute("data-series"))
    })
}

/// The series of every mark added to or removed from the chart's layers (or from `svg` itself)
/// since the last call.
fn changed_marks(observer: &web_sys::MutationObserver, svg: &web_sys::Node) -> Vec<Option<String>> {
    let mut changed = Vec::new();
    for record in observer.take_records() {
        let record: web_sys::MutationRecord = record.unchecked_into();
        let Some(target) = record.target() else {
            continue;
        };
        let layer = target
            .dyn_ref::<web_sys::Element>()
            .and_then(|element| element.get_attribute("class"))
            .is_some_and(|class| class == "cke-chart__layer");
        if !layer && &target != svg {
            continue;
        }
        for list in [record.added_nodes(), record.removed_nodes()] {
            for index in 0..list.length() {
                changed.push(list.item(index).as_ref().and_then(series_of));
            }
        }
    }
    changed
}

#[wasm_bindgen_test]
async fn a_toggle_redraws_only_the_series_it_hides_or_shows() {
    // The marks are keyed: hiding a series that sets neither axis removes its marks and leaves
    // every other element in place (not rebuilt, not moved), and showing it again inserts them.
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    let svg: web_sys::Node = find(&container, "svg.cke-chart__svg").unwrap().into();
    let others = container
        .query_selector_all("svg [data-series=\"trade-total-cn-customs\"]")
        .unwrap();
    assert_eq!(others.length(), 3);
    let observer = web_sys::MutationObserver::new(&js_sys::Function::new_no_args("")).unwrap();
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer.observe_with_options(&svg, &init).unwrap();
    let key = find(
        &container,
        ".cke-chart__key[data-series=\"trade-total-kz-stats\"]",
    )
    .unwrap();
    let kz = Some("trade-total-kz-stats".to_owned());
    key.click();
    leptos::task::tick().await;
    let hidden = changed_marks(&observer, &svg);
    assert!(!hidden.is_empty(), "the hidden series' marks are removed");
    assert!(hidden.iter().all(|series| *series == kz), "{hidden:?}");
    key.click();
    leptos::task::tick().await;
    let shown = changed_marks(&observer, &svg);
    assert_eq!(shown.len(), hidden.len(), "{shown:?}");
    assert!(shown.iter().all(|series| *series == kz), "{shown:?}");
    for index in 0..others.length() {
        assert!(
            others.item(index).unwrap().is_connected(),
            "China's marks were kept"
        );
    }
    observer.disconnect();
}

#[wasm_bindgen_test]
async fn arrow_keys_move_the_tooltip_and_enter_highlights_the_shared_year() {
    let (container, nav) = mount(Selection::default());
    leptos::task::tick().await;
    let plot = find(&container, ".cke-chart__plot").unwrap();
    assert_eq!(plot.get_attribute("tabindex").as_deref(), Some("0"));
    press(&plot, "ArrowRight");
    leptos::task::tick().await;
    let tooltip = text(&container, ".cke-chart__tooltip");
    assert!(tooltip.contains("2013"), "{tooltip}");
    assert!(tooltip.contains("US$28.5 bn"), "{tooltip}");
    press(&plot, "ArrowRight");
    leptos::task::tick().await;
    assert!(text(&container, ".cke-chart__tooltip").contains("US$13.1 bn"));
    assert!(text(&container, "[role=status]").contains("2016"));
    press(&plot, "ArrowDown");
    leptos::task::tick().await;
    let tooltip = text(&container, ".cke-chart__tooltip");
    assert!(tooltip.contains("Kazakhstan"), "{tooltip}");
    press(&plot, "Enter");
    leptos::task::tick().await;
    // From China's 2016 point, the nearest point of Kazakhstan's series is 2013 (three years
    // away; 2022 is six): Enter shares that year.
    assert_eq!(nav.selection.get_untracked().year, Some(2013));
    assert_eq!(count(&container, ".cke-chart__year"), 1);
    press(&plot, "Escape");
    leptos::task::tick().await;
    assert!(find(&container, ".cke-chart__tooltip").is_none());
}

#[wasm_bindgen_test]
async fn a_year_chosen_elsewhere_is_highlighted_and_summarised() {
    let (container, nav) = mount(Selection {
        year: Some(2016),
        ..Selection::default()
    });
    leptos::task::tick().await;
    assert_eq!(count(&container, ".cke-chart__year"), 1);
    assert_eq!(count(&container, ".cke-chart__dot[data-highlighted]"), 1);
    assert!(text(&container, ".cke-chart__summary").contains("In 2016"));
    find(&container, ".cke-chart__year-line button")
        .unwrap()
        .click();
    leptos::task::tick().await;
    assert_eq!(nav.selection.get_untracked().year, None);
    assert_eq!(count(&container, ".cke-chart__year"), 0);
}

#[wasm_bindgen_test]
async fn the_index_is_offered_only_when_every_series_has_a_common_base() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    // The computed gap has a single value, so nothing can be indexed to it.
    assert_eq!(count(&container, "input[value=\"Indexed\"]"), 0);
    find(
        &container,
        ".cke-chart__key[data-series=\"trade-gap-total\"]",
    )
    .unwrap()
    .click();
    leptos::task::tick().await;
    let index: web_sys::HtmlInputElement = container
        .query_selector("input[value=\"Indexed\"]")
        .unwrap()
        .expect("the index choice")
        .unchecked_into();
    index.click();
    leptos::task::tick().await;
    assert_eq!(text(&container, ".cke-chart__unit"), "Index, 2013 = 100");
    assert!(text(&container, ".cke-chart__summary").contains("index"));
}

#[wasm_bindgen_test]
async fn small_multiples_draw_one_panel_per_series() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    assert_eq!(count(&container, ".cke-chart__panel-title"), 0);
    let radios = container.query_selector_all("input[type=radio]").unwrap();
    let multiples: web_sys::HtmlInputElement = radios.item(1).unwrap().unchecked_into();
    multiples.click();
    leptos::task::tick().await;
    assert_eq!(count(&container, ".cke-chart__panel-title"), 3);
}

#[wasm_bindgen_test]
async fn the_data_table_shows_every_period_with_the_values_as_stated() {
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    assert_eq!(
        count(&container, ".cke-chart__table td"),
        0,
        "built only when opened"
    );
    let details: web_sys::HtmlDetailsElement = container
        .query_selector(".cke-chart__table")
        .unwrap()
        .unwrap()
        .unchecked_into();
    details.set_open(true);
    details
        .dispatch_event(&web_sys::Event::new("toggle").unwrap())
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(count(&container, ".cke-chart__table tbody tr"), 4);
    assert_eq!(count(&container, ".cke-chart__table td[data-value]"), 6);
    let cell = text(
        &container,
        "td[data-series=\"trade-total-cn-customs\"][data-period=\"2024\"]",
    );
    assert_eq!(cell, "US$43.82 bn");
    let gap = text(&container, "td[data-series=\"trade-gap-total\"]");
    assert!(gap.ends_with(" *"), "{gap}");
}

#[wasm_bindgen_test]
async fn behind_a_prerendered_view_the_controls_legend_marks_and_lower_part_are_made_a_task_after_the_chart_before_the_swap(
) {
    use china_kazakhstan_explorer::services::chunk::main_pending;
    use china_kazakhstan_explorer::services::paint::next_task;
    let _prerendered = PrerenderedView::shown();
    let (container, _nav) = mount(Selection::default());
    leptos::task::tick().await;
    assert_eq!(
        count(&container, "svg.cke-chart__svg"),
        1,
        "the chart comes first"
    );
    assert_eq!(
        count(&container, ".cke-chart__key, .cke-chart__choice"),
        0,
        "the legend and the controls wait for a task"
    );
    assert_eq!(
        count(&container, ".cke-chart__legend"),
        1,
        "in their places"
    );
    assert_eq!(
        count(&container, ".cke-chart__layer"),
        0,
        "the marks wait for a task"
    );
    assert_eq!(
        count(&container, ".cke-chart__sources li, .cke-chart__downloads"),
        0,
        "the sources and downloads wait for a task"
    );
    assert!(untrack(main_pending), "the swap waits for them");
    next_task().await;
    leptos::task::tick().await;
    assert!(
        count(&container, ".cke-chart__layer") > 0,
        "the marks are made a task later"
    );
    assert!(
        count(&container, ".cke-chart__key") > 0,
        "the legend is made a task later"
    );
    assert_eq!(
        count(&container, ".cke-chart__downloads button"),
        3,
        "the downloads are made a task later"
    );
    assert!(
        count(&container, ".cke-chart__sources li") > 0,
        "the sources are made a task later"
    );
    assert!(parts_drawn().await, "then the app may take over");
}
