//! Interface strings (not content: content text lives in `public/data/text/<lang>.json`).
//!
//! Every string is a variant of [`Ui`] and every language is one exhaustive `match` over it
//! (`en.rs`, `zh.rs`, `ru.rs`, `kk.rs`), so a missing or misspelt key in any language is a compile
//! error. They are compiled in, not fetched: the loading and network-error messages must be in
//! the reader's language before any file arrives. `tests/translations.rs` checks that nothing
//! is left in English and that placeholders and plural forms match.

use crate::data::model::Confidence;
use crate::url::{Lang, Theme, View};

mod en;
mod kk;
mod ru;
mod zh;

/// Declares [`Ui`] and the list of all its variants (the translation test walks them).
macro_rules! interface_strings {
    ($($variant:ident,)*) => {
        /// One interface string.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Ui {
            $($variant,)*
        }

        impl Ui {
            /// Every interface string, in declaration order.
            pub const ALL: &'static [Ui] = &[$(Ui::$variant,)*];
        }
    };
}

interface_strings! {
    AppTitle,
    AppSubtitle,
    SkipToContent,
    MainNavigation,
    NavOverview,
    NavSectors,
    NavTimeline,
    NavCompare,
    NavStory,
    Theme,
    ThemeAuto,
    ThemeLight,
    ThemeDark,
    Loading,
    LoadFailedTitle,
    LoadFailedBody,
    LoadFailedDetails,
    Retry,
    PartLoadFailed,
    CrashedTitle,
    CrashedBody,
    CrashedReload,
    DataProblemsTitle,
    DataProblemsBody,
    FooterAbout,
    FooterAllSources,
    OpenFullExplainer,
    StoryTitle,
    StoryLede,
    StoryStepOf,
    StoryPrevious,
    StoryNext,
    StoryKeyboardHint,
    StorySteps,
    StoryTheNumber,
    StoryOpenEvent,
    StoryTimelineLabel,
    StoryStart,
    StoryStartLede,
    StoryEmpty,
    TimelineClusterTitle,
    TimelineClusterMore,
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
    ChartMeasure,
    MeasureAbsolute,
    MeasureIndexed,
    MeasureChange,
    ChartArrangement,
    ArrangeTogether,
    ArrangeMultiples,
    ChartYAxis,
    YAxisShared,
    YAxisIndependent,
    ChartLegend,
    ChartKeys,
    ChartTable,
    ChartDownloads,
    DownloadCsv,
    DownloadSvg,
    DownloadPng,
    ChartDerivedKey,
    ChartGapKey,
    ChartAllHidden,
    ChartUnknown,
    ChartYear,
    ChartClearYear,
    ChartDerived,
    ChartComputed,
    ChartCaveats,
    Sources,
    Source,
    Advertorial,
    NoFigure,
    SourceTypeOfficialStatistics,
    SourceTypeGovernment,
    SourceTypeNews,
    SourceTypeCompany,
    SourceTypeAcademic,
    SourceTypeReference,
    ConfidenceHigh,
    ConfidenceMedium,
    ConfidenceLow,
    DateUnknown,
    NoAddress,
    ReadVia,
    Publisher,
    Title,
    Published,
    SourceType,
    Confidence,
    DerivedFrom,
    CompetingFigures,
    EmbedSector,
    EmbedYear,
    EmbedChart,
    EmbedNone,
    EmbedFirstChart,
    SectorCharts,
    EmbedTitle,
    EmbedHelp,
    EmbedView,
    EmbedLanguage,
    EmbedReaderLanguage,
    EmbedCurrentState,
    EmbedPlain,
    EmbedWithScript,
    EmbedWithPym,
    EmbedCopy,
    EmbedCopied,
    OverviewTitle,
    OverviewHeadlines,
    SectorFigures,
    SectorCaveats,
    SectorEvents,
    SectorKeyEvents,
    SectorMoreFigures,
    SectorMoreCharts,
    SectorMoreCaveats,
    SectorMoreEvents,
    SettingsMenu,
    CompareChoices,
    NoValue,
    Period,
    DerivedNote,
    EraDiplomaticTies,
    EraTreaty,
    EraStrategic,
    EraComprehensive,
    EraPermanent,
    EraSharedFuture,
    TimelineEras,
    TimelineEraStarts,
    TimelineEra,
    TimelineFilter,
    TimelineAllSectors,
    TimelineJumpToYear,
    TimelineAllYears,
    TimelineZoomAndScrub,
    TimelineZoomIn,
    TimelineZoomOut,
    TimelineWholeSpan,
    TimelineYearsShown,
    TimelineScrub,
    TimelineEarlier,
    TimelineLater,
    TimelineKeyboardHint,
    TimelineToday,
    TimelineDetails,
    TimelineClose,
    TimelinePrevious,
    TimelineNext,
    TimelinePrecisionDay,
    TimelinePrecisionMonth,
    TimelinePrecisionYear,
    TimelinePrecisionRange,
    TimelinePlanned,
    TimelineSectors,
    TimelineRelatedFigures,
    TimelineNoRelatedFigures,
    TimelineEventUnknown,
    TimelineList,
    TimelineListPages,
    TimelineNoEvents,
    TimelineLegend,
    DataAsOfDate,
    FooterSourcesCountText,
    DateDisputed,
    DateDisputedBy,
    StalePlan,
    TimelineDisputed,
    TimelineUncovered,
    TimelineUncoveredLabel,
    TimelineUncoveredLegend,
    AsOfDate,
    TimelineShowingCount,
    TimelineFilteredTotal,
    TimelineEraLabel,
    TimelineClusterLabel,
    TimelineAxisLabel,
    TimelineEventsOfYear,
    TimelineTodayLabel,
    ChartNoteText,
    ChartSourcesText,
    ListSeparator,
    QualifierOver,
    QualifierNearly,
    QualifierAbout,
    Ordinal1,
    Ordinal2,
    Ordinal3,
    Ordinal4,
    Ordinal5,
    Ordinal6,
    Ordinal7,
    Ordinal8,
    Ordinal9,
    Ordinal10,
    UnitUsdBn,
    UnitUsdM,
    UnitTengeBn,
    UnitPercent,
    UnitMw,
    UnitGw,
    UnitGwhPerYear,
    UnitKwhMPerYear,
    UnitT,
    UnitKt,
    UnitMt,
    UnitMtPerYear,
    UnitBcmPerYear,
    UnitTCo2PerYear,
    UnitPeople,
    UnitPassengersPerDay,
    UnitTeu,
    UnitTrains,
    UnitKm,
    UnitMonths,
    AxisUsdBn,
    AxisUsdM,
    AxisTengeBn,
    AxisPercent,
    AxisPercentChange,
    AxisNumber,
    AxisMw,
    AxisGw,
    AxisGwhPerYear,
    AxisKwhMPerYear,
    AxisT,
    AxisKt,
    AxisMt,
    AxisMtPerYear,
    AxisBcmPerYear,
    AxisTCo2PerYear,
    AxisPeople,
    AxisPassengersPerDay,
    AxisTeu,
    AxisTrains,
    AxisKm,
    AxisMonths,
    AxisIndex,
    AxisChange,
    MonthJan,
    MonthFeb,
    MonthMar,
    MonthApr,
    MonthMay,
    MonthJun,
    MonthJul,
    MonthAug,
    MonthSep,
    MonthOct,
    MonthNov,
    MonthDec,
    PeriodHalf1,
    PeriodHalf2,
    PeriodQuarter,
    PeriodMonthsInYear,
    PeriodMonthsAcrossYears,
    MirrorPairTotal,
    MirrorPairCnToKz,
    MirrorPairKzToCn,
    MirrorKazakhstanHigher,
    DerivedValue,
    SeriesValue,
    PeriodSentence,
    SpanRange,
    DateRange,
    SummaryNone,
    SummaryAbsolute,
    SummaryIndexed,
    SummaryChange,
    SummaryNoValueInYear,
    SummaryNote,
    ChartNotes,
    SeriesFromTo,
    SeriesOneValue,
    ChartNoValueToShow,
    LanguageSwitcher,
    FetchNetworkError,
    FetchUnreadableBody,
    FetchNotData,
    FetchHttpStatus,
    FetchTimedOut,
    NavMap,
    MapTitle,
    MapLede,
    MapLabel,
    MapSummary,
    MapListTitle,
    MapSectorFilter,
    MapAllSectors,
    MapYearNote,
    MapAllYears,
    MapCredit,
    MapKindCrossing,
    MapKindPipeline,
    MapKindRail,
    MapKindPort,
    MapKindDryPort,
    MapKindSite,
    MapCoordinatesFrom,
    MapSince,
    MapSinceUnknown,
    MapSchematic,
    MapEvents,
    MapFigures,
    MapSources,
    MapClose,
    MapOnTheMap,
    MapShowOnMap,
    MapPlaceUnknown,
    MapOutlinesFailed,
    MapChina,
    MapKazakhstan,
}

