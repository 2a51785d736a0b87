//! The timeline's pure core over the real dataset: the eras come from the data's events, every
//! event is placed and reachable, and labels never overlap at any zoom.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use cke_core::data::build_dataset;
use cke_core::data::model::{Dataset, EventId, SectorId};
use cke_core::strings::Ui;
use cke_core::timeline::eras::{era_at, era_opened_by, place_eras, ERAS};
use cke_core::timeline::layout::{lay_out, LaneOptions, Layout, Model, Step};
use cke_core::timeline::related_figures;
use cke_core::timeline::scale::{days_from_civil, year_of, Domain, MarkKind, Scale, Span, Window};
use std::path::Path;

fn dataset() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (files, _) = common::load_dir(&dir);
    build_dataset(&files, common::today())
        .dataset
        .expect("the real data builds")
}

fn domain(dataset: &Dataset) -> Domain {
    let spans: Vec<Span> = dataset.events().iter().map(|e| Span::of(&e.when)).collect();
    Domain::new(common::today(), &spans)
}

fn assert_no_overlap(layout: &Layout, width: f64, gap: f64) {
    for a in &layout.placed {
        assert!(
            a.left >= 0.0 && a.right() <= width + 1e-6,
            "{a:?} leaves the axis"
        );
        for b in layout
            .placed
            .iter()
            .filter(|b| b.index != a.index && b.lane == a.lane)
        {
            assert!(
                a.right() + gap <= b.left + 1e-6 || b.right() + gap <= a.left + 1e-6,
                "labels overlap: {a:?} {b:?}"
            );
        }
    }
}

#[test]
fn the_six_eras_begin_at_their_events_in_order_and_the_last_runs_to_today() {
    let dataset = dataset();
    let domain = domain(&dataset);
    let eras = place_eras(dataset.events(), &domain);
    assert_eq!(eras.len(), 6);
    let names: Vec<Ui> = eras.iter().map(|era| era.name).collect();
    assert_eq!(names, ERAS.map(|era| era.name).to_vec());
    let years: Vec<u16> = eras
        .iter()
        .map(|era| dataset.events()[era.event].when.start.year)
        .collect();
    assert_eq!(years, vec![1992, 2002, 2005, 2011, 2019, 2022]);
    assert_eq!(eras[0].start, days_from_civil(1992, 1, 3));
    assert_eq!(eras[2].start, days_from_civil(2005, 7, 4));
    for pair in eras.windows(2) {
        assert_eq!(pair[0].end, pair[1].start, "eras leave no gap");
    }
    assert_eq!(eras[5].end, domain.end);
    // Each era's date and sources are its event's.
    for era in &eras {
        assert!(!dataset.events()[era.event].sources.is_empty());
    }
    let treaty_year = days_from_civil(2003, 6, 1);
    assert_eq!(
        era_at(&eras, treaty_year).map(|e| e.name),
        Some(Ui::EraTreaty)
    );
    assert_eq!(era_at(&eras, days_from_civil(1992, 1, 1)), None);
    assert_eq!(
        era_opened_by(&eras, eras[3].event).map(|e| e.name),
        Some(Ui::EraComprehensive)
    );
}

#[test]
fn an_era_whose_event_is_missing_is_left_out_not_invented() {
    let dataset = dataset();
    let domain = domain(&dataset);
    let without: Vec<_> = dataset
        .events()
        .iter()
        .filter(|e| e.id.as_str() != "2005-07-strategic-partnership")
        .cloned()
        .collect();
    let eras = place_eras(&without, &domain);
    assert_eq!(eras.len(), 5);
    assert_eq!(eras[1].end, eras[2].start, "the treaty era runs on to 2011");
}

#[test]
fn every_event_of_the_data_lies_on_the_axis_between_1992_and_today() {
    let dataset = dataset();
    let domain = domain(&dataset);
    assert_eq!(domain.today, days_from_civil(2026, 11, 28));
    let model = Model::new(dataset.events(), |_| true);
    assert_eq!(model.len(), dataset.events().len());
    let whole = Window::whole(&domain);
    assert_eq!(model.visible(&whole).count(), dataset.events().len());
    for entry in model.entries() {
        assert!(entry.span.start >= domain.start && entry.span.end <= domain.end);
    }
    let kinds: Vec<MarkKind> = model.entries().iter().map(|e| e.span.kind).collect();
    for kind in [
        MarkKind::Day,
        MarkKind::Month,
        MarkKind::Year,
        MarkKind::Range,
    ] {
        assert!(kinds.contains(&kind), "the data has {kind:?} events");
    }
}

