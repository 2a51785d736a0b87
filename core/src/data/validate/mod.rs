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
    FigureId, Flow, InAdvertorial, LatLon, Mark, Parts, Period, PlaceId, PlaceKind, Qualifier,
    Reporter, SectorId, SeriesId, SourceId, SourceType, Status, StepId, Texts, Unit, FIRST_YEAR,
};
use super::raw::{self, quote, Shape};
use super::{text_file, Collection, DataFiles, Problem, Report, Severity};

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
    DatasetBuild::read(files, today).finish()
}

/// [`build_dataset`] in steps, for a caller that would rather not do it in one go (the browser:
/// a task between steps keeps each short on a phone). Reading (collections, then texts) parses
/// every file and checks its shape; building (the collections others refer to, those that refer
/// to them, then `finish`) checks the meaning and builds the dataset.
pub struct DatasetBuild<'a> {
    validator: Validator<'a>,
    raw: RawData,
    /// What the build steps have made so far.
    parts: Parts,
    stage: Stage,
}

/// How far a [`DatasetBuild`] has come.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Read,
    Referenced,
    Referring,
}

impl<'a> DatasetBuild<'a> {
    /// Reads every file of `files`.
    pub fn read(files: &'a DataFiles, today: Date) -> DatasetBuild<'a> {
        let mut build = DatasetBuild::read_collections(files, today);
        build.read_texts();
        build
    }

    /// Reads every file of `files` but the texts, which [`Self::read_texts`] reads: the two
    /// are about as long, and a caller may put a task between them.
    pub fn read_collections(files: &'a DataFiles, today: Date) -> DatasetBuild<'a> {
        let mut validator = Validator::new(files, today);
        let raw = validator.read_collections();
        DatasetBuild {
            validator,
            raw,
            parts: Parts::default(),
            stage: Stage::Read,
        }
    }

    /// Reads the text files (after [`Self::read_collections`]).
    pub fn read_texts(&mut self) {
        self.validator.read_texts();
    }

    /// Checks and builds the collections others refer to (sources, figures, series, events):
    /// the first of three steps, which a caller may separate by tasks. Does nothing the second
    /// time.
    pub fn build_referenced(&mut self) {
        if self.stage == Stage::Read {
            self.parts = self.validator.build_first(&mut self.raw);
            self.stage = Stage::Referenced;
        }
    }

    /// Checks and builds the collections that refer to those (comparisons, caveats, the story,
    /// places, sectors), after [`Self::build_referenced`], which it takes first if need be.
    pub fn build_referring(&mut self) {
        self.build_referenced();
        if self.stage == Stage::Referenced {
            self.validator.build_second(&self.raw, &mut self.parts);
            self.stage = Stage::Referring;
        }
    }

    /// The last step: the warnings over the whole dataset, the texts, the dataset, and every
    /// problem located (after the steps above, which it takes first if need be).
    pub fn finish(self) -> Report {
        let report = self.finish_unlocated();
        Report {
            dataset: report.dataset,
            missing_texts: report.missing_texts,
            problems: report.problems.locate(),
        }
    }

    /// [`Self::finish`], but the problems are not placed at a line and column yet: that reads
    /// the files' texts again, and a caller may do it only when it shows them (the browser
    /// fetches that code on demand, [`UnlocatedProblems::locate`]).
    pub fn finish_unlocated(mut self) -> UnlocatedReport {
        self.build_referring();
        let DatasetBuild {
            mut validator,
            raw,
            parts,
            ..
        } = self;
        let dataset = validator.build_last(&raw, parts);
        UnlocatedReport {
            dataset,
            missing_texts: validator.missing_texts,
            problems: validator.unlocated(),
        }
    }
}

/// What [`DatasetBuild::finish_unlocated`] found: a [`Report`] whose problems are not located yet.
#[derive(Clone, Debug, Default)]
pub struct UnlocatedReport {
    /// As [`Report::dataset`].
    pub dataset: Option<model::Dataset>,
    /// Every problem, grouped by file in file order (not yet by position within a file).
    pub problems: UnlocatedProblems,
    /// As [`Report::missing_texts`].
    pub missing_texts: usize,
}

/// A problem as a rule found it: its file and JSON path, not yet its line and column.
#[derive(Clone, Debug)]
pub struct Unlocated {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to `data/`.
    pub file: String,
    /// The JSON path of the offending value, like `$.events[3].date`.
    pub path: String,
    /// What is wrong, naming the bad value.
    pub message: String,
    /// The path to look up in the file's text.
    target: Path,
    anchor: Anchor,
    /// Which of the build's files it is in (two may share a name: a language given twice).
    log: FileIx,
}

impl Unlocated {
    /// Whether the problem is about the file as a whole being absent (its line is 0): a missing
    /// or unusable file, not a place in it.
    pub fn is_about_absent_file(&self) -> bool {
        matches!(self.anchor, Anchor::Nowhere)
    }
}

/// Every problem of a build, with the text of each file that has one, to locate them in.
#[derive(Clone, Debug, Default)]
pub struct UnlocatedProblems {
    problems: Vec<Unlocated>,
    /// The text of each file with a problem, by its index, when it was read (a file too large
    /// is refused unread: there is nothing to look in).
    texts: Vec<(FileIx, String)>,
}

impl UnlocatedProblems {
    /// The problems, grouped by file in file order.
    pub fn iter(&self) -> impl Iterator<Item = &Unlocated> {
        self.problems.iter()
    }

    /// Whether there is no problem at all.
    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// Places every problem at its line and column, grouped by file in file order and sorted by
    /// position within a file.
    pub fn locate(&self) -> Vec<Problem> {
        let mut problems = Vec::with_capacity(self.problems.len());
        let mut start = 0;
        while let Some(first) = self.problems.get(start) {
            let rest = self.problems.get(start..).unwrap_or_default();
            let length = rest
                .iter()
                .position(|problem| problem.log != first.log)
                .unwrap_or(rest.len());
            let group = rest.get(..length).unwrap_or_default();
            let end = start + length;
            let text = self
                .texts
                .iter()
                .find(|(log, _)| *log == first.log)
                .map(|(_, text)| text.as_str());
            problems.extend(locate_in_file(group, text));
            start = end;
        }
        problems
    }
}

/// The problems of one file, located in its text (when it was read) and sorted by position.
fn locate_in_file(group: &[Unlocated], text: Option<&str>) -> Vec<Problem> {
    let paths: Vec<&Path> = group.iter().map(|problem| &problem.target).collect();
    let found = match text {
        Some(text) => locate::locate_all(text, &paths),
        None => vec![None; paths.len()],
    };
    let mut located: Vec<Problem> = group
        .iter()
        .zip(found)
        .map(|(problem, found)| {
            let location = match (problem.anchor, found) {
                (Anchor::Nowhere, _) => Location { line: 0, column: 0 },
                (Anchor::At(location), _) => location,
                (Anchor::Key, Some(found)) => found.key.unwrap_or(found.value),
                (Anchor::Value, Some(found)) => found.value,
                (_, None) => Location { line: 1, column: 1 },
            };
            Problem {
                severity: problem.severity,
                file: problem.file.clone(),
                path: problem.path.clone(),
                line: location.line,
                column: location.column,
                message: problem.message.clone(),
            }
        })
        .collect();
    located.sort_by_key(|p| (p.line, p.column));
    located
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
/// The language-neutral files come first, at their [`Collection::index`]; the text files follow.
type FileIx = usize;
const F_SOURCES: FileIx = Collection::Sources.index();
const F_SECTORS: FileIx = Collection::Sectors.index();
const F_EVENTS: FileIx = Collection::Events.index();
const F_FIGURES: FileIx = Collection::Figures.index();
const F_SERIES: FileIx = Collection::Series.index();
const F_COMPARISONS: FileIx = Collection::Comparisons.index();
const F_CAVEATS: FileIx = Collection::Caveats.index();
const F_STORY: FileIx = Collection::Story.index();

/// How many steps the guided story has: at least this many…
pub const STORY_MIN_STEPS: usize = 10;
/// …and at most this many.
pub const STORY_MAX_STEPS: usize = 15;
const F_PLACES: FileIx = Collection::Places.index();

// ---------------------------------------------------------------------------------------------
// Ids declared per file, for reference checks
// ---------------------------------------------------------------------------------------------

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
    steps: BTreeSet<String>,
    places: BTreeSet<String>,
    sectors: BTreeSet<SectorId>,
    /// The period strings of each declared series, for `series.<id>.point.<period>.note`.
    series_periods: BTreeMap<String, BTreeSet<String>>,
    /// Series that failed the shape check: their point periods are unknown.
    broken_series: BTreeSet<String>,
    /// The text keys that comparisons' annotations name.
    annotation_texts: BTreeSet<String>,
    /// Collections that could not be read (references into them and their text keys are not
    /// checked: the file's own error says why).
    unreadable: HashSet<Collection>,
    /// Always empty: what [`Declared::of`] gives for a collection without string ids.
    no_ids: BTreeSet<String>,
}

impl Declared {
    fn of(&self, kind: Collection) -> &BTreeSet<String> {
        match kind {
            Collection::Sources => &self.sources,
            Collection::Events => &self.events,
            Collection::Figures => &self.figures,
            Collection::Series => &self.series,
            Collection::Comparisons => &self.comparisons,
            Collection::Caveats => &self.caveats,
            Collection::Story => &self.steps,
            Collection::Places => &self.places,
            // Sectors are a closed vocabulary, checked by `sectors`, never by `reference`.
            Collection::Sectors => &self.no_ids,
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
    story: Vec<(Path, raw::Step)>,
    places: Vec<(Path, raw::Place)>,
    /// Whether `sources.json` could not be read (no dataset then).
    sources_unreadable: bool,
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
        let files = Collection::ALL
            .iter()
            .map(|collection| FileLog {
                name: collection.file().to_owned(),
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
}

mod caveats;
mod comparisons;
mod events;
mod fields;
mod figures;
mod ids;
mod places;
mod read;
mod run;
mod sectors;
mod series;
mod sources;
mod story;
mod warnings;

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
        let kept = comparison.series.clone();
        comparison.annotations.retain(|a| kept.contains(&a.series));
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

    parts
        .story
        .retain(|s| events.contains(s.event.as_str()) && figures.contains(s.figure.as_str()));
    parts.places.retain(|p| {
        p.coordinates_sources
            .iter()
            .all(|s| sources.contains(s.as_str()))
    });
    for place in &mut parts.places {
        place.events.retain(|e| events.contains(e.as_str()));
        place.figures.retain(|f| figures.contains(f.as_str()));
        place.sources.retain(has_source);
        if place
            .since_event
            .as_ref()
            .is_some_and(|e| !events.contains(e.as_str()))
        {
            place.since_event = None;
        }
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
