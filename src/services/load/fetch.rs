//! Fetches the bundled data files and hands their text to the pure data core: the steps that
//! [`super::use_dataset`]'s state machine runs.
//!
//! This is the only module that talks to the network. It fetches every file at once, relative
//! to the page (so the app works under any sub-path and inside an iframe), and reports which
//! files failed and why; it never panics on a network or HTTP failure.

use crate::services::paint::next_task;
use cke_core::data::{
    self, model::Date, Collection, DataFiles, Problem, Severity, UnlocatedProblems,
};
use cke_core::strings::Ui;
use cke_core::url::{Lang, View};
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

/// Every problem of a load: those found reading the bytes (not UTF-8), placed already, and the
/// validator's, placed at their line and column only when they are shown (`components::problems`,
/// code fetched then: almost no reader ever needs it).
#[derive(Clone, Debug, Default)]
pub struct Problems {
    pub read: Vec<Problem>,
    pub found: UnlocatedProblems,
}

/// What is known of a problem before it is placed.
#[derive(Clone, Copy, Debug)]
pub struct ProblemSaid<'a> {
    pub file: &'a str,
    pub path: &'a str,
}

impl Problems {
    /// The problems a reader should hear about (errors only; warnings are for editors), the
    /// read ones first.
    pub fn reader_visible(&self) -> impl Iterator<Item = ProblemSaid<'_>> {
        let read = self.read.iter().map(|p| (p.severity, &p.file, &p.path));
        let found = self.found.iter().map(|p| (p.severity, &p.file, &p.path));
        read.chain(found)
            .filter(|(severity, ..)| *severity == Severity::Error)
            .map(|(_, file, path)| ProblemSaid { file, path })
    }
}

/// A usable dataset, with the problems that left parts of it out and the files that could not be
/// fetched but were not needed to show the rest (those parts are missing).
#[derive(Clone, Debug)]
pub struct Loaded {
    pub dataset: Arc<data::model::Dataset>,
    pub problems: Arc<Problems>,
    pub failures: Vec<FetchFailure>,
}

/// What building from the fetched files gave.
#[derive(Clone, Debug)]
pub enum Built {
    Ready(Loaded),
    /// Nothing usable: which fetches failed and which problems made the data unusable.
    Failed {
        failures: Vec<FetchFailure>,
        problems: Arc<Problems>,
    },
}

/// The files fetched so far and what went wrong fetching them. Owned by the loader between the
/// first build and the complete one, which takes it: the texts of every file are let go once the
/// complete dataset is built from them.
#[derive(Debug)]
pub struct Fetched {
    lang: Lang,
    today: Date,
    files: DataFiles,
    failures: Vec<FetchFailure>,
    /// Problems found while reading the bytes (not UTF-8), reported before the validator's.
    read_problems: Vec<Problem>,
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

/// Fetches the map's outlines (`data/geo/region.json`); `None` when they could not be fetched
/// or read. Fetched only by the map, when it is shown.
pub async fn fetch_outlines() -> Option<cke_core::geo::Outlines> {
    let (text, problem) = fetch_text("geo/region.json").await.ok()?;
    if problem.is_some() {
        return None;
    }
    cke_core::geo::Outlines::parse(&text)
}

/// Fetches the data the first view needs and the text of `lang` only, and builds the dataset.
/// A view that draws no charts and no map is drawn without [`Collection::DEFERRED`]: the files fetched are
/// given back with the result, for [`fetch_deferred`] and [`build_complete`]. English text is
/// fetched too only when `lang`'s text is missing or lacks texts the data needs; those then show
/// in English rather than not at all.
pub async fn load_first(lang: Lang, today: Date, first_view: View) -> (Built, Option<Fetched>) {
    let deferred: Vec<Collection> = if first_view.needs_deferred() {
        Vec::new()
    } else {
        Collection::DEFERRED.to_vec()
    };
    let neutral: Vec<Collection> = Collection::ALL
        .into_iter()
        .filter(|collection| !deferred.contains(collection))
        .collect();
    let mut fetched = Fetched {
        lang,
        today,
        files: DataFiles {
            deferred,
            ..DataFiles::default()
        },
        failures: Vec::new(),
        read_problems: Vec::new(),
    };
    let own_text = data::text_file(lang.as_str());
    let mut names: Vec<String> = neutral
        .iter()
        .map(|collection| collection.file().to_owned())
        .collect();
    names.push(own_text);
    let mut bodies = fetched.fetch_all(&names).await;
    let own_body = bodies.pop().flatten();
    for (collection, body) in neutral.into_iter().zip(bodies) {
        *fetched.files.slot_mut(collection) = body;
    }
    fetched.files.texts = vec![(lang.as_str().to_owned(), own_body)];
    fetched.finish().await
}

/// Fetches the files the first load left out into `fetched`, building nothing yet; whether every
/// one of them arrived.
pub async fn fetch_deferred(fetched: &mut Fetched) -> bool {
    let failures = fetched.failures.len();
    fetched.fetch_deferred().await;
    fetched.failures.len() == failures
}

/// Builds the complete dataset from everything, fetching first what [`fetch_deferred`] has not.
pub async fn build_complete(mut fetched: Fetched) -> Built {
    fetched.fetch_deferred().await;
    fetched.finish().await.0
}

impl Fetched {
    /// Fetches the deferred files into their slots; they are deferred no more.
    async fn fetch_deferred(&mut self) {
        let deferred = std::mem::take(&mut self.files.deferred);
        if deferred.is_empty() {
            return;
        }
        let names: Vec<String> = deferred
            .iter()
            .map(|collection| collection.file().to_owned())
            .collect();
        let bodies = self.fetch_all(&names).await;
        for (collection, body) in deferred.into_iter().zip(bodies) {
            *self.files.slot_mut(collection) = body;
        }
    }

