//! What a sector page shows first and what it keeps for the reader to ask for.
//!
//! A sector opens with its story: the summary, a few key figures, its main chart and its key
//! events. Everything else (the other figures, the other charts, the caveats, the other events)
//! follows on demand, each part with its count. Nothing is dropped: every figure, chart, caveat
//! and event of the sector is in exactly one of the two parts, so it is one action away.

use crate::data::model::{CaveatId, ComparisonId, Dataset, Event, EventId, FigureId, SectorId};

/// How many key figures a sector page shows first (the sector's own order of `key_figures`).
pub const KEY_FIGURES: usize = 4;
/// How many events a sector page shows first.
pub const KEY_EVENTS: usize = 4;

/// A sector page's parts, split into what is shown first and what is shown on demand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectorPage {
    /// The first figures: the sector's key figures (the editors' choice), at most
    /// [`KEY_FIGURES`].
    pub key_figures: Vec<FigureId>,
    /// Every other figure of the sector: key figures beyond the first few, then the others in
    /// file order.
    pub more_figures: Vec<FigureId>,
    /// The sector's first comparison, drawn on the page.
    pub main_chart: Option<ComparisonId>,
    /// Its other comparisons.
    pub more_charts: Vec<ComparisonId>,
    /// The key events, in date order: the first of the sector's story and its latest.
    pub key_events: Vec<EventId>,
    /// Every other event of the sector, in date order.
    pub more_events: Vec<EventId>,
    /// The caveats about the sector (all on demand).
    pub caveats: Vec<CaveatId>,
}

impl SectorPage {
    /// The parts of `sector`'s page in `dataset`.
    pub fn of(dataset: &Dataset, sector: SectorId) -> SectorPage {
        let key: Vec<FigureId> = dataset
            .sector(sector)
            .map(|info| {
                info.key_figures
                    .iter()
                    .filter(|id| dataset.figure(id).is_some())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let mut figures = key.clone();
        for figure in dataset.figures_in(sector) {
            if !figures.contains(&figure.id) {
                figures.push(figure.id.clone());
            }
        }
        // The editors' key figures come first (at most a few); the others wait.
        let more_figures = figures.split_off(key.len().min(KEY_FIGURES));
        let mut charts = dataset.comparisons_in(sector).map(|c| c.id.clone());
        let main_chart = charts.next();
        let more_charts = charts.collect();
        let events: Vec<&Event> = dataset.events_in(sector).collect();
        let key = key_events(&events, sector);
        let (key_events, more_events) = events
            .iter()
            .map(|event| event.id.clone())
            .partition(|id| key.contains(id));
        SectorPage {
            key_figures: figures,
            more_figures,
            main_chart,
            more_charts,
            key_events,
            more_events,
            caveats: dataset.caveats_in(sector).map(|c| c.id.clone()).collect(),
        }
    }

    /// Whether `figure` is shown only on demand (so a link to it must open that part first).
    pub fn figure_on_demand(&self, figure: &FigureId) -> bool {
        self.more_figures.contains(figure)
    }
}

/// The key events among a sector's `events` (in date order): those whose main sector it is when
/// there are enough, else all of them; of these the first (where the sector's story begins) and
/// the latest, [`KEY_EVENTS`] in all.
fn key_events(events: &[&Event], sector: SectorId) -> Vec<EventId> {
    let main: Vec<&&Event> = events
        .iter()
        .filter(|event| event.main_sector == sector)
        .collect();
    let pool: Vec<&&Event> = if main.len() >= KEY_EVENTS {
        main
    } else {
        events.iter().collect()
    };
    if pool.len() <= KEY_EVENTS {
        return pool.iter().map(|event| event.id.clone()).collect();
    }
    let mut key = Vec::with_capacity(KEY_EVENTS);
    if let Some(first) = pool.first() {
        key.push(first.id.clone());
    }
    let latest = pool.len() - (KEY_EVENTS - 1);
    key.extend(pool[latest..].iter().map(|event| event.id.clone()));
    key
}

/// The figure a page's fragment (`#figure-<id>`, without the `#`) names, if it names one.
pub fn figure_in_fragment(fragment: &str) -> Option<FigureId> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    FigureId::parse(fragment.strip_prefix("figure-")?)
}
