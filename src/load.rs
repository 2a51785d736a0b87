//! Fetches the bundled data files and hands their text to the pure data core.
//!
//! This is the only module that talks to the network. It fetches every file at once, relative
//! to the page (so the app works under any sub-path and inside an iframe), and reports which
//! files failed and why; it never panics on a network or HTTP failure.

use crate::data::{self, model::Date, DataFiles, Problem, Severity};
use crate::strings::Ui;
use crate::url::Lang;
use futures::future::join_all;
use std::sync::Arc;

/// Why a file could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchProblem {
    /// The request failed (offline, refused, blocked); the browser's words.
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// The answer was a web page (an HTML error or fallback page), not data.
    NotData,
    /// The body could not be read (cut off, or not text).
    Unreadable,
    /// No complete answer within [`FETCH_TIMEOUT_SECONDS`].
    TimedOut,
}

impl FetchProblem {
    /// The reason in the reader's language.
    pub fn text(&self, lang: Lang) -> String {
        match self {
            FetchProblem::Network(_) => Ui::FetchNetworkError.text(lang).to_owned(),
            FetchProblem::Http(status) => {
                Ui::FetchHttpStatus.fill(lang, &[("status", &status.to_string())])
            }
            FetchProblem::NotData => Ui::FetchNotData.text(lang).to_owned(),
            FetchProblem::Unreadable => Ui::FetchUnreadableBody.text(lang).to_owned(),
            FetchProblem::TimedOut => {
                Ui::FetchTimedOut.fill(lang, &[("seconds", &FETCH_TIMEOUT_SECONDS.to_string())])
            }
        }
    }
}

/// A file that could not be fetched, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchFailure {
    /// The file's path relative to `data/`.
    pub file: String,
    /// Why.
    pub problem: FetchProblem,
}

/// What loading produced: a usable dataset (with any warnings), or the reasons there is none.
#[derive(Clone, Debug)]
pub enum Loaded {
    /// The dataset, the problems that left parts of it out, and the files that could not be
    /// fetched but were not needed to show the rest (those parts are missing).
    Ready {
        dataset: Arc<data::model::Dataset>,
        problems: Arc<Vec<Problem>>,
        failures: Vec<FetchFailure>,
    },
    /// Nothing usable: which fetches failed and which problems made the data unusable.
    Failed {
        failures: Vec<FetchFailure>,
        problems: Arc<Vec<Problem>>,
    },
}

/// A fetch that has no complete answer after this long is given up, so that a stalled
/// connection ends in a message with a retry instead of an endless skeleton.
pub const FETCH_TIMEOUT_SECONDS: u32 = 8;

/// Fetches `data/<file>` relative to the page as text, within [`FETCH_TIMEOUT_SECONDS`]. The body
/// is decoded here rather than by the browser, which would silently turn bytes that are not UTF-8
/// into U+FFFD: the reader is told instead (the problem, if any, comes with the text).
async fn fetch_text(file: &str) -> Result<(String, Option<Problem>), FetchFailure> {
    let failure = |problem: FetchProblem| FetchFailure {
        file: file.to_owned(),
        problem,
    };
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let timer = controller.clone().and_then(|controller| {
        let timed_out = timed_out.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.store(true, std::sync::atomic::Ordering::Relaxed);
                controller.abort();
            },
            std::time::Duration::from_secs(u64::from(FETCH_TIMEOUT_SECONDS)),
        )
        .ok()
    });
    let result = async {
        let response = gloo_net::http::Request::get(&format!("data/{file}"))
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|error| FetchProblem::Network(error.to_string()))?;
        if !response.ok() {
            return Err(FetchProblem::Http(response.status()));
        }
        let is_page = response
            .headers()
            .get("content-type")
            .is_some_and(|kind| kind.to_ascii_lowercase().contains("text/html"));
        if is_page {
            return Err(FetchProblem::NotData);
        }
        let bytes = response
            .binary()
            .await
            .map_err(|_| FetchProblem::Unreadable)?;
        Ok(data::decode_utf8(file, bytes))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result.map_err(|problem| {
        if timed_out.load(std::sync::atomic::Ordering::Relaxed) {
            failure(FetchProblem::TimedOut)
        } else {
            failure(problem)
        }
    })
}

