//! [`Locator`]: a locator map of the region. The outlines of China, Kazakhstan and their
//! neighbours (Natural Earth, public domain) are fetched the first time a map is shown
//! (`data/geo/region.json`, a few KB) and drawn as SVG; lines (pipelines, rail corridors) are
//! drawn in it from the places' coordinates, projected by the core (`cke_core::geo::REGION`),
//! the same projection the outlines were built with. Each place is an HTML link placed over the
//! map, so that it is focusable, named and followed by click, tap or Enter like any link; the
//! SVG itself is decoration (`aria-hidden`), and whoever shows a locator shows the same places as
//! a list too.
//!
//! Used by the map view (`views::map`) and meant for any view that wants to locate a few places:
//! a step of the guided story can show `<Locator dataset places selected compact=true/>` with the
//! places of its step.

use crate::components::link::Link;
use crate::services::chunk::{Awaited, Pending};
use crate::services::lang::use_lang;
use crate::services::load::fetch_outlines;
use crate::services::nav::use_nav;
use cke_core::data::model::{Dataset, LatLon, Place, PlaceId, PlaceKind};
use cke_core::geo::{Outlines, CHINA, KAZAKHSTAN, REGION};
use cke_core::strings::Ui;
use cke_core::url::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// The words for a kind of place.
pub fn kind_label(kind: PlaceKind) -> Ui {
    match kind {
        PlaceKind::Crossing => Ui::MapKindCrossing,
        PlaceKind::Pipeline => Ui::MapKindPipeline,
        PlaceKind::Rail => Ui::MapKindRail,
        PlaceKind::Port => Ui::MapKindPort,
        PlaceKind::DryPort => Ui::MapKindDryPort,
        PlaceKind::Site => Ui::MapKindSite,
    }
}

/// Where a place's mark sits, in the map's SVG units: its point, or the middle of its line.
pub fn mark_position(place: &Place) -> (f64, f64) {
    let projected: Vec<(f64, f64)> = place
        .points
        .iter()
        .map(|point| REGION.project(*point))
        .collect();
    match projected.as_slice() {
        [] => (0.0, 0.0),
        [only] => *only,
        many => {
            let middle = many.len() / 2;
            let (a, b) = (many[middle - 1], many[middle]);
            ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0)
        }
    }
}

/// The least distance between two marks' centres, in SVG units: 28 units are 24 px (a WCAG
/// 2.2 target) once the map is 860 px wide or more.
pub const MARK_SPACING: f64 = 28.0;

/// Where each mark is drawn: its place's position, or, when that is closer than
/// [`MARK_SPACING`] to a mark drawn before, the first free spot around it (down first, then
/// round, then farther out), so that every mark can be seen and hit. A moved mark is joined to
/// its true position by a leader line.
pub fn spread_marks(positions: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut placed: Vec<(f64, f64)> = Vec::with_capacity(positions.len());
    let free = |at: (f64, f64), placed: &[(f64, f64)]| {
        REGION.contains(at)
            && placed
                .iter()
                .all(|p| (p.0 - at.0).hypot(p.1 - at.1) >= MARK_SPACING - 1e-9)
    };
    for &at in positions {
        let mut chosen = at;
        if !free(at, &placed) {
            'search: for ring in 1..=6 {
                for step in 0..8 {
                    let angle =
                        std::f64::consts::FRAC_PI_2 + f64::from(step) * std::f64::consts::FRAC_PI_4;
                    let radius = MARK_SPACING * f64::from(ring);
                    let candidate = (at.0 + radius * angle.cos(), at.1 + radius * angle.sin());
                    if free(candidate, &placed) {
                        chosen = candidate;
                        break 'search;
                    }
                }
            }
        }
        placed.push(chosen);
    }
    placed
}

