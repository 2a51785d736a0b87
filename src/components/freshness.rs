//! How fresh the data is, said where the reader looks: the data's as-of date under each view's
//! heading; an event whose date sources dispute, with each date and who gives it; a plan whose
//! date has passed with no update since (a stale plan), which must not read as still upcoming.
//! The rules are the core's (`Event::is_stale_plan`, `timeline::disputed_dates`); this module
//! spells the dates with `Intl` and draws the lines.

use crate::services::intl::{format_date, format_date_range};
use crate::services::lang::use_lang;
use cke_core::data::model::{Dataset, Event, Status};
use cke_core::strings::Ui;
use cke_core::timeline::{disputed_dates, disputed_dates_text, stale_plan_text};
use cke_core::url::Lang;
use leptos::prelude::*;

/// "Data as of 26 January 2026", the data's as-of date as the locale spells it (`None` when
/// the data has no valid as-of date).
pub fn as_of_text(dataset: &Dataset, lang: Lang) -> Option<String> {
    dataset
        .as_of()
        .map(|date| Ui::DataAsOfDate.fill(lang, &[("date", &format_date(date, lang))]))
}

/// The data's as-of date, right under a view's heading.
#[component]
pub fn AsOfLine(dataset: std::sync::Arc<Dataset>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let date = dataset.as_of();
    as_of_text(&dataset, lang).map(|text| {
        view! {
            <p class="cke-as-of" data-as-of=date.map(|date| date.to_string())>{text}</p>
        }
    })
}

/// The date of an event as the reader reads it: "4 July 2005", "24–28 February 1992" (never a
/// disputed date's other dates: those are said by [`disputed_text`]).
pub fn event_date_text(event: &Event, lang: Lang) -> String {
    match event.when.end {
        Some(end) => format_date_range(event.when.start, end, lang),
        None => format_date(event.when.start, lang),
    }
}

/// "Date disputed: November 2005 (Oil & Gas Journal (OGJ)) · December 2005 (RFE/RL)", or
/// `None` when the sources agree on the date.
pub fn disputed_text(dataset: &Dataset, event: &Event, lang: Lang) -> Option<String> {
    let dates: Vec<(String, Vec<String>)> = disputed_dates(dataset, event)
        .into_iter()
        .map(|(date, publishers)| (format_date(date, lang), publishers))
        .collect();
    disputed_dates_text(&dates, lang)
}

/// "Planned for September 2025 – 2026 · no update since 26 January 2026" for a stale plan;
/// `None` for anything else.
pub fn stale_text(dataset: &Dataset, event: &Event, lang: Lang) -> Option<String> {
    let as_of = dataset.as_of()?;
    event.is_stale_plan(as_of).then(|| {
        stale_plan_text(
            &event_date_text(event, lang),
            &format_date(as_of, lang),
            lang,
        )
    })
}

/// What an event's status says: nothing for what happened; "Planned: announced, not confirmed
/// to have happened" for a plan still ahead; the stale-plan line for a plan whose date has
/// passed with no update (`data-stale="true"`, styled apart).
pub fn status_line(dataset: &Dataset, event: &Event, lang: Lang) -> Option<AnyView> {
    if event.status != Status::Planned {
        return None;
    }
    Some(match stale_text(dataset, event, lang) {
        Some(text) => view! { <p class="cke-tag cke-plan" data-stale="true">{text}</p> }.into_any(),
        None => view! {
            <p class="cke-tag cke-plan" data-stale="false">{Ui::TimelinePlanned.text(lang)}</p>
        }
        .into_any(),
    })
}

/// The disputed-date line, as a note (`None` when the sources agree on the date).
pub fn disputed_line(dataset: &Dataset, event: &Event, lang: Lang) -> Option<AnyView> {
    disputed_text(dataset, event, lang)
        .map(|text| view! { <p class="cke-note cke-disputed">{text}</p> }.into_any())
}
