//! Hostile and random input never makes `build_dataset` panic, hang or overflow the stack, and
//! whatever it still builds keeps the dataset's invariants. The random properties are fuzz runs
//! with a fixed budget and a printed report (`tests/fuzz/mod.rs`).

// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod fuzz;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{Map, Number, Value};

use cke_core::data::locate::Path;
use cke_core::data::model::Dataset;
use cke_core::data::raw::{self, Shape};
use cke_core::data::{build_dataset, Collection, DataFiles, Severity};

/// The number of file slots: seven neutral files plus two languages.
const SLOTS: usize = 9;

fn good() -> DataFiles {
    common::load_dir(&common::fixtures().join("good")).0
}

fn slot(files: &mut DataFiles, index: usize) -> &mut Option<String> {
    match Collection::ALL.get(index) {
        Some(collection) => files.slot_mut(*collection),
        None => {
            let lang = (index - Collection::ALL.len()) % files.texts.len();
            &mut files.texts[lang].1
        }
    }
}

/// Strings that mean something somewhere in the contract, so random values hit real paths.
fn meaningful_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("trade".to_owned()),
        Just("usd-bn".to_owned()),
        Just("wording".to_owned()),
        Just("date".to_owned()),
        Just("percent-change".to_owned()),
        Just("planned".to_owned()),
        Just("high".to_owned()),
        Just("exact".to_owned()),
        Just("1992-01-03".to_owned()),
        Just("1989".to_owned()),
        Just("2099-12".to_owned()),
        Just("2024-H1".to_owned()),
        Just("2023-09/2023-01".to_owned()),
        Just("gacc-2025-trade".to_owned()),
        Just("cda-trade-2024".to_owned()),
        Just("trade-total-cn-customs".to_owned()),
        Just("https://example.org".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("\u{feff}".to_owned()),
        Just(String::new()),
        "[a-z0-9-]{0,12}",
        any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "id",
            "date",
            "end",
            "value",
            "unit",
            "period",
            "as_of",
            "source",
            "sources",
            "sectors",
            "sector",
            "points",
            "derived",
            "formula",
            "from",
            "competing",
            "lang",
            "text",
            "events",
            "figures",
            "series",
            "comparisons",
            "caveats",
            "applies_to",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        meaningful_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Checks what a validated dataset promises the views.
fn assert_invariants(data: &Dataset) {
    for figure in data.figures() {
        assert!(data.source(&figure.source).is_some());
        assert!(!figure.sectors.is_empty());
        for other in &figure.competing {
            assert!(data.figure(other).is_some());
        }
        if let Some(value) = figure.value() {
            assert!(value.is_finite());
        }
        assert!(data.text(&figure.label_key()).is_some());
    }
    for pair in data.events().windows(2) {
        assert!(pair[0].when.first_day() <= pair[1].when.first_day());
    }
    for event in data.events() {
        assert!(!event.sources.is_empty());
        assert!(event.sources.iter().all(|s| data.source(s).is_some()));
        assert!(data.text(&event.title_key()).is_some());
    }
    for series in data.all_series() {
        for pair in series.points.windows(2) {
            assert!(pair[0].period < pair[1].period);
            assert_eq!(pair[0].period.kind(), pair[1].period.kind());
        }
        for point in &series.points {
            assert!(point.value.is_finite());
            assert!(point.sources.iter().all(|s| data.source(s).is_some()));
            assert!(!point.sources.is_empty());
        }
    }
    for comparison in data.comparisons() {
        assert!(comparison.series.iter().all(|s| data.series(s).is_some()));
    }
    for sector in data.sectors() {
        assert!(sector.key_figures.iter().all(|f| data.figure(f).is_some()));
    }
    for caveat in data.caveats() {
        let a = &caveat.applies_to;
        assert!(a.figures.iter().all(|f| data.figure(f).is_some()));
        assert!(a.events.iter().all(|e| data.event(e).is_some()));
        assert!(a.series.iter().all(|s| data.series(s).is_some()));
        assert!(a.comparisons.iter().all(|c| data.comparison(c).is_some()));
    }
}

/// Runs the validator and checks the report is well formed.
fn check(files: &DataFiles) {
    let report = build_dataset(files, common::today());
    for problem in &report.problems {
        // Every problem prints on one line and, unless its file is missing, has a position.
        let line = problem.to_string();
        assert!(!line.contains('\n'), "{line}");
        assert!(
            problem.line >= 1 || problem.message.contains("missing"),
            "{line}"
        );
    }
    if let Some(data) = &report.dataset {
        assert_invariants(data);
    }
}

/// All JSON paths of a value, as index/key steps (iteratively, to stay bounded).
fn all_paths(value: &Value) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let mut stack = vec![(Vec::new(), value)];
    while let Some((path, value)) = stack.pop() {
        match value {
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(Step::Index(i));
                    stack.push((p, item));
                }
            }
            Value::Object(map) => {
                for (k, item) in map {
                    let mut p = path.clone();
                    p.push(Step::Key(k.clone()));
                    stack.push((p, item));
                }
            }
            _ => {}
        }
        out.push(path);
    }
    out
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// What to do at the chosen path.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(Value),
    Remove,
    AddField(String, Value),
    Duplicate,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => json_value().prop_map(Mutation::Replace),
        2 => Just(Mutation::Remove),
        1 => (key(), json_value()).prop_map(|(k, v)| Mutation::AddField(k, v)),
        1 => Just(Mutation::Duplicate),
    ]
}