impl Ui {
    /// The string in `lang`. A template's `{name}` placeholders are left as they are (see
    /// [`Ui::fill`]); a plural template's forms are separated by `|` (see [`Ui::count`]).
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => en::text(self),
            Lang::Zh => zh::text(self),
            Lang::Ru => ru::text(self),
            Lang::Kk => kk::text(self),
        }
    }

    /// The template in `lang` with each `{name}` replaced by its value.
    pub fn fill(self, lang: Lang, args: &[(&str, &str)]) -> String {
        fill(self.text(lang), args)
    }

    /// The plural template's form for `count` in `lang`, filled; `{count}` is `count_text`
    /// (the number as the locale spells it).
    pub fn count(self, lang: Lang, count: f64, count_text: &str, args: &[(&str, &str)]) -> String {
        let forms: Vec<&str> = self.text(lang).split('|').collect();
        let index = plural_form(lang, count).min(forms.len().saturating_sub(1));
        let template = forms.get(index).copied().unwrap_or_default();
        let mut all = vec![("count", count_text)];
        all.extend_from_slice(args);
        fill(template, &all)
    }
}

/// The name of a view in the navigation.
pub fn view_label(view: View) -> Ui {
    match view {
        View::Overview => Ui::NavOverview,
        View::Sector => Ui::NavSectors,
        View::Timeline => Ui::NavTimeline,
        View::Compare => Ui::NavCompare,
        View::Story => Ui::NavStory,
        View::Map => Ui::NavMap,
    }
}

