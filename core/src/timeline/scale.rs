//! The time scale of the timeline: calendar dates as day numbers, the axis's domain (January
//! 1992 to the end of the reader's year), the visible window (zoom and scrub) and the mapping from days to
//! pixels, with year and month ticks.
//!
//! Pure: no clock (today is passed in), no browser, no signals.

use crate::data::model::{Date, DateRange, Precision, FIRST_YEAR};

/// A day number: days since 1970-01-01 (negative before). Only differences matter here.
pub type Day = i32;

/// Days in an average Gregorian year, for converting spans to years.
pub const DAYS_PER_YEAR: f64 = 365.2425;

/// The narrowest window the reader can zoom to: one year.
pub const MIN_WINDOW_DAYS: f64 = 365.0;

/// The day number of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> Day {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i32::try_from(month).unwrap_or(1);
    let day = i32::try_from(day).unwrap_or(1);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The year a day number falls in (inverse of [`days_from_civil`], year only).
pub fn year_of(day: Day) -> i32 {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let year = year_of_era + era * 400;
    // Months are counted from March: January and February belong to the next civil year.
    if month_index >= 10 {
        year + 1
    } else {
        year
    }
}

/// The calendar date of a day number (inverse of [`days_from_civil`]; Howard Hinnant's
/// `civil_from_days`), known to the day. A day outside the years 0–65535 is clamped to them.
pub fn civil_from_days(day: Day) -> Date {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    let year = u16::try_from(year.clamp(0, i32::from(u16::MAX))).unwrap_or_default();
    let month = u8::try_from(month).unwrap_or(1);
    let day_of_month = u8::try_from(day_of_month).unwrap_or(1);
    Date::from_ymd(year, month, day_of_month).unwrap_or_else(|| Date::from_year(year))
}

/// The day number of 1 January of `year`.
pub fn year_start(year: i32) -> Day {
    days_from_civil(year, 1, 1)
}

/// The first day a date can mean (`2005-07` → 1 July 2005), as a day number.
pub fn day_of(date: Date) -> Day {
    let first = date.first_day();
    days_from_civil(
        i32::from(first.year),
        u32::from(first.month.unwrap_or(1)),
        u32::from(first.day.unwrap_or(1)),
    )
}

/// How an event is drawn, from how precisely its date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkKind {
    /// Known to the day: a dot.
    Day,
    /// Known to the month: a short bar over the month.
    Month,
    /// Known to the year only: a faint band over the year.
    Year,
    /// A range from a first to a last date: a solid bar with ends.
    Range,
}

impl MarkKind {
    /// The name used in CSS and tests (`data-precision`).
    pub fn as_str(self) -> &'static str {
        match self {
            MarkKind::Day => "day",
            MarkKind::Month => "month",
            MarkKind::Year => "year",
            MarkKind::Range => "range",
        }
    }
}

/// Where an event lies in time: the days `[start, end)` it can mean, and how to draw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// The first day.
    pub start: Day,
    /// The day after the last day.
    pub end: Day,
    /// How to draw it.
    pub kind: MarkKind,
}

impl Span {
    /// The span of an event's dates: a range covers its first to its last day; a single date
    /// covers every day it can mean (a month, a year).
    pub fn of(when: &DateRange) -> Span {
        let start = day_of(when.first_day());
        let end = day_of(when.last_day()) + 1;
        let kind = match (when.end, when.start.precision()) {
            (Some(_), _) => MarkKind::Range,
            (None, Precision::Day) => MarkKind::Day,
            (None, Precision::Month) => MarkKind::Month,
            (None, Precision::Year) => MarkKind::Year,
        };
        Span { start, end, kind }
    }

    /// Whether any day of the span falls in `[from, to)`.
    pub fn overlaps(&self, from: f64, to: f64) -> bool {
        f64::from(self.start) < to && f64::from(self.end) > from
    }

    /// Whether any day of the span falls in `year`.
    pub fn touches_year(&self, year: i32) -> bool {
        self.start < year_start(year + 1) && self.end > year_start(year)
    }

    /// The year the span starts in.
    pub fn year(&self) -> i32 {
        year_of(self.start)
    }
}

/// The whole axis: from 1 January 1992 to the last day of the reader's year (or of a planned
/// event after it, so that nothing falls off the end), with the reader's today marked on it.
///
/// It ends with the year, not with today, so that every year has its full width and nothing on
/// the axis moves from one day to the next: only the "today" marker and the band of days not
/// yet covered do. That is what lets a prerendered timeline be shown all year
/// (`scripts/preload-data.js` moves those two for the reader's day, as the app places them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Domain {
    /// 1 January 1992.
    pub start: Day,
    /// The day after the last day shown.
    pub end: Day,
    /// The reader's today, where the "today" marker stands.
    pub today: Day,
}

