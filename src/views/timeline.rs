//! `view=timeline`: every event from January 1992 to the reader's today on a time axis, with the
//! eras of the partnership as bands, a "today" marker, events drawn by the precision of their
//! dates, a sector filter (`sector=`), a year (`year=`, shared with the charts), a details panel
//! (`event=`) and a chronological list that screen readers and phones use.
//!
//! Thin shell: the scale, eras, lanes, visible window and keyboard order come from the pure
//! [`cke_core::timeline`] core; this module wires them to signals and draws them. Only the events
//! in the visible window are laid out and drawn, and the list is paged, so that 10,000 events
//! stay interactive.

use super::{event_date_text, text};
use crate::components::provenance::{FigureCard, SourceDetails, SourceRef};
use crate::services::clock::Today;
use crate::services::intl::{format_date, format_number, month_names};
use crate::services::lang::use_lang;
use crate::services::nav::{is_modified_click, use_nav};
use cke_core::data::model::{Dataset, Date, Event, SectorId, Status, FIRST_YEAR};
use cke_core::strings::{confidence_label, Ui};
use cke_core::timeline::eras::{era_at, era_opened_by, place_eras, Era};
use cke_core::timeline::layout::{
    lay_out, list_pages, page_entries, year_pages, Entry, LaneOptions, Layout, Model, Placed, Step,
};
use cke_core::timeline::related_figures;
use cke_core::timeline::scale::{
    month_ticks, year_of, year_start, Domain, MarkKind, Scale, Span, Window, DAYS_PER_YEAR,
    MIN_WINDOW_DAYS,
};
use cke_core::url::Selection;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How many events one page of the list holds before it pages by decade, then by year.
const LIST_PAGE: usize = 100;
/// The width the axis assumes until it has been measured.
const DEFAULT_WIDTH: f64 = 960.0;
/// The narrowest era band that is drawn as a button (a 24 px target).
const MIN_ERA_BUTTON: f64 = 24.0;
/// The least distance between two labelled year lines.
const YEAR_LABEL_PX: f64 = 44.0;
/// The least width of a month for month lines to be drawn.
const MONTH_PX: f64 = 36.0;
/// The id of the details panel's heading (focused when the panel opens from the list).
const DETAILS_TITLE: &str = "cke-tl-details-title";

/// Where the reader opened an event from, so that closing it puts focus back there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin {
    Axis,
    List,
    Panel,
}

/// Opens an event (by its index in the dataset) from somewhere.
type Opener = Arc<dyn Fn(usize, Origin) + Send + Sync>;

/// What the parts of the timeline share: the events placed in time, and the reader's state.
#[derive(Clone)]
struct Timeline {
    dataset: Arc<Dataset>,
    /// Each event's span, by dataset index.
    spans: Arc<Vec<Span>>,
    eras: Arc<Vec<Era>>,
    domain: Domain,
    /// The events the sector filter keeps.
    model: Memo<Arc<Model>>,
    /// The chosen year (`year=`).
    year: Memo<Option<i32>>,
    /// The selected event's id (`event=`), and its index when the data has it.
    selected_id: Memo<Option<String>>,
    selected: Memo<Option<usize>>,
    /// The visible part of the axis, and the axis's width in pixels.
    window: RwSignal<Window>,
    width: RwSignal<f64>,
    layout: Memo<Layout>,
    /// The event the keyboard is on.
    active: RwSignal<Option<usize>>,
    open: Opener,
    close: Arc<dyn Fn() + Send + Sync>,
}

/// The name of a sector in the reader's language.
fn sector_name(dataset: &Dataset, sector: SectorId) -> String {
    dataset
        .sector(sector)
        .map(|info| text(dataset, &info.name_key()))
        .unwrap_or_else(|| sector.as_str().to_owned())
}

fn precision_label(kind: MarkKind) -> Ui {
    match kind {
        MarkKind::Day => Ui::TimelinePrecisionDay,
        MarkKind::Month => Ui::TimelinePrecisionMonth,
        MarkKind::Year => Ui::TimelinePrecisionYear,
        MarkKind::Range => Ui::TimelinePrecisionRange,
    }
}

/// A pixel length for an inline style (set through the CSSOM, which a strict CSP allows).
fn px(value: f64) -> String {
    format!("{:.1}px", value)
}

