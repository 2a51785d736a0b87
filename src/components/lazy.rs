//! Drawing what a chunk of code fetched on demand draws (see `services::chunk`).
//!
//! In a split build the view waits for its chunk and the view style sheets (at once when they
//! were fetched ahead, when the browser was idle); meanwhile the main region is busy, as while
//! data loads (the root reads `services::chunk::main_pending`). When the chunk cannot be
//! fetched, a calm message in the reader's language with a retry takes its place
//! (`PartLoadError`, also what a failed download shows), as for a data file that fails, never a
//! panic. In other builds (tests, clippy) the loader is an ordinary call and the view is drawn
//! at once.

use crate::services::chunk::{request_view_styles, view_styles, Awaited, ChunkFailed, Pending};
use crate::services::lang::use_lang;
use crate::services::paint::next_task;
use crate::services::takeover;
use cke_core::strings::Ui;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use std::future::Future;
use std::sync::Arc;

/// What waits for a chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// A whole view: the main region is busy meanwhile, and the root moves the focus to the
    /// view's heading (after a change of view) once it is there.
    View,
    /// A part of the main region (a chart): the main region is busy meanwhile.
    Part,
    /// Something outside the main region (the footer's embed-code generator).
    Aside,
}

/// What `load` draws, or a retry when its chunk failed; `waiting` says what waits for it.
pub fn lazy_view<F, Fut>(load: F, waiting: Waiting) -> AnyView
where
    F: Fn() -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, ChunkFailed>> + 'static,
{
    #[cfg(not(feature = "split"))]
    {
        use futures::FutureExt;
        // Not split: the loader never waits.
        if let Some(Ok(view)) = load().now_or_never() {
            return view;
        }
    }
    // Everything below is the same for every chunk: one copy of it, not one per caller.
    let load: Loader = Arc::new(move || Box::pin(load()));
    drawn_on_arrival(load, waiting)
}

/// A chunk's loader, boxed so that [`drawn_on_arrival`] is not generic.
type Loader = Arc<dyn Fn() -> LocalBoxFuture<'static, Result<AnyView, ChunkFailed>> + Send + Sync>;

/// What [`lazy_view`] does once its loader is boxed.
fn drawn_on_arrival(load: Loader, waiting: Waiting) -> AnyView {
    let awaited = match waiting {
        Waiting::View => Some(Awaited::View),
        Waiting::Part => Some(Awaited::Part),
        Waiting::Aside => None,
    };
    let attempt = RwSignal::new(0_u32);
    (move || {
        attempt.track();
        let load = load.clone();
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            let mut busy = None;
            // Behind a prerendered view, the loader starts (a fetch per chunk the view shares
            // with others, some twenty) in a task after the one that asks for it, which also
            // draws the rest of the page's first view.
            if takeover::hidden() {
                busy = Some(awaited.map(Pending::start));
                next_task().await;
            }
            // What a chunk draws is styled by the view style sheets, which the overview's page
            // loads later: their downloads start beside the chunk's, and the view waits for
            // them after it (`chunk::view_styles`; not joined here, where each caller's copy
            // of this function would carry the join).
            request_view_styles();
            let loading = load();
            futures::pin_mut!(loading);
            let result = futures::future::poll_fn(|context| {
                let poll = loading.as_mut().poll(context);
                if poll.is_pending() && busy.is_none() {
                    busy = Some(awaited.map(Pending::start));
                }
                poll
            })
            .await;
            let result = match result {
                Ok(view) => view_styles().await.map(|()| view),
                Err(failed) => Err(failed),
            };
            // The mark ends once the view is in the page.
            if let Some(Some(busy)) = busy {
                request_animation_frame(move || drop(busy));
            }
            match result {
                Ok(view) => view,
                Err(ChunkFailed) => view! {
                    <PartLoadError retry=move || attempt.update(|attempt| *attempt += 1)/>
                }
                .into_any(),
            }
        }))
    })
    .into_any()
}

/// A part of the app's code (a wasm chunk fetched on demand) could not be fetched: a calm note
/// in the reader's language and a retry that fetches it again. The rest of the page stays.
#[component]
pub fn PartLoadError(retry: impl Fn() + 'static) -> impl IntoView {
    let lang = use_lang().get_untracked();
    view! {
        <div class="cke-alert" data-kind="warning" role="alert" data-part-failed="">
            <p>{Ui::PartLoadFailed.text(lang)}</p>
            <button type="button" class="cke-button" on:click=move |_| retry()>
                {Ui::Retry.text(lang)}
            </button>
        </div>
    }
}
