//! The items of the dataset: sources, sectors, events, figures, series, comparisons, caveats.
//! Plain data that has passed the validator; no lookups across items (see `dataset`).

use super::*;
use crate::data::Collection;

/// The text key `<kind>.<id>.<field>` used in `text/<lang>.json`.
pub fn text_key(kind: &str, id: &str, field: &str) -> String {
    format!("{kind}.{id}.{field}")
}

/// A cited public source.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Its id.
    pub id: SourceId,
    /// The original outlet.
    pub publisher: String,
    /// The page's title in its original form, or a plain description.
    pub title: String,
    /// An `http://` or `https://` address, when known.
    pub url: Option<String>,
    /// The publication date, as precise as known.
    pub date: Option<Date>,
    /// The kind of publication.
    pub source_type: SourceType,
    /// ISO 639-1 code of the page's language.
    pub language: String,
    /// How far the source can be trusted.
    pub confidence: Confidence,
    /// The mirror or aggregator the page was read through, when not the original outlet.
    pub via: Option<String>,
}

/// A sector, in display order.
#[derive(Clone, Debug, PartialEq)]
pub struct Sector {
    /// Which sector.
    pub id: SectorId,
    /// The fact base's tags this sector gathers.
    pub factbase_tags: Vec<String>,
    /// Headline figures; the first is shown on the sector's card.
    pub key_figures: Vec<FigureId>,
}

impl Sector {
    /// Text key of the sector's name.
    pub fn name_key(&self) -> String {
        text_key(Collection::Sectors.item(), self.id.as_str(), "name")
    }
    /// Text key of the sector's summary.
    pub fn summary_key(&self) -> String {
        text_key(Collection::Sectors.item(), self.id.as_str(), "summary")
    }
}

/// Another date that some sources give for an event whose date is disputed, with those sources.
#[derive(Clone, Debug, PartialEq)]
pub struct OtherDate {
    /// The date these sources give; never the event's own date.
    pub date: Date,
    /// The sources giving it (at least one).
    pub sources: Vec<SourceId>,
}

/// A timeline event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its id.
    pub id: EventId,
    /// When it happened (or is planned), possibly a range. For a disputed date, `start` is the
    /// date the event's own `sources` give, and `end` is `None`.
    pub when: DateRange,
    /// The other dates sources give when they disagree on the date (empty when they agree).
    /// A disputed date is never a range: an event has either an `end` or other dates.
    pub other_dates: Vec<OtherDate>,
    /// Whether it happened or is only announced.
    pub status: Status,
    /// The event's main sector (the first listed).
    pub main_sector: SectorId,
    /// All its sectors, the main one first.
    pub sectors: Vec<SectorId>,
    /// The sources stating it (at least one).
    pub sources: Vec<SourceId>,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// Whether the China Daily advertorial states it.
    pub in_advertorial: InAdvertorial,
    /// The row of the fact base it comes from.
    pub factbase_row: FactbaseRow,
}

/// A row of the fact base: of its timeline (`facts.md`) or of its 2026 update (`facts-2026.md`).
/// Ordered timeline rows first, for ties in the order of events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FactbaseRow {
    /// `factbase_row`: a row 1–76 of the timeline.
    Timeline(u32),
    /// `factbase_update_row`: `U1`–`U32` of the update.
    Update(u32),
}

impl Event {
    /// Text key of the title.
    pub fn title_key(&self) -> String {
        text_key(Collection::Events.item(), self.id.as_str(), "title")
    }
    /// Text key of the summary.
    pub fn summary_key(&self) -> String {
        text_key(Collection::Events.item(), self.id.as_str(), "summary")
    }
    /// Text key of the optional note on disputed dates.
    pub fn date_note_key(&self) -> String {
        text_key(Collection::Events.item(), self.id.as_str(), "date_note")
    }
    /// Whether the event is filed under `sector` (as main sector or otherwise).
    pub fn is_in(&self, sector: SectorId) -> bool {
        self.sectors.contains(&sector)
    }

    /// Whether sources disagree on the date (other dates are given besides the event's own).
    pub fn is_disputed(&self) -> bool {
        !self.other_dates.is_empty()
    }

