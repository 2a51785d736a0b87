//! Taking over from the prerendered view.
//!
//! A release build saves, for each view and language, the markup this app draws for it
//! (`scripts/prerender.mjs`); the page's data preloader (`scripts/preload-data.js`) puts the
//! fragment of the URL's view into `<body>` before the wasm has arrived, marked
//! `data-cke-prerender`, so the reader reads the view at once. The app then mounts its own
//! root beside it, laid out but hidden (`data-cke-pending`: at the same width, so charts and the
//! timeline measure what they will be shown at), and, once its view is drawn, removes the
//! prerendered root and shows its own in one frame: the two have the same markup, so nothing
//! moves.
//!
//! A fragment that arrives after the app has mounted (a fast network, a cached wasm) still
//! replaces the app's skeleton: the preloader hides the app's root itself. Once the app has
//! shown its own view (`data-cke-shown` on `<html>`, set here and by the panic hook), a fragment
//! is dropped. Nothing here can panic; when anything is missing the app just shows itself.

use crate::services::chunk::{Awaited, Pending};
use crate::services::paint::next_task;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The attribute that marks the prerendered root (set by the preloader).
const PRERENDERED: &str = "data-cke-prerender";
/// The attribute that keeps the app's root hidden until it takes over (`style/main.css`).
const PENDING: &str = "data-cke-pending";
/// Set on `<html>` once the app shows its own view (or its error panel): from then on no
/// prerendered view may be shown.
pub const SHOWN: &str = "data-cke-shown";

/// Whether the app starts behind a prerendered view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Takeover {
    pending: bool,
}

impl Takeover {
    /// Called once as the app mounts: finds out whether a prerendered view is shown.
    pub fn begin() -> Takeover {
        Takeover {
            pending: document().is_some_and(|document| !prerendered_roots(&document).is_empty()),
        }
    }

    /// True when the app's root must mount hidden, behind a prerendered view.
    pub fn pending(self) -> bool {
        self.pending
    }

    /// Once the app's view (or its loading error) is drawn into `root`: on the next animation
    /// frame (after every DOM update of this turn), removes any prerendered root and shows
    /// `root`, in the same callback, so no frame is painted with neither or both. The reader's
    /// focus and opened disclosures carry over to the same places in the app's root.
    pub fn finish(self, root: Element) {
        let scheduled = web_sys::window().is_some_and(|window| {
            let later = root.clone();
            let swap = wasm_bindgen::closure::Closure::once_into_js(move || swap(&later));
            window.request_animation_frame(swap.unchecked_ref()).is_ok()
        });
        if !scheduled {
            // No frame callbacks (no window): nothing is painted anyway.
            swap(&root);
        }
    }
}

/// Whether a part of a view below its first screen may be drawn now (a signal, for the part to
/// follow). Behind a prerendered view nothing the app draws is seen before the swap, so the part
/// is drawn in the next task, and the main region is busy meanwhile (`chunk::Pending`), which
/// the swap waits for: the view is taken over whole, as prerendered, after two shorter tasks
/// rather than one long one on a phone's CPU (total blocking time). Otherwise it is drawn at
/// once, so that nothing the reader sees moves.
pub fn part_ready() -> RwSignal<bool> {
    let ready = RwSignal::new(!hidden());
    if !ready.get_untracked() {
        let busy = Pending::start(Awaited::Part);
        leptos::task::spawn_local(async move {
            next_task().await;
            // The view may be gone already (another language's data): nothing to do then.
            let _ = ready.try_set(true);
            // The mark ends once the part is in the page.
            request_animation_frame(move || drop(busy));
        });
    }
    ready
}

/// A part of a view drawn through [`part_ready`]: what `draw` draws, a task later while the
/// root is hidden behind a prerendered view, at once otherwise.
pub fn drawn_later<V: 'static>(
    draw: impl Fn() -> V + Send + Sync + 'static,
) -> impl Fn() -> Option<V> + Send + Sync + 'static {
    let ready = part_ready();
    move || ready.get().then(&draw)
}

/// Whether the app's root is still hidden behind a prerendered view.
pub fn hidden() -> bool {
    document().is_some_and(|document| {
        let shown = document
            .document_element()
            .is_some_and(|html| html.has_attribute(SHOWN));
        !shown && !prerendered_roots(&document).is_empty()
    })
}

/// Every prerendered root in the body (normally one).
fn prerendered_roots(document: &Document) -> Vec<Element> {
    let Ok(list) = document.query_selector_all(&format!("body > [{PRERENDERED}]")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// Shows `root` in place of the prerendered roots.
fn swap(root: &Element) {
    let Some(document) = document() else {
        let _ = root.remove_attribute(PENDING);
        return;
    };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute(SHOWN, "");
    }
    let roots = prerendered_roots(&document);
    let focus = roots
        .first()
        .and_then(|shown| carry_over(&document, shown, root));
    for prerendered in &roots {
        prerendered.remove();
    }
    let _ = root.remove_attribute(PENDING);
    if let Some(element) = focus {
        let _ = element.focus();
    }
}

/// What the reader did to the prerendered view before the app took over: open disclosures
/// are opened in the app (their contents are built then), and the element that has the focus
/// is returned, to be focused once the app's root is shown. Both roots have the same markup,
/// so an element's path of child indices finds its counterpart.
fn carry_over(document: &Document, from: &Element, to: &Element) -> Option<HtmlElement> {
    if let Ok(opened) = from.query_selector_all("details[open]") {
        for index in 0..opened.length() {
            let counterpart = opened
                .item(index)
                .and_then(|node| node.dyn_into::<Element>().ok())
                .and_then(|details| counterpart(from, &details, to));
            if let Some(details) = counterpart {
                let _ = details.set_attribute("open", "");
            }
        }
    }
    document
        .active_element()
        .filter(|element| element != from && from.contains(Some(element)))
        .and_then(|element| counterpart(from, &element, to))
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
}

/// The element of `to` at the place `element` has in `from`, if `to` has one with its tag.
fn counterpart(from: &Element, element: &Element, to: &Element) -> Option<Element> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while &current != from {
        let parent = current.parent_element()?;
        let siblings = parent.children();
        let index = (0..siblings.length())
            .find(|&index| siblings.item(index).as_ref() == Some(&current))?;
        path.push(index);
        current = parent;
    }
    let mut found = to.clone();
    for index in path.into_iter().rev() {
        found = found.children().item(index)?;
    }
    (found.tag_name() == element.tag_name()).then_some(found)
}

fn document() -> Option<Document> {
    web_sys::window().and_then(|window| window.document())
}