/// Applies a mutation at a path; the root itself is only ever replaced.
fn mutate(root: &mut Value, path: &[Step], mutation: Mutation) {
    let Some((last, parent_path)) = path.split_last() else {
        if let Mutation::Replace(value) = mutation {
            *root = value;
        }
        return;
    };
    let mut parent = root;
    for step in parent_path {
        parent = match (step, parent) {
            (Step::Key(k), Value::Object(map)) => map.get_mut(k).expect("path exists"),
            (Step::Index(i), Value::Array(items)) => &mut items[*i],
            _ => return,
        };
    }
    match (last, parent, mutation) {
        (Step::Key(k), Value::Object(map), Mutation::Replace(v)) => {
            map.insert(k.clone(), v);
        }
        (Step::Key(k), Value::Object(map), Mutation::Remove) => {
            map.remove(k);
        }
        (Step::Index(i), Value::Array(items), Mutation::Replace(v)) => items[*i] = v,
        (Step::Index(i), Value::Array(items), Mutation::Remove) => {
            items.remove(*i);
        }
        (Step::Index(i), Value::Array(items), Mutation::Duplicate) => {
            let copy = items[*i].clone();
            items.push(copy);
        }
        (Step::Key(k), Value::Object(map), Mutation::Duplicate) => {
            let copy = map[k].clone();
            map.insert(format!("{k}-copy"), copy);
        }
        (_, Value::Object(map), Mutation::AddField(k, v)) => {
            map.insert(k, v);
        }
        _ => {}
    }
}

/// Inputs per property in the test command's fixed budget (`CKE_FUZZ_CASES` overrides it):
/// each input builds a whole dataset, so fewer than the URL parser's.
const CASES: u32 = 256;

#[test]
fn fuzz_arbitrary_text_in_any_file_never_panics() {
    fuzz::fuzz(
        "data/text",
        CASES,
        (0..SLOTS, any::<String>()),
        |(index, text)| {
            let mut files = good();
            *slot(&mut files, index) = Some(text);
            check(&files);
            Ok(())
        },
    );
}

#[test]
fn fuzz_arbitrary_bytes_in_any_file_never_panic() {
    let bytes = prop::collection::vec(any::<u8>(), 0..256);
    fuzz::fuzz("data/bytes", CASES, (0..SLOTS, bytes), |(index, bytes)| {
        let mut files = good();
        *slot(&mut files, index) = Some(String::from_utf8_lossy(&bytes).into_owned());
        check(&files);
        Ok(())
    });
}

#[test]
fn fuzz_arbitrary_json_in_any_file_never_panics() {
    fuzz::fuzz(
        "data/json",
        CASES,
        (0..SLOTS, json_value()),
        |(index, value)| {
            let mut files = good();
            *slot(&mut files, index) = Some(value.to_string());
            check(&files);
            Ok(())
        },
    );
}

#[test]
fn fuzz_a_mutated_good_fixture_never_panics_and_keeps_its_invariants() {
    let strategy = (
        0..SLOTS,
        any::<prop::sample::Index>(),
        mutation(),
        any::<bool>(),
    );
    fuzz::fuzz(
        "data/mutated_fixture",
        CASES,
        strategy,
        |(index, choice, mutation, pretty)| {
            let mut files = good();
            let target = slot(&mut files, index);
            let mut value: Value =
                serde_json::from_str(target.as_deref().expect("a good file")).expect("good JSON");
            let paths = all_paths(&value);
            let path = paths[choice.index(paths.len())].clone();
            mutate(&mut value, &path, mutation);
            *target = Some(if pretty {
                serde_json::to_string_pretty(&value).expect("serialisable")
            } else {
                value.to_string()
            });
            check(&files);
            Ok(())
        },
    );
}

/// Whether the quick shape test, the full shape check and serde agree on one element. The
/// validator hands an element that passes the quick test straight to serde and runs the full
/// check (for located messages) only on one that fails it: a disagreement would let a fault
/// pass unreported, or report a fault in valid data.
fn shape_and_serde_agree<T: Shape + serde::de::DeserializeOwned>(value: &Value) -> bool {
    let mut errors = Vec::new();
    T::check(value, &Path::root(), &mut errors);
    T::valid(value) == errors.is_empty() && (!errors.is_empty() || T::deserialize(value).is_ok())
}

