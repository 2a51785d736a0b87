//! The validator's lines in a notice about the data: each error placed at its file's line and
//! column (`UnlocatedProblems::locate`, which reads the file's text again). Its own chunk in a
//! split build, fetched when such a notice is drawn: only a reader of broken data needs it, so
//! it is not fetched ahead either.

use crate::components::lazy::{lazy_view, Waiting};
use crate::services::chunk::ChunkFailed;
use crate::services::load::Problems;
use cke_core::data::Severity;
use leptos::prelude::*;
use std::sync::Arc;

/// The validator's errors as `error: events.json:12:15 $.events[3].date: …`, at most `limit`,
/// leaving out those about a file in `failed_files` that is absent (its failed fetch is said
/// already). The lines are for editors and stay in English, marked `lang="en"` so that a screen
/// reader pronounces them as English.
#[component]
pub fn ValidatorLines(
    problems: Arc<Problems>,
    failed_files: Vec<String>,
    limit: usize,
) -> impl IntoView {
    let failed_files = Arc::new(failed_files);
    lazy_view(
        move || load_lines(problems.clone(), failed_files.clone(), limit),
        Waiting::Aside,
    )
}

async fn load_lines(
    problems: Arc<Problems>,
    failed_files: Arc<Vec<String>>,
    limit: usize,
) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return lines_chunk(problems, failed_files, limit).await;
    #[cfg(not(feature = "split"))]
    lines_chunk(problems, failed_files, limit)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(problems, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn lines_chunk(
    problems: Arc<Problems>,
    failed_files: Arc<Vec<String>>,
    limit: usize,
) -> Result<AnyView, ChunkFailed> {
    let lines = problems
        .found
        .locate()
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .filter(|problem| {
            let already_said = problem.line == 0 && failed_files.contains(&problem.file);
            !already_said
        })
        .take(limit)
        .map(|problem| view! { <li><code lang="en">{problem.to_string()}</code></li> })
        .collect_view();
    Ok(view! { <ul class="cke-problem-lines">{lines}</ul> }.into_any())
}
