//! Placing events on the axis: the filtered, chronological [`Model`]; which of its events the
//! window shows (found by binary search, so only the visible ones are laid out and drawn); lanes
//! that keep labels from overlapping, with clusters for what does not fit; the keyboard's order;
//! and the pages of the chronological list.
//!
//! Pure: pixels in, pixels out; the view only draws what this module computed.

use super::scale::{year_start, Day, MarkKind, Scale, Span, Window};
use crate::data::model::{Event, SectorId};
use std::ops::Range;

/// One event of the model: its position in the dataset's events and its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Index into `Dataset::events()`.
    pub index: usize,
    /// When it happened.
    pub span: Span,
}

/// The events the reader's filter keeps, chronologically (the dataset's order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Model {
    entries: Vec<Entry>,
    /// The longest span, in days: how far back an event can start and still reach the window.
    longest: Day,
}

impl Model {
    /// The events for which `keep` holds, in the (chronological) order of `events`.
    pub fn new(events: &[Event], keep: impl Fn(&Event) -> bool) -> Model {
        let mut entries: Vec<Entry> = events
            .iter()
            .enumerate()
            .filter(|(_, event)| keep(event))
            .map(|(index, event)| Entry {
                index,
                span: Span::of(&event.when),
            })
            .collect();
        // The dataset is already chronological; sorting again (stably) keeps the binary
        // searches below right whatever order the caller passed.
        entries.sort_by_key(|entry| entry.span.start);
        let longest = entries
            .iter()
            .map(|entry| entry.span.end - entry.span.start)
            .max()
            .unwrap_or(0);
        Model { entries, longest }
    }

    /// Every kept event, chronologically.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// How many events are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the filter keeps nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries that can touch `[from, to)`: a contiguous run found by binary search (an
    /// entry starting up to the longest span before `from` may still reach into it).
    fn candidates(&self, from: f64, to: f64) -> Range<usize> {
        let earliest = from - f64::from(self.longest);
        let first = self
            .entries
            .partition_point(|entry| f64::from(entry.span.end) <= earliest);
        let last = self
            .entries
            .partition_point(|entry| f64::from(entry.span.start) < to);
        first..last.max(first)
    }

    /// The entries any day of which falls in the window, chronologically.
    pub fn visible<'a>(&'a self, window: &Window) -> impl Iterator<Item = &'a Entry> + 'a {
        let (from, to) = (window.start, window.end);
        self.entries
            .get(self.candidates(from, to))
            .unwrap_or_default()
            .iter()
            .filter(move |entry| entry.span.overlaps(from, to))
    }

    /// The entries touching `year`, chronologically.
    pub fn in_year(&self, year: i32) -> impl Iterator<Item = &Entry> + '_ {
        let window = Window {
            start: f64::from(year_start(year)),
            end: f64::from(year_start(year + 1)),
        };
        self.visible(&window)
    }

    /// The entry of a dataset event, if the filter keeps it.
    pub fn entry_of(&self, index: usize) -> Option<&Entry> {
        self.position(index).and_then(|at| self.entries.get(at))
    }

    fn position(&self, index: usize) -> Option<usize> {
        self.entries.iter().position(|entry| entry.index == index)
    }

    /// Where a keyboard step from `from` (a dataset event index, or none yet) leads: the next
    /// or previous kept event in time, or the first or last. A start from nothing, or from an
    /// event the filter hides, goes to `fallback` (e.g. the first visible event) for a step,
    /// and to the ends for Home and End.
    pub fn step(&self, from: Option<usize>, step: Step, fallback: Option<usize>) -> Option<usize> {
        let at = from.and_then(|index| self.position(index));
        let target = match (step, at) {
            (Step::First, _) => self.entries.first(),
            (Step::Last, _) => self.entries.last(),
            (Step::Next, Some(at)) => self.entries.get(at + 1).or(self.entries.get(at)),
            (Step::Previous, Some(at)) => self.entries.get(at.saturating_sub(1)),
            (Step::Next | Step::Previous, None) => {
                return fallback
                    .filter(|index| self.position(*index).is_some())
                    .or_else(|| self.entries.first().map(|entry| entry.index));
            }
        };
        target.map(|entry| entry.index)
    }
}

/// A keyboard move between events.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next event in time (→ or ↓).
    Next,
    /// The previous event in time (← or ↑).
    Previous,
    /// The first event (Home).
    First,
    /// The last event (End).
    Last,
}

