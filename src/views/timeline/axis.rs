//! The time axis: era bands, year and month lines, the chosen year, today, the events in lanes
//! and the clusters of those that did not fit, with keyboard steps and drag to scrub; and the
//! legend of the marks' shapes.
//!
//! A thin shell over [`cke_core::timeline`]: the scale, lanes and keyboard order are computed
//! there. This module never lays out events itself and never writes the URL but through the
//! shared `open`.

use super::dom::{focus_later, index_of_target};
use super::state::{precision_label, Origin, Timeline};
use crate::components::freshness::{mark_note, stale_text, UncoveredBand};
use crate::services::clock::Today;
use crate::services::intl::{format_date, format_number, month_names};
use crate::services::lang::use_lang;
use crate::services::takeover;
use crate::views::{event_date_text, text};
use cke_core::data::model::{Date, FIRST_YEAR};
use cke_core::strings::Ui;
use cke_core::timeline::coverage::Uncovered;
use cke_core::timeline::eras::era_bands;
use cke_core::timeline::layout::{Placed, Step};
use cke_core::timeline::scale::{month_ticks, year_of, year_start, MarkKind, Scale, Window};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The least distance between two labelled year lines.
const YEAR_LABEL_PX: f64 = 44.0;
/// The least width of a month for month lines to be drawn.
const MONTH_PX: f64 = 36.0;

/// A pixel length for an inline style (set through the CSSOM, which a strict CSP allows).
fn px(value: f64) -> String {
    format!("{:.1}px", value)
}

