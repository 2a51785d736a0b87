//! The rules of the format contract (`public/data/README.md`), applied to raw files.
//!
//! [`build_dataset`] parses every file, checks shapes (`raw`), then meaning: ids, references,
//! dates, periods, units, values, sources and texts. Each fault becomes a [`Problem`] with file,
//! JSON path and line:column. An error removes the smallest unit that carries it: a bad
//! reference in a list drops that reference, a bad optional field (a source's `url`, an event's
//! `end`) drops the field, anything else drops the item. Items that only lose something because
//! another item was dropped (a figure whose only source was dropped) leave silently: the root
//! cause has already been reported once.
//!
//! This module must never panic, recurse over input, do I/O or read the clock: "today" is a
//! parameter. Its work is linear in the size of the input.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::locate::{self, LineIndex, Location, Path};
use super::model::{
    self, AppliesTo, CaveatId, ComparisonId, Confidence, Date, DateError, Derived, EventId,
    FigureId, Flow, InAdvertorial, Mark, Parts, Period, Qualifier, Reporter, SectorId, SeriesId,
    SourceId, SourceType, Status, Texts, Unit, FIRST_YEAR,
};
use super::raw::{self, quote, Shape};
use super::{text_file, DataFiles, Problem, Report, Severity, NEUTRAL_FILES};

/// Files larger than this are refused unread: the real files are far smaller, and a huge file
/// is a mistake or an attack that should not stall the reader's browser.
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// The largest magnitude a value may have. Units are already scaled (`usd-bn`, `mt`, `people`…),
/// so no real quantity comes near a trillion of its unit; a larger value is a slip (a wrong unit,
/// a misplaced decimal point) or an attack, and would fill the reader's screen with digits.
pub const MAX_VALUE: f64 = 1e12;

/// The number of rows of the fact base's timeline (`factbase_row` is 1 to this).
pub const FACTBASE_ROWS: u32 = 76;

/// The number of rows of the fact base's 2026 update (`factbase_update_row` is `U1` to this).
pub const FACTBASE_UPDATE_ROWS: u32 = 32;

/// Parses and validates everything. Degrades: a file that fails to parse yields an error and an
/// empty collection, and everything that can still be built is built; the dataset is `Some`
/// unless `sources.json`, `sectors.json` or `text/en.json` is unusable. Never panics.
pub fn build_dataset(files: &DataFiles, today: Date) -> Report {
    let mut v = Validator::new(files, today);
    let dataset = v.run();
    Report {
        dataset,
        missing_texts: v.missing_texts,
        problems: v.finish(),
    }
}

// ---------------------------------------------------------------------------------------------
// Problem collection
// ---------------------------------------------------------------------------------------------

/// Which position of a path a problem points at.
#[derive(Clone, Copy, Debug)]
enum Anchor {
    /// The start of the value.
    Value,
    /// The member's key (for unknown fields).
    Key,
    /// A position known without a path (syntax errors, file-level notes).
    At(Location),
    /// The file is missing: 0:0.
    Nowhere,
}

#[derive(Clone, Debug)]
struct Pending {
    severity: Severity,
    path: Path,
    anchor: Anchor,
    message: String,
}

/// One file being checked: its name, its text once read, and its problems so far.
#[derive(Debug)]
struct FileLog<'a> {
    name: String,
    text: Option<&'a str>,
    pending: Vec<Pending>,
}

/// Index of a file in [`Validator::files`].
type FileIx = usize;
const F_SOURCES: FileIx = 0;
const F_SECTORS: FileIx = 1;
const F_EVENTS: FileIx = 2;
const F_FIGURES: FileIx = 3;
const F_SERIES: FileIx = 4;
const F_COMPARISONS: FileIx = 5;
const F_CAVEATS: FileIx = 6;

// ---------------------------------------------------------------------------------------------
// Ids declared per file, for reference checks
// ---------------------------------------------------------------------------------------------

/// The kinds of item that can be referenced by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Source,
    Event,
    Figure,
    Series,
    Comparison,
    Caveat,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Event => "event",
            Kind::Figure => "figure",
            Kind::Series => "series",
            Kind::Comparison => "comparison",
            Kind::Caveat => "caveat",
        }
    }

    fn file(self) -> &'static str {
        match self {
            Kind::Source => super::SOURCES,
            Kind::Event => super::EVENTS,
            Kind::Figure => super::FIGURES,
            Kind::Series => super::SERIES,
            Kind::Comparison => super::COMPARISONS,
            Kind::Caveat => super::CAVEATS,
        }
    }
}

/// Ids that exist in each file (well formed, first of duplicates), whether or not the item
/// survived validation, and which collections could be read at all.
#[derive(Debug, Default)]
struct Declared {
    sources: BTreeSet<String>,
    events: BTreeSet<String>,
    figures: BTreeSet<String>,
    series: BTreeSet<String>,
    comparisons: BTreeSet<String>,
    caveats: BTreeSet<String>,
    sectors: BTreeSet<SectorId>,
    /// The period strings of each declared series, for `series.<id>.point.<period>.note`.
    series_periods: BTreeMap<String, BTreeSet<String>>,
    /// Series that failed the shape check: their point periods are unknown.
    broken_series: BTreeSet<String>,
    /// Collections that could not be read (references into them and their text keys are not
    /// checked: the file's own error says why).
    unreadable: HashSet<&'static str>,
}

impl Declared {
    fn of(&self, kind: Kind) -> &BTreeSet<String> {
        match kind {
            Kind::Source => &self.sources,
            Kind::Event => &self.events,
            Kind::Figure => &self.figures,
            Kind::Series => &self.series,
            Kind::Comparison => &self.comparisons,
            Kind::Caveat => &self.caveats,
        }
    }
}

/// The raw items of every collection that passed the shape check, with their paths.
#[derive(Debug, Default)]
struct RawData {
    sources: Vec<(Path, raw::Source)>,
    as_of: Option<(Path, String)>,
    sectors: Option<Vec<(Path, raw::Sector)>>,
    events: Vec<(Path, raw::Event)>,
    figures: Vec<(Path, raw::Figure)>,
    series: Vec<(Path, raw::Series)>,
    comparisons: Vec<(Path, raw::Comparison)>,
    caveats: Vec<(Path, raw::Caveat)>,
}

/// What `sectors.json` yielded: its `as_of` (when a string) and its sectors (when a list).
type SectorsRead = (Option<(Path, String)>, Option<Vec<(Path, raw::Sector)>>);

/// The texts of one language as read.
#[derive(Debug)]
struct LangTexts {
    lang: String,
    file: FileIx,
    map: BTreeMap<String, String>,
    /// Keys present with a value of the wrong type (already reported).
    bad_keys: BTreeSet<String>,
}

/// The validator's working state for one [`build_dataset`] call.
struct Validator<'a> {
    input: &'a DataFiles,
    files: Vec<FileLog<'a>>,
    today: Date,
    /// The latest date a fact may have: the data's `as_of` (or today when it is unusable).
    limit: Date,
    limit_is_as_of: bool,
    declared: Declared,
    /// The texts every item must have: English, or the one language loaded without it.
    base: Option<LangTexts>,
    others: Vec<LangTexts>,
    /// Source ids referenced anywhere (even from items that were dropped).
    referenced_sources: HashSet<String>,
    /// `(figure, competitor, path of the reference)` for the mutual-link warning.
    competing_links: Vec<(String, String, Path)>,
    /// Ids of items that failed the shape check, per file.
    broken_ids: HashMap<FileIx, Vec<String>>,
    /// Texts of items missing in the base language (each an error, and its item left out).
    missing_texts: usize,
}

impl<'a> Validator<'a> {
    fn new(input: &'a DataFiles, today: Date) -> Self {
        let files = NEUTRAL_FILES
            .iter()
            .map(|name| FileLog {
                name: (*name).to_owned(),
                text: None,
                pending: Vec::new(),
            })
            .collect();
        Validator {
            input,
            files,
            today,
            limit: today,
            limit_is_as_of: false,
            declared: Declared::default(),
            base: None,
            others: Vec::new(),
            referenced_sources: HashSet::new(),
            competing_links: Vec::new(),
            broken_ids: HashMap::new(),
            missing_texts: 0,
        }
    }

    fn push(
        &mut self,
        file: FileIx,
        severity: Severity,
        path: Path,
        anchor: Anchor,
        message: String,
    ) {
        if let Some(log) = self.files.get_mut(file) {
            log.pending.push(Pending {
                severity,
                path,
                anchor,
                message,
            });
        }
    }

    fn error(&mut self, file: FileIx, path: &Path, message: String) {
        self.push(file, Severity::Error, path.clone(), Anchor::Value, message);
    }

    fn warn(&mut self, file: FileIx, path: &Path, message: String) {
        self.push(
            file,
            Severity::Warning,
            path.clone(),
            Anchor::Value,
            message,
        );
    }

