//! Placement: what is shown ([`Shown`]) becomes positioned marks in pixels ([`Placed`]) for a
//! given width, arrangement (one chart, or one small chart per series with a shared or an
//! independent value axis) and highlighted year.
//!
//! Lines sit on a time axis and join only neighbouring periods, so a missing year breaks the
//! line; bars sit in bands, one band per period (every year of the span for yearly data, so
//! that a missing year is an empty band). Derived and computed values are flagged on their
//! marks so that they are drawn distinctly. Every value also gets a [`Hit`]: where the
//! pointer or the keyboard finds it.
//!
//! Pure: numbers and strings in, numbers and strings out; no browser, no clock.

use super::geometry::{area_path, bar_rect, line_path, num, Rect};
use super::model::{Measure, Shown, ShownSeries};
use super::scale::{are_contiguous, Band, Linear, Time};
use super::text::{period_label, unit_label, Spell};
use super::ticks::decimals;
use crate::data::model::{Mark, Period, Reporter};
use crate::url::Lang;
use std::fmt::Write as _;

/// How the series are arranged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// All series in one chart (when they share a unit).
    Together,
    /// One small chart per series.
    Multiples {
        /// Whether the small charts share one value axis.
        shared_y: bool,
    },
}

/// The reader's choices that placement depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The width available, in pixels.
    pub width: f64,
    /// One chart or small multiples.
    pub arrangement: Arrangement,
    /// The highlighted year, if any.
    pub year: Option<i32>,
    /// The reader's language (axis and period labels).
    pub lang: Lang,
}

/// What a rule is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleRole {
    /// A gridline at a value tick.
    Grid,
    /// The zero line (the bars' baseline).
    Zero,
}

/// What a text is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextRole {
    /// A label on the time or category axis.
    XTick,
    /// A label on the value axis.
    YTick,
    /// The unit of the value axis.
    Unit,
    /// The title of a small multiple.
    Title,
    /// A message in an empty chart.
    Empty,
}

/// Where a text is anchored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// At its start.
    Start,
    /// At its middle.
    Middle,
    /// At its end.
    End,
}

impl Anchor {
    /// The SVG `text-anchor` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One positioned mark. `series` is a position in [`Shown::series`], `point` a position in
/// that series' points; `colour` a palette slot.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// The band of the highlighted year.
    YearBand(Rect),
    /// A straight line.
    Rule {
        /// What it is for.
        role: RuleRole,
        /// Start.
        from: (f64, f64),
        /// End.
        to: (f64, f64),
    },
    /// The area between two series (the gap between two statistics of the same flow).
    Area {
        /// The upper series.
        series: usize,
        /// Palette slot.
        colour: usize,
        /// The SVG path.
        d: String,
    },
    /// A series' line; breaks at missing periods.
    Line {
        /// The series.
        series: usize,
        /// Palette slot.
        colour: usize,
        /// The SVG path.
        d: String,
    },
    /// A bar.
    Bar {
        /// The series.
        series: usize,
        /// The point.
        point: usize,
        /// Palette slot.
        colour: usize,
        /// Where.
        rect: Rect,
        /// Derived or computed, not as published.
        derived: bool,
        /// In the highlighted year.
        emphasis: bool,
    },
    /// A dot on a line.
    Dot {
        /// The series.
        series: usize,
        /// The point.
        point: usize,
        /// Palette slot.
        colour: usize,
        /// Centre.
        at: (f64, f64),
        /// Derived or computed, not as published.
        derived: bool,
        /// In the highlighted year.
        emphasis: bool,
    },
    /// A text.
    Text {
        /// What it is for.
        role: TextRole,
        /// The anchor point.
        at: (f64, f64),
        /// How it is anchored.
        anchor: Anchor,
        /// The text.
        text: String,
    },
}

/// One chart area with its marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// The plotting area inside the axes.
    pub plot: Rect,
    /// The marks, in drawing order.
    pub shapes: Vec<Shape>,
}

/// Where a value can be found by pointer or keyboard.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// The series (position in [`Shown::series`]).
    pub series: usize,
    /// The point (position in that series' points).
    pub point: usize,
    /// The panel it is in.
    pub panel: usize,
    /// The value's position.
    pub at: (f64, f64),
    /// Its period.
    pub period: Period,
}

/// A chart placed in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// The panels: one, or one per series.
    pub panels: Vec<Panel>,
    /// Every value's position, series by series, left to right.
    pub hits: Vec<Hit>,
}

