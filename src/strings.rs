//! Interface strings (not content: content text lives in `public/data/text/<lang>.json`).
//!
//! Every string is a variant of [`Ui`], so a missing or misspelt key is a compile error. The
//! English texts are complete; the other languages are filled by the languages issue and fall
//! back to English until then.

use crate::url::Lang;

/// One interface string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ui {
    AppTitle,
    AppSubtitle,
    SkipToContent,
    MainNavigation,
    NavOverview,
    NavSectors,
    NavTimeline,
    NavCompare,
    Theme,
    ThemeAuto,
    ThemeLight,
    ThemeDark,
    Loading,
    LoadFailedTitle,
    LoadFailedBody,
    LoadFailedDetails,
    Retry,
    DataProblemsTitle,
    DataProblemsBody,
    FooterAbout,
    FooterDataAsOf,
    FooterSourcesCount,
    FooterAllSources,
    OpenFullExplainer,
    OverviewLede,
    OverviewSectors,
    OverviewLatest,
    SectorsTitle,
    SectorsLede,
    SectorUnknown,
    TimelineTitle,
    TimelineLede,
    CompareTitle,
    CompareLede,
    Sources,
    Source,
    Advertorial,
    NoFigure,
    OverviewTitle,
    OverviewHeadlines,
    SectorFigures,
    SectorCaveats,
    SectorEvents,
    CompareChoices,
    NoValue,
    Period,
    DerivedNote,
}

/// Whether the interface and content exist in `lang`. Until a language is translated the
/// reader gets English, and `<html lang>` says so, rather than English text labelled otherwise.
pub fn is_available(lang: Lang) -> bool {
    matches!(lang, Lang::En)
}

impl Ui {
    /// The string in `lang`, falling back to English.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En | Lang::Zh | Lang::Ru | Lang::Kk => self.en(),
        }
    }

    fn en(self) -> &'static str {
        match self {
            Ui::AppTitle => "China–Kazakhstan Explorer",
            Ui::AppSubtitle => "Relations since January 1992, with every number sourced",
            Ui::SkipToContent => "Skip to content",
            Ui::MainNavigation => "Views",
            Ui::NavOverview => "Overview",
            Ui::NavSectors => "Sectors",
            Ui::NavTimeline => "Timeline",
            Ui::NavCompare => "Compare",
            Ui::Theme => "Theme",
            Ui::ThemeAuto => "Automatic",
            Ui::ThemeLight => "Light",
            Ui::ThemeDark => "Dark",
            Ui::Loading => "Loading the data…",
            Ui::LoadFailedTitle => "The data could not be loaded",
            Ui::LoadFailedBody => "The explainer could not fetch or read its data. Check your connection and try again.",
            Ui::LoadFailedDetails => "What failed",
            Ui::Retry => "Try again",
            Ui::DataProblemsTitle => "Some data could not be shown",
            Ui::DataProblemsBody => "A few entries of the data are malformed and were left out; everything else is shown.",
            Ui::FooterAbout => "An open-source, independent explainer. Figures are shown as their sources state them; where the two countries' statistics differ, both are given.",
            Ui::FooterDataAsOf => "Data as of",
            Ui::FooterSourcesCount => "public sources",
            Ui::FooterAllSources => "All sources",
            Ui::OpenFullExplainer => "Open the full explainer",
            Ui::OverviewLede => "Since diplomatic ties began in January 1992, China and Kazakhstan have built one of Central Asia's closest partnerships: a long shared border, oil and gas pipelines, rail corridors to Europe, and trade that the two countries' own statistics measure very differently.",
            Ui::OverviewSectors => "Explore by sector",
            Ui::OverviewLatest => "Latest milestones",
            Ui::SectorsTitle => "Sectors",
            Ui::SectorsLede => "Eleven areas of the relationship, each with its figures, events and sources.",
            Ui::SectorUnknown => "This sector is not in the data.",
            Ui::TimelineTitle => "Timeline, 1992 to today",
            Ui::TimelineLede => "Every event in the data, oldest first, with its date as precisely as the sources give it.",
            Ui::CompareTitle => "Compare",
            Ui::CompareLede => "Numbers side by side, from both countries' sources.",
            Ui::Sources => "Sources",
            Ui::Source => "Source",
            Ui::Advertorial => "Advertorial",
            Ui::NoFigure => "No figure in the data",
            Ui::OverviewTitle => "China and Kazakhstan since 1992",
            Ui::OverviewHeadlines => "Headline figures",
            Ui::SectorFigures => "Key figures",
            Ui::SectorCaveats => "Where sources disagree",
            Ui::SectorEvents => "Events",
            Ui::CompareChoices => "Comparisons",
            Ui::NoValue => "no figure found",
            Ui::Period => "Period",
            Ui::DerivedNote => "* derived: computed from other published figures, not published as such. — no figure found for that period.",
        }
    }
}