impl Step {
    /// The move a key (`KeyboardEvent.key`) asks for.
    pub fn from_key(key: &str) -> Option<Step> {
        match key {
            "ArrowRight" | "ArrowDown" => Some(Step::Next),
            "ArrowLeft" | "ArrowUp" => Some(Step::Previous),
            "Home" => Some(Step::First),
            "End" => Some(Step::Last),
            _ => None,
        }
    }
}

/// Sizes of the lane layout, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaneOptions {
    /// The width reserved for an event's label (the label is cut to it).
    pub label_width: f64,
    /// The space kept between two boxes of one lane.
    pub gap: f64,
    /// How many lanes there are; what does not fit goes into clusters.
    pub lanes: usize,
    /// The width of a cluster's bin.
    pub cluster_width: f64,
    /// The width of a day's dot, and the least width of any mark.
    pub min_mark: f64,
}

impl Default for LaneOptions {
    fn default() -> Self {
        LaneOptions {
            // Two lines of a label at the axis's small type: most titles whole.
            label_width: 184.0,
            gap: 8.0,
            lanes: 6,
            // As wide as a label, so that a cluster can say what it holds ("6 events: Trade,
            // Energy…"), and so few of them.
            cluster_width: 184.0,
            min_mark: 10.0,
        }
    }
}

/// An event drawn on its own: a box in a lane holding its mark and its label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Placed {
    /// Index into `Dataset::events()`.
    pub index: usize,
    /// Its lane, 0 at the top.
    pub lane: usize,
    /// The box's left edge.
    pub left: f64,
    /// The box's width (label or mark, whichever is wider).
    pub width: f64,
    /// The mark's left edge, from the box's left edge.
    pub mark_left: f64,
    /// The mark's width.
    pub mark_width: f64,
    /// How the mark is drawn.
    pub kind: MarkKind,
}

impl Placed {
    /// The box's right edge.
    pub fn right(&self) -> f64 {
        self.left + self.width
    }
}

/// Events that did not fit a lane, counted in one bin of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The bin's left edge.
    pub left: f64,
    /// The bin's width.
    pub width: f64,
    /// How many events it holds.
    pub count: usize,
    /// The first day of its earliest event.
    pub start: Day,
    /// The day after the last day of its latest event.
    pub end: Day,
    /// The events it holds (indices into `Dataset::events()`), chronologically.
    pub events: Vec<usize>,
}

impl Cluster {
    /// The main sectors of its events, the most frequent first (ties in the sectors' order):
    /// what the cluster says it holds.
    pub fn sectors(&self, events: &[Event]) -> Vec<SectorId> {
        let mut counts: Vec<(SectorId, usize)> = Vec::new();
        for event in self.events.iter().filter_map(|index| events.get(*index)) {
            match counts
                .iter_mut()
                .find(|(sector, _)| *sector == event.main_sector)
            {
                Some((_, count)) => *count += 1,
                None => counts.push((event.main_sector, 1)),
            }
        }
        counts.sort_by_key(|(sector, count)| {
            let order = SectorId::ALL.iter().position(|s| s == sector);
            (std::cmp::Reverse(*count), order)
        });
        counts.into_iter().map(|(sector, _)| sector).collect()
    }
}

/// What the window shows: events in lanes, and clusters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// Events drawn on their own, chronologically.
    pub placed: Vec<Placed>,
    /// Bins of events that did not fit, left to right.
    pub clusters: Vec<Cluster>,
    /// How many lanes are in use.
    pub lanes_used: usize,
    /// How many events the window shows in all (placed plus clustered).
    pub visible: usize,
}

/// A box for an entry: the mark where its days are, the label starting at the mark, pulled
/// left when it would run past the right edge.
fn place(entry: &Entry, scale: &Scale, options: &LaneOptions) -> Placed {
    let width = scale.width;
    let x0 = scale.x(f64::from(entry.span.start));
    let x1 = scale.x(f64::from(entry.span.end));
    let (mark_x0, mark_x1) = if entry.span.kind == MarkKind::Day {
        let middle = (x0 + x1) / 2.0;
        (
            middle - options.min_mark / 2.0,
            middle + options.min_mark / 2.0,
        )
    } else {
        let x0 = x0.max(0.0);
        let x1 = x1.min(width);
        (x0, x1.max(x0 + options.min_mark))
    };
    let mark_x0 = mark_x0.clamp(0.0, (width - options.min_mark).max(0.0));
    let mark_width = (mark_x1 - mark_x0).min(width - mark_x0).max(0.0);
    let box_width = options.label_width.max(mark_width).min(width);
    let left = mark_x0.min(width - box_width).max(0.0);
    Placed {
        index: entry.index,
        lane: 0,
        left,
        width: box_width,
        mark_left: mark_x0 - left,
        mark_width,
        kind: entry.span.kind,
    }
}

