//! The map (`view=map&place=<id>`): border crossings, corridors, ports and project sites on a
//! locator map of the region ([`Locator`]), filtered by the sectors the timeline shares
//! (`sector=`) and by the highlighted year (`year=`: a place that opened later is hidden; one
//! whose opening year is not in the sources stays); a text summary; the chosen place's card with
//! its events, figures and sources; and every place shown as a list, the accessible and phone
//! form of the map.
//!
//! Entry component: [`MapView`] (a lazily loaded chunk can wrap it alone).

use super::{text, AsOfLine, EventItem};
use crate::components::disclosure::LazyDetails;
use crate::components::lazy::{lazy_view, Waiting};
use crate::components::link::Link;
use crate::components::locator::{kind_label, Locator};
use crate::components::provenance::{FigureCard, SourceRef};
use crate::services::chunk::ChunkFailed;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use cke_core::data::model::text_key;
use cke_core::data::model::{Dataset, Place, PlaceId, PlaceKind, SectorId};
use cke_core::strings::Ui;
use cke_core::url::{Lang, Selection};
use leptos::prelude::*;
use std::sync::Arc;

/// The year a place opened, from its `since_event`; `None` when no source says.
pub fn opened_in(dataset: &Dataset, place: &Place) -> Option<u16> {
    let id = place.since_event.as_ref()?;
    dataset.event(id).map(|event| event.when.start.year)
}

/// Whether a place is shown for the chosen sectors and year.
pub fn is_shown(dataset: &Dataset, place: &Place, sectors: &[SectorId], year: Option<i32>) -> bool {
    let in_sector = sectors.is_empty() || place.sectors.iter().any(|s| sectors.contains(s));
    let opened = match (year, opened_in(dataset, place)) {
        (Some(year), Some(opened)) => i32::from(opened) <= year,
        _ => true,
    };
    in_sector && opened
}

/// `view=map`; drawn by its own chunk in a split build.
#[component]
pub fn MapView(dataset: Arc<Dataset>) -> impl IntoView {
    lazy_view(move || load_map(dataset.clone()), Waiting::View)
}

/// Fetches the map's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_map() {
    #[cfg(feature = "split")]
    let _ = preload_map_chunk().await;
}

async fn load_map(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return map_chunk(dataset).await;
    #[cfg(not(feature = "split"))]
    map_chunk(dataset)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        map,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_map_chunk)
    )
)]
fn map_chunk(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Map dataset/> }.into_any())
}

