//! The guided story (`view=story&step=N`): the milestones the data's editors chose
//! (`story.json`), one large step at a time: what happened (the step's heading, its event's
//! date, title, summary and sources), the number that shows it (a figure card with its
//! source), where it happened (a small locator map, for a step with a place), and a small
//! timeline beside it with the step's year marked. The reader moves with
//! the ← and → keys, a swipe or the buttons; every step is a link (`step=N`), so the URL names
//! the step shown and can be shared. A step the data does not have shows the first.

use super::{event_date_text, text, AsOfLine};
use crate::components::lazy::{lazy_view, Waiting};
use crate::components::link::Link;
use crate::components::locator::{kind_label, Locator};
use crate::components::provenance::{FigureCard, SourceRef};
use crate::services::chunk::{Awaited, ChunkFailed, Pending};
use crate::services::lang::use_lang;
use crate::services::load::complete_data;
use crate::services::nav::{is_modified_click, use_nav};
use cke_core::data::model::{Dataset, PlaceId};
use cke_core::story::{Axis, Position};
use cke_core::strings::Ui;
use cke_core::url::{Lang, Selection, View};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How far a finger must travel sideways, in CSS pixels, for a swipe to change the step.
const SWIPE_PX: i32 = 48;

/// `view=story`: the step the URL names; drawn by its own chunk in a split build.
#[component]
pub fn StoryView(dataset: Arc<Dataset>) -> impl IntoView {
    lazy_view(move || load_story(dataset.clone()), Waiting::View)
}

/// Fetches the story's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_story() {
    #[cfg(feature = "split")]
    let _ = preload_story_chunk().await;
}

async fn load_story(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return story_chunk(dataset).await;
    #[cfg(not(feature = "split"))]
    story_chunk(dataset)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        story,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_story_chunk)
    )
)]
fn story_chunk(dataset: Arc<Dataset>) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Story dataset/> }.into_any())
}

/// The story itself.
#[component]
fn Story(dataset: Arc<Dataset>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let total = dataset.story().len();
    let position = Memo::new(move |_| {
        nav.selection
            .with(|selection| Position::new(selection.step_in(total), total))
    });
    let target = move |step: usize| {
        nav.selection
            .with(|current| current.with_step(u32::try_from(step).unwrap_or(1)))
    };
    let go = move |step: usize| nav.go(target(step));

    // ← and → anywhere on the page, but in a field or with a modifier key.
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if event.default_prevented()
            || event.alt_key()
            || event.ctrl_key()
            || event.meta_key()
            || event.shift_key()
            || in_a_field(&event)
        {
            return;
        }
        let now = position.get_untracked();
        let step = match event.key().as_str() {
            "ArrowRight" => now.next(),
            "ArrowLeft" => now.previous(),
            _ => None,
        };
        if let Some(step) = step {
            event.prevent_default();
            go(step);
        }
    });
    on_cleanup(move || keys.remove());

    // A sideways swipe on the step (vertical ones scroll the page: `touch-action: pan-y`).
    let touch_start = StoredValue::new(None::<(i32, i32)>);
    let on_pointerdown = move |event: leptos::ev::PointerEvent| {
        if event.pointer_type() == "touch" {
            touch_start.set_value(Some((event.client_x(), event.client_y())));
        }
    };
    let on_pointerup = move |event: leptos::ev::PointerEvent| {
        let Some((x, y)) = touch_start.get_value() else {
            return;
        };
        touch_start.set_value(None);
        let (dx, dy) = (event.client_x() - x, event.client_y() - y);
        if dx.abs() < SWIPE_PX || dx.abs() <= dy.abs() {
            return;
        }
        let now = position.get_untracked();
        let step = if dx < 0 { now.next() } else { now.previous() };
        if let Some(step) = step {
            go(step);
        }
    };
    let on_pointercancel = move |_| touch_start.set_value(None);

    if total == 0 {
        return view! {
            <h1>{Ui::StoryTitle.text(lang)}</h1>
            <AsOfLine dataset=dataset.clone()/>
            <p class="cke-lede">{Ui::StoryEmpty.text(lang)}</p>
        }
        .into_any();
    }

    let step_view = {
        let dataset = dataset.clone();
        move || {
            let now = position.get();
            step_content(&dataset, now, nav.selection.get_untracked(), lang)
        }
    };
    let axis = StoryAxis(StoryAxisProps {
        dataset: dataset.clone(),
        position,
    });
    let counter = move || {
        let now = position.get();
        Ui::StoryStepOf.fill(
            lang,
            &[
                ("step", &now.step.to_string()),
                ("total", &now.total.to_string()),
            ],
        )
    };
    let button = move |label: Ui, class: &'static str, step: fn(Position) -> Option<usize>| {
        let href = move || step(position.get()).map(|to| nav.href(&target(to)));
        let on_click = move |event: leptos::ev::MouseEvent| {
            if is_modified_click(&event) {
                return;
            }
            event.prevent_default();
            if let Some(to) = step(position.get_untracked()) {
                go(to);
            }
        };
        let arrow = if class.ends_with("prev") {
            "←"
        } else {
            "→"
        };
        view! {
            <a class=format!("cke-story__btn {class}") href=href
                aria-disabled=move || step(position.get()).is_none().then_some("true")
                on:click=on_click>
                {(class.ends_with("prev")).then_some(arrow)}
                <span>{label.text(lang)}</span>
                {(!class.ends_with("prev")).then_some(arrow)}
            </a>
        }
    };
    let dots = dataset
        .story()
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let number = index + 1;
            let to = nav.selection.with_untracked(|selection| {
                selection.with_step(u32::try_from(number).unwrap_or(1))
            });
            let current = Signal::derive(move || position.get().step == number);
            let title = text(&dataset, &step.title_key());
            view! {
                <li>
                    <Link to current class="cke-story__dot">
                        <span aria-hidden="true">{number}</span>
                        <span class="cke-visually-hidden">{format!("{number}. {title}")}</span>
                    </Link>
                </li>
            }
        })
        .collect_view();

    view! {
        <h1>{Ui::StoryTitle.text(lang)}</h1>
        <AsOfLine dataset=dataset.clone()/>
        <p class="cke-lede">{Ui::StoryLede.text(lang)}</p>
        <section class="cke-story" aria-labelledby="cke-story-heading">
            <p class="cke-story__counter" aria-live="polite">{counter}</p>
            <div class="cke-story__stage"
                on:pointerdown=on_pointerdown on:pointerup=on_pointerup
                on:pointercancel=on_pointercancel>
                {axis}
                {step_view}
            </div>
            <nav class="cke-story__nav" aria-label=Ui::StorySteps.text(lang)>
                {button(Ui::StoryPrevious, "cke-story__prev", Position::previous)}
                <ol class="cke-story__dots">{dots}</ol>
                {button(Ui::StoryNext, "cke-story__next", Position::next)}
            </nav>
            <p class="cke-story__hint">{Ui::StoryKeyboardHint.text(lang)}</p>
        </section>
    }
    .into_any()
}

