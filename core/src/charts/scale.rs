//! Scales: small pure mappings from data space to pixels (after d3-scale).
//!
//! - [`Linear`]: numbers to pixels, with ticks and a "nice" domain.
//! - [`Band`]: the n categories of a bar chart to evenly spaced bands.
//! - [`Time`]: periods (a year, a half, a run of months) to the pixel of their middle, with
//!   whole-year ticks.
//!
//! Pure: no browser, no clock. A scale never fails; an empty domain maps to the middle of the
//! range.

use super::ticks;
use crate::data::model::Period;

/// A linear mapping from a numeric domain to a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// The domain, in data units (`domain.0` maps to `range.0`).
    pub domain: (f64, f64),
    /// The range, in pixels (may run backwards, as a y axis does).
    pub range: (f64, f64),
}

impl Linear {
    /// A scale from `domain` to `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { domain, range }
    }

    /// The pixel of `value`; the middle of the range when the domain is empty.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 || !(d1 - d0).is_finite() {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }

    /// The value at pixel `pixel` (the domain's start when the range is empty).
    pub fn invert(&self, pixel: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if r1 == r0 {
            return d0;
        }
        d0 + (pixel - r0) / (r1 - r0) * (d1 - d0)
    }

    /// The same scale with its domain extended to round values.
    pub fn nice(self, count: usize) -> Linear {
        Linear {
            domain: ticks::nice(self.domain.0, self.domain.1, count),
            ..self
        }
    }

    /// About `count` round values inside the domain.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        ticks::ticks(self.domain.0, self.domain.1, count)
    }

    /// The step between those ticks.
    pub fn tick_step(&self, count: usize) -> f64 {
        ticks::tick_step(self.domain.0, self.domain.1, count)
    }
}

/// `n` categories spread over a range as bands with gaps between them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// How many bands.
    pub count: usize,
    /// The range, in pixels, left to right.
    pub range: (f64, f64),
    /// The gap between bands, as a share of the step (0–1).
    pub padding_inner: f64,
    /// The gap before the first and after the last band, as a share of the step.
    pub padding_outer: f64,
}

impl Band {
    /// `count` bands over `range` with d3's default-like paddings.
    pub fn new(count: usize, range: (f64, f64)) -> Band {
        Band {
            count,
            range,
            padding_inner: 0.2,
            padding_outer: 0.1,
        }
    }

    /// The distance from the start of one band to the start of the next.
    pub fn step(&self) -> f64 {
        let n = self.count as f64;
        let slots = n - self.padding_inner + 2.0 * self.padding_outer;
        if self.count == 0 || slots <= 0.0 {
            return 0.0;
        }
        (self.range.1 - self.range.0) / slots
    }

    /// The width of a band.
    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.padding_inner)
    }

    /// The left edge of band `index`.
    pub fn start(&self, index: usize) -> f64 {
        self.range.0 + self.step() * (self.padding_outer + index as f64)
    }

    /// The middle of band `index`.
    pub fn middle(&self, index: usize) -> f64 {
        self.start(index) + self.bandwidth() / 2.0
    }

    /// The band under pixel `pixel`, if any (gaps belong to the nearest band).
    pub fn index_at(&self, pixel: f64) -> Option<usize> {
        let step = self.step();
        if self.count == 0 || step <= 0.0 {
            return None;
        }
        let position =
            (pixel - self.range.0) / step - self.padding_outer + self.padding_inner / 2.0;
        let index = position.floor();
        (index >= 0.0 && index < self.count as f64).then_some(index as usize)
    }
}

/// Months since the year 0 at the start of a period's first month and after its last.
fn month_span(period: &Period) -> (f64, f64) {
    let first = period.first_day();
    let last = period.last_day();
    let start = f64::from(first.year) * 12.0 + f64::from(first.month.unwrap_or(1)) - 1.0;
    let end = f64::from(last.year) * 12.0 + f64::from(last.month.unwrap_or(12));
    (start, end)
}

/// Where a period starts and ends, in fractional years (2013 → 2013.0 … 2014.0).
pub fn period_span(period: &Period) -> (f64, f64) {
    let (start, end) = month_span(period);
    (start / 12.0, end / 12.0)
}

