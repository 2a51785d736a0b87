//! What the parts of the timeline share: the [`Timeline`] state that the view builds once and
//! hands to the axis, the details panel and the list, where an event was opened from, and the
//! small labels more than one part writes.
//!
//! Plain data and pure helpers: this module never draws, never touches the DOM and imports no
//! other part of the timeline (the parts import it).

use crate::views::text;
use cke_core::data::model::{Dataset, SectorId};
use cke_core::strings::Ui;
use cke_core::timeline::eras::Era;
use cke_core::timeline::layout::{Layout, Model};
use cke_core::timeline::scale::{Domain, MarkKind, Span, Window};
use leptos::prelude::*;
use std::sync::Arc;

/// The id of the details panel's heading (focused when the panel opens from the list).
pub(super) const DETAILS_TITLE: &str = "cke-tl-details-title";

/// Where the reader opened an event from, so that closing it puts focus back there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Origin {
    Axis,
    List,
    Panel,
}

/// Opens an event (by its index in the dataset) from somewhere.
pub(super) type Opener = Arc<dyn Fn(usize, Origin) + Send + Sync>;

/// What the parts of the timeline share: the events placed in time, and the reader's state.
#[derive(Clone)]
pub(super) struct Timeline {
    pub(super) dataset: Arc<Dataset>,
    /// Each event's span, by dataset index.
    pub(super) spans: Arc<Vec<Span>>,
    pub(super) eras: Arc<Vec<Era>>,
    pub(super) domain: Domain,
    /// The events the sector filter keeps.
    pub(super) model: Memo<Arc<Model>>,
    /// The chosen year (`year=`).
    pub(super) year: Memo<Option<i32>>,
    /// The selected event's id (`event=`), and its index when the data has it.
    pub(super) selected_id: Memo<Option<String>>,
    pub(super) selected: Memo<Option<usize>>,
    /// The visible part of the axis, and the axis's width in pixels.
    pub(super) window: RwSignal<Window>,
    pub(super) width: RwSignal<f64>,
    pub(super) layout: Memo<Layout>,
    /// The event the keyboard is on.
    pub(super) active: RwSignal<Option<usize>>,
    pub(super) open: Opener,
    pub(super) close: Arc<dyn Fn() + Send + Sync>,
}

/// The name of a sector in the reader's language.
pub(super) fn sector_name(dataset: &Dataset, sector: SectorId) -> String {
    dataset
        .sector(sector)
        .map(|info| text(dataset, &info.name_key()))
        .unwrap_or_else(|| sector.as_str().to_owned())
}

/// The name of a mark's shape: how precisely its event is dated.
pub(super) fn precision_label(kind: MarkKind) -> Ui {
    match kind {
        MarkKind::Day => Ui::TimelinePrecisionDay,
        MarkKind::Month => Ui::TimelinePrecisionMonth,
        MarkKind::Year => Ui::TimelinePrecisionYear,
        MarkKind::Range => Ui::TimelinePrecisionRange,
    }
}
