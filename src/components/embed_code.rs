//! The embed-code generator for editors: pick a view, copy the code that embeds it. The code
//! itself is written by the pure [`cke_core::embed::embed_codes`].

use crate::components::disclosure::LazyDetails;
use crate::components::lazy::{lazy_view, Waiting};
use crate::services::chunk::ChunkFailed;
use crate::services::clock::Today;
use crate::services::lang::use_lang;
use crate::services::load::{use_data, DataState};
use crate::services::nav::use_nav;
use cke_core::data::model::{Dataset, SectorId};
use cke_core::embed::embed_codes;
use cke_core::strings::{theme_label, view_label, Ui};
use cke_core::url::{Lang, Selection, Theme, View, FIRST_YEAR};
use leptos::prelude::*;
use std::sync::Arc;

/// The address of this page without its query: the base of embed URLs.
fn page_base() -> String {
    let location = window().location();
    format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    )
}

/// Editors pick what to embed and copy the code. Built when first opened, from the complete
/// data (the charts' names come from `comparisons.json`, which may still be on the way): being
/// built asks the loader for it.
#[component]
pub fn EmbedCodeGenerator() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let loader = use_data();
    let choices = move || {
        let complete = loader.and_then(|loader| {
            loader.state().with(|state| match state {
                DataState::Partial(_) => {
                    loader.need_complete();
                    None
                }
                state => state.complete().map(|loaded| loaded.dataset.clone()),
            })
        });
        match complete {
            Some(dataset) => lazy_view(move || load_embed(dataset.clone()), Waiting::Aside),
            None => view! { <p role="status">{Ui::Loading.text(lang)}</p> }.into_any(),
        }
    };
    view! {
        <LazyDetails class="cke-embed" summary=Ui::EmbedTitle.text(lang).into_any()>
            {choices}
        </LazyDetails>
    }
}

/// Fetches the generator's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_embed() {
    #[cfg(feature = "split")]
    let _ = preload_embed_chunk().await;
}

async fn load_embed(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return embed_chunk(dataset).await;
    #[cfg(not(feature = "split"))]
    embed_chunk(dataset)
}

/// The generator's choices are a chunk of their own in a split build.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        embed,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_embed_chunk)
    )
)]
fn embed_chunk(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <EmbedChoices dataset/> }.into_any())
}

/// The choices of [`EmbedCodeGenerator`] and the code they give.
#[component]
fn EmbedChoices(
    /// The data, for the names of sectors and charts.
    dataset: Arc<Dataset>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
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
                        {View::ALL.into_iter().map(|view| option(view.as_str().to_owned(), view_label(view).text(lang).to_owned(), Signal::derive(move || choice.with(|c| c.view == view)))).collect_view()}
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
                        {Theme::ALL.into_iter().map(|theme| option(theme.as_str().to_owned(), theme_label(theme).text(lang).to_owned(), Signal::derive(move || choice.with(|c| c.theme == theme)))).collect_view()}
                    </select></div>
            </div>
            <p class="cke-note">{Ui::EmbedCurrentState.text(lang)}</p>
            {blocks}
    }
}
