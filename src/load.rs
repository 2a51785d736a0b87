//! Fetches the bundled data files and hands their text to the pure data core.
//!
//! This is the only module that talks to the network. It fetches every file at once, relative
//! to the page (so the app works under any sub-path and inside an iframe), and reports which
//! files failed and why; it never panics on a network or HTTP failure.

use crate::data::{self, model::Date, DataFiles, Problem, Severity};
use crate::url::Lang;
use futures::future::join_all;
use std::sync::Arc;

/// A file that could not be fetched, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchFailure {
    /// The file's path relative to `data/`.
    pub file: String,
    /// A short reason: an HTTP status, or the network error.
    pub reason: String,
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

/// Fetches `data/<file>` relative to the page as text.
async fn fetch_text(file: &str) -> Result<String, FetchFailure> {
    let failure = |reason: String| FetchFailure {
        file: file.to_owned(),
        reason,
    };
    let response = gloo_net::http::Request::get(&format!("data/{file}"))
        .send()
        .await
        .map_err(|error| failure(format!("network error: {error}")))?;
    if !response.ok() {
        return Err(failure(format!(
            "HTTP {} {}",
            response.status(),
            response.status_text()
        )));
    }
    response
        .text()
        .await
        .map_err(|error| failure(format!("could not read the body: {error}")))
}

/// Fetches every data file (English text plus `lang`'s text) and builds the dataset.
pub async fn load_dataset(lang: Lang, today: Date) -> Loaded {
    let mut texts = vec!["en".to_owned()];
    if lang != Lang::En {
        texts.push(lang.as_str().to_owned());
    }
    let mut names: Vec<String> = [
        data::SOURCES,
        data::SECTORS,
        data::EVENTS,
        data::FIGURES,
        data::SERIES,
        data::COMPARISONS,
        data::CAVEATS,
    ]
    .iter()
    .map(|name| (*name).to_owned())
    .collect();
    names.extend(texts.iter().map(|lang| data::text_file(lang)));

    let results = join_all(names.iter().map(|name| fetch_text(name))).await;
    let mut failures = Vec::new();
    let mut bodies: Vec<Option<String>> = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(body) => bodies.push(Some(body)),
            Err(failure) => {
                failures.push(failure);
                bodies.push(None);
            }
        }
    }
    let mut bodies = bodies.into_iter();
    let mut next = || bodies.next().flatten();
    let files = DataFiles {
        sources: next(),
        sectors: next(),
        events: next(),
        figures: next(),
        series: next(),
        comparisons: next(),
        caveats: next(),
        texts: texts.into_iter().map(|lang| (lang, next())).collect(),
    };
    let report = data::build_dataset(&files, today);
    let problems = Arc::new(report.problems);
    match report.dataset {
        // A failed file degrades only what depends on it: the validator has already left out
        // what referred to it, and the reader is told which file is missing.
        Some(mut dataset) => {
            dataset.set_lang(lang.as_str());
            Loaded::Ready {
                dataset: Arc::new(dataset),
                problems,
                failures,
            }
        }
        None => Loaded::Failed { failures, problems },
    }
}

/// The problems a reader should hear about (errors only; warnings are for editors).
pub fn reader_visible(problems: &[Problem]) -> impl Iterator<Item = &Problem> {
    problems
        .iter()
        .filter(|problem| matches!(problem.severity, Severity::Error))
}