/// The language-neutral files, in the order of [`DataFiles`]' fields.
const NEUTRAL: [&str; 7] = [
    data::SOURCES,
    data::SECTORS,
    data::EVENTS,
    data::FIGURES,
    data::SERIES,
    data::COMPARISONS,
    data::CAVEATS,
];

/// Fetches the data files and the text of `lang` only, and builds the dataset. English text is
/// fetched too only when `lang`'s text is missing or lacks texts the data needs; those then show
/// in English rather than not at all.
pub async fn load_dataset(lang: Lang, today: Date) -> Loaded {
    let own_text = data::text_file(lang.as_str());
    let names: Vec<String> = NEUTRAL
        .iter()
        .map(|name| (*name).to_owned())
        .chain([own_text.clone()])
        .collect();
    let results = join_all(names.iter().map(|name| fetch_text(name))).await;
    let mut failures = Vec::new();
    // Problems found while reading the bytes (not UTF-8), reported before the validator's.
    let mut read_problems = Vec::new();
    let mut bodies: Vec<Option<String>> = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok((body, problem)) => {
                read_problems.extend(problem);
                bodies.push(Some(body));
            }
            Err(failure) => {
                failures.push(failure);
                bodies.push(None);
            }
        }
    }
    let own_body = bodies.pop().flatten();
    let mut bodies = bodies.into_iter();
    let mut next = || bodies.next().flatten();
    let mut files = DataFiles {
        sources: next(),
        sectors: next(),
        events: next(),
        figures: next(),
        series: next(),
        comparisons: next(),
        caveats: next(),
        texts: vec![(lang.as_str().to_owned(), own_body.clone())],
    };
    let mut report = data::build_dataset(&files, today);
    // A text file that arrived but cannot be read (cut off, not JSON) is as missing as one that
    // did not arrive: English fills in for it too.
    let own_unreadable = report.problems.iter().any(|problem| {
        problem.file == own_text && problem.severity == Severity::Error && problem.path == "$"
    });
    let incomplete = own_body.is_none() || own_unreadable || report.missing_texts > 0;
    if lang != Lang::En && incomplete {
        let english = match fetch_text(&data::text_file("en")).await {
            Ok((body, problem)) => {
                read_problems.extend(problem);
                Some(body)
            }
            Err(failure) => {
                failures.push(failure);
                None
            }
        };
        files.texts = vec![
            ("en".to_owned(), english),
            (lang.as_str().to_owned(), own_body),
        ];
        report = data::build_dataset(&files, today);
    }
    read_problems.extend(report.problems);
    let problems = Arc::new(read_problems);
    match report.dataset {
        // A failed file degrades only what depends on it: the validator has already left out
        // what referred to it, and the reader is told which file is missing.
        Some(mut dataset) => {
            dataset.set_lang(lang.as_str());
            // Editors previewing with `trunk serve` (a debug build) see what is untranslated.
            if cfg!(debug_assertions) {
                dataset.mark_fallbacks();
            }
            Loaded::Ready {
                dataset: Arc::new(dataset),
                problems,
                failures,
            }
        }
        None => Loaded::Failed { failures, problems },
    }
}

/// Whether fetching again may mend what went wrong: a file did not arrive, or arrived but could
/// not be read as a whole (cut off, not JSON, empty — a broken transfer or cache can cause all of
/// these). Faults inside a readable file are the data's own and come back on every retry.
pub fn retry_may_help(failures: &[FetchFailure], problems: &[Problem]) -> bool {
    !failures.is_empty() || reader_visible(problems).any(|problem| problem.path == "$")
}

/// The problems a reader should hear about (errors only; warnings are for editors).
pub fn reader_visible(problems: &[Problem]) -> impl Iterator<Item = &Problem> {
    problems
        .iter()
        .filter(|problem| matches!(problem.severity, Severity::Error))
}
