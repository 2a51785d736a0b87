//! The timeline's pure core: the time scale ([`scale`]), the eras of the partnership
//! ([`eras`]), and the placement of events in lanes, the visible window, the keyboard's order
//! and the list's pages ([`layout`]); plus what an event's details show beside its sources.
//!
//! This module must never import the UI framework or the browser, do I/O or read the clock:
//! "today" and the axis's width are passed in. It is tested natively (`cargo test`).

pub mod eras;
pub mod layout;
pub mod scale;

use crate::data::model::{Amount, Dataset, Event, Figure};

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