#[test]
fn fuzz_the_quick_shape_test_the_full_check_and_serde_agree() {
    // (file slot, list key, checker) for every list of elements.
    type Agree = fn(&Value) -> bool;
    let lists: [(usize, &str, Agree); 7] = [
        (0, "sources", shape_and_serde_agree::<raw::Source>),
        (1, "sectors", shape_and_serde_agree::<raw::Sector>),
        (2, "events", shape_and_serde_agree::<raw::Event>),
        (3, "figures", shape_and_serde_agree::<raw::Figure>),
        (4, "series", shape_and_serde_agree::<raw::Series>),
        (5, "comparisons", shape_and_serde_agree::<raw::Comparison>),
        (6, "caveats", shape_and_serde_agree::<raw::Caveat>),
    ];
    let strategy = (
        0..lists.len(),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
        mutation(),
    );
    fuzz::fuzz(
        "data/shape_agrees_with_serde",
        CASES * 4,
        strategy,
        |(list, element, at, mutation)| {
            let (index, key, agree) = lists[list];
            let mut files = good();
            let file: Value =
                serde_json::from_str(slot(&mut files, index).as_deref().expect("a good file"))
                    .expect("good JSON");
            let items = file[key].as_array().expect("a list");
            let mut item = items[element.index(items.len())].clone();
            prop_assert!(agree(&item), "the good element disagrees: {item}");
            let paths = all_paths(&item);
            let path = paths[at.index(paths.len())].clone();
            mutate(&mut item, &path, mutation);
            prop_assert!(agree(&item), "serde and the shape check disagree on {item}");
            Ok(())
        },
    );
}

#[test]
fn fuzz_random_files_in_every_slot_at_once_never_panic() {
    let all = prop::collection::vec(json_value(), SLOTS);
    fuzz::fuzz("data/every_slot", CASES / 2, all, |values| {
        let mut files = good();
        for (i, value) in values.iter().enumerate() {
            *slot(&mut files, i) = Some(value.to_string());
        }
        check(&files);
        Ok(())
    });
}

fn first_error_in(files: &DataFiles, file: &str) -> String {
    let report = build_dataset(files, common::today());
    report
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error && p.file == file)
        .map(|p| p.to_string())
        .unwrap_or_else(|| panic!("no error for {file}"))
}

#[test]
fn a_ten_megabyte_string_is_an_error_not_a_hang() {
    let huge = format!("\"{}\"", "a".repeat(10 * 1024 * 1024));
    for index in 0..SLOTS {
        let mut files = good();
        *slot(&mut files, index) = Some(huge.clone());
        let name = match Collection::ALL.get(index) {
            Some(collection) => collection.file().to_owned(),
            None => format!(
                "text/{}.json",
                files.texts[(index - Collection::ALL.len()) % files.texts.len()].0
            ),
        };
        let error = first_error_in(&files, &name);
        assert!(
            error.contains("the file is too large: 10485762 bytes"),
            "{error}"
        );
    }
}

#[test]
fn a_ten_megabyte_text_inside_valid_json_is_an_error() {
    let mut files = good();
    let en = files.texts[0].1.as_mut().expect("English");
    *en = en.replacen(
        "\"Trade\"",
        &format!("\"{}\"", "x".repeat(10 * 1024 * 1024)),
        1,
    );
    let error = first_error_in(&files, "text/en.json");
    assert!(error.contains("the file is too large"), "{error}");
}

#[test]
fn ten_thousand_levels_of_nesting_are_an_error_not_a_stack_overflow() {
    let deep = "[".repeat(10_000);
    let deep_object = "{\"events\":".repeat(10_000);
    for text in [deep, deep_object] {
        for index in 0..SLOTS {
            let mut files = good();
            *slot(&mut files, index) = Some(text.clone());
            let report = build_dataset(&files, common::today());
            assert!(
                report.problems.iter().any(|p| p.severity == Severity::Error
                    && p.message == "invalid JSON: nested more than 128 levels deep"),
                "{:?}",
                report.problems
            );
        }
    }
}

#[test]
fn a_text_map_with_many_keys_is_checked_in_linear_time() {
    // 20,000 unknown keys on one line: one warning each, located in one sweep. (Junk keys do
    // not count as missing in the other language, so there is no further warning.)
    let mut files = good();
    let mut map = BTreeMap::new();
    for i in 0..20_000 {
        map.insert(format!("event.none-{i}.title"), "x".to_owned());
    }
    let extra = serde_json::to_string(&map).expect("serialisable");
    let en = files.texts[0].1.as_mut().expect("English");
    *en = en.replacen(
        "\"text\": {",
        &format!("\"text\": {{{},", &extra[1..extra.len() - 1]),
        1,
    );
    let report = build_dataset(&files, common::today());
    assert_eq!(report.warnings(), 20_000, "{:?}", &report.problems[..3]);
    assert_eq!(report.errors(), 0);
}