    // -----------------------------------------------------------------------------------------
    // The whole run
    // -----------------------------------------------------------------------------------------

    fn run(&mut self) -> Option<model::Dataset> {
        let input = self.input;
        let sources = self.read_sources(input.sources.as_deref());
        let sources_ok = sources.is_some();
        let raw_sectors = self.read_sectors(input.sectors.as_deref());
        let mut raw = RawData {
            sources: sources.unwrap_or_default(),
            as_of: raw_sectors.as_ref().and_then(|(as_of, _)| as_of.clone()),
            sectors: raw_sectors.and_then(|(_, sectors)| sectors),
            ..RawData::default()
        };
        raw.events = self.read_collection(F_EVENTS, input.events.as_deref(), "events");
        raw.figures = self.read_collection(F_FIGURES, input.figures.as_deref(), "figures");
        raw.series = self.read_collection(F_SERIES, input.series.as_deref(), "series");
        raw.comparisons =
            self.read_collection(F_COMPARISONS, input.comparisons.as_deref(), "comparisons");
        raw.caveats = self.read_collection(F_CAVEATS, input.caveats.as_deref(), "caveats");
        self.read_texts();

        self.declare(&mut raw);
        let as_of = self.check_as_of(raw.as_of.as_ref());

        let sources = self.build_sources(&raw.sources);
        let figures = self.build_figures(&raw.figures);
        let series = self.build_series(&raw.series);
        let events = self.build_events(&raw.events);
        let comparisons = self.build_comparisons(&raw.comparisons);
        let caveats = self.build_caveats(&raw.caveats);
        let sectors = match &raw.sectors {
            Some(sectors) => self.build_sectors(sectors),
            None => Vec::new(),
        };

        let mut parts = Parts {
            as_of,
            sources,
            sectors,
            events,
            figures,
            series,
            comparisons,
            caveats,
            texts: Texts::default(),
        };
        prune(&mut parts);

        self.warn_unreferenced_sources(&raw.sources);
        self.warn_one_sided_competing(&parts);
        self.check_text_keys();

        let usable = sources_ok && raw.sectors.is_some() && self.base.is_some();
        let base = self.base.take()?;
        parts.texts = Texts::new(
            (base.lang, base.map),
            self.others
                .drain(..)
                .map(|lang| (lang.lang, lang.map))
                .collect(),
        );
        usable.then(|| model::Dataset::from_parts(parts))
    }

    /// Resolves every pending problem to a line and column, grouped by file in file order and
    /// sorted by position within a file.
    fn finish(&mut self) -> Vec<Problem> {
        let mut problems = Vec::new();
        for log in &self.files {
            let paths: Vec<&Path> = log.pending.iter().map(|p| &p.path).collect();
            let found = match log.text {
                Some(text) if !paths.is_empty() => locate::locate_all(text, &paths),
                _ => vec![None; paths.len()],
            };
            let mut located: Vec<Problem> = log
                .pending
                .iter()
                .zip(found)
                .map(|(pending, found)| {
                    let location = match (pending.anchor, found) {
                        (Anchor::Nowhere, _) => Location { line: 0, column: 0 },
                        (Anchor::At(location), _) => location,
                        (Anchor::Key, Some(found)) => found.key.unwrap_or(found.value),
                        (Anchor::Value, Some(found)) => found.value,
                        (_, None) => Location { line: 1, column: 1 },
                    };
                    Problem {
                        severity: pending.severity,
                        file: log.name.clone(),
                        path: pending.path.to_string(),
                        line: location.line,
                        column: location.column,
                        message: pending.message.clone(),
                    }
                })
                .collect();
            located.sort_by_key(|p| (p.line, p.column));
            problems.extend(located);
        }
        problems
    }

    // -----------------------------------------------------------------------------------------
    // Reading files
    // -----------------------------------------------------------------------------------------

