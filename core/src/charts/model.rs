//! What a chart shows, before any pixel: a comparison's series taken from the dataset
//! ([`ChartData`]), and the same series after the reader's choices of measure and visible
//! series ([`Shown`]).
//!
//! Values are carried exactly as the data states them, with their qualifier, derivation and
//! sources. The only numbers made here are those of the indexed and year-on-year measures;
//! each is marked `computed`, carries its formula, is rounded to one decimal and, when that
//! rounding changed it or an input was not exact, is qualified "about". A missing period
//! stays missing: nothing is interpolated, and a change needs both the period and the same
//! period a year earlier.
//!
//! Pure: no browser, no clock, no UI framework.

use crate::data::model::{Comparison, Dataset, Flow, Mark, Period, Qualifier, Reporter, Unit};

/// One value of a chart series.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// What the value covers.
    pub period: Period,
    /// The value (as stated, or as computed for a derived measure).
    pub value: f64,
    /// How the value is worded ("over", "about"…).
    pub qualifier: Qualifier,
    /// The formula, for a value derived by the data or computed by the chart.
    pub formula: Option<String>,
    /// Whether the chart computed it (indexed or year-on-year measure).
    pub computed: bool,
    /// The ids of the sources of the value (of its inputs, for a derived one).
    pub sources: Vec<String>,
    /// The data's note on this value, if any.
    pub note: Option<String>,
}

impl ChartPoint {
    /// Whether the value is not as published: derived by the data or computed by the chart.
    pub fn is_derived(&self) -> bool {
        self.formula.is_some() || self.computed
    }
}

/// One series of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSeries {
    /// The series id from the data.
    pub id: String,
    /// Its name in the reader's language.
    pub name: String,
    /// The unit of its values.
    pub unit: Unit,
    /// Whose statistics, for trade series.
    pub reporter: Option<Reporter>,
    /// Which direction, for trade series.
    pub flow: Option<Flow>,
    /// Its colour slot in the palette (see [`colour_slots`]).
    pub colour: usize,
    /// Its values, in chronological order.
    pub points: Vec<ChartPoint>,
}

/// A comparison ready to be drawn: its texts and series, as the data states them.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// The comparison id.
    pub id: String,
    /// How the data says it is drawn.
    pub mark: Mark,
    /// Title, in the reader's language.
    pub title: String,
    /// Subtitle.
    pub subtitle: String,
    /// What is compared, and how.
    pub definition: String,
    /// The series, in drawing order.
    pub series: Vec<ChartSeries>,
    /// The data's notes on single points.
    pub annotations: Vec<ChartAnnotation>,
}

/// A note on one point of a chart, as the data states it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartAnnotation {
    /// The series id.
    pub series: String,
    /// The year of the point.
    pub year: u16,
    /// The note, in the reader's language.
    pub text: String,
}

/// A note on one point as shown: where the point is in [`Shown::series`].
#[derive(Clone, Debug, PartialEq)]
pub struct ShownNote {
    /// The series (position in [`Shown::series`]).
    pub series: usize,
    /// The point (position in that series' points).
    pub point: usize,
    /// The note.
    pub text: String,
}

/// The number of colour slots of the palette (`--cke-series-0` … `-7` in the style sheet).
pub const PALETTE: usize = 8;

/// Colour slots for series: China's statistics in warm colours (slots 1, 4, 6), Kazakhstan's in
/// cool ones (0, 5, 3), everything else in the remaining slots, so that the same reporter looks
/// the same across charts.
pub fn colour_slots(reporters: &[Option<Reporter>]) -> Vec<usize> {
    const CHINA: [usize; 3] = [1, 4, 6];
    const KAZAKHSTAN: [usize; 3] = [0, 5, 3];
    const OTHER: [usize; 5] = [2, 7, 3, 6, 5];
    let (mut china, mut kazakhstan, mut other) = (0, 0, 0);
    reporters
        .iter()
        .map(|reporter| {
            let (slots, next): (&[usize], &mut usize) = match reporter {
                Some(Reporter::China) => (&CHINA, &mut china),
                Some(Reporter::Kazakhstan) => (&KAZAKHSTAN, &mut kazakhstan),
                None => (&OTHER, &mut other),
            };
            let slot = slots.get(*next % slots.len()).copied().unwrap_or(0);
            *next += 1;
            slot
        })
        .collect()
}

