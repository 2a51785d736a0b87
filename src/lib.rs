//! China–Kazakhstan Explorer: an embeddable, multilingual explainer of China–Kazakhstan
//! relations since 1992. This crate is the browser app; everything that can be decided without
//! a browser lives in the core crate, `cke_core`.
//!
//! Modules in the order of the dependency graph, each importing only those before it:
//! `services` (clock, network, address bar, host page, `Intl`, layout) ← `components` (shared
//! interface pieces) ← `views` ← `app` (the root). Nothing imports the root.

pub mod services;

pub mod components;

pub mod views;

pub mod app;

/// Mounts the explainer on the page's `<body>`.
pub fn start() {
    // First, so that a bug anywhere after this leaves a calm error panel, not a dead page.
    services::panic::install_hook();
    // In a task of its own: the wasm's instantiation, in the task this runs in, is already
    // long on a phone's CPU, and mounting made it longer (total blocking time).
    leptos::prelude::set_timeout(
        || {
            let today = services::clock::Today::from_browser();
            leptos::mount::mount_to_body(move || leptos::view! { <app::App today/> });
            #[cfg(feature = "test-panic")]
            services::panic::panic_if_asked();
        },
        std::time::Duration::ZERO,
    );
}
