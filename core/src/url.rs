//! The public URL contract: a [`Selection`] read from and written to the query string.
//!
//! News sites deep-link into the explainer, so this module is the stable public interface of the
//! app. It is pure: no signals, no `web_sys`, no clock. Unknown or malformed values fall back to
//! their defaults (never an error), and defaults are left out of the URL so that links stay short
//! and canonical.

use crate::data::model::is_valid_id;
use crate::data::model::SectorId;
use std::fmt::Write as _;

/// The first year the explainer covers: diplomatic ties were established in January 1992.
pub const FIRST_YEAR: i32 = crate::data::model::FIRST_YEAR as i32;

/// The views of the explainer (`view=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// Headline figures, sectors as entry points, latest milestones.
    #[default]
    Overview,
    /// One sector's story, or the list of sectors when no sector is chosen.
    Sector,
    /// Events from January 1992 to today.
    Timeline,
    /// Comparative charts.
    Compare,
    /// The guided story: milestones from 1992 to today, one step at a time (`step=`).
    Story,
    /// The map of the border, the corridors and the projects.
    Map,
}

impl View {
    /// Every view, in navigation order.
    pub const ALL: [View; 6] = [
        View::Overview,
        View::Story,
        View::Sector,
        View::Timeline,
        View::Compare,
        View::Map,
    ];

    /// The value used in the URL.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Sector => "sector",
            View::Timeline => "timeline",
            View::Compare => "compare",
            View::Story => "story",
            View::Map => "map",
        }
    }

    /// Parses a URL value; `None` for anything that is not exactly a known view.
    pub fn parse(value: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.as_str() == value)
    }

    /// Whether the view draws charts, and so needs the charts' data files to be drawn at all
    /// (the others are drawn first without them; see `data::Collection::CHARTS`).
    pub fn draws_charts(self) -> bool {
        matches!(self, View::Sector | View::Compare)
    }

    /// Whether the view needs the files a first view is drawn without
    /// (`data::Collection::DEFERRED`): the charts' files, or the map's places.
    pub fn needs_deferred(self) -> bool {
        self.draws_charts() || self == View::Map
    }
}

/// The interface languages (`lang=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Chinese (Simplified).
    Zh,
    /// Russian.
    Ru,
    /// Kazakh (Cyrillic).
    Kk,
}

impl Lang {
    /// Every language, in switcher order.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Zh, Lang::Ru, Lang::Kk];

    /// The full language tag for `<html lang>` and `Intl`: Chinese is written in Simplified
    /// characters, which `zh` alone does not say.
    pub fn bcp47(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            other => other.as_str(),
        }
    }

    /// The language's own name, as the language switcher offers it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Zh => "中文",
            Lang::Ru => "Русский",
            Lang::Kk => "Қазақша",
        }
    }

    /// The short tag used in the URL and in data file names.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// Parses a URL value; `None` for anything that is not exactly a known tag.
    pub fn parse(value: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.as_str() == value)
    }

    /// Picks the first supported language from the browser's preference list
    /// (`navigator.languages`), matching on the primary subtag (`zh-CN` → `zh`); English otherwise.
    pub fn from_preferences<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or_default();
                Lang::parse(&primary.to_ascii_lowercase())
            })
            .unwrap_or(Lang::En)
    }
}

/// The colour theme (`theme=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    /// Follows the reader's `prefers-color-scheme`.
    #[default]
    Auto,
    /// Light, whatever the reader's preference.
    Light,
    /// Dark, whatever the reader's preference.
    Dark,
}

impl Theme {
    /// Every theme, in switcher order.
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The value used in the URL and in the root element's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Parses a URL value; `None` for anything that is not exactly a known theme.
    pub fn parse(value: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|theme| theme.as_str() == value)
    }
}

