//! The four views the URL can name. Each receives the validated dataset and reads the
//! selection from the navigation context.

pub mod compare;
pub mod overview;
pub mod sector;
pub mod timeline;

use crate::components::link::Link;
use crate::components::provenance::SourceRef;
use crate::services::intl::{format_date, format_date_range};
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use cke_core::data::model::{Dataset, Event};
use cke_core::url::View;
use leptos::prelude::*;
use std::sync::Arc;

/// The text of `key`, or an empty string (validation guarantees the base language has it).
pub fn text(dataset: &Dataset, key: &str) -> String {
    dataset.text(key).unwrap_or_default().to_owned()
}

/// The date of an event as the reader reads it: "4 July 2005", "February 1992 – …".
pub fn event_date_text(event: &Event, lang: cke_core::url::Lang) -> String {
    match event.when.end {
        Some(end) => format_date_range(event.when.start, end, lang),
        None => format_date(event.when.start, lang),
    }
}

/// One event in a list: date, title (linking to it on the timeline), summary and sources.
#[component]
pub fn EventItem(dataset: Arc<Dataset>, event: Event) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let mut to = nav
        .selection
        .with_untracked(|selection| selection.with_view(View::Timeline));
    to.event = Some(event.id.as_str().to_owned());
    let sources = event
        .sources
        .iter()
        .map(|id| view! { <li><SourceRef dataset=dataset.clone() id=id.clone()/></li> })
        .collect_view();
    let title = text(&dataset, &event.title_key());
    let summary = text(&dataset, &event.summary_key());
    view! {
        <li class="cke-event" id=format!("event-{}", event.id.as_str()) data-sector=event.main_sector.as_str()>
            <time datetime=event.when.start.to_string()>{event_date_text(&event, lang)}</time>
            <h3><Link to>{title}</Link></h3>
            <p>{summary}</p>
            <ul class="cke-sources">{sources}</ul>
        </li>
    }
}
