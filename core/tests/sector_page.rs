//! A sector page's hierarchy over the real dataset: a few key figures, one main chart and a few
//! key events first; every other figure, chart, caveat and event on demand, none lost.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use cke_core::data::build_dataset;
use cke_core::data::model::{Dataset, FigureId, SectorId};
use cke_core::sector_page::{figure_in_fragment, SectorPage, KEY_EVENTS, KEY_FIGURES};
use std::collections::HashSet;
use std::path::Path;

fn dataset() -> Dataset {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/data");
    let (files, _) = common::load_dir(&dir);
    build_dataset(&files, common::today())
        .dataset
        .expect("the real data builds")
}

#[test]
fn every_sector_opens_with_a_few_key_figures_and_events_and_at_most_one_chart() {
    let dataset = dataset();
    for &sector in SectorId::ALL {
        let page = SectorPage::of(&dataset, sector);
        assert!(
            !page.key_figures.is_empty() && page.key_figures.len() <= KEY_FIGURES,
            "{sector:?}: {} key figures",
            page.key_figures.len()
        );
        assert!(page.key_events.len() <= KEY_EVENTS, "{sector:?}");
        assert!(!page.key_events.is_empty(), "{sector:?} has no key event");
        let info = dataset.sector(sector).unwrap();
        assert_eq!(
            page.key_figures,
            info.key_figures
                .iter()
                .take(page.key_figures.len())
                .cloned()
                .collect::<Vec<_>>(),
            "{sector:?}: the key figures are the sector's first"
        );
    }
}

#[test]
fn nothing_is_lost_every_item_is_in_exactly_one_part() {
    let dataset = dataset();
    for &sector in SectorId::ALL {
        let page = SectorPage::of(&dataset, sector);
        let figures: Vec<_> = page.key_figures.iter().chain(&page.more_figures).collect();
        let unique: HashSet<_> = figures.iter().collect();
        assert_eq!(unique.len(), figures.len(), "{sector:?}: a figure twice");
        for figure in dataset.figures_in(sector) {
            assert!(
                unique.contains(&&figure.id),
                "{sector:?}: {:?} lost",
                figure.id
            );
        }
        let events: Vec<_> = page.key_events.iter().chain(&page.more_events).collect();
        let all: Vec<_> = dataset.events_in(sector).map(|e| &e.id).collect();
        assert_eq!(
            events.len(),
            all.len(),
            "{sector:?}: events lost or doubled"
        );
        for id in all {
            assert!(events.contains(&id), "{sector:?}: {id:?} lost");
        }
        let charts: Vec<_> = page.main_chart.iter().chain(&page.more_charts).collect();
        assert_eq!(charts.len(), dataset.comparisons_in(sector).count());
        assert_eq!(page.caveats.len(), dataset.caveats_in(sector).count());
    }
}

#[test]
fn key_events_are_where_the_story_begins_and_the_latest_in_date_order() {
    let dataset = dataset();
    let page = SectorPage::of(&dataset, SectorId::Diplomacy);
    let main: Vec<_> = dataset
        .events_in(SectorId::Diplomacy)
        .filter(|e| e.main_sector == SectorId::Diplomacy)
        .collect();
    assert_eq!(page.key_events.len(), KEY_EVENTS);
    assert_eq!(
        page.key_events[0], main[0].id,
        "the first event of the sector"
    );
    assert_eq!(
        page.key_events.last(),
        main.last().map(|e| &e.id),
        "the latest event of the sector"
    );
    // Date order is the dataset's order.
    let order: Vec<_> = dataset.events().iter().map(|e| &e.id).collect();
    let positions: Vec<_> = page
        .key_events
        .iter()
        .map(|id| order.iter().position(|o| *o == id).unwrap())
        .collect();
    assert!(positions.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn a_figure_beyond_the_key_ones_is_on_demand() {
    let dataset = dataset();
    let page = SectorPage::of(&dataset, SectorId::Trade);
    let advertorial = FigureId::parse("cda-trade-2024").unwrap();
    assert!(page.figure_on_demand(&advertorial));
    assert!(!page.figure_on_demand(&page.key_figures[0]));
}

#[test]
fn a_fragment_names_a_figure_only_in_its_own_form() {
    assert_eq!(
        figure_in_fragment("#figure-cda-trade-2024"),
        FigureId::parse("cda-trade-2024")
    );
    assert_eq!(
        figure_in_fragment("figure-trade-2024-cn-customs"),
        FigureId::parse("trade-2024-cn-customs")
    );
    assert_eq!(figure_in_fragment("#event-x"), None);
    assert_eq!(figure_in_fragment("#figure-"), None);
    assert_eq!(figure_in_fragment("#figure-<script>"), None);
    assert_eq!(figure_in_fragment(""), None);
}
