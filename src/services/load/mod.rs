//! Loading the data, as a state machine owned by the loader.
//!
//! ```text
//!            ┌───────── retry, another language ─────────┐
//!            ▼                                           │
//!        Loading ──first view's files──▶ Partial ──need──▶ Complete
//!            │                             │ (a chart file failed: built at once, so the
//!            └──────▶ Failed ◀─────────────┘  reader is told)
//! ```
//!
//! [`use_dataset`] starts a load whenever the language changes or the reader retries (another
//! language keeps the current state on screen until its own data arrives), and
//! returns a [`DataLoader`]: the state as a signal, and its two actions, [`DataLoader::need_complete`]
//! and [`DataLoader::retry`]. A first view without charts is drawn from `Partial`, built without
//! the charts' files; those are fetched after its first paint and kept, and the complete dataset
//! (a second pass of the validator over every file) is built only when something needs it. The
//! root and the components only match on the state and call the actions.
//!
//! Architecture invariant: this module owns the whole sequence. No other module fetches, keeps
//! fetched files, or decides when the complete dataset is built; the only effect here starts a
//! load (network I/O), and every later step runs in the task that load spawned.

mod fetch;

pub use fetch::{
    fetch_outlines, retry_may_help, FetchFailure, FetchProblem, Loaded, ProblemSaid, Problems,
    FETCH_TIMEOUT_SECONDS,
};

use crate::services::paint::{after_next_paint, next_task};
use cke_core::data::model::{Dataset, Date};
use cke_core::url::{Lang, View};
use fetch::{build_complete, fetch_deferred, load_first, Built, Fetched};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Where the current load stands.
#[derive(Clone, Debug)]
pub enum DataState {
    /// Nothing yet: the first load, a retry, another language.
    Loading,
    /// The first view's data: everything but the charts' files ([`cke_core::data::Collection::CHARTS`]),
    /// which are on the way or wait until something needs them. Views without charts are drawn
    /// from it; they show nothing of those files.
    Partial(Loaded),
    /// Every file.
    Complete(Loaded),
    /// Nothing usable: which fetches failed and which problems made the data unusable.
    Failed {
        failures: Vec<FetchFailure>,
        problems: Arc<Problems>,
    },
}

impl DataState {
    /// The latest usable data, partial or complete.
    pub fn ready(&self) -> Option<&Loaded> {
        match self {
            DataState::Partial(loaded) | DataState::Complete(loaded) => Some(loaded),
            _ => None,
        }
    }

    /// The complete data, once built.
    pub fn complete(&self) -> Option<&Loaded> {
        match self {
            DataState::Complete(loaded) => Some(loaded),
            _ => None,
        }
    }
}

impl From<Built> for DataState {
    fn from(built: Built) -> DataState {
        match built {
            Built::Ready(loaded) => DataState::Complete(loaded),
            Built::Failed { failures, problems } => DataState::Failed { failures, problems },
        }
    }
}

/// The loader's state and actions; `Copy`, provided as context by the root.
#[derive(Clone, Copy)]
pub struct DataLoader {
    state: RwSignal<DataState>,
    attempt: RwSignal<u32>,
    /// The number of the load under way; a task of an earlier load (another language, a retry)
    /// finds it changed and drops what it built.
    load: StoredValue<u32>,
    /// Whether anything of the current load has asked for the complete data.
    wanted: StoredValue<bool>,
    /// The files of the current load, fetched and waiting to be needed.
    parked: StoredValue<Option<Fetched>>,
    /// Whether the current load's first data is still on the way: while another language's
    /// arrives, the page shows the previous language's and is busy.
    on_the_way: RwSignal<bool>,
}

