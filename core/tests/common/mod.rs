//! Shared helpers of the native data tests: read a data folder the way `validate-data` does,
//! and layer a rule fixture over the good fixture.

// Each test crate uses a different part; a failed expectation panics, as tests do.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use cke_core::data::model::Date;
use cke_core::data::{decode_utf8, text_file, Collection, DataFiles, Problem};

/// The pinned "today" of every data test (never the system clock).
pub fn today() -> Date {
    Date::from_ymd(2026, 11, 28).expect("a real date")
}

/// `tests/fixtures/data`.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data")
}

/// The languages of `dir/text/*.json`, English first.
pub fn languages(dir: &Path) -> Vec<String> {
    let mut langs: Vec<String> = fs::read_dir(dir.join("text"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|name| name.strip_suffix(".json").map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    langs.sort_by_key(|lang| (lang != "en", lang.clone()));
    langs
}

/// Reads one file, decoding it like the CLI does (problems for bytes that are not UTF-8).
fn read(dir: &Path, name: &str, problems: &mut Vec<Problem>) -> Option<String> {
    let bytes = fs::read(dir.join(name)).ok()?;
    let (text, problem) = decode_utf8(name, bytes);
    problems.extend(problem);
    Some(text)
}

/// Reads a complete data folder.
pub fn load_dir(dir: &Path) -> (DataFiles, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut files = DataFiles::default();
    for collection in Collection::ALL {
        let text = read(dir, collection.file(), &mut problems);
        *files.slot_mut(collection) = text;
    }
    for lang in languages(dir) {
        let text = read(dir, &text_file(&lang), &mut problems);
        files.texts.push((lang, text));
    }
    (files, problems)
}

/// The good fixture with a rule folder's files laid over it: each `*.json` (and
/// `text/*.json`) of the folder replaces the good one, and each name listed in `missing.txt`
/// becomes a file that could not be read.
pub fn load_rule(rule: &Path) -> (DataFiles, Vec<Problem>) {
    let (mut files, mut problems) = load_dir(&fixtures().join("good"));
    for collection in Collection::ALL {
        let name = collection.file();
        if rule.join(name).exists() {
            *files.slot_mut(collection) = read(rule, name, &mut problems);
        }
    }
    for lang in languages(rule) {
        let text = read(rule, &text_file(&lang), &mut problems);
        match files.texts.iter_mut().find(|(l, _)| *l == lang) {
            Some(slot) => slot.1 = text,
            None => files.texts.push((lang, text)),
        }
    }
    if let Ok(missing) = fs::read_to_string(rule.join("missing.txt")) {
        for name in missing.lines().map(str::trim).filter(|l| !l.is_empty()) {
            match Collection::from_file(name) {
                Some(collection) => *files.slot_mut(collection) = None,
                None => {
                    for (lang, text) in &mut files.texts {
                        if text_file(lang) == name {
                            *text = None;
                        }
                    }
                }
            }
        }
    }
    (files, problems)
}
