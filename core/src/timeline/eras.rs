//! The eras of the partnership, fixed by the product: each begins at an event of the data, so
//! that its date and its sources are the event's (1992 diplomatic ties, 2002 treaty, 2005
//! strategic partnership, 2011 comprehensive strategic partnership, 2019 permanent comprehensive
//! strategic partnership, 2022 shared future).
//!
//! Pure: an era whose event is missing from the data is left out, never invented.

use super::scale::{Day, Domain, Span};
use crate::data::model::Event;
use crate::strings::Ui;

/// An era as the product defines it: the event it begins with, and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EraDefinition {
    /// The id of the event that opens the era.
    pub event: &'static str,
    /// The era's name.
    pub name: Ui,
}

/// The six eras, oldest first.
pub const ERAS: [EraDefinition; 6] = [
    EraDefinition {
        event: "1992-01-diplomatic-ties",
        name: Ui::EraDiplomaticTies,
    },
    EraDefinition {
        event: "2002-12-good-neighborliness-treaty",
        name: Ui::EraTreaty,
    },
    EraDefinition {
        event: "2005-07-strategic-partnership",
        name: Ui::EraStrategic,
    },
    EraDefinition {
        event: "2011-06-comprehensive-strategic-partnership",
        name: Ui::EraComprehensive,
    },
    EraDefinition {
        event: "2019-09-permanent-comprehensive-partnership",
        name: Ui::EraPermanent,
    },
    EraDefinition {
        event: "2022-09-xi-visit-shared-future",
        name: Ui::EraSharedFuture,
    },
];

/// An era placed in time: from its event's first day to the next era's (the last one runs to
/// the end of the axis).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Era {
    /// Its name.
    pub name: Ui,
    /// The position of its opening event in the dataset's (chronological) events.
    pub event: usize,
    /// Its first day.
    pub start: Day,
    /// The day after its last day.
    pub end: Day,
}

/// The eras whose opening events are in `events` (the dataset's chronological list), in order.
pub fn place_eras(events: &[Event], domain: &Domain) -> Vec<Era> {
    let mut opened: Vec<(Ui, usize, Day)> = ERAS
        .iter()
        .filter_map(|era| {
            let index = events.iter().position(|e| e.id.as_str() == era.event)?;
            let event = events.get(index)?;
            Some((era.name, index, Span::of(&event.when).start))
        })
        .collect();
    opened.sort_by_key(|(_, _, start)| *start);
    let ends: Vec<Day> = opened
        .iter()
        .skip(1)
        .map(|(_, _, start)| *start)
        .chain([domain.end])
        .collect();
    opened
        .into_iter()
        .zip(ends)
        .map(|((name, event, start), end)| Era {
            name,
            event,
            start,
            end: end.max(start),
        })
        .collect()
}

/// The era a day falls in, if any (none before the first era begins).
pub fn era_at(eras: &[Era], day: Day) -> Option<&Era> {
    eras.iter().find(|era| era.start <= day && day < era.end)
}

/// The era an event opens, if it opens one.
pub fn era_opened_by(eras: &[Era], event: usize) -> Option<&Era> {
    eras.iter().find(|era| era.event == event)
}
/// The narrowest era band that is drawn as a button: a 24 px target (WCAG 2.5.8).
pub const MIN_ERA_BUTTON: f64 = 24.0;

/// An era as drawn on the axis of a window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EraBand {
    /// The era.
    pub era: Era,
    /// Its left edge and width in pixels, cut to the axis.
    pub left: f64,
    pub width: f64,
    /// Bands alternate shades, counted from the first band in view.
    pub shaded: bool,
    /// Wide enough to be a button that shows the era (else a plain band).
    pub button: bool,
}

/// The eras in view of `scale`'s window, placed on its axis.
pub fn era_bands(eras: &[Era], scale: &super::scale::Scale) -> Vec<EraBand> {
    eras.iter()
        .filter(|era| {
            f64::from(era.end) > scale.window.start && f64::from(era.start) < scale.window.end
        })
        .enumerate()
        .map(|(number, era)| {
            let left = scale.x(f64::from(era.start)).max(0.0);
            let right = scale.x(f64::from(era.end)).min(scale.width);
            EraBand {
                era: *era,
                left,
                width: right - left,
                shaded: number % 2 == 1,
                button: right - left >= MIN_ERA_BUTTON,
            }
        })
        .collect()
}