    /// Every date the sources give, each with the sources giving it: the event's own date and
    /// sources first, then the other dates in file order.
    pub fn dates_with_sources(&self) -> Vec<(Date, &[SourceId])> {
        std::iter::once((self.when.start, self.sources.as_slice()))
            .chain(
                self.other_dates
                    .iter()
                    .map(|other| (other.date, other.sources.as_slice())),
            )
            .collect()
    }

    /// Every source of the event, its own first, then those of the other dates, each once.
    pub fn all_sources(&self) -> Vec<&SourceId> {
        let mut all: Vec<&SourceId> = Vec::new();
        let others = self.other_dates.iter().flat_map(|other| &other.sources);
        for id in self.sources.iter().chain(others) {
            if !all.contains(&id) {
                all.push(id);
            }
        }
        all
    }

    /// Whether the event is a stale plan: still `planned`, though its date (the first, for a
    /// range) has wholly passed by `as_of`, the data's as-of date. The data then says nothing
    /// about whether it happened, and the plan must not read as still upcoming.
    pub fn is_stale_plan(&self, as_of: Date) -> bool {
        self.status == Status::Planned && self.when.start.is_before(&as_of)
    }
}

/// What a figure states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A finite number in the figure's unit (units other than `date` and `wording`).
    Number(f64),
    /// The figure is a date (unit `date`).
    Date(Date),
    /// A non-numeric claim carried by the text (unit `wording`).
    Wording,
}

/// How a derived number was computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived<Id> {
    /// The arithmetic, e.g. `21.79 − 14.0`.
    pub formula: String,
    /// What it was computed from (figures for a figure, series for a series point).
    pub from: Vec<Id>,
}

/// A single number with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Its id.
    pub id: FigureId,
    /// Sectors it belongs to (at least one).
    pub sectors: Vec<SectorId>,
    /// What it states.
    pub amount: Amount,
    /// Its unit.
    pub unit: Unit,
    /// How the source worded it.
    pub qualifier: Qualifier,
    /// What the number covers, when it is a flow.
    pub period: Option<Period>,
    /// The date a stock or cumulative number was stated for.
    pub as_of: Option<Date>,
    /// The source stating it.
    pub source: SourceId,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// The numbered items of the advertorial checklist it covers.
    pub advertorial_items: Vec<u32>,
    /// Figures stating the same quantity differently.
    pub competing: Vec<FigureId>,
    /// How it was computed, when it was.
    pub derived: Option<Derived<FigureId>>,
}

impl Figure {
    /// The numeric value, for units that have one.
    pub fn value(&self) -> Option<f64> {
        match self.amount {
            Amount::Number(v) => Some(v),
            _ => None,
        }
    }
    /// Text key of the label (what is counted).
    pub fn label_key(&self) -> String {
        text_key(Collection::Figures.item(), self.id.as_str(), "label")
    }
    /// Text key of the optional note.
    pub fn note_key(&self) -> String {
        text_key(Collection::Figures.item(), self.id.as_str(), "note")
    }
}

/// One value of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// What the value covers.
    pub period: Period,
    /// The value, finite, as the sources state it.
    pub value: f64,
    /// How the sources worded it.
    pub qualifier: Qualifier,
    /// Sources of the value (at least one; for a derived value, of its inputs).
    pub sources: Vec<SourceId>,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// How it was computed, when it was.
    pub derived: Option<Derived<SeriesId>>,
}

/// Values over time, in one unit and one kind of period, in chronological order.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its id.
    pub id: SeriesId,
    /// The sector it belongs to.
    pub sector: SectorId,
    /// The unit of every point.
    pub unit: Unit,
    /// Whose statistics, for trade series.
    pub reporter: Option<Reporter>,
    /// Which direction, for trade series.
    pub flow: Option<Flow>,
    /// The points, chronological, one per period; missing periods are simply absent.
    pub points: Vec<Point>,
}

impl Series {
    /// Text key of the name.
    pub fn name_key(&self) -> String {
        text_key(Collection::Series.item(), self.id.as_str(), "name")
    }
    /// Text key of the optional note on one point.
    pub fn point_note_key(&self, period: &Period) -> String {
        text_key(
            Collection::Series.item(),
            self.id.as_str(),
            &format!("point.{period}.note"),
        )
    }
    /// The kind of period its points use (`None` when it has no points).
    pub fn period_kind(&self) -> Option<PeriodKind> {
        self.points.first().map(|p| p.period.kind())
    }
    /// The point for a period.
    pub fn point(&self, period: &Period) -> Option<&Point> {
        self.points.iter().find(|p| p.period == *period)
    }
}

