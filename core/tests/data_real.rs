//! The bundled data in `public/data/` satisfies the contract: no errors (warnings are allowed
//! and printed on failure only). "Today" is pinned so the test does not change with the clock.

// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use cke_core::data::model::SectorId;
use cke_core::data::{build_dataset, Collection, Severity};

#[test]
fn the_bundled_data_validates_without_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (files, read_problems) = common::load_dir(&dir);
    let report = build_dataset(&files, common::today());
    let problems: Vec<String> = read_problems
        .iter()
        .chain(report.problems.iter())
        .map(|p| p.to_string())
        .collect();
    let errors = read_problems
        .iter()
        .chain(report.problems.iter())
        .filter(|p| p.severity == Severity::Error)
        .count();
    assert_eq!(
        errors,
        0,
        "{errors} errors in public/data:\n{}",
        problems.join("\n")
    );

    let data = report.dataset.expect("a dataset");
    assert_eq!(data.sectors().len(), SectorId::ALL.len());
    assert!(data.as_of().is_some());
    for language in ["en", "zh", "ru", "kk"] {
        assert!(
            data.texts().languages().contains(&language),
            "text/{language}.json is not loaded"
        );
    }
}

/// The overview and the timeline are drawn before `series.json` and `comparisons.json` arrive
/// (`Collection::CHARTS`, fetched after the first view). Built without them, the bundled data
/// must give those views exactly what the full data gives, and report nothing the full data
/// does not report about the files it read (the editors' warnings, such as stale plans).
#[test]
fn without_the_chart_files_the_bundled_data_gives_the_first_views_all_they_show() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (mut files, _) = common::load_dir(&dir);
    let full_report = build_dataset(&files, common::today());
    let expected: Vec<String> = full_report
        .problems
        .iter()
        .filter(|p| Collection::from_file(&p.file).is_none_or(|c| !Collection::CHARTS.contains(&c)))
        .map(|p| p.to_string())
        .collect();
    let full = full_report.dataset.expect("a dataset");
    for collection in Collection::CHARTS {
        *files.slot_mut(collection) = None;
    }
    files.deferred = Collection::CHARTS.to_vec();
    let report = build_dataset(&files, common::today());
    let lines: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(lines, expected, "problems:\n{}", lines.join("\n"));
    assert!(report
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning));
    assert_eq!(report.missing_texts, 0);
    let first = report.dataset.expect("a dataset");
    assert!(first.all_series().is_empty() && first.comparisons().is_empty());
    assert!(!full.all_series().is_empty() && !full.comparisons().is_empty());
    assert_eq!(first.sources(), full.sources());
    assert_eq!(first.sectors(), full.sectors());
    assert_eq!(first.events(), full.events());
    assert_eq!(first.figures(), full.figures());
    assert_eq!(first.as_of(), full.as_of());
    // A caveat about a series also loses that reference; what figures and events show is whole.
    let ids = |caveats: Vec<&cke_core::data::model::Caveat>| -> Vec<String> {
        caveats.iter().map(|c| c.id.as_str().to_owned()).collect()
    };
    for figure in full.figures() {
        let id = &figure.id;
        assert_eq!(
            ids(first.caveats_for_figure(id)),
            ids(full.caveats_for_figure(id))
        );
    }
    for event in full.events() {
        let id = &event.id;
        assert_eq!(
            ids(first.caveats_for_event(id)),
            ids(full.caveats_for_event(id))
        );
    }
    assert_eq!(first.caveats().len(), full.caveats().len());
}

/// The guided story of the bundled data: 10 to 15 steps from 1992 to the data's last year, each
/// with its event, figure and heading in all four languages, placed left to right on its axis.
#[test]
fn the_bundled_story_runs_from_1992_with_every_step_resolved_in_four_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (files, _) = common::load_dir(&dir);
    let mut data = build_dataset(&files, common::today())
        .dataset
        .expect("a dataset");
    let story = data.story().to_vec();
    assert!((10..=15).contains(&story.len()), "{} steps", story.len());
    for step in &story {
        assert!(data.event(&step.event).is_some(), "{}", step.event);
        let figure = data.figure(&step.figure).expect("the step's figure");
        assert!(data.source(&figure.source).is_some());
    }
    for language in ["en", "zh", "ru", "kk"] {
        assert!(data.set_lang(language));
        for step in &story {
            let title = data.texts().lookup_in(language, &step.title_key());
            assert!(
                title.is_some_and(|title| !title.fallback),
                "{language}: {}",
                step.title_key()
            );
        }
    }
    let axis = cke_core::story::Axis::of(&data);
    assert_eq!(axis.steps.len(), story.len());
    assert_eq!(axis.steps.first().map(|(_, year)| *year), Some(1992));
    assert!(axis
        .steps
        .windows(2)
        .all(|pair| pair[0].0 <= pair[1].0 && (0.0..=1.0).contains(&pair[1].0)));
    assert_eq!(axis.last_year, 2026);
}
