//! The app root: reads the URL, loads the data once, provides the contexts, picks the view.

use crate::clock::Today;
use crate::data::model::Dataset;
use crate::load::{fetch_rest, load_dataset, load_rest, Loaded, Rest};
use crate::nav::Nav;
use crate::strings::Ui;
use crate::ui::frame::{Footer, Header};
use crate::ui::status::{LoadError, ProblemsNotice, Skeleton};
use crate::url::{Lang, View};
use crate::views::{
    compare::CompareView, overview::OverviewView, sector::SectorView, timeline::TimelineView,
};
use leptos::prelude::*;
use std::sync::Arc;

/// The language the reader sees: the URL's `lang`, else the browser's preference.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub Memo<Lang>);

/// Reads the current language (English when rendered outside the app root).
pub fn use_lang() -> Lang {
    use_context::<CurrentLang>()
        .map(|lang| lang.0.get())
        .unwrap_or(Lang::En)
}

/// The whole explainer. `today` is the one clock of the app (see `clock`).
#[component]
pub fn App(today: Today) -> impl IntoView {
    provide_context(today);
    let nav = Nav::from_location(today.year());
    provide_context(nav);
    let preferred = crate::clock::browser_language();
    let lang = Memo::new(move |_| {
        nav.selection
            .with(|selection| selection.lang.unwrap_or(preferred))
    });
    provide_context(CurrentLang(lang));

    // `<html lang>` and the document's title follow the reader's language and view, so the
    // browser tab, bookmarks and screen readers name the page in that language.
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.bcp47());
        }
        let view = nav.selection.with(|selection| selection.view);
        let title = match view {
            View::Overview => Ui::AppTitle.text(lang).to_owned(),
            other => format!(
                "{} · {}",
                crate::ui::frame::view_label(other).text(lang),
                Ui::AppTitle.text(lang)
            ),
        };
        document().set_title(&title);
    });

    // Each load is numbered, so that a retry shows the skeleton again until its own answer
    // arrives instead of leaving the previous failure on screen.
    let attempt = RwSignal::new(0_u32);
    let data = LocalResource::new(move || {
        let number = attempt.get();
        let lang = lang.get();
        // The view the page opens on decides what the first load fetches: a view without charts
        // is drawn without the charts' files, which follow (`complete` below).
        let first_view = nav.selection.with_untracked(|selection| selection.view);
        async move {
            let loaded = load_dataset(lang, today.date(), first_view).await;
            crate::charts::svg::take_width_from_main_column();
            (number, loaded)
        }
    });
    let first = Signal::derive(move || {
        data.get()
            .filter(|(number, _)| *number == attempt.get())
            .map(|(_, loaded)| loaded)
    });
    // Only a change of view replaces the view; other choices update it in place, so that
    // keyboard focus survives (e.g. on the sector links).
    let current_view = Memo::new(move |_| nav.selection.with(|selection| selection.view));
    // The rest, when the first load left the charts' files out. They are fetched once the first
    // view has been painted, but the complete dataset (a second pass of the validator over every
    // file) is built only when something needs it: a view with charts, the embed-code generator,
    // or a file that failed, which the reader must be told about.
    let completed = RwSignal::new(None::<Loaded>);
    let fetched_rest = RwSignal::new(None::<(Rest, bool)>);
    let wants_complete = RwSignal::new(false);
    let is_current = move |first_dataset: &Arc<Dataset>| {
        first.with_untracked(|loaded| {
            matches!(loaded, Some(Loaded::Ready { dataset, .. }) if Arc::ptr_eq(dataset, first_dataset))
        })
    };
    Effect::new(move |_| {
        let pending = first.with(|loaded| match loaded {
            Some(Loaded::Ready {
                dataset,
                rest: Some(rest),
                ..
            }) => Some((dataset.clone(), rest.clone())),
            _ => None,
        });
        completed.set(None);
        fetched_rest.set(None);
        wants_complete.set(false);
        let Some((first_dataset, rest)) = pending else {
            return;
        };
        leptos::task::spawn_local(async move {
            crate::ui::paint::after_next_paint().await;
            let arrived = fetch_rest(&rest).await;
            // A rest of an earlier load (another language, a retry) is not this one's.
            if is_current(&first_dataset) {
                fetched_rest.set(Some((rest, !arrived)));
            }
        });
    });
    Effect::new(move |_| {
        let needed = current_view.get().draws_charts() || wants_complete.get();
        let Some((rest, failed)) = fetched_rest.get() else {
            return;
        };
        if !(needed || failed) {
            return;
        }
        fetched_rest.set(None);
        let Some(first_dataset) = first.with_untracked(|loaded| match loaded {
            Some(Loaded::Ready { dataset, .. }) => Some(dataset.clone()),
            _ => None,
        }) else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(loaded) = load_rest(rest).await {
                if is_current(&first_dataset) {
                    completed.set(Some(loaded));
                }
            }
        });
    });
    // The complete data of the current load: `None` until it has been built (see above).
    let complete = Signal::derive(move || match first.get() {
        Some(Loaded::Ready { rest: Some(_), .. }) => completed.get(),
        complete => complete,
    });
    let latest = Signal::derive(move || complete.get().or_else(|| first.get()));
    let theme = move || nav.selection.with(|selection| selection.theme.as_str());
    let embedded = nav.selection.with_untracked(|selection| selection.embed);

    let retry = move || attempt.update(|number| *number += 1);
    let content = move || match first.get() {
        None => view! { <Skeleton/> }.into_any(),
        Some(Loaded::Failed { failures, problems }) => {
            view! { <LoadError failures problems retry/> }.into_any()
        }
        Some(Loaded::Ready {
            dataset: first_dataset,
            ..
        }) => {
            let view = move || {
                let view = current_view.get();
                let dataset = if view.draws_charts() {
                    match complete.get() {
                        Some(Loaded::Ready { dataset, .. }) => dataset,
                        Some(Loaded::Failed { failures, problems }) => {
                            return view! { <LoadError failures problems retry/> }.into_any();
                        }
                        None => return view! { <Skeleton/> }.into_any(),
                    }
                } else {
                    // Such a view shows nothing of the charts' files, so their arrival does not
                    // rebuild it; drawn again later, it takes the complete data.
                    match complete.get_untracked() {
                        Some(Loaded::Ready { dataset, .. }) => dataset,
                        _ => first_dataset.clone(),
                    }
                };
                match view {
                    View::Overview => view! { <OverviewView dataset/> }.into_any(),
                    View::Sector => view! { <SectorView dataset/> }.into_any(),
                    View::Timeline => view! { <TimelineView dataset/> }.into_any(),
                    View::Compare => view! { <CompareView dataset/> }.into_any(),
                }
            };
            let notice = move || match latest.get() {
                Some(Loaded::Ready {
                    problems, failures, ..
                }) => Some(view! { <ProblemsNotice problems failures retry/> }),
                _ => None,
            };
            view! { {notice} {view} }.into_any()
        }
    };
    // Busy while the data of the view shown is on the way.
    let busy = move || {
        let waiting = first.with(Option::is_none)
            || (current_view.get().draws_charts() && complete.with(Option::is_none));
        if waiting {
            "true"
        } else {
            "false"
        }
    };

    // After the reader changes view, focus moves to the new view's heading and a live region
    // announces it, so keyboard and screen-reader users land where the content changed. A
    // sector chosen from the list of sectors replaces the page just as much (the link that had
    // the focus is gone); switching between sectors does not (focus stays on the sector links).
    let announcement = RwSignal::new(String::new());
    // A view that waits for the charts' files gets the focus when it is drawn.
    let current_page = Memo::new(move |_| {
        let drawn = !current_view.get().draws_charts() || complete.with(Option::is_some);
        nav.selection.with(|selection| {
            (
                selection.view,
                selection.view == View::Sector && selection.sector().is_some(),
                drawn,
            )
        })
    });
    Effect::new(move |previous: Option<(View, bool, bool)>| {
        let page = current_page.get();
        let (_, _, drawn) = page;
        if drawn && nav.has_navigated() && previous.is_some_and(|previous| previous != page) {
            crate::ui::focus::focus_heading_later(announcement);
        }
        page
    });

    let root = NodeRef::<leptos::html::Div>::new();
    if embedded {
        crate::ui::embed::use_embed(nav, root);
    }

    view! {
        <div class="cke" node_ref=root data-theme=theme data-embed=embedded.to_string()>
            <a class="cke-skip" href="#main">{move || Ui::SkipToContent.text(lang.get())}</a>
            <Header embedded/>
            <p class="cke-visually-hidden" aria-live="polite">{move || announcement.get()}</p>
            <main id="main" class="cke-main" tabindex="-1" aria-busy=busy>
                {content}
            </main>
            <Footer data=first complete wants_complete/>
        </div>
    }
}
