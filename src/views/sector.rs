//! The sector view: one sector's story (summary, key figures, main chart, key events) with the
//! rest of its figures, charts, caveats and events on demand; or, without a sector, the list of
//! all eleven. Its own chunk in a split build: the overview, the first view of most readers,
//! does not draw it.
//!
//! The sector links stay mounted while the reader switches sectors, so that keyboard focus
//! stays on them: arrow keys move to the previous or next sector (Home and End to the ends)
//! and show it in place, like tabs.

use super::map::SectorPlaces;
use super::overview::SectorCards;
use super::{text, AsOfLine, EventItem};
use crate::components::chart::ComparisonChart;
use crate::components::lazy::{lazy_view, Waiting};
use crate::components::link::Link;
use crate::components::on_demand::OnDemand;
use crate::components::provenance::FigureCard;
use crate::services::chunk::ChunkFailed;
use crate::services::fragment;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use crate::services::takeover;
use cke_core::data::model::{Dataset, EventId, SectorId};
use cke_core::sector_page::{figure_in_fragment, SectorPage as Parts};
use cke_core::strings::Ui;
use leptos::prelude::*;
use std::sync::Arc;

/// Which sector a key press on the sector links moves to, if any: the links wrap around.
pub fn sector_after_key(order: &[SectorId], current: SectorId, key: &str) -> Option<SectorId> {
    let index = order.iter().position(|sector| *sector == current)?;
    let last = order.len().checked_sub(1)?;
    let next = match key {
        "ArrowRight" | "ArrowDown" => {
            if index == last {
                0
            } else {
                index + 1
            }
        }
        "ArrowLeft" | "ArrowUp" => index.checked_sub(1).unwrap_or(last),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    order.get(next).copied()
}

/// `view=sector`, with or without `sector=`; drawn by its own chunk in a split build.
#[component]
pub fn SectorView(dataset: Arc<Dataset>) -> impl IntoView {
    lazy_view(move || load_sectors(dataset.clone()), Waiting::View)
}

/// Fetches the sector view's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_sectors() {
    #[cfg(feature = "split")]
    let _ = preload_sectors_chunk().await;
}

async fn load_sectors(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return sectors_chunk(dataset).await;
    #[cfg(not(feature = "split"))]
    sectors_chunk(dataset)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        sector,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_sectors_chunk)
    )
)]
fn sectors_chunk(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Sectors dataset/> }.into_any())
}

/// The sector view itself: the chosen sector's tabs and page, or the list of sectors.
#[component]
fn Sectors(dataset: Arc<Dataset>) -> impl IntoView {
    let nav = use_nav();
    let chosen = Memo::new(move |_| nav.selection.with(|selection| selection.sector()));
    let has_sector = Memo::new(move |_| chosen.get().is_some());
    move || {
        let dataset = dataset.clone();
        if has_sector.get() {
            let for_page = dataset.clone();
            let page = move || {
                chosen
                    .get()
                    .map(|sector| view! { <SectorPage dataset=for_page.clone() sector/> })
            };
            view! { <SectorTabs dataset=dataset.clone() chosen/> {page} }.into_any()
        } else {
            let lang = use_lang().get_untracked();
            view! {
                <h1>{Ui::SectorsTitle.text(lang)}</h1>
                <AsOfLine dataset=dataset.clone()/>
                <p class="cke-lede">{Ui::SectorsLede.text(lang)}</p>
                <SectorCards dataset heading_level=2/>
            }
            .into_any()
        }
    }
}

/// Links to every sector, the current one marked; arrow keys switch sectors.
#[component]
fn SectorTabs(dataset: Arc<Dataset>, chosen: Memo<Option<SectorId>>) -> impl IntoView {
    let nav = use_nav();
    let lang = use_lang().get_untracked();
    let order: Vec<SectorId> = dataset.sectors().iter().map(|sector| sector.id).collect();
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let Some(current) = chosen.get_untracked() else {
            return;
        };
        let Some(next) = sector_after_key(&order, current, &event.key()) else {
            return;
        };
        event.prevent_default();
        let selection = nav
            .selection
            .with_untracked(|selection| selection.with_sector(Some(next)));
        nav.go(selection);
        // Focus follows the choice, as in a tab list.
        if let Some(link) = document()
            .query_selector(&format!(".cke-tabs [data-sector=\"{}\"] a", next.as_str()))
            .ok()
            .flatten()
        {
            use wasm_bindgen::JsCast;
            if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
                let _ = link.focus();
            }
        }
    };
    let links = dataset
        .sectors()
        .iter()
        .map(|sector| {
            let id = sector.id;
            let to = nav
                .selection
                .with_untracked(|selection| selection.with_sector(Some(id)));
            let current = Signal::derive(move || chosen.get() == Some(id));
            let name = text(&dataset, &sector.name_key());
            view! {
                <li data-sector=id.as_str()>
                    <Link to current>{name}</Link>
                </li>
            }
        })
        .collect_view();
    // On a narrow screen the links are one scrolling row: the current one is scrolled into it.
    let row = NodeRef::<leptos::html::Ul>::new();
    Effect::new(move |_| {
        let Some(current) = chosen.get() else {
            return;
        };
        request_animation_frame(move || {
            // The page may be gone by the frame (another quick switch): nothing to do then.
            let Some(row) = row.try_get_untracked().flatten() else {
                return;
            };
            let Some(item) = row
                .query_selector(&format!("[data-sector=\"{}\"]", current.as_str()))
                .ok()
                .flatten()
            else {
                return;
            };
            use wasm_bindgen::JsCast;
            if let Ok(item) = item.dyn_into::<web_sys::HtmlElement>() {
                let centre = item.offset_left() + item.offset_width() / 2 - row.client_width() / 2;
                row.set_scroll_left(centre.max(0));
            }
        });
    });
    view! {
        <nav class="cke-tabs" aria-label=Ui::SectorsTitle.text(lang) on:keydown=on_keydown>
            <ul node_ref=row>{links}</ul>
        </nav>
    }
}

