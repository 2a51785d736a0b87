//! The overview: the guided story's entry, headline figures, the eleven sectors as entry points, the most recent
//! milestones in the data.

use super::{text, AsOfLine, EventItem};
use crate::components::link::Link;
use crate::components::provenance::{figure_value_text, FigureCard};
use crate::services::clock::Today;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use cke_core::data::model::{Dataset, SectorId, Status};
use cke_core::strings::Ui;
use leptos::prelude::*;
use std::sync::Arc;

/// Sectors whose key figure leads the overview.
const HEADLINE_SECTORS: [SectorId; 4] = [
    SectorId::Trade,
    SectorId::Investment,
    SectorId::Transport,
    SectorId::Tourism,
];

/// How many milestones the overview lists.
const LATEST_MILESTONES: usize = 5;

/// The default view.
#[component]
pub fn OverviewView(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let today = use_context::<Today>().map(Today::date);
    let headlines = HEADLINE_SECTORS
        .iter()
        .filter_map(|sector| {
            dataset
                .key_figures(*sector)
                .first()
                .map(|figure| (*figure).clone())
        })
        .map(|figure| view! { <li><FigureCard dataset=dataset.clone() figure/></li> })
        .collect_view();
    let latest = dataset
        .events()
        .iter()
        .rev()
        .filter(|event| event.status == Status::Happened)
        .filter(|event| today.is_none_or(|today| !event.when.start.is_after(&today)))
        .take(LATEST_MILESTONES)
        .map(|event| view! { <EventItem dataset=dataset.clone() event=event.clone()/> })
        .collect_view();
    // The guided story first: a new reader's way in.
    let story = (!dataset.story().is_empty()).then(|| {
        let to = use_nav()
            .selection
            .with_untracked(|selection| selection.with_step(1));
        view! {
            <Link to class="cke-story-entry">
                <span class="cke-story-entry__title">{Ui::StoryStart.text(lang)}" →"</span>
                <span class="cke-story-entry__lede">{Ui::StoryStartLede.text(lang)}</span>
            </Link>
        }
    });
    view! {
        <h1>{Ui::OverviewTitle.text(lang)}</h1>
        <AsOfLine dataset=dataset.clone()/>
        <p class="cke-lede">{Ui::OverviewLede.text(lang)}</p>
        {story}
        <section class="cke-section" aria-labelledby="cke-headlines">
            <h2 id="cke-headlines">{Ui::OverviewHeadlines.text(lang)}</h2>
            <ul class="cke-grid">{headlines}</ul>
        </section>
        <section class="cke-section" aria-labelledby="cke-sectors">
            <h2 id="cke-sectors">{Ui::OverviewSectors.text(lang)}</h2>
            <SectorCards dataset=dataset.clone()/>
        </section>
        <section class="cke-section" aria-labelledby="cke-latest">
            <h2 id="cke-latest">{Ui::OverviewLatest.text(lang)}</h2>
            <ol class="cke-list">{latest}</ol>
        </section>
    }
}

/// The eleven sectors as cards linking to their views, each with its key number.
#[component]
pub fn SectorCards(
    dataset: Arc<Dataset>,
    /// The level of each card's heading: 3 (the default, under an h2) or 2 (right under the
    /// page's h1), so that no heading level is skipped.
    #[prop(optional)]
    heading_level: Option<u8>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let cards = dataset
        .sectors()
        .iter()
        .map(|sector| {
            let to = nav
                .selection
                .with_untracked(|selection| selection.with_sector(Some(sector.id)));
            let key_number = dataset
                .key_figures(sector.id)
                .first()
                .map(|figure| {
                    format!(
                        "{} — {}",
                        figure_value_text(&dataset, figure, lang),
                        text(&dataset, &figure.label_key())
                    )
                })
                .unwrap_or_else(|| Ui::NoFigure.text(lang).to_owned());
            let name = text(&dataset, &sector.name_key());
            let heading = match heading_level {
                Some(2) => view! { <h2>{name}</h2> }.into_any(),
                _ => view! { <h3>{name}</h3> }.into_any(),
            };
            view! {
                <li data-sector=sector.id.as_str()>
                    <Link to class="cke-card">
                        {heading}
                        <p>{key_number}</p>
                    </Link>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="cke-grid">{cards}</ul> }
}
