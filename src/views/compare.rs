//! Compare: the comparisons of the data, each as a table of its series side by side, with the
//! sources of every value. (Charts come with the chart module.)

use super::text;
use crate::app::use_lang;
use crate::data::model::{Comparison, Dataset, Series};
use crate::format::value_text;
use crate::nav::{use_nav, Link};
use crate::strings::Ui;
use crate::ui::intl::format_number;
use crate::ui::provenance::SourceRef;
use crate::url::View;
use leptos::prelude::*;
use std::sync::Arc;

/// `view=compare`, showing `chart=` or the first comparison.
#[component]
pub fn CompareView(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let choices = {
        let dataset = dataset.clone();
        move || {
            let current = nav.selection.with(|selection| selection.chart.clone());
            let first = dataset
                .default_comparison()
                .map(|comparison| comparison.id.as_str().to_owned());
            let current = current
                .filter(|id| dataset.comparison(id).is_some())
                .or(first);
            dataset
                .comparisons()
                .iter()
                .map(|comparison| {
                    let mut to = nav
                        .selection
                        .with_untracked(|selection| selection.with_view(View::Compare));
                    to.chart = Some(comparison.id.as_str().to_owned());
                    let is_current = current.as_deref() == Some(comparison.id.as_str());
                    let title = text(&dataset, &comparison.title_key());
                    view! { <li><Link to current=Signal::stored(is_current)>{title}</Link></li> }
                })
                .collect_view()
        }
    };
    let chosen = {
        let dataset = dataset.clone();
        move || {
            let chart = nav.selection.with(|selection| selection.chart.clone());
            let comparison = chart
                .and_then(|id| dataset.comparison(&id).cloned())
                .or_else(|| dataset.default_comparison().cloned());
            comparison
                .map(|comparison| view! { <ComparisonTable dataset=dataset.clone() comparison/> })
        }
    };
    view! {
        <h1>{Ui::CompareTitle.text(lang)}</h1>
        <p class="cke-lede">{Ui::CompareLede.text(lang)}</p>
        <nav class="cke-tabs" aria-label=Ui::CompareChoices.text(lang)><ul>{choices}</ul></nav>
        {chosen}
    }
}

/// Every period of the comparison's series in one table; a missing value is a visible gap.
#[component]
fn ComparisonTable(dataset: Arc<Dataset>, comparison: Comparison) -> impl IntoView {
    let lang = use_lang();
    let series: Vec<Series> = dataset
        .comparison_series(comparison.id.as_str())
        .into_iter()
        .cloned()
        .collect();
    let mut periods: Vec<_> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.period))
        .collect();
    periods.sort_by_key(|period| (period.first_day(), period.last_day()));
    periods.dedup();
    let header = series
        .iter()
        .map(|s| view! { <th scope="col">{text(&dataset, &s.name_key())}</th> })
        .collect_view();
    let rows = periods
        .iter()
        .map(|period| {
            let cells = series
                .iter()
                .map(|s| match s.point(period) {
                    Some(point) => {
                        let number = format_number(
                            point.value,
                            lang,
                            s.unit == crate::data::model::Unit::PercentChange,
                        );
                        let mut value = value_text(&number, s.unit, point.qualifier, lang);
                        if point.derived.is_some() {
                            value.push_str(" *");
                        }
                        view! { <td>{value}</td> }.into_any()
                    }
                    None => view! { <td><span aria-label=Ui::NoValue.text(lang)>"—"</span></td> }
                        .into_any(),
                })
                .collect_view();
            view! { <tr><th scope="row">{period.to_string()}</th>{cells}</tr> }
        })
        .collect_view();
    let mut source_ids: Vec<String> = series
        .iter()
        .flat_map(|s| {
            s.points
                .iter()
                .flat_map(|p| p.sources.iter().map(|id| id.as_str().to_owned()))
        })
        .collect();
    source_ids.sort();
    source_ids.dedup();
    let sources = source_ids
        .into_iter()
        .map(|id| view! { <li><SourceRef dataset=dataset.clone() id/></li> })
        .collect_view();
    view! {
        <section class="cke-section" aria-labelledby="cke-comparison">
            <h2 id="cke-comparison">{text(&dataset, &comparison.title_key())}</h2>
            <p>{text(&dataset, &comparison.subtitle_key())}</p>
            <div class="cke-table-wrap">
                <table>
                    <caption>{text(&dataset, &comparison.title_key())}</caption>
                    <thead><tr><th scope="col">{Ui::Period.text(lang)}</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="cke-note">{Ui::DerivedNote.text(lang)}</p>
            <p>{text(&dataset, &comparison.definition_key())}</p>
            <h3>{Ui::Sources.text(lang)}</h3>
            <ul class="cke-sources">{sources}</ul>
        </section>
    }
}