/// The name of a theme.
pub fn theme_label(theme: Theme) -> Ui {
    match theme {
        Theme::Auto => Ui::ThemeAuto,
        Theme::Light => Ui::ThemeLight,
        Theme::Dark => Ui::ThemeDark,
    }
}

/// How far a source or an event can be trusted, in words.
pub fn confidence_label(confidence: Confidence) -> Ui {
    match confidence {
        Confidence::High => Ui::ConfidenceHigh,
        Confidence::Medium => Ui::ConfidenceMedium,
        Confidence::Low => Ui::ConfidenceLow,
    }
}

/// Which form of a plural template `count` takes: English one|other; Russian one|few|many
/// (fractions take the few form, "1,5 месяца"); Chinese and Kazakh nouns do not change after a
/// number, so their templates have one form.
pub fn plural_form(lang: Lang, count: f64) -> usize {
    let whole = count.fract() == 0.0;
    let n = count.abs();
    match lang {
        Lang::En => usize::from(!(whole && n == 1.0)),
        Lang::Ru => {
            if !whole {
                return 1;
            }
            let n = n as u64;
            match (n % 10, n % 100) {
                (1, rest) if rest != 11 => 0,
                (2..=4, rest) if !(12..=14).contains(&rest) => 1,
                _ => 2,
            }
        }
        Lang::Zh | Lang::Kk => 0,
    }
}

/// `template` with each `{name}` replaced by its value; an unknown placeholder stays visible
/// (a translation bug shows, rather than silently dropping text).
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_placeholders_and_keeps_unknown_ones_visible() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{a} {missing}", &[("a", "x")]), "x {missing}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("US${n} bn", &[("n", "4")]), "US$4 bn");
    }

    #[test]
    fn plural_forms_follow_each_language() {
        assert_eq!(plural_form(Lang::En, 1.0), 0);
        assert_eq!(plural_form(Lang::En, 2.0), 1);
        assert_eq!(plural_form(Lang::En, 1.5), 1);
        let ru: Vec<usize> = [1.0, 2.0, 5.0, 11.0, 21.0, 22.0, 25.0, 112.0, 1.5]
            .into_iter()
            .map(|n| plural_form(Lang::Ru, n))
            .collect();
        assert_eq!(ru, [0, 1, 2, 2, 0, 1, 2, 2, 1]);
        assert_eq!(plural_form(Lang::Zh, 5.0), 0);
        assert_eq!(plural_form(Lang::Kk, 5.0), 0);
    }

    #[test]
    fn count_picks_the_form_and_fills_the_number() {
        assert_eq!(
            Ui::TimelineEventsOfYear.count(Lang::En, 1.0, "1", &[("year", "2005")]),
            "Events of 2005 (1 event)"
        );
        assert_eq!(
            Ui::TimelineEventsOfYear.count(Lang::En, 3.0, "3", &[("year", "2005")]),
            "Events of 2005 (3 events)"
        );
    }
}
