//! The sector view: one sector's summary, key figures, events and caveats; or, without a
//! sector, the list of all eleven.

use super::overview::SectorCards;
use super::{text, EventItem};
use crate::app::use_lang;
use crate::data::model::{Dataset, SectorId};
use crate::nav::{use_nav, Link};
use crate::strings::Ui;
use crate::ui::provenance::FigureCard;
use leptos::prelude::*;
use std::sync::Arc;

/// `view=sector`, with or without `sector=`.
#[component]
pub fn SectorView(dataset: Arc<Dataset>) -> impl IntoView {
    let nav = use_nav();
    move || match nav.selection.with(|selection| selection.sector) {
        Some(sector) => view! { <SectorPage dataset=dataset.clone() sector/> }.into_any(),
        None => {
            let lang = use_lang();
            view! {
                <h1>{Ui::SectorsTitle.text(lang)}</h1>
                <p class="cke-lede">{Ui::SectorsLede.text(lang)}</p>
                <SectorCards dataset=dataset.clone()/>
            }
            .into_any()
        }
    }
}

/// Links to every sector, the current one marked.
#[component]
fn SectorTabs(dataset: Arc<Dataset>, current: SectorId) -> impl IntoView {
    let nav = use_nav();
    let lang = use_lang();
    let links = dataset
        .sectors()
        .iter()
        .map(|sector| {
            let to = nav
                .selection
                .with_untracked(|selection| selection.with_sector(Some(sector.id)));
            let is_current = sector.id == current;
            let name = text(&dataset, &sector.name_key());
            view! {
                <li data-sector=sector.id.as_str()>
                    <Link to current=Signal::stored(is_current)>{name}</Link>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="cke-tabs" aria-label=Ui::SectorsTitle.text(lang)>
            <ul>{links}</ul>
        </nav>
    }
}

#[component]
fn SectorPage(dataset: Arc<Dataset>, sector: SectorId) -> impl IntoView {
    let lang = use_lang();
    let Some(info) = dataset.sector(sector).cloned() else {
        return view! { <p>{Ui::SectorUnknown.text(lang)}</p> }.into_any();
    };
    let figures = dataset
        .figures_in(sector)
        .map(
            |figure| view! { <li><FigureCard dataset=dataset.clone() figure=figure.clone()/></li> },
        )
        .collect_view();
    let events = dataset
        .events_in(sector)
        .map(|event| view! { <EventItem dataset=dataset.clone() event=event.clone()/> })
        .collect_view();
    let caveats = dataset
        .caveats_in(sector)
        .map(|caveat| {
            view! {
                <li>
                    <h3>{text(&dataset, &caveat.title_key())}</h3>
                    <p>{text(&dataset, &caveat.body_key())}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div data-sector=sector.as_str()>
            <SectorTabs dataset=dataset.clone() current=sector/>
            <h1 class="cke-sector-title">{text(&dataset, &info.name_key())}</h1>
            <p class="cke-lede">{text(&dataset, &info.summary_key())}</p>
            <section class="cke-section" aria-labelledby="cke-figures">
                <h2 id="cke-figures">{Ui::SectorFigures.text(lang)}</h2>
                <ul class="cke-grid">{figures}</ul>
            </section>
            <section class="cke-section" aria-labelledby="cke-caveats">
                <h2 id="cke-caveats">{Ui::SectorCaveats.text(lang)}</h2>
                <ul class="cke-list">{caveats}</ul>
            </section>
            <section class="cke-section" aria-labelledby="cke-events">
                <h2 id="cke-events">{Ui::SectorEvents.text(lang)}</h2>
                <ol class="cke-list">{events}</ol>
            </section>
        </div>
    }
    .into_any()
}
