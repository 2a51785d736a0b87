//! The geometry of marks: SVG path strings for lines and areas, rectangles for bars, and the
//! rounding every coordinate goes through.
//!
//! A line or area breaks wherever a point is missing (`None`, like d3-shape's `defined`): it
//! never draws across a gap, so it never suggests a value the data does not have. Coordinates
//! are rounded to a tenth of a pixel, which keeps the SVG small and the snapshots readable.
//!
//! Pure: strings and numbers only; no browser, no clock.

use std::fmt::Write as _;

/// A coordinate rounded to a tenth of a pixel, written without a trailing `.0`.
pub fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    // `-0` and the like would only add noise.
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// A rectangle in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (never negative).
    pub width: f64,
    /// Height (never negative).
    pub height: f64,
}

impl Rect {
    /// Whether the point lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x && x <= self.x + self.width && y >= self.y && y <= self.y + self.height
    }
}

/// The path of a line through `points`; `None` breaks it. A run of a single point draws
/// nothing (its dot shows it); an all-missing input gives the empty string.
pub fn line_path(points: &[Option<(f64, f64)>]) -> String {
    let mut path = String::new();
    for run in points.split(Option::is_none) {
        let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
        if run.len() < 2 {
            continue;
        }
        for (i, (x, y)) in run.iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            let _ = write!(path, "{command}{},{}", num(*x), num(*y));
        }
    }
    path
}

/// The path of an area between two lines: each point is `(x, y_low, y_high)`; `None` breaks
/// it, and runs of a single point draw nothing.
pub fn area_path(points: &[Option<(f64, f64, f64)>]) -> String {
    let mut path = String::new();
    for run in points.split(Option::is_none) {
        let run: Vec<(f64, f64, f64)> = run.iter().flatten().copied().collect();
        if run.len() < 2 {
            continue;
        }
        for (i, (x, _, high)) in run.iter().enumerate() {
            let command = if i == 0 { 'M' } else { 'L' };
            let _ = write!(path, "{command}{},{}", num(*x), num(*high));
        }
        for (x, low, _) in run.iter().rev() {
            let _ = write!(path, "L{},{}", num(*x), num(*low));
        }
        path.push('Z');
    }
    path
}

/// The rectangle of a bar from the baseline pixel `zero` to the value's pixel `value`, `x` to
/// `x + width` wide: it grows up for positive values and down for negative ones.
pub fn bar_rect(x: f64, width: f64, zero: f64, value: f64) -> Rect {
    Rect {
        x,
        y: zero.min(value),
        width: width.max(0.0),
        height: (zero - value).abs(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_rounded_to_a_tenth() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-3.96), "-4");
    }

    #[test]
    fn a_line_joins_neighbouring_points() {
        let path = line_path(&[Some((0.0, 10.0)), Some((5.5, 20.25)), Some((11.0, 0.0))]);
        assert_eq!(path, "M0,10L5.5,20.3L11,0");
    }

    #[test]
    fn a_missing_point_breaks_the_line_and_is_never_interpolated() {
        let path = line_path(&[
            Some((0.0, 10.0)),
            Some((1.0, 11.0)),
            None,
            Some((3.0, 13.0)),
            Some((4.0, 14.0)),
        ]);
        assert_eq!(path, "M0,10L1,11M3,13L4,14");
    }

    #[test]
    fn a_lone_point_draws_no_line() {
        assert_eq!(line_path(&[Some((0.0, 1.0)), None, Some((2.0, 3.0))]), "");
        assert_eq!(line_path(&[]), "");
    }

    #[test]
    fn an_area_runs_along_the_top_and_back_along_the_bottom() {
        let path = area_path(&[Some((0.0, 10.0, 5.0)), Some((10.0, 12.0, 4.0)), None]);
        assert_eq!(path, "M0,5L10,4L10,12L0,10Z");
    }

    #[test]
    fn a_bar_grows_up_for_positive_and_down_for_negative_values() {
        let up = bar_rect(10.0, 20.0, 100.0, 40.0);
        assert_eq!((up.y, up.height), (40.0, 60.0));
        let down = bar_rect(10.0, 20.0, 100.0, 130.0);
        assert_eq!((down.y, down.height), (100.0, 30.0));
        assert!(up.contains(15.0, 50.0));
        assert!(!up.contains(35.0, 50.0));
    }
}
