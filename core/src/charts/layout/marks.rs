//! A panel's marks and where each value can be found: on a time axis the shaded gap between
//! China's and Kazakhstan's statistics of the same flow, the lines (broken where a period is
//! missing) and a dot per value; on bands a bar per value, grouped by period.
//!
//! Marks only, on scales the axes have already placed: this module never chooses a scale or
//! draws an axis, and never joins, fills or interpolates across a missing period.

use super::placed::{Hit, Shape};
use super::{Chart, PanelFrame};
use crate::charts::geometry::{area_path, bar_rect, line_path};
use crate::charts::model::{Measure, Shown};
use crate::charts::scale::{are_contiguous, Band, Linear, Time};
use crate::data::model::{Period, Reporter};

/// A panel's marks in drawing order, and its values' hits.
pub(super) type Marks = (Vec<Shape>, Vec<Hit>);

/// Lines on a time axis: the gap areas, behind, then each series' line, then a dot for every
/// value (each with its hit).
pub(super) fn lines(chart: &Chart, frame: &PanelFrame, time: &Time, y: &Linear) -> Marks {
    let shown = chart.shown;
    let group = frame.group;
    let year = chart.options.year;
    let mut shapes = Vec::new();
    let mut hits = Vec::new();
    if shown.measure == Measure::Absolute && group.len() > 1 {
        for (upper, lower) in mirror_pairs(shown, group) {
            if let Some(shape) = gap_area(shown, upper, lower, time, y) {
                shapes.push(shape);
            }
        }
    }
    for &s in group {
        let Some(series) = shown.series.get(s) else {
            continue;
        };
        let mut line: Vec<Option<(f64, f64)>> = Vec::new();
        let mut previous: Option<&Period> = None;
        for point in &series.series.points {
            if previous.is_some_and(|p| !are_contiguous(p, &point.period)) {
                line.push(None);
            }
            line.push(Some((time.map(&point.period), y.map(point.value))));
            previous = Some(&point.period);
        }
        let d = line_path(&line);
        // A series of lone points has no line, only its dots.
        if !d.is_empty() {
            shapes.push(Shape::Line {
                series: s,
                colour: series.series.colour,
                d,
            });
        }
    }
    for &s in group {
        let Some(series) = shown.series.get(s) else {
            continue;
        };
        for (p, point) in series.series.points.iter().enumerate() {
            let at = (time.map(&point.period), y.map(point.value));
            shapes.push(Shape::Dot {
                series: s,
                point: p,
                colour: series.series.colour,
                at,
                derived: point.is_derived(),
                emphasis: year == Some(i32::from(point.period.year())),
            });
            hits.push(Hit {
                series: s,
                point: p,
                panel: frame.index,
                at,
                period: point.period,
            });
        }
    }
    (shapes, hits)
}

/// Bars on bands: in each period's band one slot per series of the panel, a bar from zero for
/// every value (each with its hit at the middle of its top); an empty slot where a series has
/// no value.
pub(super) fn bars(
    chart: &Chart,
    frame: &PanelFrame,
    periods: &[Period],
    band: &Band,
    y: &Linear,
) -> Marks {
    let shown = chart.shown;
    let group = frame.group;
    let year = chart.options.year;
    let mut shapes = Vec::new();
    let mut hits = Vec::new();
    let zero = y.map(0.0);
    let slot = band.bandwidth() / group.len().max(1) as f64;
    let gap = if slot > 6.0 { 1.0 } else { 0.0 };
    for (i, period) in periods.iter().enumerate() {
        for (k, &s) in group.iter().enumerate() {
            let Some(series) = shown.series.get(s) else {
                continue;
            };
            let Some((p, point)) = series
                .series
                .points
                .iter()
                .enumerate()
                .find(|(_, point)| point.period == *period)
            else {
                continue;
            };
            let x = band.start(i) + slot * k as f64;
            let rect = bar_rect(x, slot - gap, zero, y.map(point.value));
            shapes.push(Shape::Bar {
                series: s,
                point: p,
                colour: series.series.colour,
                rect,
                derived: point.is_derived(),
                emphasis: year == Some(i32::from(period.year())),
            });
            hits.push(Hit {
                series: s,
                point: p,
                panel: frame.index,
                at: (x + (slot - gap) / 2.0, y.map(point.value)),
                period: *period,
            });
        }
    }
    (shapes, hits)
}

/// Pairs of (China's, Kazakhstan's) series of the same flow and unit among `group`.
fn mirror_pairs(shown: &Shown, group: &[usize]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for &a in group {
        let Some(china) = shown.series.get(a) else {
            continue;
        };
        if china.series.reporter != Some(Reporter::China) || china.series.flow.is_none() {
            continue;
        }
        let partner = group.iter().copied().find(|&b| {
            shown.series.get(b).is_some_and(|kz| {
                kz.series.reporter == Some(Reporter::Kazakhstan)
                    && kz.series.flow == china.series.flow
                    && kz.unit == china.unit
            }) && !pairs.iter().any(|(_, used)| *used == b)
        });
        if let Some(b) = partner {
            pairs.push((a, b));
        }
    }
    pairs
}

/// The shaded area between two series where both have values in neighbouring periods.
fn gap_area(shown: &Shown, upper: usize, lower: usize, time: &Time, y: &Linear) -> Option<Shape> {
    let a = shown.series.get(upper)?;
    let b = shown.series.get(lower)?;
    let mut points: Vec<Option<(f64, f64, f64)>> = Vec::new();
    let mut previous: Option<Period> = None;
    for point in &a.series.points {
        let Some(other) = b.series.points.iter().find(|p| p.period == point.period) else {
            previous = None;
            points.push(None);
            continue;
        };
        if previous.is_some_and(|p| !are_contiguous(&p, &point.period)) {
            points.push(None);
        }
        points.push(Some((
            time.map(&point.period),
            y.map(other.value),
            y.map(point.value),
        )));
        previous = Some(point.period);
    }
    let d = area_path(&points);
    (!d.is_empty()).then_some(Shape::Area {
        series: upper,
        colour: a.series.colour,
        d,
    })
}
