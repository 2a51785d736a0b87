//! Compare (`view=compare&chart=<id>`): the comparisons of the data as links, and the chosen
//! one (or the first) as a chart with its summary, data table, downloads and sources (see
//! [`Chart`]). The chart is rebuilt only when the chosen comparison changes, so the
//! reader's choices inside it survive other changes of the URL (such as the highlighted year).

use super::{text, AsOfLine};
use crate::components::chart::Chart;
use crate::components::lazy::{lazy_view, Waiting};
use crate::components::link::Link;
use crate::services::chunk::ChunkFailed;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use cke_core::data::model::{ComparisonId, Dataset};
use cke_core::strings::Ui;
use cke_core::url::View;
use leptos::prelude::*;
use std::sync::Arc;

/// The comparison `chart=` names when the data has it, else the first comparison.
pub fn chosen_comparison(dataset: &Dataset, chart: Option<&str>) -> Option<ComparisonId> {
    chart
        .and_then(ComparisonId::parse)
        .and_then(|id| dataset.comparison(&id))
        .or_else(|| dataset.default_comparison())
        .map(|comparison| comparison.id.clone())
}

/// `view=compare`, showing `chart=` or the first comparison; drawn by its own chunk in a split
/// build.
#[component]
pub fn CompareView(dataset: Arc<Dataset>) -> impl IntoView {
    lazy_view(move || load_compare(dataset.clone()), Waiting::View)
}

/// Fetches the compare view's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_compare() {
    #[cfg(feature = "split")]
    let _ = preload_compare_chunk().await;
}

async fn load_compare(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return compare_chunk(dataset).await;
    #[cfg(not(feature = "split"))]
    compare_chunk(dataset)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        compare,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_compare_chunk)
    )
)]
fn compare_chunk(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Compare dataset/> }.into_any())
}

/// The compare view itself.
#[component]
fn Compare(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let chosen = Memo::new({
        let dataset = dataset.clone();
        move |_| {
            nav.selection
                .with(|selection| chosen_comparison(&dataset, selection.chart.as_deref()))
        }
    });
    // The links carry the highlighted year, so they are rebuilt when it changes.
    let year = Memo::new(move |_| nav.selection.with(|selection| selection.year));
    let choices = {
        let dataset = dataset.clone();
        move || {
            year.track();
            dataset
                .comparisons()
                .iter()
                .map(|comparison| {
                    let id = comparison.id.clone();
                    let mut to = nav
                        .selection
                        .with_untracked(|selection| selection.with_view(View::Compare));
                    to.chart = Some(id.as_str().to_owned());
                    let current = Signal::derive(move || chosen.get().as_ref() == Some(&id));
                    let title = text(&dataset, &comparison.title_key());
                    view! { <li><Link to current>{title}</Link></li> }
                })
                .collect_view()
        }
    };
    // Behind a prerendered view, the links are made a task after the heading (the chart's
    // frame comes between: `takeover::drawn_later`).
    let choices = crate::services::takeover::drawn_later(choices);
    let as_of = view! { <AsOfLine dataset=dataset.clone()/> };
    let chart = move || {
        chosen.get().map(|id| {
            view! { <Chart dataset=dataset.clone() comparison=id heading_level=None/> }
        })
    };
    view! {
        <h1>{Ui::CompareTitle.text(lang)}</h1>
        {as_of}
        <p class="cke-lede">{Ui::CompareLede.text(lang)}</p>
        <nav class="cke-tabs" aria-label=Ui::CompareChoices.text(lang)><ul>{choices}</ul></nav>
        {chart}
    }
}