/// Lays out the visible entries (chronological): each goes into the first lane where its box
/// keeps `gap` from the previous box, so labels never overlap; those that fit no lane are
/// counted in clusters. `pinned` (the focused or selected event) always gets a box: where it
/// already has one, nothing moves (a click that focuses an event must not move it from under
/// the pointer); otherwise it gets one in the first lane, so that the keyboard never lands on
/// an event that is not drawn.
pub fn lay_out<'a>(
    entries: impl IntoIterator<Item = &'a Entry>,
    scale: &Scale,
    options: &LaneOptions,
    pinned: Option<usize>,
) -> Layout {
    let entries: Vec<&Entry> = entries.into_iter().collect();
    let free = lay_out_with_pin(&entries, scale, options, None);
    match pinned {
        Some(index)
            if entries.iter().any(|entry| entry.index == index)
                && !free.placed.iter().any(|placed| placed.index == index) =>
        {
            lay_out_with_pin(&entries, scale, options, pinned)
        }
        _ => free,
    }
}

fn lay_out_with_pin(
    entries: &[&Entry],
    scale: &Scale,
    options: &LaneOptions,
    pinned: Option<usize>,
) -> Layout {
    let entries: Vec<&Entry> = entries.to_vec();
    let lanes = options.lanes.max(1);
    let reserved = pinned
        .and_then(|index| entries.iter().find(|entry| entry.index == index))
        .map(|entry| place(entry, scale, options));
    let mut free_from = vec![f64::NEG_INFINITY; lanes];
    let mut layout = Layout {
        visible: entries.len(),
        ..Layout::default()
    };
    let mut bins: Vec<Cluster> = Vec::new();
    for entry in entries {
        if let Some(pin) = reserved.filter(|pin| pin.index == entry.index) {
            if let Some(free) = free_from.first_mut() {
                *free = free.max(pin.right());
            }
            layout.placed.push(pin);
            continue;
        }
        let mut candidate = place(entry, scale, options);
        let fits = |lane: usize, free: f64| {
            let after_previous = candidate.left >= free + options.gap;
            let clear_of_pin = lane != 0
                || reserved.is_none_or(|pin| {
                    candidate.right() + options.gap <= pin.left
                        || candidate.left >= pin.right() + options.gap
                });
            after_previous && clear_of_pin
        };
        match free_from
            .iter()
            .enumerate()
            .find(|(lane, free)| fits(*lane, **free))
            .map(|(lane, _)| lane)
        {
            Some(lane) => {
                candidate.lane = lane;
                if let Some(free) = free_from.get_mut(lane) {
                    *free = candidate.right();
                }
                layout.lanes_used = layout.lanes_used.max(lane + 1);
                layout.placed.push(candidate);
            }
            None => {
                let middle = candidate.left + candidate.mark_left + candidate.mark_width / 2.0;
                // The axis is cut into equal bins at least `cluster_width` wide.
                let bins_across = (scale.width / options.cluster_width).floor().max(1.0);
                let bin_width = scale.width / bins_across;
                let bin = (middle / bin_width).floor().clamp(0.0, bins_across - 1.0);
                let left = bin * bin_width;
                match bins.iter_mut().find(|cluster| cluster.left == left) {
                    Some(cluster) => {
                        cluster.count += 1;
                        cluster.start = cluster.start.min(entry.span.start);
                        cluster.end = cluster.end.max(entry.span.end);
                        cluster.events.push(entry.index);
                    }
                    None => bins.push(Cluster {
                        left,
                        width: bin_width,
                        count: 1,
                        start: entry.span.start,
                        end: entry.span.end,
                        events: vec![entry.index],
                    }),
                }
            }
        }
    }
    if reserved.is_some() {
        layout.lanes_used = layout.lanes_used.max(1);
    }
    bins.sort_by(|a, b| a.left.total_cmp(&b.left));
    layout.clusters = bins;
    layout
}

