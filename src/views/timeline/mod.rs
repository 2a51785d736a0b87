//! `view=timeline`: every event from January 1992 to the reader's today on a time axis, with the
//! eras of the partnership as bands, a "today" marker, the days after the data's as-of date
//! hatched as not yet covered, events drawn by the precision of their dates (a disputed date
//! marked "≠", a stale plan apart), a sector filter (`sector=`), a year (`year=`, shared with the charts), a details panel
//! (`event=`) and a chronological list that screen readers and phones use.
//!
//! Thin shell: the scale, eras, lanes, visible window and keyboard order come from the pure
//! [`cke_core::timeline`] core; this module wires them to signals and draws them. Only the events
//! in the visible window are laid out and drawn, and the list is paged, so that 10,000 events
//! stay interactive.
//!
//! One part per file: `state` (what the parts share), `controls`, `axis` (with the legend),
//! `details`, `list` and `dom` (focus and scrolling). This file builds the shared state, opens
//! and closes events, and puts the parts together under the title and the status line; it
//! never draws what a part shows.

mod axis;
mod controls;
mod details;
mod dom;
mod list;
mod state;

use axis::{Axis, Legend};
use controls::Controls;
use details::Details;
use dom::{focus_later, reveal_details_keeping_focus, scroll_later};
use list::EventList;
use state::{Opener, Origin, Timeline, DETAILS_TITLE};

use crate::components::lazy::{lazy_view, Waiting};
use crate::services::chunk::ChunkFailed;
use crate::services::clock::Today;
use crate::services::intl::format_number;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use crate::services::takeover;
use crate::views::AsOfLine;
use cke_core::data::model::{Dataset, Date, FIRST_YEAR};
use cke_core::strings::Ui;
use cke_core::timeline::eras::{place_eras, Era};
use cke_core::timeline::layout::{lay_out, LaneOptions, Model};
use cke_core::timeline::scale::{years_text, Domain, Scale, Span, Window};
use leptos::prelude::*;
use std::sync::Arc;

/// The width the axis assumes until it has been measured.
const DEFAULT_WIDTH: f64 = 960.0;

/// `view=timeline`, drawn by its own chunk in a split build.
#[component]
pub fn TimelineView(dataset: Arc<Dataset>) -> impl IntoView {
    lazy_view(move || load_timeline(dataset.clone()), Waiting::View)
}

/// Fetches the timeline's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_timeline() {
    #[cfg(feature = "split")]
    let _ = preload_timeline_chunk().await;
}

async fn load_timeline(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return timeline_chunk(dataset).await;
    #[cfg(not(feature = "split"))]
    timeline_chunk(dataset)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        timeline,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_timeline_chunk)
    )
)]
fn timeline_chunk(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Timeline dataset/> }.into_any())
}