    /// Reads one file to a JSON value, reporting a missing, empty, oversized or malformed file.
    fn load(&mut self, file: FileIx, text: Option<&'a str>) -> Option<Value> {
        let root = Path::root();
        let Some(text) = text else {
            self.push(
                file,
                Severity::Error,
                root,
                Anchor::Nowhere,
                String::from("the file is missing or could not be read"),
            );
            return None;
        };
        let start = Anchor::At(Location { line: 1, column: 1 });
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                self.push(
                    file,
                    Severity::Warning,
                    root.clone(),
                    start,
                    String::from(
                        "the file starts with a UTF-8 byte order mark (BOM); it was ignored",
                    ),
                );
                rest
            }
            None => text,
        };
        if let Some(log) = self.files.get_mut(file) {
            log.text = Some(text);
        }
        if text.len() > MAX_FILE_BYTES {
            self.push(
                file,
                Severity::Error,
                root,
                start,
                format!(
                    "the file is too large: {} bytes; the limit is {MAX_FILE_BYTES} bytes (4 MiB)",
                    text.len()
                ),
            );
            return None;
        }
        if text.trim().is_empty() {
            self.push(
                file,
                Severity::Error,
                root,
                start,
                String::from("file is empty"),
            );
            return None;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(value) => Some(value),
            Err(error) => {
                let location = LineIndex::new(text).from_serde(error.line(), error.column());
                let full = error.to_string();
                let message = match full.rsplit_once(" at line ") {
                    Some((message, _)) => message,
                    None => full.as_str(),
                };
                // serde_json's wording for these two says nothing to a data editor.
                let message = if message.contains("recursion limit") {
                    "nested more than 128 levels deep"
                } else if message.contains("number out of range") {
                    "number out of range; values must be finite numbers"
                } else {
                    message
                };
                self.push(
                    file,
                    Severity::Error,
                    root,
                    Anchor::At(location),
                    format!("invalid JSON: {message}"),
                );
                None
            }
        }
    }

    /// Checks that the top level is an object with exactly the given keys (missing keys are
    /// reported where they are needed).
    fn top_level<'v>(
        &mut self,
        file: FileIx,
        value: &'v Value,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let root = Path::root();
        let Some(map) = value.as_object() else {
            self.error(
                file,
                &root,
                format!(
                    "expected an object with the fields {}, found {}",
                    keys.join(", "),
                    raw::describe(value)
                ),
            );
            return None;
        };
        for key in map.keys() {
            if !keys.contains(&key.as_str()) {
                self.push(
                    file,
                    Severity::Error,
                    root.key(key),
                    Anchor::Key,
                    format!(
                        "unknown field {}; expected one of {}",
                        quote(key),
                        keys.join(", ")
                    ),
                );
            }
        }
        Some(map)
    }

    /// Reads a top-level list; `None` (with an error) when it is missing or not a list.
    fn list<'v>(
        &mut self,
        file: FileIx,
        map: &'v Map<String, Value>,
        key: &str,
    ) -> Option<&'v Vec<Value>> {
        match map.get(key) {
            None => {
                self.error(
                    file,
                    &Path::root(),
                    format!("missing required field {}", quote(key)),
                );
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.error(
                    file,
                    &Path::root().key(key),
                    format!("expected a list, found {}", raw::describe(other)),
                );
                None
            }
        }
    }

    /// Checks and deserializes each element on its own, so one bad element drops only itself.
    fn elements<T: Shape + DeserializeOwned>(
        &mut self,
        file: FileIx,
        items: &[Value],
        key: &str,
    ) -> Vec<(Path, T)> {
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = Path::root().key(key).index(i);
            // A valid element (nearly every one) passes the quick shape test; only a broken one
            // pays for the full check, which builds a path for every field to name each fault.
            if T::valid(item) {
                match T::deserialize(item) {
                    Ok(value) => out.push((path, value)),
                    // The shape check and serde are generated from one field list, so this is
                    // not expected; if they ever disagree, serde's message is still reported.
                    Err(error) => self.error(file, &path, error.to_string()),
                }
                continue;
            }
            let mut errors = Vec::new();
            T::check(item, &path, &mut errors);
            if !errors.is_empty() {
                // The broken item still declares its id, so references to it and its texts are
                // not reported as dangling: the one real fault is reported here.
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    self.broken_ids.entry(file).or_default().push(id.to_owned());
                }
                for error in errors {
                    let anchor = if error.at_key {
                        Anchor::Key
                    } else {
                        Anchor::Value
                    };
                    self.push(file, Severity::Error, error.path, anchor, error.message);
                }
                continue;
            }
            match T::deserialize(item) {
                Ok(value) => out.push((path, value)),
                // The shape check and serde are generated from one field list, so this is not
                // expected; if they ever disagree, serde's message is still reported.
                Err(error) => self.error(file, &path, error.to_string()),
            }
        }
        out
    }

    /// Reads a file of the form `{ "<key>": [ … ] }`; `None` when the file is unusable.
    fn read_list<T: Shape + DeserializeOwned>(
        &mut self,
        file: FileIx,
        text: Option<&'a str>,
        key: &'static str,
    ) -> Option<Vec<(Path, T)>> {
        let value = self.load(file, text)?;
        let map = self.top_level(file, &value, &[key])?;
        let items = self.list(file, map, key)?;
        Some(self.elements(file, items, key))
    }

    fn read_collection<T: Shape + DeserializeOwned>(
        &mut self,
        file: FileIx,
        text: Option<&'a str>,
        key: &'static str,
    ) -> Vec<(Path, T)> {
        let name = NEUTRAL_FILES.get(file).copied();
        if name.is_some_and(|name| self.input.deferred.contains(&name)) {
            // Not loaded yet, on purpose: treated like an unreadable file but not reported.
            if let Some(name) = name {
                self.declared.unreadable.insert(name);
            }
            return Vec::new();
        }
        match self.read_list(file, text, key) {
            Some(items) => items,
            None => {
                if let Some(name) = NEUTRAL_FILES.get(file) {
                    self.declared.unreadable.insert(name);
                }
                Vec::new()
            }
        }
    }

    fn read_sources(&mut self, text: Option<&'a str>) -> Option<Vec<(Path, raw::Source)>> {
        let sources = self.read_list(F_SOURCES, text, "sources");
        if sources.is_none() {
            self.declared.unreadable.insert(super::SOURCES);
        }
        sources
    }

    /// Reads `sectors.json`: its `as_of` (when a string) and its sectors (`None` when unusable).
    fn read_sectors(&mut self, text: Option<&'a str>) -> Option<SectorsRead> {
        let Some(value) = self.load(F_SECTORS, text) else {
            self.declared.unreadable.insert(super::SECTORS);
            return None;
        };
        let Some(map) = self.top_level(F_SECTORS, &value, &["as_of", "sectors"]) else {
            self.declared.unreadable.insert(super::SECTORS);
            return None;
        };
        let as_of_path = Path::root().key("as_of");
        let as_of = match map.get("as_of") {
            Some(Value::String(s)) => Some((as_of_path, s.clone())),
            Some(other) => {
                self.error(
                    F_SECTORS,
                    &as_of_path,
                    format!("expected a string, found {}", raw::describe(other)),
                );
                None
            }
            None => {
                self.error(
                    F_SECTORS,
                    &Path::root(),
                    String::from("missing required field \"as_of\""),
                );
                None
            }
        };
        let sectors = self
            .list(F_SECTORS, map, "sectors")
            .map(|items| self.elements(F_SECTORS, items, "sectors"));
        if sectors.is_none() {
            self.declared.unreadable.insert(super::SECTORS);
        }
        Some((as_of, sectors))
    }

    /// Reads every `text/<lang>.json`. English is the base every item needs its texts in; when
    /// English is not given at all (the browser fetches only the reader's language), the first
    /// language given is the base instead.
    fn read_texts(&mut self) {
        let input = self.input;
        let mut seen: HashSet<&str> = HashSet::new();
        let mut has_english = false;
        for (lang, text) in &input.texts {
            let file = self.files.len();
            self.files.push(FileLog {
                name: text_file(lang),
                text: None,
                pending: Vec::new(),
            });
            if !is_language_code(lang) {
                self.push(
                    file,
                    Severity::Error,
                    Path::root(),
                    Anchor::Nowhere,
                    format!(
                        "language code {} is not two or three lowercase letters; the file was ignored",
                        quote(lang)
                    ),
                );
                continue;
            }
            if !seen.insert(lang.as_str()) {
                self.push(
                    file,
                    Severity::Error,
                    Path::root(),
                    Anchor::Nowhere,
                    format!(
                        "language {} is given twice; the second was ignored",
                        quote(lang)
                    ),
                );
                continue;
            }
            has_english |= lang == "en";
            if let Some(texts) = self.read_text_file(file, lang, text.as_deref()) {
                self.others.push(texts);
            }
        }
        let base = if has_english {
            self.others.iter().position(|texts| texts.lang == "en")
        } else {
            (!self.others.is_empty()).then_some(0)
        };
        self.base = base.map(|index| self.others.remove(index));
        if !has_english && input.texts.is_empty() {
            let file = self.files.len();
            self.files.push(FileLog {
                name: text_file("en"),
                text: None,
                pending: Vec::new(),
            });
            self.push(
                file,
                Severity::Error,
                Path::root(),
                Anchor::Nowhere,
                String::from("the file is missing or could not be read"),
            );
        }
    }

    fn read_text_file(
        &mut self,
        file: FileIx,
        lang: &str,
        text: Option<&'a str>,
    ) -> Option<LangTexts> {
        let value = self.load(file, text)?;
        let map = self.top_level(file, &value, &["lang", "text"])?;
        let lang_path = Path::root().key("lang");
        match map.get("lang") {
            Some(Value::String(declared)) if declared == lang => {}
            Some(Value::String(declared)) => self.error(
                file,
                &lang_path,
                format!(
                    "lang is {} but the file is {}",
                    quote(declared),
                    text_file(lang)
                ),
            ),
            Some(other) => self.error(
                file,
                &lang_path,
                format!("expected a string, found {}", raw::describe(other)),
            ),
            None => self.error(
                file,
                &Path::root(),
                String::from("missing required field \"lang\""),
            ),
        }
        let text_path = Path::root().key("text");
        let entries = match map.get("text") {
            Some(Value::Object(entries)) => entries,
            Some(other) => {
                self.error(
                    file,
                    &text_path,
                    format!("expected an object, found {}", raw::describe(other)),
                );
                return None;
            }
            None => {
                self.error(
                    file,
                    &Path::root(),
                    String::from("missing required field \"text\""),
                );
                return None;
            }
        };
        let mut texts = LangTexts {
            lang: lang.to_owned(),
            file,
            map: BTreeMap::new(),
            bad_keys: BTreeSet::new(),
        };
        for (key, value) in entries {
            match value {
                Value::String(text) => {
                    texts.map.insert(key.clone(), text.clone());
                }
                other => {
                    self.error(
                        file,
                        &text_path.key(key),
                        format!("expected a string, found {}", raw::describe(other)),
                    );
                    texts.bad_keys.insert(key.clone());
                }
            }
        }
        Some(texts)
    }

    // -----------------------------------------------------------------------------------------
    // Ids
    // -----------------------------------------------------------------------------------------

    /// Checks ids of every collection (form, uniqueness), keeps the first of duplicates, and
    /// records which ids exist.
    fn declare(&mut self, raw: &mut RawData) {
        self.declared.sources =
            self.unique_ids(F_SOURCES, Kind::Source, &mut raw.sources, |s| &s.id);
        self.declared.events = self.unique_ids(F_EVENTS, Kind::Event, &mut raw.events, |e| &e.id);
        self.declared.figures =
            self.unique_ids(F_FIGURES, Kind::Figure, &mut raw.figures, |f| &f.id);
        self.declared.series = self.unique_ids(F_SERIES, Kind::Series, &mut raw.series, |s| &s.id);
        self.declared.comparisons =
            self.unique_ids(F_COMPARISONS, Kind::Comparison, &mut raw.comparisons, |c| {
                &c.id
            });
        self.declared.caveats =
            self.unique_ids(F_CAVEATS, Kind::Caveat, &mut raw.caveats, |c| &c.id);
        for (_, series) in &raw.series {
            let periods = series.points.iter().map(|p| p.period.clone()).collect();
            self.declared
                .series_periods
                .insert(series.id.clone(), periods);
        }
        let broken = std::mem::take(&mut self.broken_ids);
        let well_formed = |file: FileIx| {
            broken
                .get(&file)
                .into_iter()
                .flatten()
                .filter(|id| model::is_valid_id(id))
                .cloned()
        };
        self.declared.sources.extend(well_formed(F_SOURCES));
        self.declared.events.extend(well_formed(F_EVENTS));
        self.declared.figures.extend(well_formed(F_FIGURES));
        self.declared.series.extend(well_formed(F_SERIES));
        self.declared.comparisons.extend(well_formed(F_COMPARISONS));
        self.declared.caveats.extend(well_formed(F_CAVEATS));
        self.declared.broken_series.extend(well_formed(F_SERIES));
        let broken_sectors = broken.get(&F_SECTORS).into_iter().flatten();
        self.declared
            .sectors
            .extend(broken_sectors.filter_map(|id| SectorId::parse(id)));
        if let Some(sectors) = raw.sectors.as_mut() {
            self.declare_sectors(sectors);
        }
    }

    fn unique_ids<T>(
        &mut self,
        file: FileIx,
        kind: Kind,
        items: &mut Vec<(Path, T)>,
        id: impl Fn(&T) -> &String,
    ) -> BTreeSet<String> {
        let mut first: HashMap<String, Path> = HashMap::new();
        let mut keep = Vec::with_capacity(items.len());
        for (path, item) in items.drain(..) {
            let text = id(&item);
            let id_path = path.key("id");
            if !model::is_valid_id(text) {
                self.error(
                    file,
                    &id_path,
                    format!(
                        "malformed {} id {}: ids are kebab-case ASCII (a-z, 0-9, single hyphens between)",
                        kind.name(),
                        quote(text)
                    ),
                );
                continue;
            }
            if let Some(earlier) = first.get(text) {
                let message = format!(
                    "duplicate {} id {}: already used by {earlier}",
                    kind.name(),
                    quote(text)
                );
                self.error(file, &id_path, message);
                continue;
            }
            first.insert(text.clone(), path.clone());
            keep.push((path, item));
        }
        *items = keep;
        first.into_keys().collect()
    }

    /// Checks that `sectors.json` lists each of the eleven sectors exactly once.
    fn declare_sectors(&mut self, sectors: &mut Vec<(Path, raw::Sector)>) {
        let mut keep = Vec::with_capacity(sectors.len());
        for (path, sector) in sectors.drain(..) {
            let id_path = path.key("id");
            match SectorId::parse(&sector.id) {
                None => self.error(F_SECTORS, &id_path, unknown_sector(&sector.id)),
                Some(id) if self.declared.sectors.contains(&id) => self.error(
                    F_SECTORS,
                    &id_path,
                    format!("sector {} is listed twice", quote(&sector.id)),
                ),
                Some(id) => {
                    self.declared.sectors.insert(id);
                    keep.push((path, sector));
                }
            }
        }
        *sectors = keep;
        let missing: Vec<&str> = SectorId::ALL
            .iter()
            .filter(|s| !self.declared.sectors.contains(s))
            .map(|s| s.as_str())
            .collect();
        if !missing.is_empty() {
            self.error(
                F_SECTORS,
                &Path::root().key("sectors"),
                format!(
                    "sectors.json must list each of the eleven sectors once; missing: {}",
                    missing.join(", ")
                ),
            );
        }
    }

    // -----------------------------------------------------------------------------------------
    // Field checks shared by several files
    // -----------------------------------------------------------------------------------------

    /// Parses a date no earlier than 1992.
    fn date(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(date) if date.year < FIRST_YEAR => {
                self.error(
                    file,
                    path,
                    format!("date {date} is before January {FIRST_YEAR}"),
                );
                None
            }
            Ok(date) => Some(date),
            Err(error) => {
                let reason = match error {
                    DateError::Form => String::from("expected YYYY, YYYY-MM or YYYY-MM-DD"),
                    other => other.to_string(),
                };
                self.error(
                    file,
                    path,
                    format!("malformed date {}: {reason}", quote(text)),
                );
                None
            }
        }
    }

    /// Parses a period starting no earlier than 1992.
    fn period(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Period> {
        match Period::parse(text) {
            Ok(period) if period.year() < FIRST_YEAR => {
                self.error(
                    file,
                    path,
                    format!("period {period} is before January {FIRST_YEAR}"),
                );
                None
            }
            Ok(period) => Some(period),
            Err(error) => {
                let reason = match error {
                    DateError::Form => {
                        String::from("expected YYYY, YYYY-H1, YYYY-Q1 … YYYY-Q4 or YYYY-MM/YYYY-MM")
                    }
                    other => other.to_string(),
                };
                self.error(
                    file,
                    path,
                    format!("malformed period {}: {reason}", quote(text)),
                );
                None
            }
        }
    }

    /// Words for the latest allowed date, for messages.
    fn limit_words(&self) -> String {
        if self.limit_is_as_of {
            format!("the data's as_of date {}", self.limit)
        } else {
            format!("today ({})", self.limit)
        }
    }

    /// Reports a fact dated after the newest fact of the data; `false` if it is.
    fn not_future(&mut self, file: FileIx, path: &Path, what: &str, date: &Date) -> bool {
        if date.is_after(&self.limit) {
            let message = format!("{what} {date} is after {}", self.limit_words());
            self.error(file, path, message);
            false
        } else {
            true
        }
    }

    /// Parses one word of a closed vocabulary, reporting an unknown one.
    fn vocabulary<T: Copy>(
        &mut self,
        file: FileIx,
        path: &Path,
        text: &str,
        parse: fn(&str) -> Option<T>,
        kind: &str,
        expected: String,
    ) -> Option<T> {
        let parsed = parse(text);
        if parsed.is_none() {
            self.error(
                file,
                path,
                format!("unknown {kind} {}; expected one of {expected}", quote(text)),
            );
        }
        parsed
    }

    fn confidence(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Confidence> {
        let path = path.key("confidence");
        self.vocabulary(
            file,
            &path,
            text,
            Confidence::parse,
            Confidence::KIND,
            Confidence::expected(),
        )
    }

    fn qualifier(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Qualifier> {
        let path = path.key("qualifier");
        self.vocabulary(
            file,
            &path,
            text,
            Qualifier::parse,
            Qualifier::KIND,
            Qualifier::expected(),
        )
    }

    fn unit(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Unit> {
        let path = path.key("unit");
        self.vocabulary(file, &path, text, Unit::parse, Unit::KIND, Unit::expected())
    }

    /// Parses a list of sector ids, dropping unknown ones; `None` when none is left or
    /// `required` and the list was empty.
    fn sectors(
        &mut self,
        file: FileIx,
        path: &Path,
        texts: &[String],
        what: &str,
        required: bool,
    ) -> Option<Vec<SectorId>> {
        let path = path.key("sectors");
        if required && texts.is_empty() {
            self.error(file, &path, format!("{what} needs at least one sector"));
            return None;
        }
        let mut out: Vec<SectorId> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            match SectorId::parse(text) {
                Some(id) if out.contains(&id) => self.error(
                    file,
                    &path.index(i),
                    format!("sector {} is listed twice", quote(text)),
                ),
                Some(id) => out.push(id),
                None => self.error(file, &path.index(i), unknown_sector(text)),
            }
        }
        (!required || !out.is_empty()).then_some(out)
    }

    /// Checks one reference against the ids that exist; reports a dangling one.
    fn reference(&mut self, file: FileIx, path: &Path, kind: Kind, text: &str) -> bool {
        if kind == Kind::Source {
            self.referenced_sources.insert(text.to_owned());
        }
        if self.declared.of(kind).contains(text) {
            return true;
        }
        if self.declared.unreadable.contains(kind.file()) {
            return false;
        }
        let message = if model::is_valid_id(text) {
            format!(
                "unknown {} id {}: there is no {} with this id in {}",
                kind.name(),
                quote(text),
                kind.name(),
                kind.file()
            )
        } else {
            format!(
                "malformed {} id {}: expected the id of a {} in {}",
                kind.name(),
                quote(text),
                kind.name(),
                kind.file()
            )
        };
        self.error(file, path, message);
        false
    }

    /// Checks a list of references, keeping those that resolve.
    fn references<Id>(
        &mut self,
        file: FileIx,
        path: &Path,
        kind: Kind,
        texts: &[String],
        make: fn(&str) -> Option<Id>,
    ) -> Vec<Id> {
        let mut out = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            if self.reference(file, &path.index(i), kind, text) {
                if let Some(id) = make(text) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// Checks that the base language's texts of an item exist and are not blank.
    fn require_texts(
        &mut self,
        file: FileIx,
        path: &Path,
        kind: &str,
        id: &str,
        fields: &[&str],
    ) -> bool {
        let Some(base) = self.base.as_ref() else {
            // Without any text file, one error on text/en.json says everything.
            return true;
        };
        let language = if base.lang == "en" {
            String::from("English ")
        } else {
            String::new()
        };
        let mut ok = true;
        let mut problems = Vec::new();
        for field in fields {
            let key = model::text_key(kind, id, field);
            match base.map.get(&key) {
                Some(text) if !text.trim().is_empty() => continue,
                Some(_) => problems.push(format!("the {language}text {} is empty", quote(&key))),
                // A value of the wrong type was reported in text/en.json already.
                None if base.bad_keys.contains(&key) => {}
                None => problems.push(format!(
                    "no {language}text {}: add it to {}",
                    quote(&key),
                    text_file(&base.lang)
                )),
            }
            ok = false;
        }
        self.missing_texts += problems.len();
        for message in problems {
            self.error(file, &path.key("id"), message);
        }
        ok
    }

    /// Checks a `derived` object: it must carry a formula.
    fn derived<Id>(
        &mut self,
        file: FileIx,
        path: &Path,
        derived: &raw::Derived,
        kind: Kind,
        what: &str,
        make: fn(&str) -> Option<Id>,
    ) -> Option<Derived<Id>> {
        let path = path.key("derived");
        let formula = match derived.formula.as_deref().map(str::trim) {
            Some(formula) if !formula.is_empty() => Some(formula.to_owned()),
            _ => {
                self.error(
                    file,
                    &path,
                    format!("{what} is marked derived but has no formula; add \"formula\" with the arithmetic"),
                );
                None
            }
        };
        let from = self.references(file, &path.key("from"), kind, &derived.from, make);
        Some(Derived {
            formula: formula?,
            from,
        })
    }

    /// Checks a numeric value: finite, plausible in size, and negative only where the unit allows
    /// it.
    fn number(&mut self, file: FileIx, path: &Path, value: f64, unit: Unit) -> bool {
        if !value.is_finite() {
            self.error(file, path, format!("value {value} is not a finite number"));
            return false;
        }
        if value.abs() > MAX_VALUE {
            self.error(
                file,
                path,
                format!(
                    "value {value:e} is implausibly large: over {MAX_VALUE:e} {unit}; check the unit and the decimal point"
                ),
            );
            return false;
        }
        if value < 0.0 && !unit.allows_negative() {
            self.error(
                file,
                path,
                format!(
                    "negative value {value} is not allowed for unit {unit}; only percent-change may be negative"
                ),
            );
            return false;
        }
        if unit == Unit::Ordinal && (value < 1.0 || value.fract() != 0.0) {
            self.error(
                file,
                path,
                format!("ordinal value {value} is not 1, 2, 3, …"),
            );
            return false;
        }
        true
    }

    // -----------------------------------------------------------------------------------------
    // Building each collection
    // -----------------------------------------------------------------------------------------

    /// Checks `as_of` and sets the latest allowed date of facts from it.
    fn check_as_of(&mut self, as_of: Option<&(Path, String)>) -> Option<Date> {
        let (path, text) = as_of?;
        let date = self.date(F_SECTORS, path, text)?;
        if date.is_after(&self.today) {
            self.error(
                F_SECTORS,
                path,
                format!("as_of {date} is after today ({})", self.today),
            );
            return None;
        }
        self.limit = date;
        self.limit_is_as_of = true;
        Some(date)
    }

    fn build_sources(&mut self, raw: &[(Path, raw::Source)]) -> Vec<model::Source> {
        let mut out = Vec::new();
        for (path, source) in raw {
            let f = F_SOURCES;
            let mut ok = true;
            for (field, text) in [("publisher", &source.publisher), ("title", &source.title)] {
                if text.trim().is_empty() {
                    self.error(f, &path.key(field), format!("{field} is empty"));
                    ok = false;
                }
            }
            let url = match &source.url {
                Some(url) if is_http_url(url) => Some(url.clone()),
                Some(url) => {
                    self.error(
                        f,
                        &path.key("url"),
                        format!(
                            "url {} is not an http:// or https:// address; use null when the address is not known",
                            quote(url)
                        ),
                    );
                    None
                }
                None => None,
            };
            let date_path = path.key("date");
            let date = match &source.date {
                Some(text) => match self.date(f, &date_path, text) {
                    Some(date) if date.is_after(&self.today) => {
                        let message = format!("date {date} is after today ({})", self.today);
                        self.error(f, &date_path, message);
                        None
                    }
                    date => date,
                },
                None => None,
            };
            let source_type = self.vocabulary(
                f,
                &path.key("type"),
                &source.r#type,
                SourceType::parse,
                SourceType::KIND,
                SourceType::expected(),
            );
            if !(source.language.len() == 2
                && source.language.bytes().all(|b| b.is_ascii_lowercase()))
            {
                self.error(
                    f,
                    &path.key("language"),
                    format!(
                        "language {} is not an ISO 639-1 code (two lowercase letters)",
                        quote(&source.language)
                    ),
                );
                ok = false;
            }
            let confidence = self.confidence(f, path, &source.confidence);
            let (Some(id), Some(source_type), Some(confidence), true) =
                (SourceId::parse(&source.id), source_type, confidence, ok)
            else {
                continue;
            };
            out.push(model::Source {
                id,
                publisher: source.publisher.clone(),
                title: source.title.clone(),
                url,
                date,
                source_type,
                language: source.language.clone(),
                confidence,
                via: source.via.clone().filter(|v| !v.trim().is_empty()),
            });
        }
        out
    }

    fn build_figures(&mut self, raw: &[(Path, raw::Figure)]) -> Vec<model::Figure> {
        raw.iter()
            .filter_map(|(path, figure)| self.build_figure(path, figure))
            .collect()
    }

    fn build_figure(&mut self, path: &Path, raw: &raw::Figure) -> Option<model::Figure> {
        let f = F_FIGURES;
        let mut ok = true;
        let sectors = self.sectors(f, path, &raw.sectors, "a figure", true);
        let unit = self.unit(f, path, &raw.unit);
        let qualifier = self.qualifier(f, path, &raw.qualifier);
        let confidence = self.confidence(f, path, &raw.confidence);

        // Every number names a source.
        let source = match raw.source.as_deref() {
            Some(text) if !text.trim().is_empty() => {
                let source_path = path.key("source");
                self.reference(f, &source_path, Kind::Source, text)
                    .then(|| SourceId::parse(text))
                    .flatten()
            }
            Some(_) => {
                self.error(
                    f,
                    &path.key("source"),
                    String::from("figure has no source; every number must name a source"),
                );
                None
            }
            None => {
                self.error(
                    f,
                    path,
                    String::from("figure has no source; every number must name a source"),
                );
                None
            }
        };

        let date_path = path.key("date");
        let value_path = path.key("value");
        let amount = match unit {
            Some(Unit::Date) => {
                if let Some(value) = raw.value {
                    self.error(
                        f,
                        &value_path,
                        format!("value {value} is present, but a figure with unit date has no value; its date field holds the date"),
                    );
                    ok = false;
                }
                match raw.date.as_deref() {
                    Some(text) => match self.date(f, &date_path, text) {
                        Some(date) if self.not_future(f, &date_path, "date", &date) => {
                            Some(model::Amount::Date(date))
                        }
                        _ => None,
                    },
                    None => {
                        self.error(
                            f,
                            path,
                            String::from(
                                "a figure with unit date needs a date field holding the date",
                            ),
                        );
                        None
                    }
                }
            }
            Some(unit) => {
                if raw.date.is_some() {
                    self.error(
                        f,
                        &date_path,
                        format!("date is only allowed with unit date, not with unit {unit}"),
                    );
                    ok = false;
                }
                match (unit, raw.value) {
                    (Unit::Wording, Some(value)) => {
                        self.error(
                            f,
                            &value_path,
                            format!("value {value} is present, but a figure with unit wording has no value; the text carries the claim"),
                        );
                        None
                    }
                    (Unit::Wording, None) => Some(model::Amount::Wording),
                    (unit, Some(value)) => self
                        .number(f, &value_path, value, unit)
                        .then_some(model::Amount::Number(value)),
                    (unit, None) => {
                        self.error(
                            f,
                            path,
                            format!("value missing: a figure in unit {unit} needs a value"),
                        );
                        None
                    }
                }
            }
            None => None,
        };

        let period = match raw.period.as_deref() {
            Some(text) => {
                let period_path = path.key("period");
                match self.period(f, &period_path, text) {
                    Some(period) => {
                        ok &= self.period_not_future(f, &period_path, &period);
                        Some(period)
                    }
                    None => {
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };
        let as_of = match raw.as_of.as_deref() {
            Some(text) => {
                let as_of_path = path.key("as_of");
                match self.date(f, &as_of_path, text) {
                    Some(date) => {
                        ok &= self.not_future(f, &as_of_path, "as_of", &date);
                        Some(date)
                    }
                    None => {
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };
        if raw.period.is_none() && raw.as_of.is_none() && unit.is_some_and(|u| u != Unit::Date) {
            self.error(
                f,
                path,
                String::from("figure has neither period nor as_of; one of them must say what the number covers"),
            );
            ok = false;
        }

        let mut advertorial_items = Vec::new();
        for (i, item) in raw.advertorial_items.iter().enumerate() {
            if *item == 0 {
                self.error(
                    f,
                    &path.key("advertorial_items").index(i),
                    String::from("advertorial item 0 does not exist; items are numbered from 1"),
                );
            } else {
                advertorial_items.push(*item);
            }
        }

        let competing_path = path.key("competing");
        let mut competing = Vec::new();
        for (i, other) in raw.competing.iter().enumerate() {
            let other_path = competing_path.index(i);
            if *other == raw.id {
                self.error(
                    f,
                    &other_path,
                    format!("figure {} lists itself as competing", quote(other)),
                );
            } else if self.reference(f, &other_path, Kind::Figure, other) {
                self.competing_links
                    .push((raw.id.clone(), other.clone(), other_path));
                competing.extend(FigureId::parse(other));
            }
        }

        let derived = match &raw.derived {
            Some(derived) => {
                let built = self.derived(f, path, derived, Kind::Figure, "figure", FigureId::parse);
                ok &= built.is_some();
                built
            }
            None => None,
        };

        ok &= self.require_texts(f, path, "figure", &raw.id, &["label"]);

        let (
            Some(id),
            Some(sectors),
            Some(amount),
            Some(unit),
            Some(qualifier),
            Some(source),
            Some(confidence),
            true,
        ) = (
            FigureId::parse(&raw.id),
            sectors,
            amount,
            unit,
            qualifier,
            source,
            confidence,
            ok,
        )
        else {
            return None;
        };
        Some(model::Figure {
            id,
            sectors,
            amount,
            unit,
            qualifier,
            period,
            as_of,
            source,
            confidence,
            advertorial_items,
            competing,
            derived,
        })
    }

    /// Reports a period that starts after the newest fact of the data; `false` if it does.
    fn period_not_future(&mut self, file: FileIx, path: &Path, period: &Period) -> bool {
        if period.first_day().is_after(&self.limit) {
            let message = format!("period {period} starts after {}", self.limit_words());
            self.error(file, path, message);
            false
        } else {
            true
        }
    }

    fn build_series(&mut self, raw: &[(Path, raw::Series)]) -> Vec<model::Series> {
        raw.iter()
            .filter_map(|(path, series)| self.build_one_series(path, series))
            .collect()
    }

    fn build_one_series(&mut self, path: &Path, raw: &raw::Series) -> Option<model::Series> {
        let f = F_SERIES;
        let mut ok = true;
        let sector = SectorId::parse(&raw.sector);
        if sector.is_none() {
            self.error(f, &path.key("sector"), unknown_sector(&raw.sector));
        }
        let unit = self.unit(f, path, &raw.unit);
        if let Some(unit) = unit.filter(|u| !u.is_numeric()) {
            self.error(
                f,
                &path.key("unit"),
                format!("a series cannot have unit {unit}; series hold numbers"),
            );
            ok = false;
        }
        let reporter = match raw.reporter.as_deref() {
            Some(text) => {
                let parsed = self.vocabulary(
                    f,
                    &path.key("reporter"),
                    text,
                    Reporter::parse,
                    Reporter::KIND,
                    format!("{} or null", Reporter::expected()),
                );
                ok &= parsed.is_some();
                parsed
            }
            None => None,
        };
        let flow = match raw.flow.as_deref() {
            Some(text) => {
                let parsed = self.vocabulary(
                    f,
                    &path.key("flow"),
                    text,
                    Flow::parse,
                    Flow::KIND,
                    format!("{} or null", Flow::expected()),
                );
                ok &= parsed.is_some();
                parsed
            }
            None => None,
        };

        let mut points: Vec<model::Point> = Vec::new();
        let points_path = path.key("points");
        let mut previous: Option<Period> = None;
        let mut seen_periods: HashSet<Period> = HashSet::new();
        for (i, point) in raw.points.iter().enumerate() {
            let point_path = points_path.index(i);
            let Some(built) = self.build_point(&point_path, point, unit) else {
                continue;
            };
            let period_path = point_path.key("period");
            if let Some(first) = points.first() {
                if first.period.kind() != built.period.kind() {
                    self.error(
                        f,
                        &period_path,
                        format!(
                            "mixed period kinds: period {} is {}, but the series' first point {} is {}; a series uses one kind of period",
                            built.period,
                            built.period.kind().describe(),
                            first.period,
                            first.period.kind().describe()
                        ),
                    );
                    continue;
                }
            }
            if !seen_periods.insert(built.period) {
                self.error(
                    f,
                    &period_path,
                    format!(
                        "duplicate period {}: the series already has a point for it",
                        built.period
                    ),
                );
                continue;
            }
            if let Some(previous) = previous.filter(|p| built.period < *p) {
                self.warn(
                    f,
                    &period_path,
                    format!(
                        "point {} comes after {previous}; points should be in chronological order (they were sorted)",
                        built.period
                    ),
                );
            }
            previous = Some(built.period);
            points.push(built);
        }
        points.sort_by_key(|p| p.period);
        if raw.points.is_empty() {
            self.warn(f, &points_path, String::from("series has no points"));
        }

        ok &= self.require_texts(f, path, "series", &raw.id, &["name"]);

        let (Some(id), Some(sector), Some(unit), true) =
            (SeriesId::parse(&raw.id), sector, unit, ok)
        else {
            return None;
        };
        Some(model::Series {
            id,
            sector,
            unit,
            reporter,
            flow,
            points,
        })
    }

    fn build_point(
        &mut self,
        path: &Path,
        raw: &raw::Point,
        unit: Option<Unit>,
    ) -> Option<model::Point> {
        let f = F_SERIES;
        let mut ok = true;
        let period_path = path.key("period");
        let period = self.period(f, &period_path, &raw.period);
        if let Some(period) = &period {
            ok &= self.period_not_future(f, &period_path, period);
        }
        let value = match raw.value {
            None => {
                let unit = unit.map(|u| format!(" in unit {u}")).unwrap_or_default();
                self.error(
                    f,
                    path,
                    format!(
                        "value missing: point {}{unit} needs a value (leave out a period that has none)",
                        quote(&raw.period)
                    ),
                );
                None
            }
            Some(value) => match unit {
                Some(unit) => self
                    .number(f, &path.key("value"), value, unit)
                    .then_some(value),
                None => Some(value),
            },
        };
        let qualifier = self.qualifier(f, path, &raw.qualifier);
        let confidence = self.confidence(f, path, &raw.confidence);
        let sources_path = path.key("sources");
        if raw.sources.is_empty() {
            self.error(
                f,
                &sources_path,
                format!(
                    "point {} has no sources; every number must name a source",
                    quote(&raw.period)
                ),
            );
            ok = false;
        }
        let sources = self.references(
            f,
            &sources_path,
            Kind::Source,
            &raw.sources,
            SourceId::parse,
        );
        ok &= !sources.is_empty();
        let derived = match &raw.derived {
            Some(derived) => {
                let built = self.derived(f, path, derived, Kind::Series, "point", SeriesId::parse);
                ok &= built.is_some();
                built
            }
            None => None,
        };
        let (Some(period), Some(value), Some(qualifier), Some(confidence), true) =
            (period, value, qualifier, confidence, ok)
        else {
            return None;
        };
        Some(model::Point {
            period,
            value,
            qualifier,
            sources,
            confidence,
            derived,
        })
    }

    fn build_events(&mut self, raw: &[(Path, raw::Event)]) -> Vec<model::Event> {
        raw.iter()
            .filter_map(|(path, event)| self.build_event(path, event))
            .collect()
    }

    fn build_event(&mut self, path: &Path, raw: &raw::Event) -> Option<model::Event> {
        let f = F_EVENTS;
        let mut ok = true;
        let status = self.vocabulary(
            f,
            &path.key("status"),
            &raw.status,
            Status::parse,
            Status::KIND,
            Status::expected(),
        );
        let planned = status == Some(Status::Planned);
        let date_path = path.key("date");
        let date = self.date(f, &date_path, &raw.date);
        if let Some(date) = &date {
            if !planned && date.is_after(&self.limit) {
                let message = format!(
                    "date {date} is after {}; only a planned event may be dated later",
                    self.limit_words()
                );
                self.error(f, &date_path, message);
                ok = false;
            }
        }
        let end_path = path.key("end");
        let both = raw.end.is_some() && !raw.other_dates.is_empty();
        if both {
            self.error(
                f,
                &end_path,
                String::from(
                    "an event with other_dates may not have an end: a disputed date is not a \
                     range; remove \"end\" (or, for a real range, \"other_dates\"); the end is left out",
                ),
            );
        }
        let end = match (raw.end.as_deref().filter(|_| !both), date) {
            (Some(text), Some(start)) => match self.date(f, &end_path, text) {
                Some(end) if end.is_before(&start) => {
                    self.error(
                        f,
                        &end_path,
                        format!("end {end} is before the event's date {start}"),
                    );
                    None
                }
                Some(end) if !planned && end.is_after(&self.limit) => {
                    let message = format!(
                        "end {end} is after {}; only a planned event may be dated later",
                        self.limit_words()
                    );
                    self.error(f, &end_path, message);
                    None
                }
                end => end,
            },
            _ => None,
        };
        let other_dates = self.other_dates(path, &raw.other_dates, date, planned);
        let sectors = self.sectors(f, path, &raw.sectors, "an event", true);
        let sources_path = path.key("sources");
        if raw.sources.is_empty() {
            self.error(
                f,
                &sources_path,
                String::from("an event needs at least one source"),
            );
        }
        let sources = self.references(
            f,
            &sources_path,
            Kind::Source,
            &raw.sources,
            SourceId::parse,
        );
        let confidence = self.confidence(f, path, &raw.confidence);
        let in_advertorial = self.vocabulary(
            f,
            &path.key("in_advertorial"),
            &raw.in_advertorial,
            InAdvertorial::parse,
            InAdvertorial::KIND,
            InAdvertorial::expected(),
        );
        let factbase_row = match (raw.factbase_row, raw.factbase_update_row.as_deref()) {
            (Some(row), None) if (1..=FACTBASE_ROWS).contains(&row) => {
                Some(model::FactbaseRow::Timeline(row))
            }
            (Some(row), None) => {
                self.error(
                    f,
                    &path.key("factbase_row"),
                    format!(
                        "factbase_row {row} is not a row of the fact base's timeline \
                         (1–{FACTBASE_ROWS})"
                    ),
                );
                None
            }
            (None, Some(row)) => {
                let number = row
                    .strip_prefix('U')
                    .filter(|digits| !digits.starts_with('0'))
                    .and_then(|digits| digits.parse::<u32>().ok())
                    .filter(|number| (1..=FACTBASE_UPDATE_ROWS).contains(number));
                if number.is_none() {
                    self.error(
                        f,
                        &path.key("factbase_update_row"),
                        format!(
                            "factbase_update_row {} is not a row of the fact base's 2026 update \
                             (U1–U{FACTBASE_UPDATE_ROWS})",
                            quote(row)
                        ),
                    );
                }
                number.map(model::FactbaseRow::Update)
            }
            (Some(_), Some(_)) => {
                self.error(
                    f,
                    &path.key("factbase_update_row"),
                    "an event comes from one row of the fact base: give factbase_row or \
                     factbase_update_row, not both"
                        .to_owned(),
                );
                None
            }
            (None, None) => {
                self.error(
                    f,
                    path,
                    "an event needs the fact base's row it comes from: factbase_row (1–76) or \
                     factbase_update_row (U1–U32)"
                        .to_owned(),
                );
                None
            }
        };
        ok &= factbase_row.is_some();
        ok &= self.require_texts(f, path, "event", &raw.id, &["title", "summary"]);

        let (
            Some(id),
            Some(start),
            Some(status),
            Some(sectors),
            Some(confidence),
            Some(in_advertorial),
            true,
        ) = (
            EventId::parse(&raw.id),
            date,
            status,
            sectors,
            confidence,
            in_advertorial,
            ok && !sources.is_empty(),
        )
        else {
            return None;
        };
        let main_sector = *sectors.first()?;
        let event = model::Event {
            id,
            when: model::DateRange { start, end },
            other_dates,
            status,
            main_sector,
            sectors,
            sources,
            confidence,
            in_advertorial,
            factbase_row: factbase_row?,
        };
        if self.limit_is_as_of && event.is_stale_plan(self.limit) {
            let message = format!(
                "planned for {start}, which has passed by the data's as-of date {} with no \
                 update: say whether it happened, or keep it planned and explain in its summary",
                self.limit
            );
            self.warn(f, &date_path, message);
        }
        Some(event)
    }

    /// Checks an event's `other_dates`: each a valid date that differs from the event's own
    /// `date` and from the other alternatives, dated no later than the data's as-of date (unless
    /// the event is planned), with at least one source that resolves. A bad alternative is left
    /// out; the event keeps the rest.
    fn other_dates(
        &mut self,
        path: &Path,
        raw: &[raw::OtherDate],
        own: Option<Date>,
        planned: bool,
    ) -> Vec<model::OtherDate> {
        let f = F_EVENTS;
        let list_path = path.key("other_dates");
        let mut out: Vec<model::OtherDate> = Vec::new();
        for (i, other) in raw.iter().enumerate() {
            let item_path = list_path.index(i);
            let date_path = item_path.key("date");
            let mut ok = true;
            let date = self.date(f, &date_path, &other.date);
            if let Some(date) = date {
                if own == Some(date) {
                    self.error(
                        f,
                        &date_path,
                        format!(
                            "other date {date} is the event's own date; an other date must differ \
                             from \"date\" (the date the event's sources give)"
                        ),
                    );
                    ok = false;
                } else if out.iter().any(|kept| kept.date == date) {
                    self.error(
                        f,
                        &date_path,
                        format!("other date {date} is listed twice; list its sources together"),
                    );
                    ok = false;
                } else if !planned && date.is_after(&self.limit) {
                    let message = format!(
                        "other date {date} is after {}; only a planned event may be dated later",
                        self.limit_words()
                    );
                    self.error(f, &date_path, message);
                    ok = false;
                }
            }
            let sources_path = item_path.key("sources");
            if other.sources.is_empty() {
                self.error(
                    f,
                    &sources_path,
                    String::from("an other date needs at least one source that gives it"),
                );
            }
            let sources = self.references(
                f,
                &sources_path,
                Kind::Source,
                &other.sources,
                SourceId::parse,
            );
            if let (Some(date), true, false) = (date, ok, sources.is_empty()) {
                out.push(model::OtherDate { date, sources });
            }
        }
        out
    }

    fn build_comparisons(&mut self, raw: &[(Path, raw::Comparison)]) -> Vec<model::Comparison> {
        let mut out = Vec::new();
        for (path, comparison) in raw {
            let f = F_COMPARISONS;
            let sectors = self.sectors(f, path, &comparison.sectors, "a comparison", false);
            let mark = self.vocabulary(
                f,
                &path.key("mark"),
                &comparison.mark,
                Mark::parse,
                Mark::KIND,
                Mark::expected(),
            );
            let series_path = path.key("series");
            if comparison.series.is_empty() {
                self.error(
                    f,
                    &series_path,
                    String::from("a comparison needs at least one series"),
                );
            }
            let series = self.references(
                f,
                &series_path,
                Kind::Series,
                &comparison.series,
                SeriesId::parse,
            );
            let texts = self.require_texts(
                f,
                path,
                "comparison",
                &comparison.id,
                &["title", "subtitle", "definition"],
            );
            if let (Some(id), Some(sectors), Some(mark), false, true) = (
                ComparisonId::parse(&comparison.id),
                sectors,
                mark,
                series.is_empty(),
                texts,
            ) {
                out.push(model::Comparison {
                    id,
                    sectors,
                    mark,
                    series,
                });
            }
        }
        out
    }

    fn build_caveats(&mut self, raw: &[(Path, raw::Caveat)]) -> Vec<model::Caveat> {
        let mut out = Vec::new();
        for (path, caveat) in raw {
            let f = F_CAVEATS;
            let sectors = self.sectors(f, path, &caveat.sectors, "a caveat", false);
            let applies = path.key("applies_to");
            let a = &caveat.applies_to;
            let applies_to = AppliesTo {
                figures: self.references(
                    f,
                    &applies.key("figures"),
                    Kind::Figure,
                    &a.figures,
                    FigureId::parse,
                ),
                series: self.references(
                    f,
                    &applies.key("series"),
                    Kind::Series,
                    &a.series,
                    SeriesId::parse,
                ),
                events: self.references(
                    f,
                    &applies.key("events"),
                    Kind::Event,
                    &a.events,
                    EventId::parse,
                ),
                comparisons: self.references(
                    f,
                    &applies.key("comparisons"),
                    Kind::Comparison,
                    &a.comparisons,
                    ComparisonId::parse,
                ),
            };
            let sources = self.references(
                f,
                &path.key("sources"),
                Kind::Source,
                &caveat.sources,
                SourceId::parse,
            );
            let texts = self.require_texts(f, path, "caveat", &caveat.id, &["title", "body"]);
            if let (Some(id), Some(sectors), true) = (CaveatId::parse(&caveat.id), sectors, texts) {
                out.push(model::Caveat {
                    id,
                    sectors,
                    applies_to,
                    sources,
                });
            }
        }
        out
    }

    fn build_sectors(&mut self, raw: &[(Path, raw::Sector)]) -> Vec<model::Sector> {
        let mut out = Vec::new();
        for (path, sector) in raw {
            let f = F_SECTORS;
            let key_figures = self.references(
                f,
                &path.key("key_figures"),
                Kind::Figure,
                &sector.key_figures,
                FigureId::parse,
            );
            let texts = self.require_texts(f, path, "sector", &sector.id, &["name", "summary"]);
            if let (Some(id), true) = (SectorId::parse(&sector.id), texts) {
                out.push(model::Sector {
                    id,
                    factbase_tags: sector.factbase_tags.clone(),
                    key_figures,
                });
            }
        }
        out
    }

    // -----------------------------------------------------------------------------------------
    // Warnings over the whole dataset
    // -----------------------------------------------------------------------------------------

    fn warn_unreferenced_sources(&mut self, raw: &[(Path, raw::Source)]) {
        // With a citing file unreadable, every source would look unreferenced.
        let citing = [super::EVENTS, super::FIGURES, super::SERIES, super::CAVEATS];
        if citing.iter().any(|f| self.declared.unreadable.contains(f)) {
            return;
        }
        for (path, source) in raw {
            if !self.referenced_sources.contains(&source.id) {
                self.warn(
                    F_SOURCES,
                    &path.key("id"),
                    format!("source {} is never referenced", quote(&source.id)),
                );
            }
        }
    }

    fn warn_one_sided_competing(&mut self, parts: &Parts) {
        let kept: HashSet<(&str, &str)> = parts
            .figures
            .iter()
            .flat_map(|f| f.competing.iter().map(move |c| (f.id.as_str(), c.as_str())))
            .collect();
        let links = std::mem::take(&mut self.competing_links);
        for (from, to, path) in &links {
            // Only links that survived validation on both ends are worth a note.
            if !kept.contains(&(from.as_str(), to.as_str())) {
                continue;
            }
            if !kept.contains(&(to.as_str(), from.as_str())) {
                self.warn(
                    F_FIGURES,
                    path,
                    format!(
                        "figure {} lists {} as competing, but {} does not list {}",
                        quote(from),
                        quote(to),
                        quote(to),
                        quote(from)
                    ),
                );
            }
        }
    }

    /// Warns about text keys that match no id, and about languages missing keys the base has.
    fn check_text_keys(&mut self) {
        let mut notes: Vec<(FileIx, Path, String)> = Vec::new();
        // Only base keys that belong to the data count as missing in other languages.
        let base_keys: Vec<&String> = self
            .base
            .as_ref()
            .map(|e| {
                e.map
                    .keys()
                    .filter(|k| self.text_key_problem(k).is_none())
                    .collect()
            })
            .unwrap_or_default();
        let base_file = self
            .base
            .as_ref()
            .map(|base| text_file(&base.lang))
            .unwrap_or_default();
        let base_name = if base_file == text_file("en") {
            String::from("English")
        } else {
            base_file.clone()
        };
        for texts in self.base.iter().chain(self.others.iter()) {
            let text_path = Path::root().key("text");
            for key in texts.map.keys() {
                if let Some(message) = self.text_key_problem(key) {
                    notes.push((texts.file, text_path.key(key), message));
                }
            }
            let is_base = self
                .base
                .as_ref()
                .is_some_and(|base| base.lang == texts.lang);
            if !is_base && !base_keys.is_empty() {
                let missing: Vec<&&String> = base_keys
                    .iter()
                    .filter(|k| !texts.map.contains_key(k.as_str()))
                    .collect();
                if let Some(first) = missing.first() {
                    notes.push((
                        texts.file,
                        text_path.clone(),
                        format!(
                            "{} has no text for {} of the {} keys of {base_file}; they fall back to {base_name} (first missing: {})",
                            text_file(&texts.lang),
                            missing.len(),
                            base_keys.len(),
                            quote(first)
                        ),
                    ));
                }
            }
        }
        for (file, path, message) in notes {
            self.warn(file, &path, message);
        }
    }

    /// Why a text key matches nothing in the data, or `None` if it does.
    fn text_key_problem(&self, key: &str) -> Option<String> {
        let mut parts = key.splitn(3, '.');
        let (kind, id, field) = (parts.next()?, parts.next(), parts.next());
        let (file, fields): (&str, &[&str]) = match kind {
            "sector" => (super::SECTORS, &["name", "summary"]),
            "event" => (super::EVENTS, &["title", "summary", "date_note"]),
            "figure" => (super::FIGURES, &["label", "note"]),
            "series" => (super::SERIES, &["name", "point.<period>.note"]),
            "comparison" => (super::COMPARISONS, &["title", "subtitle", "definition"]),
            "caveat" => (super::CAVEATS, &["title", "body"]),
            _ => {
                return Some(format!(
                    "text key {} matches no id: keys start with sector., event., figure., series., comparison. or caveat.",
                    quote(key)
                ))
            }
        };
        if self.declared.unreadable.contains(file) {
            return None;
        }
        let (Some(id), Some(field)) = (id, field) else {
            return Some(format!(
                "text key {} matches no id: expected {kind}.<id>.<field>",
                quote(key)
            ));
        };
        let exists = match kind {
            "sector" => SectorId::parse(id).is_some_and(|s| self.declared.sectors.contains(&s)),
            "event" => self.declared.events.contains(id),
            "figure" => self.declared.figures.contains(id),
            "series" => self.declared.series.contains(id),
            "comparison" => self.declared.comparisons.contains(id),
            _ => self.declared.caveats.contains(id),
        };
        if !exists {
            return Some(format!(
                "text key {} matches no id: there is no {kind} {} in {file}",
                quote(key),
                quote(id)
            ));
        }
        let point_period = field
            .strip_prefix("point.")
            .and_then(|rest| rest.strip_suffix(".note"));
        match (kind, point_period) {
            ("series", Some(period)) => {
                let known = self.declared.broken_series.contains(id)
                    || self
                        .declared
                        .series_periods
                        .get(id)
                        .is_some_and(|periods| periods.contains(period));
                (!known).then(|| {
                    format!(
                        "text key {} matches no point: series {} has no point for period {}",
                        quote(key),
                        quote(id),
                        quote(period)
                    )
                })
            }
            _ if fields.contains(&field) => None,
            _ => Some(format!(
                "text key {} matches no text of a {kind}: expected one of {}",
                quote(key),
                fields.join(", ")
            )),
        }
    }
}

/// Removes references to items that were dropped, and items left without what they need
/// (a figure whose source was dropped, a point left without sources). The reason was reported
/// where the dropped item is, so nothing is reported here.
fn prune(parts: &mut Parts) {
    let sources: HashSet<String> = parts.sources.iter().map(|s| s.id.to_string()).collect();
    let has_source = |id: &SourceId| sources.contains(id.as_str());

    parts.figures.retain(|f| has_source(&f.source));
    let figures: HashSet<String> = parts.figures.iter().map(|f| f.id.to_string()).collect();
    for figure in &mut parts.figures {
        figure.competing.retain(|c| figures.contains(c.as_str()));
        if let Some(derived) = figure.derived.as_mut() {
            derived.from.retain(|c| figures.contains(c.as_str()));
        }
    }

    for series in &mut parts.series {
        for point in &mut series.points {
            point.sources.retain(has_source);
        }
        series.points.retain(|p| !p.sources.is_empty());
    }
    let series: HashSet<String> = parts.series.iter().map(|s| s.id.to_string()).collect();
    for s in &mut parts.series {
        for point in &mut s.points {
            if let Some(derived) = point.derived.as_mut() {
                derived.from.retain(|c| series.contains(c.as_str()));
            }
        }
    }

    for event in &mut parts.events {
        event.sources.retain(has_source);
        for other in &mut event.other_dates {
            other.sources.retain(has_source);
        }
        event.other_dates.retain(|other| !other.sources.is_empty());
    }
    parts.events.retain(|e| !e.sources.is_empty());
    let events: HashSet<String> = parts.events.iter().map(|e| e.id.to_string()).collect();

    for comparison in &mut parts.comparisons {
        comparison.series.retain(|s| series.contains(s.as_str()));
    }
    parts.comparisons.retain(|c| !c.series.is_empty());
    let comparisons: HashSet<String> = parts.comparisons.iter().map(|c| c.id.to_string()).collect();

    for caveat in &mut parts.caveats {
        let a = &mut caveat.applies_to;
        a.figures.retain(|f| figures.contains(f.as_str()));
        a.series.retain(|s| series.contains(s.as_str()));
        a.events.retain(|e| events.contains(e.as_str()));
        a.comparisons.retain(|c| comparisons.contains(c.as_str()));
        caveat.sources.retain(has_source);
    }

    for sector in &mut parts.sectors {
        sector.key_figures.retain(|f| figures.contains(f.as_str()));
    }
}

fn unknown_sector(text: &str) -> String {
    format!(
        "unknown sector id {}; expected one of {}",
        quote(text),
        SectorId::expected()
    )
}

/// Whether a language code is two or three lowercase ASCII letters (ISO 639-1, or 639-2/3 for
/// a language without a two-letter code).
fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

/// Whether a URL is an `http://` or `https://` address with a host and no whitespace or
/// control characters (which a link would carry into the page).
fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|rest| {
        !rest.is_empty()
            && !rest.starts_with('/')
            && !url.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_addresses_are_urls() {
        assert!(is_http_url("https://example.org/a?b=c"));
        assert!(is_http_url("http://example.org"));
        for bad in [
            "javascript:alert(1)",
            "ftp://example.org",
            "https://",
            "https:///path",
            "HTTPS://example.org",
            "https://exa mple.org",
            "//example.org",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn language_codes_are_two_or_three_lowercase_letters() {
        assert!(is_language_code("en"));
        assert!(is_language_code("kaz"));
        for bad in ["", "e", "EN", "en-GB", "../x", "engl"] {
            assert!(!is_language_code(bad), "{bad}");
        }
    }
}
