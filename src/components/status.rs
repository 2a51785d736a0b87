//! Loading and failure states: a skeleton that reserves the layout, an error box with a retry,
//! and a notice when parts of the data had to be left out. None of them is ever blank.

use crate::components::problems::ValidatorLines;
use crate::services::lang::use_lang;
use crate::services::load::{retry_may_help, FetchFailure, Problems};
use cke_core::data::Severity;
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

/// At most this many of the validator's lines are listed.
const LISTED_PROBLEMS: usize = 10;

/// What failed, line by line: each file that could not be fetched, with its reason in the
/// reader's language, then the first errors found reading and validating the files. A fetch
/// failure is not repeated as the validator's "file is missing"; the validator's lines are for
/// editors and stay in English, marked `lang="en"` so that a screen reader pronounces them as
/// English. They are placed at their line and column by code fetched when they are shown
/// (`ValidatorLines`), so they may follow a moment later.
fn detail_items(failures: &[FetchFailure], problems: &Arc<Problems>, lang: Lang) -> impl IntoView {
    let failed_files: Vec<String> = failures
        .iter()
        .map(|failure| failure.file.clone())
        .collect();
    let fetched = failures.iter().map(|failure| {
        let line = format!("{}: {}", failure.file, failure.problem.text(lang));
        view! { <li><code>{line}</code></li> }
    });
    let read: Vec<String> = problems
        .read
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .take(LISTED_PROBLEMS)
        .map(ToString::to_string)
        .collect();
    let limit = LISTED_PROBLEMS - read.len();
    // An empty list would still be announced as one.
    let nothing_here = failures.is_empty() && read.is_empty();
    let read = read
        .into_iter()
        .map(|line| view! { <li><code lang="en">{line}</code></li> });
    let validated = problems.found.iter().any(|problem| {
        let already_said = problem.is_about_absent_file() && failed_files.contains(&problem.file);
        problem.severity == Severity::Error && !already_said
    });
    let validated = (validated && limit > 0).then(|| {
        view! { <ValidatorLines problems=problems.clone() failed_files limit/> }
    });
    view! {
        <ul hidden=nothing_here>{fetched.collect_view()}{read.collect_view()}</ul>
        {validated}
    }
}

/// The data could not be loaded: what failed, and a retry that fetches everything again.
#[component]
pub fn LoadError(
    failures: Vec<FetchFailure>,
    problems: Arc<Problems>,
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
                {details}
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
    problems: Arc<Problems>,
    failures: Vec<FetchFailure>,
    retry: impl Fn() + 'static,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let retry_helps = retry_may_help(&failures, &problems);
    let anything = !failures.is_empty() || problems.reader_visible().next().is_some();
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
                    {details}
                </details>
                {retry}
            </div>
        }
    })
}
