//! The timeline: every event, oldest first, grouped by year, each with its sources. A linked
//! event (`event=`) is marked and scrolled into view.

use super::EventItem;
use crate::app::use_lang;
use crate::data::model::Dataset;
use crate::nav::use_nav;
use crate::strings::Ui;
use leptos::prelude::*;
use std::sync::Arc;

/// `view=timeline`.
#[component]
pub fn TimelineView(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang();
    let nav = use_nav();
    let mut years: Vec<(u16, Vec<crate::data::model::Event>)> = Vec::new();
    for event in dataset.events() {
        let year = event.when.start.year;
        match years.last_mut() {
            Some((last, events)) if *last == year => events.push(event.clone()),
            _ => years.push((year, vec![event.clone()])),
        }
    }
    let groups = years
        .into_iter()
        .map(|(year, events)| {
            let items = events
                .into_iter()
                .map(|event| view! { <EventItem dataset=dataset.clone() event/> })
                .collect_view();
            view! {
                <section class="cke-year" aria-labelledby=format!("year-{year}")>
                    <h2 id=format!("year-{year}")>{year}</h2>
                    <ol class="cke-list">{items}</ol>
                </section>
            }
        })
        .collect_view();

    // Bring a linked event into view once it is rendered.
    Effect::new(move |_| {
        let Some(event) = nav.selection.with(|selection| selection.event.clone()) else {
            return;
        };
        if let Some(element) = document().get_element_by_id(&format!("event-{event}")) {
            let _ = element.set_attribute("aria-current", "true");
            element.scroll_into_view();
        }
    });

    view! {
        <h1>{Ui::TimelineTitle.text(lang)}</h1>
        <p class="cke-lede">{Ui::TimelineLede.text(lang)}</p>
        {groups}
    }
}
