//! The timeline's pure core: the time scale ([`scale`]), the eras of the partnership
//! ([`eras`]), the days the data does not cover yet ([`coverage`]), and the placement of events in lanes, the visible window, the keyboard's order
//! and the list's pages ([`layout`]); plus what an event's details show beside its sources.
//!
//! This module must never import the UI framework or the browser, do I/O or read the clock:
//! "today" and the axis's width are passed in. It is tested natively (`cargo test`).

pub mod coverage;
pub mod eras;
pub mod layout;
pub mod scale;

use crate::data::model::{Amount, Dataset, Date, Event, Figure};
use crate::strings::Ui;
use crate::url::Lang;

/// The years a figure speaks of: its period's, the date it was stated for, or the date it is.
pub fn figure_years(figure: &Figure) -> Option<(i32, i32)> {
    let years = |first: u16, last: u16| (i32::from(first), i32::from(last));
    match (figure.period, figure.as_of, figure.amount) {
        (Some(period), _, _) => Some(years(period.first_day().year, period.last_day().year)),
        (None, Some(as_of), _) => Some(years(as_of.year, as_of.year)),
        (None, None, Amount::Date(date)) => Some(years(date.year, date.year)),
        _ => None,
    }
}

/// The figures related to an event: those of its sectors whose period, as-of date or date falls
/// in a year the event touches, in file order.
pub fn related_figures<'a>(dataset: &'a Dataset, event: &Event) -> Vec<&'a Figure> {
    let first = i32::from(event.when.first_day().year);
    let last = i32::from(event.when.last_day().year);
    dataset
        .figures()
        .iter()
        .filter(|figure| figure.sectors.iter().any(|sector| event.is_in(*sector)))
        .filter(|figure| figure_years(figure).is_some_and(|(from, to)| from <= last && first <= to))
        .collect()
}

/// The dates sources give for an event whose date is disputed, each with the publishers of the
/// sources giving it (each once, in the data's order): the event's own date first. Empty when
/// the sources agree on the date.
pub fn disputed_dates(dataset: &Dataset, event: &Event) -> Vec<(Date, Vec<String>)> {
    if !event.is_disputed() {
        return Vec::new();
    }
    event
        .dates_with_sources()
        .into_iter()
        .map(|(date, sources)| {
            let mut publishers: Vec<String> = Vec::new();
            for id in sources {
                let name = dataset
                    .source(id)
                    .map(|source| source.publisher.clone())
                    .unwrap_or_else(|| id.as_str().to_owned());
                if !publishers.contains(&name) {
                    publishers.push(name);
                }
            }
            (date, publishers)
        })
        .collect()
}

/// The line that says a date is disputed, from the dates already spelt for the locale and the
/// publishers giving each: "Date disputed: November 2005 (Oil & Gas Journal) · December 2005
/// (RFE/RL)". `None` for fewer than two dates (nothing is disputed).
pub fn disputed_dates_text(dates: &[(String, Vec<String>)], lang: Lang) -> Option<String> {
    if dates.len() < 2 {
        return None;
    }
    let parts: Vec<String> = dates
        .iter()
        .map(|(date, publishers)| {
            Ui::DateDisputedBy.fill(
                lang,
                &[
                    ("date", date),
                    ("sources", &publishers.join(Ui::ListSeparator.text(lang))),
                ],
            )
        })
        .collect();
    Some(Ui::DateDisputed.fill(lang, &[("dates", &parts.join(" · "))]))
}

/// The line that says a plan has gone stale: "Planned for January 2026 · no update since
/// 3 March 2026", from the plan's date and the data's as-of date as the locale spells them.
pub fn stale_plan_text(planned_for: &str, as_of: &str, lang: Lang) -> String {
    Ui::StalePlan.fill(lang, &[("date", planned_for), ("asOf", as_of)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(date, names)| {
                (
                    (*date).to_owned(),
                    names.iter().map(|name| (*name).to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_disputed_date_is_one_line_of_each_date_with_its_publishers() {
        let list = dates(&[
            ("November 2005", &["Oil & Gas Journal"]),
            ("December 2005", &["RFE/RL"]),
        ]);
        assert_eq!(
            disputed_dates_text(&list, Lang::En).as_deref(),
            Some("Date disputed: November 2005 (Oil & Gas Journal) · December 2005 (RFE/RL)")
        );
        let two = dates(&[
            ("8 February 2025", &["Travel Daily Media"]),
            ("16 June 2025", &["Xinhua", "Astana Times"]),
        ]);
        assert_eq!(
            disputed_dates_text(&two, Lang::Zh).as_deref(),
            Some("日期说法不一：8 February 2025（Travel Daily Media） · 16 June 2025（Xinhua；Astana Times）")
        );
        assert_eq!(disputed_dates_text(&list[..1], Lang::En), None);
    }

    #[test]
    fn a_stale_plan_says_when_it_was_planned_for_and_since_when_nothing_is_known() {
        assert_eq!(
            stale_plan_text("January 2026", "3 March 2026", Lang::En),
            "Planned for January 2026 · no update since 3 March 2026"
        );
        for lang in Lang::ALL {
            let text = stale_plan_text("D1", "D2", lang);
            assert!(text.contains("D1") && text.contains("D2"), "{text}");
        }
    }
}