/// The map view itself.
#[component]
fn Map(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let filter = Memo::new(move |_| {
        nav.selection
            .with(|selection| (selection.sectors.clone(), selection.year))
    });
    let shown = Memo::new({
        let dataset = dataset.clone();
        move |_| {
            let (sectors, year) = filter.get();
            dataset
                .places()
                .iter()
                .filter(|place| is_shown(&dataset, place, &sectors, year))
                .map(|place| place.id.clone())
                .collect::<Vec<PlaceId>>()
        }
    });
    let place_param = Memo::new(move |_| nav.selection.with(|selection| selection.place.clone()));
    let selected = Memo::new({
        let dataset = dataset.clone();
        move |_| {
            place_param
                .get()
                .and_then(|id| PlaceId::parse(&id))
                .filter(|id| dataset.place(id).is_some())
        }
    });
    let unknown = move || {
        (place_param.with(Option::is_some) && selected.with(Option::is_none)).then(
            || view! { <p class="cke-notice" role="status">{Ui::MapPlaceUnknown.text(lang)}</p> },
        )
    };

    let sectors_with_places: Vec<(SectorId, String)> = SectorId::ALL
        .iter()
        .copied()
        .filter(|sector| dataset.places_in(*sector).next().is_some())
        .map(|sector| {
            let name = text(&dataset, &text_key("sector", sector.as_str(), "name"));
            (sector, name)
        })
        .collect();
    let filters = move || {
        let chosen = filter.get().0;
        let base = nav.selection.get_untracked();
        let all = {
            let to = base.with_sectors(&[]);
            let current = Signal::derive({
                let none = chosen.is_empty();
                move || none
            });
            view! { <li><Link to current>{Ui::MapAllSectors.text(lang)}</Link></li> }
        };
        let each = sectors_with_places
            .iter()
            .map(|(sector, name)| {
                let to = base.with_sectors(&[*sector]);
                let is = chosen == [*sector];
                let current = Signal::derive(move || is);
                let name = name.clone();
                view! { <li><Link to current>{name}</Link></li> }
            })
            .collect_view();
        view! { {all}{each} }
    };
    let year_note = move || {
        filter.get().1.map(|year| {
            let mut to = nav.selection.get_untracked();
            to.year = None;
            view! {
                <p class="cke-map-year">
                    {Ui::MapYearNote.fill(lang, &[("year", &year.to_string())])} " "
                    <Link to>{Ui::MapAllYears.text(lang)}</Link>
                </p>
            }
        })
    };
    let summary = {
        let dataset = dataset.clone();
        move || {
            let ids = shown.get();
            let places: Vec<&Place> = ids.iter().filter_map(|id| dataset.place(id)).collect();
            let count = |kinds: &[PlaceKind]| {
                places
                    .iter()
                    .filter(|place| kinds.contains(&place.kind))
                    .count()
                    .to_string()
            };
            Ui::MapSummary.fill(
                lang,
                &[
                    ("count", &places.len().to_string()),
                    ("crossings", &count(&[PlaceKind::Crossing])),
                    ("lines", &count(&[PlaceKind::Pipeline, PlaceKind::Rail])),
                    ("ports", &count(&[PlaceKind::Port, PlaceKind::DryPort])),
                    ("sites", &count(&[PlaceKind::Site])),
                ],
            )
        }
    };
    let card = {
        let dataset = dataset.clone();
        move || {
            selected.get().and_then(|id| {
                let place = dataset.place(&id)?.clone();
                Some(view! { <PlaceCard dataset=dataset.clone() place/> })
            })
        }
    };
    let list = {
        let dataset = dataset.clone();
        move || {
            let chosen = selected.get();
            shown
                .get()
                .iter()
                .filter_map(|id| dataset.place(id))
                .map(|place| {
                    let id = place.id.clone();
                    let to = nav
                        .selection
                        .with_untracked(|selection| selection.with_place(Some(id.as_str())));
                    let is = chosen.as_ref() == Some(&id);
                    let current = Signal::derive(move || is);
                    let name = text(&dataset, &place.name_key());
                    let kind = kind_label(place.kind).text(lang);
                    view! {
                        <li data-kind=place.kind.as_str()>
                            <Link to current>{name}</Link>
                            <span class="cke-map-kind">" · " {kind}</span>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let as_of = view! { <AsOfLine dataset=dataset.clone()/> };
    view! {
        <h1>{Ui::MapTitle.text(lang)}</h1>
        {as_of}
        <p class="cke-lede">{Ui::MapLede.text(lang)}</p>
        {unknown}
        <nav class="cke-tabs cke-map-filter" aria-label=Ui::MapSectorFilter.text(lang)>
            <ul>{filters}</ul>
        </nav>
        {year_note}
        <p class="cke-map-summary">{summary}</p>
        <div class="cke-map-layout">
            <Locator dataset=dataset.clone() places=shown selected/>
            {card}
        </div>
        <section class="cke-map-list" aria-labelledby="cke-map-list-title">
            <h2 id="cke-map-list-title">{Ui::MapListTitle.text(lang)}</h2>
            <ul>{list}</ul>
        </section>
    }
}

/// The card of a place: what it is, since when, what the texts say, the source of its
/// coordinates, its events, figures and sources.
#[component]
pub fn PlaceCard(dataset: Arc<Dataset>, place: Place) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let close: Selection = nav
        .selection
        .with_untracked(|selection| selection.with_place(None));
    let name = text(&dataset, &place.name_key());
    let summary = text(&dataset, &place.summary_key());
    let kind = kind_label(place.kind).text(lang);
    let since = since_text(&dataset, &place, lang);
    let schematic = place
        .schematic
        .then(|| view! { <p class="cke-map-schematic">{Ui::MapSchematic.text(lang)}</p> });
    let events: Vec<_> = place
        .events
        .iter()
        .filter_map(|id| dataset.event(id).cloned())
        .collect();
    let events = (!events.is_empty()).then(|| {
        let items = events
            .into_iter()
            .map(|event| view! { <EventItem dataset=dataset.clone() event/> })
            .collect_view();
        view! { <h3>{Ui::MapEvents.text(lang)}</h3><ul class="cke-events">{items}</ul> }
    });
    let figures: Vec<_> = place
        .figures
        .iter()
        .filter_map(|id| dataset.figure(id).cloned())
        .collect();
    let figures = (!figures.is_empty()).then(|| {
        let cards = figures
            .into_iter()
            .map(|figure| view! { <FigureCard dataset=dataset.clone() figure heading_level=4/> })
            .collect_view();
        view! { <h3>{Ui::MapFigures.text(lang)}</h3><div class="cke-figures">{cards}</div> }
    });
    let sources = (!place.sources.is_empty()).then(|| {
        let items = place
            .sources
            .iter()
            .map(|id| view! { <li><SourceRef dataset=dataset.clone() id=id.clone()/></li> })
            .collect_view();
        view! { <h3>{Ui::MapSources.text(lang)}</h3><ul class="cke-sources">{items}</ul> }
    });
    let coordinates = place
        .coordinates_sources
        .iter()
        .enumerate()
        .map(|(i, id)| {
            view! { {if i == 0 { " " } else { "; " }} <SourceRef dataset=dataset.clone() id=id.clone()/> }
        })
        .collect_view();
    view! {
        <section class="cke-map-card" aria-labelledby="cke-map-card-title" data-place=place.id.as_str().to_owned()>
            <h2 id="cke-map-card-title" tabindex="-1">{name}</h2>
            <p class="cke-map-kind">{kind} " · " {since}</p>
            <p>{summary}</p>
            {schematic}
            <p class="cke-map-coords">
                {Ui::MapCoordinatesFrom.text(lang)} {coordinates}
            </p>
            {events}
            {figures}
            {sources}
            <p><Link to=close class="cke-map-close">{Ui::MapClose.text(lang)}</Link></p>
        </section>
    }
}

fn since_text(dataset: &Dataset, place: &Place, lang: Lang) -> String {
    match opened_in(dataset, place) {
        Some(year) => Ui::MapSince.fill(lang, &[("year", &year.to_string())]),
        None => Ui::MapSinceUnknown.text(lang).to_owned(),
    }
}

/// A sector's places, for its page: the list, each place linking to its card on the map.
/// Nothing when the sector has no places.
#[component]
pub fn SectorPlaces(dataset: Arc<Dataset>, sector: SectorId) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let places: Vec<PlaceId> = dataset
        .places_in(sector)
        .map(|place| place.id.clone())
        .collect();
    if places.is_empty() {
        return ().into_any();
    }
    let items = places
        .iter()
        .filter_map(|id| dataset.place(id))
        .map(|place| {
            let mut to = nav
                .selection
                .with_untracked(|selection| selection.with_place(Some(place.id.as_str())));
            to.sectors = vec![sector];
            let name = text(&dataset, &place.name_key());
            let kind = kind_label(place.kind).text(lang);
            view! { <li><Link to>{name}</Link><span class="cke-map-kind">" · " {kind}</span></li> }
        })
        .collect_view();
    // The map is the list's picture (its marks link to the same cards), built when asked for:
    // drawn with the page it cost about 55 elements and a fetch of the outlines on every switch
    // of sector (the element budget of `e2e/budget.test.mjs`), for a part at the page's foot.
    // The list stays the accessible and phone form.
    let summary = view! { <span>{Ui::MapShowOnMap.text(lang)}</span> }.into_any();
    view! {
        <section class="cke-section cke-sector-places" aria-labelledby="cke-places">
            <h2 id="cke-places">{Ui::MapOnTheMap.text(lang)}</h2>
            <LazyDetails class="cke-more cke-sector-map" summary>
                {sector_locator(dataset.clone(), places.clone())}
            </LazyDetails>
            <ul class="cke-list">{items}</ul>
        </section>
    }
    .into_any()
}

/// A sector's places on a locator map. The locator's code is the map's: in a split build a chunk
/// of its own (shared with the map and the story), fetched when the reader opens the map, or
/// ahead when the browser is idle.
fn sector_locator(dataset: Arc<Dataset>, places: Vec<PlaceId>) -> AnyView {
    lazy_view(
        move || load_locator(dataset.clone(), places.clone()),
        Waiting::Part,
    )
}

/// Fetches the locator's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_locator() {
    #[cfg(feature = "split")]
    let _ = preload_locator_chunk().await;
}

async fn load_locator(dataset: Arc<Dataset>, places: Vec<PlaceId>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return locator_chunk(dataset, places).await;
    #[cfg(not(feature = "split"))]
    locator_chunk(dataset, places)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        locator,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_locator_chunk)
    )
)]
fn locator_chunk(dataset: Arc<Dataset>, places: Vec<PlaceId>) -> Result<AnyView, ChunkFailed> {
    let selected: Option<PlaceId> = None;
    Ok(view! { <Locator dataset places selected/> }.into_any())
}
