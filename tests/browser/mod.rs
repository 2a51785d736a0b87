//! Shared helpers of the browser tests (`web.rs`, `charts_web.rs`): the good data fixture built
//! as the app builds its data, and waiting for a frame.

// Each test crate uses a different part; a failed expectation panics, as tests do.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use cke_core::data::model::{Dataset, Date};
use cke_core::data::{build_dataset, DataFiles};
use leptos::prelude::*;

/// The good fixture of the data tests (`core/tests/fixtures/data/good`), validated.
pub fn fixture_dataset() -> Arc<Dataset> {
    macro_rules! fixture {
        ($file:literal) => {
            Some(include_str!(concat!("../../core/tests/fixtures/data/good/", $file)).to_owned())
        };
    }
    let files = DataFiles {
        sources: fixture!("sources.json"),
        sectors: fixture!("sectors.json"),
        events: fixture!("events.json"),
        figures: fixture!("figures.json"),
        series: fixture!("series.json"),
        comparisons: fixture!("comparisons.json"),
        caveats: fixture!("caveats.json"),
        story: fixture!("story.json"),
        places: fixture!("places.json"),
        texts: vec![("en".to_owned(), fixture!("text/en.json"))],
        deferred: Vec::new(),
    };
    let today = Date::from_ymd(2026, 11, 28).unwrap();
    Arc::new(
        build_dataset(&files, today)
            .dataset
            .expect("the good fixture builds"),
    )
}

/// Waits for the next animation frame (a ResizeObserver reports before it).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The preloader's prerendered root in the body (`data-cke-prerender`), which the app's hidden
/// root takes over from: behind it, views draw their lower parts a task later
/// (`takeover::part_ready`). Removed when dropped.
pub struct PrerenderedView(web_sys::Element);

impl PrerenderedView {
    pub fn shown() -> PrerenderedView {
        let root = document().create_element("div").unwrap();
        root.set_attribute("data-cke-prerender", "").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        PrerenderedView(root)
    }
}

impl Drop for PrerenderedView {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// Whether every part of the main region is drawn within ten frames: a part drawn a task later
/// may defer one of its own (a sector page's chart, its marks).
pub async fn parts_drawn() -> bool {
    use china_kazakhstan_explorer::services::chunk::main_pending;
    for _ in 0..10 {
        if !untrack(main_pending) {
            return true;
        }
        next_frame().await;
    }
    !untrack(main_pending)
}
