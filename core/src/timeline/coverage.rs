//! What the data covers on the axis: it stops at the data's as-of date, while the axis runs on
//! to the reader's today. The days in between are "not yet covered": no event there means the
//! data has not been brought up to date, not that nothing happened. The view draws them as a
//! hatched band, unlike the empty years inside the data.
//!
//! Pure: the as-of date and today are passed in, pixels come from the [`Scale`].

use super::scale::{day_of, Day, Domain, Scale};
use crate::data::model::Date;

/// The days after the data's as-of date up to and including the reader's today, `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Uncovered {
    /// The day after the last day the as-of date can mean.
    pub start: Day,
    /// The day after today.
    pub end: Day,
}

impl Uncovered {
    /// The days the data does not cover yet, or `None` when it reaches today. A coarse as-of
    /// date covers every day it can mean (`2026-03` covers March).
    pub fn of(as_of: Date, domain: &Domain) -> Option<Uncovered> {
        let start = (day_of(as_of.last_day()) + 1).max(domain.start);
        let end = domain.today + 1;
        (start < end).then_some(Uncovered { start, end })
    }

    /// How many days are not covered.
    pub fn days(&self) -> Day {
        self.end - self.start
    }

    /// The band's place on the axis, cut to the visible part; `None` when none of it is visible.
    pub fn band(&self, scale: &Scale) -> Option<Band> {
        let left = scale.x(f64::from(self.start)).max(0.0);
        let right = scale.x(f64::from(self.end)).min(scale.width);
        (right > left).then(|| Band {
            left,
            width: right - left,
            cut_left: scale.x(f64::from(self.start)) < 0.0,
        })
    }
}

/// A band on the axis, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Its left edge.
    pub left: f64,
    /// Its width (more than 0).
    pub width: f64,
    /// Whether it starts before the visible part (its left edge is the axis's).
    pub cut_left: bool,
}

impl Band {
    /// Whether a label of `label_px` fits across the band; a narrower band carries its label
    /// upright (written vertically), which needs only a line's height across.
    pub fn fits_across(&self, label_px: f64) -> bool {
        self.width >= label_px
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::scale::{days_from_civil, Window};

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn domain(today: &str) -> Domain {
        Domain::new(date(today), [])
    }

    #[test]
    fn the_uncovered_days_run_from_the_day_after_the_as_of_date_to_today() {
        let domain = domain("2026-12-06");
        let gap = Uncovered::of(date("2026-03-03"), &domain).unwrap();
        assert_eq!(gap.start, days_from_civil(2026, 3, 4));
        assert_eq!(gap.end, days_from_civil(2026, 12, 7));
        assert_eq!(gap.days(), 278);
    }

    #[test]
    fn a_coarse_as_of_date_covers_every_day_it_can_mean() {
        let domain = domain("2026-12-06");
        let month = Uncovered::of(date("2026-03"), &domain).unwrap();
        assert_eq!(month.start, days_from_civil(2026, 4, 1));
        let year = Uncovered::of(date("2025"), &domain).unwrap();
        assert_eq!(year.start, days_from_civil(2026, 1, 1));
    }

    #[test]
    fn nothing_is_uncovered_when_the_data_reaches_today() {
        let domain = domain("2026-03-03");
        assert_eq!(Uncovered::of(date("2026-03-03"), &domain), None);
        assert_eq!(Uncovered::of(date("2026-03"), &domain), None);
        // The day before: today alone is not covered.
        let today = Uncovered::of(date("2026-03-02"), &domain).unwrap();
        assert_eq!(today.days(), 1);
    }

    #[test]
    fn the_band_ends_at_today_not_at_a_planned_event_after_it() {
        let planned = crate::timeline::scale::Span::of(&crate::data::model::DateRange {
            start: date("2028"),
            end: None,
        });
        let domain = Domain::new(date("2026-12-06"), [&planned]);
        let gap = Uncovered::of(date("2026-03-03"), &domain).unwrap();
        assert_eq!(gap.end, domain.today + 1);
        assert!(gap.end < domain.end);
    }

    #[test]
    fn the_band_sits_between_the_as_of_date_and_the_today_marker_on_the_axis() {
        let domain = domain("2026-12-06");
        let scale = Scale::new(Window::whole(&domain), 1000.0);
        let gap = Uncovered::of(date("2026-03-03"), &domain).unwrap();
        let band = gap.band(&scale).unwrap();
        let today_x = scale.x(f64::from(domain.today) + 0.5);
        assert!((band.left - scale.x(f64::from(days_from_civil(2026, 3, 4)))).abs() < 1e-9);
        assert!(band.left < today_x && today_x <= band.left + band.width);
        assert!(
            (band.left + band.width - scale.x(f64::from(domain.today + 1))).abs() < 1e-9,
            "it ends with today"
        );
        assert!(
            band.left + band.width < 1000.0,
            "the rest of the year is not hatched"
        );
        // About three-quarters of a year out of nearly 35: some 22 px of 1000.
        assert!((20.0..25.0).contains(&band.width), "{}", band.width);
        assert!(!band.cut_left);
        assert!(!band.fits_across(100.0));
    }

    #[test]
    fn the_band_is_cut_to_the_window_and_absent_when_out_of_view() {
        let domain = domain("2026-12-06");
        let gap = Uncovered::of(date("2026-03-03"), &domain).unwrap();
        let past = Scale::new(Window::year(2013, &domain), 800.0);
        assert_eq!(gap.band(&past), None);
        // A window starting inside the gap (the axis runs on to a planned event in 2028): the
        // band starts at the axis's left edge and ends at today, not at the window's end.
        let planned = crate::timeline::scale::Span::of(&crate::data::model::DateRange {
            start: date("2028"),
            end: None,
        });
        let longer = Domain::new(date("2026-12-06"), [&planned]);
        let gap_longer = Uncovered::of(date("2026-03-03"), &longer).unwrap();
        let inside = Window::placed(f64::from(days_from_civil(2026, 6, 1)), 365.0, &longer);
        let late = Scale::new(inside, 730.0);
        let band = gap_longer.band(&late).unwrap();
        assert_eq!(band.left, 0.0);
        assert!(band.cut_left);
        let today_end = late.x(f64::from(longer.today + 1));
        assert!((band.width - today_end).abs() < 1e-9);
        assert!(band.width < 730.0);
        let year = Scale::new(Window::year(2026, &domain), 800.0);
        let band = gap.band(&year).unwrap();
        assert!(band.left > 0.0 && band.left + band.width <= 800.0 + 1e-9);
        assert!(
            band.fits_across(100.0),
            "zoomed to a year, the label fits across"
        );
    }
}
