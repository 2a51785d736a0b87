//! The timeline's controls: the sector filter (`sector=`), the year to jump to (`year=`), and
//! zoom, pan and scrub of the visible window.
//!
//! Controls only: this module changes the URL's selection or the local window and never draws
//! the axis, the events or the details.

use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use crate::views::text;
use cke_core::data::model::Dataset;
use cke_core::strings::Ui;
use cke_core::timeline::scale::{year_of, Domain, Window, DAYS_PER_YEAR, MIN_WINDOW_DAYS};
use cke_core::url::Selection;
use leptos::prelude::*;
use std::sync::Arc;

/// The sector filter, the year to jump to, zoom and scrub.
#[component]
pub(super) fn Controls(
    dataset: Arc<Dataset>,
    domain: Domain,
    window: RwSignal<Window>,
) -> impl IntoView {
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
