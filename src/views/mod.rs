//! The views the URL can name. Each receives the validated dataset and reads the
//! selection from the navigation context.

pub mod compare;
pub mod map;
pub mod overview;
pub mod sector;
pub mod story;
pub mod timeline;

use crate::components::freshness::{disputed_line, status_line};
use crate::components::link::Link;
use crate::components::provenance::SourceRef;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use cke_core::data::model::{Dataset, Event};
use cke_core::url::View;
use leptos::prelude::*;
use std::sync::Arc;

/// Once the first view is drawn, the chunks of code it did not need (split builds: the other
/// views, the charts, their downloads, the embed-code generator) are fetched when the browser
/// is idle, so that the reader's next step does not wait for them. Once per page.
pub fn preload_when_idle() {
    crate::services::chunk::once_idle(|| {
        // All at once: the small ones (the embed-code generator, the downloads) are not kept
        // waiting behind the big ones.
        leptos::task::spawn_local(async {
            futures::future::join(
                futures::future::join5(
                    crate::components::embed_code::preload_embed(),
                    crate::components::chart::preload_downloads(),
                    compare::preload_compare(),
                    crate::components::chart::preload_chart(),
                    timeline::preload_timeline(),
                ),
                futures::future::join(story::preload_story(), map::preload_map()),
            )
            .await;
        });
    });
}

pub use crate::components::freshness::{event_date_text, AsOfLine};

/// The text of `key`, or an empty string (validation guarantees the base language has it).
pub fn text(dataset: &Dataset, key: &str) -> String {
    dataset.text(key).unwrap_or_default().to_owned()
}

/// One event in a list: date, title (linking to it on the timeline), whether it is planned (and
/// whether that plan has gone stale), summary, the dates sources dispute, and every source.
#[component]
pub fn EventItem(dataset: Arc<Dataset>, event: Event) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let mut to = nav
        .selection
        .with_untracked(|selection| selection.with_view(View::Timeline));
    to.event = Some(event.id.as_str().to_owned());
    let sources = event
        .all_sources()
        .into_iter()
        .map(|id| view! { <li><SourceRef dataset=dataset.clone() id=id.clone()/></li> })
        .collect_view();
    let title = text(&dataset, &event.title_key());
    let summary = text(&dataset, &event.summary_key());
    let status = status_line(&dataset, &event, lang);
    let disputed = disputed_line(&dataset, &event, lang);
    // The places the event happened at, linking to their cards on the map (once the places are
    // loaded: views drawn before them show none).
    let places: Vec<_> = dataset
        .places_of_event(&event.id)
        .into_iter()
        .map(|place| {
            let to = nav
                .selection
                .with_untracked(|selection| selection.with_place(Some(place.id.as_str())));
            let name = text(&dataset, &place.name_key());
            view! { " " <Link to>{name}</Link> }
        })
        .collect();
    let places = (!places.is_empty()).then(|| {
        view! {
            <p class="cke-event-places">
                {cke_core::strings::Ui::MapOnTheMap.text(lang)} ":" {places}
            </p>
        }
    });
    view! {
        <li class="cke-event" id=format!("event-{}", event.id.as_str()) data-sector=event.main_sector.as_str()>
            <time datetime=event.when.start.to_string()>{event_date_text(&event, lang)}</time>
            <h3><Link to>{title}</Link></h3>
            {status}
            <p>{summary}</p>
            {disputed}
            {places}
            <ul class="cke-sources">{sources}</ul>
        </li>
    }
}
