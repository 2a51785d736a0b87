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
use crate::services::load::complete_data;
use crate::services::nav::use_nav;
use cke_core::data::model::{Dataset, Event, EventId};
use cke_core::url::View;
use leptos::prelude::*;
use std::sync::Arc;

/// Once the first view is drawn, the view style sheets and the chunks of code it did not need
/// (split builds: the other views, the charts, their downloads, the embed-code generator) are
/// fetched when the browser is idle, so that the reader's next step does not wait for them. Once per page.
pub fn preload_when_idle() {
    use crate::services::chunk::idle_moment;
    use leptos::task::spawn_local;
    crate::services::chunk::once_idle(|| {
        // One chunk started per idle moment: starting seven at once made one task of about
        // 120 ms on a phone-speed CPU. Each downloads and compiles while the next waits for its
        // moment. The sector pages come first (the overview's cards lead to them), then the
        // small ones (the embed-code generator, the downloads).
        spawn_local(async {
            // The view style sheets first (a few KB, no compiling): every other view needs them.
            spawn_local(async {
                let _ = crate::services::chunk::view_styles().await;
            });
            idle_moment().await;
            spawn_local(sector::preload_sectors());
            idle_moment().await;
            spawn_local(crate::components::embed_code::preload_embed());
            idle_moment().await;
            spawn_local(crate::components::chart::preload_downloads());
            idle_moment().await;
            spawn_local(compare::preload_compare());
            idle_moment().await;
            spawn_local(crate::components::chart::preload_chart());
            idle_moment().await;
            spawn_local(timeline::preload_timeline());
            idle_moment().await;
            spawn_local(story::preload_story());
            idle_moment().await;
            spawn_local(map::preload_map());
            idle_moment().await;
            spawn_local(map::preload_locator());
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
    view! {
        <li class="cke-event" id=format!("event-{}", event.id.as_str()) data-sector=event.main_sector.as_str()>
            <time datetime=event.when.start.to_string()>{event_date_text(&event, lang)}</time>
            <h3><Link to>{title}</Link></h3>
            {status}
            <p>{summary}</p>
            {disputed}
            <EventPlaces dataset=dataset.clone() event=event.id.clone()/>
            <ul class="cke-sources">{sources}</ul>
        </li>
    }
}

/// "On the map: …", links to the cards of the places an event happened at. The places come
/// with the complete data. With `ask` (an event opened on the timeline) the complete data is
/// built if it is not yet, and the links appear when it is; without, a view drawn from the first
/// data shows none, so a prerendered view stays exactly what the app first draws.
#[component]
pub fn EventPlaces(
    dataset: Arc<Dataset>,
    event: EventId,
    #[prop(optional)] ask: bool,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let complete = ask.then(|| complete_data(dataset.clone()));
    let links_in = move |dataset: &Dataset| {
        dataset
            .places_of_event(&event)
            .into_iter()
            .map(|place| {
                let to = nav
                    .selection
                    .with_untracked(|selection| selection.with_place(Some(place.id.as_str())));
                (to, text(dataset, &place.name_key()))
            })
            .collect::<Vec<_>>()
    };
    move || {
        let links = match &complete {
            Some(complete) => complete()
                .map(|dataset| links_in(&dataset))
                .unwrap_or_default(),
            None => links_in(&dataset),
        };
        (!links.is_empty()).then(|| {
            let links = links
                .into_iter()
                .map(|(to, name)| view! { " " <Link to>{name}</Link> })
                .collect_view();
            view! {
                <p class="cke-event-places">
                    {cke_core::strings::Ui::MapOnTheMap.text(lang)} ":" {links}
                </p>
            }
        })
    }
}