/// The comparison's series with their points, texts and colours, from the dataset.
pub fn chart_data(dataset: &Dataset, comparison: &Comparison) -> ChartData {
    let text = |key: &str| dataset.text(key).unwrap_or_default().to_owned();
    let series: Vec<_> = dataset.comparison_series(&comparison.id);
    let colours = colour_slots(&series.iter().map(|s| s.reporter).collect::<Vec<_>>());
    let series = series
        .into_iter()
        .zip(colours)
        .map(|(series, colour)| ChartSeries {
            id: series.id.as_str().to_owned(),
            name: text(&series.name_key()),
            unit: series.unit,
            reporter: series.reporter,
            flow: series.flow,
            colour,
            points: series
                .points
                .iter()
                .map(|point| ChartPoint {
                    period: point.period,
                    value: point.value,
                    qualifier: point.qualifier,
                    formula: point.derived.as_ref().map(|d| d.formula.clone()),
                    computed: false,
                    sources: point
                        .sources
                        .iter()
                        .map(|s| s.as_str().to_owned())
                        .collect(),
                    note: dataset
                        .text(&series.point_note_key(&point.period))
                        .map(str::to_owned),
                })
                .collect(),
        })
        .collect();
    ChartData {
        id: comparison.id.as_str().to_owned(),
        mark: comparison.mark,
        title: text(&comparison.title_key()),
        subtitle: text(&comparison.subtitle_key()),
        definition: text(&comparison.definition_key()),
        series,
        annotations: comparison
            .annotations
            .iter()
            .map(|a| ChartAnnotation {
                series: a.series.as_str().to_owned(),
                year: a.year,
                text: text(&a.text_key),
            })
            .collect(),
    }
}

/// What the values of a chart measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    /// The values as stated.
    Absolute,
    /// Each series divided by its value in a common base period, × 100.
    Indexed,
    /// The change on the same period a year earlier, in percent.
    Change,
}

/// The unit of values after a measure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ShownUnit {
    /// The data's own unit.
    Data(Unit),
    /// An index, the base period = 100.
    Index(Period),
    /// A change on a year earlier, in percent.
    Change,
}

/// A series as shown: its position in the chart's data, and its points after the measure.
#[derive(Clone, Debug, PartialEq)]
pub struct ShownSeries {
    /// Its index in [`ChartData::series`] (legend, colours).
    pub index: usize,
    /// The series, with the points of the measure.
    pub series: ChartSeries,
    /// The unit of those points.
    pub unit: ShownUnit,
}

/// What is on screen: the visible series under the chosen measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The measure.
    pub measure: Measure,
    /// How the data says it is drawn.
    pub mark: Mark,
    /// The visible series (possibly without points under this measure).
    pub series: Vec<ShownSeries>,
    /// The data's notes on points that are shown; only with the values as stated, whose
    /// numbers the notes quote.
    pub notes: Vec<ShownNote>,
}

impl Shown {
    /// Every period with a value in some series, in order, without repeats.
    pub fn periods(&self) -> Vec<Period> {
        let mut periods: Vec<Period> = self
            .series
            .iter()
            .flat_map(|s| s.series.points.iter().map(|p| p.period))
            .collect();
        periods.sort();
        periods.dedup();
        periods
    }

    /// Whether every shown series is in the same unit (one y axis can serve them all).
    pub fn units_agree(&self) -> bool {
        self.series
            .windows(2)
            .all(|pair| matches!(pair, [a, b] if a.unit == b.unit))
    }

    /// Whether any value is shown at all.
    pub fn is_empty(&self) -> bool {
        self.series.iter().all(|s| s.series.points.is_empty())
    }
}

/// Whether values in `unit` are levels (amounts), for which an index or a change means
/// something; shares and changes are not.
fn is_level(unit: Unit) -> bool {
    !matches!(
        unit,
        Unit::Percent | Unit::PercentChange | Unit::Ordinal | Unit::Date | Unit::Wording
    )
}

/// The same span one year earlier (`2025-H1` → `2024-H1`).
pub fn a_year_before(period: &Period) -> Option<Period> {
    let back = |year: u16| year.checked_sub(1);
    Some(match *period {
        Period::Year(year) => Period::Year(back(year)?),
        Period::Half { year, half } => Period::Half {
            year: back(year)?,
            half,
        },
        Period::Quarter { year, quarter } => Period::Quarter {
            year: back(year)?,
            quarter,
        },
        Period::Months { from, to } => Period::Months {
            from: crate::data::model::Date {
                year: back(from.year)?,
                ..from
            },
            to: crate::data::model::Date {
                year: back(to.year)?,
                ..to
            },
        },
    })
}

/// The earliest period in which every series has a value and after which each has another:
/// the base of the indexed measure.
pub fn index_base(series: &[&ChartSeries]) -> Option<Period> {
    let first = series.first()?;
    first.points.iter().map(|p| p.period).find(|period| {
        series.iter().all(|s| {
            s.points
                .iter()
                .any(|p| p.period == *period && p.value != 0.0)
                && s.points.iter().any(|p| p.period > *period)
        })
    })
}