/// The width a label of `text` takes at the chart's font size, roughly.
fn text_width(text: &str) -> f64 {
    text.chars().count() as f64 * 6.6
}

/// `text` cut to about `width` pixels, with an ellipsis when cut.
fn fit(text: &str, width: f64) -> String {
    let max = (width / 6.6).floor().max(1.0) as usize;
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let kept: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", kept.trim_end())
    }
}

/// The periods of a bar chart's bands: every year from the first to the last for yearly data
/// (a missing year is an empty band), otherwise every period that has a value.
pub fn band_periods(periods: &[Period]) -> Vec<Period> {
    let all_years: Option<Vec<u16>> = periods
        .iter()
        .map(|p| match p {
            Period::Year(y) => Some(*y),
            _ => None,
        })
        .collect();
    match all_years.as_deref() {
        Some([first, .., last]) if last - first < 60 => {
            (*first..=*last).map(Period::Year).collect()
        }
        _ => periods.to_vec(),
    }
}

/// The horizontal axis shared by every panel.
enum XAxis {
    /// Lines: a time scale.
    Time(Time),
    /// Bars: one band per period.
    Bands(Vec<Period>),
}

/// The value domain of some series, always including zero, or `None` without values.
fn value_domain<'a>(series: impl Iterator<Item = &'a ShownSeries>) -> Option<(f64, f64)> {
    let mut domain: Option<(f64, f64)> = None;
    for point in series.flat_map(|s| s.series.points.iter()) {
        let (lo, hi) = domain.unwrap_or((0.0, 0.0));
        domain = Some((lo.min(point.value), hi.max(point.value)));
    }
    domain.map(|(lo, hi)| if lo == hi { (lo, lo + 1.0) } else { (lo, hi) })
}

const TOP: f64 = 24.0;
const TITLE: f64 = 20.0;
const BOTTOM: f64 = 26.0;
const RIGHT: f64 = 14.0;
const MULTIPLE_HEIGHT: f64 = 200.0;
const MULTIPLE_MIN_WIDTH: f64 = 260.0;

