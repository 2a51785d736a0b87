//! Moving keyboard focus after a change of view, and saying so to screen readers.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// On the next frame (once the new view is in the DOM), focuses the main heading and puts its
/// text into the live region `announcement`.
pub fn focus_heading_later(announcement: RwSignal<String>) {
    let callback = Closure::once_into_js(move || {
        let Some(heading) = document()
            .query_selector(".cke-main h1")
            .ok()
            .flatten()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        // A heading is not focusable by default; -1 keeps it out of the Tab order.
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
        announcement.set(heading.text_content().unwrap_or_default());
    });
    let _ = window().request_animation_frame(callback.unchecked_ref());
}