#[test]
fn the_keyboard_reaches_every_event_in_chronological_order() {
    let dataset = dataset();
    let model = Model::new(dataset.events(), |_| true);
    let mut at = model.step(None, Step::First, None);
    let mut seen = Vec::new();
    while let Some(index) = at {
        seen.push(index);
        let next = model.step(Some(index), Step::Next, None);
        at = next.filter(|next| *next != index);
    }
    assert_eq!(seen, (0..dataset.events().len()).collect::<Vec<_>>());
}

#[test]
fn a_sector_filter_keeps_the_events_filed_under_any_chosen_sector() {
    let dataset = dataset();
    let chosen = [SectorId::Energy, SectorId::Tourism];
    let model = Model::new(dataset.events(), |e| chosen.iter().any(|s| e.is_in(*s)));
    assert!(!model.is_empty() && model.len() < dataset.events().len());
    for entry in model.entries() {
        let event = &dataset.events()[entry.index];
        assert!(event.is_in(SectorId::Energy) || event.is_in(SectorId::Tourism));
    }
}

#[test]
fn labels_never_overlap_at_the_whole_span_nor_in_any_single_year() {
    let dataset = dataset();
    let domain = domain(&dataset);
    let model = Model::new(dataset.events(), |_| true);
    let options = LaneOptions::default();
    for width in [640.0, 960.0, 1240.0] {
        let whole = Window::whole(&domain);
        let layout = lay_out(
            model.visible(&whole),
            &Scale::new(whole, width),
            &options,
            None,
        );
        let clustered: usize = layout.clusters.iter().map(|c| c.count).sum();
        assert_eq!(layout.placed.len() + clustered, model.len());
        assert_no_overlap(&layout, width, options.gap);
        for year in 1992..=2026 {
            let window = Window::year(year, &domain);
            let layout = lay_out(
                model.visible(&window),
                &Scale::new(window, width),
                &options,
                None,
            );
            assert_no_overlap(&layout, width, options.gap);
        }
    }
    // Every year up to 2024 (none has more than eight events) is readable event by event at
    // 960 px.
    for year in 1992..=2024 {
        let window = Window::year(year, &domain);
        let layout = lay_out(
            model.visible(&window),
            &Scale::new(window, 960.0),
            &options,
            None,
        );
        assert!(layout.clusters.is_empty(), "{year}: {:?}", layout.clusters);
    }
    // The crowded recent years (2025: thirty-four events; 2026: seven in its first ten weeks)
    // lose no event: what has no room is counted in a cluster.
    for year in [2025, 2026] {
        let window = Window::year(year, &domain);
        let layout = lay_out(
            model.visible(&window),
            &Scale::new(window, 960.0),
            &options,
            None,
        );
        let clustered: usize = layout.clusters.iter().map(|c| c.count).sum();
        assert_eq!(
            layout.placed.len() + clustered,
            model.visible(&window).count()
        );
    }
}

#[test]
fn related_figures_share_a_sector_and_a_year_with_the_event() {
    let dataset = dataset();
    let event = dataset
        .event(&EventId::parse("2023-05-tcm-centre-operation").unwrap())
        .unwrap()
        .clone();
    let figures = related_figures(&dataset, &event);
    assert!(!figures.is_empty());
    for figure in &figures {
        assert!(figure.sectors.iter().any(|s| event.is_in(*s)));
    }
    let early = dataset
        .event(&EventId::parse("1993-nazarbayev-beijing-visit").unwrap())
        .unwrap()
        .clone();
    for figure in related_figures(&dataset, &early) {
        let (from, to) = cke_core::timeline::figure_years(figure).unwrap();
        assert!(from <= 1993 && 1993 <= to, "{}", figure.id);
    }
}

