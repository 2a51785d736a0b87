//! Loading and failure states: a skeleton that reserves the layout, an error box with a retry,
//! and a notice when parts of the data had to be left out. None of them is ever blank.

use crate::app::use_lang;
use crate::data::Problem;
use crate::load::{reader_visible, FetchFailure};
use crate::strings::Ui;
use leptos::prelude::*;
use std::sync::Arc;

/// Placeholder blocks in the shape of the overview, shown while the data loads.
#[component]
pub fn Skeleton() -> impl IntoView {
    view! {
        <div class="cke-skeleton" role="status">
            <span class="cke-visually-hidden">{move || Ui::Loading.text(use_lang())}</span>
            <div class="cke-skeleton__line cke-skeleton__line--title" aria-hidden="true"></div>
            <div class="cke-skeleton__line" aria-hidden="true"></div>
            <div class="cke-skeleton__line" aria-hidden="true"></div>
            <ul class="cke-grid cke-section" aria-hidden="true">
                {(0..8).map(|_| view! { <li class="cke-skeleton__card"></li> }).collect_view()}
            </ul>
        </div>
    }
}

/// The data could not be loaded: what failed, and a retry that fetches everything again.
#[component]
pub fn LoadError(
    failures: Vec<FetchFailure>,
    problems: Arc<Vec<Problem>>,
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let details = failures
        .iter()
        .map(|failure| format!("{}: {}", failure.file, failure.problem.text(lang)))
        .chain(reader_visible(&problems).take(10).map(ToString::to_string))
        .map(|line| view! { <li><code>{line}</code></li> })
        .collect_view();
    view! {
        <div class="cke-alert" role="alert">
            <h1>{Ui::LoadFailedTitle.text(lang)}</h1>
            <p>{Ui::LoadFailedBody.text(lang)}</p>
            <details>
                <summary>{Ui::LoadFailedDetails.text(lang)}</summary>
                <ul>{details}</ul>
            </details>
            <button type="button" class="cke-button" on:click=move |_| retry()>
                {Ui::Retry.text(lang)}
            </button>
        </div>
    }
}

/// A calm note when some files could not be fetched or some entries were dropped as malformed
/// (everything else is shown); nothing when all is well. Missing files come with a retry.
#[component]
pub fn ProblemsNotice(
    problems: Arc<Vec<Problem>>,
    failures: Vec<FetchFailure>,
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let fetch_failed = !failures.is_empty();
    let lines: Vec<String> = failures
        .iter()
        .map(|failure| format!("{}: {}", failure.file, failure.problem.text(lang)))
        .chain(reader_visible(&problems).take(10).map(ToString::to_string))
        .collect();
    (!lines.is_empty()).then(|| {
        let retry = fetch_failed.then(|| {
            view! {
                <button type="button" class="cke-button" on:click=move |_| retry()>
                    {Ui::Retry.text(lang)}
                </button>
            }
        });
        view! {
            <div class="cke-alert" data-kind="warning" role="status">
                <p><strong>{Ui::DataProblemsTitle.text(lang)}</strong></p>
                <p>{Ui::DataProblemsBody.text(lang)}</p>
                <details>
                    <summary>{Ui::LoadFailedDetails.text(lang)}</summary>
                    <ul>{lines.into_iter().map(|line| view! { <li><code>{line}</code></li> }).collect_view()}</ul>
                </details>
                {retry}
            </div>
        }
    })
}