impl Domain {
    /// The domain for `today` and the events' spans.
    pub fn new<'a>(today: Date, spans: impl IntoIterator<Item = &'a Span>) -> Domain {
        let start = year_start(i32::from(FIRST_YEAR));
        let today = day_of(today.first_day()).max(start);
        let end = spans
            .into_iter()
            .map(|span| span.end)
            .fold(year_start(year_of(today) + 1), Day::max);
        Domain { start, end, today }
    }

    /// Its length in days.
    pub fn days(&self) -> f64 {
        f64::from(self.end - self.start)
    }

    /// The first and last year it touches.
    pub fn years(&self) -> (i32, i32) {
        (year_of(self.start), year_of(self.end - 1))
    }
}

/// The visible part of the axis, in (fractional) days `[start, end)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// The first day visible.
    pub start: f64,
    /// The end of the visible span.
    pub end: f64,
}

impl Window {
    /// The whole domain.
    pub fn whole(domain: &Domain) -> Window {
        Window {
            start: f64::from(domain.start),
            end: f64::from(domain.end),
        }
    }

    /// Exactly one calendar year, kept inside the domain.
    pub fn year(year: i32, domain: &Domain) -> Window {
        let start = f64::from(year_start(year));
        let span = f64::from(year_start(year + 1) - year_start(year));
        Window::placed(start, span, domain)
    }

    /// A window of `span` days starting at `start`, moved (not shrunk) to stay in the domain,
    /// and never narrower than a year nor wider than the domain.
    pub fn placed(start: f64, span: f64, domain: &Domain) -> Window {
        let span = clamp_span(span, domain);
        let lowest = f64::from(domain.start);
        let highest = f64::from(domain.end) - span;
        let start = if start.is_finite() { start } else { lowest };
        let start = start.min(highest).max(lowest);
        Window {
            start,
            end: start + span,
        }
    }

    /// How many days are visible.
    pub fn span(&self) -> f64 {
        self.end - self.start
    }

    /// The middle day.
    pub fn center(&self) -> f64 {
        (self.start + self.end) / 2.0
    }

    /// Whether the window shows the whole domain.
    pub fn is_whole(&self, domain: &Domain) -> bool {
        self.span() >= domain.days() - 0.5
    }

    /// Zooms by `factor` (< 1 zooms in) keeping the day `anchor` where it is on screen.
    pub fn zoom(&self, factor: f64, anchor: f64, domain: &Domain) -> Window {
        let factor = if factor.is_finite() && factor > 0.0 {
            factor
        } else {
            1.0
        };
        let span = clamp_span(self.span() * factor, domain);
        let anchor = anchor.clamp(self.start, self.end);
        let share = if self.span() > 0.0 {
            (anchor - self.start) / self.span()
        } else {
            0.5
        };
        Window::placed(anchor - share * span, span, domain)
    }

    /// Moves the window by `days` (negative: earlier), keeping its width.
    pub fn pan(&self, days: f64, domain: &Domain) -> Window {
        let days = if days.is_finite() { days } else { 0.0 };
        Window::placed(self.start + days, self.span(), domain)
    }

    /// The smallest move that brings the start of `span` into view with a margin of a tenth of
    /// the window; the window is left alone when it already shows it.
    pub fn reveal(&self, span: &Span, domain: &Domain) -> Window {
        let margin = self.span() / 10.0;
        let start = f64::from(span.start);
        let end = f64::from(span.end).min(start + self.span() - 2.0 * margin);
        if start >= self.start + margin && end <= self.end - margin {
            return *self;
        }
        if start < self.start + margin {
            Window::placed(start - margin, self.span(), domain)
        } else {
            Window::placed(end + margin - self.span(), self.span(), domain)
        }
    }
}

fn clamp_span(span: f64, domain: &Domain) -> f64 {
    let widest = domain.days();
    let narrowest = MIN_WINDOW_DAYS.min(widest);
    if span.is_finite() {
        span.clamp(narrowest, widest)
    } else {
        widest
    }
}

/// Days of the window → pixels `0 ..= width`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// What is visible.
    pub window: Window,
    /// The axis's width in pixels.
    pub width: f64,
}

