//! Provenance on screen: a figure with its value, label, period and source, whose details
//! (the full source, competing figures, caveats) open by mouse or keyboard; a source reference
//! with its publisher, date, type and link. Data text is always rendered as text, never markup.

use crate::components::disclosure::LazyDetails;
use crate::services::intl::{format_date, format_date_range, format_number};
use crate::services::lang::use_lang;
use crate::services::load::complete_data;
use cke_core::data::model::{
    Amount, Caveat, Dataset, Figure, Period, Source, SourceId, SourceType, Unit,
};
use cke_core::format::{ordinal_word, value_text};
use cke_core::strings::{confidence_label, Ui};
use cke_core::url::Lang;
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
            value_text(&number, value, figure.unit, figure.qualifier, lang)
        }
        Amount::Date(date) => format_date(date, lang),
        // A non-numeric claim: its label carries the words.
        Amount::Wording => dataset
            .text(&figure.label_key())
            .unwrap_or_default()
            .to_owned(),
    }
}

/// What a period covers, in words: "2024", "H1 2025", "Q3 2023", "January 2023 – September 2023".
pub fn period_text(period: Period, lang: Lang) -> String {
    match period {
        Period::Year(year) => year.to_string(),
        Period::Half { .. } | Period::Quarter { .. } => {
            cke_core::charts::text::period_label(&period, lang)
        }
        Period::Months { from, to } => format_date_range(from, to, lang),
    }
}

/// When a figure applies: its period, the date it was stated for, or nothing (a date figure).
pub fn figure_when_text(figure: &Figure, lang: Lang) -> Option<String> {
    match (figure.period, figure.as_of) {
        (Some(period), _) => Some(period_text(period, lang)),
        (None, Some(as_of)) => {
            Some(Ui::AsOfDate.fill(lang, &[("date", &format_date(as_of, lang))]))
        }
        (None, None) => None,
    }
}

fn source_type_label(source_type: SourceType) -> Ui {
    match source_type {
        SourceType::OfficialStatistics => Ui::SourceTypeOfficialStatistics,
        SourceType::Government => Ui::SourceTypeGovernment,
        SourceType::News => Ui::SourceTypeNews,
        SourceType::Company => Ui::SourceTypeCompany,
        SourceType::Academic => Ui::SourceTypeAcademic,
        SourceType::Advertorial => Ui::Advertorial,
        SourceType::Reference => Ui::SourceTypeReference,
    }
}

/// "Publisher, date", the short form of a source.
fn source_short(source: &Source, lang: Lang) -> String {
    match source.date {
        Some(date) => format!("{}, {}", source.publisher, format_date(date, lang)),
        None => source.publisher.clone(),
    }
}

/// "Publisher, date" linking to the source, with an "Advertorial" tag where it is one.
#[component]
pub fn SourceRef(dataset: Arc<Dataset>, id: SourceId) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let Some(source) = dataset.source(&id) else {
        return view! { <span>{id.as_str().to_owned()}</span> }.into_any();
    };
    let label = source_short(source, lang);
    let title = source.title.clone();
    let advertorial = (source.source_type == SourceType::Advertorial).then(|| {
        view! { " " <span class="cke-tag" data-kind="advertorial">{Ui::Advertorial.text(lang)}</span> }
    });
    let link = match source.url.clone() {
        Some(url) => {
            view! { <a href=url rel="noopener noreferrer" title=title>{label}</a> }.into_any()
        }
        None => view! { <span title=title>{label}</span> }.into_any(),
    };
    view! { <span class="cke-source">{link}{advertorial}</span> }.into_any()
}

/// Everything known about a source: publisher, title, date, type, confidence, link.
#[component]
pub fn SourceDetails(dataset: Arc<Dataset>, id: SourceId) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let Some(source) = dataset.source(&id).cloned() else {
        return view! { <p>{id.as_str().to_owned()}</p> }.into_any();
    };
    let kind = source_type_label(source.source_type).text(lang);
    let confidence = confidence_label(source.confidence).text(lang);
    let date = source
        .date
        .map(|date| format_date(date, lang))
        .unwrap_or_else(|| Ui::DateUnknown.text(lang).to_owned());
    let advertorial = source.source_type == SourceType::Advertorial;
    let title = match source.url.clone() {
        Some(url) => {
            view! { <a href=url rel="noopener noreferrer">{source.title.clone()}</a> }.into_any()
        }
        None => view! { <span>{source.title.clone()} " (" {Ui::NoAddress.text(lang)} ")"</span> }
            .into_any(),
    };
    let via = source.via.clone().map(|via| {
        view! { <div><dt>{Ui::ReadVia.text(lang)}</dt><dd>{via}</dd></div> }
    });
    view! {
        <dl class="cke-source-details" data-advertorial=advertorial.to_string()>
            <div><dt>{Ui::Publisher.text(lang)}</dt><dd>{source.publisher.clone()}</dd></div>
            <div><dt>{Ui::Title.text(lang)}</dt><dd>{title}</dd></div>
            <div><dt>{Ui::Published.text(lang)}</dt><dd>{date}</dd></div>
            <div><dt>{Ui::SourceType.text(lang)}</dt><dd>{kind}</dd></div>
            <div><dt>{Ui::Confidence.text(lang)}</dt><dd>{confidence}</dd></div>
            {via}
        </dl>
    }
    .into_any()
}