/// Everything the reader has chosen: the whole state of the app that a link can carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Which view is shown.
    pub view: View,
    /// The chosen sectors (`sector=trade,energy`): the timeline's filter, and the sector view's
    /// sector (the first). Duplicate-free, in [`SectorId::ALL`] order; empty means none chosen.
    pub sectors: Vec<SectorId>,
    /// The highlighted year, 1992 … the current year.
    pub year: Option<i32>,
    /// An event id from the data. Only its form is checked here; the views fall back when the
    /// data has no such event.
    pub event: Option<String>,
    /// A comparison id from the data; `None` means the first comparison.
    pub chart: Option<String>,
    /// The step of the guided story (`step=N`, 2 … [`MAX_STEP`]); `None` means the first. The
    /// story view falls back to the first step when the data has fewer steps.
    pub step: Option<u32>,
    /// A place id from the data (`view=map`). Only its form is checked here.
    pub place: Option<String>,
    /// The chosen language; `None` means the browser's preference.
    pub lang: Option<Lang>,
    /// The colour theme.
    pub theme: Theme,
    /// Embed mode: no site chrome, the host page's URL is never touched.
    pub embed: bool,
}

impl Selection {
    /// Reads a query string (with or without the leading `?`). `current_year` bounds `year`.
    ///
    /// Every parameter is optional; a value that is unknown, malformed or out of range is
    /// dropped, leaving that parameter at its default. Unknown parameters are ignored. When a
    /// parameter is repeated, the first occurrence wins.
    pub fn from_query(query: &str, current_year: i32) -> Selection {
        let mut selection = Selection::default();
        let mut seen: Vec<String> = Vec::new();
        for pair in query.trim_start_matches('?').split('&') {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = percent_decode(raw_key);
            if seen.contains(&key) {
                continue;
            }
            let value = percent_decode(raw_value);
            let value = value.trim();
            match key.as_str() {
                "view" => selection.view = View::parse(value).unwrap_or_default(),
                "sector" => selection.sectors = parse_sectors(value),
                "year" => selection.year = parse_year(value, current_year),
                "event" => selection.event = parse_id(value),
                "chart" => selection.chart = parse_id(value),
                "step" => selection.step = parse_step(value),
                "place" => selection.place = parse_id(value),
                "lang" => selection.lang = Lang::parse(value),
                "theme" => selection.theme = Theme::parse(value).unwrap_or_default(),
                "embed" => selection.embed = value == "1",
                _ => continue,
            }
            seen.push(key);
        }
        selection
    }