/// A page of the chronological list: a run of the model's entries over whole years, or a part
/// of one crowded year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The first year.
    pub first: i32,
    /// The last year.
    pub last: i32,
    /// Which part of a crowded year, and of how many (`None` for whole years).
    pub part: Option<(usize, usize)>,
    /// The entries, as positions in the listed entries.
    pub entries: Range<usize>,
}

impl Page {
    /// How many events it holds.
    pub fn count(&self) -> usize {
        self.entries.len()
    }

    /// Whether `year` is on this page.
    pub fn holds(&self, year: i32) -> bool {
        self.first <= year && year <= self.last
    }
}

/// The pages of the list: everything on one page while it holds at most `per_page` events;
/// otherwise a page per decade, a page per year for a decade that holds more, and parts of at
/// most `per_page` events for a year that holds more still. Years without events make no page.
pub fn list_pages(entries: &[Entry], per_page: usize) -> Vec<Page> {
    let per_page = per_page.max(1);
    let years: Vec<i32> = entries.iter().map(|entry| entry.span.year()).collect();
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    if entries.len() <= per_page {
        return vec![Page {
            first: *first,
            last: *last,
            part: None,
            entries: 0..entries.len(),
        }];
    }
    // Runs of equal keys, as ranges of positions.
    let runs = |key: &dyn Fn(i32) -> i32, within: Range<usize>| {
        let mut out: Vec<(i32, Range<usize>)> = Vec::new();
        for at in within {
            let Some(year) = years.get(at) else { continue };
            match out.last_mut() {
                Some((last, range)) if *last == key(*year) => range.end = at + 1,
                _ => out.push((key(*year), at..at + 1)),
            }
        }
        out
    };
    let mut pages = Vec::new();
    for (decade, range) in runs(&|year| year.div_euclid(10) * 10, 0..entries.len()) {
        if range.len() <= per_page {
            pages.push(Page {
                first: decade,
                last: decade + 9,
                part: None,
                entries: range,
            });
            continue;
        }
        for (year, range) in runs(&|year| year, range) {
            let parts = range.len().div_ceil(per_page);
            for part in 0..parts {
                let from = range.start + part * per_page;
                let to = (from + per_page).min(range.end);
                pages.push(Page {
                    first: year,
                    last: year,
                    part: (parts > 1).then_some((part + 1, parts)),
                    entries: from..to,
                });
            }
        }
    }
    pages
}

/// The pages of one year's `count` events: one page, or parts of at most `per_page` events.
pub fn year_pages(year: i32, count: usize, per_page: usize) -> Vec<Page> {
    let per_page = per_page.max(1);
    let parts = count.div_ceil(per_page);
    (0..parts)
        .map(|part| Page {
            first: year,
            last: year,
            part: (parts > 1).then_some((part + 1, parts)),
            entries: part * per_page..((part + 1) * per_page).min(count),
        })
        .collect()
}

/// The entries of a page of `entries`, chronologically.
pub fn page_entries<'a>(entries: &'a [Entry], page: &Page) -> impl Iterator<Item = &'a Entry> + 'a {
    entries.get(page.entries.clone()).unwrap_or_default().iter()
}

#[cfg(test)]
mod tests {
    use super::super::scale::{days_from_civil, Domain};
    use super::*;
    use crate::data::model::Date;

    fn entry(index: usize, from: (i32, u32, u32), days: i32, kind: MarkKind) -> Entry {
        let start = days_from_civil(from.0, from.1, from.2);
        Entry {
            index,
            span: Span {
                start,
                end: start + days,
                kind,
            },
        }
    }

    fn model(entries: Vec<Entry>) -> Model {
        let longest = entries
            .iter()
            .map(|e| e.span.end - e.span.start)
            .max()
            .unwrap_or(0);
        Model { entries, longest }
    }

    fn domain() -> Domain {
        Domain::new(Date::from_ymd(2026, 11, 28).unwrap(), [])
    }

