//! The dataset: every item, indexed by id, with the lookups the views use.

use super::*;
use std::collections::BTreeMap;

/// Everything the explainer shows, validated, with lookups for the views.
///
/// Built by [`crate::data::build_dataset`]. Events are in chronological order; sectors in display
/// order; everything else in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    as_of: Option<Date>,
    sources: Vec<Source>,
    sectors: Vec<Sector>,
    events: Vec<Event>,
    figures: Vec<Figure>,
    series: Vec<Series>,
    comparisons: Vec<Comparison>,
    caveats: Vec<Caveat>,
    story: Vec<Step>,
    places: Vec<Place>,
    texts: Texts,
    index: Index,
}

/// Positions of items by id.
#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    sources: BTreeMap<SourceId, usize>,
    events: BTreeMap<EventId, usize>,
    figures: BTreeMap<FigureId, usize>,
    series: BTreeMap<SeriesId, usize>,
    comparisons: BTreeMap<ComparisonId, usize>,
    caveats: BTreeMap<CaveatId, usize>,
    places: BTreeMap<PlaceId, usize>,
}

/// Maps each item's id to its position; the first of equal ids wins (validation already
/// removed duplicates).
fn positions<T, K: Ord + Clone>(items: &[T], id: impl Fn(&T) -> &K) -> BTreeMap<K, usize> {
    let mut map = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item).clone()).or_insert(i);
    }
    map
}

/// The parts a dataset is assembled from (by the validator).
#[derive(Clone, Debug, Default)]
pub struct Parts {
    /// The date of the newest fact, when valid.
    pub as_of: Option<Date>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Sectors in display order.
    pub sectors: Vec<Sector>,
    /// Events (sorted on assembly).
    pub events: Vec<Event>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Series.
    pub series: Vec<Series>,
    /// Comparisons.
    pub comparisons: Vec<Comparison>,
    /// Caveats.
    pub caveats: Vec<Caveat>,
    /// The guided story's steps, in order.
    pub story: Vec<Step>,
    /// Places.
    pub places: Vec<Place>,
    /// Texts.
    pub texts: Texts,
}

impl Dataset {
    /// Assembles a dataset, sorting events chronologically (ties by fact-base row, then id) and
    /// indexing ids. It does not validate; use [`crate::data::build_dataset`].
    pub fn from_parts(parts: Parts) -> Self {
        let mut events = parts.events;
        events.sort_by(|a, b| {
            (a.when.first_day(), a.when.start, a.factbase_row, &a.id).cmp(&(
                b.when.first_day(),
                b.when.start,
                b.factbase_row,
                &b.id,
            ))
        });
        let index = Index {
            sources: positions(&parts.sources, |s| &s.id),
            events: positions(&events, |e| &e.id),
            figures: positions(&parts.figures, |f| &f.id),
            series: positions(&parts.series, |s| &s.id),
            comparisons: positions(&parts.comparisons, |c| &c.id),
            caveats: positions(&parts.caveats, |c| &c.id),
            places: positions(&parts.places, |p| &p.id),
        };
        Dataset {
            as_of: parts.as_of,
            sources: parts.sources,
            sectors: parts.sectors,
            events,
            figures: parts.figures,
            series: parts.series,
            comparisons: parts.comparisons,
            caveats: parts.caveats,
            story: parts.story,
            places: parts.places,
            texts: parts.texts,
            index,
        }
    }

    /// The date of the newest fact in the data (`None` if `sectors.json` had no valid `as_of`).
    pub fn as_of(&self) -> Option<Date> {
        self.as_of
    }