/// One sector's story: title, summary and key figures first; the main chart and the key events
/// after them; then the other figures, charts, caveats and events, each on demand with its count
/// (see `cke_core::sector_page`). A deep link to a figure (`#figure-<id>`) among the others
/// opens them and then the figure.
///
/// When the page answers the reader's switch of sector (not the first load), the part below the
/// key figures is built after the next paint: the new title and figures show at once and the
/// chart follows a frame later, below them. On the first load it is built at once, so nothing
/// that was painted moves, or, behind a prerendered view, in the next task, before the app
/// takes over. While it is pending the page is `aria-busy`.
#[component]
fn SectorPage(dataset: Arc<Dataset>, sector: SectorId) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let Some(info) = dataset.sector(sector).cloned() else {
        return view! { <p>{Ui::SectorUnknown.text(lang)}</p> }.into_any();
    };
    let parts = Arc::new(Parts::of(&dataset, sector));
    // A deep link to a figure: the part that holds it opens, then the figure's details.
    let figures_open = RwSignal::new(false);
    let follow = {
        let parts = parts.clone();
        move |fragment: String| {
            let Some(figure) = figure_in_fragment(&fragment) else {
                return;
            };
            if parts.figure_on_demand(&figure) {
                figures_open.set(true);
            } else if !parts.key_figures.contains(&figure) {
                return;
            }
            fragment::reveal_later(format!("figure-{}", figure.as_str()));
        }
    };
    follow(fragment::current());
    fragment::on_change(follow);
    let figures = parts
        .key_figures
        .iter()
        .filter_map(|id| dataset.figure(id))
        .map(
            |figure| view! { <li><FigureCard dataset=dataset.clone() figure=figure.clone()/></li> },
        )
        .collect_view();
    // On the first load the part below the key figures is drawn at once, or, behind a
    // prerendered view, a task later but before the swap (`takeover::part_ready`).
    let first_load = !use_nav().has_navigated();
    let lower_ready = if first_load {
        takeover::part_ready()
    } else {
        RwSignal::new(false)
    };
    if !first_load {
        request_animation_frame(move || {
            // The frame callback runs before that frame is painted; the timeout after it.
            set_timeout(
                move || {
                    // The page may be gone already (another quick switch): nothing to do then.
                    let _ = lower_ready.try_set(true);
                },
                std::time::Duration::ZERO,
            );
        });
    }
    let lower = {
        let dataset = dataset.clone();
        move || {
            lower_ready.get().then(|| {
                view! { <SectorLower dataset=dataset.clone() sector parts=parts.clone() figures_open/> }
            })
        }
    };
    let name = text(&dataset, &info.name_key());
    let summary = text(&dataset, &info.summary_key());
    view! {
        <div data-sector=sector.as_str() aria-busy=move || (!lower_ready.get()).then_some("true")>
            <h1 class="cke-sector-title">{name}</h1>
            <AsOfLine dataset=dataset.clone()/>
            <p class="cke-lede">{summary}</p>
            <section class="cke-section" aria-labelledby="cke-figures">
                <h2 id="cke-figures">{Ui::SectorFigures.text(lang)}</h2>
                <ul class="cke-grid cke-figures">{figures}</ul>
            </section>
            {lower}
        </div>
    }
    .into_any()
}

/// "More figures (72)": a part's heading with its count in the reader's language.
fn more_title(ui: Ui, count: usize, lang: cke_core::url::Lang) -> String {
    ui.fill(
        lang,
        &[(
            "count",
            &crate::services::intl::format_number(count as f64, lang, false),
        )],
    )
}