    /// Two boxes in one lane never overlap, and every box stays inside the axis.
    fn assert_readable(layout: &Layout, width: f64, gap: f64) {
        for a in &layout.placed {
            assert!(
                a.left >= 0.0 && a.right() <= width + 1e-9,
                "{a:?} leaves the axis"
            );
            for b in &layout.placed {
                if a.index != b.index && a.lane == b.lane {
                    assert!(
                        a.right() + gap <= b.left + 1e-9 || b.right() + gap <= a.left + 1e-9,
                        "{a:?} overlaps {b:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn only_events_touching_the_window_are_visible() {
        let model = model(vec![
            entry(0, (1992, 1, 3), 1, MarkKind::Day),
            entry(1, (2011, 1, 1), 365 * 3, MarkKind::Range),
            entry(2, (2013, 9, 7), 1, MarkKind::Day),
            entry(3, (2015, 5, 7), 1, MarkKind::Day),
        ]);
        let window = Window::year(2013, &domain());
        let visible: Vec<usize> = model.visible(&window).map(|e| e.index).collect();
        // The range begun in 2011 still reaches into 2013.
        assert_eq!(visible, vec![1, 2]);
        let in_2015: Vec<usize> = model.in_year(2015).map(|e| e.index).collect();
        assert_eq!(in_2015, vec![3]);
        assert_eq!(model.in_year(2020).count(), 0);
    }

    #[test]
    fn keyboard_steps_follow_time_and_stop_at_the_ends() {
        let model = model(vec![
            entry(4, (1992, 1, 3), 1, MarkKind::Day),
            entry(7, (2005, 7, 4), 1, MarkKind::Day),
            entry(9, (2013, 9, 7), 1, MarkKind::Day),
        ]);
        assert_eq!(model.step(Some(4), Step::Next, None), Some(7));
        assert_eq!(model.step(Some(7), Step::Previous, None), Some(4));
        assert_eq!(model.step(Some(4), Step::Previous, None), Some(4));
        assert_eq!(model.step(Some(9), Step::Next, None), Some(9));
        assert_eq!(model.step(Some(7), Step::First, None), Some(4));
        assert_eq!(model.step(None, Step::Last, None), Some(9));
        assert_eq!(model.step(None, Step::Next, Some(7)), Some(7));
        assert_eq!(model.step(Some(5), Step::Next, None), Some(4));
        assert_eq!(Model::default().step(None, Step::First, None), None);
        assert_eq!(Step::from_key("ArrowDown"), Some(Step::Next));
        assert_eq!(Step::from_key("ArrowLeft"), Some(Step::Previous));
        assert_eq!(Step::from_key("End"), Some(Step::Last));
        assert_eq!(Step::from_key("Enter"), None);
    }

    #[test]
    fn events_of_a_crowded_year_go_to_separate_lanes_without_overlap() {
        let entries: Vec<Entry> = (0..10)
            .map(|i| entry(i, (2025, 1 + (i as u32), 10), 1, MarkKind::Day))
            .collect();
        let scale = Scale::new(Window::year(2025, &domain()), 960.0);
        let options = LaneOptions::default();
        let layout = lay_out(&entries, &scale, &options, None);
        assert_eq!(layout.placed.len(), 10);
        assert!(layout.clusters.is_empty());
        assert!(layout.lanes_used > 1);
        assert_readable(&layout, 960.0, options.gap);
    }

    #[test]
    fn what_fits_no_lane_is_counted_in_clusters_and_nothing_is_lost() {
        let entries: Vec<Entry> = (0..500)
            .map(|i| {
                entry(
                    i,
                    (1992 + (i as i32 % 34), 1 + (i as u32 % 12), 1),
                    1,
                    MarkKind::Day,
                )
            })
            .collect();
        let mut sorted = entries.clone();
        sorted.sort_by_key(|e| e.span.start);
        let scale = Scale::new(Window::whole(&domain()), 960.0);
        let options = LaneOptions::default();
        let layout = lay_out(&sorted, &scale, &options, None);
        let clustered: usize = layout.clusters.iter().map(|c| c.count).sum();
        assert_eq!(layout.placed.len() + clustered, 500);
        assert_eq!(layout.visible, 500);
        assert!(layout.placed.len() <= options.lanes * (960.0 / options.label_width) as usize + 6);
        assert!(layout.clusters.len() <= (960.0 / options.cluster_width) as usize + 1);
        assert_readable(&layout, 960.0, options.gap);
        for pair in layout.clusters.windows(2) {
            assert!(pair[0].left + pair[0].width <= pair[1].left);
        }
    }

    #[test]
    fn the_pinned_event_always_gets_a_box_in_the_first_lane() {
        let entries: Vec<Entry> = (0..200)
            .map(|i| entry(i, (2013, 9, 7), 1, MarkKind::Day))
            .collect();
        let scale = Scale::new(Window::year(2013, &domain()), 960.0);
        let options = LaneOptions::default();
        let free = lay_out(&entries, &scale, &options, None);
        assert!(!free.placed.iter().any(|p| p.index == 150));
        let pinned = lay_out(&entries, &scale, &options, Some(150));
        let pin = pinned.placed.iter().find(|p| p.index == 150).unwrap();
        assert_eq!(pin.lane, 0);
        // An event that already has a box keeps it, and nothing else moves.
        let placed = free.placed.get(3).unwrap().index;
        assert_eq!(lay_out(&entries, &scale, &options, Some(placed)), free);
        assert_readable(&pinned, 960.0, options.gap);
    }

    #[test]
    fn marks_take_the_width_of_their_days_and_labels_stay_inside_the_axis() {
        let scale = Scale::new(Window::year(2013, &domain()), 365.0);
        let options = LaneOptions::default();
        let month = place(
            &entry(0, (2013, 3, 1), 31, MarkKind::Month),
            &scale,
            &options,
        );
        assert_eq!(
            (month.left + month.mark_left, month.mark_width),
            (59.0, 31.0)
        );
        let day = place(&entry(1, (2013, 9, 7), 1, MarkKind::Day), &scale, &options);
        assert_eq!(day.mark_width, options.min_mark);
        assert!((day.left + day.mark_left + day.mark_width / 2.0 - 249.5).abs() < 1e-9);
        let late = place(
            &entry(2, (2013, 12, 20), 1, MarkKind::Day),
            &scale,
            &options,
        );
        assert_eq!(late.right(), 365.0);
        assert!(late.mark_left > 0.0);
        let long = place(
            &entry(3, (2012, 6, 1), 900, MarkKind::Range),
            &scale,
            &options,
        );
        assert_eq!(
            (long.left, long.mark_width, long.width),
            (0.0, 365.0, 365.0)
        );
    }

    #[test]
    fn a_short_list_is_one_page_and_a_long_one_pages_by_decade_then_year_then_part() {
        let few = model(vec![
            entry(0, (1992, 1, 3), 1, MarkKind::Day),
            entry(1, (2025, 1, 3), 1, MarkKind::Day),
        ]);
        let pages = list_pages(few.entries(), 100);
        assert_eq!(pages.len(), 1);
        assert_eq!(
            (pages[0].first, pages[0].last, pages[0].count()),
            (1992, 2025, 2)
        );
        let mut many: Vec<Entry> = (0..30)
            .map(|i| entry(i, (1995, 1, 1 + i as u32), 1, MarkKind::Day))
            .collect();
        many.extend((30..60).map(|i| entry(i, (2013, 1, 1), 1, MarkKind::Day)));
        many.extend((60..150).map(|i| entry(i, (2014, 1, 1), 1, MarkKind::Day)));
        let many = model(many);
        let pages = list_pages(many.entries(), 40);
        let summary: Vec<_> = pages
            .iter()
            .map(|p| (p.first, p.last, p.part, p.count()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (1990, 1999, None, 30),
                (2013, 2013, None, 30),
                (2014, 2014, Some((1, 3)), 40),
                (2014, 2014, Some((2, 3)), 40),
                (2014, 2014, Some((3, 3)), 10),
            ]
        );
        let on_page: Vec<usize> = page_entries(many.entries(), &pages[1])
            .map(|e| e.index)
            .collect();
        assert_eq!(on_page, (30..60).collect::<Vec<_>>());
        let total: usize = pages.iter().map(Page::count).sum();
        assert_eq!(total, 150, "every event is on exactly one page");
        assert!(pages.iter().all(|p| p.count() <= 40));
        assert!(list_pages(&[], 10).is_empty());
    }

    #[test]
    fn a_crowded_year_is_listed_in_parts() {
        let parts: Vec<_> = year_pages(2013, 290, 150)
            .into_iter()
            .map(|page| (page.part, page.entries))
            .collect();
        assert_eq!(
            parts,
            vec![(Some((1, 2)), 0..150), (Some((2, 2)), 150..290)]
        );
        let one = year_pages(2013, 8, 150);
        assert_eq!((one.len(), one[0].part, one[0].count()), (1, None, 8));
        assert!(year_pages(2013, 0, 150).is_empty());
    }
}
