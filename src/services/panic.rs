//! The last resort: what the reader sees when the app hits a bug (a Rust panic).
//!
//! The release build aborts on panic (`panic = "abort"`): once the hook returns, the wasm
//! instance is dead, so nothing reactive can draw anything any more. The hook therefore logs the
//! panic to the console (for whoever debugs it) and replaces the page with a calm error panel
//! built with plain DOM calls: a heading, one sentence and a reload link, in the reader's
//! language, so that the reader never faces a frozen or blank page.
//!
//! Everything in here is fallible: a panic inside a panic hook aborts at once, so no step may
//! assume a window, a document or a body exists.

use cke_core::strings::Ui;
use cke_core::url::Selection;
use std::panic::PanicHookInfo;
use web_sys::{Document, Element};

/// Installs the hook; called first thing at start, before anything can panic.
pub fn install_hook() {
    std::panic::set_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    // `info` reads "panicked at src/….rs:line:column:\n<message>".
    web_sys::console::error_1(
        &format!("China–Kazakhstan Explorer stopped after an internal error (a bug): {info}")
            .into(),
    );
    // Nothing more can be done if the page itself is unreachable.
    let _ = show_error_panel();
}

/// Replaces the app's root (or adds a root when the app never mounted) with the error panel.
fn show_error_panel() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let body = document.body()?;
    let query = window.location().search().unwrap_or_default();
    // `current_year` only bounds `year=`, which the panel does not use.
    let selection = Selection::from_query(&query, 0);
    let lang = selection
        .lang
        .unwrap_or_else(|| crate::services::clock::preferred_language(&window.navigator()));
    let old_root = document.query_selector(".cke").ok().flatten();
    // Keep the theme the reader (or the host page) chose; the dead app's root knows it best.
    let theme = old_root
        .as_ref()
        .and_then(|root| root.get_attribute("data-theme"))
        .unwrap_or_else(|| selection.theme.as_str().to_owned());

    // All CSS lives under `.cke`, so the panel gets a fresh root of its own.
    let root = element(
        &document,
        "div",
        &[("class", "cke"), ("data-theme", &theme)],
    )?;
    let embedded = if selection.embed { "true" } else { "false" };
    root.set_attribute("data-embed", embedded).ok()?;
    root.set_attribute("data-cke-crashed", "").ok()?;
    root.set_attribute("lang", lang.bcp47()).ok()?;
    let main = element(&document, "main", &[("class", "cke-main"), ("id", "main")])?;
    let alert = element(
        &document,
        "div",
        &[("class", "cke-alert"), ("role", "alert")],
    )?;
    // Focusable, so that keyboard and screen-reader users land on it (their focus was inside
    // the app that is now gone).
    let heading = element(&document, "h1", &[("tabindex", "-1")])?;
    heading.set_text_content(Some(Ui::CrashedTitle.text(lang)));
    let sentence = element(&document, "p", &[])?;
    sentence.set_text_content(Some(Ui::CrashedBody.text(lang)));
    // A plain link to the same address: it works without any script, and the URL holds the
    // reader's whole state, so reloading brings them back to where they were.
    let href = window.location().href().unwrap_or_else(|_| "./".to_owned());
    let reload = element(&document, "a", &[("class", "cke-button"), ("href", &href)])?;
    reload.set_text_content(Some(Ui::CrashedReload.text(lang)));
    let action = element(&document, "p", &[])?;
    action.append_child(&reload).ok()?;
    for child in [&heading, &sentence, &action] {
        alert.append_child(child).ok()?;
    }
    main.append_child(&alert).ok()?;
    root.append_child(&main).ok()?;

    // The dead app's controls would only throw on every click: remove it entirely, and with it
    // a prerendered view it had not yet replaced (`takeover`), which would never go away.
    match old_root {
        Some(old) => old.replace_with_with_node_1(&root).ok()?,
        None => {
            body.append_child(&root).ok()?;
        }
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute(crate::services::takeover::SHOWN, "");
    }
    if let Ok(others) = document.query_selector_all("body > .cke:not([data-cke-crashed])") {
        for index in 0..others.length() {
            if let Some(other) = others
                .item(index)
                .and_then(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
            {
                other.remove();
            }
        }
    }
    if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading) {
        let _ = heading.focus();
    }
    Some(())
}

/// An element with attributes, or `None` if the DOM refuses.
fn element(document: &Document, tag: &str, attributes: &[(&str, &str)]) -> Option<Element> {
    let element = document.create_element(tag).ok()?;
    for (name, value) in attributes {
        element.set_attribute(name, value).ok()?;
    }
    Some(element)
}

/// Test builds only (`--features test-panic`): panics on purpose when the URL asks for it with
/// `panic=1`, so that the end-to-end tests can watch the hook at work in a real release build.
/// The normal build has no such code at all (`e2e/panic.test.mjs` checks that too).
#[cfg(feature = "test-panic")]
pub fn panic_if_asked() {
    let asked = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .is_some_and(|query| {
            query
                .trim_start_matches('?')
                .split('&')
                .any(|pair| pair == "panic=1")
        });
    if asked {
        // On a later tick, from a callback, like a real bug in an event handler would: the app
        // has mounted by then.
        leptos::prelude::set_timeout(deliberate_panic, std::time::Duration::from_millis(50));
    }
}

#[cfg(feature = "test-panic")]
#[allow(clippy::panic)] // The whole point: a deliberate panic, in a test build only.
fn deliberate_panic() {
    panic!("test-panic: a deliberate panic, asked for by ?panic=1");
}
