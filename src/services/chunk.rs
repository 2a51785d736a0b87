//! Code that is fetched on demand: in a split build (cargo feature `split`, set only by the Trunk
//! build hook `scripts/split.mjs`), the views and components the first view does not draw are
//! separate wasm chunks. This module has what their loaders share: the error a failed fetch
//! gives, and the wait for an idle moment after the first view, when the chunks are fetched
//! ahead of need.

use leptos::prelude::*;
use std::cell::Cell;
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A chunk of the app's code could not be fetched or compiled. Not cached: the next call of the
/// loader fetches it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// How long after the first view the idle wait starts: the first view's own start-up work
/// (its data, its layout) comes first.
const SETTLE: Duration = Duration::from_millis(1000);

thread_local! {
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// How many chunks are on the way for a whole view, and for parts of the main region.
    static PENDING: (ArcRwSignal<u32>, ArcRwSignal<u32>) = (ArcRwSignal::new(0), ArcRwSignal::new(0));
}

/// What waits for a chunk on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Awaited {
    /// A whole view.
    View,
    /// A part of the main region (a chart, a map's outlines).
    Part,
}

/// Marks a chunk of the main region on the way until it is dropped.
pub struct Pending(Awaited);

impl Pending {
    pub fn start(awaited: Awaited) -> Pending {
        counter(awaited).update(|count| *count += 1);
        Pending(awaited)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        counter(self.0).update(|count| *count = count.saturating_sub(1));
    }
}

fn counter(awaited: Awaited) -> ArcRwSignal<u32> {
    PENDING.with(|(views, parts)| match awaited {
        Awaited::View => views.clone(),
        Awaited::Part => parts.clone(),
    })
}

/// Whether a view's chunk is on the way (tracked): its heading is not there yet.
pub fn view_pending() -> bool {
    counter(Awaited::View).get() > 0
}

/// Whether any chunk of the main region is on the way (tracked): the region is busy.
pub fn main_pending() -> bool {
    view_pending() || counter(Awaited::Part).get() > 0
}

/// Resolves when the browser is next idle (`requestIdleCallback`, at most 3 s later; a zero
/// timeout where there is none).
pub async fn idle_moment() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let idle = js_sys::Reflect::get(&window(), &"requestIdleCallback".into())
            .ok()
            .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"timeout".into(), &3000.into());
        let scheduled = idle.is_some_and(|idle| idle.call2(&window(), &resolve, &options).is_ok());
        if !scheduled {
            let _ = window().set_timeout_with_callback(&resolve);
        }
    });
    // The promise is only ever resolved, never rejected.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `work` once per page, when the browser is idle a moment after it is called
/// (`requestIdleCallback`, or a timeout where there is none). Later calls do nothing.
pub fn once_idle(work: impl FnOnce() + 'static) {
    if SCHEDULED.with(|scheduled| scheduled.replace(true)) {
        return;
    }
    set_timeout(
        move || {
            let callback = Closure::once_into_js(work);
            let idle = js_sys::Reflect::get(&window(), &"requestIdleCallback".into())
                .ok()
                .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &3000.into());
            let scheduled =
                idle.is_some_and(|idle| idle.call2(&window(), &callback, &options).is_ok());
            if !scheduled {
                if let Some(callback) = callback.dyn_ref::<js_sys::Function>() {
                    let _ = window().set_timeout_with_callback(callback);
                }
            }
        },
        SETTLE,
    );
}