/// The measures that mean something for these visible series: always the values as stated;
/// an index when all are levels with a common base; the change on a year earlier when all are
/// levels and at least one change can be computed.
pub fn measures(data: &ChartData, visible: &[bool]) -> Vec<Measure> {
    let series: Vec<&ChartSeries> = visible_series(data, visible);
    let mut out = vec![Measure::Absolute];
    let levels = !series.is_empty() && series.iter().all(|s| is_level(s.unit));
    if levels && index_base(&series).is_some() {
        out.push(Measure::Indexed);
    }
    if levels && series.iter().any(|s| !changes(s).is_empty()) {
        out.push(Measure::Change);
    }
    out
}

fn visible_series<'a>(data: &'a ChartData, visible: &[bool]) -> Vec<&'a ChartSeries> {
    data.series
        .iter()
        .enumerate()
        .filter(|(i, _)| visible.get(*i).copied().unwrap_or(true))
        .map(|(_, s)| s)
        .collect()
}

/// `value` rounded to one decimal, qualified "about" when that changed it or when `exact`
/// is false.
fn computed_point(
    period: Period,
    value: f64,
    exact: bool,
    formula: String,
    inputs: &[&ChartPoint],
) -> ChartPoint {
    let rounded = (value * 10.0).round() / 10.0;
    let qualifier = if exact && rounded == value {
        Qualifier::Exact
    } else {
        Qualifier::About
    };
    let mut sources: Vec<String> = Vec::new();
    for input in inputs {
        for source in &input.sources {
            if !sources.contains(source) {
                sources.push(source.clone());
            }
        }
    }
    ChartPoint {
        period,
        value: if rounded == 0.0 { 0.0 } else { rounded },
        qualifier,
        formula: Some(formula),
        computed: true,
        sources,
        note: None,
    }
}

fn is_exact(points: &[&ChartPoint]) -> bool {
    points.iter().all(|p| p.qualifier == Qualifier::Exact)
}

/// The changes on a year earlier that can be computed for a series.
fn changes(series: &ChartSeries) -> Vec<ChartPoint> {
    series
        .points
        .iter()
        .filter_map(|point| {
            let before = a_year_before(&point.period)?;
            let previous = series.points.iter().find(|p| p.period == before)?;
            if previous.value == 0.0 {
                return None;
            }
            let change = (point.value / previous.value - 1.0) * 100.0;
            let formula = format!("({} ÷ {} − 1) × 100", point.value, previous.value);
            let exact = is_exact(&[point, previous]);
            Some(computed_point(
                point.period,
                change,
                exact,
                formula,
                &[point, previous],
            ))
        })
        .collect()
}

/// The visible series under `measure`. A measure that does not apply (see [`measures`]) falls
/// back to the values as stated.
pub fn show(data: &ChartData, measure: Measure, visible: &[bool]) -> Shown {
    let measure = if measures(data, visible).contains(&measure) {
        measure
    } else {
        Measure::Absolute
    };
    let chosen = visible_series(data, visible);
    let base = index_base(&chosen);
    let series = data
        .series
        .iter()
        .enumerate()
        .filter(|(i, _)| visible.get(*i).copied().unwrap_or(true))
        .map(|(index, series)| {
            let (points, unit) = match (measure, base) {
                (Measure::Indexed, Some(base)) => {
                    let base_point = series.points.iter().find(|p| p.period == base);
                    let points = series
                        .points
                        .iter()
                        .filter(|p| p.period >= base)
                        .filter_map(|point| {
                            let base_point = base_point?;
                            let value = point.value / base_point.value * 100.0;
                            let formula = format!("{} ÷ {} × 100", point.value, base_point.value);
                            let exact = is_exact(&[point, base_point]);
                            Some(computed_point(
                                point.period,
                                value,
                                exact,
                                formula,
                                &[point, base_point],
                            ))
                        })
                        .collect();
                    (points, ShownUnit::Index(base))
                }
                (Measure::Change, _) => (changes(series), ShownUnit::Change),
                _ => (series.points.clone(), ShownUnit::Data(series.unit)),
            };
            ShownSeries {
                index,
                series: ChartSeries {
                    points,
                    ..series.clone()
                },
                unit,
            }
        })
        .collect::<Vec<ShownSeries>>();
    let notes = if measure == Measure::Absolute {
        shown_notes(data, &series)
    } else {
        Vec::new()
    };
    Shown {
        measure,
        mark: data.mark,
        series,
        notes,
    }
}

