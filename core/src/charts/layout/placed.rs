//! What placement gives: a chart in pixels ([`Placed`]), its panels, their marks ([`Shape`])
//! with the roles and anchors they are drawn with, and where each value can be found ([`Hit`]);
//! and the readable text form of all of it that the snapshot tests compare.
//!
//! Output types only: this module never computes a position, never reads what is shown and
//! never spells a number; `place` and its steps fill these types, the SVG shell and the export
//! draw them.

use crate::charts::geometry::{num, Rect};
use crate::data::model::Period;
use std::fmt::Write as _;

/// What a rule is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleRole {
    /// A gridline at a value tick.
    Grid,
    /// The zero line (the bars' baseline).
    Zero,
    /// The leader from an annotated point to its label or marker.
    Leader,
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
    /// A line of a note's label beside its point.
    Note,
    /// The number of a note listed under a narrow chart.
    NoteMarker,
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

/// One positioned mark. `series` is a position in
/// [`Shown::series`](crate::charts::model::Shown::series), `point` a position in that series'
/// points; `colour` a palette slot.
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
    /// The series (position in [`Shown::series`](crate::charts::model::Shown::series)).
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
    /// The notes to list under a narrow chart, numbered from 1 as their markers are (empty
    /// at a wide chart, where each note is a label at its point).
    pub notes: Vec<String>,
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
        for (i, note) in self.notes.iter().enumerate() {
            let _ = writeln!(out, "listed note {} {note:?}", i + 1);
        }
        out
    }
}
