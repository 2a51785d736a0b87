//! The words of a chart: period and unit labels, the text of a value, and the summary a chart
//! gives in prose, generated from the values shown in the reader's language.
//!
//! Values are written as the data states them (every digit, with the source's qualifier); the
//! only numbers made here are differences between two stated values, which are computed at
//! the precision of their inputs, called "about" and said to be computed here. The browser
//! spells numbers (see [`Spell`]), so this module stays pure and is tested natively with a
//! plain spelling.
//!
//! Pure: no browser, no clock, no UI framework.

use super::model::{ChartData, ChartPoint, Measure, Shown, ShownSeries, ShownUnit};
use crate::data::model::{Dataset, Flow, Mark, Period, Qualifier, Reporter, SourceId, Unit};
use crate::format::{qualified, value_text};
use crate::strings::Ui;
use crate::url::Lang;

/// Spells numbers for the reader's locale.
pub trait Spell {
    /// A data value with every digit it has; `signed` writes "+" before positive values.
    fn number(&self, value: f64, signed: bool) -> String;
    /// An axis label: `decimals` decimals, compact for large values ("600K").
    fn tick(&self, value: f64, decimals: u8) -> String;
}

/// A locale-free spelling: `1234.5` → `1,234.5`; ticks compact above ten thousand. Used by
/// native tests and as the fallback of the browser's spelling.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainSpell;

fn group_thousands(text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fraction {
        Some(fraction) => format!("{sign}{grouped}.{fraction}"),
        None => format!("{sign}{grouped}"),
    }
}

impl Spell for PlainSpell {
    fn number(&self, value: f64, signed: bool) -> String {
        let text = group_thousands(&format!("{value}"));
        if signed && value > 0.0 {
            format!("+{text}")
        } else {
            text
        }
    }

    fn tick(&self, value: f64, decimals: u8) -> String {
        let (scaled, suffix) = if value.abs() >= 1e9 {
            (value / 1e9, "B")
        } else if value.abs() >= 1e6 {
            (value / 1e6, "M")
        } else if value.abs() >= 1e4 {
            (value / 1e3, "K")
        } else {
            (value, "")
        };
        let decimals = if suffix.is_empty() { decimals } else { 1 };
        let text = format!("{scaled:.*}", usize::from(decimals));
        let text = if suffix.is_empty() {
            text
        } else {
            text.trim_end_matches('0').trim_end_matches('.').to_owned()
        };
        format!("{}{suffix}", group_thousands(&text))
    }
}

/// A period as the reader reads it: `2013`, `H1 2025`, `Q3 2024`, `Jan–Sep 2023`.
pub fn period_label(period: &Period, lang: Lang) -> String {
    const MONTHS: [Ui; 12] = [
        Ui::MonthJan,
        Ui::MonthFeb,
        Ui::MonthMar,
        Ui::MonthApr,
        Ui::MonthMay,
        Ui::MonthJun,
        Ui::MonthJul,
        Ui::MonthAug,
        Ui::MonthSep,
        Ui::MonthOct,
        Ui::MonthNov,
        Ui::MonthDec,
    ];
    let month = |m: Option<u8>| {
        m.and_then(|m| MONTHS.get(usize::from(m).saturating_sub(1)))
            .map_or("?", |month| month.text(lang))
    };
    match *period {
        Period::Year(year) => year.to_string(),
        Period::Half { year, half } => {
            let template = if half == 1 {
                Ui::PeriodHalf1
            } else {
                Ui::PeriodHalf2
            };
            template.fill(lang, &[("year", &year.to_string())])
        }
        Period::Quarter { year, quarter } => Ui::PeriodQuarter.fill(
            lang,
            &[
                ("quarter", &quarter.to_string()),
                ("year", &year.to_string()),
            ],
        ),
        Period::Months { from, to } if from.year == to.year => Ui::PeriodMonthsInYear.fill(
            lang,
            &[
                ("from", month(from.month)),
                ("to", month(to.month)),
                ("year", &to.year.to_string()),
            ],
        ),
        Period::Months { from, to } => Ui::PeriodMonthsAcrossYears.fill(
            lang,
            &[
                ("from", month(from.month)),
                ("fromYear", &from.year.to_string()),
                ("to", month(to.month)),
                ("toYear", &to.year.to_string()),
            ],
        ),
    }
}

