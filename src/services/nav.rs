//! Navigation: the reader's [`Selection`] as a signal, kept in step with the address bar.
//!
//! On a full page every in-app navigation pushes a history entry and back/forward restore the
//! selection. In embed mode the host page's URL (and history) is never touched: the selection
//! lives only in the signal. Links stay real `<a href>` links in both modes, so that opening one
//! in a new tab or copying it works.

use cke_core::url::{Selection, View};
use leptos::prelude::*;

/// The app's navigation state, provided as a context by the app root.
#[derive(Clone, Copy)]
pub struct Nav {
    /// The current selection; views read it, links write it through [`Nav::go`].
    pub selection: RwSignal<Selection>,
    /// The page's path (without query), the base of every link.
    path: StoredValue<String>,
    /// True in embed mode: the address bar and history are left alone.
    embedded: bool,
    /// True once the reader has navigated (a link, a key, back or forward) since the page
    /// loaded: what is drawn then answers an input, not the first load.
    navigated: StoredValue<bool>,
}

impl Nav {
    /// Creates the navigation state from the page's location and listens to back/forward.
    pub fn from_location(current_year: i32) -> Nav {
        let location = window().location();
        let query = location.search().unwrap_or_default();
        let path = location.pathname().unwrap_or_default();
        let selection = Selection::from_query(&query, current_year);
        let embedded = selection.embed;
        let nav = Nav {
            selection: RwSignal::new(selection),
            path: StoredValue::new(path),
            embedded,
            navigated: StoredValue::new(false),
        };
        if !embedded {
            let handle = window_event_listener(leptos::ev::popstate, move |_| {
                nav.navigated.set_value(true);
                let query = window().location().search().unwrap_or_default();
                nav.selection
                    .set(Selection::from_query(&query, current_year));
            });
            on_cleanup(move || handle.remove());
        }
        nav
    }

    /// Navigation that never touches the address bar or history (embeds, component tests).
    pub fn detached(selection: Selection) -> Nav {
        Nav {
            selection: RwSignal::new(selection),
            path: StoredValue::new(String::new()),
            embedded: true,
            navigated: StoredValue::new(false),
        }
    }

    /// Whether the reader has navigated since the page loaded (see [`Nav::go`]).
    pub fn has_navigated(&self) -> bool {
        self.navigated.get_value()
    }

    /// The `href` of a link to `selection`.
    pub fn href(&self, selection: &Selection) -> String {
        let query = selection.to_query();
        let path = self.path.get_value();
        if query.is_empty() {
            if path.is_empty() {
                "./".to_owned()
            } else {
                path
            }
        } else {
            format!("{path}{query}")
        }
    }

    /// Shows `selection`, adding a history entry unless embedded or nothing changed.
    pub fn go(&self, selection: Selection) {
        if self
            .selection
            .with_untracked(|current| *current == selection)
        {
            return;
        }
        self.navigated.set_value(true);
        if !self.embedded {
            let href = self.href(&selection);
            if let Ok(history) = window().history() {
                // A failure here (e.g. a sandboxed document) only loses the history entry;
                // the view still changes.
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
            }
        }
        self.selection.set(selection);
    }

    /// Shows another view, carrying over what applies to it.
    pub fn go_to_view(&self, view: View) {
        let next = self
            .selection
            .with_untracked(|current| current.with_view(view));
        self.go(next);
    }
}

/// Reads the navigation state provided by the app root.
pub fn use_nav() -> Nav {
    // The app root always provides it; a component rendered without it (a test harness that
    // forgot to) gets a working, empty navigation instead of a panic.
    use_context::<Nav>().unwrap_or_else(|| Nav::detached(Selection::default()))
}

/// True when a click should be left to the browser (new tab, new window, download…).
pub fn is_modified_click(event: &leptos::ev::MouseEvent) -> bool {
    event.button() != 0
        || event.ctrl_key()
        || event.meta_key()
        || event.shift_key()
        || event.alt_key()
}
