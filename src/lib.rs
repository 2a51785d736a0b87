//! China–Kazakhstan Explorer: an embeddable, multilingual explainer of China–Kazakhstan
//! relations since 1992. Modules in reading order: the pure core first (URL contract, data,
//! text), then the browser shell (clock, loading, navigation, app, interface, views).

pub mod charts;
pub mod data;
pub mod embed;
pub mod format;
pub mod strings;
pub mod timeline;
pub mod url;

pub mod app;
pub mod clock;
pub mod load;
pub mod nav;
pub mod panic;
pub mod ui;
pub mod views;

/// Mounts the explainer on the page's `<body>`.
pub fn start() {
    // First, so that a bug anywhere after this leaves a calm error panel, not a dead page.
    panic::install_hook();
    let today = clock::Today::from_browser();
    leptos::mount::mount_to_body(move || leptos::view! { <app::App today/> });
    #[cfg(feature = "test-panic")]
    panic::panic_if_asked();
}
