//! The frame around every view: header with title, view navigation and theme switch; footer
//! with the data's date and its sources. In embed mode the header shrinks to a link that opens
//! the full explainer in a new tab.

use crate::app::use_lang;
use crate::load::Loaded;
use crate::nav::{use_nav, Link};
use crate::strings::Ui;
use crate::ui::disclosure::LazyDetails;
use crate::ui::intl::format_date;
use crate::url::{Lang, Theme, View};
use leptos::prelude::*;

/// The name of a view in the navigation.
pub fn view_label(view: View) -> Ui {
    match view {
        View::Overview => Ui::NavOverview,
        View::Sector => Ui::NavSectors,
        View::Timeline => Ui::NavTimeline,
        View::Compare => Ui::NavCompare,
    }
}

/// Title, view navigation and theme switch (full page); a link out (embed mode).
#[component]
pub fn Header(embedded: bool) -> impl IntoView {
    let nav = use_nav();
    if embedded {
        let full_page = move || {
            let mut selection = nav.selection.get();
            selection.embed = false;
            nav.href(&selection)
        };
        return view! {
            <header class="cke-header">
                <div class="cke-header__inner">
                    <p class="cke-title">{move || Ui::AppTitle.text(use_lang())}</p>
                    <div class="cke-settings">
                        <LanguageSwitch/>
                        <a href=full_page target="_blank" rel="noopener">
                            {move || Ui::OpenFullExplainer.text(use_lang())}
                        </a>
                    </div>
                </div>
            </header>
            <ViewNav/>
        }
        .into_any();
    }
    let home = nav
        .selection
        .with_untracked(|selection| selection.with_view(View::Overview));
    view! {
        <header class="cke-header">
            <div class="cke-header__inner">
                <p class="cke-title">
                    <Link to=home>{move || Ui::AppTitle.text(use_lang())}</Link>
                    <small>{move || Ui::AppSubtitle.text(use_lang())}</small>
                </p>
                <div class="cke-settings">
                    <LanguageSwitch/>
                    <ThemeSwitch/>
                </div>
            </div>
        </header>
        <ViewNav/>
    }
    .into_any()
}

/// The four views as real links; the current one is marked `aria-current="page"`.
#[component]
pub fn ViewNav() -> impl IntoView {
    let nav = use_nav();
    let items = move || {
        let selection = nav.selection.get();
        View::ALL
            .into_iter()
            .map(|view| {
                let current =
                    Signal::derive(move || nav.selection.with(|selection| selection.view == view));
                view! {
                    <li>
                        <Link to=selection.with_view(view) current>
                            {move || view_label(view).text(use_lang())}
                        </Link>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="cke-nav" aria-label=move || Ui::MainNavigation.text(use_lang())>
            <ul>{items}</ul>
        </nav>
    }
}

/// The name of a theme.
pub fn theme_label(theme: Theme) -> Ui {
    match theme {
        Theme::Auto => Ui::ThemeAuto,
        Theme::Light => Ui::ThemeLight,
        Theme::Dark => Ui::ThemeDark,
    }
}

/// Automatic / light / dark, written to the URL like every other choice.
#[component]
fn ThemeSwitch() -> impl IntoView {
    let nav = use_nav();
    let on_change = move |event: leptos::ev::Event| {
        let theme = Theme::parse(&event_target_value(&event)).unwrap_or_default();
        let mut next = nav.selection.get_untracked();
        next.theme = theme;
        nav.go(next);
    };
    let label = theme_label;
    view! {
        <div class="cke-setting">
            <label for="cke-theme">{move || Ui::Theme.text(use_lang())}</label>
            <select id="cke-theme" on:change=on_change>
                {Theme::ALL
                    .into_iter()
                    .map(|theme| {
                        view! {
                            <option
                                value=theme.as_str()
                                selected=move || nav.selection.with(|selection| selection.theme == theme)
                            >
                                {move || label(theme).text(use_lang())}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The four languages, each named in itself (and marked with its `lang`, so a screen reader
/// speaks "Қазақша" in Kazakh); the choice goes into the URL like every other.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let nav = use_nav();
    let on_change = move |event: leptos::ev::Event| {
        let mut next = nav.selection.get_untracked();
        next.lang = Lang::parse(&event_target_value(&event));
        nav.go(next);
    };
    view! {
        <div class="cke-setting">
            <label for="cke-lang">{move || Ui::LanguageSwitcher.text(use_lang())}</label>
            <select id="cke-lang" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.as_str()
                                lang=lang.bcp47()
                                selected=move || use_lang() == lang
                            >
                                {lang.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// The data's date and its sources; reserved lines while the data loads.
#[component]
pub fn Footer(
    /// The current load: `None` while loading.
    data: Signal<Option<Loaded>>,
    /// The complete load, for the embed-code generator's list of charts: `None` until the
    /// charts' files have arrived.
    complete: Signal<Option<Loaded>>,
    /// Set when something in the footer needs the complete data.
    wants_complete: RwSignal<bool>,
) -> impl IntoView {
    let embedded = use_nav()
        .selection
        .with_untracked(|selection| selection.embed);
    let summary = move || match data.get() {
        Some(Loaded::Ready { dataset, .. }) => {
            let lang = use_lang();
            let sources = dataset.sources().to_vec();
            let count = sources.len();
            view! {
                <p>
                    {dataset.as_of().map(|date| Ui::FooterDataAsOfDate.fill(lang, &[("date", &format_date(date, lang))])).unwrap_or_default()}
                    " · " {Ui::FooterSourcesCountText.count(lang, count as f64, &crate::ui::intl::format_number(count as f64, lang, false), &[])}
                </p>
                // Built on first opening: a few hundred elements no first paint needs.
                <LazyDetails summary=Ui::FooterAllSources.text(lang).into_any()>
                    <ul>{source_items(&sources)}</ul>
                </LazyDetails>
                {(!embedded).then(|| view! { <crate::ui::embed::EmbedCodeGenerator data=complete wants_complete/> })}
            }
            .into_any()
        }
        _ => view! { <p aria-hidden="true">"\u{a0}"</p><p aria-hidden="true">"\u{a0}"</p> }
            .into_any(),
    };
    view! {
        <footer class="cke-footer">
            <div class="cke-footer__inner">
                <p>{move || Ui::FooterAbout.text(use_lang())}</p>
                {summary}

            </div>
        </footer>
    }
}

/// Every source as a list item, linked when it has an address.
fn source_items(sources: &[crate::data::model::Source]) -> impl IntoView {
    sources
        .iter()
        .map(|source| {
            let title = format!("{}: {}", source.publisher, source.title);
            match source.url.clone() {
                Some(url) => {
                    view! { <li><a href=url rel="noopener noreferrer">{title}</a></li> }.into_any()
                }
                None => view! { <li>{title}</li> }.into_any(),
            }
        })
        .collect_view()
}
