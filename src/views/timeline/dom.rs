//! The timeline's few direct DOM calls: moving focus and scrolling once Leptos has applied the
//! pending updates, and reading which event a DOM event came from.
//!
//! Browser helpers only: this module never reads or writes the timeline's state, never decides
//! what is shown, and never scrolls smoothly (nothing moves by itself for readers who asked for
//! less motion).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How much of the details panel opening from the axis is brought into view: its bar of
/// buttons, date and heading.
const DETAILS_PEEK_PX: f64 = 160.0;
/// The room kept above the focused event when the page scrolls to the panel.
const FOCUS_ROOM_PX: f64 = 16.0;

/// Focuses the element `selector` finds once the pending DOM updates have been applied.
pub(super) fn focus_later(selector: String) {
    request_animation_frame(move || {
        let element = document().query_selector(&selector).ok().flatten();
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Scrolls `selector` into view (`block`: "nearest" or "start") once the DOM is updated.
/// Instant, never smooth: nothing moves by itself for readers who asked for less motion.
pub(super) fn scroll_later(selector: String, block: &'static str) {
    request_animation_frame(move || {
        let Some(element) = document().query_selector(&selector).ok().flatten() else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"block".into(), &block.into());
        let method = js_sys::Reflect::get(&element, &"scrollIntoView".into());
        if let Some(method) = method
            .ok()
            .and_then(|m| m.dyn_into::<js_sys::Function>().ok())
        {
            let _ = method.call1(&element, &options);
        }
    });
}

/// Brings the top of the details panel into view once the DOM is updated, but never so far
/// that the focused event on the axis leaves the screen: the focus stays on the axis (so that
/// the arrow keys keep working) and a keyboard reader must still see where it is.
pub(super) fn reveal_details_keeping_focus() {
    request_animation_frame(move || {
        let document = document();
        let Some(panel) = document.query_selector("#cke-tl-details").ok().flatten() else {
            return;
        };
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        let wanted = panel.get_bounding_client_rect().top() + DETAILS_PEEK_PX - screen;
        if wanted <= 0.0 {
            return;
        }
        let room = document
            .active_element()
            .map(|focused| focused.get_bounding_client_rect().top() - FOCUS_ROOM_PX)
            .unwrap_or(wanted);
        let by = wanted.min(room).max(0.0);
        if by > 0.0 {
            window().scroll_by_with_x_and_y(0.0, by);
        }
    });
}

/// The dataset event index a DOM event came from (`data-index` on the element or an ancestor).
pub(super) fn index_of_target(event: &web_sys::Event) -> Option<usize> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let holder = element.closest("[data-index]").ok().flatten()?;
    holder.get_attribute("data-index")?.parse().ok()
}
