//! The details panel of the selected event (`event=`): date and precision, summary, sectors,
//! confidence, era, sources, the figures of its years and sectors, caveats, and the previous,
//! next and close buttons; or a calm note when the URL names an event the data lacks.
//!
//! Draws the one event the URL selects: it never moves focus or scrolls by itself (the shared
//! `open` and `close` do) and never lays anything out on the axis.

use super::state::{precision_label, sector_name, Origin, Timeline, DETAILS_TITLE};
use crate::components::freshness::{disputed_line, status_line};
use crate::components::provenance::{caveat_items, FigureCard, SourceDetails};
use crate::services::lang::use_lang;
use crate::services::load::complete_data;
use crate::services::nav::{is_modified_click, use_nav};
use crate::views::{event_date_text, text, EventPlaces};
use cke_core::data::model::Event;
use cke_core::strings::{confidence_label, Ui};
use cke_core::timeline::eras::era_at;
use cke_core::timeline::layout::Step;
use cke_core::timeline::related_figures;
use leptos::prelude::*;

/// The selected event: date and precision, summary, sectors, confidence, era, sources, the
/// figures of its years and sectors, and caveats. Escape or the close button closes it.
#[component]
pub(super) fn Details(shared: Timeline) -> impl IntoView {
    let Timeline {
        dataset,
        spans,
        eras,
        selected,
        selected_id,
        model,
        open,
        close,
        ..
    } = shared;
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    move || {
        let Some(index) = selected.get() else {
            // A link to an event the data does not have: say so, calmly.
            return selected_id.get().map(|_| {
                let clear = move |_| {
                    let mut next = nav.selection.get_untracked();
                    next.event = None;
                    nav.go(next);
                };
                view! {
                    <section id="cke-tl-details" class="cke-tl-details" aria-label=Ui::TimelineDetails.text(lang)>
                        <p>{Ui::TimelineEventUnknown.text(lang)}</p>
                        <button type="button" class="cke-tl-button" on:click=clear>
                            {Ui::TimelineClose.text(lang)}
                        </button>
                    </section>
                }
                .into_any()
            });
        };
        let event: Event = dataset.events().get(index)?.clone();
        let span = spans.get(index).copied()?;
        let title = text(&dataset, &event.title_key());
        let summary = text(&dataset, &event.summary_key());
        let date_note = dataset.text(&event.date_note_key()).map(str::to_owned);
        let sectors = event
            .sectors
            .iter()
            .map(|sector| {
                let to = nav.selection.with_untracked(|s| s.with_sector(Some(*sector)));
                let href = nav.href(&to);
                let name = sector_name(&dataset, *sector);
                let on_click = move |click: leptos::ev::MouseEvent| {
                    if is_modified_click(&click) {
                        return;
                    }
                    click.prevent_default();
                    nav.go(to.clone());
                };
                view! { <li data-sector=sector.as_str()><a href=href on:click=on_click>{name}</a></li> }
            })
            .collect_view();
        let era = era_at(&eras, span.start).map(|era| era.name.text(lang));
        let sources = event
            .all_sources()
            .into_iter()
            .map(|id| {
                view! { <li><SourceDetails dataset=dataset.clone() id=id.clone()/></li> }
            })
            .collect_view();
        let figures = related_figures(&dataset, &event)
            .into_iter()
            .map(|figure| view! { <li><FigureCard dataset=dataset.clone() figure=figure.clone() heading_level=4/></li> })
            .collect::<Vec<_>>();
        let figures = if figures.is_empty() {
            view! { <p class="cke-note">{Ui::TimelineNoRelatedFigures.text(lang)}</p> }.into_any()
        } else {
            view! { <ul class="cke-grid cke-tl-figures">{figures}</ul> }.into_any()
        };
        // The caveats come with the complete data, asked for when an event is opened; they
        // are drawn last, so their arrival moves nothing above them.
        let complete = complete_data(dataset.clone());
        let event_id = event.id.clone();
        let caveats = move || {
            let dataset = complete()?;
            let caveats = caveat_items(&dataset, dataset.caveats_for_event(&event_id));
            (!caveats.is_empty()).then(|| {
                view! {
                    <h3>{Ui::SectorCaveats.text(lang)}</h3>
                    <ul class="cke-tl-caveats">{caveats}</ul>
                }
            })
        };
        let (previous, next) = model.with(|model| {
            (
                model
                    .step(Some(index), Step::Previous, None)
                    .filter(|p| *p != index),
                model
                    .step(Some(index), Step::Next, None)
                    .filter(|n| *n != index),
            )
        });
        let (open_previous, open_next) = (open.clone(), open.clone());
        let close = close.clone();
        let planned = status_line(&dataset, &event, lang);
        let disputed = disputed_line(&dataset, &event, lang);
        Some(
            view! {
                <section
                    id="cke-tl-details"
                    class="cke-tl-details"
                    data-sector=event.main_sector.as_str()
                    data-id=event.id.as_str().to_owned()
                    aria-labelledby=DETAILS_TITLE
                >
                    <div class="cke-tl-details__bar">
                        <button
                            type="button"
                            class="cke-tl-button"
                            disabled=previous.is_none()
                            on:click=move |_| {
                                if let Some(previous) = previous {
                                    open_previous(previous, Origin::Panel);
                                }
                            }
                        >
                            "← " {Ui::TimelinePrevious.text(lang)}
                        </button>
                        <button
                            type="button"
                            class="cke-tl-button"
                            disabled=next.is_none()
                            on:click=move |_| {
                                if let Some(next) = next {
                                    open_next(next, Origin::Panel);
                                }
                            }
                        >
                            {Ui::TimelineNext.text(lang)} " →"
                        </button>
                        <button type="button" class="cke-tl-button cke-tl-close" on:click=move |_| close()>
                            {Ui::TimelineClose.text(lang)}
                        </button>
                    </div>
                    <p
                        class="cke-tl-details__date"
                        data-precision=span.kind.as_str()
                        data-disputed=event.is_disputed().then_some("true")
                    >
                        <span class="cke-tl-mark" aria-hidden="true"></span>
                        <time datetime=event.when.start.to_string()>{event_date_text(&event, lang)}</time>
                        " · " {precision_label(span.kind).text(lang)}
                    </p>
                    <h2 id=DETAILS_TITLE tabindex="-1">{title}</h2>
                    {planned}
                    <p>{summary}</p>
                    {disputed}
                    {date_note.map(|note| view! { <p class="cke-note">{note}</p> })}
                    <dl class="cke-tl-facts">
                        <div>
                            <dt>{Ui::TimelineSectors.text(lang)}</dt>
                            <dd><ul class="cke-tl-sector-list">{sectors}</ul></dd>
                        </div>
                        <div>
                            <dt>{Ui::Confidence.text(lang)}</dt>
                            <dd>{confidence_label(event.confidence).text(lang)}</dd>
                        </div>
                        {era.map(|era| view! {
                            <div><dt>{Ui::TimelineEra.text(lang)}</dt><dd>{era}</dd></div>
                        })}
                    </dl>
                    <EventPlaces dataset=dataset.clone() event=event.id.clone() ask=true/>
                    <h3>{Ui::Sources.text(lang)}</h3>
                    <ul class="cke-tl-sources">{sources}</ul>
                    <h3>{Ui::TimelineRelatedFigures.text(lang)}</h3>
                    {figures}
                    {caveats}
                </section>
            }
            .into_any(),
        )
    }
}
