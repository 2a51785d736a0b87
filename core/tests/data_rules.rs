//! Every rule of the data contract, one fixture each: `tests/fixtures/data/bad/<rule>/` holds
//! the files that differ from the good fixture and `expected.txt`, the exact problems (message
//! and location) the validator must print. Set `BLESS_DATA_FIXTURES=1` to rewrite the expected
//! files after a deliberate change of wording, then review the diff.

// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use cke_core::data::{build_dataset, Collection, Severity};

/// The rules that must each have a fixture; deleting one fails the suite.
const RULES: &[&str] = &[
    // Files
    "file-missing",
    "file-empty",
    "invalid-json",
    "deep-nesting",
    "bom",
    "not-utf8",
    "top-level-not-object",
    "wrong-kind-of-file",
    // Shapes
    "wrong-type",
    "missing-field",
    "unknown-field",
    // Ids and references
    "malformed-id",
    "duplicate-id",
    "unknown-sector",
    "sectors-not-eleven",
    "dangling-source",
    "dangling-figure",
    "dangling-series",
    "dangling-event",
    "dangling-comparison",
    "unknown-vocabulary",
    // Dates and periods
    "malformed-date",
    "malformed-period",
    "date-before-1992",
    "event-after-as-of",
    "figure-date-after-as-of",
    "period-after-as-of",
    "as-of-after-today",
    "end-before-start",
    "factbase-row-out-of-range",
    "factbase-update-row-out-of-range",
    "factbase-row-and-update-row",
    "factbase-row-missing",
    // Disputed dates and plans
    "other-date-same-as-date",
    "other-date-dangling-source",
    "end-with-other-dates",
    "stale-plan",
    // Numbers
    "negative-value",
    "non-finite-value",
    "absurd-value",
    "figure-without-source",
    "point-without-sources",
    "derived-without-formula",
    "point-derived-without-formula",
    "value-missing",
    "value-present-for-wording",
    "date-figure-without-date",
    "figure-without-period",
    "mixed-period-kinds",
    "duplicate-period",
    "points-out-of-order",
    // Texts and sources
    "missing-english-text",
    "empty-english-text",
    "url-not-http",
    "lang-mismatch",
    "unknown-text-key",
    "unreferenced-source",
    "translation-missing-keys",
    "competing-not-mutual",
    // Chart annotations
    "annotation-not-a-point",
    "annotation-foreign-series",
    "annotation-missing-text",
    "annotation-skipped-without-series",
    // The guided story
    "story-dangling-event",
    "story-dangling-figure",
    "story-steps-out-of-order",
    "story-too-few-steps",
    "story-malformed-place",
    // Places
    "place-coordinates-out-of-range",
    "place-line-with-one-point",
    "place-mark-with-two-points",
    "place-coordinates-without-source",
    "place-point-without-source",
    "place-since-event-not-listed",
];

