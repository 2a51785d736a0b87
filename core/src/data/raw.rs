//! Serde mirrors of the JSON files: the shape of the data, before any meaning is checked.
//!
//! Every struct here is exactly one object of the format contract (`public/data/README.md`),
//! with `deny_unknown_fields`. Values whose meaning needs checking (ids, dates, periods,
//! vocabularies such as units) stay strings here; `validate` turns them into `model` types.
//!
//! Each struct is declared once through `raw_struct!`, which also derives a [`Shape`] check from
//! the same field list. serde's own errors name no path, so the validator runs the shape check
//! first: it reports *every* mismatch of an element with its exact JSON path (`$.events[3].date`),
//! and only a shape-valid element is handed to serde.
//!
//! This module must never judge meaning (that is `validate`'s job), do I/O, or panic.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::locate::Path;

/// One way a JSON value does not have the expected shape.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShapeError {
    /// Where: the value, or the member whose key is wrong.
    pub path: Path,
    /// What is wrong, in plain words naming the bad value.
    pub message: String,
    /// Whether the location to report is the member's key rather than its value.
    pub at_key: bool,
}

/// A type whose expected JSON shape can be checked with precise paths.
pub trait Shape {
    /// What is expected, for messages: "a string", "a list", "an object".
    fn expected() -> String;

    /// Pushes one [`ShapeError`] per mismatch between `value` and this type.
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>);

    /// Whether `value` has this shape: `check` would push nothing. It builds no path and no
    /// message, so valid data (nearly all of it) is checked several times faster.
    fn valid(value: &Value) -> bool;
}

/// Describes a JSON value for a message: `number 12`, `string "abc"`, `null`, `a list`.
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => String::from("null"),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => format!("string {}", quote(s)),
        Value::Array(_) => String::from("a list"),
        Value::Object(_) => String::from("an object"),
    }
}

/// Quotes a string from the data for a message: JSON escaping keeps it on one line, and a long
/// one is cut so a hostile value cannot flood the output.
pub fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let cut: String = text.chars().take(MAX).collect();
    let quoted = serde_json::to_string(&cut).unwrap_or_else(|_| String::from("\"?\""));
    if cut.len() < text.len() {
        format!("{quoted}…")
    } else {
        quoted
    }
}

fn mismatch<T: Shape>(value: &Value, path: &Path) -> ShapeError {
    ShapeError {
        path: path.clone(),
        message: format!("expected {}, found {}", T::expected(), describe(value)),
        at_key: false,
    }
}

impl Shape for String {
    fn expected() -> String {
        String::from("a string")
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        if !Self::valid(value) {
            out.push(mismatch::<Self>(value, path));
        }
    }
    fn valid(value: &Value) -> bool {
        value.is_string()
    }
}

impl Shape for f64 {
    fn expected() -> String {
        String::from("a number")
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        if !Self::valid(value) {
            out.push(mismatch::<Self>(value, path));
        }
    }
    fn valid(value: &Value) -> bool {
        value.is_number()
    }
}

impl Shape for bool {
    fn expected() -> String {
        String::from("true or false")
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        if !Self::valid(value) {
            out.push(mismatch::<Self>(value, path));
        }
    }
    fn valid(value: &Value) -> bool {
        value.is_boolean()
    }
}

impl Shape for u32 {
    fn expected() -> String {
        String::from("a whole number (0 or more)")
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        if !Self::valid(value) {
            out.push(mismatch::<Self>(value, path));
        }
    }
    fn valid(value: &Value) -> bool {
        value.as_u64().is_some_and(|n| u32::try_from(n).is_ok())
    }
}

impl<T: Shape> Shape for Option<T> {
    fn expected() -> String {
        format!("{} or null", T::expected())
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        if !value.is_null() {
            T::check(value, path, out);
        }
    }
    fn valid(value: &Value) -> bool {
        value.is_null() || T::valid(value)
    }
}

impl<T: Shape> Shape for Vec<T> {
    fn expected() -> String {
        String::from("a list")
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    T::check(item, &path.index(i), out);
                }
            }
            None => out.push(mismatch::<Self>(value, path)),
        }
    }
    fn valid(value: &Value) -> bool {
        value
            .as_array()
            .is_some_and(|items| items.iter().all(T::valid))
    }
}

