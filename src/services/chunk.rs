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

/// Loads the style sheets of the views the overview does not draw (charts, timeline, story,
/// map), which the build took out of the page's head and named in
/// `<meta name="cke-later-styles">` (scripts/later-styles.mjs): what a chunk draws waits for
/// them (`components::lazy`), and they are fetched ahead when the browser is idle. A sheet the
/// preloader has already added (for a view it showed prerendered) is waited for, not added
/// again. Without that meta (tests, a build that keeps every sheet in the head) there is
/// nothing to wait for. A sheet that fails is removed, so that the next call (a retry) adds it
/// again.
///
/// Boxed: every caller's copy of `lazy_view` holds it, and should not carry its code.
pub fn view_styles() -> futures::future::LocalBoxFuture<'static, Result<(), ChunkFailed>> {
    Box::pin(async {
        for link in view_style_links() {
            // A loaded sheet has its `sheet`; one on the way (or just added) has none yet,
            // and its `load` or `error` event is still to come. The downloads run at once:
            // waiting for them in turn costs nothing.
            let loaded = js_sys::Reflect::get(&link, &"sheet".into())
                .is_ok_and(|sheet| !sheet.is_null() && !sheet.is_undefined());
            if !loaded {
                arrival(link).await?;
            }
        }
        Ok(())
    })
}

/// Starts the downloads of the view style sheets ([`view_styles`] waits for them).
pub fn request_view_styles() {
    view_style_links();
}

/// The link of each view style sheet, added to the head where there is none yet.
fn view_style_links() -> Vec<web_sys::Element> {
    let Some(document) = window().document() else {
        return Vec::new();
    };
    let found = |selector: &str| document.query_selector(selector).ok().flatten();
    let (Some(meta), Some(head)) = (found(r#"meta[name="cke-later-styles"]"#), found("head"))
    else {
        return Vec::new();
    };
    let hrefs = meta.get_attribute("content").unwrap_or_default();
    hrefs
        .split_whitespace()
        .filter_map(|href| {
            if let Some(link) = found(&format!(r#"link[rel="stylesheet"][href="{href}"]"#)) {
                return Some(link);
            }
            let link = document.create_element("link").ok()?;
            let _ = link.set_attribute("rel", "stylesheet");
            let _ = link.set_attribute("href", href);
            // A sheet that fails before anyone waits for it leaves too, so that the next wait
            // adds it again rather than waiting for an event that has passed.
            let failed = link.clone();
            let remove = Closure::once_into_js(move || failed.remove());
            if let Some(remove) = remove.dyn_ref::<js_sys::Function>() {
                let _ = link.add_event_listener_with_callback("error", remove);
            }
            head.append_child(&link).ok()?;
            Some(link)
        })
        .collect()
}

/// Resolves when a style sheet's link has loaded; on an error, removes the link.
async fn arrival(link: web_sys::Element) -> Result<(), ChunkFailed> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = link.add_event_listener_with_callback("load", &resolve);
        let _ = link.add_event_listener_with_callback("error", &reject);
    });
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(_) => {
            link.remove();
            Err(ChunkFailed)
        }
    }
}
