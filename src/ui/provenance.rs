//! Provenance on screen: a figure with its value, label and source; a source reference with its
//! publisher, date, type and link. Data text is always rendered as text, never as markup.

use crate::app::use_lang;
use crate::data::model::{Amount, Dataset, Figure, SourceType, Unit};
use crate::format::{ordinal_word, value_text};
use crate::strings::Ui;
use crate::ui::intl::{format_date, format_number};
use crate::url::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// The value of a figure as text in `lang`, exactly as its source states it.
pub fn figure_value_text(dataset: &Dataset, figure: &Figure, lang: Lang) -> String {
    match figure.amount {
        Amount::Number(value) => {
            let number = match figure.unit {
                Unit::Ordinal => ordinal_word(value, lang)
                    .map(str::to_owned)
                    .unwrap_or_else(|| format_number(value, lang, false)),
                Unit::PercentChange => format_number(value, lang, true),
                _ => format_number(value, lang, false),
            };
            value_text(&number, figure.unit, figure.qualifier, lang)
        }
        Amount::Date(date) => format_date(date, lang),
        Amount::Wording => dataset
            .text(&figure.label_key())
            .unwrap_or_default()
            .to_owned(),
    }
}

/// "Publisher, date" linking to the source, with an "Advertorial" tag where it is one.
#[component]
pub fn SourceRef(dataset: Arc<Dataset>, id: String) -> impl IntoView {
    let lang = use_lang();
    let Some(source) = dataset.source(&id) else {
        return view! { <span>{id}</span> }.into_any();
    };
    let mut label = source.publisher.clone();
    if let Some(date) = source.date {
        label.push_str(", ");
        label.push_str(&format_date(date, lang));
    }
    let title = source.title.clone();
    let advertorial = (source.source_type == SourceType::Advertorial)
        .then(|| view! { " " <span class="cke-tag" data-kind="advertorial">{Ui::Advertorial.text(lang)}</span> });
    let link = match source.url.clone() {
        Some(url) => {
            view! { <a href=url rel="noopener noreferrer" title=title>{label}</a> }.into_any()
        }
        None => view! { <span title=title>{label}</span> }.into_any(),
    };
    view! { <span class="cke-source">{link}{advertorial}</span> }.into_any()
}

/// A figure as a card: value, what it counts, and its source.
#[component]
pub fn FigureCard(dataset: Arc<Dataset>, figure: Figure) -> impl IntoView {
    let lang = use_lang();
    let value = figure_value_text(&dataset, &figure, lang);
    let label = dataset
        .text(&figure.label_key())
        .unwrap_or_default()
        .to_owned();
    let sector = figure
        .sectors
        .first()
        .map(|sector| sector.as_str())
        .unwrap_or_default();
    let source = figure.source.as_str().to_owned();
    view! {
        <div class="cke-figure" data-sector=sector>
            <p class="cke-figure__value">{value}</p>
            <p class="cke-figure__label">{label}</p>
            <p class="cke-figure__source">{Ui::Source.text(lang)} ": " <SourceRef dataset id=source/></p>
        </div>
    }
}