    /// Fetches files at once; a body is `None` when its file failed (the failure is kept).
    async fn fetch_all(&mut self, names: &[String]) -> Vec<Option<String>> {
        let results = join_all(names.iter().map(|name| fetch_text(name))).await;
        results
            .into_iter()
            .map(|result| match result {
                Ok((body, problem)) => {
                    self.read_problems.extend(problem);
                    Some(body)
                }
                Err(failure) => {
                    self.failures.push(failure);
                    None
                }
            })
            .collect()
    }

    /// Builds the dataset from what has been fetched, fetching English first when the reader's
    /// text cannot fill it; gives itself back while files are still deferred.
    async fn finish(mut self) -> (Built, Option<Fetched>) {
        let lang = self.lang;
        let own_text = data::text_file(lang.as_str());
        // Reading (parsing) the collections and the texts, and building in three steps, are
        // five tasks: each stays short on a phone's CPU.
        let mut build = data::DatasetBuild::read_collections(&self.files, self.today);
        next_task().await;
        build.read_texts();
        next_task().await;
        build.build_referenced();
        next_task().await;
        build.build_referring();
        next_task().await;
        let mut report = build.finish_unlocated();
        // A text file that arrived but cannot be read (cut off, not JSON) is as missing as one
        // that did not arrive: English fills in for it too.
        let own_unreadable = report.problems.iter().any(|problem| {
            problem.file == own_text && problem.severity == Severity::Error && problem.path == "$"
        });
        let own_missing = self
            .files
            .texts
            .iter()
            .all(|(text_lang, body)| text_lang != lang.as_str() || body.is_none());
        let has_english = self
            .files
            .texts
            .iter()
            .any(|(text_lang, _)| text_lang == "en");
        let incomplete = own_missing || own_unreadable || report.missing_texts > 0;
        if lang != Lang::En && incomplete && !has_english {
            let english = self.fetch_all(&[data::text_file("en")]).await;
            let english = english.into_iter().next().flatten();
            // Without English, the reader's text stays the base if it can be read at all: only
            // its items that lack texts are left out (and the reader told), not everything.
            if english.is_some() || own_missing || own_unreadable {
                self.files.texts.insert(0, ("en".to_owned(), english));
                report = data::DatasetBuild::read(&self.files, self.today).finish_unlocated();
            }
        }
        let problems = Arc::new(Problems {
            read: self.read_problems.clone(),
            found: report.problems,
        });
        let failures = self.failures.clone();
        match report.dataset {
            // A failed file degrades only what depends on it: the validator has already left
            // out what referred to it, and the reader is told which file is missing.
            Some(mut dataset) => {
                dataset.set_lang(lang.as_str());
                // Editors previewing with `trunk serve` (a debug build) see what is untranslated.
                if cfg!(debug_assertions) {
                    dataset.mark_fallbacks();
                }
                let loaded = Loaded {
                    dataset: Arc::new(dataset),
                    problems,
                    failures,
                };
                let rest = (!self.files.deferred.is_empty()).then_some(self);
                (Built::Ready(loaded), rest)
            }
            None => (Built::Failed { failures, problems }, None),
        }
    }
}

/// Whether fetching again may mend what went wrong: a file did not arrive, or arrived but could
/// not be read as a whole (cut off, not JSON, empty — a broken transfer or cache can cause all of
/// these). Faults inside a readable file are the data's own and come back on every retry.
pub fn retry_may_help(failures: &[FetchFailure], problems: &Problems) -> bool {
    !failures.is_empty() || problems.reader_visible().any(|problem| problem.path == "$")
}
