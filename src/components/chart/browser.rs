//! The chart's few browser services: numbers spelt by `Intl`, and
//! downloads made from a `Blob` and an object URL (no request leaves the
//! page; works offline). A PNG is the chart's standalone SVG drawn onto a canvas.
//!
//! Failures here (an old browser, a sandbox without downloads) only lose the download or fall
//! back to a fixed width; they never panic.

use crate::services::intl::{spell_number, NumberStyle};
use cke_core::charts::text::{PlainSpell, Spell};
use cke_core::url::Lang;
use js_sys::Array;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Numbers spelt by the browser's `Intl` for the reader's language: data values with every
/// digit they have (like `ui::intl::format_number`), axis labels compact. The formatters are
/// shared and made once per language and spelling (`ui::intl::spell_number`).
pub struct IntlSpell {
    lang: Lang,
}

impl IntlSpell {
    /// The spelling of `lang`.
    pub fn new(lang: Lang) -> IntlSpell {
        IntlSpell { lang }
    }
}

impl Spell for IntlSpell {
    fn number(&self, value: f64, signed: bool) -> String {
        let style = if signed {
            NumberStyle::ExactSigned
        } else {
            NumberStyle::Exact
        };
        spell_number(value, self.lang, style).unwrap_or_else(|| PlainSpell.number(value, signed))
    }

    fn tick(&self, value: f64, decimals: u8) -> String {
        let style = if value.abs() >= 1e4 {
            NumberStyle::Compact
        } else {
            NumberStyle::Fixed(decimals)
        };
        spell_number(value, self.lang, style).unwrap_or_else(|| PlainSpell.tick(value, decimals))
    }
}

/// Saves `blob` as a file called `name`, through a temporary link to an object URL.
fn save_blob(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    let document = document();
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.set_hidden(true);
        if let Some(body) = document.body() {
            let _ = body.append_child(&link);
            link.click();
            link.remove();
        }
    }
    // The browser has taken the file by the next task; the URL is then released.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_millis(1000),
    );
}

fn text_blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(
        &Array::of1(&JsValue::from_str(text)),
        &options,
    )
    .ok()
}

/// Downloads `text` as a file of type `mime` called `name`.
pub fn download_text(name: &str, mime: &str, text: &str) {
    if let Some(blob) = text_blob(text, mime) {
        save_blob(&blob, name);
    }
}

/// Downloads a PNG of the SVG document `svg` (`width` × `height` CSS pixels), drawn at twice
/// that resolution onto a canvas.
pub fn download_png(name: &str, svg: &str, width: f64, height: f64) {
    let Some(blob) = text_blob(svg, "image/svg+xml") else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let name = name.to_owned();
    let loaded = image.clone();
    let source = url.clone();
    let on_load = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&source);
        let Some(canvas) = document()
            .create_element("canvas")
            .ok()
            .and_then(|element| element.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        let scale = 2.0;
        canvas.set_width((width * scale).ceil() as u32);
        canvas.set_height((height * scale).ceil() as u32);
        let Some(context) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = context.scale(scale, scale);
        let _ = context
            .draw_image_with_html_image_element_and_dw_and_dh(&loaded, 0.0, 0.0, width, height);
        let on_blob = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                save_blob(&blob, &name);
            }
        });
        let _ = canvas.to_blob_with_type(on_blob.unchecked_ref(), "image/png");
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_src(&url);
}