/// The label of a value axis: "US$ bn", "Mt", "Index, 2013 = 100", "% change on a year earlier".
pub fn unit_label(unit: ShownUnit, lang: Lang) -> String {
    let label = match unit {
        ShownUnit::Index(base) => {
            return Ui::AxisIndex.fill(lang, &[("base", &period_label(&base, lang))])
        }
        ShownUnit::Change => Ui::AxisChange,
        ShownUnit::Data(unit) => match unit {
            Unit::UsdBn => Ui::AxisUsdBn,
            Unit::UsdM => Ui::AxisUsdM,
            Unit::TengeBn => Ui::AxisTengeBn,
            Unit::Percent => Ui::AxisPercent,
            Unit::PercentChange => Ui::AxisPercentChange,
            Unit::Count | Unit::Ordinal | Unit::Date | Unit::Wording => Ui::AxisNumber,
            Unit::Mw => Ui::AxisMw,
            Unit::Gw => Ui::AxisGw,
            Unit::GwhPerYear => Ui::AxisGwhPerYear,
            Unit::KwhMPerYear => Ui::AxisKwhMPerYear,
            Unit::T => Ui::AxisT,
            Unit::Kt => Ui::AxisKt,
            Unit::Mt => Ui::AxisMt,
            Unit::MtPerYear => Ui::AxisMtPerYear,
            Unit::BcmPerYear => Ui::AxisBcmPerYear,
            Unit::TCo2PerYear => Ui::AxisTCo2PerYear,
            Unit::People => Ui::AxisPeople,
            Unit::PassengersPerDay => Ui::AxisPassengersPerDay,
            Unit::Teu => Ui::AxisTeu,
            Unit::Trains => Ui::AxisTrains,
            Unit::Km => Ui::AxisKm,
            Unit::Months => Ui::AxisMonths,
        },
    };
    label.text(lang).to_owned()
}

/// The text of a value in its unit, as the data states it ("about US$9.62 bn", "+23.6%",
/// "about 143.9" for an index).
pub fn value_label(point: &ChartPoint, unit: ShownUnit, lang: Lang, spell: &dyn Spell) -> String {
    match unit {
        ShownUnit::Data(unit) => value_text(
            &spell.number(point.value, unit == Unit::PercentChange),
            point.value,
            unit,
            point.qualifier,
            lang,
        ),
        ShownUnit::Change => value_text(
            &spell.number(point.value, true),
            point.value,
            Unit::PercentChange,
            point.qualifier,
            lang,
        ),
        ShownUnit::Index(_) => qualified(&spell.number(point.value, false), point.qualifier, lang),
    }
}

/// The machine form of a unit, for CSV files: the data's unit id, `index-<base>=100`, or
/// `percent-change-computed`.
pub fn unit_id(unit: ShownUnit) -> String {
    match unit {
        ShownUnit::Data(unit) => unit.as_str().to_owned(),
        ShownUnit::Index(base) => format!("index-{base}=100"),
        ShownUnit::Change => "percent-change-computed".to_owned(),
    }
}

/// How many decimals the shortest form of `value` has (`41.02` → 2).
fn decimals_of(value: f64) -> usize {
    let text = format!("{value}");
    text.split_once('.')
        .map_or(0, |(_, fraction)| fraction.len())
}

/// `a − b` at the precision of its inputs (`41.02 − 31.4` is `9.62`, not
/// `9.620000000000001`).
pub fn difference(a: f64, b: f64) -> f64 {
    let places = decimals_of(a).max(decimals_of(b)).min(12);
    let scale = (0..places).fold(1.0, |scale, _| scale * 10.0);
    ((a - b) * scale).round() / scale
}

/// A value as a summary states it: the value, and "(derived)" when it is not as published.
fn stated(point: &ChartPoint, unit: ShownUnit, lang: Lang, spell: &dyn Spell) -> String {
    let value = value_label(point, unit, lang, spell);
    if point.formula.is_some() && !point.computed {
        Ui::DerivedValue.fill(lang, &[("value", &value)])
    } else {
        value
    }
}

fn point_in<'a>(series: &'a ShownSeries, period: &Period) -> Option<&'a ChartPoint> {
    series.series.points.iter().find(|p| p.period == *period)
}