impl Scale {
    /// A scale showing `window` across `width` pixels (at least one pixel).
    pub fn new(window: Window, width: f64) -> Scale {
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            1.0
        };
        Scale { window, width }
    }

    /// The pixel of a (fractional) day.
    pub fn x(&self, day: f64) -> f64 {
        (day - self.window.start) * self.px_per_day()
    }

    /// The (fractional) day at a pixel.
    pub fn day_at(&self, x: f64) -> f64 {
        self.window.start + x / self.px_per_day()
    }

    /// Pixels per day.
    pub fn px_per_day(&self) -> f64 {
        let span = self.window.span();
        if span > 0.0 {
            self.width / span
        } else {
            0.0
        }
    }
}

/// A year line on the axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YearTick {
    /// The year beginning at this line.
    pub year: i32,
    /// Its pixel.
    pub x: f64,
    /// Whether its label is drawn (every year, or every 2nd, 5th or 10th when crowded).
    pub labelled: bool,
}

/// The year lines inside the window, labelled as often as `min_label_px` allows.
pub fn year_ticks(scale: &Scale, min_label_px: f64) -> Vec<YearTick> {
    let px_per_year = scale.px_per_day() * DAYS_PER_YEAR;
    let step = [1, 2, 5, 10]
        .into_iter()
        .find(|step| f64::from(*step) * px_per_year >= min_label_px)
        .unwrap_or(10);
    let first = year_of(scale.window.start.floor() as Day);
    let last = year_of(scale.window.end.ceil() as Day);
    (first..=last + 1)
        .map(|year| (year, f64::from(year_start(year))))
        .filter(|(_, day)| *day >= scale.window.start && *day <= scale.window.end)
        .map(|(year, day)| YearTick {
            year,
            x: scale.x(day),
            // A line at the window's right end closes the last year; its label would stand
            // outside the axis.
            labelled: year.rem_euclid(step) == 0 && day < scale.window.end,
        })
        .collect()
}

/// A month line on the axis, drawn only when the window is narrow enough.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthTick {
    /// The year.
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// Its pixel.
    pub x: f64,
}

/// The starts of months inside the window, when a month is at least `min_px` wide; none
/// otherwise (January is left to the year line).
pub fn month_ticks(scale: &Scale, min_px: f64) -> Vec<MonthTick> {
    if scale.px_per_day() * DAYS_PER_YEAR / 12.0 < min_px {
        return Vec::new();
    }
    let first = year_of(scale.window.start.floor() as Day);
    let last = year_of(scale.window.end.ceil() as Day);
    (first..=last)
        .flat_map(|year| (2..=12).map(move |month| (year, month)))
        .map(|(year, month)| (year, month, f64::from(days_from_civil(year, month, 1))))
        .filter(|(_, _, day)| *day >= scale.window.start && *day <= scale.window.end)
        .map(|(year, month, day)| MonthTick {
            year,
            month,
            x: scale.x(day),
        })
        .collect()
}

/// The first and last year a window shows, for the status line ("1992 – 2026", or one year).
pub fn years_shown(window: &Window, domain: &Domain) -> (i32, i32) {
    let first = year_of(window.start.floor() as Day);
    let last = year_of((window.end.ceil() as Day - 1).max(domain.start));
    (first, last)
}

