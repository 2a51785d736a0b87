//! The app root: reads the URL, loads the data once, provides the contexts, picks the view.

use crate::clock::Today;
use crate::load::{load_dataset, Loaded};
use crate::nav::Nav;
use crate::strings::Ui;
use crate::ui::frame::{Footer, Header};
use crate::ui::status::{LoadError, ProblemsNotice, Skeleton};
use crate::url::{Lang, View};
use crate::views::{
    compare::CompareView, overview::OverviewView, sector::SectorView, timeline::TimelineView,
};
use leptos::prelude::*;

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
        async move {
            let loaded = load_dataset(lang, today.date()).await;
            crate::charts::svg::take_width_from_main_column();
            (number, loaded)
        }
    });
    let current = Signal::derive(move || {
        data.get()
            .filter(|(number, _)| *number == attempt.get())
            .map(|(_, loaded)| loaded)
    });
    let theme = move || nav.selection.with(|selection| selection.theme.as_str());
    let embedded = nav.selection.with_untracked(|selection| selection.embed);

    // Only a change of view replaces the view; other choices update it in place, so that
    // keyboard focus survives (e.g. on the sector links).
    let current_view = Memo::new(move |_| nav.selection.with(|selection| selection.view));
    let content = move || {
        match current.get() {
        None => view! { <Skeleton/> }.into_any(),
        Some(Loaded::Failed { failures, problems }) => {
            view! { <LoadError failures problems retry=move || attempt.update(|number| *number += 1)/> }.into_any()
        }
        Some(Loaded::Ready { dataset, problems, failures }) => {
            let view = move || {
                let dataset = dataset.clone();
                match current_view.get() {
                    View::Overview => view! { <OverviewView dataset/> }.into_any(),
                    View::Sector => view! { <SectorView dataset/> }.into_any(),
                    View::Timeline => view! { <TimelineView dataset/> }.into_any(),
                    View::Compare => view! { <CompareView dataset/> }.into_any(),
                }
            };
            let retry = move || attempt.update(|number| *number += 1);
            view! { <ProblemsNotice problems failures retry/> {view} }.into_any()
        }
    }
    };
    let busy = move || {
        if current.with(Option::is_some) {
            "false"
        } else {
            "true"
        }
    };

    // After the reader changes view, focus moves to the new view's heading and a live region
    // announces it, so keyboard and screen-reader users land where the content changed. A
    // sector chosen from the list of sectors replaces the page just as much (the link that had
    // the focus is gone); switching between sectors does not (focus stays on the sector links).
    let announcement = RwSignal::new(String::new());
    let current_page = Memo::new(move |_| {
        nav.selection.with(|selection| {
            (
                selection.view,
                selection.view == View::Sector && selection.sector().is_some(),
            )
        })
    });
    Effect::new(move |previous: Option<(View, bool)>| {
        let page = current_page.get();
        if previous.is_some_and(|previous| previous != page) {
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
            <Footer data=current/>
        </div>
    }
}