/// What the step at `now` shows: its heading, what happened and the number that shows it.
fn step_content(dataset: &Arc<Dataset>, now: Position, current: Selection, lang: Lang) -> AnyView {
    let Some(step) = dataset.story().get(now.step.saturating_sub(1)) else {
        return ().into_any();
    };
    let heading = text(dataset, &step.title_key());
    let event = dataset.event(&step.event).cloned();
    let figure = dataset.figure(&step.figure).cloned();
    let happened = event.map(|event| {
        let mut to = current.with_view(View::Timeline);
        to.event = Some(event.id.as_str().to_owned());
        let sources = event
            .all_sources()
            .into_iter()
            .map(|id| view! { <li><SourceRef dataset=dataset.clone() id=id.clone()/></li> })
            .collect_view();
        let datetime = event.when.start.to_string();
        let date = event_date_text(&event, lang);
        let title = text(dataset, &event.title_key());
        let summary = text(dataset, &event.summary_key());
        view! {
            <p class="cke-story__date">
                <time datetime=datetime>{date}</time>
            </p>
            <h2 id="cke-story-heading" tabindex="-1">{heading.clone()}</h2>
            <h3 class="cke-story__event"><Link to>{title}</Link></h3>
            <p class="cke-story__summary">{summary}</p>
            <p class="cke-story__sources-label">{Ui::Sources.text(lang)}</p>
            <ul class="cke-sources">{sources}</ul>
        }
    });
    let number = figure.map(|figure| {
        view! {
            <aside class="cke-story__number" aria-labelledby="cke-story-number">
                <h3 id="cke-story-number">{Ui::StoryTheNumber.text(lang)}</h3>
                <FigureCard dataset=dataset.clone() figure heading_level=4/>
            </aside>
        }
    });
    let place = step
        .place
        .as_deref()
        .and_then(PlaceId::parse)
        .map(|place| view! { <StepPlace dataset=dataset.clone() place/> });
    view! {
        <article class="cke-story__step" data-step=now.step data-sector=step_sector(dataset, now)>
            <div class="cke-story__text">{happened}</div>
            <div class="cke-story__side">{number}{place}</div>
        </article>
    }
    .into_any()
}