/// The axis: era bands, year and month lines, the chosen year, today, events in lanes and
/// clusters. Arrow keys, Home and End move between events; Enter opens one.
#[component]
pub(super) fn Axis(shared: Timeline) -> impl IntoView {
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
            era_bands(&eras, &scale)
                .into_iter()
                .map(|drawn| {
                    let era = drawn.era;
                    let name = era.name.text(lang);
                    let start =
                        Date::from_year(u16::try_from(year_of(era.start)).unwrap_or(FIRST_YEAR));
                    let from = dataset
                        .events()
                        .get(era.event)
                        .map(|event| event_date_text(event, lang))
                        .unwrap_or_else(|| format_date(start, lang));
                    let label = Ui::TimelineEraLabel.fill(lang, &[("name", name), ("date", &from)]);
                    let band = if drawn.shaded { "b" } else { "a" };
                    let (left, width) = (drawn.left, drawn.width);
                    // A band in the axis's right half shows its whole name (on hover and focus)
                    // growing leftwards, so the axis, which hides what overflows, cuts neither
                    // the name nor the focus outline.
                    let right = (scale.width - left - width).max(0.0);
                    let anchor = if left + width / 2.0 > scale.width / 2.0 {
                        "end"
                    } else {
                        "start"
                    };
                    let show = move |_| {
                        let span = f64::from(era.end - era.start);
                        window.set(Window::placed(f64::from(era.start), span, &domain));
                    };
                    if drawn.button {
                        view! {
                            <button
                                type="button"
                                class="cke-tl-era"
                                data-band=band
                                data-anchor=anchor
                                style:left=px(left)
                                style:right=px(right)
                                style:width=px(width)
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
                                style:width=px(width)
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
    let uncovered = dataset
        .as_of()
        .and_then(|as_of| Uncovered::of(as_of, &domain));
    let today_marker = move || {
        let scale = scale();
        let x = scale.x(f64::from(domain.today) + 0.5);
        // The scale, for the preloader: it moves a prerendered marker (and the uncovered band)
        // to the reader's day as `Scale::x` would (`scripts/preload-data.js`, `moveToday`).
        let placing = format!(
            "{} {} {}",
            scale.window.start,
            scale.window.span(),
            scale.width
        );
        (0.0..=scale.width).contains(&x).then(|| {
            view! {
                <div
                    class="cke-tl-today"
                    style:left=px(x)
                    role="img"
                    aria-label=today_label.clone()
                    data-cke-scale=placing
                >
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
            // The status and a disputed date are in the name, in the reader's language (the
            // mark's outline and its "≠" show them to sighted readers).
            let label = match mark_note(&dataset, event, lang) {
                Some(note) => format!("{}: {title} ({note})", event_date_text(event, lang)),
                None => format!("{}: {title}", event_date_text(event, lang)),
            };
            let stale = stale_text(&dataset, event, lang).is_some();
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
                    data-stale=stale.then_some("true")
                    data-disputed=event.is_disputed().then_some("true")
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

    // Clusters: what did not fit, saying what it holds ("6 events: Trade, Energy…"); a click
    // zooms in on its place.
    let sector_names: Arc<Vec<(cke_core::data::model::SectorId, String)>> = Arc::new(
        dataset
            .sectors()
            .iter()
            .map(|sector| (sector.id, text(&dataset, &sector.name_key())))
            .collect(),
    );
    // Behind a prerendered view, the events and clusters are drawn a task after the axis's
    // frame (`takeover::part_ready`): the two together were the timeline's longest task on a
    // phone's CPU.
    let marks_ready = takeover::part_ready();
    let clusters = {
        let dataset = dataset.clone();
        move || {
            if !marks_ready.get() {
                return Vec::new();
            }
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
                        let names: Vec<String> = cluster
                            .sectors(dataset.events())
                            .into_iter()
                            .filter_map(|sector| {
                                sector_names
                                    .iter()
                                    .find(|(id, _)| *id == sector)
                                    .map(|(_, name)| name.clone())
                            })
                            .collect();
                        let separator = Ui::ListSeparator.text(lang);
                        let count = cluster.count as f64;
                        let count_text = format_number(count, lang, false);
                        let title = Ui::TimelineClusterTitle.count(
                            lang,
                            count,
                            &count_text,
                            &[("years", &years), ("sectors", &names.join(separator))],
                        );
                        let label = format!("{title} — {}", Ui::TimelineZoomIn.text(lang));
                        let head = Ui::TimelineClusterMore.count(lang, count, &count_text, &[]);
                        let mut shown: Vec<String> = names.iter().take(2).cloned().collect();
                        if names.len() > 2 {
                            shown.push("…".to_owned());
                        }
                        let sectors_text = shown.join(separator);
                        let anchor = scale.day_at(cluster.left + cluster.width / 2.0);
                        let zoom = move |_| {
                            window.update(|w| *w = w.zoom(0.25, anchor, &domain));
                        };
                        view! {
                            <button
                                type="button"
                                class="cke-tl-cluster"
                                data-count=cluster.count.to_string()
                                style:left=px(cluster.left)
                                style:width=px(cluster.width)
                                aria-label=label
                                title=title
                                on:click=zoom
                            >
                                <span class="cke-tl-cluster__count" aria-hidden="true">{head}</span>
                                <span class="cke-tl-cluster__sectors" aria-hidden="true">{sectors_text}</span>
                            </button>
                        }
                    })
                    .collect_view()
            })
        }
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
                <UncoveredBand uncovered scale=Signal::derive(scale) today=today_date/>
                {today_marker}
                <div
                    class="cke-tl-events"
                    role="group"
                    aria-label=axis_label
                    on:keydown=on_keydown
                >
                    <For
                        each=move || {
                            if marks_ready.get() {
                                layout.with(|layout| layout.placed.clone())
                            } else {
                                Vec::new()
                            }
                        }
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

/// What the shapes of the marks mean, what "≠" marks, and the hatched days after the data's
/// as-of date.
#[component]
pub(super) fn Legend(as_of: Option<Date>) -> impl IntoView {
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
    // What "≠" marks, and the hatched days after the as-of date: one shape of item for both.
    let uncovered = as_of
        .map(|date| Ui::TimelineUncoveredLegend.fill(lang, &[("date", &format_date(date, lang))]));
    let kinds = [
        ("disputed", Some(Ui::TimelineDisputed.text(lang).to_owned())),
        ("uncovered", uncovered),
    ]
    .into_iter()
    .filter_map(|(kind, text)| text.map(|text| (kind, text)))
    .map(|(kind, text)| {
        view! {
            <li data-kind=kind>
                <span class="cke-tl-mark" aria-hidden="true"></span>
                {text}
            </li>
        }
    })
    .collect_view();
    view! {
        <div class="cke-tl-legend">
            <h2 class="cke-visually-hidden" id="cke-tl-legend">{Ui::TimelineLegend.text(lang)}</h2>
            <ul aria-labelledby="cke-tl-legend">
                {items}
                {kinds}
            </ul>
        </div>
    }
}