/// A figure as a card: value, what it counts, when, and its source; the details (full source,
/// competing figures, caveats) open from the source line by mouse or keyboard.
#[component]
pub fn FigureCard(
    dataset: Arc<Dataset>,
    figure: Figure,
    /// The level of the headings inside the details: 3 (the default, for cards under an h2)
    /// or 4 (under an h3), so that no heading level is skipped.
    #[prop(optional)]
    heading_level: Option<u8>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let wording = figure.unit == Unit::Wording;
    let value = figure_value_text(&dataset, &figure, lang);
    let label = (!wording).then(|| {
        dataset
            .text(&figure.label_key())
            .unwrap_or_default()
            .to_owned()
    });
    let when = figure_when_text(&figure, lang);
    let sector = figure
        .sectors
        .first()
        .map(|sector| sector.as_str())
        .unwrap_or_default();
    let source_id = figure.source.clone();
    let summary = dataset
        .source(&source_id)
        .map(|source| source_short(source, lang))
        .unwrap_or_else(|| source_id.as_str().to_owned());
    let advertorial = dataset
        .source(&source_id)
        .is_some_and(|source| source.source_type == SourceType::Advertorial);
    let id = format!("figure-{}", figure.id.as_str());
    view! {
        <article class="cke-figure" data-sector=sector id=id>
            <p class="cke-figure__value">{value}</p>
            {label.map(|label| view! { <p class="cke-figure__label">{label}</p> })}
            {when.map(|when| view! { <p class="cke-figure__when">{when}</p> })}
            // Built on first opening (see LazyDetails): a sector shows dozens of figures.
            <LazyDetails class="cke-figure__details" summary=view! {
                {Ui::Source.text(lang)} ": " {summary}
                {advertorial.then(|| view! {
                    " " <span class="cke-tag" data-kind="advertorial">{Ui::Advertorial.text(lang)}</span>
                })}
            }.into_any()>
                <FigurePanel dataset=dataset.clone() figure=figure.clone()
                    source_id=source_id.clone() heading_level/>
            </LazyDetails>
        </article>
    }
}

/// Caveats as list items: the title in bold, then the text.
pub fn caveat_items(dataset: &Dataset, caveats: Vec<&Caveat>) -> Vec<impl IntoView> {
    caveats
        .into_iter()
        .map(|caveat| {
            let title = dataset
                .text(&caveat.title_key())
                .unwrap_or_default()
                .to_owned();
            let body = dataset
                .text(&caveat.body_key())
                .unwrap_or_default()
                .to_owned();
            view! { <li><strong>{title}</strong> " " {body}</li> }
        })
        .collect()
}

/// What a figure's details show once opened: its source in full, note, derivation, the
/// competing figures and the caveats about it.
#[component]
fn FigurePanel(
    dataset: Arc<Dataset>,
    figure: Figure,
    source_id: SourceId,
    heading_level: Option<u8>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let heading = move |text: &'static str| match heading_level {
        Some(4) => view! { <h4>{text}</h4> }.into_any(),
        _ => view! { <h3>{text}</h3> }.into_any(),
    };
    let note = dataset.text(&figure.note_key()).map(str::to_owned);
    let derived = figure.derived.as_ref().map(|derived| {
        view! { <p class="cke-note">{Ui::DerivedFrom.text(lang)} ": " {derived.formula.clone()}</p> }
    });
    let competing = dataset
        .competing(&figure.id)
        .into_iter()
        .map(|other| {
            let value = figure_value_text(&dataset, other, lang);
            let label = dataset
                .text(&other.label_key())
                .unwrap_or_default()
                .to_owned();
            let when = figure_when_text(other, lang).map(|when| format!(" ({when})"));
            let source = other.source.clone();
            view! {
                <li>
                    <strong>{value}</strong>{when} " — " {label} " · "
                    <SourceRef dataset=dataset.clone() id=source/>
                </li>
            }
        })
        .collect::<Vec<_>>();
    let competing = (!competing.is_empty()).then(|| {
        view! {
            {heading(Ui::CompetingFigures.text(lang))}
            <ul class="cke-competing">{competing}</ul>
        }
    });
    // The caveats come with the complete data: asked for when the panel is opened.
    let complete = complete_data(dataset.clone());
    let figure_id = figure.id.clone();
    let caveats = move || {
        let dataset = complete()?;
        let caveats = caveat_items(&dataset, dataset.caveats_for_figure(&figure_id));
        (!caveats.is_empty()).then(|| {
            view! {
                {heading(Ui::SectorCaveats.text(lang))}
                <ul class="cke-caveat-list">{caveats}</ul>
            }
        })
    };
    view! {
        <div class="cke-figure__panel">
            <SourceDetails dataset=dataset.clone() id=source_id/>
            {note.map(|note| view! { <p class="cke-note">{note}</p> })}
            {derived}
            {competing}
            {caveats}
        </div>
    }
}