/// The notes whose point is among the shown series' yearly points, in the data's order.
fn shown_notes(data: &ChartData, series: &[ShownSeries]) -> Vec<ShownNote> {
    data.annotations
        .iter()
        .filter_map(|note| {
            let (position, shown) = series
                .iter()
                .enumerate()
                .find(|(_, s)| s.series.id == note.series)?;
            let point = shown
                .series
                .points
                .iter()
                .position(|p| p.period == Period::Year(note.year))?;
            Some(ShownNote {
                series: position,
                point,
                text: note.text.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(period: &str, value: f64) -> ChartPoint {
        ChartPoint {
            period: Period::parse(period).unwrap_or(Period::Year(0)),
            value,
            qualifier: Qualifier::Exact,
            formula: None,
            computed: false,
            sources: vec!["s".into()],
            note: None,
        }
    }

    fn series(id: &str, unit: Unit, points: Vec<ChartPoint>) -> ChartSeries {
        ChartSeries {
            id: id.into(),
            name: id.into(),
            unit,
            reporter: None,
            flow: None,
            colour: 0,
            points,
        }
    }

    fn data(series: Vec<ChartSeries>) -> ChartData {
        ChartData {
            annotations: Vec::new(),
            id: "c".into(),
            mark: Mark::Line,
            title: String::new(),
            subtitle: String::new(),
            definition: String::new(),
            series,
        }
    }

    #[test]
    fn the_same_reporter_gets_the_same_colours_in_every_chart() {
        use Reporter::{China, Kazakhstan};
        assert_eq!(
            colour_slots(&[Some(China), Some(Kazakhstan), None]),
            vec![1, 0, 2]
        );
        assert_eq!(
            colour_slots(&[Some(China), Some(Kazakhstan), Some(Kazakhstan), Some(China)]),
            vec![1, 0, 5, 4]
        );
    }

    #[test]
    fn a_change_needs_the_same_period_a_year_earlier() {
        let chart = data(vec![series(
            "a",
            Unit::UsdBn,
            vec![
                point("2013", 28.5),
                point("2015", 14.3),
                point("2016", 13.1),
            ],
        )]);
        let shown = show(&chart, Measure::Change, &[true]);
        let points = &shown.series[0].series.points;
        assert_eq!(points.len(), 1, "2013 and 2015 have no year before them");
        assert_eq!(points[0].value, -8.4);
        assert_eq!(points[0].qualifier, Qualifier::About);
        assert!(points[0].computed);
        assert_eq!(
            points[0].formula.as_deref(),
            Some("(13.1 ÷ 14.3 − 1) × 100")
        );
    }

    #[test]
    fn an_index_starts_at_the_first_common_period() {
        let chart = data(vec![
            series(
                "a",
                Unit::UsdBn,
                vec![point("2012", 1.0), point("2013", 2.0), point("2014", 3.0)],
            ),
            series(
                "b",
                Unit::UsdBn,
                vec![point("2013", 4.0), point("2014", 5.0)],
            ),
        ]);
        let shown = show(&chart, Measure::Indexed, &[true, true]);
        assert_eq!(shown.series[0].unit, ShownUnit::Index(Period::Year(2013)));
        let values: Vec<f64> = shown.series[0]
            .series
            .points
            .iter()
            .map(|p| p.value)
            .collect();
        assert_eq!(values, vec![100.0, 150.0]);
        assert_eq!(shown.series[1].series.points[1].value, 125.0);
        assert_eq!(shown.series[1].series.points[1].qualifier, Qualifier::Exact);
    }

    #[test]
    fn shares_and_changes_offer_only_their_values() {
        let chart = data(vec![series(
            "a",
            Unit::PercentChange,
            vec![point("2021", 17.6), point("2022", 23.6)],
        )]);
        assert_eq!(measures(&chart, &[true]), vec![Measure::Absolute]);
        let shown = show(&chart, Measure::Change, &[true]);
        assert_eq!(shown.measure, Measure::Absolute);
    }

    #[test]
    fn hidden_series_are_left_out() {
        let chart = data(vec![
            series("a", Unit::UsdBn, vec![point("2013", 1.0)]),
            series("b", Unit::Mt, vec![point("2013", 2.0)]),
        ]);
        let shown = show(&chart, Measure::Absolute, &[false, true]);
        assert_eq!(shown.series.len(), 1);
        assert_eq!(shown.series[0].index, 1);
        assert!(shown.units_agree());
        assert!(!show(&chart, Measure::Absolute, &[true, true]).units_agree());
    }

    #[test]
    fn a_year_before_keeps_the_kind_of_period() {
        let before = |p: &str| a_year_before(&Period::parse(p).unwrap_or(Period::Year(0)));
        assert_eq!(
            before("2025-H1").map(|p| p.to_string()).as_deref(),
            Some("2024-H1")
        );
        assert_eq!(
            before("2023-01/2023-09").map(|p| p.to_string()).as_deref(),
            Some("2022-01/2022-09")
        );
    }
}