/// The sentence about one period: mirror pairs (China's and Kazakhstan's statistics of the
/// same flow) as "China's customs recorded A and Kazakhstan's statistics B: a gap of about
/// C, computed here", every other series as "name: value".
fn period_sentence(shown: &Shown, period: &Period, lang: Lang, spell: &dyn Spell) -> String {
    let present: Vec<(&ShownSeries, &ChartPoint)> = shown
        .series
        .iter()
        .filter_map(|s| point_in(s, period).map(|p| (s, p)))
        .collect();
    let mut parts: Vec<String> = Vec::new();
    let mut used: Vec<usize> = Vec::new();
    let mut gap_flows: Vec<Flow> = Vec::new();
    if shown.measure == Measure::Absolute {
        for (i, (china, china_point)) in present.iter().enumerate() {
            if china.series.reporter != Some(Reporter::China) || china.series.flow.is_none() {
                continue;
            }
            let partner = present.iter().enumerate().find(|(j, (other, _))| {
                !used.contains(j)
                    && other.series.reporter == Some(Reporter::Kazakhstan)
                    && other.series.flow == china.series.flow
                    && other.unit == china.unit
            });
            let Some((j, (kazakhstan, kz_point))) = partner else {
                continue;
            };
            used.extend([i, j]);
            let gap = difference(china_point.value, kz_point.value);
            let gap_point = ChartPoint {
                value: gap.abs(),
                qualifier: Qualifier::About,
                formula: None,
                computed: true,
                ..(*china_point).clone()
            };
            let gap_text = value_label(&gap_point, china.unit, lang, spell);
            if let Some(flow) = china.series.flow {
                gap_flows.push(flow);
            }
            let template = match china.series.flow {
                Some(Flow::CnToKz) => Ui::MirrorPairCnToKz,
                Some(Flow::KzToCn) => Ui::MirrorPairKzToCn,
                Some(Flow::Total) | None => Ui::MirrorPairTotal,
            };
            let sentence = template.fill(
                lang,
                &[
                    ("china", &stated(china_point, china.unit, lang, spell)),
                    (
                        "kazakhstan",
                        &stated(kz_point, kazakhstan.unit, lang, spell),
                    ),
                    ("gap", &gap_text),
                ],
            );
            parts.push(if gap < 0.0 {
                Ui::MirrorKazakhstanHigher.fill(lang, &[("sentence", &sentence)])
            } else {
                sentence
            });
        }
    }
    for (i, (series, point)) in present.iter().enumerate() {
        if used.contains(&i) {
            continue;
        }
        // A flow without a reporter is a mirror gap of the data; the pair above already
        // stated that gap, so it is not repeated.
        let is_stated_gap = series.series.reporter.is_none()
            && series
                .series
                .flow
                .is_some_and(|flow| gap_flows.contains(&flow));
        if is_stated_gap {
            continue;
        }
        parts.push(Ui::SeriesValue.fill(
            lang,
            &[
                ("name", &series.series.name),
                ("value", &stated(point, series.unit, lang, spell)),
            ],
        ));
    }
    Ui::PeriodSentence.fill(
        lang,
        &[
            ("period", &period_label(period, lang)),
            ("parts", &parts.join(Ui::ListSeparator.text(lang))),
        ],
    )
}

/// The summary of what a chart shows, sentence by sentence: what the values are, the values of
/// one period (the highlighted year when it has values, else the latest period most series
/// share), how each series moved from its first to its last value, and the data's notes on
/// single points.
pub fn summary(shown: &Shown, lang: Lang, spell: &dyn Spell, year: Option<i32>) -> Vec<String> {
    let periods = shown.periods();
    let (Some(first), Some(last)) = (periods.first(), periods.last()) else {
        return vec![Ui::SummaryNone.text(lang).to_owned()];
    };
    let mut sentences = Vec::new();
    let span = if first == last {
        period_label(first, lang)
    } else {
        Ui::SpanRange.fill(
            lang,
            &[
                ("from", &period_label(first, lang)),
                ("to", &period_label(last, lang)),
            ],
        )
    };
    let unit = shown
        .series
        .first()
        .map(|s| s.unit)
        .unwrap_or(ShownUnit::Change);
    let unit_text = unit_label(unit, lang);
    let template = match shown.measure {
        Measure::Absolute => Ui::SummaryAbsolute,
        Measure::Indexed => Ui::SummaryIndexed,
        Measure::Change => Ui::SummaryChange,
    };
    sentences.push(template.fill(lang, &[("span", &span), ("unit", &unit_text)]));

    let in_year: Vec<Period> = year
        .map(|year| {
            periods
                .iter()
                .filter(|p| i32::from(p.year()) == year)
                .copied()
                .collect()
        })
        .unwrap_or_default();
    if let (Some(year), true) = (year, in_year.is_empty()) {
        sentences.push(Ui::SummaryNoValueInYear.fill(lang, &[("year", &year.to_string())]));
    }
    let focus = match in_year.last() {
        Some(period) => Some(*period),
        None => {
            let wanted = shown.series.len().min(2);
            let count = |p: &Period| {
                shown
                    .series
                    .iter()
                    .filter(|s| point_in(s, p).is_some())
                    .count()
            };
            periods
                .iter()
                .rev()
                .find(|p| count(p) >= wanted)
                .or(periods.last())
                .copied()
        }
    };
    if let Some(period) = focus {
        sentences.push(period_sentence(shown, &period, lang, spell));
    }

    if shown.series.len() <= 4 {
        for series in &shown.series {
            let points = &series.series.points;
            let sentence = match (points.first(), points.last()) {
                (Some(a), Some(b)) if a.period != b.period => Ui::SeriesFromTo.fill(
                    lang,
                    &[
                        ("name", &series.series.name),
                        ("first", &stated(a, series.unit, lang, spell)),
                        ("firstPeriod", &period_label(&a.period, lang)),
                        ("last", &stated(b, series.unit, lang, spell)),
                        ("lastPeriod", &period_label(&b.period, lang)),
                    ],
                ),
                (Some(only), _) => Ui::SeriesOneValue.fill(
                    lang,
                    &[
                        ("name", &series.series.name),
                        ("value", &stated(only, series.unit, lang, spell)),
                        ("period", &period_label(&only.period, lang)),
                    ],
                ),
                (None, _) => continue,
            };
            sentences.push(sentence);
        }
    }
    // A note's text names its own period ("2023: …"), so the sentence does not repeat it.
    for note in &shown.notes {
        let has_point = shown
            .series
            .get(note.series)
            .is_some_and(|s| s.series.points.get(note.point).is_some());
        if has_point {
            sentences.push(Ui::SummaryNote.fill(lang, &[("note", &note.text)]));
        }
    }
    sentences
}