/// The timeline itself.
#[component]
fn Timeline(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let today = use_context::<Today>()
        .map(Today::date)
        .or_else(|| dataset.as_of())
        .unwrap_or_else(|| Date::from_year(FIRST_YEAR));
    let spans: Arc<Vec<Span>> = Arc::new(
        dataset
            .events()
            .iter()
            .map(|event| Span::of(&event.when))
            .collect(),
    );
    let domain = Domain::new(today, spans.iter());
    let eras: Arc<Vec<Era>> = Arc::new(place_eras(dataset.events(), &domain));
    let total = dataset.events().len();

    // ---- state: the URL's part, and the reader's local view of the axis ----
    let chosen_sectors = Memo::new(move |_| nav.selection.with(|s| s.sectors.clone()));
    let model = Memo::new({
        let dataset = dataset.clone();
        move |_| {
            let chosen = chosen_sectors.get();
            Arc::new(Model::new(dataset.events(), |event| {
                chosen.is_empty() || chosen.iter().any(|sector| event.is_in(*sector))
            }))
        }
    });
    let year = Memo::new(move |_| nav.selection.with(|s| s.year));
    let selected_id = Memo::new(move |_| nav.selection.with(|s| s.event.clone()));
    let selected = Memo::new({
        let dataset = dataset.clone();
        move |_| {
            selected_id.with(|id| {
                let id = id.as_deref()?;
                dataset.events().iter().position(|e| e.id.as_str() == id)
            })
        }
    });
    let initial = match year.get_untracked() {
        Some(year) => Window::year(year, &domain),
        None => Window::whole(&domain),
    };
    let window = RwSignal::new(initial);
    let width = RwSignal::new(DEFAULT_WIDTH);
    let active = RwSignal::new(None::<usize>);
    let origin = StoredValue::new(Origin::Axis);
    let options = LaneOptions::default();

    // A year chosen here, in a chart or by the back button zooms the axis to it.
    Effect::watch(
        move || year.get(),
        move |year, _, _| {
            window.set(match year {
                Some(year) => Window::year(*year, &domain),
                None => Window::whole(&domain),
            });
        },
        false,
    );
    // A selected event is brought into view.
    Effect::watch(
        move || selected.get(),
        {
            let spans = spans.clone();
            move |selected: &Option<usize>, _, _| {
                if let Some(span) = selected.and_then(|index| spans.get(index)) {
                    window.update(|window| *window = window.reveal(span, &domain));
                }
            }
        },
        true,
    );

    let layout = Memo::new(move |_| {
        let visible = window.get();
        let scale = Scale::new(visible, width.get());
        let pinned = active.get().or(selected.get());
        model.with(|model| lay_out(model.visible(&visible), &scale, &options, pinned))
    });

    // ---- navigation helpers ----
    let go_event = {
        let dataset = dataset.clone();
        move |index: Option<usize>| {
            let id = index
                .and_then(|index| dataset.events().get(index))
                .map(|event| event.id.as_str().to_owned());
            let mut next = nav.selection.get_untracked();
            next.event = id;
            nav.go(next);
        }
    };
    let open: Opener = Arc::new({
        let go_event = go_event.clone();
        move |index: usize, from: Origin| {
            origin.set_value(from);
            active.set(Some(index));
            go_event(Some(index));
            match from {
                Origin::List => {
                    // The panel's top (with its close button) comes into view; focus goes to
                    // its heading, so that a screen reader reads the event next.
                    scroll_later("#cke-tl-details".to_owned(), "start");
                    focus_later(format!("#{DETAILS_TITLE}"));
                }
                Origin::Axis => reveal_details_keeping_focus(),
                Origin::Panel => {
                    scroll_later("#cke-tl-details".to_owned(), "nearest");
                }
            }
        }
    });
    let close: Arc<dyn Fn() + Send + Sync> = Arc::new({
        let go_event = go_event.clone();
        move || {
            let Some(index) = selected.get_untracked() else {
                return;
            };
            go_event(None);
            match origin.get_value() {
                Origin::List => focus_later(format!(".cke-tl-list [data-index=\"{index}\"] a")),
                Origin::Axis | Origin::Panel => {
                    active.set(Some(index));
                    focus_later(format!(".cke-tl-events [data-index=\"{index}\"]"));
                }
            }
        }
    });
    let on_keydown = {
        let close = close.clone();
        move |event: leptos::ev::KeyboardEvent| {
            if event.key() == "Escape" && selected.get_untracked().is_some() {
                event.prevent_default();
                close();
            }
        }
    };

    let shared = Timeline {
        dataset: dataset.clone(),
        spans,
        eras,
        domain,
        model,
        year,
        selected_id,
        selected,
        window,
        width,
        layout,
        active,
        open,
        close,
    };

    // Behind a prerendered view, the controls, then (below the axis) the legend and the
    // details, then the list are each drawn a task later, before the swap.
    let controls = {
        let dataset = dataset.clone();
        takeover::drawn_later(move || view! { <Controls dataset=dataset.clone() domain window/> })
    };
    let below = {
        let shared = shared.clone();
        let as_of = dataset.as_of();
        takeover::drawn_later(move || {
            view! {
                <Legend as_of/>
                <Details shared=shared.clone()/>
            }
        })
    };
    let list = {
        let shared = shared.clone();
        takeover::drawn_later(move || view! { <EventList shared=shared.clone()/> })
    };
    view! {
        <div class="cke-tl" on:keydown=on_keydown>
            <h1>{Ui::TimelineTitle.text(lang)}</h1>
            <AsOfLine dataset=dataset.clone()/>
            <p class="cke-lede">{Ui::TimelineLede.text(lang)}</p>
            {controls}
            <p class="cke-tl-status" aria-live="polite">
                {move || {
                    let visible = layout.with(|layout| layout.visible);
                    let years = years_text(&window.get(), &domain);
                    let kept = model.with(|model| model.len());
                    let number = |n: usize| format_number(n as f64, lang, false);
                    let showing = Ui::TimelineShowingCount.count(
                        lang,
                        kept as f64,
                        &number(kept),
                        &[("visible", &number(visible)), ("kept", &number(kept))],
                    );
                    let filtered = if kept < total {
                        format!(
                            " ({})",
                            Ui::TimelineFilteredTotal.fill(lang, &[("total", &number(total))])
                        )
                    } else {
                        String::new()
                    };
                    format!("{showing}{filtered}, {years}")
                }}
            </p>
            <Axis shared=shared.clone()/>
            {below}
            {list}
        </div>
    }
}
