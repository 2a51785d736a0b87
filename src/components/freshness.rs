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
    plan_text(dataset, event, lang).map(|(text, stale)| {
        view! { <p class="cke-tag cke-plan" data-stale=stale.to_string()>{text}</p> }.into_any()
    })
}

/// What a planned event's tag says, and whether the plan is stale; `None` for what happened.
pub fn plan_text(dataset: &Dataset, event: &Event, lang: Lang) -> Option<(String, bool)> {
    (event.status == Status::Planned).then(|| match stale_text(dataset, event, lang) {
        Some(text) => (text, true),
        None => (Ui::TimelinePlanned.text(lang).to_owned(), false),
    })
}

/// The disputed-date line, as a note (`None` when the sources agree on the date).
pub fn disputed_line(dataset: &Dataset, event: &Event, lang: Lang) -> Option<AnyView> {
    disputed_text(dataset, event, lang)
        .map(|text| view! { <p class="cke-note cke-disputed">{text}</p> }.into_any())
}

/// What an event's name on the timeline adds in brackets after its title: that it is planned
/// (or a stale plan, with since when nothing is known) and that its date is disputed; `None`
/// for an event that happened on a date the sources agree on.
pub fn mark_note(dataset: &Dataset, event: &Event, lang: Lang) -> Option<String> {
    let planned = plan_text(dataset, event, lang).map(|(text, _)| text);
    let disputed = event
        .is_disputed()
        .then(|| Ui::TimelineDisputed.text(lang).to_owned());
    let notes: Vec<String> = planned.into_iter().chain(disputed).collect();
    (!notes.is_empty()).then(|| notes.join(Ui::ListSeparator.text(lang)))
}

/// The days from the data's as-of date to the reader's today on the timeline's axis: a hatched
/// band named for assistive technology ("Not yet covered by the data: from 4 March 2026 to
/// today, 6 December 2026"), its label across it when it fits and upright otherwise. Nothing
/// when the data reaches today or the band is out of view.
#[component]
pub fn UncoveredBand(
    /// The days not covered, when any (`timeline::coverage::Uncovered::of`).
    uncovered: Option<cke_core::timeline::coverage::Uncovered>,
    /// The axis's scale, as it changes with zoom, scrub and width.
    scale: Signal<cke_core::timeline::scale::Scale>,
    /// The reader's today.
    today: Option<cke_core::data::model::Date>,
) -> impl IntoView {
    /// The width a label needs to read across the band (about the longest of the four
    /// languages' "Not yet covered" at the axis's small type, with padding).
    const ACROSS_PX: f64 = 120.0;
    let lang = use_lang().get_untracked();
    let name = uncovered.map(|uncovered| {
        let from = cke_core::timeline::scale::civil_from_days(uncovered.start);
        Ui::TimelineUncoveredLabel.fill(
            lang,
            &[
                ("from", &format_date(from, lang)),
                (
                    "today",
                    &today
                        .map(|date| format_date(date, lang))
                        .unwrap_or_default(),
                ),
            ],
        )
    });
    move || {
        let gap = uncovered?;
        let band = gap.band(&scale.get())?;
        let across = band.fits_across(ACROSS_PX);
        Some(view! {
            <div
                class="cke-tl-uncovered"
                role="img"
                aria-label=name.clone()
                data-across=across.to_string()
                // Its first day, for the preloader (see the today marker).
                data-cke-from=gap.start
                style:left=format!("{:.1}px", band.left)
                style:width=format!("{:.1}px", band.width)
            >
                <span class="cke-tl-uncovered__label" aria-hidden="true">
                    {Ui::TimelineUncovered.text(lang)}
                </span>
            </div>
        })
    }
}