/// Places what is shown. Never fails: with nothing to show it gives one empty panel that
/// says so.
pub fn place(shown: &Shown, spell: &dyn Spell, options: &Options) -> Placed {
    let width = options.width.max(120.0);
    let together = matches!(options.arrangement, Arrangement::Together) && shown.units_agree();
    let shared_y = together
        || (matches!(
            options.arrangement,
            Arrangement::Multiples { shared_y: true }
        ) && shown.units_agree());
    let groups: Vec<Vec<usize>> = if together || shown.series.is_empty() {
        vec![(0..shown.series.len()).collect()]
    } else {
        (0..shown.series.len()).map(|i| vec![i]).collect()
    };
    let columns = if together {
        1
    } else {
        ((width / MULTIPLE_MIN_WIDTH).floor() as usize).clamp(1, groups.len().max(1))
    };
    let panel_width = width / columns as f64;
    let panel_height = if together {
        (width * 0.5).clamp(220.0, 380.0)
    } else {
        MULTIPLE_HEIGHT
    };
    let rows = groups.len().div_ceil(columns);
    let height = panel_height * rows as f64;

    let periods = shown.periods();
    let x_axis = match (shown.mark, periods.first(), periods.last()) {
        (Mark::Line, Some(first), Some(last)) => XAxis::Time(Time::new(first, last, (0.0, 1.0))),
        _ => XAxis::Bands(band_periods(&periods)),
    };
    let global = value_domain(shown.series.iter());

    let mut panels = Vec::new();
    let mut hits = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let left_edge = (index % columns) as f64 * panel_width;
        let top_edge = (index / columns) as f64 * panel_height;
        let frame = Rect {
            x: left_edge,
            y: top_edge,
            width: panel_width,
            height: panel_height,
        };
        let domain = if shared_y {
            global
        } else {
            value_domain(group.iter().filter_map(|i| shown.series.get(*i)))
        };
        let (panel, panel_hits) = place_panel(
            shown, spell, options, &x_axis, domain, group, frame, index, !together,
        );
        panels.push(panel);
        hits.extend(panel_hits);
    }
    hits.sort_by(|a, b| {
        (a.series, a.at.0)
            .partial_cmp(&(b.series, b.at.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    Placed {
        width,
        height,
        panels,
        hits,
    }
}

/// Places one panel: axes, then marks, for the series in `group`.
#[allow(clippy::too_many_arguments)]
fn place_panel(
    shown: &Shown,
    spell: &dyn Spell,
    options: &Options,
    x_axis: &XAxis,
    domain: Option<(f64, f64)>,
    group: &[usize],
    frame: Rect,
    panel_index: usize,
    titled: bool,
) -> (Panel, Vec<Hit>) {
    let lang = options.lang;
    let mut shapes = Vec::new();
    let mut hits = Vec::new();
    let top = frame.y + TOP + if titled { TITLE } else { 0.0 };
    let plot_height = (frame.y + frame.height - BOTTOM - top).max(40.0);
    let y_ticks_wanted = ((plot_height / 40.0).floor() as usize).max(2);

    let Some(domain) = domain else {
        let text = crate::strings::Ui::ChartNoValueToShow.text(lang);
        if let Some(title) = titled
            .then(|| group.first().and_then(|i| shown.series.get(*i)))
            .flatten()
        {
            shapes.push(Shape::Text {
                role: TextRole::Title,
                at: (frame.x, frame.y + 14.0),
                anchor: Anchor::Start,
                text: fit(&title.series.name, frame.width - RIGHT),
            });
        }
        shapes.push(Shape::Text {
            role: TextRole::Empty,
            at: (frame.x + frame.width / 2.0, top + plot_height / 2.0),
            anchor: Anchor::Middle,
            text: text.to_owned(),
        });
        let plot = Rect {
            x: frame.x,
            y: top,
            width: frame.width,
            height: plot_height,
        };
        return (Panel { plot, shapes }, hits);
    };

    let y = Linear::new(domain, (0.0, 1.0)).nice(y_ticks_wanted);
    let tick_values = y.ticks(y_ticks_wanted);
    let places = decimals(y.tick_step(y_ticks_wanted));
    let tick_labels: Vec<String> = tick_values.iter().map(|v| spell.tick(*v, places)).collect();
    let label_width = tick_labels
        .iter()
        .map(|l| text_width(l))
        .fold(0.0, f64::max);
    let left = frame.x + label_width + 10.0;
    let plot = Rect {
        x: left,
        y: top,
        width: (frame.x + frame.width - RIGHT - left).max(20.0),
        height: plot_height,
    };
    let y = Linear::new(y.domain, (plot.y + plot.height, plot.y));

    if titled {
        if let Some(series) = group.first().and_then(|i| shown.series.get(*i)) {
            shapes.push(Shape::Text {
                role: TextRole::Title,
                at: (frame.x, frame.y + 14.0),
                anchor: Anchor::Start,
                text: fit(&series.series.name, frame.width - RIGHT),
            });
        }
    }
    let unit = group
        .first()
        .and_then(|i| shown.series.get(*i))
        .map(|s| unit_label(s.unit, lang))
        .unwrap_or_default();
    shapes.push(Shape::Text {
        role: TextRole::Unit,
        at: (frame.x, top - 10.0),
        anchor: Anchor::Start,
        text: unit,
    });

    // The highlighted year, behind everything else.
    let year = options.year;
    match (x_axis, year) {
        (XAxis::Time(time), Some(year)) if time.covers_year(year) => {
            let time = Time {
                linear: Linear::new(time.linear.domain, (plot.x, plot.x + plot.width)),
            };
            let from = time.linear.map(f64::from(year)).max(plot.x);
            let to = time
                .linear
                .map(f64::from(year) + 1.0)
                .min(plot.x + plot.width);
            shapes.push(Shape::YearBand(Rect {
                x: from,
                y: plot.y,
                width: (to - from).max(2.0),
                height: plot.height,
            }));
        }
        (XAxis::Bands(periods), Some(year)) => {
            let band = Band::new(periods.len(), (plot.x, plot.x + plot.width));
            for (i, period) in periods.iter().enumerate() {
                if i32::from(period.year()) == year {
                    let pad = band.step() * band.padding_inner / 2.0;
                    shapes.push(Shape::YearBand(Rect {
                        x: band.start(i) - pad,
                        y: plot.y,
                        width: band.step(),
                        height: plot.height,
                    }));
                }
            }
        }
        _ => {}
    }

    for (value, label) in tick_values.iter().zip(tick_labels) {
        let at = y.map(*value);
        if *value != 0.0 {
            shapes.push(Shape::Rule {
                role: RuleRole::Grid,
                from: (plot.x, at),
                to: (plot.x + plot.width, at),
            });
        }
        shapes.push(Shape::Text {
            role: TextRole::YTick,
            at: (plot.x - 6.0, at + 4.0),
            anchor: Anchor::End,
            text: label,
        });
    }
    let zero = y.map(0.0);
    let label_y = plot.y + plot.height + 17.0;

    match x_axis {
        XAxis::Time(time) => {
            let time = Time {
                linear: Linear::new(time.linear.domain, (plot.x, plot.x + plot.width)),
            };
            let wanted = ((plot.width / 52.0).floor() as usize).max(2);
            for (year, at) in time.year_ticks(wanted) {
                shapes.push(Shape::Text {
                    role: TextRole::XTick,
                    at: (at, label_y),
                    anchor: Anchor::Middle,
                    text: year.to_string(),
                });
            }
            if shown.measure == Measure::Absolute && group.len() > 1 {
                for (upper, lower) in mirror_pairs(shown, group) {
                    if let Some(shape) = gap_area(shown, upper, lower, &time, &y) {
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
                        panel: panel_index,
                        at,
                        period: point.period,
                    });
                }
            }
        }
        XAxis::Bands(periods) => {
            let band = Band::new(periods.len(), (plot.x, plot.x + plot.width));
            let labels: Vec<String> = periods.iter().map(|p| period_label(p, lang)).collect();
            let widest = labels.iter().map(|l| text_width(l)).fold(0.0, f64::max) + 8.0;
            let every = if band.step() > 0.0 {
                ((widest / band.step()).ceil() as usize).max(1)
            } else {
                1
            };
            for (i, label) in labels.into_iter().enumerate() {
                if i % every == 0 {
                    shapes.push(Shape::Text {
                        role: TextRole::XTick,
                        at: (band.middle(i), label_y),
                        anchor: Anchor::Middle,
                        text: label,
                    });
                }
            }
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
                        panel: panel_index,
                        at: (x + (slot - gap) / 2.0, y.map(point.value)),
                        period: *period,
                    });
                }
            }
        }
    }
    shapes.push(Shape::Rule {
        role: RuleRole::Zero,
        from: (plot.x, zero),
        to: (plot.x + plot.width, zero),
    });
    (Panel { plot, shapes }, hits)
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

