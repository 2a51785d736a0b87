//! The guided story (`view=story&step=N`): which step is shown, its neighbours, and where each
//! step and event sits on the small timeline beside it.
//!
//! Pure: no clock (the axis ends at the data's as-of date, or the last event's), no browser.

use crate::data::model::{Dataset, Step};
use crate::timeline::scale::{day_of, year_of, year_start, Day};

/// One step of the story as the view shows it: its position (1-based), and its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The step shown, 1 … `total`.
    pub step: usize,
    /// How many steps the story has.
    pub total: usize,
}

impl Position {
    /// The position `step` names in a story of `total` steps; a step out of range is the first.
    pub fn new(step: usize, total: usize) -> Position {
        let step = if (1..=total).contains(&step) { step } else { 1 };
        Position { step, total }
    }

    /// The step before, if any.
    pub fn previous(self) -> Option<usize> {
        (self.step > 1).then(|| self.step - 1)
    }

    /// The step after, if any.
    pub fn next(self) -> Option<usize> {
        (self.step < self.total).then(|| self.step + 1)
    }
}

/// The small timeline beside a step: January 1992 to the end of the data, with every event as a
/// tick and every step as a mark, each as a fraction (0 … 1) of the axis's length.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The first year on the axis (1992).
    pub first_year: i32,
    /// The last year on the axis: the year of the data's as-of date (or of its last event).
    pub last_year: i32,
    /// Where each event of the data starts.
    pub events: Vec<f64>,
    /// Where each step's event starts, in step order, with its year.
    pub steps: Vec<(f64, i32)>,
}

impl Axis {
    /// The axis of `dataset`'s story.
    pub fn of(dataset: &Dataset) -> Axis {
        let first = year_start(crate::url::FIRST_YEAR);
        let last_event = dataset
            .events()
            .iter()
            .map(|event| day_of(event.when.start))
            .max();
        let end_day = dataset.as_of().map(day_of).or(last_event).unwrap_or(first);
        let last_year = year_of(end_day).max(crate::url::FIRST_YEAR);
        // The axis runs to the end of its last year, so that every mark is inside it.
        let end = year_start(last_year + 1);
        let at = |day: Day| -> f64 {
            let span = f64::from((end - first).max(1));
            (f64::from(day - first) / span).clamp(0.0, 1.0)
        };
        let events = dataset
            .events()
            .iter()
            .map(|event| day_of(event.when.start))
            .filter(|day| *day < end)
            .map(at)
            .collect();
        let steps = dataset
            .story()
            .iter()
            .filter_map(|step| step_day(dataset, step))
            .map(|day| (at(day), year_of(day)))
            .collect();
        Axis {
            first_year: crate::url::FIRST_YEAR,
            last_year,
            events,
            steps,
        }
    }
}

/// The day a step's event starts.
fn step_day(dataset: &Dataset, step: &Step) -> Option<Day> {
    dataset
        .event(&step.event)
        .map(|event| day_of(event.when.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_out_of_range_is_the_first() {
        assert_eq!(Position::new(0, 14).step, 1);
        assert_eq!(Position::new(15, 14).step, 1);
        assert_eq!(Position::new(14, 14).step, 14);
        assert_eq!(Position::new(3, 0).step, 1);
    }

    #[test]
    fn the_first_step_has_no_previous_and_the_last_no_next() {
        let first = Position::new(1, 3);
        assert_eq!((first.previous(), first.next()), (None, Some(2)));
        let middle = Position::new(2, 3);
        assert_eq!((middle.previous(), middle.next()), (Some(1), Some(3)));
        let last = Position::new(3, 3);
        assert_eq!((last.previous(), last.next()), (Some(2), None));
    }
}