/// The years a window shows as the status line writes them: `2013` or `1992 – 2026`.
pub fn years_text(window: &Window, domain: &Domain) -> String {
    match years_shown(window, domain) {
        (first, last) if first == last => first.to_string(),
        (first, last) => format!("{first} – {last}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn range(start: &str, end: Option<&str>) -> DateRange {
        DateRange {
            start: date(start),
            end: end.map(date),
        }
    }

    fn domain(today: &str) -> Domain {
        Domain::new(date(today), [])
    }

    #[test]
    fn day_numbers_count_days_since_1970() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1992, 1, 1), 8035);
        assert_eq!(
            days_from_civil(2000, 3, 1) - days_from_civil(2000, 2, 28),
            2
        );
        assert_eq!(
            days_from_civil(1900, 3, 1) - days_from_civil(1900, 2, 28),
            1
        );
        for day in [-1, 0, 8035, 8400, 10_956, 20_000, 20_453] {
            let year = year_of(day);
            assert!(
                year_start(year) <= day && day < year_start(year + 1),
                "{day}"
            );
        }
        assert_eq!(year_of(days_from_civil(2013, 12, 31)), 2013);
        assert_eq!(year_of(days_from_civil(2014, 1, 1)), 2014);
    }

    #[test]
    fn a_day_number_turns_back_into_its_calendar_date() {
        for text in [
            "1970-01-01",
            "1992-01-03",
            "2000-02-29",
            "2024-12-31",
            "2026-03-04",
        ] {
            assert_eq!(civil_from_days(day_of(date(text))), date(text), "{text}");
        }
        for day in (-1000..30_000).step_by(7) {
            let back = civil_from_days(day);
            assert_eq!(day_of(back), day, "{back}");
        }
    }

    #[test]
    fn a_date_is_placed_at_the_first_day_it_can_mean() {
        assert_eq!(day_of(date("2005")), days_from_civil(2005, 1, 1));
        assert_eq!(day_of(date("2005-07")), days_from_civil(2005, 7, 1));
        assert_eq!(day_of(date("2005-07-04")), days_from_civil(2005, 7, 4));
    }

    #[test]
    fn each_precision_is_drawn_its_own_way_over_the_days_it_can_mean() {
        let day = Span::of(&range("2005-07-04", None));
        assert_eq!((day.kind, day.end - day.start), (MarkKind::Day, 1));
        let month = Span::of(&range("1992-02", None));
        assert_eq!((month.kind, month.end - month.start), (MarkKind::Month, 29));
        let year = Span::of(&range("1993", None));
        assert_eq!((year.kind, year.end - year.start), (MarkKind::Year, 365));
        let span = Span::of(&range("1992-02-24", Some("1992-02-28")));
        assert_eq!((span.kind, span.end - span.start), (MarkKind::Range, 5));
        let coarse = Span::of(&range("2025-09", Some("2026")));
        assert_eq!(coarse.kind, MarkKind::Range);
        assert_eq!(coarse.start, days_from_civil(2025, 9, 1));
        assert_eq!(coarse.end, days_from_civil(2027, 1, 1));
    }

    #[test]
    fn a_span_knows_the_years_it_touches() {
        let span = Span::of(&range("2019-12-30", Some("2020-01-02")));
        assert!(span.touches_year(2019));
        assert!(span.touches_year(2020));
        assert!(!span.touches_year(2021));
        assert_eq!(span.year(), 2019);
    }

    #[test]
    fn the_axis_runs_from_january_1992_to_the_end_of_todays_year() {
        let domain = domain("2026-11-28");
        assert_eq!(domain.start, days_from_civil(1992, 1, 1));
        assert_eq!(domain.today, days_from_civil(2026, 11, 28));
        assert_eq!(domain.end, days_from_civil(2027, 1, 1));
        assert_eq!(domain.years(), (1992, 2026));
        // On the year's first and last day alike.
        assert_eq!(self::domain("2026-01-01").end, days_from_civil(2027, 1, 1));
        assert_eq!(self::domain("2026-12-31").end, days_from_civil(2027, 1, 1));
        assert_eq!(self::domain("2027-01-01").end, days_from_civil(2028, 1, 1));
    }

    #[test]
    fn within_a_year_only_today_moves() {
        let spans = [Span::of(&range("2005-07", Some("2006-05")))];
        let early = Domain::new(date("2026-03-04"), spans.iter());
        let late = Domain::new(date("2026-12-31"), spans.iter());
        assert_eq!((early.start, early.end), (late.start, late.end));
        assert_ne!(early.today, late.today);
    }

    #[test]
    fn a_planned_event_after_the_year_stretches_the_axis_instead_of_falling_off() {
        let planned = Span::of(&range("2027-03", None));
        let domain = Domain::new(date("2026-11-28"), [&planned]);
        assert_eq!(domain.end, days_from_civil(2027, 4, 1));
        assert_eq!(domain.today, days_from_civil(2026, 11, 28));
    }

    #[test]
    fn the_today_marker_stands_in_the_last_years_width_of_the_whole_axis() {
        let domain = domain("2026-11-28");
        let scale = Scale::new(Window::whole(&domain), 1000.0);
        let x = scale.x(f64::from(domain.today));
        let last_year = scale.x(f64::from(days_from_civil(2026, 1, 1)));
        assert!((last_year..1000.0).contains(&x) && x > 990.0, "{x}");
        assert_eq!(scale.x(f64::from(domain.start)), 0.0);
    }

    #[test]
    fn positions_are_proportional_to_time_and_invert() {
        let domain = domain("2026-11-28");
        let scale = Scale::new(Window::year(2013, &domain), 365.0);
        assert_eq!(scale.x(f64::from(days_from_civil(2013, 1, 1))), 0.0);
        assert_eq!(scale.x(f64::from(days_from_civil(2013, 9, 7))), 249.0);
        assert_eq!(scale.day_at(249.0), f64::from(days_from_civil(2013, 9, 7)));
    }

    #[test]
    fn a_year_window_shows_exactly_that_year() {
        let domain = domain("2026-11-28");
        let window = Window::year(2013, &domain);
        assert_eq!(window.start, f64::from(days_from_civil(2013, 1, 1)));
        assert_eq!(window.end, f64::from(days_from_civil(2014, 1, 1)));
        // The current year is cut at the end of the domain, moved rather than shrunk.
        let last = Window::year(2026, &domain);
        assert_eq!(last.end, f64::from(domain.end));
        assert!(last.span() >= MIN_WINDOW_DAYS);
    }

    #[test]
    fn zoom_stops_at_one_year_and_at_the_whole_span_and_keeps_the_anchor() {
        let domain = domain("2026-11-28");
        let whole = Window::whole(&domain);
        assert_eq!(whole.zoom(2.0, whole.center(), &domain), whole);
        let tiny = whole.zoom(0.0001, whole.center(), &domain);
        assert_eq!(tiny.span(), MIN_WINDOW_DAYS);
        let anchor = f64::from(days_from_civil(2005, 7, 4));
        let zoomed = whole.zoom(0.25, anchor, &domain);
        let share = |w: Window| (anchor - w.start) / w.span();
        assert!((share(zoomed) - share(whole)).abs() < 1e-9);
        assert!((zoomed.span() - whole.span() / 4.0).abs() < 1e-9);
        assert_eq!(whole.zoom(f64::NAN, anchor, &domain), whole);
    }

    #[test]
    fn scrubbing_moves_the_window_but_never_past_the_ends() {
        let domain = domain("2026-11-28");
        let decade = Window::placed(f64::from(domain.start), 3650.0, &domain);
        assert_eq!(decade.pan(-500.0, &domain), decade);
        let later = decade.pan(365.0, &domain);
        assert_eq!(later.start, decade.start + 365.0);
        assert_eq!(later.span(), decade.span());
        let end = decade.pan(1e9, &domain);
        assert_eq!(end.end, f64::from(domain.end));
        assert_eq!(decade.pan(f64::INFINITY, &domain), decade);
    }

    #[test]
    fn revealing_an_event_moves_the_window_only_when_it_is_out_of_view() {
        let domain = domain("2026-11-28");
        let window = Window::year(2013, &domain);
        let inside = Span::of(&range("2013-09-07", None));
        assert_eq!(window.reveal(&inside, &domain), window);
        let later = Span::of(&range("2015-05-07", None));
        let moved = window.reveal(&later, &domain);
        assert_eq!(moved.span(), window.span());
        assert!(f64::from(later.start) < moved.end && f64::from(later.start) > moved.start);
        let earlier = Span::of(&range("1992-01-03", None));
        let back = window.reveal(&earlier, &domain);
        assert_eq!(back.start, f64::from(domain.start));
    }

    #[test]
    fn year_labels_thin_out_when_years_are_narrow() {
        let domain = domain("2026-11-28");
        let wide = Scale::new(Window::whole(&domain), 3500.0);
        let ticks = year_ticks(&wide, 40.0);
        assert!(ticks.iter().all(|tick| tick.labelled || tick.year == 2027));
        let narrow = Scale::new(Window::whole(&domain), 500.0);
        let ticks = year_ticks(&narrow, 40.0);
        assert_eq!(ticks.first().map(|tick| tick.year), Some(1992));
        // The last line closes 2026, at the right end, unlabelled.
        assert_eq!(ticks.last().map(|tick| tick.year), Some(2027));
        assert_eq!(ticks.last().map(|tick| tick.labelled), Some(false));
        let labelled: Vec<i32> = ticks
            .iter()
            .filter(|t| t.labelled)
            .map(|t| t.year)
            .collect();
        assert_eq!(labelled, vec![1995, 2000, 2005, 2010, 2015, 2020, 2025]);
    }

    #[test]
    fn month_lines_appear_only_when_months_are_wide_enough() {
        let domain = domain("2026-11-28");
        let year = Scale::new(Window::year(2013, &domain), 960.0);
        let months = month_ticks(&year, 40.0);
        assert_eq!(months.len(), 11);
        assert_eq!(months.first().map(|tick| tick.month), Some(2));
        let whole = Scale::new(Window::whole(&domain), 960.0);
        assert!(month_ticks(&whole, 40.0).is_empty());
    }

    #[test]
    fn the_status_line_names_one_year_or_the_first_and_the_last() {
        let domain = domain("2026-12-06");
        assert_eq!(years_text(&Window::year(2013, &domain), &domain), "2013");
        assert_eq!(years_text(&Window::whole(&domain), &domain), "1992 – 2026");
    }
}