/// A sector's main chart and key events, then its other figures, charts, caveats and events on
/// demand.
#[component]
fn SectorLower(
    dataset: Arc<Dataset>,
    sector: SectorId,
    parts: Arc<Parts>,
    figures_open: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let chart = parts.main_chart.clone().map(|id| {
        view! {
            <section class="cke-section cke-main-chart" aria-labelledby="cke-charts">
                <h2 id="cke-charts">{Ui::SectorCharts.text(lang)}</h2>
                <ComparisonChart dataset=dataset.clone() comparison=id heading_level=3/>
            </section>
        }
    });
    let events = |ids: &[EventId]| {
        ids.iter()
            .filter_map(|id| dataset.events().iter().find(|event| event.id == *id))
            .map(|event| view! { <EventItem dataset=dataset.clone() event=event.clone()/> })
            .collect_view()
    };
    let key_events = (!parts.key_events.is_empty()).then(|| {
        view! {
            <section class="cke-section" aria-labelledby="cke-events">
                <h2 id="cke-events">{Ui::SectorKeyEvents.text(lang)}</h2>
                <ol class="cke-list cke-key-events">{events(&parts.key_events)}</ol>
            </section>
        }
    });
    let more_figures = (!parts.more_figures.is_empty()).then(|| {
        let (dataset, parts) = (dataset.clone(), parts.clone());
        view! {
            <OnDemand id="cke-more-figures" open=figures_open
                title=more_title(Ui::SectorMoreFigures, parts.more_figures.len(), lang)>
                <ul class="cke-grid cke-figures">
                    {parts.more_figures.iter()
                        .filter_map(|id| dataset.figure(id))
                        .map(|figure| view! { <li><FigureCard dataset=dataset.clone() figure=figure.clone()/></li> })
                        .collect_view()}
                </ul>
            </OnDemand>
        }
    });
    let more_charts = (!parts.more_charts.is_empty()).then(|| {
        let (dataset, parts) = (dataset.clone(), parts.clone());
        view! {
            <OnDemand id="cke-more-charts" open=RwSignal::new(false)
                title=more_title(Ui::SectorMoreCharts, parts.more_charts.len(), lang)>
                {parts.more_charts.iter()
                    .map(|id| view! { <ComparisonChart dataset=dataset.clone() comparison=id.clone() heading_level=3/> })
                    .collect_view()}
            </OnDemand>
        }
    });
    let caveats = (!parts.caveats.is_empty()).then(|| {
        let (dataset, parts) = (dataset.clone(), parts.clone());
        view! {
            <OnDemand id="cke-caveats" open=RwSignal::new(false)
                title=more_title(Ui::SectorMoreCaveats, parts.caveats.len(), lang)>
                <ul class="cke-list">
                    {parts.caveats.iter()
                        .filter_map(|id| dataset.caveat(id))
                        .map(|caveat| {
                            let title = text(&dataset, &caveat.title_key());
                            let body = text(&dataset, &caveat.body_key());
                            view! { <li><h3>{title}</h3><p>{body}</p></li> }
                        })
                        .collect_view()}
                </ul>
            </OnDemand>
        }
    });
    let more_events = (!parts.more_events.is_empty()).then(|| {
        let (dataset, parts) = (dataset.clone(), parts.clone());
        view! {
            <OnDemand id="cke-more-events" open=RwSignal::new(false)
                title=more_title(Ui::SectorMoreEvents, parts.more_events.len(), lang)>
                <ol class="cke-list">
                    {parts.more_events.iter()
                        .filter_map(|id| dataset.events().iter().find(|event| event.id == *id))
                        .map(|event| view! { <EventItem dataset=dataset.clone() event=event.clone()/> })
                        .collect_view()}
                </ol>
            </OnDemand>
        }
    });
    let places = view! { <SectorPlaces dataset=dataset.clone() sector/> };
    view! {
        {chart}
        {key_events}
        <div class="cke-more-parts">
            {more_figures}
            {more_charts}
            {caveats}
            {more_events}
        </div>
        {places}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: [SectorId; 3] = [SectorId::Diplomacy, SectorId::Trade, SectorId::Energy];

    #[test]
    fn arrow_keys_move_to_the_neighbouring_sector_and_wrap_around() {
        let next = |current, key| sector_after_key(&ORDER, current, key);
        assert_eq!(next(SectorId::Trade, "ArrowRight"), Some(SectorId::Energy));
        assert_eq!(
            next(SectorId::Trade, "ArrowLeft"),
            Some(SectorId::Diplomacy)
        );
        assert_eq!(
            next(SectorId::Energy, "ArrowRight"),
            Some(SectorId::Diplomacy)
        );
        assert_eq!(
            next(SectorId::Diplomacy, "ArrowLeft"),
            Some(SectorId::Energy)
        );
        assert_eq!(
            next(SectorId::Diplomacy, "ArrowDown"),
            Some(SectorId::Trade)
        );
    }

    #[test]
    fn home_and_end_go_to_the_first_and_last_sector() {
        assert_eq!(
            sector_after_key(&ORDER, SectorId::Trade, "Home"),
            Some(SectorId::Diplomacy)
        );
        assert_eq!(
            sector_after_key(&ORDER, SectorId::Trade, "End"),
            Some(SectorId::Energy)
        );
    }

    #[test]
    fn other_keys_and_unknown_sectors_do_nothing() {
        assert_eq!(sector_after_key(&ORDER, SectorId::Trade, "Enter"), None);
        assert_eq!(
            sector_after_key(&ORDER, SectorId::Tourism, "ArrowRight"),
            None
        );
        assert_eq!(sector_after_key(&[], SectorId::Trade, "Home"), None);
    }
}
