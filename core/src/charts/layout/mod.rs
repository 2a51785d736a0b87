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
//!
//! One step per file: `placed` holds what placement gives, `axes` the axes, ticks and texts of
//! a panel, `marks` its lines, areas, dots and bars, and `interaction` finds a value by pointer
//! or key. This file decides the arrangement (one chart or small multiples, their frames and
//! value domains) and runs the steps for each panel in drawing order; it never places a mark or
//! a tick itself. Last, `notes` adds the data's notes on single points over the marks.

mod axes;
mod interaction;
mod marks;
mod notes;
mod placed;

pub use axes::band_periods;
pub use interaction::{hit_after_key, nearest_hit};
pub use notes::{wrap_note, NARROW};
pub use placed::{Anchor, Hit, Panel, Placed, RuleRole, Shape, TextRole};

use super::model::{Shown, ShownSeries};
use super::text::Spell;
use crate::url::Lang;
use axes::{PlotX, ValueAxis, XAxis};

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

/// What every panel of one chart shares: what is shown, how its numbers are spelt, the
/// reader's options and the horizontal axis.
struct Chart<'a> {
    shown: &'a Shown,
    spell: &'a dyn Spell,
    options: &'a Options,
    /// The time or band axis, over the unit interval until a panel stretches it.
    x_axis: XAxis,
}

/// One panel's box in the chart and what it shows.
struct PanelFrame<'a> {
    /// The left edge.
    x: f64,
    /// The top edge.
    y: f64,
    width: f64,
    height: f64,
    /// Its position among the panels (its hits name it).
    index: usize,
    /// The series it draws: positions in [`Shown::series`].
    group: &'a [usize],
    /// Its value domain (the chart's when the panels share a value axis), or `None` when it
    /// has no value to show.
    domain: Option<(f64, f64)>,
    /// Whether it is one of several small multiples, titled with its series' name.
    titled: bool,
}

impl PanelFrame<'_> {
    /// The top of the plot: below the unit and, in a small multiple, the title.
    fn plot_top(&self) -> f64 {
        self.y + TOP + if self.titled { TITLE } else { 0.0 }
    }

    /// The plot's height: what is left above the time axis's labels, at least 40 pixels.
    fn plot_height(&self) -> f64 {
        (self.y + self.height - BOTTOM - self.plot_top()).max(40.0)
    }

    /// The right edge of the plot.
    fn plot_right(&self) -> f64 {
        self.x + self.width - RIGHT
    }

    /// The room for the title.
    fn title_width(&self) -> f64 {
        self.width - RIGHT
    }
}

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

    let chart = Chart {
        shown,
        spell,
        options,
        x_axis: XAxis::of(shown),
    };
    let global = value_domain(shown.series.iter());

    let mut panels = Vec::new();
    let mut hits = Vec::new();
    for (index, group) in groups.iter().enumerate() {
        let frame = PanelFrame {
            x: (index % columns) as f64 * panel_width,
            y: (index / columns) as f64 * panel_height,
            width: panel_width,
            height: panel_height,
            index,
            group,
            domain: if shared_y {
                global
            } else {
                value_domain(group.iter().filter_map(|i| shown.series.get(*i)))
            },
            titled: !together,
        };
        let (panel, panel_hits) = place_panel(&chart, &frame);
        panels.push(panel);
        hits.extend(panel_hits);
    }
    hits.sort_by(|a, b| {
        (a.series, a.at.0)
            .partial_cmp(&(b.series, b.at.0))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let notes = notes::place_notes(&shown.notes, &hits, &mut panels, width);
    Placed {
        width,
        height,
        panels,
        hits,
        notes,
    }
}

/// Places one panel, in drawing order: title and unit, the highlighted year, the value axis's
/// gridlines and labels, the time or band labels, the marks, and the zero line over them.
fn place_panel(chart: &Chart, frame: &PanelFrame) -> (Panel, Vec<Hit>) {
    let Some(domain) = frame.domain else {
        return (axes::empty_panel(chart, frame), Vec::new());
    };
    let value_axis = ValueAxis::new(chart.spell, domain, frame);
    let plot = value_axis.plot;
    let x_axis = chart.x_axis.over(plot);

    let mut shapes: Vec<Shape> = axes::title(chart.shown, frame).into_iter().collect();
    shapes.push(axes::unit(chart, frame));
    // The highlighted year, behind everything else.
    shapes.extend(x_axis.year_band(chart.options.year, plot));
    shapes.extend(value_axis.ticks());
    shapes.extend(x_axis.ticks(plot, chart.options.lang));
    let (marks, hits) = match &x_axis {
        PlotX::Time(time) => marks::lines(chart, frame, time, &value_axis.y),
        PlotX::Bands(periods, band) => marks::bars(chart, frame, periods, band, &value_axis.y),
    };
    shapes.extend(marks);
    shapes.push(value_axis.zero_rule());
    (Panel { plot, shapes }, hits)
}
