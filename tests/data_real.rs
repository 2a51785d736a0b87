//! The bundled data in `public/data/` satisfies the contract: no errors (warnings are allowed
//! and printed on failure only). "Today" is pinned so the test does not change with the clock.

// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use china_kazakhstan_explorer::data::model::SectorId;
use china_kazakhstan_explorer::data::{build_dataset, Severity};

#[test]
fn the_bundled_data_validates_without_errors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
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