/// "Publisher (date)" of every source id, in order, without repeats.
pub fn source_names(dataset: &Dataset, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(
            |id| match SourceId::parse(id).and_then(|id| dataset.source(&id)) {
                Some(source) => match source.date {
                    Some(date) => format!("{} ({})", source.publisher, date.year),
                    None => source.publisher.clone(),
                },
                None => id.clone(),
            },
        )
        .collect()
}

/// Every source id of what is shown, in order of first appearance.
pub fn shown_sources(shown: &Shown) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for point in shown.series.iter().flat_map(|s| s.series.points.iter()) {
        for id in &point.sources {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    ids
}

/// The key to the marks that this chart uses: derived values, the shaded gap.
pub fn mark_key(data: &ChartData, lang: Lang) -> String {
    let derived = data
        .series
        .iter()
        .flat_map(|s| s.points.iter())
        .any(|p| p.formula.is_some());
    let gap = data.mark == Mark::Line
        && data
            .series
            .iter()
            .any(|s| s.reporter == Some(Reporter::China) && s.flow.is_some())
        && data
            .series
            .iter()
            .any(|s| s.reporter == Some(Reporter::Kazakhstan) && s.flow.is_some());
    let mut key = Vec::new();
    if derived {
        key.push(Ui::ChartDerivedKey.text(lang));
    }
    if gap {
        key.push(Ui::ChartGapKey.text(lang));
    }
    key.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_spelling_groups_thousands_and_keeps_every_digit() {
        assert_eq!(PlainSpell.number(655_000.0, false), "655,000");
        assert_eq!(PlainSpell.number(41.02, false), "41.02");
        assert_eq!(PlainSpell.number(0.368, false), "0.368");
        assert_eq!(PlainSpell.number(23.6, true), "+23.6");
        assert_eq!(PlainSpell.number(-8.4, true), "-8.4");
    }

    #[test]
    fn tick_labels_are_compact_for_large_values() {
        assert_eq!(PlainSpell.tick(600_000.0, 0), "600K");
        assert_eq!(PlainSpell.tick(1_500_000.0, 0), "1.5M");
        assert_eq!(PlainSpell.tick(0.5, 1), "0.5");
        assert_eq!(PlainSpell.tick(5000.0, 0), "5,000");
    }

    #[test]
    fn periods_read_as_words() {
        let label = |p: &str| period_label(&Period::parse(p).unwrap_or(Period::Year(0)), Lang::En);
        assert_eq!(label("2013"), "2013");
        assert_eq!(label("2025-H1"), "H1 2025");
        assert_eq!(label("2024-Q3"), "Q3 2024");
        assert_eq!(label("2023-01/2023-09"), "Jan–Sep 2023");
        assert_eq!(label("2024-11/2025-02"), "Nov 2024–Feb 2025");
    }

    #[test]
    fn a_difference_keeps_the_precision_of_its_inputs() {
        assert_eq!(difference(41.02, 31.4), 9.62);
        assert_eq!(difference(24.7, 16.3), 8.4);
        assert_eq!(difference(14.334, 16.0), -1.666);
    }
}