/// The problems of a rule fixture, one Display line each.
fn problems_of(rule: &Path) -> Vec<String> {
    let (files, read_problems) = common::load_rule(rule);
    let report = build_dataset(&files, common::today());
    read_problems
        .iter()
        .chain(report.problems.iter())
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn the_good_fixture_validates_without_any_problem() {
    let (files, read_problems) = common::load_dir(&common::fixtures().join("good"));
    assert!(read_problems.is_empty(), "{read_problems:?}");
    let report = build_dataset(&files, common::today());
    let lines: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(lines.is_empty(), "problems:\n{}", lines.join("\n"));
    let data = report.dataset.expect("a dataset");
    assert_eq!(data.sectors().len(), 11);
    assert_eq!(data.events().len(), 3);
    assert_eq!(data.figures().len(), 7);
    assert_eq!(data.all_series().len(), 4);
}

#[test]
fn every_rule_has_a_fixture_with_an_expected_problem() {
    let bad = common::fixtures().join("bad");
    for rule in RULES {
        let expected =
            fs::read_to_string(bad.join(rule).join("expected.txt")).unwrap_or_else(|_| {
                panic!("rule {rule} has no tests/fixtures/data/bad/{rule}/expected.txt")
            });
        assert!(
            !expected.trim().is_empty(),
            "rule {rule} expects no problem"
        );
    }
    for entry in fs::read_dir(&bad).expect("the bad fixtures") {
        let name = entry
            .expect("an entry")
            .file_name()
            .into_string()
            .expect("a name");
        assert!(
            RULES.contains(&name.as_str()),
            "fixture {name} is not in RULES"
        );
    }
}

#[test]
fn each_rule_fixture_yields_exactly_its_expected_problems() {
    let bless = std::env::var_os("BLESS_DATA_FIXTURES").is_some();
    let mut failures = Vec::new();
    for rule in RULES {
        let dir = common::fixtures().join("bad").join(rule);
        let actual = problems_of(&dir);
        let expected_path = dir.join("expected.txt");
        if bless {
            fs::write(&expected_path, actual.join("\n") + "\n").expect("writable fixture");
            continue;
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        let expected: Vec<&str> = expected.lines().collect();
        if actual != expected {
            failures.push(format!(
                "rule {rule}:\n  expected:\n    {}\n  actual:\n    {}",
                expected.join("\n    "),
                actual.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_disputed_date_with_its_sources_validates_and_reaches_the_model() {
    let (mut files, _) = common::load_dir(&common::fixtures().join("good"));
    let events = files.events.take().expect("the good events");
    let disputed = events.replacen(
        "\"end\": null,",
        "\"other_dates\": [ { \"date\": \"1992-01\", \"sources\": [\"chinadaily-2025-advertorial\"] } ],",
        1,
    );
    assert_ne!(disputed, events);
    files.events = Some(disputed);
    let report = build_dataset(&files, common::today());
    let lines: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(lines.is_empty(), "problems:\n{}", lines.join("\n"));
    let data = report.dataset.expect("a dataset");
    let ties = data
        .events()
        .iter()
        .find(|e| e.id.as_str() == "1992-01-diplomatic-ties")
        .expect("the event");
    assert!(ties.is_disputed());
    assert_eq!(ties.when.end, None, "a disputed date is never a range");
    let dates: Vec<String> = ties
        .dates_with_sources()
        .iter()
        .map(|(date, sources)| format!("{date} {}", sources[0]))
        .collect();
    assert_eq!(
        dates,
        [
            "1992-01-03 chinadaily-2007-relations",
            "1992-01 chinadaily-2025-advertorial"
        ]
    );
}

#[test]
fn a_bad_other_date_is_left_out_and_the_event_kept_without_a_range() {
    for rule in ["other-date-same-as-date", "end-with-other-dates"] {
        let (files, _) = common::load_rule(&common::fixtures().join("bad").join(rule));
        let data = build_dataset(&files, common::today())
            .dataset
            .expect("a dataset");
        assert_eq!(data.events().len(), 3, "{rule}: every event is kept");
        for event in data.events() {
            match rule {
                "other-date-same-as-date" => assert!(!event.is_disputed(), "{rule}"),
                _ => assert!(event.when.end.is_none() || !event.is_disputed(), "{rule}"),
            }
        }
    }
    let (files, _) = common::load_rule(&common::fixtures().join("bad/end-with-other-dates"));
    let data = build_dataset(&files, common::today())
        .dataset
        .expect("a dataset");
    let visit = data
        .events()
        .iter()
        .find(|e| e.id.as_str() == "1992-02-pm-visit")
        .expect("the visit");
    assert!(visit.is_disputed() && visit.when.end.is_none());
}

#[test]
fn an_error_leaves_the_rest_of_the_data_usable() {
    let dir = common::fixtures().join("bad").join("dangling-source");
    let (files, _) = common::load_rule(&dir);
    let report = build_dataset(&files, common::today());
    let data = report.dataset.expect("a dataset despite the error");
    // The event with the dangling source is dropped; the others stay.
    assert_eq!(data.events().len(), 2);
    assert_eq!(data.figures().len(), 7);
}

#[test]
fn a_file_that_does_not_parse_yields_an_empty_collection_not_an_empty_dataset() {
    let dir = common::fixtures().join("bad").join("invalid-json");
    let (files, _) = common::load_rule(&dir);
    let report = build_dataset(&files, common::today());
    let data = report.dataset.expect("a dataset");
    assert!(data.events().is_empty());
    assert_eq!(data.figures().len(), 7);
}

#[test]
fn without_sources_no_dataset_is_built() {
    let dir = common::fixtures().join("bad").join("file-missing");
    let (files, _) = common::load_rule(&dir);
    let report = build_dataset(&files, common::today());
    assert!(report.dataset.is_none());
    assert!(report
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error));
}

/// Copies the good fixture with a rule's files over it into a fresh temporary folder.
fn materialise(rule: &str) -> std::path::PathBuf {
    let target = std::env::temp_dir().join(format!("validate-data-{}-{rule}", std::process::id()));
    let _ = fs::remove_dir_all(&target);
    for source in [
        common::fixtures().join("good"),
        common::fixtures().join("bad").join(rule),
    ] {
        for sub in ["", "text"] {
            let Ok(entries) = fs::read_dir(source.join(sub)) else {
                continue;
            };
            fs::create_dir_all(target.join(sub)).expect("temporary folder");
            for entry in entries.filter_map(Result::ok) {
                let name = entry.file_name();
                if name.to_string_lossy().ends_with(".json") {
                    fs::copy(entry.path(), target.join(sub).join(&name)).expect("copy");
                }
            }
        }
    }
    target
}

fn run_cli(dir: &Path) -> (bool, Vec<String>) {
    let output = Command::new(env!("CARGO_BIN_EXE_validate-data"))
        .args(["--today", "2026-11-28"])
        .arg(dir)
        .output()
        .expect("the validate-data binary runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (
        output.status.success(),
        stdout.lines().map(str::to_owned).collect(),
    )
}

#[test]
fn the_cli_accepts_the_good_fixture_and_prints_a_summary() {
    let (ok, lines) = run_cli(&common::fixtures().join("good"));
    assert!(ok, "{lines:?}");
    assert_eq!(
        lines,
        [
            "validate-data: 0 errors, 0 warnings (11 files, 4 sources, 11 sectors, 3 events, \
          7 figures, 4 series with 7 points, 1 comparison, 2 caveats, 10 steps, 2 places, 2 languages)"
        ]
    );
}

#[test]
fn the_cli_prints_each_problem_and_fails_on_an_error() {
    let dir = materialise("not-utf8");
    let (ok, lines) = run_cli(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert!(!ok);
    let expected = fs::read_to_string(common::fixtures().join("bad/not-utf8/expected.txt"))
        .expect("expected problems");
    for line in expected.lines() {
        assert!(
            lines.iter().any(|l| l == line),
            "missing {line:?} in {lines:?}"
        );
    }
    assert!(lines
        .last()
        .is_some_and(|l| l.starts_with("validate-data: 1 error, 0 warnings")));
}

#[test]
fn a_deferred_file_is_no_fault_and_its_items_are_simply_not_there_yet() {
    let (mut files, _) = common::load_dir(&common::fixtures().join("good"));
    for collection in Collection::CHARTS {
        *files.slot_mut(collection) = None;
    }
    files.deferred = Collection::CHARTS.to_vec();
    let report = build_dataset(&files, common::today());
    // Not "the file is missing", not the texts of series and comparisons as matching no id,
    // not the caveats' references to them as dangling, not sources as unreferenced.
    let lines: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(lines.is_empty(), "problems:\n{}", lines.join("\n"));
    let data = report.dataset.expect("a dataset");
    assert!(data.all_series().is_empty());
    assert!(data.comparisons().is_empty());
    assert_eq!(data.figures().len(), 7);
    assert_eq!(data.events().len(), 3);
    // The same slots missing without being deferred are faults, each reported.
    files.deferred.clear();
    let report = build_dataset(&files, common::today());
    for collection in Collection::CHARTS {
        let file = collection.file();
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.file == file && p.severity == Severity::Error),
            "{file} missing is not reported"
        );
    }
}

#[test]
fn reading_and_building_in_steps_gives_what_one_step_gives() {
    use cke_core::data::DatasetBuild;
    let lines = |report: &cke_core::data::Report| -> Vec<String> {
        report.problems.iter().map(|p| p.to_string()).collect()
    };
    for dir in [
        common::fixtures().join("good"),
        common::fixtures().join("bad").join("dangling-source"),
        common::fixtures().join("bad").join("file-missing"),
    ] {
        let (files, _) = if dir.ends_with("good") {
            common::load_dir(&dir)
        } else {
            common::load_rule(&dir)
        };
        let whole = build_dataset(&files, common::today());
        // Every step in its own call (the browser's tasks), a step taken twice, a step left to
        // the next, and the build left to `finish`.
        let runs: [&dyn Fn(&mut DatasetBuild); 4] = [
            &|build| {
                build.build_referenced();
                build.build_referring();
            },
            &|build| {
                build.build_referenced();
                build.build_referenced();
                build.build_referring();
                build.build_referring();
            },
            &|build| build.build_referring(),
            &|_| {},
        ];
        for (run, steps) in runs.iter().enumerate() {
            let mut stepped = DatasetBuild::read_collections(&files, common::today());
            stepped.read_texts();
            steps(&mut stepped);
            let stepped = stepped.finish();
            let at = format!("{} (run {run})", dir.display());
            assert_eq!(lines(&stepped), lines(&whole), "{at}");
            assert_eq!(stepped.dataset, whole.dataset, "{at}");
            assert_eq!(stepped.missing_texts, whole.missing_texts, "{at}");
        }
    }
}

#[test]
fn unlocated_problems_say_all_but_where_and_locating_them_gives_the_report() {
    use cke_core::data::DatasetBuild;
    // The browser decides on unlocated problems (whether a retry may help, whether a line repeats
    // a failed fetch) and places them only when it shows them, with code fetched then.
    let mut about_absent = 0;
    for rule in RULES {
        let (files, _) = common::load_rule(&common::fixtures().join("bad").join(rule));
        let report = build_dataset(&files, common::today());
        let unlocated = DatasetBuild::read(&files, common::today()).finish_unlocated();
        assert_eq!(unlocated.dataset, report.dataset, "{rule}");
        assert_eq!(unlocated.missing_texts, report.missing_texts, "{rule}");
        let located = unlocated.problems.locate();
        assert_eq!(located, report.problems, "{rule}");
        let key = |file: &str, path: &str, message: &str, absent: bool| {
            (file.to_owned(), path.to_owned(), message.to_owned(), absent)
        };
        let mut said: Vec<_> = unlocated
            .problems
            .iter()
            .map(|p| key(&p.file, &p.path, &p.message, p.is_about_absent_file()))
            .collect();
        let mut expected: Vec<_> = report
            .problems
            .iter()
            .map(|p| key(&p.file, &p.path, &p.message, p.line == 0))
            .collect();
        said.sort();
        expected.sort();
        assert_eq!(said, expected, "{rule}");
        about_absent += said.iter().filter(|said| said.3).count();
    }
    assert!(about_absent > 0, "no fixture has a missing file");
}
