//! The frame around every view: header with title, view navigation and theme switch; footer
//! with the data's date and its sources. In embed mode the header shrinks to a link that opens
//! the full explainer in a new tab.

use crate::components::disclosure::LazyDetails;
use crate::components::embed_code::EmbedCodeGenerator;
use crate::components::link::Link;
use crate::services::intl::format_date;
use crate::services::lang::use_lang;
use crate::services::load::use_data;
use crate::services::nav::use_nav;
use cke_core::data::model::Dataset;
use cke_core::strings::{theme_label, view_label, Ui};
use cke_core::url::{Lang, Theme, View};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Header(embedded: bool) -> impl IntoView {
    let lang = use_lang();
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
                    <p class="cke-title">{move || Ui::AppTitle.text(lang.get())}</p>
                    <div class="cke-header__tools">
                        <a class="cke-out" href=full_page target="_blank" rel="noopener">
                            {move || Ui::OpenFullExplainer.text(lang.get())}
                        </a>
                        <SettingsMenu>
                            <LanguageSwitch/>
                        </SettingsMenu>
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
                    <Link to=home>{move || Ui::AppTitle.text(lang.get())}</Link>
                    <small>{move || Ui::AppSubtitle.text(lang.get())}</small>
                </p>
                <SettingsMenu>
                    <LanguageSwitch/>
                    <ThemeSwitch/>
                </SettingsMenu>
            </div>
        </header>
        <ViewNav/>
    }
    .into_any()
}

/// The reader's settings (language, theme): in a row on wide screens; on narrow ones tucked
/// behind a button that opens them (`aria-expanded`), which Escape closes, the focus returning to
/// the button. The button is hidden by CSS where the row fits (`style/main.css`).
#[component]
fn SettingsMenu(children: Children) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" && open.get_untracked() {
            event.prevent_default();
            open.set(false);
            if let Some(button) = button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <div class="cke-menu" on:keydown=on_keydown>
            <button
                type="button"
                class="cke-menu__button"
                node_ref=button
                aria-expanded=move || open.get().to_string()
                aria-controls="cke-settings"
                on:click=move |_| open.update(|open| *open = !*open)
            >
                <span class="cke-menu__icon" aria-hidden="true"></span>
                <span class="cke-menu__label">{move || Ui::SettingsMenu.text(lang.get())}</span>
            </button>
            <div class="cke-settings" id="cke-settings" data-open=move || open.get().to_string()>
                {children()}
            </div>
        </div>
    }
}

/// The four views as real links; the current one is marked `aria-current="page"`.
#[component]
pub fn ViewNav() -> impl IntoView {
    let lang = use_lang();
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
                            {move || view_label(view).text(lang.get())}
                        </Link>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <nav class="cke-nav" aria-label=move || Ui::MainNavigation.text(lang.get())>
            <ul>{items}</ul>
        </nav>
    }
}

/// Automatic / light / dark, written to the URL like every other choice.
#[component]
fn ThemeSwitch() -> impl IntoView {
    let lang = use_lang();
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
            <label for="cke-theme">{move || Ui::Theme.text(lang.get())}</label>
            <select id="cke-theme" on:change=on_change>
                {Theme::ALL
                    .into_iter()
                    .map(|theme| {
                        view! {
                            <option
                                value=theme.as_str()
                                selected=move || nav.selection.with(|selection| selection.theme == theme)
                            >
                                {move || label(theme).text(lang.get())}
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
    let current = use_lang();
    let nav = use_nav();
    let on_change = move |event: leptos::ev::Event| {
        let mut next = nav.selection.get_untracked();
        next.lang = Lang::parse(&event_target_value(&event));
        nav.go(next);
    };
    view! {
        <div class="cke-setting">
            <label for="cke-lang">{move || Ui::LanguageSwitcher.text(current.get())}</label>
            <select id="cke-lang" on:change=on_change>
                {Lang::ALL
                    .into_iter()
                    .map(|lang| {
                        view! {
                            <option
                                value=lang.as_str()
                                lang=lang.bcp47()
                                selected=move || current.get() == lang
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
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    let embedded = use_nav()
        .selection
        .with_untracked(|selection| selection.embed);
    let data = use_data().map(|loader| loader.state());
    // The footer shows only what every load has (sources, the as-of date), so it is built again
    // for data of another language, not when the charts' files complete the same data: an open
    // embed-code generator stays open.
    let dataset = Memo::new_with_compare(
        move |_| {
            data.and_then(|state| {
                state.with(|state| state.ready().map(|loaded| loaded.dataset.clone()))
            })
        },
        other_dataset,
    );
    let summary = move || match dataset.get() {
        Some(dataset) => {
            let lang = lang.get_untracked();
            let sources = dataset.sources().to_vec();
            let count = sources.len();
            view! {
                <p>
                    {dataset.as_of().map(|date| Ui::DataAsOfDate.fill(lang, &[("date", &format_date(date, lang))])).unwrap_or_default()}
                    " · " {Ui::FooterSourcesCountText.count(lang, count as f64, &crate::services::intl::format_number(count as f64, lang, false), &[])}
                </p>
                // Built on first opening: a few hundred elements no first paint needs.
                <LazyDetails summary=Ui::FooterAllSources.text(lang).into_any()>
                    <ul>{source_items(&sources)}</ul>
                </LazyDetails>
                {(!embedded).then(|| view! { <EmbedCodeGenerator/> })}
            }
            .into_any()
        }
        _ => view! { <p aria-hidden="true">"\u{a0}"</p><p aria-hidden="true">"\u{a0}"</p> }
            .into_any(),
    };
    view! {
        <footer class="cke-footer">
            <div class="cke-footer__inner">
                <p>{move || Ui::FooterAbout.text(lang.get())}</p>
                {summary}

            </div>
        </footer>
    }
}

/// Whether the footer's data is another: it appeared, went, or is of another language.
fn other_dataset(old: Option<&Option<Arc<Dataset>>>, new: Option<&Option<Arc<Dataset>>>) -> bool {
    match (old.and_then(Option::as_ref), new.and_then(Option::as_ref)) {
        (Some(old), Some(new)) => old.texts().lang() != new.texts().lang(),
        (None, None) => false,
        _ => true,
    }
}

/// Every source as a list item, linked when it has an address.
fn source_items(sources: &[cke_core::data::model::Source]) -> impl IntoView {
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
