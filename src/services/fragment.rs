//! The page's fragment (`#figure-…`): a deep link to one element of a view.
//!
//! A view that keeps some of its content for the reader to ask for (a sector's other figures)
//! reads the fragment to build that part at once when the link points into it; then, once the
//! app shows its own view, [`reveal_later`] opens the element's disclosure and scrolls it into
//! view, as the browser would have done had the element been in the page when it loaded.

use crate::services::takeover::SHOWN;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many frames [`reveal_later`] waits at most for the app to show its view (about 10 s at
/// 60 frames a second; a hidden tab does not run frames, and waits on).
const MAX_FRAMES: u32 = 600;

/// The page's fragment, with its `#`, or the empty string.
pub fn current() -> String {
    window().location().hash().unwrap_or_default()
}

/// Calls `changed` with the new fragment whenever the reader follows a link to another fragment
/// of the same page (or edits it), for as long as the calling component lives.
pub fn on_change(changed: impl Fn(String) + 'static) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| changed(current()));
    on_cleanup(move || handle.remove());
}

/// Once the app's own view is shown (not a prerendered one) and the element `id` is in it:
/// opens its first `<details>` (if it has one) and scrolls it into view. Gives up quietly when
/// the element never appears.
pub fn reveal_later(id: String) {
    reveal_after(id, MAX_FRAMES);
}

fn reveal_after(id: String, frames: u32) {
    request_animation_frame(move || {
        let document = document();
        let shown = document
            .document_element()
            .is_some_and(|html| html.has_attribute(SHOWN));
        let element = shown
            .then(|| document.get_element_by_id(&id))
            .flatten()
            .filter(|element| {
                element
                    .closest("[data-cke-pending]")
                    .ok()
                    .flatten()
                    .is_none()
            });
        match element {
            Some(element) => {
                if let Some(details) = element
                    .query_selector("details")
                    .ok()
                    .flatten()
                    .and_then(|details| details.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                {
                    details.set_open(true);
                }
                element.scroll_into_view();
            }
            None if frames > 0 => reveal_after(id, frames - 1),
            None => {}
        }
    });
}