    /// All sources, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// A source by id.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.index
            .sources
            .get(id)
            .and_then(|i| self.sources.get(*i))
    }

    /// The sectors, in display order.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }
    /// A sector.
    pub fn sector(&self, id: SectorId) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }
    /// A sector's key figures, in order (the first is the card's number).
    pub fn key_figures(&self, id: SectorId) -> Vec<&Figure> {
        self.sector(id)
            .map(|s| {
                s.key_figures
                    .iter()
                    .filter_map(|f| self.figure(f))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All events, chronologically.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    /// An event by id.
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.index.events.get(id).and_then(|i| self.events.get(*i))
    }
    /// The events filed under a sector (main or not), chronologically.
    pub fn events_in(&self, sector: SectorId) -> impl Iterator<Item = &Event> + '_ {
        self.events.iter().filter(move |e| e.is_in(sector))
    }

    /// All figures, in file order.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }
    /// A figure by id.
    pub fn figure(&self, id: &FigureId) -> Option<&Figure> {
        self.index
            .figures
            .get(id)
            .and_then(|i| self.figures.get(*i))
    }
    /// The figures of a sector, in file order.
    pub fn figures_in(&self, sector: SectorId) -> impl Iterator<Item = &Figure> + '_ {
        self.figures
            .iter()
            .filter(move |f| f.sectors.contains(&sector))
    }
    /// The figures stating the same quantity differently.
    pub fn competing(&self, id: &FigureId) -> Vec<&Figure> {
        self.figure(id)
            .map(|f| f.competing.iter().filter_map(|c| self.figure(c)).collect())
            .unwrap_or_default()
    }

    /// All series, in file order.
    pub fn all_series(&self) -> &[Series] {
        &self.series
    }
    /// A series by id.
    pub fn series(&self, id: &SeriesId) -> Option<&Series> {
        self.index.series.get(id).and_then(|i| self.series.get(*i))
    }
    /// The series of a sector, in file order.
    pub fn series_in(&self, sector: SectorId) -> impl Iterator<Item = &Series> + '_ {
        self.series.iter().filter(move |s| s.sector == sector)
    }

    /// All comparisons, in file order.
    pub fn comparisons(&self) -> &[Comparison] {
        &self.comparisons
    }
    /// A comparison by id.
    pub fn comparison(&self, id: &ComparisonId) -> Option<&Comparison> {
        self.index
            .comparisons
            .get(id)
            .and_then(|i| self.comparisons.get(*i))
    }
    /// The default comparison of the compare view: the first one.
    pub fn default_comparison(&self) -> Option<&Comparison> {
        self.comparisons.first()
    }
    /// The comparisons of a sector, in file order.
    pub fn comparisons_in(&self, sector: SectorId) -> impl Iterator<Item = &Comparison> + '_ {
        self.comparisons
            .iter()
            .filter(move |c| c.sectors.contains(&sector))
    }
    /// The series of a comparison that exist, in drawing order.
    pub fn comparison_series(&self, id: &ComparisonId) -> Vec<&Series> {
        self.comparison(id)
            .map(|c| c.series.iter().filter_map(|s| self.series(s)).collect())
            .unwrap_or_default()
    }

    /// All places, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }
    /// A place by id.
    pub fn place(&self, id: &PlaceId) -> Option<&Place> {
        self.index.places.get(id).and_then(|i| self.places.get(*i))
    }
    /// The places of a sector.
    pub fn places_in(&self, sector: SectorId) -> impl Iterator<Item = &Place> + '_ {
        self.places
            .iter()
            .filter(move |p| p.sectors.contains(&sector))
    }
    /// The places an event is about.
    pub fn places_of_event(&self, id: &EventId) -> Vec<&Place> {
        self.places
            .iter()
            .filter(|p| p.events.contains(id))
            .collect()
    }
    /// All caveats, in file order.
    pub fn caveats(&self) -> &[Caveat] {
        &self.caveats
    }
    /// A caveat by id.
    pub fn caveat(&self, id: &CaveatId) -> Option<&Caveat> {
        self.index
            .caveats
            .get(id)
            .and_then(|i| self.caveats.get(*i))
    }
    /// The caveats of a sector.
    pub fn caveats_in(&self, sector: SectorId) -> impl Iterator<Item = &Caveat> + '_ {
        self.caveats
            .iter()
            .filter(move |c| c.sectors.contains(&sector))
    }
    /// The caveats qualifying a figure.
    pub fn caveats_for_figure(&self, id: &FigureId) -> Vec<&Caveat> {
        self.caveats_where(|a| a.figures.contains(id))
    }
    /// The caveats qualifying a series.
    pub fn caveats_for_series(&self, id: &SeriesId) -> Vec<&Caveat> {
        self.caveats_where(|a| a.series.contains(id))
    }
    /// The caveats qualifying an event.
    pub fn caveats_for_event(&self, id: &EventId) -> Vec<&Caveat> {
        self.caveats_where(|a| a.events.contains(id))
    }
    /// The caveats qualifying a comparison.
    pub fn caveats_for_comparison(&self, id: &ComparisonId) -> Vec<&Caveat> {
        self.caveats_where(|a| a.comparisons.contains(id))
    }
    fn caveats_where(&self, applies: impl Fn(&AppliesTo) -> bool) -> Vec<&Caveat> {
        self.caveats
            .iter()
            .filter(|c| applies(&c.applies_to))
            .collect()
    }

    /// The guided story's steps, in order (chronological by their events).
    pub fn story(&self) -> &[Step] {
        &self.story
    }

    /// The texts of every loaded language.
    pub fn texts(&self) -> &Texts {
        &self.texts
    }
    /// Chooses which loaded language [`Dataset::text`] returns; `false` if it is not loaded.
    pub fn set_lang(&mut self, lang: &str) -> bool {
        self.texts.set_lang(lang)
    }

    /// Marks fallback texts visibly (see [`Texts::mark_fallbacks`]).
    pub fn mark_fallbacks(&mut self) {
        self.texts.mark_fallbacks();
    }
    /// A text in the chosen language, falling back to the base language (English when loaded).
    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key)
    }
}