/// A locator map of `places`, with `selected` marked as the current one.
#[component]
pub fn Locator(
    dataset: Arc<Dataset>,
    /// The places to show, in order (their marks are focused in this order).
    #[prop(into)]
    places: Signal<Vec<PlaceId>>,
    /// The place whose card is open, if any.
    #[prop(into)]
    selected: Signal<Option<PlaceId>>,
    /// A small map (for a story step or a sector page): no names shown beside the marks.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    // The outlines are part of the view: until they arrive the main region is busy, so a
    // prerendered map is taken over only once the app's map has its land too.
    // Marked busy here, not in the fetch, which starts a tick later: no frame between the
    // map's code arriving and its outlines' fetch may look finished.
    let busy = std::rc::Rc::new(std::cell::Cell::new(Some(Pending::start(Awaited::Part))));
    let outlines = LocalResource::new(move || {
        let busy = busy.take();
        async move {
            let outlines = fetch_outlines().await;
            drop(busy);
            outlines
        }
    });
    let [width, height] = REGION.size;
    let view_box = format!("0 0 {width} {height}");

    let land = move || {
        outlines
            .get()
            .map(|outlines: Option<Outlines>| match outlines {
                Some(outlines) => outlines
                    .countries
                    .into_iter()
                    .map(|country| {
                        let focus = country.id == CHINA || country.id == KAZAKHSTAN;
                        let class = if focus {
                            "cke-map-land cke-map-land-focus"
                        } else {
                            "cke-map-land"
                        };
                        view! { <path class=class d=country.d/> }
                    })
                    .collect_view()
                    .into_any(),
                None => ().into_any(),
            })
    };
    let failed = move || {
        outlines.get().and_then(|outlines| {
            outlines
                .is_none()
                .then(|| view! { <p class="cke-map-note">{Ui::MapOutlinesFailed.text(lang)}</p> })
        })
    };
    let country_label = |ui: Ui, at: LatLon| {
        let (x, y) = REGION.project(at);
        view! { <text class="cke-map-country" x=format!("{x:.0}") y=format!("{y:.0}")>{ui.text(lang)}</text> }
    };
    let labels = view! {
        {country_label(Ui::MapKazakhstan, LatLon { lat: 48.5, lon: 66.0 })}
        {country_label(Ui::MapChina, LatLon { lat: 35.5, lon: 98.0 })}
    };

    let lines = {
        let dataset = dataset.clone();
        move || {
            let chosen = selected.get();
            places
                .get()
                .iter()
                .filter_map(|id| dataset.place(id))
                .filter(|place| place.kind.is_line())
                .map(|place| {
                    let current = chosen.as_ref() == Some(&place.id);
                    view! {
                        <path
                            class="cke-map-line"
                            data-kind=place.kind.as_str()
                            data-current=current.to_string()
                            data-schematic=place.schematic.to_string()
                            d=REGION.line_path(&place.points)
                        />
                    }
                })
                .collect_view()
        }
    };

    let drawn = Memo::new({
        let dataset = dataset.clone();
        move |_| {
            let shown: Vec<Place> = places
                .get()
                .iter()
                .filter_map(|id| dataset.place(id).cloned())
                .collect();
            let true_positions: Vec<(f64, f64)> = shown.iter().map(mark_position).collect();
            let spread = spread_marks(&true_positions);
            shown
                .into_iter()
                .zip(true_positions)
                .zip(spread)
                .map(|((place, at), mark)| (place, at, mark))
                .collect::<Vec<_>>()
        }
    });
    let leaders = move || {
        drawn
            .get()
            .into_iter()
            .filter(|(_, at, mark)| at != mark)
            .map(|(_, at, mark)| {
                view! {
                    <line class="cke-map-leader" x1=format!("{:.1}", at.0) y1=format!("{:.1}", at.1) x2=format!("{:.1}", mark.0) y2=format!("{:.1}", mark.1)/>
                    <circle class="cke-map-spot" cx=format!("{:.1}", at.0) cy=format!("{:.1}", at.1) r="3"/>
                }
            })
            .collect_view()
    };
    let marks = {
        let dataset = dataset.clone();
        move || {
            drawn
                .get()
                .into_iter()
                .map(|(place, _, (x, y))| {
                    // Set through the CSSOM (`style:`), which a strict CSP allows; a style
                    // attribute would be blocked.
                    let left = format!("{:.2}%", x / width * 100.0);
                    let top = format!("{:.2}%", y / height * 100.0);
                    let id = place.id.clone();
                    let to = nav
                        .selection
                        .with_untracked(|selection| selection.with_place(Some(id.as_str())));
                    let current = Signal::derive(move || selected.get().as_ref() == Some(&id));
                    let name = dataset
                        .text(&place.name_key())
                        .unwrap_or_default()
                        .to_owned();
                    view! {
                        <li class="cke-map-mark" data-kind=place.kind.as_str() style:left=left style:top=top>
                            <Link to current>
                                <span class="cke-map-dot" aria-hidden="true"></span>
                                <span class="cke-map-name">{name}</span>
                            </Link>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    let label = move || Ui::MapLabel.fill(lang, &[("count", &places.with(Vec::len).to_string())]);

    // Where a map wider than its column (a phone) opens: centred on the chosen place, or on the
    // median mark (most places are near the border, not in the middle of the region).
    let pan_to = {
        let marks = drawn.get_untracked();
        let chosen = selected.get_untracked();
        let at = chosen
            .and_then(|id| marks.iter().find(|(place, _, _)| place.id == id))
            .map(|(_, _, mark)| mark.0)
            .or_else(|| {
                let mut xs: Vec<f64> = marks.iter().map(|(_, _, mark)| mark.0).collect();
                xs.sort_by(f64::total_cmp);
                xs.get(xs.len() / 2).copied()
            })
            .unwrap_or(width / 2.0);
        format!("{:.3}", at / width)
    };
    let pan = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let Some(pan) = pan.get() else {
            return false;
        };
        let fraction: f64 = pan
            .get_attribute("data-cke-pan")
            .and_then(|value| value.parse().ok())
            .unwrap_or(0.5);
        let (scroll, client) = (f64::from(pan.scroll_width()), f64::from(pan.client_width()));
        if scroll > client {
            // Whole pixels: the same position as the preloader's in a prerendered map.
            pan.set_scroll_left((fraction * scroll - client / 2.0).round() as i32);
        }
        true
    });

    view! {
        <figure class="cke-map" data-compact=compact.to_string()>
            // On a phone the map is drawn wider than the screen and pans sideways
            // (`style/map.css`), so its marks keep their 24 px targets apart.
            <div class="cke-map-pan" node_ref=pan data-cke-pan=pan_to>
            <div class="cke-map-frame">
                <svg
                    class="cke-map-svg"
                    viewBox=view_box
                    preserveAspectRatio="xMidYMid meet"
                    aria-hidden="true"
                    focusable="false"
                >
                    <rect class="cke-map-sea" width=width.to_string() height=height.to_string()/>
                    <g>{land}</g>
                    {labels}
                    <g>{lines}</g>
                    <g>{leaders}</g>
                </svg>
                <ul class="cke-map-marks" aria-label=label>{marks}</ul>
            </div>
            </div>
            <figcaption class="cke-map-credit">{credit(lang)}</figcaption>
            {failed}
        </figure>
    }
}

fn credit(lang: Lang) -> &'static str {
    Ui::MapCredit.text(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_on_one_spot_are_spread_apart_and_the_first_stays() {
        let spot = (420.0, 250.0);
        let spread = spread_marks(&[spot, spot, spot, (430.0, 250.0)]);
        assert_eq!(spread[0], spot);
        for (i, a) in spread.iter().enumerate() {
            for b in spread.iter().skip(i + 1) {
                assert!(
                    (a.0 - b.0).hypot(a.1 - b.1) >= MARK_SPACING - 1e-6,
                    "{a:?} {b:?}"
                );
            }
        }
    }

    #[test]
    fn marks_far_apart_stay_where_they_are() {
        let positions = [(100.0, 100.0), (300.0, 300.0)];
        assert_eq!(spread_marks(&positions), positions.to_vec());
    }
}