/// The value nearest to a pointer at `(x, y)`, looking only in the panel under the pointer.
pub fn nearest_hit(placed: &Placed, x: f64, y: f64) -> Option<usize> {
    let panel = placed.panels.iter().position(|panel| {
        let p = panel.plot;
        x >= p.x - 12.0
            && x <= p.x + p.width + 12.0
            && y >= p.y - 24.0
            && y <= p.y + p.height + 24.0
    })?;
    placed
        .hits
        .iter()
        .enumerate()
        .filter(|(_, hit)| hit.panel == panel)
        .map(|(i, hit)| {
            let dx = hit.at.0 - x;
            let dy = hit.at.1 - y;
            // Horizontal distance counts more: a reader points at a period, then a series.
            (i, dx * dx * 4.0 + dy * dy)
        })
        .min_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
        .map(|(i, _)| i)
}

/// The value a key moves to from `current`: ←/→ the previous or next value of the series,
/// ↑/↓ the value of the previous or next series nearest in time, Home/End the series' first
/// or last value. Without a current value any of these keys starts at the first value.
pub fn hit_after_key(hits: &[Hit], current: Option<usize>, key: &str) -> Option<usize> {
    if !matches!(
        key,
        "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End"
    ) || hits.is_empty()
    {
        return None;
    }
    let Some(now) = current.and_then(|i| hits.get(i).map(|hit| (i, hit))) else {
        return Some(0);
    };
    let (index, hit) = now;
    let same: Vec<usize> = (0..hits.len())
        .filter(|i| hits.get(*i).is_some_and(|h| h.series == hit.series))
        .collect();
    let position = same.iter().position(|i| *i == index).unwrap_or(0);
    let mut series: Vec<usize> = hits.iter().map(|h| h.series).collect();
    series.dedup();
    let series_position = series.iter().position(|s| *s == hit.series).unwrap_or(0);
    let other_series = |target: Option<&usize>| {
        let target = *target?;
        hits.iter()
            .enumerate()
            .filter(|(_, h)| h.series == target)
            .min_by(|a, b| {
                let da = (a.1.period.first_day(), a.1.period.last_day());
                let db = (b.1.period.first_day(), b.1.period.last_day());
                let ka = (period_distance(&hit.period, &a.1.period), da);
                let kb = (period_distance(&hit.period, &b.1.period), db);
                ka.cmp(&kb)
            })
            .map(|(i, _)| i)
    };
    let next = match key {
        "ArrowRight" => same.get(position + 1).copied(),
        "ArrowLeft" => position.checked_sub(1).and_then(|p| same.get(p).copied()),
        "Home" => same.first().copied(),
        "End" => same.last().copied(),
        "ArrowDown" => other_series(series.get(series_position + 1)),
        _ => other_series(series_position.checked_sub(1).and_then(|p| series.get(p))),
    };
    Some(next.unwrap_or(index))
}

