//! The data core: the bundled JSON files → validated [`model::Dataset`] plus a list of problems.
//!
//! The chain is `text → serde_json::Value → raw (shape) → model (meaning)`; every arrow is a pure
//! function and nothing here is allowed to fail loudly: any input, however broken or hostile,
//! yields a [`Report`] with whatever could still be built and one [`Problem`] per fault, each
//! with file, JSON path and line:column.
//!
//! This module must never do I/O, read the clock, or depend on the UI framework or the browser
//! (no leptos, web_sys, js_sys, gloo, wasm_bindgen, std::fs, std::time). The caller fetches or
//! reads the files and passes "today" in, so the same code runs in the app, in the
//! `validate-data` CLI and in native tests.

pub mod collection;
pub mod locate;
pub mod model;
pub mod raw;
pub mod validate;

use std::fmt;

pub use collection::Collection;
pub use validate::{build_dataset, DatasetBuild, Unlocated, UnlocatedProblems, UnlocatedReport};

/// The text file of a language, relative to `data/`: `text_file("en") == "text/en.json"`.
pub fn text_file(lang: &str) -> String {
    format!("text/{lang}.json")
}

/// The raw text of each file; `None` means the file could not be fetched or read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataFiles {
    /// `sources.json`.
    pub sources: Option<String>,
    /// `sectors.json`.
    pub sectors: Option<String>,
    /// `events.json`.
    pub events: Option<String>,
    /// `figures.json`.
    pub figures: Option<String>,
    /// `series.json`.
    pub series: Option<String>,
    /// `comparisons.json`.
    pub comparisons: Option<String>,
    /// `caveats.json`.
    pub caveats: Option<String>,
    /// `story.json`.
    pub story: Option<String>,
    /// `places.json`.
    pub places: Option<String>,
    /// `(lang, text)` pairs of `text/<lang>.json`. English, when given, is the base every item
    /// needs its texts in; without English the first language is the base. The first language
    /// that is not the base becomes the dataset's chosen language.
    pub texts: Vec<(String, Option<String>)>,
    /// Collections deliberately not loaded yet (some of [`Collection::DEFERRED`]). Unlike a missing
    /// file, a deferred one is no fault: nothing is reported about it, references into it are
    /// not checked, and the dataset simply has none of its items until it is built again with
    /// the file. `sources.json` and `sectors.json` cannot be deferred.
    pub deferred: Vec<Collection>,
}

impl DataFiles {
    /// The text of a language-neutral file.
    pub fn slot_mut(&mut self, collection: Collection) -> &mut Option<String> {
        match collection {
            Collection::Sources => &mut self.sources,
            Collection::Sectors => &mut self.sectors,
            Collection::Events => &mut self.events,
            Collection::Figures => &mut self.figures,
            Collection::Series => &mut self.series,
            Collection::Comparisons => &mut self.comparisons,
            Collection::Caveats => &mut self.caveats,
            Collection::Story => &mut self.story,
            Collection::Places => &mut self.places,
        }
    }

    /// The text of a language-neutral file.
    pub fn slot(&self, collection: Collection) -> &Option<String> {
        match collection {
            Collection::Sources => &self.sources,
            Collection::Sectors => &self.sectors,
            Collection::Events => &self.events,
            Collection::Figures => &self.figures,
            Collection::Series => &self.series,
            Collection::Comparisons => &self.comparisons,
            Collection::Caveats => &self.caveats,
            Collection::Story => &self.story,
            Collection::Places => &self.places,
        }
    }
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The item (or field, or reference) is unusable and was left out of the dataset.
    Error,
    /// The data is usable; something deserves a look.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One fault in the data, with where to find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to `data/` (`events.json`, `text/zh.json`).
    pub file: String,
    /// The JSON path of the offending value, like `$.events[3].date`.
    pub path: String,
    /// 1-based line in the file; 0 when the file is missing.
    pub line: usize,
    /// 1-based column in characters; 0 when the file is missing.
    pub column: usize,
    /// What is wrong, naming the bad value.
    pub message: String,
}

impl fmt::Display for Problem {
    /// `error: events.json:12:15 $.events[3].date: date 1989-05 is before January 1992`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}:{}:{} {}: {}",
            self.severity, self.file, self.line, self.column, self.path, self.message
        )
    }
}

/// What [`build_dataset`] found.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Everything that could be built; `None` when `sources.json`, `sectors.json` or
    /// `text/en.json` is unusable.
    pub dataset: Option<model::Dataset>,
    /// Every problem, grouped by file and ordered by position within a file.
    pub problems: Vec<Problem>,
    /// How many texts items need are missing (or blank) in the base language; those items are
    /// left out. The browser then fetches English to fill them.
    pub missing_texts: usize,
}

impl Report {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == severity)
            .count()
    }
}

/// Decodes file bytes as UTF-8 for [`DataFiles`]. Bytes that are not UTF-8 become U+FFFD so the
/// rest of the file can still be checked, and the first bad byte is reported with its offset and
/// line:column.
pub fn decode_utf8(file: &str, bytes: Vec<u8>) -> (String, Option<Problem>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let valid = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let prefix = bytes.get(..valid).unwrap_or(&[]);
            let prefix = std::str::from_utf8(prefix).unwrap_or("");
            let location = locate::LineIndex::new(prefix).location(prefix.len());
            let problem = Problem {
                severity: Severity::Error,
                file: file.to_owned(),
                path: String::from("$"),
                line: location.line,
                column: location.column,
                message: format!(
                    "the file is not valid UTF-8: invalid byte at byte offset {valid}"
                ),
            };
            (String::from_utf8_lossy(&bytes).into_owned(), Some(problem))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_prints_as_severity_file_line_column_path_and_message() {
        let problem = Problem {
            severity: Severity::Error,
            file: String::from("events.json"),
            path: String::from("$.events[3].date"),
            line: 12,
            column: 15,
            message: String::from("date 1989-05 is before January 1992"),
        };
        assert_eq!(
            problem.to_string(),
            "error: events.json:12:15 $.events[3].date: date 1989-05 is before January 1992"
        );
    }

    #[test]
    fn text_files_live_under_text() {
        assert_eq!(text_file("en"), "text/en.json");
    }

    #[test]
    fn non_utf8_bytes_are_reported_with_their_offset_and_replaced() {
        let (text, problem) = decode_utf8("events.json", b"{\n  \"a\": \"\xff\"}".to_vec());
        let problem = problem.unwrap();
        assert_eq!(
            problem.to_string(),
            "error: events.json:2:9 $: the file is not valid UTF-8: invalid byte at byte offset 10"
        );
        assert!(text.contains('\u{fffd}'));
    }
}