    /// Writes the query string, with the leading `?`, leaving defaults out; an all-default
    /// selection gives the empty string. Parameters come in the order of the URL contract.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if self.view != View::Overview {
            pairs.push(("view", self.view.as_str().to_owned()));
        }
        if !self.sectors.is_empty() {
            let ids: Vec<&str> = self.sectors.iter().map(|sector| sector.as_str()).collect();
            pairs.push(("sector", ids.join(",")));
        }
        if let Some(year) = self.year {
            pairs.push(("year", year.to_string()));
        }
        if let Some(event) = &self.event {
            pairs.push(("event", event.clone()));
        }
        if let Some(chart) = &self.chart {
            pairs.push(("chart", chart.clone()));
        }
        if let Some(step) = self.step.filter(|step| *step > 1) {
            pairs.push(("step", step.to_string()));
        }
        if let Some(place) = &self.place {
            pairs.push(("place", place.clone()));
        }
        if let Some(lang) = self.lang {
            pairs.push(("lang", lang.as_str().to_owned()));
        }
        if self.theme != Theme::Auto {
            pairs.push(("theme", self.theme.as_str().to_owned()));
        }
        if self.embed {
            pairs.push(("embed", "1".to_owned()));
        }
        let mut query = String::new();
        for (index, (key, value)) in pairs.iter().enumerate() {
            query.push(if index == 0 { '?' } else { '&' });
            query.push_str(key);
            query.push('=');
            // A list's commas stay literal (`sector=trade,energy`); sector ids need no escaping.
            let encoded: Vec<String> = value.split(',').map(percent_encode).collect();
            query.push_str(&encoded.join(","));
        }
        query
    }

    /// The same selection showing another view. Parameters that only make sense in one view
    /// (`event`, `chart`) are dropped when leaving it; the sector, year, language, theme and
    /// embed mode carry over.
    pub fn with_view(&self, view: View) -> Selection {
        let mut next = self.clone();
        next.view = view;
        if view != View::Timeline {
            next.event = None;
        }
        if view != View::Compare {
            next.chart = None;
        }
        if view != View::Story {
            next.step = None;
        }
        if view != View::Map {
            next.place = None;
        }
        if view == View::Overview {
            next.sectors.clear();
        }
        next
    }

    /// This selection with the reader's settings (language, theme, embed mode) taken from
    /// `current`: a link chooses what to show, never how the reader has set up the page.
    pub fn with_settings_from(&self, current: &Selection) -> Selection {
        Selection {
            lang: current.lang,
            theme: current.theme,
            embed: current.embed,
            ..self.clone()
        }
    }

    /// The map, showing one place's card (or none).
    pub fn with_place(&self, place: Option<&str>) -> Selection {
        let mut next = self.with_view(View::Map);
        next.place = place.map(str::to_owned);
        next
    }

    /// The sector view of one sector (or of the sector list, for `None`).
    pub fn with_sector(&self, sector: Option<SectorId>) -> Selection {
        let mut next = self.with_view(View::Sector);
        next.sectors = sector.into_iter().collect();
        next
    }

    /// The story view at step `step` (1-based; the first step is the default and left out).
    pub fn with_step(&self, step: u32) -> Selection {
        let mut next = self.with_view(View::Story);
        next.step = (2..=MAX_STEP).contains(&step).then_some(step);
        next
    }

    /// The story's step this selection names, 1-based: `step_in(total)` falls back to the first
    /// step when the URL names none or one past the story's `total` steps.
    pub fn step_in(&self, total: usize) -> usize {
        match self.step.and_then(|step| usize::try_from(step).ok()) {
            Some(step) if step <= total => step,
            _ => 1,
        }
    }

    /// The sector the sector view shows: the first chosen one.
    pub fn sector(&self) -> Option<SectorId> {
        self.sectors.first().copied()
    }

    /// The same selection with `sectors` chosen (any order, duplicates allowed): kept
    /// canonical, duplicate-free and in [`SectorId::ALL`] order, as the URL writes them.
    pub fn with_sectors(&self, sectors: &[SectorId]) -> Selection {
        let mut next = self.clone();
        next.sectors = canonical_sectors(sectors.iter().copied());
        next
    }
}

/// The largest step number the URL accepts; the data has at most 15 steps.
pub const MAX_STEP: u32 = 99;

/// A story step, 2 … [`MAX_STEP`], written as plain ASCII digits without a leading zero; the first
/// step is the default, so `1` (like anything else) reads as `None`.
fn parse_step(value: &str) -> Option<u32> {
    if value.is_empty() || value.len() > 2 || value.starts_with('0') {
        return None;
    }
    if !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let step: u32 = value.parse().ok()?;
    (2..=MAX_STEP).contains(&step).then_some(step)
}

/// A comma-separated list of sector ids: unknown ids are dropped, duplicates removed, and the
/// rest put in [`SectorId::ALL`] order.
fn parse_sectors(value: &str) -> Vec<SectorId> {
    canonical_sectors(value.split(',').filter_map(|id| SectorId::parse(id.trim())))
}

/// Sectors duplicate-free, in [`SectorId::ALL`] order.
fn canonical_sectors(sectors: impl Iterator<Item = SectorId>) -> Vec<SectorId> {
    let chosen: Vec<SectorId> = sectors.collect();
    SectorId::ALL
        .iter()
        .copied()
        .filter(|sector| chosen.contains(sector))
        .collect()
}

