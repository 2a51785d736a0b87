//! Waiting for the browser to paint, so that work that can wait does not delay a frame.

use leptos::prelude::*;

/// Resolves in a new task (a zero timeout): between two long pieces of work, so that the browser
/// may handle input or paint between them and neither makes one task of both (total blocking
/// time counts every task over 50 ms).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        set_timeout(
            move || {
                // Resolving a promise with no value cannot fail.
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            },
            std::time::Duration::ZERO,
        );
    });
    // The promise is only ever resolved, never rejected.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Resolves after the next frame has been painted: a frame callback runs just before that
/// paint, and a zero timeout queued from it runs after.
pub async fn after_next_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    // Resolving a promise with no value cannot fail.
                    let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
                },
                std::time::Duration::ZERO,
            );
        });
    });
    // The promise is only ever resolved, never rejected.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
