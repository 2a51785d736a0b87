//! The eight language-neutral data files, each one collection of items: one name for each, with
//! its file, the word its items are called by (in text keys and messages) and their text fields.
//!
//! Architecture invariant: this is the only place that names the data files or says which texts
//! an item has; the validator, the loader, the model's text keys and the editors' command all
//! ask it.

/// A language-neutral data file and the items it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Collection {
    /// `sources.json`: every cited public source.
    Sources,
    /// `sectors.json`: the eleven sectors and the data's as-of date.
    Sectors,
    /// `events.json`: the timeline's events.
    Events,
    /// `figures.json`: single numbers.
    Figures,
    /// `series.json`: values over time.
    Series,
    /// `comparisons.json`: which series are compared, and how.
    Comparisons,
    /// `caveats.json`: contested points.
    Caveats,
    /// `story.json`: the guided story's steps.
    Story,
    /// `places.json`: border crossings, pipelines, rail corridors, ports and project sites.
    Places,
}

/// One text field of an item: `event.<id>.title`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextField {
    /// The last part of the key (`title`; for a series' point notes, `point.<period>.note`).
    pub name: &'static str,
    /// Whether every item must have it in the base language.
    pub required: bool,
}

const fn required(name: &'static str) -> TextField {
    TextField {
        name,
        required: true,
    }
}

const fn optional(name: &'static str) -> TextField {
    TextField {
        name,
        required: false,
    }
}

const SECTOR_TEXTS: &[TextField] = &[required("name"), required("summary")];
const EVENT_TEXTS: &[TextField] = &[
    required("title"),
    required("summary"),
    optional("date_note"),
];
const FIGURE_TEXTS: &[TextField] = &[required("label"), optional("note")];
const SERIES_TEXTS: &[TextField] = &[required("name"), optional("point.<period>.note")];
const COMPARISON_TEXTS: &[TextField] = &[
    required("title"),
    required("subtitle"),
    required("definition"),
];
const CAVEAT_TEXTS: &[TextField] = &[required("title"), required("body")];
const STEP_TEXTS: &[TextField] = &[required("title")];
const PLACE_TEXTS: &[TextField] = &[required("name"), required("summary")];

impl Collection {
    /// Every collection, in the order problems are reported and files are fetched.
    pub const ALL: [Collection; 9] = [
        Collection::Sources,
        Collection::Sectors,
        Collection::Events,
        Collection::Figures,
        Collection::Series,
        Collection::Comparisons,
        Collection::Caveats,
        Collection::Story,
        Collection::Places,
    ];

    /// The collections only charts need: a first view without charts is drawn without them, and
    /// they are fetched after it (see `DataFiles::deferred`).
    pub const CHARTS: [Collection; 2] = [Collection::Series, Collection::Comparisons];

    /// The collections a first view without charts or map is drawn without: the charts' files,
    /// the map's places and the caveats (shown by sector pages, which draw charts, and in panels
    /// opened later), fetched after it (see `DataFiles::deferred`).
    pub const DEFERRED: [Collection; 4] = [
        Collection::Series,
        Collection::Comparisons,
        Collection::Places,
        Collection::Caveats,
    ];

    /// The file, relative to `data/`.
    pub const fn file(self) -> &'static str {
        match self {
            Collection::Sources => "sources.json",
            Collection::Sectors => "sectors.json",
            Collection::Events => "events.json",
            Collection::Figures => "figures.json",
            Collection::Series => "series.json",
            Collection::Comparisons => "comparisons.json",
            Collection::Caveats => "caveats.json",
            Collection::Story => "story.json",
            Collection::Places => "places.json",
        }
    }

    /// What one item is called: the first part of its text keys (`event.<id>.title`) and the
    /// word in messages.
    pub const fn item(self) -> &'static str {
        match self {
            Collection::Sources => "source",
            Collection::Sectors => "sector",
            Collection::Events => "event",
            Collection::Figures => "figure",
            Collection::Series => "series",
            Collection::Comparisons => "comparison",
            Collection::Caveats => "caveat",
            Collection::Story => "step",
            Collection::Places => "place",
        }
    }

    /// The text fields of an item, in `text/<lang>.json`. Sources have none: their titles stay
    /// in their original form, in `sources.json`.
    pub const fn texts(self) -> &'static [TextField] {
        match self {
            Collection::Sources => &[],
            Collection::Sectors => SECTOR_TEXTS,
            Collection::Events => EVENT_TEXTS,
            Collection::Figures => FIGURE_TEXTS,
            Collection::Series => SERIES_TEXTS,
            Collection::Comparisons => COMPARISON_TEXTS,
            Collection::Caveats => CAVEAT_TEXTS,
            Collection::Story => STEP_TEXTS,
            Collection::Places => PLACE_TEXTS,
        }
    }

    /// The names of the text fields every item must have.
    pub fn required_texts(self) -> Vec<&'static str> {
        self.texts()
            .iter()
            .filter(|field| field.required)
            .map(|field| field.name)
            .collect()
    }

    /// The collection whose items are called `item` (the first part of a text key).
    pub fn from_item(item: &str) -> Option<Collection> {
        Collection::ALL
            .into_iter()
            .find(|collection| collection.item() == item)
    }

    /// The collection stored in `file` (`"events.json"`).
    pub fn from_file(file: &str) -> Option<Collection> {
        Collection::ALL
            .into_iter()
            .find(|collection| collection.file() == file)
    }

    /// Its position in [`Collection::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_collection_is_found_by_its_file_and_its_item_and_sits_at_its_index() {
        for (index, collection) in Collection::ALL.into_iter().enumerate() {
            assert_eq!(Collection::from_file(collection.file()), Some(collection));
            assert_eq!(Collection::from_item(collection.item()), Some(collection));
            assert_eq!(collection.index(), index);
        }
        assert_eq!(Collection::from_file("text/en.json"), None);
    }

    #[test]
    fn an_event_needs_a_title_and_a_summary_and_may_have_a_date_note() {
        assert_eq!(Collection::Events.required_texts(), ["title", "summary"]);
        assert!(Collection::Events.texts().contains(&optional("date_note")));
        assert!(Collection::Sources.texts().is_empty());
        assert_eq!(Collection::Story.required_texts(), ["title"]);
        assert_eq!(Collection::from_file("story.json"), Some(Collection::Story));
    }
}