/// Whether `next` begins in the month after `previous` ends: only such neighbours are joined
/// by a line; anything else is a gap.
pub fn are_contiguous(previous: &Period, next: &Period) -> bool {
    month_span(previous).1 == month_span(next).0
}

/// Periods on a time axis: each period sits at the middle of the time it covers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Time {
    /// Fractional years to pixels.
    pub linear: Linear,
}

impl Time {
    /// A time scale covering every period from the start of `first` to the end of `last`.
    pub fn new(first: &Period, last: &Period, range: (f64, f64)) -> Time {
        Time {
            linear: Linear::new((period_span(first).0, period_span(last).1), range),
        }
    }

    /// The pixel of a period's middle.
    pub fn map(&self, period: &Period) -> f64 {
        let (start, end) = period_span(period);
        self.linear.map((start + end) / 2.0)
    }

    /// The pixel of the middle of a calendar year.
    pub fn map_year(&self, year: i32) -> f64 {
        self.linear.map(f64::from(year) + 0.5)
    }

    /// Whether any part of `year` lies in the domain.
    pub fn covers_year(&self, year: i32) -> bool {
        let year = f64::from(year);
        year + 1.0 > self.linear.domain.0 && year < self.linear.domain.1
    }

    /// Whole years for ticks, at most `count`, each at the middle of its year.
    pub fn year_ticks(&self, count: usize) -> Vec<(i32, f64)> {
        let first = self.linear.domain.0.floor() as i32;
        let last = (self.linear.domain.1 - 1e-9).floor() as i32;
        ticks::year_ticks(first, last, count)
            .into_iter()
            .map(|year| (year, self.map_year(year)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(text: &str) -> Period {
        Period::parse(text).unwrap_or(Period::Year(0))
    }

    #[test]
    fn a_linear_scale_maps_and_inverts() {
        let scale = Linear::new((0.0, 50.0), (300.0, 0.0));
        assert_eq!(scale.map(0.0), 300.0);
        assert_eq!(scale.map(25.0), 150.0);
        assert_eq!(scale.invert(150.0), 25.0);
    }

    #[test]
    fn an_empty_domain_maps_to_the_middle_of_the_range() {
        assert_eq!(Linear::new((3.0, 3.0), (0.0, 100.0)).map(3.0), 50.0);
    }

    #[test]
    fn a_nice_scale_ends_on_round_values() {
        let scale = Linear::new((0.0, 43.82), (0.0, 1.0)).nice(5);
        assert_eq!(scale.domain, (0.0, 50.0));
        assert_eq!(scale.ticks(5), vec![0.0, 10.0, 20.0, 30.0, 40.0, 50.0]);
    }

    #[test]
    fn bands_are_evenly_spaced_with_gaps() {
        let band = Band::new(4, (0.0, 400.0));
        assert_eq!(band.step(), 100.0);
        assert_eq!(band.bandwidth(), 80.0);
        assert_eq!(band.start(0), 10.0);
        assert_eq!(band.middle(3), 350.0);
        assert_eq!(band.index_at(55.0), Some(0));
        assert_eq!(band.index_at(395.0), Some(3));
        assert_eq!(band.index_at(-50.0), None);
        assert_eq!(Band::new(0, (0.0, 10.0)).step(), 0.0);
    }

    #[test]
    fn a_period_sits_at_the_middle_of_its_time() {
        let time = Time::new(&period("2013"), &period("2023"), (0.0, 1100.0));
        assert_eq!(time.map(&period("2013")), 50.0);
        assert_eq!(time.map(&period("2023")), 1050.0);
        assert_eq!(time.map(&period("2020-H1")), 725.0);
        assert!(time.covers_year(2013));
        assert!(!time.covers_year(2024));
        assert_eq!(time.year_ticks(3).first(), Some(&(2015, 250.0)));
    }

    #[test]
    fn only_neighbouring_periods_are_contiguous() {
        assert!(are_contiguous(&period("2021"), &period("2022")));
        assert!(!are_contiguous(&period("2013"), &period("2018")));
        assert!(are_contiguous(&period("2024-H1"), &period("2024-H2")));
        assert!(!are_contiguous(&period("2024-H1"), &period("2025-H1")));
        assert!(are_contiguous(
            &period("2023-01/2023-09"),
            &period("2023-Q4")
        ));
    }
}
