//! The width of the page's main column, which charts span, as a context signal: a new chart
//! starts at the width the last one was measured at, so switching sectors usually draws every
//! chart once, at its final width.
//!
//! Architecture invariant: layout is read only here, and never while a view is being built
//! (see [`ColumnWidth::measure_main_column`] and [`ColumnWidth::observe`]).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The last width a chart was measured at, `None` before the first measure; provided by the
/// root.
#[derive(Clone, Copy)]
pub struct ColumnWidth(RwSignal<Option<f64>>);

/// The width the root provided (a fresh, unmeasured one outside the app root, as in a
/// component test).
pub fn use_column_width() -> ColumnWidth {
    use_context::<ColumnWidth>().unwrap_or_default()
}

impl Default for ColumnWidth {
    fn default() -> Self {
        Self::new()
    }
}

impl ColumnWidth {
    /// Not measured yet.
    pub fn new() -> ColumnWidth {
        ColumnWidth(RwSignal::new(None))
    }

    /// The width the last measured chart had, if any chart was measured yet.
    pub fn last(&self) -> Option<f64> {
        self.0.get_untracked()
    }

    /// Before the first chart is drawn: takes the content width of the page's main column as
    /// the charts' starting width. The root calls it when the data has arrived and before the
    /// views are built, while the page (its skeleton) is laid out already, so reading it forces
    /// no layout; the first charts are then placed once at the right width, not at a guess and
    /// again when their observer reports (every chart of a sector page, twice, on the first
    /// load). The observer still corrects any difference.
    pub fn measure_main_column(&self) {
        if self.last().is_some() {
            return;
        }
        let Some(main) = document().query_selector(".cke-main").ok().flatten() else {
            return;
        };
        let padding = window()
            .get_computed_style(&main)
            .ok()
            .flatten()
            .map(|style| {
                let side = |name: &str| {
                    style
                        .get_property_value(name)
                        .ok()
                        .and_then(|value| value.trim_end_matches("px").parse::<f64>().ok())
                        .unwrap_or(0.0)
                };
                side("padding-left") + side("padding-right")
            })
            .unwrap_or(0.0);
        let width = (f64::from(main.client_width()) - padding).floor();
        if width > 0.0 {
            self.0.set(Some(width));
        }
    }

    /// Keeps `width` equal to the content width of the element behind `target`, through a
    /// `ResizeObserver` (no polling), disconnected when the owner is cleaned up; each report is
    /// also the next chart's starting width.
    ///
    /// The width is never read while the view is being built: reading `clientWidth` there
    /// forces a layout of a half-built page, once per chart, which cost a sector switch tens of
    /// milliseconds. The observer's first report comes after the browser's own layout and
    /// before the frame is painted, so a wrong first guess is corrected without being seen
    /// (CLS stays 0).
    pub fn observe(self, target: NodeRef<Div>, width: RwSignal<f64>) {
        let last = self.0;
        Effect::new(move |_| {
            let Some(element) = target.get() else {
                return;
            };
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let Some(entry) = entries
                        .get(0)
                        .dyn_into::<web_sys::ResizeObserverEntry>()
                        .ok()
                    else {
                        return;
                    };
                    let measured = entry.content_rect().width().floor();
                    if measured > 0.0 {
                        // Read by the next chart when it starts, never tracked: no update here
                        // re-runs anything.
                        last.try_set(Some(measured));
                        if (measured - width.get_untracked()).abs() >= 1.0 {
                            width.set(measured);
                        }
                    }
                });
            let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref())
            else {
                return;
            };
            observer.observe(&element);
            let held = StoredValue::new_local(Some((observer, callback)));
            on_cleanup(move || {
                held.try_update_value(|held| {
                    if let Some((observer, _callback)) = held.take() {
                        observer.disconnect();
                    }
                });
            });
        });
    }
}
