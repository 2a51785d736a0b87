//! Embed mode in the browser: tells the host page the explainer's height whenever it changes
//! (a `ResizeObserver`, never polling), answers pym.js width messages, and takes the host's theme
//! and language. Only messages from the parent window are read, and only exact shapes (see
//! [`crate::embed`]); everything else is ignored. Also the embed-code generator for editors.

use crate::app::use_lang;
use crate::clock::Today;
use crate::data::model::{Dataset, SectorId};
use crate::embed::{height_messages, parse_host_message, EmbedParams, HostMessage, Message};
use crate::load::Loaded;
use crate::nav::{use_nav, Nav};
use crate::strings::Ui;
use crate::ui::disclosure::LazyDetails;
use crate::url::{Lang, Selection, Theme, View, FIRST_YEAR};
use leptos::html::Div;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
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

/// The address of this page without its query: the base of embed URLs.
fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Escapes text for an HTML attribute value in the generated code.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The three ways to embed `selection`: a plain iframe, with our host script, with pym.js.
pub fn embed_codes(base: &str, selection: &Selection, title: &str) -> [String; 3] {
    let mut embedded = selection.clone();
    embedded.embed = true;
    let src = format!("{base}{}", embedded.to_query());
    let script = format!("{}embed.js", base.trim_end_matches("index.html"));
    let title = attribute(title);
    let src_attr = attribute(&src);
    let iframe = format!(
        "<iframe src=\"{src_attr}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"900\" style=\"border:0;width:100%\"></iframe>"
    );
    let hosted = format!(
        "<iframe data-cke-embed src=\"{src_attr}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"900\" style=\"border:0;width:100%\"></iframe>\n<script src=\"{}\" async></script>",
        attribute(&script)
    );
    let pym = format!(
        "<div id=\"cke-explainer\"></div>\n<script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script>\n<script>new pym.Parent(\"cke-explainer\", \"{src_attr}\", {{ title: \"{title}\" }});</script>"
    );
    [iframe, hosted, pym]
}

/// Editors pick what to embed and copy the code. Built when first opened, from the complete
/// data (the charts' names come from `comparisons.json`, which may still be on the way).
#[component]
pub fn EmbedCodeGenerator(
    /// The complete load; `None` until it has been built.
    data: Signal<Option<Loaded>>,
    /// Set when the generator is opened: the complete load is built then, if not yet.
    wants_complete: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <LazyDetails class="cke-embed" summary=Ui::EmbedTitle.text(lang).into_any()>
            {Effect::new(move |_| wants_complete.set(true));}
            {move || match data.get() {
                Some(Loaded::Ready { dataset, .. }) => view! { <EmbedChoices dataset/> }.into_any(),
                _ => view! { <p role="status">{Ui::Loading.text(lang)}</p> }.into_any(),
            }}
        </LazyDetails>
    }
}