/// A year inside 1992 … `current_year`, written as plain ASCII digits.
fn parse_year(value: &str, current_year: i32) -> Option<i32> {
    if value.is_empty() || value.len() > 4 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = value.parse().ok()?;
    (FIRST_YEAR..=current_year).contains(&year).then_some(year)
}

/// An id in the data's id form: kebab-case ASCII, at most 80 characters.
fn parse_id(value: &str) -> Option<String> {
    (value.len() <= 80 && is_valid_id(value)).then(|| value.to_owned())
}

/// Decodes `%XX` escapes and `+` (a space in form encoding). Malformed escapes are kept as
/// written and invalid UTF-8 is replaced, so that any input decodes to something.
pub fn percent_decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        let escaped = match (byte, bytes.get(index + 1), bytes.get(index + 2)) {
            (b'%', Some(&high), Some(&low)) => hex_value(high).zip(hex_value(low)),
            _ => None,
        };
        match (byte, escaped) {
            (_, Some((high, low))) => {
                out.push(high * 16 + low);
                index += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                index += 1;
            }
            (other, None) => {
                out.push(other);
                index += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_value(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

/// Escapes everything but unreserved characters (RFC 3986), so values survive any host page.
pub fn percent_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            // Writing into a String cannot fail.
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i32 = 2026;

    #[test]
    fn an_empty_query_is_the_default_selection() {
        assert_eq!(Selection::from_query("", NOW), Selection::default());
        assert_eq!(Selection::from_query("?", NOW), Selection::default());
        assert_eq!(Selection::default().to_query(), "");
    }

    #[test]
    fn a_full_selection_round_trips_in_contract_order() {
        let selection = Selection {
            view: View::Timeline,
            sectors: SectorId::parse("energy").into_iter().collect(),
            year: Some(2013),
            event: Some("2013-09-silk-road-belt".into()),
            chart: Some("mirror-trade".into()),
            step: None,
            place: Some("khorgos".into()),
            lang: Some(Lang::Kk),
            theme: Theme::Dark,
            embed: true,
        };
        let query = selection.to_query();
        assert_eq!(
            query,
            "?view=timeline&sector=energy&year=2013&event=2013-09-silk-road-belt&chart=mirror-trade&place=khorgos&lang=kk&theme=dark&embed=1"
        );
        assert_eq!(Selection::from_query(&query, NOW), selection);
    }

    #[test]
    fn a_place_on_the_map_round_trips_and_is_dropped_when_leaving_the_map() {
        let selection = Selection::from_query("view=map&place=khorgos&embed=1", NOW);
        assert_eq!(selection.view, View::Map);
        assert_eq!(selection.place.as_deref(), Some("khorgos"));
        assert_eq!(selection.to_query(), "?view=map&place=khorgos&embed=1");
        assert_eq!(selection.with_view(View::Timeline).place, None);
        let bad = Selection::from_query("view=map&place=<svg>", NOW);
        assert_eq!(bad.place, None);
        assert_eq!(
            Selection::default()
                .with_place(Some("aktau-port"))
                .to_query(),
            "?view=map&place=aktau-port"
        );
        assert!(View::Map.needs_deferred() && !View::Map.draws_charts());
    }

    #[test]
    fn defaults_are_left_out_of_the_url() {
        let selection = Selection::from_query("view=overview&theme=auto&embed=0", NOW);
        assert_eq!(selection, Selection::default());
        assert_eq!(selection.to_query(), "");
    }

    #[test]
    fn every_bad_value_falls_back_to_its_default() {
        let selection = Selection::from_query(
            "view=atlas&sector=space&year=1991&event=<script>&chart=A%20B&lang=fr&theme=neon&embed=yes",
            NOW,
        );
        assert_eq!(selection, Selection::default());
    }

    #[test]
    fn years_outside_1992_to_this_year_are_dropped() {
        assert_eq!(Selection::from_query("year=1992", NOW).year, Some(1992));
        assert_eq!(Selection::from_query("year=2026", NOW).year, Some(2026));
        assert_eq!(Selection::from_query("year=2027", NOW).year, None);
        assert_eq!(Selection::from_query("year=%2B2000", NOW).year, None);
        assert_eq!(Selection::from_query("year=02000", NOW).year, None);
        assert_eq!(
            Selection::from_query("year=99999999999999999999", NOW).year,
            None
        );
    }

    #[test]
    fn the_first_occurrence_of_a_repeated_parameter_wins() {
        let selection = Selection::from_query("view=compare&view=timeline", NOW);
        assert_eq!(selection.view, View::Compare);
    }

    #[test]
    fn a_bad_first_occurrence_still_counts_as_the_occurrence() {
        let selection = Selection::from_query("view=nope&view=timeline", NOW);
        assert_eq!(selection.view, View::Overview);
    }

    #[test]
    fn unknown_parameters_are_ignored() {
        let selection = Selection::from_query("utm_source=x&view=sector&childId=pym1", NOW);
        assert_eq!(selection.view, View::Sector);
        assert_eq!(selection.to_query(), "?view=sector");
    }

    #[test]
    fn values_are_percent_decoded_and_trimmed() {
        assert_eq!(
            Selection::from_query("view=%74imeline", NOW).view,
            View::Timeline
        );
        assert_eq!(
            Selection::from_query("view=+compare+", NOW).view,
            View::Compare
        );
        assert_eq!(
            Selection::from_query("%76iew=compare", NOW).view,
            View::Compare
        );
    }

    #[test]
    fn malformed_escapes_decode_to_something_harmless() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%E2%82"), "\u{FFFD}");
        assert_eq!(percent_decode("a%2"), "a%2");
    }

    #[test]
    fn encoding_escapes_everything_but_unreserved_characters() {
        assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(percent_encode("a b&c"), "a%20b%26c");
        assert_eq!(
            percent_decode(&percent_encode("Астана & 阿斯塔纳")),
            "Астана & 阿斯塔纳"
        );
    }

    #[test]
    fn leaving_a_view_drops_the_parameters_that_belong_to_it() {
        let timeline = Selection::from_query("view=timeline&event=x-1&year=2000&lang=ru", NOW);
        let compare = timeline.with_view(View::Compare);
        assert_eq!(compare.event, None);
        assert_eq!(compare.year, Some(2000));
        assert_eq!(compare.lang, Some(Lang::Ru));
        assert_eq!(compare.to_query(), "?view=compare&year=2000&lang=ru");
    }

    #[test]
    fn a_link_keeps_the_readers_current_settings() {
        let link = Selection::from_query("view=compare&chart=x&theme=light", NOW);
        let current = Selection::from_query("view=timeline&theme=dark&lang=ru&embed=1", NOW);
        assert_eq!(
            link.with_settings_from(&current).to_query(),
            "?view=compare&chart=x&lang=ru&theme=dark&embed=1"
        );
    }

    #[test]
    fn choosing_a_sector_opens_the_sector_view() {
        let selection = Selection::default().with_sector(SectorId::parse("tourism"));
        assert_eq!(selection.to_query(), "?view=sector&sector=tourism");
    }

    #[test]
    fn several_sectors_are_read_from_a_comma_separated_list() {
        let selection = Selection::from_query("view=timeline&sector=trade,energy", NOW);
        assert_eq!(selection.sectors, vec![SectorId::Trade, SectorId::Energy]);
        assert_eq!(selection.to_query(), "?view=timeline&sector=trade,energy");
        assert_eq!(
            Selection::from_query("sector=trade%2Cenergy", NOW).sectors,
            vec![SectorId::Trade, SectorId::Energy]
        );
    }

    #[test]
    fn a_sector_list_drops_unknown_ids_and_duplicates_and_takes_the_canonical_order() {
        let selection = Selection::from_query("sector=tourism,space,trade,,tourism, energy", NOW);
        assert_eq!(
            selection.sectors,
            vec![SectorId::Trade, SectorId::Energy, SectorId::Tourism]
        );
        assert_eq!(selection.to_query(), "?sector=trade,energy,tourism");
        assert_eq!(
            Selection::from_query("sector=space,,moon", NOW).sectors,
            vec![]
        );
        assert_eq!(Selection::from_query("sector=,", NOW).to_query(), "");
    }

    #[test]
    fn the_sector_view_shows_the_first_chosen_sector() {
        let selection = Selection::from_query("view=sector&sector=energy,diplomacy", NOW);
        assert_eq!(selection.sector(), Some(SectorId::Diplomacy));
        assert_eq!(Selection::default().sector(), None);
        let one = selection.with_sector(Some(SectorId::Trade));
        assert_eq!(one.sectors, vec![SectorId::Trade]);
        assert_eq!(selection.with_sector(None).sectors, vec![]);
    }

    #[test]
    fn choosing_sectors_keeps_them_canonical() {
        let selection = Selection::default()
            .with_view(View::Timeline)
            .with_sectors(&[SectorId::Tourism, SectorId::Trade, SectorId::Tourism]);
        assert_eq!(selection.sectors, vec![SectorId::Trade, SectorId::Tourism]);
        assert_eq!(selection.to_query(), "?view=timeline&sector=trade,tourism");
        assert_eq!(selection.with_view(View::Overview).sectors, vec![]);
        assert_eq!(
            selection.with_view(View::Compare).sectors,
            vec![SectorId::Trade, SectorId::Tourism]
        );
    }

    #[test]
    fn a_story_step_round_trips_and_the_first_step_is_left_out() {
        let selection = Selection::from_query("view=story&step=7&lang=zh", NOW);
        assert_eq!(selection.view, View::Story);
        assert_eq!(selection.step, Some(7));
        assert_eq!(selection.to_query(), "?view=story&step=7&lang=zh");
        assert_eq!(Selection::from_query(&selection.to_query(), NOW), selection);
        assert_eq!(Selection::from_query("view=story&step=1", NOW).step, None);
        assert_eq!(
            Selection::from_query("view=story&step=1", NOW).to_query(),
            "?view=story"
        );
        assert_eq!(
            Selection::default().with_step(3).to_query(),
            "?view=story&step=3"
        );
        assert_eq!(Selection::default().with_step(1).to_query(), "?view=story");
    }

    #[test]
    fn a_bad_or_out_of_range_step_falls_back_to_the_first() {
        for bad in [
            "0",
            "-2",
            "02",
            "100",
            "3.5",
            "x",
            "",
            "%2B3",
            "999999999999",
        ] {
            let selection = Selection::from_query(&format!("view=story&step={bad}"), NOW);
            assert_eq!(selection.step, None, "{bad}");
            assert_eq!(selection.step_in(14), 1, "{bad}");
        }
        let far = Selection::from_query("view=story&step=20", NOW);
        assert_eq!(far.step, Some(20));
        assert_eq!(far.step_in(14), 1);
        assert_eq!(far.step_in(20), 20);
        assert_eq!(Selection::default().step_in(14), 1);
    }

    #[test]
    fn leaving_the_story_drops_its_step() {
        let story = Selection::from_query("view=story&step=4&theme=dark", NOW);
        assert_eq!(
            story.with_view(View::Timeline).to_query(),
            "?view=timeline&theme=dark"
        );
        assert_eq!(story.with_view(View::Story).step, Some(4));
    }

    #[test]
    fn the_browser_preference_picks_the_first_supported_language() {
        assert_eq!(Lang::from_preferences(["de-DE", "ru-RU", "en"]), Lang::Ru);
        assert_eq!(Lang::from_preferences(["zh-Hans-CN"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["KK"]), Lang::Kk);
        assert_eq!(Lang::from_preferences(["fr", ""]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }
}