/// Where the step happened: a small locator map with its place, whose mark opens the place's
/// card on the map. The places come with the complete data, asked for here; until it is built
/// the map's box is kept and the main region is busy, so a step is never taken over from a
/// prerendered one before its map is drawn. A place the data lacks shows nothing.
#[component]
fn StepPlace(dataset: Arc<Dataset>, place: PlaceId) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let busy = StoredValue::new(Some(Pending::start(Awaited::Part)));
    let complete = {
        let complete = complete_data(dataset);
        move || {
            let complete = complete();
            if complete.is_some() {
                busy.set_value(None);
            }
            complete
        }
    };
    let nav = use_nav();
    let map = move || match complete() {
        Some(dataset) => dataset.place(&place).map(|found| {
            let name = text(&dataset, &found.name_key());
            let kind = kind_label(found.kind).text(lang);
            let to = nav
                .selection
                .with_untracked(|selection| selection.with_place(Some(place.as_str())));
            let places = vec![place.clone()];
            let selected = Some(place.clone());
            view! {
                <Locator dataset=dataset.clone() places selected compact=true/>
                <p class="cke-story__place"><Link to>{name}</Link> " · " {kind}</p>
            }
            .into_any()
        }),
        None => Some(view! { <div class="cke-map-frame" aria-hidden="true"></div> }.into_any()),
    };
    view! {
        <aside class="cke-story__where" aria-labelledby="cke-story-where">
            <h3 id="cke-story-where">{Ui::MapOnTheMap.text(lang)}</h3>
            {map}
        </aside>
    }
}

/// The main sector of the step's event, for its colour.
fn step_sector(dataset: &Dataset, now: Position) -> Option<&'static str> {
    let step = dataset.story().get(now.step.saturating_sub(1))?;
    dataset
        .event(&step.event)
        .map(|event| event.main_sector.as_str())
}

/// The small timeline beside the step: every event a tick, every step a dot, the step shown
/// marked with its year. Drawn once; only the mark moves.
#[component]
fn StoryAxis(dataset: Arc<Dataset>, position: Memo<Position>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let axis = Axis::of(&dataset);
    let percent = |at: f64| format!("{:.3}%", at * 100.0);
    let ticks = axis
        .events
        .iter()
        .map(|at| view! { <line class="cke-story-axis__tick" x1=percent(*at) x2=percent(*at) y1="30" y2="40"/> })
        .collect_view();
    let steps = axis.steps.clone();
    let last_year = axis.last_year;
    let dots = axis
        .steps
        .iter()
        .enumerate()
        .map(|(index, (at, _))| {
            let number = index + 1;
            view! {
                <circle class="cke-story-axis__step" cx=percent(*at) cy="35" r="4"
                    data-current=move || (position.get().step == number).then_some("true")/>
            }
        })
        .collect_view();
    let current = move || steps.get(position.get().step.saturating_sub(1)).copied();
    let current = Memo::new(move |_| current());
    let current = move || current.get();
    let mark_x = move || current().map(|(at, _)| percent(at)).unwrap_or_default();
    let label = move || {
        current()
            .map(|(_, year)| year.to_string())
            .unwrap_or_default()
    };
    let anchor = move || match current() {
        Some((at, _)) if at < 0.06 => "start",
        Some((at, _)) if at > 0.94 => "end",
        _ => "middle",
    };
    let aria = move || {
        Ui::StoryTimelineLabel.fill(
            lang,
            &[
                ("last", &last_year.to_string()),
                (
                    "year",
                    &current()
                        .map(|(_, year)| year.to_string())
                        .unwrap_or_default(),
                ),
            ],
        )
    };
    view! {
        <figure class="cke-story-axis">
            <svg class="cke-story-axis__svg" width="100%" height="64" role="img" aria-label=aria>
                <line class="cke-story-axis__line" x1="0" x2="100%" y1="35" y2="35"/>
                {ticks}
                {dots}
                <line class="cke-story-axis__mark" x1=mark_x x2=mark_x y1="18" y2="44"/>
                <circle class="cke-story-axis__now" cx=mark_x cy="35" r="8"/>
                <text class="cke-story-axis__year" x=mark_x
                    y="12" text-anchor=anchor>{label}</text>
                <text class="cke-story-axis__end" x="0" y="60">{axis.first_year}</text>
                <text class="cke-story-axis__end" x="100%" y="60" text-anchor="end">{axis.last_year}</text>
            </svg>
        </figure>
    }
}

/// Whether a key press belongs to a field (a text box, a select): the story leaves it alone.
fn in_a_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|element| {
            element.is_content_editable()
                || matches!(
                    element.tag_name().to_ascii_uppercase().as_str(),
                    "INPUT" | "SELECT" | "TEXTAREA"
                )
        })
}