/// The choices of [`EmbedCodeGenerator`] and the code they give.
#[component]
fn EmbedChoices(
    /// The data, for the names of sectors and charts.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let lang = use_lang();
    let this_year = use_context::<Today>()
        .map(Today::year)
        .unwrap_or(FIRST_YEAR);
    let nav = use_nav();
    // The code embeds what the reader is looking at; the selects below adjust it.
    let choice = RwSignal::new(nav.selection.get_untracked());
    Effect::new(move |_| choice.set(nav.selection.get()));
    let set = move |change: fn(&mut Selection, &str), value: String| {
        choice.update(|selection| change(selection, &value));
    };
    let view_select = move |event: leptos::ev::Event| {
        set(
            |s, v| s.view = View::parse(v).unwrap_or_default(),
            event_target_value(&event),
        );
    };
    let lang_select = move |event: leptos::ev::Event| {
        set(|s, v| s.lang = Lang::parse(v), event_target_value(&event));
    };
    let sector_select = move |event: leptos::ev::Event| {
        set(
            |s, v| s.sectors = SectorId::parse(v).into_iter().collect(),
            event_target_value(&event),
        );
    };
    let year_select = move |event: leptos::ev::Event| {
        set(|s, v| s.year = v.parse().ok(), event_target_value(&event));
    };
    let chart_select = move |event: leptos::ev::Event| {
        set(
            |s, v| s.chart = (!v.is_empty()).then(|| v.to_owned()),
            event_target_value(&event),
        );
    };
    let theme_select = move |event: leptos::ev::Event| {
        set(
            |s, v| s.theme = Theme::parse(v).unwrap_or_default(),
            event_target_value(&event),
        );
    };
    let codes =
        Memo::new(move |_| embed_codes(&page_base(), &choice.get(), Ui::AppTitle.text(lang)));
    let copied = RwSignal::new(None::<usize>);
    let copy = move |index: usize| {
        let text = codes.with_untracked(|codes| codes.get(index).cloned().unwrap_or_default());
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                copied.set(Some(index));
            }
        });
    };
    let sectors: Vec<(SectorId, String)> = dataset
        .sectors()
        .iter()
        .map(|sector| {
            (
                sector.id,
                dataset
                    .text(&sector.name_key())
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    let charts: Vec<(String, String)> = dataset
        .comparisons()
        .iter()
        .map(|c| {
            (
                c.id.as_str().to_owned(),
                dataset.text(&c.title_key()).unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let variants = [Ui::EmbedPlain, Ui::EmbedWithScript, Ui::EmbedWithPym];
    let blocks = variants
        .into_iter()
        .enumerate()
        .map(|(index, label)| {
            let id = format!("cke-embed-code-{index}");
            view! {
                <div class="cke-embed__code">
                    <label for=id.clone()>{label.text(lang)}</label>
                    <textarea id=id readonly rows="4" prop:value=move || codes.with(|codes| codes.get(index).cloned().unwrap_or_default())></textarea>
                    <button type="button" class="cke-button" on:click=move |_| copy(index)>
                        {move || if copied.get() == Some(index) { Ui::EmbedCopied.text(lang) } else { Ui::EmbedCopy.text(lang) }}
                    </button>
                </div>
            }
        })
        .collect_view();
    let option = |value: String, label: String, selected: Signal<bool>| {
        view! { <option value=value selected=selected>{label}</option> }
    };
    view! {
            <p>{Ui::EmbedHelp.text(lang)}</p>
            <div class="cke-embed__choices">
                <div class="cke-embed__choice"><label for="cke-embed-view">{Ui::EmbedView.text(lang)}</label>
                    <select id="cke-embed-view" on:change=view_select>
                        {View::ALL.into_iter().map(|view| option(view.as_str().to_owned(), crate::ui::frame::view_label(view).text(lang).to_owned(), Signal::derive(move || choice.with(|c| c.view == view)))).collect_view()}
                    </select></div>
                <div class="cke-embed__choice"><label for="cke-embed-sector">{Ui::EmbedSector.text(lang)}</label>
                    <select id="cke-embed-sector" on:change=sector_select>
                        <option value="" selected=move || choice.with(|c| c.sectors.is_empty())>{Ui::EmbedNone.text(lang)}</option>
                        {sectors.into_iter().map(|(id, name)| option(id.as_str().to_owned(), name, Signal::derive(move || choice.with(|c| c.sector() == Some(id))))).collect_view()}
                    </select></div>
                <div class="cke-embed__choice"><label for="cke-embed-year">{Ui::EmbedYear.text(lang)}</label>
                    <select id="cke-embed-year" on:change=year_select>
                        <option value="" selected=move || choice.with(|c| c.year.is_none())>{Ui::EmbedNone.text(lang)}</option>
                        {(FIRST_YEAR..=this_year).rev().map(|year| option(year.to_string(), year.to_string(), Signal::derive(move || choice.with(|c| c.year == Some(year))))).collect_view()}
                    </select></div>
                <div class="cke-embed__choice"><label for="cke-embed-chart">{Ui::EmbedChart.text(lang)}</label>
                    <select id="cke-embed-chart" on:change=chart_select>
                        <option value="" selected=move || choice.with(|c| c.chart.is_none())>{Ui::EmbedFirstChart.text(lang)}</option>
                        {charts.into_iter().map(|(id, title)| { let key = id.clone(); option(id, title, Signal::derive(move || choice.with(|c| c.chart.as_deref() == Some(key.as_str())))) }).collect_view()}
                    </select></div>
                <div class="cke-embed__choice"><label for="cke-embed-lang">{Ui::EmbedLanguage.text(lang)}</label>
                    <select id="cke-embed-lang" on:change=lang_select>
                        <option value="" selected=move || choice.with(|c| c.lang.is_none())>{Ui::EmbedReaderLanguage.text(lang)}</option>
                        {Lang::ALL.into_iter().map(|code| option(code.as_str().to_owned(), code.native_name().to_owned(), Signal::derive(move || choice.with(|c| c.lang == Some(code))))).collect_view()}
                    </select></div>
                <div class="cke-embed__choice"><label for="cke-embed-theme">{Ui::Theme.text(lang)}</label>
                    <select id="cke-embed-theme" on:change=theme_select>
                        {Theme::ALL.into_iter().map(|theme| option(theme.as_str().to_owned(), crate::ui::frame::theme_label(theme).text(lang).to_owned(), Signal::derive(move || choice.with(|c| c.theme == theme)))).collect_view()}
                    </select></div>
            </div>
            <p class="cke-note">{Ui::EmbedCurrentState.text(lang)}</p>
            {blocks}
    }
}