/// Focuses the element `selector` finds once the pending DOM updates have been applied.
fn focus_later(selector: String) {
    request_animation_frame(move || {
        let element = document().query_selector(&selector).ok().flatten();
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// Scrolls `selector` into view (`block`: "nearest" or "start") once the DOM is updated.
/// Instant, never smooth: nothing moves by itself for readers who asked for less motion.
fn scroll_later(selector: String, block: &'static str) {
    request_animation_frame(move || {
        let Some(element) = document().query_selector(&selector).ok().flatten() else {
            return;
        };
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &"block".into(), &block.into());
        let method = js_sys::Reflect::get(&element, &"scrollIntoView".into());
        if let Some(method) = method
            .ok()
            .and_then(|m| m.dyn_into::<js_sys::Function>().ok())
        {
            let _ = method.call1(&element, &options);
        }
    });
}

/// How much of the details panel opening from the axis is brought into view: its bar of
/// buttons, date and heading.
const DETAILS_PEEK_PX: f64 = 160.0;
/// The room kept above the focused event when the page scrolls to the panel.
const FOCUS_ROOM_PX: f64 = 16.0;

/// Brings the top of the details panel into view once the DOM is updated, but never so far
/// that the focused event on the axis leaves the screen: the focus stays on the axis (so that
/// the arrow keys keep working) and a keyboard reader must still see where it is.
fn reveal_details_keeping_focus() {
    request_animation_frame(move || {
        let document = document();
        let Some(panel) = document.query_selector("#cke-tl-details").ok().flatten() else {
            return;
        };
        let screen = window()
            .inner_height()
            .ok()
            .and_then(|height| height.as_f64())
            .unwrap_or(0.0);
        let wanted = panel.get_bounding_client_rect().top() + DETAILS_PEEK_PX - screen;
        if wanted <= 0.0 {
            return;
        }
        let room = document
            .active_element()
            .map(|focused| focused.get_bounding_client_rect().top() - FOCUS_ROOM_PX)
            .unwrap_or(wanted);
        let by = wanted.min(room).max(0.0);
        if by > 0.0 {
            window().scroll_by_with_x_and_y(0.0, by);
        }
    });
}

/// The dataset event index a DOM event came from (`data-index` on the element or an ancestor).
fn index_of_target(event: &web_sys::Event) -> Option<usize> {
    let element = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let holder = element.closest("[data-index]").ok().flatten()?;
    holder.get_attribute("data-index")?.parse().ok()
}

/// `view=timeline`.
#[component]
pub fn TimelineView(dataset: Arc<Dataset>) -> impl IntoView {
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

    view! {
        <div class="cke-tl" on:keydown=on_keydown>
            <h1>{Ui::TimelineTitle.text(lang)}</h1>
            <p class="cke-lede">{Ui::TimelineLede.text(lang)}</p>
            <Controls dataset=dataset.clone() domain window/>
            <p class="cke-tl-status" aria-live="polite">
                {move || {
                    let visible = layout.with(|layout| layout.visible);
                    let shown = window.get();
                    let first = year_of(shown.start.floor() as i32);
                    let last = year_of((shown.end.ceil() as i32 - 1).max(domain.start));
                    let kept = model.with(|model| model.len());
                    let years = if first == last {
                        first.to_string()
                    } else {
                        format!("{first} – {last}")
                    };
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
            <Legend/>
            <Details shared=shared.clone()/>
            <EventList shared/>
        </div>
    }
}

/// The sector filter, the year to jump to, zoom and scrub.
#[component]
fn Controls(dataset: Arc<Dataset>, domain: Domain, window: RwSignal<Window>) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let chosen = Memo::new(move |_| nav.selection.with(|s| s.sectors.clone()));
    let boxes = dataset
        .sectors()
        .iter()
        .map(|sector| {
            let id = sector.id;
            let name = text(&dataset, &sector.name_key());
            let input_id = format!("cke-tl-sector-{}", id.as_str());
            let toggle = move |_| {
                let mut sectors = chosen.get_untracked();
                if sectors.contains(&id) {
                    sectors.retain(|s| *s != id);
                } else {
                    sectors.push(id);
                }
                let next = nav.selection.get_untracked().with_sectors(&sectors);
                nav.go(next);
            };
            view! {
                <li data-sector=id.as_str()>
                    <input
                        type="checkbox"
                        id=input_id.clone()
                        value=id.as_str()
                        prop:checked=move || chosen.with(|s| s.contains(&id))
                        on:change=toggle
                    />
                    <label for=input_id>{name}</label>
                </li>
            }
        })
        .collect_view();
    let clear = move |_| {
        let next = nav.selection.get_untracked().with_sectors(&[]);
        nav.go(next);
    };
    let (first_year, last_year) = domain.years();
    let year_options = (first_year..=last_year)
        .map(|year| {
            view! {
                <option
                    value=year.to_string()
                    selected=move || nav.selection.with(|s| s.year == Some(year))
                >
                    {year}
                </option>
            }
        })
        .collect_view();
    let on_year = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        let mut next: Selection = nav.selection.get_untracked();
        next.year = value.parse().ok();
        nav.go(next);
    };

    let span = move || window.with(|w| w.span());
    let whole = move || window.with(|w| w.is_whole(&domain));
    let max_years = (domain.days() / DAYS_PER_YEAR).ceil().max(1.0);
    let years_shown = move || (span() / DAYS_PER_YEAR).round().clamp(1.0, max_years);
    let zoom = move |factor: f64| window.update(|w| *w = w.zoom(factor, w.center(), &domain));
    let pan = move |share: f64| window.update(|w| *w = w.pan(w.span() * share, &domain));
    let on_years = move |event: leptos::ev::Event| {
        if let Ok(years) = event_target_value(&event).parse::<f64>() {
            let days = years * DAYS_PER_YEAR;
            window.update(|w| *w = Window::placed(w.center() - days / 2.0, days, &domain));
        }
    };
    let on_scrub = move |event: leptos::ev::Event| {
        if let Ok(start) = event_target_value(&event).parse::<f64>() {
            window.update(|w| *w = Window::placed(start, w.span(), &domain));
        }
    };
    let window_years = move || {
        window.with(|w| {
            let first = year_of(w.start.floor() as i32);
            let last = year_of((w.end.ceil() as i32 - 1).max(domain.start));
            format!("{first} – {last}")
        })
    };
    view! {
        <div class="cke-tl-controls">
            <fieldset class="cke-tl-filter">
                <legend>{Ui::TimelineFilter.text(lang)}</legend>
                <ul>{boxes}</ul>
                <button
                    type="button"
                    class="cke-tl-button"
                    on:click=clear
                    disabled=move || chosen.with(Vec::is_empty)
                >
                    {Ui::TimelineAllSectors.text(lang)}
                </button>
            </fieldset>
            <div class="cke-tl-year">
                <label for="cke-tl-year">{Ui::TimelineJumpToYear.text(lang)}</label>
                <select id="cke-tl-year" on:change=on_year>
                    <option value="" selected=move || nav.selection.with(|s| s.year.is_none())>
                        {Ui::TimelineAllYears.text(lang)}
                    </option>
                    {year_options}
                </select>
            </div>
            <div class="cke-tl-zoom" role="group" aria-label=Ui::TimelineZoomAndScrub.text(lang)>
                <button
                    type="button"
                    class="cke-tl-button"
                    on:click=move |_| zoom(2.0)
                    disabled=whole
                >
                    {Ui::TimelineZoomOut.text(lang)}
                </button>
                <button
                    type="button"
                    class="cke-tl-button"
                    on:click=move |_| zoom(0.5)
                    disabled=move || span() <= MIN_WINDOW_DAYS + 0.5
                >
                    {Ui::TimelineZoomIn.text(lang)}
                </button>
                <button
                    type="button"
                    class="cke-tl-button"
                    on:click=move |_| window.set(Window::whole(&domain))
                    disabled=whole
                >
                    {Ui::TimelineWholeSpan.text(lang)}
                </button>
                <label class="cke-tl-range">
                    <span>{Ui::TimelineYearsShown.text(lang)}</span>
                    <input
                        type="range"
                        min="1"
                        max=max_years.to_string()
                        step="1"
                        prop:value=move || years_shown().to_string()
                        aria-valuetext=move || format!("{}", years_shown())
                        on:input=on_years
                    />
                </label>
                <button
                    type="button"
                    class="cke-tl-button"
                    on:click=move |_| pan(-0.5)
                    disabled=move || window.with(|w| w.start <= f64::from(domain.start))
                >
                    {Ui::TimelineEarlier.text(lang)}
                </button>
                <label class="cke-tl-range">
                    <span>{Ui::TimelineScrub.text(lang)}</span>
                    <input
                        type="range"
                        min=domain.start.to_string()
                        max=move || (f64::from(domain.end) - span()).floor().to_string()
                        step="30"
                        prop:value=move || window.with(|w| w.start.round().to_string())
                        aria-valuetext=window_years
                        disabled=whole
                        on:input=on_scrub
                    />
                </label>
                <button
                    type="button"
                    class="cke-tl-button"
                    on:click=move |_| pan(0.5)
                    disabled=move || window.with(|w| w.end >= f64::from(domain.end))
                >
                    {Ui::TimelineLater.text(lang)}
                </button>
            </div>
        </div>
    }
}

/// The axis: era bands, year and month lines, the chosen year, today, events in lanes and
/// clusters. Arrow keys, Home and End move between events; Enter opens one.
#[component]
fn Axis(shared: Timeline) -> impl IntoView {
    let Timeline {
        dataset,
        spans,
        eras,
        domain,
        window,
        width,
        layout,
        model,
        year,
        selected,
        active,
        open,
        ..
    } = shared;
    let lang = use_lang().get_untracked();
    let axis_ref = NodeRef::<leptos::html::Div>::new();
    let scale = move || Scale::new(window.get(), width.get());

    // The axis's width in pixels, measured now and whenever the page is resized. (Hidden on
    // phones, where it measures 0 and the list takes over.)
    let measure = move || {
        if let Some(axis) = axis_ref.get_untracked() {
            let measured = f64::from(axis.client_width());
            if measured > 0.0 {
                width.set(measured);
            }
        }
    };
    Effect::new(move |_| {
        if axis_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // Eras.
    let era_bands = {
        let dataset = dataset.clone();
        move || {
            let scale = scale();
            let width = scale.width;
            eras.iter()
                .filter(|era| {
                    f64::from(era.end) > scale.window.start
                        && f64::from(era.start) < scale.window.end
                })
                .enumerate()
                .map(|(number, era)| {
                    let left = scale.x(f64::from(era.start)).max(0.0);
                    let right = scale.x(f64::from(era.end)).min(width);
                    let name = era.name.text(lang);
                    let start =
                        Date::from_year(u16::try_from(year_of(era.start)).unwrap_or(FIRST_YEAR));
                    let era_copy = *era;
                    let from = dataset
                        .events()
                        .get(era.event)
                        .map(|event| event_date_text(event, lang))
                        .unwrap_or_else(|| format_date(start, lang));
                    let label = Ui::TimelineEraLabel.fill(lang, &[("name", name), ("date", &from)]);
                    let band = if number % 2 == 0 { "a" } else { "b" };
                    let show = move |_| {
                        let span = f64::from(era_copy.end - era_copy.start);
                        window.set(Window::placed(f64::from(era_copy.start), span, &domain));
                    };
                    if right - left >= MIN_ERA_BUTTON {
                        view! {
                            <button
                                type="button"
                                class="cke-tl-era"
                                data-band=band
                                style:left=px(left)
                                style:width=px(right - left)
                                aria-label=label.clone()
                                title=label
                                on:click=show
                            >
                                <span>{name}</span>
                            </button>
                        }
                        .into_any()
                    } else {
                        view! {
                            <span
                                class="cke-tl-era"
                                data-band=band
                                aria-hidden="true"
                                style:left=px(left)
                                style:width=px(right - left)
                            ></span>
                        }
                        .into_any()
                    }
                })
                .collect_view()
        }
    };

    // Year and month lines.
    let months = month_names(lang);
    let ticks = move || {
        let scale = scale();
        let years = cke_core::timeline::scale::year_ticks(&scale, YEAR_LABEL_PX)
            .into_iter()
            .map(|tick| {
                view! {
                    <span class="cke-tl-tick" data-labelled=tick.labelled.to_string() style:left=px(tick.x)>
                        {tick.labelled.then(|| view! { <span class="cke-tl-tick__label">{tick.year}</span> })}
                    </span>
                }
            })
            .collect_view();
        let month_lines = month_ticks(&scale, MONTH_PX)
            .into_iter()
            .map(|tick| {
                let name = months
                    .get(usize::try_from(tick.month).unwrap_or(1).saturating_sub(1))
                    .cloned()
                    .unwrap_or_default();
                view! {
                    <span class="cke-tl-tick cke-tl-tick--month" style:left=px(tick.x)>
                        <span class="cke-tl-tick__label">{name}</span>
                    </span>
                }
            })
            .collect_view();
        view! { {years} {month_lines} }
    };

    // The chosen year and today.
    let year_band = move || {
        let year = year.get()?;
        let scale = scale();
        let left = scale.x(f64::from(year_start(year))).max(0.0);
        let right = scale.x(f64::from(year_start(year + 1))).min(scale.width);
        (right > left).then(|| {
            view! {
                <div class="cke-tl-chosen-year" style:left=px(left) style:width=px(right - left)>
                    <span class="cke-visually-hidden">{year}</span>
                </div>
            }
        })
    };
    let today_date = use_context::<Today>().map(Today::date);
    let today_label = Ui::TimelineTodayLabel.fill(
        lang,
        &[
            ("today", Ui::TimelineToday.text(lang)),
            (
                "date",
                &today_date
                    .map(|date| format_date(date, lang))
                    .unwrap_or_default(),
            ),
        ],
    );
    let today_marker = move || {
        let scale = scale();
        let x = scale.x(f64::from(domain.today) + 0.5);
        (0.0..=scale.width).contains(&x).then(|| {
            view! {
                <div class="cke-tl-today" style:left=px(x) role="img" aria-label=today_label.clone()>
                    <span aria-hidden="true">{Ui::TimelineToday.text(lang)}</span>
                </div>
            }
        })
    };

    // Events, keyed so that a moved event keeps its element (and its focus).
    let titles: Arc<Vec<String>> = Arc::new(
        dataset
            .events()
            .iter()
            .map(|event| text(&dataset, &event.title_key()))
            .collect(),
    );
    let placement = move |index: usize| {
        layout.with(|layout| layout.placed.iter().find(|p| p.index == index).copied())
    };
    let tab_stop = Memo::new(move |_| {
        layout.with(|layout| {
            let shown = |index: Option<usize>| {
                index.filter(|index| layout.placed.iter().any(|p| p.index == *index))
            };
            shown(active.get())
                .or_else(|| shown(selected.get()))
                .or_else(|| layout.placed.first().map(|p| p.index))
        })
    });
    let event_button = {
        let dataset = dataset.clone();
        let titles = titles.clone();
        let open = open.clone();
        move |placed: Placed| {
            let index = placed.index;
            let Some(event) = dataset.events().get(index) else {
                return ().into_any();
            };
            let title = titles.get(index).cloned().unwrap_or_default();
            let tooltip = title.clone();
            let planned = event.status == Status::Planned;
            // The status is in the name, in the reader's language (the mark's dashed outline
            // shows it to sighted readers).
            let label = if planned {
                format!(
                    "{}: {title} ({})",
                    event_date_text(event, lang),
                    Ui::TimelinePlanned.text(lang)
                )
            } else {
                format!("{}: {title}", event_date_text(event, lang))
            };
            let open = open.clone();
            let geometry = move || placement(index).unwrap_or(placed);
            view! {
                <button
                    type="button"
                    class="cke-tl-event"
                    data-index=index.to_string()
                    data-id=event.id.as_str().to_owned()
                    data-precision=placed.kind.as_str()
                    data-sector=event.main_sector.as_str()
                    data-status=event.status.as_str()
                    style:left=move || px(geometry().left)
                    style:width=move || px(geometry().width)
                    style:top=move || format!("calc({} * var(--cke-tl-lane))", geometry().lane)
                    tabindex=move || if tab_stop.get() == Some(index) { "0" } else { "-1" }
                    aria-current=move || (selected.get() == Some(index)).then_some("true")
                    aria-label=label
                    title=tooltip
                    on:click=move |_| open(index, Origin::Axis)
                    on:focus=move |_| active.set(Some(index))
                >
                    <span
                        class="cke-tl-mark"
                        style:left=move || px(geometry().mark_left)
                        style:width=move || px(geometry().mark_width)
                    ></span>
                    <span class="cke-tl-label">{title}</span>
                </button>
            }
            .into_any()
        }
    };
    let on_keydown = {
        let spans = spans.clone();
        move |event: leptos::ev::KeyboardEvent| {
            let Some(step) = Step::from_key(&event.key()) else {
                return;
            };
            event.prevent_default();
            let from = index_of_target(&event).or(active.get_untracked());
            let fallback = layout.with_untracked(|l| l.placed.first().map(|p| p.index));
            let Some(target) = model.with_untracked(|m| m.step(from, step, fallback)) else {
                return;
            };
            active.set(Some(target));
            if let Some(span) = spans.get(target) {
                window.update(|w| *w = w.reveal(span, &domain));
            }
            focus_later(format!(".cke-tl-events [data-index=\"{target}\"]"));
        }
    };

    // Clusters: a count of what did not fit, which zooms in on its place.
    let clusters = move || {
        let scale = scale();
        layout.with(|layout| {
            layout
                .clusters
                .iter()
                .map(|cluster| {
                    let first = year_of(cluster.start);
                    let last = year_of(cluster.end - 1);
                    let years = if first == last {
                        first.to_string()
                    } else {
                        format!("{first} – {last}")
                    };
                    let label = Ui::TimelineClusterLabel.count(
                        lang,
                        cluster.count as f64,
                        &format_number(cluster.count as f64, lang, false),
                        &[("years", &years)],
                    );
                    let anchor = scale.day_at(cluster.left + cluster.width / 2.0);
                    let zoom = move |_| {
                        window.update(|w| *w = w.zoom(0.25, anchor, &domain));
                    };
                    view! {
                        <button
                            type="button"
                            class="cke-tl-cluster"
                            style:left=px(cluster.left)
                            style:width=px(cluster.width)
                            aria-label=label.clone()
                            title=label
                            on:click=zoom
                        >
                            "+" {cluster.count}
                        </button>
                    }
                })
                .collect_view()
        })
    };

    // Dragging the axis scrubs through time (mouse, pen and touch).
    let drag = StoredValue::new(None::<(f64, Window)>);
    let on_pointerdown = move |event: leptos::ev::PointerEvent| {
        let on_control = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button").ok().flatten())
            .is_some();
        if on_control || event.button() != 0 {
            return;
        }
        drag.set_value(Some((f64::from(event.client_x()), window.get_untracked())));
        if let Some(axis) = axis_ref.get_untracked() {
            let _ = axis.set_pointer_capture(event.pointer_id());
        }
    };
    let on_pointermove = move |event: leptos::ev::PointerEvent| {
        let Some((start_x, start)) = drag.get_value() else {
            return;
        };
        let scale = Scale::new(start, width.get_untracked());
        let days = (start_x - f64::from(event.client_x())) / scale.px_per_day().max(1e-9);
        window.set(start.pan(days, &domain));
    };
    let end_drag = move |_: leptos::ev::PointerEvent| drag.set_value(None);

    let axis_label = move || {
        let (visible, kept) = (layout.with(|l| l.visible), model.with(|m| m.len()));
        let number = |n: usize| format_number(n as f64, lang, false);
        Ui::TimelineAxisLabel.count(
            lang,
            kept as f64,
            &number(kept),
            &[("visible", &number(visible)), ("kept", &number(kept))],
        )
    };
    view! {
        <div class="cke-tl-axis-wrap">
            <div
                class="cke-tl-axis"
                node_ref=axis_ref
                on:pointerdown=on_pointerdown
                on:pointermove=on_pointermove
                on:pointerup=end_drag
                on:pointercancel=end_drag
            >
                <div class="cke-tl-eras" role="group" aria-label=Ui::TimelineEras.text(lang)>
                    {era_bands}
                </div>
                <div class="cke-tl-ticks" aria-hidden="true">{ticks}</div>
                {year_band}
                {today_marker}
                <div
                    class="cke-tl-events"
                    role="group"
                    aria-label=axis_label
                    on:keydown=on_keydown
                >
                    <For
                        each=move || layout.with(|layout| layout.placed.clone())
                        key=|placed| placed.index
                        children=event_button
                    />
                </div>
                <div class="cke-tl-clusters">{clusters}</div>
            </div>
            <p class="cke-tl-hint">{Ui::TimelineKeyboardHint.text(lang)}</p>
        </div>
    }
}

/// What the shapes of the marks mean.
#[component]
fn Legend() -> impl IntoView {
    let lang = use_lang().get_untracked();
    let items = [
        MarkKind::Day,
        MarkKind::Month,
        MarkKind::Year,
        MarkKind::Range,
    ]
    .into_iter()
    .map(|kind| {
        view! {
            <li data-precision=kind.as_str()>
                <span class="cke-tl-mark" aria-hidden="true"></span>
                {precision_label(kind).text(lang)}
            </li>
        }
    })
    .collect_view();
    view! {
        <div class="cke-tl-legend">
            <h2 class="cke-visually-hidden" id="cke-tl-legend">{Ui::TimelineLegend.text(lang)}</h2>
            <ul aria-labelledby="cke-tl-legend">{items}</ul>
        </div>
    }
}

/// The selected event: date and precision, summary, sectors, confidence, era, sources, the
/// figures of its years and sectors, and caveats. Escape or the close button closes it.
#[component]
fn Details(shared: Timeline) -> impl IntoView {
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
            .sources
            .iter()
            .map(|id| {
                view! { <li><SourceDetails dataset=dataset.clone() id=id.as_str().to_owned()/></li> }
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
        let caveats = dataset
            .caveats_for_event(event.id.as_str())
            .into_iter()
            .map(|caveat| {
                let heading = text(&dataset, &caveat.title_key());
                let body = text(&dataset, &caveat.body_key());
                view! { <li><strong>{heading}</strong> " " {body}</li> }
            })
            .collect::<Vec<_>>();
        let caveats = (!caveats.is_empty()).then(|| {
            view! {
                <h3>{Ui::SectorCaveats.text(lang)}</h3>
                <ul class="cke-tl-caveats">{caveats}</ul>
            }
        });
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
        let planned = (event.status == Status::Planned).then(|| {
            view! { <p class="cke-tag cke-tl-planned">{Ui::TimelinePlanned.text(lang)}</p> }
        });
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
                    <p class="cke-tl-details__date" data-precision=span.kind.as_str()>
                        <span class="cke-tl-mark" aria-hidden="true"></span>
                        <time datetime=event.when.start.to_string()>{event_date_text(&event, lang)}</time>
                        " · " {precision_label(span.kind).text(lang)}
                    </p>
                    <h2 id=DETAILS_TITLE tabindex="-1">{title}</h2>
                    {planned}
                    <p>{summary}</p>
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

/// The chronological list: the whole timeline as text, for screen readers and phones (where it
/// is drawn as a vertical axis). A chosen year lists that year's events; otherwise long lists
/// are paged by decade, then by year.
#[component]
fn EventList(shared: Timeline) -> impl IntoView {
    let Timeline {
        dataset,
        spans,
        eras,
        model,
        year,
        selected,
        open,
        ..
    } = shared;
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    // What the list covers: the chosen year's events (ranges reaching into it included), or
    // every kept event; then its pages.
    let listed = Memo::new(move |_| {
        model.with(|model| match year.get() {
            Some(year) => model.in_year(year).copied().collect::<Vec<Entry>>(),
            None => model.entries().to_vec(),
        })
    });
    let pages = Memo::new(move |_| {
        listed.with(|listed| match year.get() {
            Some(year) => year_pages(year, listed.len(), LIST_PAGE),
            None => list_pages(listed, LIST_PAGE),
        })
    });
    let start_page = selected
        .get_untracked()
        .and_then(|index| {
            listed.with_untracked(|listed| listed.iter().position(|e| e.index == index))
        })
        .and_then(|at| {
            pages.with_untracked(|pages| pages.iter().position(|p| p.entries.contains(&at)))
        })
        .unwrap_or(0);
    let page = RwSignal::new(start_page);
    // A new year or filter starts at the first page.
    Effect::watch(
        move || (year.get(), model.with(|model| model.len())),
        move |_, _, _| page.set(0),
        false,
    );
    let current_page = move || pages.with(|pages| pages.get(page.get()).or(pages.first()).cloned());

    // The dataset indices the page shows, grouped by the year they start in (a chosen year's
    // events are all listed under it).
    let groups = Memo::new(move |_| {
        let indices: Vec<(i32, usize)> = listed.with(|listed| {
            current_page()
                .map(|page| {
                    page_entries(listed, &page)
                        .map(|entry| (year.get().unwrap_or_else(|| entry.span.year()), entry.index))
                        .collect()
                })
                .unwrap_or_default()
        });
        let mut groups: Vec<(i32, Vec<usize>)> = Vec::new();
        for (year, index) in indices {
            match groups.last_mut() {
                Some((last, run)) if *last == year => run.push(index),
                _ => groups.push((year, vec![index])),
            }
        }
        groups
    });

    let heading = move || match year.get() {
        Some(year) => {
            let count = listed.with(Vec::len);
            Ui::TimelineEventsOfYear.count(
                lang,
                count as f64,
                &format_number(count as f64, lang, false),
                &[("year", &year.to_string())],
            )
        }
        None => Ui::TimelineList.text(lang).to_owned(),
    };
    let all_years = move |_| {
        let mut next = nav.selection.get_untracked();
        next.year = None;
        nav.go(next);
    };
    let all_years_button = move || {
        year.get().is_some().then(|| {
            view! {
                <button type="button" class="cke-tl-button" on:click=all_years>
                    {Ui::TimelineAllYears.text(lang)}
                </button>
            }
        })
    };
    let page_nav = move || {
        let pages = pages.get();
        (pages.len() > 1).then(|| {
            let buttons = pages
                .iter()
                .enumerate()
                .map(|(number, p)| {
                    let label = match (p.first == p.last, p.part) {
                        (true, Some((part, parts))) => format!("{} · {part}/{parts}", p.first),
                        (true, None) => p.first.to_string(),
                        (false, _) => format!("{}–{}", p.first, p.last),
                    };
                    let count = p.count();
                    view! {
                        <li>
                            <button
                                type="button"
                                class="cke-tl-button"
                                aria-current=move || (page.get() == number).then_some("true")
                                on:click=move |_| page.set(number)
                            >
                                {label} " (" {count} ")"
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <nav class="cke-tl-pages" aria-label=Ui::TimelineListPages.text(lang)>
                    <ul>{buttons}</ul>
                </nav>
            }
            .into_any()
        })
    };

    let item = {
        let dataset = dataset.clone();
        let open = open.clone();
        move |index: usize| {
            let event = dataset.events().get(index)?;
            let span = spans.get(index).copied()?;
            let id = event.id.as_str().to_owned();
            let title = text(&dataset, &event.title_key());
            let summary = text(&dataset, &event.summary_key());
            let era = era_opened_by(&eras, index).map(|era| {
                view! {
                    <p class="cke-tl-item__era">
                        {Ui::TimelineEraStarts.text(lang)} " " {era.name.text(lang)}
                    </p>
                }
            });
            let sectors = event
                .sectors
                .iter()
                .map(|sector| sector_name(&dataset, *sector))
                .collect::<Vec<_>>()
                .join(", ");
            let sources = event
                .sources
                .iter()
                .map(|id| view! { <li><SourceRef dataset=dataset.clone() id=id.as_str().to_owned()/></li> })
                .collect_view();
            let href = {
                let id = id.clone();
                move || {
                    let mut to = nav.selection.get();
                    to.event = Some(id.clone());
                    nav.href(&to)
                }
            };
            let open = open.clone();
            let on_click = move |click: leptos::ev::MouseEvent| {
                if is_modified_click(&click) {
                    return;
                }
                click.prevent_default();
                open(index, Origin::List);
            };
            let planned = (event.status == Status::Planned).then(
                || view! { " " <span class="cke-tag">{Ui::TimelinePlanned.text(lang)}</span> },
            );
            Some(view! {
                <li
                    class="cke-tl-item"
                    data-index=index.to_string()
                    data-precision=span.kind.as_str()
                    data-sector=event.main_sector.as_str()
                    aria-current=move || (selected.get() == Some(index)).then_some("true")
                >
                    <span class="cke-tl-mark" aria-hidden="true"></span>
                    {era}
                    <time datetime=event.when.start.to_string()>{event_date_text(event, lang)}</time>
                    <h4 class="cke-tl-item__title">
                        <a class="cke-tl-item__link" href=href on:click=on_click>{title}</a>
                        {planned}
                    </h4>
                    <p>{summary}</p>
                    <p class="cke-tl-item__meta">{sectors}</p>
                    <ul class="cke-sources">{sources}</ul>
                </li>
            })
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let Some(step) = Step::from_key(&event.key()) else {
            return;
        };
        let Some(from) = index_of_target(&event) else {
            return;
        };
        let order: Vec<usize> = groups.with_untracked(|groups| {
            groups
                .iter()
                .flat_map(|(_, run)| run.iter().copied())
                .collect()
        });
        let at = order.iter().position(|index| *index == from);
        let target = match (step, at) {
            (Step::First, _) => order.first(),
            (Step::Last, _) => order.last(),
            (Step::Next, Some(at)) => order.get(at + 1),
            (Step::Previous, Some(at)) => at.checked_sub(1).and_then(|at| order.get(at)),
            _ => None,
        };
        if let Some(target) = target {
            event.prevent_default();
            focus_later(format!(".cke-tl-list [data-index=\"{target}\"] a"));
        }
    };
    let body = move || {
        let groups = groups.get();
        if groups.is_empty() {
            return view! { <p>{Ui::TimelineNoEvents.text(lang)}</p> }.into_any();
        }
        groups
            .into_iter()
            .map(|(year, run)| {
                let items = run.into_iter().filter_map(&item).collect_view();
                view! {
                    <section class="cke-tl-list__year" aria-labelledby=format!("cke-tl-year-{year}")>
                        <h3 id=format!("cke-tl-year-{year}")>{year}</h3>
                        <ol class="cke-tl-list__items">{items}</ol>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="cke-tl-list" aria-labelledby="cke-tl-list-title" on:keydown=on_keydown>
            <h2 id="cke-tl-list-title">{heading}</h2>
            {all_years_button}
            {page_nav}
            {body}
        </section>
    }
}