/// How far apart two periods are, in months between their starts.
fn period_distance(a: &Period, b: &Period) -> u32 {
    let months = |p: &Period| {
        let d = p.first_day();
        u32::from(d.year) * 12 + u32::from(d.month.unwrap_or(1))
    };
    months(a).abs_diff(months(b))
}

impl Placed {
    /// A readable text form of every mark, coordinates rounded to a tenth of a pixel: the
    /// format of the snapshot tests.
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "chart {}×{}", num(self.width), num(self.height));
        let p = |(x, y): (f64, f64)| format!("{},{}", num(x), num(y));
        let r = |rect: &Rect| {
            format!(
                "{},{} {}×{}",
                num(rect.x),
                num(rect.y),
                num(rect.width),
                num(rect.height)
            )
        };
        for (i, panel) in self.panels.iter().enumerate() {
            let _ = writeln!(out, "panel {i} plot {}", r(&panel.plot));
            for shape in &panel.shapes {
                let line = match shape {
                    Shape::YearBand(rect) => format!("year-band {}", r(rect)),
                    Shape::Rule { role, from, to } => {
                        format!("rule {role:?} {} → {}", p(*from), p(*to))
                    }
                    Shape::Area { series, d, .. } => format!("area s{series} {d}"),
                    Shape::Line { series, d, .. } => format!("line s{series} {d}"),
                    Shape::Bar {
                        series,
                        point,
                        rect,
                        derived,
                        emphasis,
                        ..
                    } => format!(
                        "bar s{series}p{point} {}{}{}",
                        r(rect),
                        if *derived { " derived" } else { "" },
                        if *emphasis { " highlighted" } else { "" }
                    ),
                    Shape::Dot {
                        series,
                        point,
                        at,
                        derived,
                        emphasis,
                        ..
                    } => format!(
                        "dot s{series}p{point} {}{}{}",
                        p(*at),
                        if *derived { " derived" } else { "" },
                        if *emphasis { " highlighted" } else { "" }
                    ),
                    Shape::Text {
                        role,
                        at,
                        anchor,
                        text,
                    } => format!("text {role:?} {} {} {text:?}", p(*at), anchor.as_str()),
                };
                let _ = writeln!(out, "  {line}");
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(series: usize, year: u16, x: f64) -> Hit {
        Hit {
            series,
            point: 0,
            panel: 0,
            at: (x, 0.0),
            period: Period::Year(year),
        }
    }

    #[test]
    fn yearly_bands_include_the_missing_years() {
        let bands = band_periods(&[Period::Year(2013), Period::Year(2016)]);
        assert_eq!(bands.len(), 4);
        let halves = [
            Period::parse("2024-H1").unwrap_or(Period::Year(0)),
            Period::parse("2025-H1").unwrap_or(Period::Year(0)),
        ];
        assert_eq!(band_periods(&halves), halves.to_vec());
    }

    #[test]
    fn arrow_keys_walk_a_series_and_switch_series_at_the_nearest_period() {
        let hits = [
            hit(0, 2013, 0.0),
            hit(0, 2014, 10.0),
            hit(0, 2015, 20.0),
            hit(1, 2014, 10.0),
            hit(1, 2020, 70.0),
        ];
        assert_eq!(hit_after_key(&hits, None, "ArrowRight"), Some(0));
        assert_eq!(hit_after_key(&hits, Some(0), "ArrowRight"), Some(1));
        assert_eq!(hit_after_key(&hits, Some(2), "ArrowRight"), Some(2));
        assert_eq!(hit_after_key(&hits, Some(0), "ArrowLeft"), Some(0));
        assert_eq!(hit_after_key(&hits, Some(0), "End"), Some(2));
        assert_eq!(hit_after_key(&hits, Some(2), "ArrowDown"), Some(3));
        assert_eq!(hit_after_key(&hits, Some(4), "ArrowUp"), Some(2));
        assert_eq!(hit_after_key(&hits, Some(4), "ArrowDown"), Some(4));
        assert_eq!(hit_after_key(&hits, Some(1), "Enter"), None);
        assert_eq!(hit_after_key(&[], None, "ArrowRight"), None);
    }

    #[test]
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(fit("short", 100.0), "short");
        assert_eq!(fit("a rather long series name", 66.0), "a rather…");
    }
}
