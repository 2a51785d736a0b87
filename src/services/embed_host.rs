//! Embed mode in the browser: tells the host page the explainer's height whenever it changes
//! (a `ResizeObserver`, never polling), answers pym.js width messages, and takes the host's theme
//! and language. Only messages from the parent window are read, and only exact shapes (see
//! [`cke_core::embed`]); everything else is ignored.

use crate::services::nav::Nav;
use cke_core::embed::{height_messages, parse_host_message, EmbedParams, HostMessage, Message};
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Posts the current height of `root` to the parent window in every format, unless it is the
/// height last posted (`force` posts anyway, e.g. in answer to pym's width message).
fn post_height(root: &web_sys::HtmlElement, params: &EmbedParams, last: &Cell<u32>, force: bool) {
    let height = root.get_bounding_client_rect().height().ceil().max(0.0) as u32;
    if height == last.get() && !force {
        return;
    }
    last.set(height);
    let window = window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let src = window.location().href().unwrap_or_default();
    for message in height_messages(params, height, &src) {
        let data = match message {
            Message::Text(text) => JsValue::from_str(&text),
            Message::Object(json) => js_sys::JSON::parse(&json).unwrap_or(JsValue::NULL),
        };
        // Height is not a secret: any host may read it, so the target origin is "*".
        let _ = parent.post_message(&data, "*");
    }
}

/// Starts talking to the host page about `root` (the explainer's root element).
pub fn connect(nav: Nav, root: web_sys::HtmlElement) {
    let params = Rc::new(EmbedParams::from_query(
        &window().location().search().unwrap_or_default(),
    ));
    let last = Rc::new(Cell::new(0_u32));

    let on_resize = {
        let (root, params, last) = (root.clone(), params.clone(), last.clone());
        Closure::<dyn FnMut()>::new(move || post_height(&root, &params, &last, false))
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer and listener live as long as the page.
    on_resize.forget();
    post_height(&root, &params, &last, true);

    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let window = window();
            let from_parent = match (event.source(), window.parent()) {
                (Some(source), Ok(Some(parent))) => js_sys::Object::is(&source, &parent),
                _ => false,
            };
            if !from_parent {
                return;
            }
            let Some(data) = event.data().as_string() else {
                return;
            };
            match parse_host_message(&data, &params) {
                Some(HostMessage::Width(_)) => post_height(&root, &params, &last, true),
                Some(HostMessage::Settings { theme, lang }) => {
                    let mut next = nav.selection.get_untracked();
                    if let Some(theme) = theme {
                        next.theme = theme;
                    }
                    if let Some(lang) = lang {
                        next.lang = Some(lang);
                    }
                    nav.go(next);
                }
                None => {}
            }
        });
    let _ =
        window().add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// Connects embed mode once the root element is mounted.
pub fn use_embed(nav: Nav, root: NodeRef<Div>) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        match root.get() {
            Some(element) => {
                connect(nav, element.into());
                true
            }
            None => false,
        }
    });
}
