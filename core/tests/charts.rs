//! The chart engine, natively: placed marks and path strings as readable snapshots
//! (`tests/snapshots/*.txt`, coordinates rounded to a tenth of a pixel), the generated summary,
//! the CSV, and every comparison of the real data placed at a phone's and a laptop's width.
//!
//! A snapshot that differs fails the test with both texts. To accept a deliberate change, run
//! `UPDATE_SNAPSHOTS=1 cargo test --test charts` and review the diff of `tests/snapshots/`.

// Test code: a failed expectation is how a test reports.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use cke_core::charts::export::{standalone_svg, Frame};
use cke_core::charts::layout::{place, Arrangement, Options, Placed, Shape, TextRole};
use cke_core::charts::model::{
    chart_data, measures, show, ChartAnnotation, ChartData, ChartPoint, ChartSeries, Measure,
    ShownUnit,
};
use cke_core::charts::table::{to_csv, CSV_HEADER};
use cke_core::charts::text::{summary, value_label, PlainSpell, Spell};
use cke_core::data::build_dataset;
use cke_core::data::model::{Flow, Mark, Period, Qualifier, Reporter, Unit};
use cke_core::url::Lang;

fn snapshot_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.txt"))
}

/// Compares `actual` with the stored snapshot `name`.
fn assert_snapshot(name: &str, actual: &str) {
    let path = snapshot_path(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}; run with UPDATE_SNAPSHOTS=1 and review it",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "snapshot {name} differs.\n--- expected ({})\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

fn point(period: &str, value: f64) -> ChartPoint {
    ChartPoint {
        period: Period::parse(period).unwrap(),
        value,
        qualifier: Qualifier::Exact,
        formula: None,
        computed: false,
        sources: vec![format!("source-{period}")],
        note: None,
    }
}

fn derived(period: &str, value: f64, formula: &str) -> ChartPoint {
    ChartPoint {
        qualifier: Qualifier::About,
        formula: Some(formula.to_owned()),
        ..point(period, value)
    }
}

fn series(
    id: &str,
    reporter: Option<Reporter>,
    flow: Option<Flow>,
    unit: Unit,
    colour: usize,
    points: Vec<ChartPoint>,
) -> ChartSeries {
    ChartSeries {
        id: id.to_owned(),
        name: format!("Series {id}"),
        unit,
        reporter,
        flow,
        colour,
        points,
    }
}

fn chart(mark: Mark, series: Vec<ChartSeries>) -> ChartData {
    ChartData {
        annotations: Vec::new(),
        id: "fixture".into(),
        mark,
        title: "Fixture".into(),
        subtitle: String::new(),
        definition: String::new(),
        series,
    }
}

/// China's customs and Kazakhstan's statistics for total trade, with gaps in both, and the
/// computed gap: the shape of the mirror-statistics chart.
fn mirror() -> ChartData {
    chart(
        Mark::Line,
        vec![
            series(
                "cn",
                Some(Reporter::China),
                Some(Flow::Total),
                Unit::UsdBn,
                1,
                vec![
                    point("2013", 28.5),
                    derived("2015", 14.3, "13.1 / 0.916"),
                    point("2016", 13.1),
                    point("2018", 19.88),
                    point("2021", 25.25),
                    point("2022", 31.2),
                    point("2023", 41.02),
                ],
            ),
            series(
                "kz",
                Some(Reporter::Kazakhstan),
                Some(Flow::Total),
                Unit::UsdBn,
                0,
                vec![
                    point("2013", 22.53),
                    derived("2018", 11.8, "14.5 / 1.23"),
                    point("2019", 14.5),
                    point("2021", 18.0),
                    point("2022", 24.1),
                    point("2023", 31.4),
                ],
            ),
            series(
                "gap",
                None,
                Some(Flow::Total),
                Unit::UsdBn,
                2,
                vec![
                    derived("2013", 5.97, "28.5 − 22.53"),
                    derived("2023", 9.62, "41.02 − 31.4"),
                ],
            ),
        ],
    )
}

fn options(width: f64, arrangement: Arrangement, year: Option<i32>) -> Options {
    Options {
        width,
        arrangement,
        year,
        lang: Lang::En,
    }
}

#[test]
fn a_line_chart_breaks_at_missing_years_and_marks_derived_points() {
    let data = mirror();
    let shown = show(&data, Measure::Absolute, &[true, true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(600.0, Arrangement::Together, Some(2016)),
    );
    let text = placed.describe();
    assert_snapshot("mirror-lines", &text);
    // China's line: 2013 alone, 2015–2016 joined, 2018 alone, 2021–2023 joined.
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("line s0 "))
        .unwrap();
    assert_eq!(line.matches('M').count(), 2, "{line}");
    assert!(
        text.contains("dot s0p1 ")
            && text
                .lines()
                .any(|l| l.contains("dot s0p1") && l.contains("derived"))
    );
    assert_eq!(placed.hits.len(), 15);
}

#[test]
fn grouped_bars_leave_an_empty_band_for_a_missing_year_and_grow_down_for_negatives() {
    let data = chart(
        Mark::GroupedBar,
        vec![
            series(
                "a",
                None,
                None,
                Unit::PercentChange,
                2,
                vec![point("2013", 11.3), point("2016", -8.4)],
            ),
            series(
                "b",
                None,
                None,
                Unit::PercentChange,
                3,
                vec![point("2016", 5.0), derived("2017", 23.0, "x")],
            ),
        ],
    );
    let shown = show(&data, Measure::Absolute, &[true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(400.0, Arrangement::Together, Some(2016)),
    );
    assert_snapshot("grouped-bars", &placed.describe());
}

#[test]
fn small_multiples_share_or_keep_their_own_value_axis() {
    let data = chart(
        Mark::Line,
        vec![
            series(
                "rail",
                None,
                None,
                Unit::Mt,
                2,
                vec![
                    point("2022", 23.0),
                    point("2023", 28.0),
                    point("2024", 32.0),
                ],
            ),
            series(
                "grain",
                None,
                None,
                Unit::Mt,
                3,
                vec![point("2016", 0.3), point("2017", 0.6), point("2023", 2.2)],
            ),
        ],
    );
    let shown = show(&data, Measure::Absolute, &[true, true]);
    let shared = place(
        &shown,
        &PlainSpell,
        &options(640.0, Arrangement::Multiples { shared_y: true }, None),
    );
    let independent = place(
        &shown,
        &PlainSpell,
        &options(640.0, Arrangement::Multiples { shared_y: false }, None),
    );
    assert_snapshot(
        "multiples",
        &format!(
            "# shared\n{}\n# independent\n{}",
            shared.describe(),
            independent.describe()
        ),
    );
    assert_eq!(shared.panels.len(), 2);
    let top_tick = |placed: &cke_core::charts::layout::Placed, panel: usize| {
        placed
            .describe()
            .split("panel ")
            .nth(panel + 1)
            .and_then(|p| p.lines().rfind(|l| l.contains("YTick")))
            .and_then(|line| line.split('"').nth(1).map(str::to_owned))
            .unwrap()
    };
    assert_eq!(top_tick(&shared, 0), top_tick(&shared, 1));
    assert_ne!(top_tick(&independent, 0), top_tick(&independent, 1));
}

#[test]
fn series_in_different_units_are_never_drawn_on_one_axis() {
    let data = chart(
        Mark::Bar,
        vec![
            series("usd", None, None, Unit::UsdBn, 2, vec![point("2023", 1.81)]),
            series(
                "people",
                None,
                None,
                Unit::People,
                3,
                vec![point("2023", 367_000.0)],
            ),
        ],
    );
    let shown = show(&data, Measure::Absolute, &[true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(600.0, Arrangement::Together, None),
    );
    assert_eq!(placed.panels.len(), 2);
}

#[test]
fn half_years_are_bands_of_their_own() {
    let data = chart(
        Mark::GroupedBar,
        vec![
            series(
                "total",
                Some(Reporter::China),
                Some(Flow::Total),
                Unit::UsdBn,
                1,
                vec![
                    derived("2024-H1", 21.62, "21.79 / 1.008"),
                    point("2025-H1", 21.79),
                ],
            ),
            series(
                "exports",
                Some(Reporter::China),
                Some(Flow::CnToKz),
                Unit::UsdBn,
                4,
                vec![
                    derived("2024-H1", 13.4, "14 / 1.045"),
                    point("2025-H1", 14.0),
                ],
            ),
        ],
    );
    let shown = show(&data, Measure::Absolute, &[true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(320.0, Arrangement::Together, Some(2025)),
    );
    assert_snapshot("halves", &placed.describe());
    let lines = summary(&shown, Lang::En, &PlainSpell, None);
    assert!(
        lines.contains(
            &"Series total: from about US$21.62 bn (derived) in H1 2024 to US$21.79 bn in H1 2025."
                .to_owned()
        ),
        "{lines:#?}"
    );
}

#[test]
fn the_indexed_measure_is_placed_from_computed_points() {
    let data = mirror();
    let shown = show(&data, Measure::Indexed, &[true, true, false]);
    assert_eq!(shown.measure, Measure::Indexed);
    assert_eq!(shown.series[0].unit, ShownUnit::Index(Period::Year(2013)));
    let placed = place(
        &shown,
        &PlainSpell,
        &options(480.0, Arrangement::Together, None),
    );
    assert_snapshot("indexed", &placed.describe());
}

#[test]
fn an_empty_chart_says_so_instead_of_failing() {
    let data = mirror();
    let shown = show(&data, Measure::Absolute, &[false, false, false]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(300.0, Arrangement::Together, None),
    );
    assert!(placed.hits.is_empty());
    assert!(placed.describe().contains("No value to show"));
    assert_eq!(
        summary(&shown, Lang::En, &PlainSpell, None),
        vec!["No value is shown: every series is hidden or has no value for this measure."]
    );
}

#[test]
fn the_summary_states_values_as_the_data_does_and_the_gap_as_computed() {
    let data = mirror();
    let shown = show(&data, Measure::Absolute, &[true, true, true]);
    let lines = summary(&shown, Lang::En, &PlainSpell, None);
    assert_snapshot("mirror-summary", &lines.join("\n"));
    assert!(lines.contains(
        &"In 2023, China's customs recorded US$41.02 bn and Kazakhstan's statistics US$31.4 bn: a gap of about US$9.62 bn, computed here."
            .to_owned()
    ));
    // The highlighted year, when the chart has values for it.
    let in_2018 = summary(&shown, Lang::En, &PlainSpell, Some(2018));
    assert!(in_2018.iter().any(|l| l.starts_with(
        "In 2018, China's customs recorded US$19.88 bn and Kazakhstan's statistics about US$11.8 bn (derived): a gap of about US$8.08 bn"
    )), "{in_2018:#?}");
    let in_2000 = summary(&shown, Lang::En, &PlainSpell, Some(2000));
    assert!(in_2000
        .iter()
        .any(|l| l == "This chart has no value for 2000, the highlighted year."));
}

#[test]
fn the_csv_holds_exactly_the_values_shown() {
    let data = mirror();
    let shown = show(&data, Measure::Absolute, &[true, false, true]);
    let csv = to_csv(&shown);
    assert_snapshot("mirror-csv", &csv);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(CSV_HEADER));
    assert_eq!(
        lines.count(),
        7 + 2,
        "China's 7 values and the gap's 2; Kazakhstan's are hidden"
    );
    let change = show(&data, Measure::Change, &[true, true, true]);
    let csv = to_csv(&change);
    assert!(csv.contains("2016,cn,Series cn,-8.4,percent-change-computed,about,computed: (13.1 ÷ 14.3 − 1) × 100,source-2016 source-2015\n"), "{csv}");
}

#[test]
fn the_downloaded_svg_names_its_title_and_sources() {
    let data = mirror();
    let shown = show(&data, Measure::Absolute, &[true, true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(600.0, Arrangement::Together, None),
    );
    let document = standalone_svg(
        &placed,
        &Frame {
            title: "Trade <&> statistics".into(),
            subtitle: "Subtitle".into(),
            legend: vec![("Series cn".into(), 1)],
            key: "Key".into(),
            sources: "Sources: GACC (2024); Kazakh statistics (2024)".into(),
        },
    );
    assert!(document
        .svg
        .starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(document
        .svg
        .contains("<title>Trade &lt;&amp;&gt; statistics</title>"));
    assert!(document
        .svg
        .contains("Sources: GACC (2024); Kazakh statistics (2024)"));
    assert!(document.height > placed.height);
}

/// Every comparison of the bundled data, every measure it offers, at 320 and 900 pixels, alone
/// and as small multiples: finite geometry, one hit per value, every value written with every
/// digit the data has, and a CSV line per value.
#[test]
fn every_comparison_of_the_real_data_places_and_states_every_value() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (files, _) = common::load_dir(&dir);
    let dataset = build_dataset(&files, common::today()).dataset.unwrap();
    assert!(dataset.comparisons().len() >= 8);
    for comparison in dataset.comparisons() {
        let data = chart_data(&dataset, comparison);
        assert!(!data.title.is_empty(), "{} has a title", data.id);
        assert!(!data.definition.is_empty(), "{} has a definition", data.id);
        let visible = vec![true; data.series.len()];
        for measure in measures(&data, &visible) {
            let shown = show(&data, measure, &visible);
            let values: usize = shown.series.iter().map(|s| s.series.points.len()).sum();
            for width in [320.0, 900.0] {
                for arrangement in [
                    Arrangement::Together,
                    Arrangement::Multiples { shared_y: false },
                ] {
                    let placed = place(
                        &shown,
                        &PlainSpell,
                        &options(width, arrangement, Some(2023)),
                    );
                    let text = placed.describe();
                    let broken = text
                        .split([' ', ',', '×', 'M', 'L'])
                        .any(|token| token == "NaN" || token == "inf" || token == "-inf");
                    assert!(!broken, "{}: {text}", data.id);
                    assert_eq!(placed.hits.len(), values, "{} {measure:?}", data.id);
                    assert!(placed.width <= width);
                }
            }
            let csv = to_csv(&shown);
            assert_eq!(csv.lines().count(), values + 1, "{}", data.id);
            if measure == Measure::Absolute {
                for series in &shown.series {
                    for point in &series.series.points {
                        let text = value_label(point, series.unit, Lang::En, &PlainSpell);
                        let digits = PlainSpell.number(
                            point.value,
                            series.unit == ShownUnit::Data(Unit::PercentChange),
                        );
                        assert!(
                            text.contains(&digits),
                            "{} {}: {text}",
                            series.series.id,
                            point.period
                        );
                        assert!(csv.contains(&format!(",{},", point.value)));
                    }
                }
            }
            assert!(!summary(&shown, Lang::En, &PlainSpell, None).is_empty());
        }
    }
}

const NOTE: &str = "2023: China's customs US$41.02 bn; Kazakhstan's statistics US$31.4 bn";

/// The mirror chart with the data's note on China's 2023 value.
fn mirror_with_note() -> ChartData {
    ChartData {
        annotations: vec![ChartAnnotation {
            series: "cn".into(),
            year: 2023,
            text: NOTE.into(),
        }],
        ..mirror()
    }
}

/// The notes' texts and leaders of a placed chart, and whether every one lies inside its
/// panel's plot (clear of the axes and their labels).
fn note_marks(placed: &Placed) -> (Vec<String>, usize, bool) {
    let (mut texts, mut leaders, mut inside) = (Vec::new(), 0, true);
    for panel in &placed.panels {
        let plot = panel.plot;
        let within = |(x, y): (f64, f64)| {
            x >= plot.x && x <= plot.x + plot.width && y >= plot.y && y <= plot.y + plot.height
        };
        for shape in &panel.shapes {
            match shape {
                Shape::Text {
                    role: TextRole::Note | TextRole::NoteMarker,
                    at,
                    text,
                    ..
                } => {
                    inside &= within(*at);
                    texts.push(text.clone());
                }
                Shape::Rule {
                    role: cke_core::charts::layout::RuleRole::Leader,
                    from,
                    to,
                } => {
                    inside &= within(*from) && within(*to);
                    leaders += 1;
                }
                _ => {}
            }
        }
    }
    (texts, leaders, inside)
}

#[test]
fn a_note_is_a_label_with_a_leader_inside_the_plot_on_a_wide_chart() {
    let data = mirror_with_note();
    let shown = show(&data, Measure::Absolute, &[true, true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(1000.0, Arrangement::Together, None),
    );
    assert_snapshot("mirror-note-wide", &placed.describe());
    let (texts, leaders, inside) = note_marks(&placed);
    assert_eq!(texts.join(" "), NOTE, "the label carries the whole note");
    assert_eq!(leaders, 1);
    assert!(inside, "{}", placed.describe());
    assert!(
        placed.notes.is_empty(),
        "nothing is listed under a wide chart"
    );
    // As small multiples, the note is in China's panel.
    let multiples = place(
        &shown,
        &PlainSpell,
        &options(1000.0, Arrangement::Multiples { shared_y: true }, None),
    );
    let (texts, _, inside) = note_marks(&multiples);
    assert_eq!(texts.join(" "), NOTE);
    assert!(inside, "{}", multiples.describe());
}

#[test]
fn a_note_is_a_numbered_marker_listed_under_a_narrow_chart() {
    let data = mirror_with_note();
    let shown = show(&data, Measure::Absolute, &[true, true, true]);
    let placed = place(
        &shown,
        &PlainSpell,
        &options(375.0, Arrangement::Together, None),
    );
    assert_snapshot("mirror-note-narrow", &placed.describe());
    let (texts, leaders, inside) = note_marks(&placed);
    assert_eq!(texts, ["1"]);
    assert_eq!(leaders, 1);
    assert!(inside, "{}", placed.describe());
    assert_eq!(placed.notes, [NOTE]);
    let at_480 = place(
        &shown,
        &PlainSpell,
        &options(480.0, Arrangement::Together, None),
    );
    assert_eq!(at_480.notes, [NOTE], "480 px is still narrow");
    let at_481 = place(
        &shown,
        &PlainSpell,
        &options(481.0, Arrangement::Together, None),
    );
    assert!(at_481.notes.is_empty());
}

#[test]
fn a_note_is_shown_only_with_its_point_and_the_values_it_quotes() {
    let data = mirror_with_note();
    // China's series hidden: no note.
    let hidden = show(&data, Measure::Absolute, &[false, true, true]);
    assert!(hidden.notes.is_empty());
    // The indexed measure does not show the values the note quotes.
    let indexed = show(&data, Measure::Indexed, &[true, true, false]);
    assert_eq!(indexed.measure, Measure::Indexed);
    assert!(indexed.notes.is_empty());
    // A note on a year the series has no value for is never placed.
    let gap = ChartData {
        annotations: vec![ChartAnnotation {
            series: "cn".into(),
            year: 2014,
            text: "gap".into(),
        }],
        ..mirror()
    };
    assert!(show(&gap, Measure::Absolute, &[true, true, true])
        .notes
        .is_empty());
}

#[test]
fn the_summary_and_the_downloaded_svg_carry_the_note() {
    let data = mirror_with_note();
    let shown = show(&data, Measure::Absolute, &[true, true, true]);
    let lines = summary(&shown, Lang::En, &PlainSpell, None);
    assert_eq!(
        lines.last().map(String::as_str),
        Some(format!("Note on the chart: {NOTE}").as_str())
    );
    let frame = Frame {
        title: "Title".into(),
        subtitle: String::new(),
        legend: Vec::new(),
        key: "Key".into(),
        sources: "Sources".into(),
    };
    for (width, expected) in [
        (1000.0, "Kazakhstan's statistics".to_owned()),
        (375.0, format!("1 {}", "2023: China's")),
    ] {
        let placed = place(
            &shown,
            &PlainSpell,
            &options(width, Arrangement::Together, None),
        );
        let svg = standalone_svg(&placed, &frame).svg.replace("&apos;", "'");
        assert!(svg.contains(&expected), "{width}: {svg}");
    }
}

#[test]
fn the_real_mirror_trade_chart_carries_its_2023_note() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (files, _) = common::load_dir(&dir);
    let mut dataset = build_dataset(&files, common::today()).dataset.unwrap();
    assert!(dataset.set_lang("en"));
    let comparison = dataset
        .comparisons()
        .iter()
        .find(|c| c.id.as_str() == "mirror-trade")
        .unwrap();
    let data = chart_data(&dataset, comparison);
    assert_eq!(data.annotations.len(), 1);
    assert_eq!(data.annotations[0].year, 2023);
    let text = &data.annotations[0].text;
    assert!(text.contains("41.02") && text.contains("31.4"), "{text:?}");
    let shown = show(&data, Measure::Absolute, &vec![true; data.series.len()]);
    assert_eq!(shown.notes.len(), 1);
    for width in [375.0, 1280.0] {
        let placed = place(
            &shown,
            &PlainSpell,
            &options(width, Arrangement::Together, None),
        );
        let (texts, leaders, inside) = note_marks(&placed);
        assert!(
            !texts.is_empty() && leaders == 1 && inside,
            "{}",
            placed.describe()
        );
    }
}