#[test]
fn a_disputed_date_is_drawn_at_the_events_own_date_never_as_a_range() {
    let dataset = dataset();
    let disputed: Vec<_> = dataset
        .events()
        .iter()
        .filter(|e| e.is_disputed())
        .collect();
    assert!(disputed.len() >= 2, "the pipeline and the tourism year");
    for event in &disputed {
        assert_eq!(event.when.end, None, "{}", event.id);
        assert_ne!(Span::of(&event.when).kind, MarkKind::Range, "{}", event.id);
    }
    let pipeline = dataset
        .event(&EventId::parse("2005-11-atasu-alashankou-pipeline").unwrap())
        .expect("the pipeline");
    assert_eq!(Span::of(&pipeline.when).kind, MarkKind::Month);
    let dates = cke_core::timeline::disputed_dates(&dataset, pipeline);
    let names: Vec<(String, Vec<String>)> = dates
        .into_iter()
        .map(|(date, publishers)| (date.to_string(), publishers))
        .collect();
    assert_eq!(
        names,
        [
            (
                "2005-11".to_owned(),
                vec!["Oil & Gas Journal (OGJ)".to_owned()]
            ),
            ("2005-12".to_owned(), vec!["RFE/RL".to_owned()]),
        ]
    );
    let tourism = dataset
        .event(&EventId::parse("2025-02-china-tourism-year").unwrap())
        .expect("the tourism year");
    assert_eq!(Span::of(&tourism.when).kind, MarkKind::Day);
    assert_eq!(tourism.all_sources().len(), 3);
}

#[test]
fn era_bands_tile_the_whole_axis_alternating_and_are_buttons_when_wide_enough() {
    use cke_core::timeline::eras::{era_bands, place_eras, MIN_ERA_BUTTON};
    let dataset = dataset();
    let domain = domain(&dataset);
    let eras = place_eras(dataset.events(), &domain);
    assert_eq!(eras.len(), 6, "every era's opening event is in the data");
    let scale = Scale::new(Window::whole(&domain), 1240.0);
    let bands = era_bands(&eras, &scale);
    assert_eq!(bands.len(), 6);
    for pair in bands.windows(2) {
        assert!(
            (pair[0].left + pair[0].width - pair[1].left).abs() < 1e-6,
            "{pair:?}"
        );
        assert_ne!(pair[0].shaded, pair[1].shaded);
    }
    let last = bands.last().unwrap();
    assert!((last.left + last.width - 1240.0).abs() < 1e-6);
    for band in &bands {
        assert_eq!(band.button, band.width >= MIN_ERA_BUTTON);
    }
    // In one year's window only the era of that year is drawn, across the whole axis.
    let scale = Scale::new(Window::year(2008, &domain), 960.0);
    let bands = era_bands(&eras, &scale);
    assert_eq!(bands.len(), 1);
    assert_eq!((bands[0].left, bands[0].width), (0.0, 960.0));
    assert!(bands[0].button && !bands[0].shaded);
}

/// At the width of a 1280 px page the whole span shows few clusters, each knowing the events it
/// holds and their main sectors (most frequent first), so that it can say what it holds.
#[test]
fn clusters_are_few_and_know_what_they_hold() {
    let dataset = dataset();
    let domain = domain(&dataset);
    let model = Model::new(dataset.events(), |_| true);
    let options = LaneOptions::default();
    let whole = Window::whole(&domain);
    let layout = lay_out(
        model.visible(&whole),
        &Scale::new(whole, 1118.0),
        &options,
        None,
    );
    assert!(!layout.clusters.is_empty());
    assert!(layout.clusters.len() <= 7, "{}", layout.clusters.len());
    for cluster in &layout.clusters {
        assert_eq!(cluster.events.len(), cluster.count);
        let sectors = cluster.sectors(dataset.events());
        assert!(!sectors.is_empty());
        let count = |sector| {
            cluster
                .events
                .iter()
                .filter(|index| dataset.events()[**index].main_sector == sector)
                .count()
        };
        assert!(sectors
            .windows(2)
            .all(|pair| count(pair[0]) >= count(pair[1])));
        let years = (year_of(cluster.start), year_of(cluster.end - 1));
        for index in &cluster.events {
            let year = dataset.events()[*index].when.start.first_day().year;
            assert!((years.0..=years.1).contains(&i32::from(year)));
        }
    }
}
