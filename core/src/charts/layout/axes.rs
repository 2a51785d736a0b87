//! A panel's axes and their texts: the horizontal axis (a time scale for lines, one band per
//! period for bars) stretched over the plot, the value axis with its nice ticks and the room
//! their labels take, gridlines, the zero line, the highlighted year's band, the panel's title
//! and unit, and the message of an empty panel.
//!
//! Frames the marks, never draws them: this module places no line, bar, dot or area and finds
//! no value (that is [`super::marks`]); the nice ticks round the axis, never a data value.

use super::placed::{Anchor, Panel, RuleRole, Shape, TextRole};
use super::{Chart, PanelFrame};
use crate::charts::geometry::Rect;
use crate::charts::model::Shown;
use crate::charts::scale::{Band, Linear, Time};
use crate::charts::text::{period_label, unit_label, Spell};
use crate::charts::ticks::decimals;
use crate::data::model::{Mark, Period};
use crate::url::Lang;

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

/// The horizontal axis shared by every panel, over the unit interval until a panel stretches
/// it over its plot ([`XAxis::over`]).
pub(super) enum XAxis {
    /// Lines: a time scale.
    Time(Time),
    /// Bars: one band per period.
    Bands(Vec<Period>),
}

impl XAxis {
    /// The axis of what is shown: time for lines with values, bands otherwise.
    pub(super) fn of(shown: &Shown) -> XAxis {
        let periods = shown.periods();
        match (shown.mark, periods.first(), periods.last()) {
            (Mark::Line, Some(first), Some(last)) => {
                XAxis::Time(Time::new(first, last, (0.0, 1.0)))
            }
            _ => XAxis::Bands(band_periods(&periods)),
        }
    }

    /// The axis stretched over the width of `plot`.
    pub(super) fn over(&self, plot: Rect) -> PlotX<'_> {
        match self {
            XAxis::Time(time) => PlotX::Time(Time {
                linear: Linear::new(time.linear.domain, (plot.x, plot.x + plot.width)),
            }),
            XAxis::Bands(periods) => PlotX::Bands(
                periods,
                Band::new(periods.len(), (plot.x, plot.x + plot.width)),
            ),
        }
    }
}

/// The horizontal axis of one panel, in its plot's pixels.
pub(super) enum PlotX<'a> {
    /// Lines: a time scale.
    Time(Time),
    /// Bars: the periods and their bands.
    Bands(&'a [Period], Band),
}

impl PlotX<'_> {
    /// The band of the highlighted year, behind everything else: one per period of that year
    /// for bars, none when a time axis does not reach the year.
    pub(super) fn year_band(&self, year: Option<i32>, plot: Rect) -> Vec<Shape> {
        let mut shapes = Vec::new();
        match (self, year) {
            (PlotX::Time(time), Some(year)) if time.covers_year(year) => {
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
            (PlotX::Bands(periods, band), Some(year)) => {
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
        shapes
    }

    /// The labels under the plot: whole years on a time axis; on bands, every band's period,
    /// or every second, third… when they would overlap.
    pub(super) fn ticks(&self, plot: Rect, lang: Lang) -> Vec<Shape> {
        let label_y = plot.y + plot.height + 17.0;
        let mut shapes = Vec::new();
        match self {
            PlotX::Time(time) => {
                let wanted = ((plot.width / 52.0).floor() as usize).max(2);
                for (year, at) in time.year_ticks(wanted) {
                    shapes.push(Shape::Text {
                        role: TextRole::XTick,
                        at: (at, label_y),
                        anchor: Anchor::Middle,
                        text: year.to_string(),
                    });
                }
            }
            PlotX::Bands(periods, band) => {
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
            }
        }
        shapes
    }
}

/// A panel's value axis: the plot it leaves once its tick labels have their room, the value
/// scale over the plot's height, and the ticks with their labels.
pub(super) struct ValueAxis {
    /// The plotting area inside the axes.
    pub(super) plot: Rect,
    /// Values to vertical pixels.
    pub(super) y: Linear,
    /// Each tick's value and label.
    ticks: Vec<(f64, String)>,
}

impl ValueAxis {
    /// The nice value axis of `domain` in `frame`, about one tick per 40 pixels.
    pub(super) fn new(spell: &dyn Spell, domain: (f64, f64), frame: &PanelFrame) -> ValueAxis {
        let top = frame.plot_top();
        let plot_height = frame.plot_height();
        let y_ticks_wanted = ((plot_height / 40.0).floor() as usize).max(2);
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
            width: (frame.plot_right() - left).max(20.0),
            height: plot_height,
        };
        let y = Linear::new(y.domain, (plot.y + plot.height, plot.y));
        ValueAxis {
            plot,
            y,
            ticks: tick_values.into_iter().zip(tick_labels).collect(),
        }
    }

    /// A gridline at every tick but zero (the zero line is drawn last, over the marks), and
    /// every tick's label left of the plot.
    pub(super) fn ticks(&self) -> Vec<Shape> {
        let plot = self.plot;
        let mut shapes = Vec::new();
        for (value, label) in &self.ticks {
            let at = self.y.map(*value);
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
                text: label.clone(),
            });
        }
        shapes
    }

    /// The zero line, the bars' baseline.
    pub(super) fn zero_rule(&self) -> Shape {
        let zero = self.y.map(0.0);
        Shape::Rule {
            role: RuleRole::Zero,
            from: (self.plot.x, zero),
            to: (self.plot.x + self.plot.width, zero),
        }
    }
}

/// A small multiple's title, its series' name cut to the panel's width; none for one chart.
pub(super) fn title(shown: &Shown, frame: &PanelFrame) -> Option<Shape> {
    if !frame.titled {
        return None;
    }
    let series = frame.group.first().and_then(|i| shown.series.get(*i))?;
    Some(Shape::Text {
        role: TextRole::Title,
        at: (frame.x, frame.y + 14.0),
        anchor: Anchor::Start,
        text: fit(&series.series.name, frame.title_width()),
    })
}

/// The unit of the value axis, above the plot (the panel's series share it).
pub(super) fn unit(chart: &Chart, frame: &PanelFrame) -> Shape {
    let unit = frame
        .group
        .first()
        .and_then(|i| chart.shown.series.get(*i))
        .map(|s| unit_label(s.unit, chart.options.lang))
        .unwrap_or_default();
    Shape::Text {
        role: TextRole::Unit,
        at: (frame.x, frame.plot_top() - 10.0),
        anchor: Anchor::Start,
        text: unit,
    }
}

/// A panel with no value to show: its title and a message that says so, in the middle.
pub(super) fn empty_panel(chart: &Chart, frame: &PanelFrame) -> Panel {
    let top = frame.plot_top();
    let plot_height = frame.plot_height();
    let text = crate::strings::Ui::ChartNoValueToShow.text(chart.options.lang);
    let mut shapes: Vec<Shape> = title(chart.shown, frame).into_iter().collect();
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
    Panel { plot, shapes }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn long_titles_are_cut_with_an_ellipsis() {
        assert_eq!(fit("short", 100.0), "short");
        assert_eq!(fit("a rather long series name", 66.0), "a rather…");
    }
}