impl<T: Shape> Shape for BTreeMap<String, T> {
    fn expected() -> String {
        String::from("an object")
    }
    fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
        match value.as_object() {
            Some(map) => {
                for (key, item) in map {
                    T::check(item, &path.key(key.clone()), out);
                }
            }
            None => out.push(mismatch::<Self>(value, path)),
        }
    }
    fn valid(value: &Value) -> bool {
        value
            .as_object()
            .is_some_and(|map| map.values().all(T::valid))
    }
}

/// Whether a field must be present in the object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Presence {
    /// Must be present and not null.
    Required,
    /// Must be present; may be `null`.
    RequiredNullable,
    /// May be absent.
    Optional,
}

/// The JSON name of a field (`r#type` is written `type`).
fn json_name(rust_name: &'static str) -> &'static str {
    rust_name.strip_prefix("r#").unwrap_or(rust_name)
}

/// One field of a raw struct: JSON name (as the Rust identifier), presence, and its check.
type FieldCheck = (
    &'static str,
    Presence,
    fn(&Value, &Path, &mut Vec<ShapeError>),
);

/// A field for [`object_valid`]: its Rust name, presence and [`Shape::valid`].
type FieldValid = (&'static str, Presence, fn(&Value) -> bool);

/// Whether [`check_object`] would find nothing wrong, without building paths or messages.
fn object_valid(value: &Value, fields: &[FieldValid]) -> bool {
    let Some(map) = value.as_object() else {
        return false;
    };
    map.keys()
        .all(|key| fields.iter().any(|(name, _, _)| json_name(name) == key))
        && fields.iter().all(
            |(name, presence, valid)| match (map.get(json_name(name)), presence) {
                (None, Presence::Optional) => true,
                (None, _) | (Some(Value::Null), Presence::Required) => false,
                (Some(field), _) => valid(field),
            },
        )
}

/// Checks one object against a field list; the per-field checks are given as functions.
fn check_object(value: &Value, path: &Path, out: &mut Vec<ShapeError>, fields: &[FieldCheck]) {
    let Some(map) = value.as_object() else {
        out.push(ShapeError {
            path: path.clone(),
            message: format!("expected an object, found {}", describe(value)),
            at_key: false,
        });
        return;
    };
    for key in map.keys() {
        if !fields.iter().any(|(name, _, _)| json_name(name) == key) {
            let names: Vec<&str> = fields.iter().map(|(name, _, _)| json_name(name)).collect();
            out.push(ShapeError {
                path: path.key(key.clone()),
                message: format!(
                    "unknown field {}; expected one of {}",
                    quote(key),
                    names.join(", ")
                ),
                at_key: true,
            });
        }
    }
    for (name, presence, check) in fields {
        let name = json_name(name);
        match (map.get(name), presence) {
            (None, Presence::Optional) => {}
            (None, _) => out.push(ShapeError {
                path: path.clone(),
                message: format!("missing required field {}", quote(name)),
                at_key: false,
            }),
            (Some(Value::Null), Presence::Required) => out.push(ShapeError {
                path: path.key(name),
                message: format!("field {} must not be null", quote(name)),
                at_key: false,
            }),
            (Some(field), _) => check(field, &path.key(name), out),
        }
    }
}

/// Declares a raw struct and its [`Shape`] check from one field list.
///
/// Each field is marked `req` (required, not null), `null` (required, may be null) or `opt`
/// (may be absent). The serde attributes follow from the mark, so serde and the shape check agree
/// on presence by construction.
macro_rules! raw_struct {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $($body:tt)* }
    ) => {
        raw_struct!(@munch [$(#[$meta])*] $name [] [] $($body)*);
    };

    (@munch $metas:tt $name:ident [$($fields:tt)*] [$($checks:tt)*]
        $(#[doc = $doc:literal])* req $field:ident : $ty:ty, $($rest:tt)*) => {
        raw_struct!(@munch $metas $name
            [$($fields)* $(#[doc = $doc])* pub $field: $ty,]
            [$($checks)* ($field, $ty, Required)]
            $($rest)*);
    };
    (@munch $metas:tt $name:ident [$($fields:tt)*] [$($checks:tt)*]
        $(#[doc = $doc:literal])* null $field:ident : $ty:ty, $($rest:tt)*) => {
        raw_struct!(@munch $metas $name
            [$($fields)* $(#[doc = $doc])*
                #[serde(deserialize_with = "Option::deserialize")] pub $field: $ty,]
            [$($checks)* ($field, $ty, RequiredNullable)]
            $($rest)*);
    };
    (@munch $metas:tt $name:ident [$($fields:tt)*] [$($checks:tt)*]
        $(#[doc = $doc:literal])* opt $field:ident : $ty:ty, $($rest:tt)*) => {
        raw_struct!(@munch $metas $name
            [$($fields)* $(#[doc = $doc])* #[serde(default)] pub $field: $ty,]
            [$($checks)* ($field, $ty, Optional)]
            $($rest)*);
    };

    (@munch [$($meta:tt)*] $name:ident [$($fields:tt)*]
        [$(($field:ident, $ty:ty, $presence:ident))*]) => {
        $($meta)*
        #[derive(Clone, Debug, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name { $($fields)* }

        impl $name {
            /// The JSON names of the fields, in declaration order.
            pub fn field_names() -> Vec<&'static str> {
                vec![$(json_name(stringify!($field))),*]
            }
        }

        impl Shape for $name {
            fn expected() -> String {
                String::from("an object")
            }
            fn check(value: &Value, path: &Path, out: &mut Vec<ShapeError>) {
                check_object(value, path, out, &[
                    $((stringify!($field), Presence::$presence, <$ty as Shape>::check),)*
                ]);
            }
            fn valid(value: &Value) -> bool {
                object_valid(value, &[
                    $((stringify!($field), Presence::$presence, <$ty as Shape>::valid),)*
                ])
            }
        }
    };
}

raw_struct! {
    /// `sources.json`.
    pub struct SourcesFile {
        /// Every cited source.
        req sources: Vec<Source>,
    }
}

raw_struct! {
    /// One element of `sources.json`'s `sources`.
    pub struct Source {
        /// Id, referenced from every other file.
        req id: String,
        /// The original outlet.
        req publisher: String,
        /// The page's title, or a plain description.
        req title: String,
        /// `http://` or `https://` address, or null when unknown.
        null url: Option<String>,
        /// Publication date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or null.
        null date: Option<String>,
        /// Source type (`official-statistics`, `news`, …).
        req r#type: String,
        /// ISO 639-1 code of the page's language.
        req language: String,
        /// `high`, `medium` or `low`.
        req confidence: String,
        /// The mirror or aggregator the page was read through.
        opt via: Option<String>,
    }
}

raw_struct! {
    /// `sectors.json`.
    pub struct SectorsFile {
        /// The date of the newest fact in the data.
        req as_of: String,
        /// The eleven sectors in display order.
        req sectors: Vec<Sector>,
    }
}

raw_struct! {
    /// One element of `sectors.json`'s `sectors`.
    pub struct Sector {
        /// Sector id.
        req id: String,
        /// Tags of the fact base this sector gathers.
        opt factbase_tags: Vec<String>,
        /// Figure ids; the first is the number on the sector's card.
        opt key_figures: Vec<String>,
    }
}

raw_struct! {
    /// `events.json`.
    pub struct EventsFile {
        /// Timeline events.
        req events: Vec<Event>,
    }
}

raw_struct! {
    /// One element of `events.json`'s `events`.
    pub struct Event {
        /// Event id.
        req id: String,
        /// The (first) date.
        req date: String,
        /// The last date of an event spanning a range.
        opt end: Option<String>,
        /// Other dates that sources give when they disagree on the date.
        opt other_dates: Vec<OtherDate>,
        /// `happened` or `planned`.
        req status: String,
        /// Sector ids, the main one first.
        req sectors: Vec<String>,
        /// Source ids.
        req sources: Vec<String>,
        /// `high`, `medium` or `low`.
        req confidence: String,
        /// `yes`, `no` or `partly`.
        req in_advertorial: String,
        /// The row of the fact base's timeline (`facts.md`, 1–76) it comes from.
        opt factbase_row: Option<u32>,
        /// Or the row of the fact base's 2026 update (`facts-2026.md`, `U1`–`U32`).
        opt factbase_update_row: Option<String>,
    }
}

raw_struct! {
    /// One element of an event's `other_dates`: a date that other sources give.
    pub struct OtherDate {
        /// The date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
        req date: String,
        /// Ids of the sources giving it.
        req sources: Vec<String>,
    }
}

raw_struct! {
    /// `figures.json`.
    pub struct FiguresFile {
        /// Single numbers.
        req figures: Vec<Figure>,
    }
}

raw_struct! {
    /// How a derived number was computed.
    pub struct Derived {
        /// The arithmetic, e.g. `21.79 − 14.0`.
        opt formula: Option<String>,
        /// Ids it was computed from.
        opt from: Vec<String>,
    }
}

raw_struct! {
    /// One element of `figures.json`'s `figures`.
    pub struct Figure {
        /// Figure id.
        req id: String,
        /// Sector ids.
        req sectors: Vec<String>,
        /// The number, unless the unit is `date` or `wording`.
        opt value: Option<f64>,
        /// Unit.
        req unit: String,
        /// `exact`, `over`, `nearly` or `about`.
        req qualifier: String,
        /// What the number covers.
        opt period: Option<String>,
        /// The date a stock number was stated for.
        opt as_of: Option<String>,
        /// The date a `date` figure states.
        opt date: Option<String>,
        /// The source id.
        opt source: Option<String>,
        /// `high`, `medium` or `low`.
        req confidence: String,
        /// Items of the advertorial checklist.
        opt advertorial_items: Vec<u32>,
        /// Figure ids stating the same quantity differently.
        opt competing: Vec<String>,
        /// How it was computed.
        opt derived: Option<Derived>,
    }
}

raw_struct! {
    /// `series.json`.
    pub struct SeriesFile {
        /// Values over time.
        req series: Vec<Series>,
    }
}

raw_struct! {
    /// One element of `series.json`'s `series`.
    pub struct Series {
        /// Series id.
        req id: String,
        /// Sector id.
        req sector: String,
        /// Unit of every point.
        req unit: String,
        /// `china`, `kazakhstan` or null.
        opt reporter: Option<String>,
        /// `total`, `cn-to-kz`, `kz-to-cn` or null.
        opt flow: Option<String>,
        /// The points.
        req points: Vec<Point>,
    }
}

raw_struct! {
    /// One point of a series.
    pub struct Point {
        /// What the value covers.
        req period: String,
        /// The value.
        opt value: Option<f64>,
        /// `exact`, `over`, `nearly` or `about`.
        req qualifier: String,
        /// Source ids.
        opt sources: Vec<String>,
        /// `high`, `medium` or `low`.
        req confidence: String,
        /// How it was computed.
        opt derived: Option<Derived>,
    }
}

raw_struct! {
    /// `comparisons.json`.
    pub struct ComparisonsFile {
        /// Comparisons, the default first.
        req comparisons: Vec<Comparison>,
    }
}

raw_struct! {
    /// One element of `comparisons.json`'s `comparisons`.
    pub struct Comparison {
        /// Comparison id.
        req id: String,
        /// Sector ids.
        req sectors: Vec<String>,
        /// `line`, `bar` or `grouped-bar`.
        req mark: String,
        /// Series ids.
        req series: Vec<String>,
        /// Notes on single points of the chart.
        opt annotations: Vec<Annotation>,
    }
}

raw_struct! {
    /// One element of a comparison's `annotations`: a note on one point of the chart.
    pub struct Annotation {
        /// The series id (one of the comparison's).
        req series: String,
        /// The year of the point (the series must have a value for it).
        req year: u32,
        /// The text key of the note, in `text/<lang>.json`.
        req text: String,
    }
}

raw_struct! {
    /// `caveats.json`.
    pub struct CaveatsFile {
        /// Contested points.
        req caveats: Vec<Caveat>,
    }
}

raw_struct! {
    /// What a caveat qualifies.
    pub struct AppliesTo {
        /// Figure ids.
        opt figures: Vec<String>,
        /// Series ids.
        opt series: Vec<String>,
        /// Event ids.
        opt events: Vec<String>,
        /// Comparison ids.
        opt comparisons: Vec<String>,
    }
}

raw_struct! {
    /// One element of `caveats.json`'s `caveats`.
    pub struct Caveat {
        /// Caveat id.
        req id: String,
        /// Sector ids.
        req sectors: Vec<String>,
        /// What it qualifies.
        req applies_to: AppliesTo,
        /// Source ids.
        opt sources: Vec<String>,
    }
}

raw_struct! {
    /// `story.json`.
    pub struct StoryFile {
        /// The guided story's steps, in order.
        req steps: Vec<Step>,
    }
}

raw_struct! {
    /// `places.json`.
    pub struct PlacesFile {
        /// Border crossings, pipelines, rail corridors, ports and project sites.
        req places: Vec<Place>,
    }
}

raw_struct! {
    /// One element of `story.json`'s `steps`.
    pub struct Step {
        /// Step id.
        req id: String,
        /// The event the step tells: its date, summary and sources.
        req event: String,
        /// The figure that shows it, with its source.
        req figure: String,
        /// A place of the map the step points at, when there is one.
        opt place: Option<String>,
    }
}

raw_struct! {
    /// One point of a place: degrees of latitude (north positive) and longitude (east positive).
    pub struct GeoPoint {
        /// Latitude, −90 to 90.
        req lat: f64,
        /// Longitude, −180 to 180.
        req lon: f64,
        /// The source of this point's coordinates, when not the place's `coordinates_source`
        /// (a line drawn through towns, each located by its own source).
        opt source: Option<String>,
    }
}

raw_struct! {
    /// One element of `places.json`'s `places`.
    pub struct Place {
        /// Place id.
        req id: String,
        /// `crossing`, `pipeline`, `rail`, `port`, `dry-port` or `site`.
        req kind: String,
        /// Sector ids, the main one first.
        req sectors: Vec<String>,
        /// One point (a mark) or two or more (a line, in order along it).
        req points: Vec<GeoPoint>,
        /// The source of the coordinates (of every point that names none of its own).
        req coordinates_source: String,
        /// Whether a line is drawn through named points only, not surveyed.
        opt schematic: Option<bool>,
        /// Event ids about the place.
        opt events: Vec<String>,
        /// Figure ids about the place.
        opt figures: Vec<String>,
        /// The event (one of `events`) whose date is when the place opened or began.
        opt since_event: Option<String>,
        /// Source ids for what the place's texts say.
        opt sources: Vec<String>,
    }
}

raw_struct! {
    /// `text/<lang>.json`.
    pub struct TextFile {
        /// The language code; must match the file name.
        req lang: String,
        /// A flat map from text key to plain text.
        req text: BTreeMap<String, String>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn shape_of<T: Shape>(value: &Value) -> Vec<String> {
        let mut out = Vec::new();
        T::check(value, &Path::root().key("events").index(0), &mut out);
        out.iter()
            .map(|e| format!("{} {}", e.path, e.message))
            .collect()
    }

    #[test]
    fn the_shape_check_names_every_problem_with_its_path() {
        let value = json!({
            "id": 7, "date": "1992", "status": "happened", "sectors": ["trade", 3],
            "sources": [], "confidence": "high", "in_advertorial": "no",
            "factbase_row": -1, "colour": "red"
        });
        assert_eq!(
            shape_of::<Event>(&value),
            [
                "$.events[0].colour unknown field \"colour\"; expected one of id, date, end, \
                 other_dates, status, sectors, sources, confidence, in_advertorial, factbase_row, \
                 factbase_update_row",
                "$.events[0].id expected a string, found number 7",
                "$.events[0].sectors[1] expected a string, found number 3",
                "$.events[0].factbase_row expected a whole number (0 or more), found number -1",
            ]
        );
    }

    #[test]
    fn a_required_nullable_field_must_be_present_but_may_be_null() {
        let mut source = json!({
            "id": "a", "publisher": "P", "title": "T", "url": null, "date": null,
            "type": "news", "language": "en", "confidence": "high"
        });
        assert!(shape_of::<Source>(&source).is_empty());
        assert!(serde_json::from_value::<Source>(source.clone()).is_ok());
        source.as_object_mut().unwrap().remove("url");
        assert_eq!(
            shape_of::<Source>(&source),
            ["$.events[0] missing required field \"url\""]
        );
        // serde agrees: the field is required by construction.
        assert!(serde_json::from_value::<Source>(source).is_err());
    }

    #[test]
    fn a_required_field_must_not_be_null() {
        let value = json!({"id": null, "mark": "line", "sectors": [], "series": []});
        assert_eq!(
            shape_of::<Comparison>(&value),
            ["$.events[0].id field \"id\" must not be null"]
        );
    }

    #[test]
    fn raw_type_names_map_to_json_names() {
        assert!(Source::field_names().contains(&"type"));
        assert_eq!(TextFile::field_names(), ["lang", "text"]);
    }

    #[test]
    fn quoting_cuts_long_hostile_strings_and_keeps_them_on_one_line() {
        assert_eq!(quote("a\nb"), "\"a\\nb\"");
        let long = "x".repeat(1000);
        assert!(quote(&long).len() < 70);
    }
}