/// Which series are compared, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Its id.
    pub id: ComparisonId,
    /// Sectors it belongs to.
    pub sectors: Vec<SectorId>,
    /// How it is drawn.
    pub mark: Mark,
    /// The series compared, in drawing order.
    pub series: Vec<SeriesId>,
    /// Notes on single points, each on a year of one of the series.
    pub annotations: Vec<Annotation>,
}

/// A note on one point of a comparison's chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Annotation {
    /// The series the point is in (one of the comparison's).
    pub series: SeriesId,
    /// The year of the point (the series has a value for it).
    pub year: u16,
    /// The text key of the note.
    pub text_key: String,
}

impl Comparison {
    /// Text key of the title.
    pub fn title_key(&self) -> String {
        text_key(Collection::Comparisons.item(), self.id.as_str(), "title")
    }
    /// Text key of the subtitle.
    pub fn subtitle_key(&self) -> String {
        text_key(Collection::Comparisons.item(), self.id.as_str(), "subtitle")
    }
    /// Text key of the definition of what is compared.
    pub fn definition_key(&self) -> String {
        text_key(
            Collection::Comparisons.item(),
            self.id.as_str(),
            "definition",
        )
    }
}

/// What a caveat qualifies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppliesTo {
    /// Figures.
    pub figures: Vec<FigureId>,
    /// Series.
    pub series: Vec<SeriesId>,
    /// Events.
    pub events: Vec<EventId>,
    /// Comparisons.
    pub comparisons: Vec<ComparisonId>,
}

/// A contested point, attached to what it qualifies.
#[derive(Clone, Debug, PartialEq)]
pub struct Caveat {
    /// Its id.
    pub id: CaveatId,
    /// Sectors it belongs to.
    pub sectors: Vec<SectorId>,
    /// What it qualifies.
    pub applies_to: AppliesTo,
    /// Sources it draws on.
    pub sources: Vec<SourceId>,
}

impl Caveat {
    /// Text key of the title.
    pub fn title_key(&self) -> String {
        text_key(Collection::Caveats.item(), self.id.as_str(), "title")
    }
    /// Text key of the body.
    pub fn body_key(&self) -> String {
        text_key(Collection::Caveats.item(), self.id.as_str(), "body")
    }
}

/// A step of the guided story: an event, the figure that shows it, and its own heading.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// Its id.
    pub id: StepId,
    /// The event it tells (its date places the step on the timeline).
    pub event: EventId,
    /// The figure that shows it.
    pub figure: FigureId,
    /// A place of the map (form checked; the map's data resolves it).
    pub place: Option<String>,
}

impl Step {
    /// Text key of the step's heading.
    pub fn title_key(&self) -> String {
        text_key(Collection::Story.item(), self.id.as_str(), "title")
    }
}

/// A point on the earth, in degrees (checked: latitude −90…90, longitude −180…180).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LatLon {
    /// Latitude, north positive.
    pub lat: f64,
    /// Longitude, east positive.
    pub lon: f64,
}

/// A place on the map: a border crossing, a pipeline, a rail line, a port or a project site.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Its id.
    pub id: PlaceId,
    /// What it is.
    pub kind: PlaceKind,
    /// Sectors it belongs to, the main one first.
    pub sectors: Vec<SectorId>,
    /// One point (a mark) or, for a line, two or more in order along it.
    pub points: Vec<LatLon>,
    /// The sources of the coordinates: the place's, then those its points name, each once.
    pub coordinates_sources: Vec<SourceId>,
    /// Whether a line is drawn through named points only, not surveyed.
    pub schematic: bool,
    /// Events about it.
    pub events: Vec<EventId>,
    /// Figures about it.
    pub figures: Vec<FigureId>,
    /// The event whose date is when it opened or began; `None` when no source says.
    pub since_event: Option<EventId>,
    /// Sources for what its texts say.
    pub sources: Vec<SourceId>,
}

impl Place {
    /// Text key of the name.
    pub fn name_key(&self) -> String {
        text_key(Collection::Places.item(), self.id.as_str(), "name")
    }
    /// Text key of the summary.
    pub fn summary_key(&self) -> String {
        text_key(Collection::Places.item(), self.id.as_str(), "summary")
    }
}
