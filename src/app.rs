//! The app root: provides the contexts (navigation, language, clock, data loader, column
//! width), matches on the loader's state and picks the view the URL names.

use crate::components::frame::{Footer, Header};
use crate::components::status::{LoadError, ProblemsNotice, Skeleton};
use crate::services::clock::{browser_language, Today};
use crate::services::column::ColumnWidth;
use crate::services::embed_host::use_embed;
use crate::services::focus::focus_heading_later;
use crate::services::lang::CurrentLang;
use crate::services::load::{use_dataset, DataState};
use crate::services::nav::Nav;
use crate::services::takeover::{drawn_later, Takeover};
use crate::views::{
    compare::CompareView, map::MapView, overview::OverviewView, sector::SectorView,
    story::StoryView, timeline::TimelineView,
};
use cke_core::strings::{view_label, Ui};
use cke_core::url::View;
use leptos::prelude::*;

/// The whole explainer. `today` is the one clock of the app (see `clock`).
#[component]
pub fn App(today: Today) -> impl IntoView {
    provide_context(today);
    let nav = Nav::from_location(today.year());
    provide_context(nav);
    let preferred = browser_language();
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
                view_label(other).text(lang),
                Ui::AppTitle.text(lang)
            ),
        };
        document().set_title(&title);
    });

    // Only a change of view replaces the view; other choices update it in place, so that
    // keyboard focus survives (e.g. on the sector links).
    let current_view = Memo::new(move |_| nav.selection.with(|selection| selection.view));
    let loader = use_dataset(lang, today.date(), current_view);
    provide_context(loader);
    let state = loader.state();
    let column_width = ColumnWidth::new();
    provide_context(column_width);
    let theme = move || nav.selection.with(|selection| selection.theme.as_str());
    let embedded = nav.selection.with_untracked(|selection| selection.embed);

    let retry = move || loader.retry();
    let content = move || {
        let view = current_view.get();
        state.with(|state| {
            if state.ready().is_some() {
                // The skeleton is laid out: reading the column's width forces no layout.
                column_width.measure_main_column();
            }
            let dataset = match state {
                DataState::Loading => return view! { <Skeleton/> }.into_any(),
                DataState::Failed { failures, problems } => {
                    let (failures, problems) = (failures.clone(), problems.clone());
                    return view! { <LoadError failures problems retry/> }.into_any();
                }
                DataState::Partial(_) if view.needs_deferred() => {
                    loader.need_complete();
                    return view! { <Skeleton/> }.into_any();
                }
                DataState::Partial(loaded) | DataState::Complete(loaded) => loaded.dataset.clone(),
            };
            match view {
                View::Overview => view! { <OverviewView dataset/> }.into_any(),
                View::Sector => view! { <SectorView dataset/> }.into_any(),
                View::Timeline => view! { <TimelineView dataset/> }.into_any(),
                View::Compare => view! { <CompareView dataset/> }.into_any(),
                View::Story => view! { <StoryView dataset/> }.into_any(),
                View::Map => view! { <MapView dataset/> }.into_any(),
            }
        })
    };
    // A view without charts shows nothing of the charts' files, so it is not built again when the
    // state goes from partial to complete: only a change of what is drawn rebuilds the content.
    let drawn = Memo::new(move |_| {
        let view = current_view.get();
        // Data of another language is drawn anew.
        let lang = state.with(|state| {
            state
                .ready()
                .map(|loaded| loaded.dataset.texts().lang().to_owned())
        });
        let stage = state.with(|state| match state {
            DataState::Loading => 0_u8,
            DataState::Failed { .. } => 1,
            DataState::Partial(_) if view.needs_deferred() => 0,
            DataState::Partial(_) => 2,
            DataState::Complete(_) if view.needs_deferred() => 3,
            DataState::Complete(_) => 2,
        });
        (view, stage, lang)
    });
    let content = move || {
        drawn.track();
        untrack(content)
    };
    // Split builds: what the first view did not need is fetched when the browser is idle after it.
    Effect::new(move |_| {
        if drawn.with(|drawn| drawn.1 >= 2) {
            crate::views::preload_when_idle();
        }
    });
    let notice = move || {
        state.with(|state| {
            state.ready().map(|loaded| {
                let (problems, failures) = (loaded.problems.clone(), loaded.failures.clone());
                view! { <ProblemsNotice problems failures retry/> }
            })
        })
    };
    // Busy while the data of the view shown is on the way, and while another language's is.
    let busy = move || {
        if drawn.with(|drawn| drawn.1 == 0)
            || loader.on_the_way()
            || crate::services::chunk::main_pending()
        {
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
    // A view that waits for the charts' files or for its code (a wasm chunk) gets the focus when
    // it is drawn.
    let current_page = Memo::new(move |_| {
        let drawn = drawn.with(|drawn| drawn.1 != 0) && !crate::services::chunk::view_pending();
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
            focus_heading_later(announcement);
        }
        page
    });

    let root = NodeRef::<leptos::html::Div>::new();
    if embedded {
        use_embed(nav, root);
    }

    // Behind a prerendered view (see `takeover`), the root stays hidden until its view is
    // drawn, with the code of its chunks (split builds), then replaces the prerendered one in
    // the same frame.
    let takeover = Takeover::begin();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let drawn = drawn.with(|drawn| drawn.1 != 0) && !crate::services::chunk::main_pending();
        match root.get() {
            Some(element) if drawn => {
                takeover.finish(element.into());
                true
            }
            _ => false,
        }
    });

    // Behind a prerendered view, the header and the footer are drawn a task after the root and
    // each in its own (`takeover::drawn_later`): mounting the whole frame at once was the load's
    // longest task on a phone's CPU.
    let header = drawn_later(move || view! { <Header embedded/> });
    let footer = drawn_later(|| view! { <Footer/> });

    view! {
        <div
            class="cke"
            node_ref=root
            data-theme=theme
            data-embed=embedded.to_string()
            data-cke-pending=takeover.pending().then_some("")
        >
            <a class="cke-skip" href="#main">{move || Ui::SkipToContent.text(lang.get())}</a>
            {header}
            <p class="cke-visually-hidden" aria-live="polite">{move || announcement.get()}</p>
            <main id="main" class="cke-main" tabindex="-1" aria-busy=busy>
                {notice}
                {content}
            </main>
            {footer}
        </div>
    }
}
