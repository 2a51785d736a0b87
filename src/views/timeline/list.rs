//! The chronological list: the whole timeline as text, for screen readers and phones (where it
//! is drawn as a vertical axis), paged by decade, then by year, or the chosen year's events.
//!
//! Text only: this module never lays out the axis; which entries a page holds comes from
//! [`cke_core::timeline::layout`].

use super::dom::{focus_later, index_of_target};
use super::state::{sector_name, Origin, Timeline};
use crate::components::freshness::{disputed_line, plan_text};
use crate::components::provenance::SourceRef;
use crate::services::intl::format_number;
use crate::services::lang::use_lang;
use crate::services::nav::{is_modified_click, use_nav};
use crate::views::{event_date_text, text};
use cke_core::strings::Ui;
use cke_core::timeline::eras::era_opened_by;
use cke_core::timeline::layout::{list_pages, page_entries, year_pages, Entry, Step};
use leptos::prelude::*;

/// How many events one page of the list holds before it pages by decade, then by year.
const LIST_PAGE: usize = 100;

/// The chronological list: the whole timeline as text, for screen readers and phones (where it
/// is drawn as a vertical axis). A chosen year lists that year's events; otherwise long lists
/// are paged by decade, then by year.
#[component]
pub(super) fn EventList(shared: Timeline) -> impl IntoView {
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
                .all_sources()
                .into_iter()
                .map(|id| view! { <li><SourceRef dataset=dataset.clone() id=id.clone()/></li> })
                .collect_view();
            let disputed = disputed_line(&dataset, event, lang);
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
            let planned = plan_text(&dataset, event, lang).map(|(text, stale)| {
                view! { " " <span class="cke-tag cke-plan" data-stale=stale.to_string()>{text}</span> }
            });
            Some(view! {
                <li
                    class="cke-tl-item"
                    data-index=index.to_string()
                    data-id=id.clone()
                    data-precision=span.kind.as_str()
                    data-disputed=event.is_disputed().then_some("true")
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
                    {disputed}
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
