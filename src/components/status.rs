//! Loading and failure states: a skeleton that reserves the layout, an error box with a retry,
//! and a notice when parts of the data had to be left out. None of them is ever blank.

use crate::services::lang::use_lang;
use crate::services::load::{reader_visible, retry_may_help, FetchFailure};
use cke_core::data::Problem;
use cke_core::strings::Ui;
use cke_core::url::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// Placeholder blocks in the shape of the overview, shown while the data loads.
#[component]
pub fn Skeleton() -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="cke-skeleton" role="status">
            <span class="cke-visually-hidden">{move || Ui::Loading.text(lang.get())}</span>
            <div class="cke-skeleton__line cke-skeleton__line--title" aria-hidden="true"></div>
            <div class="cke-skeleton__line" aria-hidden="true"></div>
            <div class="cke-skeleton__line" aria-hidden="true"></div>
            <ul class="cke-grid cke-section" aria-hidden="true">
                {(0..8).map(|_| view! { <li class="cke-skeleton__card"></li> }).collect_view()}
            </ul>
        </div>
    }
}

/// What failed, line by line: each file that could not be fetched, with its reason in the
/// reader's language, then the validator's first errors. A fetch failure is not repeated as the
/// validator's "file is missing"; the validator's lines are for editors and stay in English,
/// marked `lang="en"` so that a screen reader pronounces them as English.
fn detail_items(failures: &[FetchFailure], problems: &[Problem], lang: Lang) -> impl IntoView {
    let fetched = failures.iter().map(|failure| {
        let line = format!("{}: {}", failure.file, failure.problem.text(lang));
        view! { <li><code>{line}</code></li> }
    });
    let validated = reader_visible(problems)
        .filter(|problem| {
            let already_said =
                problem.line == 0 && failures.iter().any(|failure| failure.file == problem.file);
            !already_said
        })
        .take(10)
        .map(|problem| view! { <li><code lang="en">{problem.to_string()}</code></li> });
    fetched
        .map(IntoAny::into_any)
        .chain(validated.map(IntoAny::into_any))
        .collect_view()
}

/// The data could not be loaded: what failed, and a retry that fetches everything again.
#[component]
pub fn LoadError(
    failures: Vec<FetchFailure>,
    problems: Arc<Vec<Problem>>,
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let details = detail_items(&failures, &problems, lang);
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
/// (everything else is shown); nothing when all is well. Files that are missing or could not be
/// read as a whole come with a retry.
#[component]
pub fn ProblemsNotice(
    problems: Arc<Vec<Problem>>,
    failures: Vec<FetchFailure>,
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let retry_helps = retry_may_help(&failures, &problems);
    let anything = !failures.is_empty() || reader_visible(&problems).next().is_some();
    anything.then(|| {
        let details = detail_items(&failures, &problems, lang);
        let retry = retry_helps.then(|| {
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
                    <ul>{details}</ul>
                </details>
                {retry}
            </div>
        }
    })
}

/// A part of the app's code (a wasm chunk fetched on demand) could not be fetched: a calm note
/// in the reader's language and a retry that fetches it again. The rest of the page stays.
#[component]
pub fn PartLoadError(retry: impl Fn() + 'static) -> impl IntoView {
    let lang = use_lang().get_untracked();
    view! {
        <div class="cke-alert" data-kind="warning" role="alert" data-part-failed="">
            <p>{Ui::PartLoadFailed.text(lang)}</p>
            <button type="button" class="cke-button" on:click=move |_| retry()>
                {Ui::Retry.text(lang)}
            </button>
        </div>
    }
}