/// Starts loading for the reader's language and returns the loader. `view` is read (untracked)
/// when a load starts: a first view without charts is drawn before the charts' files arrive.
pub fn use_dataset(lang: Memo<Lang>, today: Date, view: Memo<View>) -> DataLoader {
    let loader = DataLoader {
        state: RwSignal::new(DataState::Loading),
        attempt: RwSignal::new(0),
        load: StoredValue::new(0),
        wanted: StoredValue::new(false),
        parked: StoredValue::new(None),
        on_the_way: RwSignal::new(true),
    };
    Effect::new(move |_| {
        let lang = lang.get();
        loader.attempt.track();
        let number = loader.load.get_value().wrapping_add(1);
        loader.load.set_value(number);
        loader.wanted.set_value(false);
        loader.parked.set_value(None);
        loader.on_the_way.set(true);
        // Another language keeps the page as it is until its own data arrives (no flash of the
        // skeleton, the focus stays where it was); a retry shows `Loading` (see `retry`).
        let first_view = view.get_untracked();
        spawn_local(async move {
            // The requests are made a task after the app's mount, not in it: their downloads
            // were started by the page's preloader, so the wait costs nothing, and issuing ten
            // fetches took a fair part of the mount's task on a phone's CPU.
            next_task().await;
            let (built, rest) = load_first(lang, today, first_view).await;
            // Building the data and drawing the view are two tasks, not one long one.
            next_task().await;
            if !loader.is_current(number) {
                return;
            }
            loader.on_the_way.set(false);
            match (built, rest) {
                (Built::Ready(loaded), Some(mut rest)) => {
                    loader.state.set(DataState::Partial(loaded));
                    after_next_paint().await;
                    let arrived = fetch_deferred(&mut rest).await;
                    if !loader.is_current(number) {
                        return;
                    }
                    // A file that failed must be reported, so the complete data is built now.
                    if arrived && !loader.wanted.get_value() {
                        loader.parked.set_value(Some(rest));
                    } else {
                        loader.complete_from(number, rest);
                    }
                }
                (built, _) => loader.state.set(built.into()),
            }
        });
    });
    loader
}

/// The loader the root provided.
pub fn use_data() -> Option<DataLoader> {
    use_context::<DataLoader>()
}

/// For a part that needs what a first view may have been drawn without (the places, the
/// caveats: [`cke_core::data::Collection::DEFERRED`]): asks the loader for the complete data and
/// gives a getter (tracked) of it, `None` until it is built. Without a loader (a component test)
/// it gives `dataset`. Call it where the part is built (an opened panel, a selected event), not
/// on a first view's way: building the complete data costs a moment of the main thread.
pub fn complete_data(dataset: Arc<Dataset>) -> impl Fn() -> Option<Arc<Dataset>> + Clone {
    let loader = use_data();
    if let Some(loader) = loader {
        loader.need_complete();
    }
    move || match loader {
        None => Some(dataset.clone()),
        Some(loader) => loader.state.with(|state| match state {
            DataState::Complete(loaded) => Some(loaded.dataset.clone()),
            _ => None,
        }),
    }
}

impl DataLoader {
    /// The state of the current load.
    pub fn state(&self) -> ReadSignal<DataState> {
        self.state.read_only()
    }

    /// Whether the current load's first data is on the way (tracked): the first load, a retry,
    /// or another language, whose page shows the previous language's until then.
    pub fn on_the_way(&self) -> bool {
        self.on_the_way.get()
    }

    /// Something needs the complete data (a view with charts, the embed-code generator): it is
    /// built as soon as its files are there. Idempotent, and cheap to call while rendering: it
    /// sets no signal itself, the state changes when the build is done.
    pub fn need_complete(&self) {
        self.wanted.set_value(true);
        let parked = self.parked.try_update_value(Option::take).flatten();
        if let Some(rest) = parked {
            self.complete_from(self.load.get_value(), rest);
        }
    }

    /// Loads everything again (after a failure): the skeleton shows until the new answer
    /// arrives, instead of the failure it answers.
    pub fn retry(&self) {
        self.state.set(DataState::Loading);
        self.attempt
            .update(|number| *number = number.wrapping_add(1));
    }

    fn is_current(&self, number: u32) -> bool {
        self.load.try_get_value() == Some(number)
    }

    fn complete_from(self, number: u32, rest: Fetched) {
        spawn_local(async move {
            let built = build_complete(rest).await;
            // Building the data and drawing what needed it are two tasks, not one long one.
            next_task().await;
            if self.is_current(number) {
                self.state.set(built.into());
            }
        });
    }
}
