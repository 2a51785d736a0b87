//! The validated domain model: what the views read once the data has been checked.
//!
//! Every value here has passed the rules of `validate`: ids are well formed and unique, every
//! reference resolves, dates and periods are real calendar values, every number names a source
//! and every required English text exists. Views can rely on that and need no defensive checks.
//!
//! This module must never do I/O, read the clock, know about serde or JSON, or depend on the UI
//! framework; it is plain data plus lookups, and compiles natively and for wasm.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Closed vocabularies
// ---------------------------------------------------------------------------------------------

/// Declares an enum whose values are written as fixed strings in the JSON files.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order the format contract lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// What this vocabulary is called in messages.
            pub const KIND: &'static str = $kind;

            /// The form written in the JSON files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses the form written in the JSON files; anything else is `None`.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// All accepted forms, comma-separated, for messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// One of the eleven sectors the explainer is organised by.
    SectorId, "sector id" {
        /// Diplomatic relations, treaties, summits.
        Diplomacy = "diplomacy",
        /// Goods trade.
        Trade = "trade",
        /// Direct investment and finance.
        Investment = "investment",
        /// Oil, gas, power, renewables.
        Energy = "energy",
        /// Rail, road, ports, transit corridors.
        Transport = "transport",
        /// Housing and urban development.
        Urban = "urban",
        /// Agriculture and food.
        Agriculture = "agriculture",
        /// Medicine and health.
        Medicine = "medicine",
        /// Tourism and visitors.
        Tourism = "tourism",
        /// Education, students, language centres.
        Education = "education",
        /// Provinces, regions and sister cities.
        Subnational = "subnational",
    }
}

string_enum! {
    /// The unit of a figure or series; the app formats each per language.
    Unit, "unit" {
        /// US dollars, billions (nominal, as reported).
        UsdBn = "usd-bn",
        /// US dollars, millions (nominal, as reported).
        UsdM = "usd-m",
        /// A share, in percent.
        Percent = "percent",
        /// A change against the previous period, in percent; the only unit that may be negative.
        PercentChange = "percent-change",
        /// A count of things; what is counted is said by the figure's label.
        Count = "count",
        /// Installed capacity, megawatts.
        Mw = "mw",
        /// Installed capacity, gigawatts.
        Gw = "gw",
        /// Electricity per year, gigawatt-hours.
        GwhPerYear = "gwh-per-year",
        /// Electricity per year, millions of kilowatt-hours.
        KwhMPerYear = "kwh-m-per-year",
        /// Tonnes.
        T = "t",
        /// Thousand tonnes.
        Kt = "kt",
        /// Million tonnes.
        Mt = "mt",
        /// Pipeline throughput or capacity, million tonnes per year.
        MtPerYear = "mt-per-year",
        /// Pipeline throughput or capacity, billion cubic metres per year.
        BcmPerYear = "bcm-per-year",
        /// Tonnes of CO₂ avoided per year.
        TCo2PerYear = "t-co2-per-year",
        /// People.
        People = "people",
        /// Passengers per day.
        PassengersPerDay = "passengers-per-day",
        /// Twenty-foot equivalent units (containers).
        Teu = "teu",
        /// Trains.
        Trains = "trains",
        /// Kilometres.
        Km = "km",
        /// Months.
        Months = "months",
        /// Kazakhstani tenge, billions.
        TengeBn = "tenge-bn",
        /// The figure is a date; its `date` field holds it.
        Date = "date",
        /// "First", "second", "third": the value is 1, 2, 3.
        Ordinal = "ordinal",
        /// A non-numeric claim; the text carries it and there is no value.
        Wording = "wording",
    }
}

impl Unit {
    /// Whether a figure in this unit carries a numeric `value`.
    pub fn is_numeric(self) -> bool {
        !matches!(self, Unit::Date | Unit::Wording)
    }

    /// Whether a value in this unit may be negative: only a change can be.
    pub fn allows_negative(self) -> bool {
        self == Unit::PercentChange
    }
}

string_enum! {
    /// How the source worded a number.
    Qualifier, "qualifier" {
        /// Stated as an exact figure.
        Exact = "exact",
        /// "Over", "more than", "exceeded", ">".
        Over = "over",
        /// "Nearly", "almost".
        Nearly = "nearly",
        /// "About", "~", "some".
        About = "about",
    }
}

string_enum! {
    /// How far a fact can be trusted.
    Confidence, "confidence" {
        /// Official statistics or two or more agreeing independent sources.
        High = "high",
        /// One reputable outlet.
        Medium = "medium",
        /// A weak site, a mirror of unknown fidelity, or a single promotional source.
        Low = "low",
    }
}

string_enum! {
    /// What kind of publication a source is.
    SourceType, "source type" {
        /// A statistics office or customs administration.
        OfficialStatistics = "official-statistics",
        /// A government or ministry statement.
        Government = "government",
        /// A news outlet.
        News = "news",
        /// A company's own publication.
        Company = "company",
        /// Academic work.
        Academic = "academic",
        /// Paid or promotional content.
        Advertorial = "advertorial",
        /// An encyclopaedia or other reference work.
        Reference = "reference",
    }
}

string_enum! {
    /// Which country's statistics a trade series reports.
    Reporter, "reporter" {
        /// China's customs (GACC) or ministries.
        China = "china",
        /// Kazakhstan's statistics bureau or ministries.
        Kazakhstan = "kazakhstan",
    }
}

string_enum! {
    /// Direction of a trade flow.
    Flow, "flow" {
        /// Both directions together.
        Total = "total",
        /// China's exports to Kazakhstan (Kazakhstan's imports from China).
        CnToKz = "cn-to-kz",
        /// Kazakhstan's exports to China (China's imports from Kazakhstan).
        KzToCn = "kz-to-cn",
    }
}

string_enum! {
    /// How a comparison is drawn.
    Mark, "mark" {
        /// Lines over time.
        Line = "line",
        /// Bars.
        Bar = "bar",
        /// Bars grouped per period, one per series.
        GroupedBar = "grouped-bar",
    }
}

string_enum! {
    /// Whether an event has happened.
    Status, "status" {
        /// It happened.
        Happened = "happened",
        /// Announced, not confirmed to have happened.
        Planned = "planned",
    }
}

string_enum! {
    /// Whether the China Daily advertorial of 2025-09-10 states the fact.
    InAdvertorial, "in_advertorial value" {
        /// It does.
        Yes = "yes",
        /// It does not.
        No = "no",
        /// In part.
        Partly = "partly",
    }
}

// ---------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------

/// Whether `text` is a well-formed id: kebab-case ASCII, `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Declares a newtype for the ids of one file, so an event id cannot be passed for a figure id.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Accepts a well-formed id (see [`is_valid_id`]); `None` otherwise. Whether the id
            /// exists in the data is a question for the [`Dataset`].
            pub fn parse(text: &str) -> Option<Self> {
                is_valid_id(text).then(|| $name(text.to_owned()))
            }

            /// The id as written in the files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Lets maps keyed by the id be queried with a plain `&str`.
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type! {
    /// The id of a source in `sources.json`.
    SourceId
}
id_type! {
    /// The id of an event in `events.json`.
    EventId
}
id_type! {
    /// The id of a figure in `figures.json`.
    FigureId
}
id_type! {
    /// The id of a series in `series.json`.
    SeriesId
}
id_type! {
    /// The id of a comparison in `comparisons.json`.
    ComparisonId
}
id_type! {
    /// The id of a caveat in `caveats.json`.
    CaveatId
}

// ---------------------------------------------------------------------------------------------
// Dates and periods
// ---------------------------------------------------------------------------------------------

/// The first year any date may fall in: relations began in January 1992.
pub const FIRST_YEAR: u16 = 1992;

/// How precisely a [`Date`] is known; the written form *is* the precision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    /// `YYYY`.
    Year,
    /// `YYYY-MM`.
    Month,
    /// `YYYY-MM-DD`.
    Day,
}

/// A calendar date known to a year, a month or a day.
///
/// Ordering is chronological by first day, and a coarser date sorts before a finer one that
/// starts on the same day (`1992` < `1992-01` < `1992-01-03`). Build dates with [`Date::parse`]
/// or the constructors, which refuse days that do not exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    /// The year, e.g. 1992.
    pub year: u16,
    /// The month 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only together with a month).
    pub day: Option<u8>,
}

/// Why a text is not a date or a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (or the period forms).
    Form,
    /// A month outside 1–12.
    Month(u32),
    /// A day the month does not have.
    Day {
        /// The year and month.
        month: Date,
        /// The day that does not exist.
        day: u32,
        /// How many days the month has.
        days: u8,
    },
    /// A quarter outside 1–4.
    Quarter(u32),
    /// A half outside 1–2.
    Half(u32),
    /// A month range that ends before it starts.
    Backwards,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Form => f.write_str("the form is not recognised"),
            DateError::Month(m) => write!(f, "there is no month {m}"),
            DateError::Day { month, day, days } => {
                write!(f, "{month} has {days} days, so there is no day {day}")
            }
            DateError::Quarter(q) => write!(f, "there is no quarter {q}"),
            DateError::Half(h) => write!(f, "there is no half {h}"),
            DateError::Backwards => f.write_str("the range ends before it starts"),
        }
    }
}

/// Whether `year` is a leap year in the Gregorian calendar.
pub fn is_leap_year(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days of a month (0 for a month outside 1–12).
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The English name of a month 1–12, for messages; `"?"` otherwise.
pub fn month_name(month: u8) -> &'static str {
    usize::from(month)
        .checked_sub(1)
        .and_then(|i| MONTH_NAMES.get(i))
        .copied()
        .unwrap_or("?")
}

/// Parses exactly `n` ASCII digits.
fn digits(text: &str, n: usize) -> Option<u32> {
    if text.len() != n || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl Date {
    /// A date known to the year.
    pub fn from_year(year: u16) -> Self {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    /// A date known to the month; `None` for a month outside 1–12.
    pub fn from_month(year: u16, month: u8) -> Option<Self> {
        (1..=12).contains(&month).then_some(Date {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// A date known to the day; `None` for a day that does not exist.
    pub fn from_ymd(year: u16, month: u8, day: u8) -> Option<Self> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|y| digits(y, 4))
            .ok_or(DateError::Form)?;
        let year = u16::try_from(year).map_err(|_| DateError::Form)?;
        let month = match parts.next() {
            None => return Ok(Date::from_year(year)),
            Some(m) => digits(m, 2).ok_or(DateError::Form)?,
        };
        let month = u8::try_from(month)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or(DateError::Month(month))?;
        let day = match parts.next() {
            None => return Date::from_month(year, month).ok_or(DateError::Month(month.into())),
            Some(d) => digits(d, 2).ok_or(DateError::Form)?,
        };
        if parts.next().is_some() {
            return Err(DateError::Form);
        }
        let days = days_in_month(year, month);
        u8::try_from(day)
            .ok()
            .and_then(|d| Date::from_ymd(year, month, d))
            .ok_or(DateError::Day {
                month: Date {
                    year,
                    month: Some(month),
                    day: None,
                },
                day,
                days,
            })
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day the date can mean (`1992-05` → `1992-05-01`).
    pub fn first_day(&self) -> Date {
        let month = self.month.unwrap_or(1);
        Date {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or(1)),
        }
    }

    /// The last day the date can mean (`1992-02` → `1992-02-29`).
    pub fn last_day(&self) -> Date {
        let month = self.month.unwrap_or(12);
        Date {
            year: self.year,
            month: Some(month),
            day: Some(self.day.unwrap_or_else(|| days_in_month(self.year, month))),
        }
    }

    /// Whether every day this date can mean lies after every day `other` can mean.
    pub fn is_after(&self, other: &Date) -> bool {
        self.first_day() > other.last_day()
    }

    /// Whether every day this date can mean lies before every day `other` can mean.
    pub fn is_before(&self, other: &Date) -> bool {
        self.last_day() < other.first_day()
    }

    /// English wording for messages: `1992`, `January 1992`, `3 January 1992`.
    pub fn to_english(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            _ => self.year.to_string(),
        }
    }
}

impl fmt::Display for Date {
    /// The form written in the files: `1992`, `1992-01`, `1992-01-03`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// An event's date, possibly spanning several days (`1992-02-24` → `1992-02-28`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateRange {
    /// The (first) date.
    pub start: Date,
    /// The last date, for an event spanning a range.
    pub end: Option<Date>,
}

impl DateRange {
    /// The first day the range can mean.
    pub fn first_day(&self) -> Date {
        self.start.first_day()
    }

    /// The last day the range can mean.
    pub fn last_day(&self) -> Date {
        self.end.unwrap_or(self.start).last_day()
    }

    /// Whether any day of the range falls in `year`.
    pub fn touches_year(&self, year: u16) -> bool {
        self.first_day().year <= year && year <= self.last_day().year
    }
}

/// What kind of span a [`Period`] is; a series uses one kind throughout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeriodKind {
    /// A calendar year.
    Year,
    /// A half year.
    Half,
    /// A quarter.
    Quarter,
    /// A run of months.
    Months,
}

impl PeriodKind {
    /// English wording for messages.
    pub fn describe(self) -> &'static str {
        match self {
            PeriodKind::Year => "a year (YYYY)",
            PeriodKind::Half => "a half year (YYYY-H1)",
            PeriodKind::Quarter => "a quarter (YYYY-Q1)",
            PeriodKind::Months => "a run of months (YYYY-MM/YYYY-MM)",
        }
    }
}

/// What a number covers: a year, a half, a quarter or a run of months.
///
/// Ordered chronologically (by first day, then last day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// `YYYY`.
    Year(u16),
    /// `YYYY-H1` or `YYYY-H2`.
    Half {
        /// The year.
        year: u16,
        /// 1 or 2.
        half: u8,
    },
    /// `YYYY-Q1` … `YYYY-Q4`.
    Quarter {
        /// The year.
        year: u16,
        /// 1 to 4.
        quarter: u8,
    },
    /// `YYYY-MM/YYYY-MM`, both ends included (`2023-01/2023-09` is nine months).
    Months {
        /// The first month (month precision).
        from: Date,
        /// The last month (month precision), not before `from`.
        to: Date,
    },
}

impl Period {
    /// Parses `YYYY`, `YYYY-H1`, `YYYY-Q3` or `YYYY-MM/YYYY-MM`.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        if let Some((from, to)) = text.split_once('/') {
            let from = Date::parse(from)?;
            let to = Date::parse(to)?;
            if from.precision() != Precision::Month || to.precision() != Precision::Month {
                return Err(DateError::Form);
            }
            if to < from {
                return Err(DateError::Backwards);
            }
            return Ok(Period::Months { from, to });
        }
        let (year, rest) = match text.split_once('-') {
            Some((year, rest)) => (year, Some(rest)),
            None => (text, None),
        };
        let year = digits(year, 4)
            .and_then(|y| u16::try_from(y).ok())
            .ok_or(DateError::Form)?;
        let Some(rest) = rest else {
            return Ok(Period::Year(year));
        };
        let number = |prefix: char| {
            rest.strip_prefix(prefix)
                .and_then(|n| digits(n, 1))
                .ok_or(DateError::Form)
        };
        if rest.starts_with('H') {
            let half = number('H')?;
            match u8::try_from(half) {
                Ok(half @ 1..=2) => Ok(Period::Half { year, half }),
                _ => Err(DateError::Half(half)),
            }
        } else if rest.starts_with('Q') {
            let quarter = number('Q')?;
            match u8::try_from(quarter) {
                Ok(quarter @ 1..=4) => Ok(Period::Quarter { year, quarter }),
                _ => Err(DateError::Quarter(quarter)),
            }
        } else {
            Err(DateError::Form)
        }
    }

    /// The kind of span.
    pub fn kind(&self) -> PeriodKind {
        match self {
            Period::Year(_) => PeriodKind::Year,
            Period::Half { .. } => PeriodKind::Half,
            Period::Quarter { .. } => PeriodKind::Quarter,
            Period::Months { .. } => PeriodKind::Months,
        }
    }

    /// The first and last month covered, as (year, month) pairs.
    fn month_span(&self) -> ((u16, u8), (u16, u8)) {
        match *self {
            Period::Year(y) => ((y, 1), (y, 12)),
            Period::Half { year, half } => {
                let first = half.saturating_sub(1) * 6 + 1;
                ((year, first), (year, first + 5))
            }
            Period::Quarter { year, quarter } => {
                let first = quarter.saturating_sub(1) * 3 + 1;
                ((year, first), (year, first + 2))
            }
            Period::Months { from, to } => (
                (from.year, from.month.unwrap_or(1)),
                (to.year, to.month.unwrap_or(12)),
            ),
        }
    }

    /// The first day covered.
    pub fn first_day(&self) -> Date {
        let ((year, month), _) = self.month_span();
        Date {
            year,
            month: Some(month),
            day: Some(1),
        }
    }

    /// The last day covered.
    pub fn last_day(&self) -> Date {
        let (_, (year, month)) = self.month_span();
        Date {
            year,
            month: Some(month),
            day: Some(days_in_month(year, month)),
        }
    }

    /// The year the period starts in (for placing it on a time axis).
    pub fn year(&self) -> u16 {
        self.first_day().year
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> Ordering {
        // Within one kind, first and last day identify a period, so this order agrees with `==`.
        (self.first_day(), self.last_day(), self.kind()).cmp(&(
            other.first_day(),
            other.last_day(),
            other.kind(),
        ))
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Period {
    /// The form written in the files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Period::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Period::Months { from, to } => write!(f, "{from}/{to}"),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Items
// ---------------------------------------------------------------------------------------------

/// The text key `<kind>.<id>.<field>` used in `text/<lang>.json`.
pub fn text_key(kind: &str, id: &str, field: &str) -> String {
    format!("{kind}.{id}.{field}")
}

/// A cited public source.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// Its id.
    pub id: SourceId,
    /// The original outlet.
    pub publisher: String,
    /// The page's title in its original form, or a plain description.
    pub title: String,
    /// An `http://` or `https://` address, when known.
    pub url: Option<String>,
    /// The publication date, as precise as known.
    pub date: Option<Date>,
    /// The kind of publication.
    pub source_type: SourceType,
    /// ISO 639-1 code of the page's language.
    pub language: String,
    /// How far the source can be trusted.
    pub confidence: Confidence,
    /// The mirror or aggregator the page was read through, when not the original outlet.
    pub via: Option<String>,
}

/// A sector, in display order.
#[derive(Clone, Debug, PartialEq)]
pub struct Sector {
    /// Which sector.
    pub id: SectorId,
    /// The fact base's tags this sector gathers.
    pub factbase_tags: Vec<String>,
    /// Headline figures; the first is shown on the sector's card.
    pub key_figures: Vec<FigureId>,
}

impl Sector {
    /// Text key of the sector's name.
    pub fn name_key(&self) -> String {
        text_key("sector", self.id.as_str(), "name")
    }
    /// Text key of the sector's summary.
    pub fn summary_key(&self) -> String {
        text_key("sector", self.id.as_str(), "summary")
    }
}

/// A timeline event.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Its id.
    pub id: EventId,
    /// When it happened (or is planned), possibly a range.
    pub when: DateRange,
    /// Whether it happened or is only announced.
    pub status: Status,
    /// The event's main sector (the first listed).
    pub main_sector: SectorId,
    /// All its sectors, the main one first.
    pub sectors: Vec<SectorId>,
    /// The sources stating it (at least one).
    pub sources: Vec<SourceId>,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// Whether the China Daily advertorial states it.
    pub in_advertorial: InAdvertorial,
    /// The row of the fact base's timeline it comes from.
    pub factbase_row: u32,
}

impl Event {
    /// Text key of the title.
    pub fn title_key(&self) -> String {
        text_key("event", self.id.as_str(), "title")
    }
    /// Text key of the summary.
    pub fn summary_key(&self) -> String {
        text_key("event", self.id.as_str(), "summary")
    }
    /// Text key of the optional note on disputed dates.
    pub fn date_note_key(&self) -> String {
        text_key("event", self.id.as_str(), "date_note")
    }
    /// Whether the event is filed under `sector` (as main sector or otherwise).
    pub fn is_in(&self, sector: SectorId) -> bool {
        self.sectors.contains(&sector)
    }
}

/// What a figure states.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A finite number in the figure's unit (units other than `date` and `wording`).
    Number(f64),
    /// The figure is a date (unit `date`).
    Date(Date),
    /// A non-numeric claim carried by the text (unit `wording`).
    Wording,
}

/// How a derived number was computed.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived<Id> {
    /// The arithmetic, e.g. `21.79 − 14.0`.
    pub formula: String,
    /// What it was computed from (figures for a figure, series for a series point).
    pub from: Vec<Id>,
}

/// A single number with its source.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// Its id.
    pub id: FigureId,
    /// Sectors it belongs to (at least one).
    pub sectors: Vec<SectorId>,
    /// What it states.
    pub amount: Amount,
    /// Its unit.
    pub unit: Unit,
    /// How the source worded it.
    pub qualifier: Qualifier,
    /// What the number covers, when it is a flow.
    pub period: Option<Period>,
    /// The date a stock or cumulative number was stated for.
    pub as_of: Option<Date>,
    /// The source stating it.
    pub source: SourceId,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// The numbered items of the advertorial checklist it covers.
    pub advertorial_items: Vec<u32>,
    /// Figures stating the same quantity differently.
    pub competing: Vec<FigureId>,
    /// How it was computed, when it was.
    pub derived: Option<Derived<FigureId>>,
}

impl Figure {
    /// The numeric value, for units that have one.
    pub fn value(&self) -> Option<f64> {
        match self.amount {
            Amount::Number(v) => Some(v),
            _ => None,
        }
    }
    /// Text key of the label (what is counted).
    pub fn label_key(&self) -> String {
        text_key("figure", self.id.as_str(), "label")
    }
    /// Text key of the optional note.
    pub fn note_key(&self) -> String {
        text_key("figure", self.id.as_str(), "note")
    }
}

/// One value of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    /// What the value covers.
    pub period: Period,
    /// The value, finite, as the sources state it.
    pub value: f64,
    /// How the sources worded it.
    pub qualifier: Qualifier,
    /// Sources of the value (at least one; for a derived value, of its inputs).
    pub sources: Vec<SourceId>,
    /// How far it can be trusted.
    pub confidence: Confidence,
    /// How it was computed, when it was.
    pub derived: Option<Derived<SeriesId>>,
}

/// Values over time, in one unit and one kind of period, in chronological order.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its id.
    pub id: SeriesId,
    /// The sector it belongs to.
    pub sector: SectorId,
    /// The unit of every point.
    pub unit: Unit,
    /// Whose statistics, for trade series.
    pub reporter: Option<Reporter>,
    /// Which direction, for trade series.
    pub flow: Option<Flow>,
    /// The points, chronological, one per period; missing periods are simply absent.
    pub points: Vec<Point>,
}

impl Series {
    /// Text key of the name.
    pub fn name_key(&self) -> String {
        text_key("series", self.id.as_str(), "name")
    }
    /// Text key of the optional note on one point.
    pub fn point_note_key(&self, period: &Period) -> String {
        text_key("series", self.id.as_str(), &format!("point.{period}.note"))
    }
    /// The kind of period its points use (`None` when it has no points).
    pub fn period_kind(&self) -> Option<PeriodKind> {
        self.points.first().map(|p| p.period.kind())
    }
    /// The point for a period.
    pub fn point(&self, period: &Period) -> Option<&Point> {
        self.points.iter().find(|p| p.period == *period)
    }
}

/// Which series are compared, and how.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Its id.
    pub id: ComparisonId,
    /// Sectors it belongs to.
    pub sectors: Vec<SectorId>,
    /// How it is drawn.
    pub mark: Mark,
    /// The series compared, in drawing order.
    pub series: Vec<SeriesId>,
}

impl Comparison {
    /// Text key of the title.
    pub fn title_key(&self) -> String {
        text_key("comparison", self.id.as_str(), "title")
    }
    /// Text key of the subtitle.
    pub fn subtitle_key(&self) -> String {
        text_key("comparison", self.id.as_str(), "subtitle")
    }
    /// Text key of the definition of what is compared.
    pub fn definition_key(&self) -> String {
        text_key("comparison", self.id.as_str(), "definition")
    }
}

/// What a caveat qualifies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AppliesTo {
    /// Figures.
    pub figures: Vec<FigureId>,
    /// Series.
    pub series: Vec<SeriesId>,
    /// Events.
    pub events: Vec<EventId>,
    /// Comparisons.
    pub comparisons: Vec<ComparisonId>,
}

/// A contested point, attached to what it qualifies.
#[derive(Clone, Debug, PartialEq)]
pub struct Caveat {
    /// Its id.
    pub id: CaveatId,
    /// Sectors it belongs to.
    pub sectors: Vec<SectorId>,
    /// What it qualifies.
    pub applies_to: AppliesTo,
    /// Sources it draws on.
    pub sources: Vec<SourceId>,
}

impl Caveat {
    /// Text key of the title.
    pub fn title_key(&self) -> String {
        text_key("caveat", self.id.as_str(), "title")
    }
    /// Text key of the body.
    pub fn body_key(&self) -> String {
        text_key("caveat", self.id.as_str(), "body")
    }
}

// ---------------------------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------------------------

/// A text looked up with its language, so a view can mark an English fallback.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// The language it is in.
    pub lang: &'a str,
    /// Whether it is the English fallback for a text missing in the chosen language.
    pub fallback: bool,
}

/// The prose of every loaded language, keyed by text key. The base language (English, or the
/// only language loaded) has every text; the others fall back to it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Texts {
    /// The base language and its texts.
    base: (String, BTreeMap<String, String>),
    /// Other languages, in the order they were given.
    others: Vec<(String, BTreeMap<String, String>)>,
    /// The chosen language (the base or one of `others`).
    lang: String,
}

impl Texts {
    /// Builds texts from the base language and other languages; the chosen language is the first
    /// other language, or the base when there is none.
    pub fn new(
        base: (String, BTreeMap<String, String>),
        others: Vec<(String, BTreeMap<String, String>)>,
    ) -> Self {
        let lang = others
            .first()
            .map(|(lang, _)| lang.clone())
            .unwrap_or_else(|| base.0.clone());
        Texts { base, others, lang }
    }

    /// The chosen language.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The base language.
    pub fn base_lang(&self) -> &str {
        &self.base.0
    }

    /// Chooses a loaded language; returns `false` (and keeps the choice) if it is not loaded.
    pub fn set_lang(&mut self, lang: &str) -> bool {
        if lang == self.base.0 || self.others.iter().any(|(l, _)| l == lang) {
            self.lang = lang.to_owned();
            true
        } else {
            false
        }
    }

    /// The loaded languages, the base first.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once(self.base.0.as_str())
            .chain(self.others.iter().map(|(l, _)| l.as_str()))
            .collect()
    }

    /// A text in the chosen language, falling back to the base.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.lookup(key).map(|t| t.text)
    }

    /// A text in the chosen language, falling back to the base, saying which it is.
    pub fn lookup(&self, key: &str) -> Option<Text<'_>> {
        self.lookup_in(&self.lang, key)
    }

    /// A text in `lang`, falling back to the base, saying which it is.
    pub fn lookup_in<'a>(&'a self, lang: &str, key: &str) -> Option<Text<'a>> {
        let own = self
            .others
            .iter()
            .find(|(l, _)| l == lang)
            .and_then(|(l, map)| map.get(key).map(|t| (l.as_str(), t.as_str())));
        match own {
            Some((lang, text)) => Some(Text {
                text,
                lang,
                fallback: false,
            }),
            None => self.base.1.get(key).map(|text| Text {
                text,
                lang: self.base.0.as_str(),
                fallback: lang != self.base.0,
            }),
        }
    }

    /// How many base texts the chosen language lacks (each falls back to the base).
    pub fn fallbacks(&self) -> usize {
        let Some((_, own)) = self.others.iter().find(|(l, _)| *l == self.lang) else {
            return 0;
        };
        self.base
            .1
            .keys()
            .filter(|key| !own.contains_key(*key))
            .count()
    }

    /// Marks every fallback text visibly ("⟦en⟧ …") in the chosen language, for editors
    /// previewing an incomplete translation; readers get the fallback silently.
    pub fn mark_fallbacks(&mut self) {
        let base_lang = self.base.0.clone();
        let base = &self.base.1;
        if let Some((_, own)) = self.others.iter_mut().find(|(l, _)| *l == self.lang) {
            for (key, text) in base {
                own.entry(key.clone())
                    .or_insert_with(|| format!("⟦{base_lang}⟧ {text}"));
            }
        }
    }

    /// The base language's text of a key, without fallback logic.
    pub fn base_text(&self, key: &str) -> Option<&str> {
        self.base.1.get(key).map(String::as_str)
    }
}

// ---------------------------------------------------------------------------------------------
// Dataset
// ---------------------------------------------------------------------------------------------

/// Everything the explainer shows, validated, with lookups for the views.
///
/// Built by [`crate::data::build_dataset`]. Events are in chronological order; sectors in display
/// order; everything else in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    as_of: Option<Date>,
    sources: Vec<Source>,
    sectors: Vec<Sector>,
    events: Vec<Event>,
    figures: Vec<Figure>,
    series: Vec<Series>,
    comparisons: Vec<Comparison>,
    caveats: Vec<Caveat>,
    texts: Texts,
    index: Index,
}

/// Positions of items by id.
#[derive(Clone, Debug, Default, PartialEq)]
struct Index {
    sources: BTreeMap<SourceId, usize>,
    events: BTreeMap<EventId, usize>,
    figures: BTreeMap<FigureId, usize>,
    series: BTreeMap<SeriesId, usize>,
    comparisons: BTreeMap<ComparisonId, usize>,
    caveats: BTreeMap<CaveatId, usize>,
}

/// Maps each item's id to its position; the first of equal ids wins (validation already
/// removed duplicates).
fn positions<T, K: Ord + Clone>(items: &[T], id: impl Fn(&T) -> &K) -> BTreeMap<K, usize> {
    let mut map = BTreeMap::new();
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item).clone()).or_insert(i);
    }
    map
}

/// The parts a dataset is assembled from (by the validator).
#[derive(Clone, Debug, Default)]
pub struct Parts {
    /// The date of the newest fact, when valid.
    pub as_of: Option<Date>,
    /// Sources.
    pub sources: Vec<Source>,
    /// Sectors in display order.
    pub sectors: Vec<Sector>,
    /// Events (sorted on assembly).
    pub events: Vec<Event>,
    /// Figures.
    pub figures: Vec<Figure>,
    /// Series.
    pub series: Vec<Series>,
    /// Comparisons.
    pub comparisons: Vec<Comparison>,
    /// Caveats.
    pub caveats: Vec<Caveat>,
    /// Texts.
    pub texts: Texts,
}

impl Dataset {
    /// Assembles a dataset, sorting events chronologically (ties by fact-base row, then id) and
    /// indexing ids. It does not validate; use [`crate::data::build_dataset`].
    pub fn from_parts(parts: Parts) -> Self {
        let mut events = parts.events;
        events.sort_by(|a, b| {
            (a.when.first_day(), a.when.start, a.factbase_row, &a.id).cmp(&(
                b.when.first_day(),
                b.when.start,
                b.factbase_row,
                &b.id,
            ))
        });
        let index = Index {
            sources: positions(&parts.sources, |s| &s.id),
            events: positions(&events, |e| &e.id),
            figures: positions(&parts.figures, |f| &f.id),
            series: positions(&parts.series, |s| &s.id),
            comparisons: positions(&parts.comparisons, |c| &c.id),
            caveats: positions(&parts.caveats, |c| &c.id),
        };
        Dataset {
            as_of: parts.as_of,
            sources: parts.sources,
            sectors: parts.sectors,
            events,
            figures: parts.figures,
            series: parts.series,
            comparisons: parts.comparisons,
            caveats: parts.caveats,
            texts: parts.texts,
            index,
        }
    }

    /// The date of the newest fact in the data (`None` if `sectors.json` had no valid `as_of`).
    pub fn as_of(&self) -> Option<Date> {
        self.as_of
    }

    /// All sources, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }
    /// A source by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.index
            .sources
            .get(id)
            .and_then(|i| self.sources.get(*i))
    }

    /// The sectors, in display order.
    pub fn sectors(&self) -> &[Sector] {
        &self.sectors
    }
    /// A sector.
    pub fn sector(&self, id: SectorId) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id == id)
    }
    /// A sector's key figures, in order (the first is the card's number).
    pub fn key_figures(&self, id: SectorId) -> Vec<&Figure> {
        self.sector(id)
            .map(|s| {
                s.key_figures
                    .iter()
                    .filter_map(|f| self.figure(f.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All events, chronologically.
    pub fn events(&self) -> &[Event] {
        &self.events
    }
    /// An event by id.
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.index.events.get(id).and_then(|i| self.events.get(*i))
    }
    /// The events filed under a sector (main or not), chronologically.
    pub fn events_in(&self, sector: SectorId) -> impl Iterator<Item = &Event> + '_ {
        self.events.iter().filter(move |e| e.is_in(sector))
    }

    /// All figures, in file order.
    pub fn figures(&self) -> &[Figure] {
        &self.figures
    }
    /// A figure by id.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.index
            .figures
            .get(id)
            .and_then(|i| self.figures.get(*i))
    }
    /// The figures of a sector, in file order.
    pub fn figures_in(&self, sector: SectorId) -> impl Iterator<Item = &Figure> + '_ {
        self.figures
            .iter()
            .filter(move |f| f.sectors.contains(&sector))
    }
    /// The figures stating the same quantity differently.
    pub fn competing(&self, id: &str) -> Vec<&Figure> {
        self.figure(id)
            .map(|f| {
                f.competing
                    .iter()
                    .filter_map(|c| self.figure(c.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All series, in file order.
    pub fn all_series(&self) -> &[Series] {
        &self.series
    }
    /// A series by id.
    pub fn series(&self, id: &str) -> Option<&Series> {
        self.index.series.get(id).and_then(|i| self.series.get(*i))
    }
    /// The series of a sector, in file order.
    pub fn series_in(&self, sector: SectorId) -> impl Iterator<Item = &Series> + '_ {
        self.series.iter().filter(move |s| s.sector == sector)
    }

    /// All comparisons, in file order.
    pub fn comparisons(&self) -> &[Comparison] {
        &self.comparisons
    }
    /// A comparison by id.
    pub fn comparison(&self, id: &str) -> Option<&Comparison> {
        self.index
            .comparisons
            .get(id)
            .and_then(|i| self.comparisons.get(*i))
    }
    /// The default comparison of the compare view: the first one.
    pub fn default_comparison(&self) -> Option<&Comparison> {
        self.comparisons.first()
    }
    /// The comparisons of a sector, in file order.
    pub fn comparisons_in(&self, sector: SectorId) -> impl Iterator<Item = &Comparison> + '_ {
        self.comparisons
            .iter()
            .filter(move |c| c.sectors.contains(&sector))
    }
    /// The series of a comparison that exist, in drawing order.
    pub fn comparison_series(&self, id: &str) -> Vec<&Series> {
        self.comparison(id)
            .map(|c| {
                c.series
                    .iter()
                    .filter_map(|s| self.series(s.as_str()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// All caveats, in file order.
    pub fn caveats(&self) -> &[Caveat] {
        &self.caveats
    }
    /// A caveat by id.
    pub fn caveat(&self, id: &str) -> Option<&Caveat> {
        self.index
            .caveats
            .get(id)
            .and_then(|i| self.caveats.get(*i))
    }
    /// The caveats of a sector.
    pub fn caveats_in(&self, sector: SectorId) -> impl Iterator<Item = &Caveat> + '_ {
        self.caveats
            .iter()
            .filter(move |c| c.sectors.contains(&sector))
    }
    /// The caveats qualifying a figure.
    pub fn caveats_for_figure(&self, id: &str) -> Vec<&Caveat> {
        self.caveats_where(|a| a.figures.iter().any(|f| f.as_str() == id))
    }
    /// The caveats qualifying a series.
    pub fn caveats_for_series(&self, id: &str) -> Vec<&Caveat> {
        self.caveats_where(|a| a.series.iter().any(|s| s.as_str() == id))
    }
    /// The caveats qualifying an event.
    pub fn caveats_for_event(&self, id: &str) -> Vec<&Caveat> {
        self.caveats_where(|a| a.events.iter().any(|e| e.as_str() == id))
    }
    /// The caveats qualifying a comparison.
    pub fn caveats_for_comparison(&self, id: &str) -> Vec<&Caveat> {
        self.caveats_where(|a| a.comparisons.iter().any(|c| c.as_str() == id))
    }
    fn caveats_where(&self, applies: impl Fn(&AppliesTo) -> bool) -> Vec<&Caveat> {
        self.caveats
            .iter()
            .filter(|c| applies(&c.applies_to))
            .collect()
    }

    /// The texts of every loaded language.
    pub fn texts(&self) -> &Texts {
        &self.texts
    }
    /// Chooses which loaded language [`Dataset::text`] returns; `false` if it is not loaded.
    pub fn set_lang(&mut self, lang: &str) -> bool {
        self.texts.set_lang(lang)
    }

    /// Marks fallback texts visibly (see [`Texts::mark_fallbacks`]).
    pub fn mark_fallbacks(&mut self) {
        self.texts.mark_fallbacks();
    }
    /// A text in the chosen language, falling back to English.
    pub fn text(&self, key: &str) -> Option<&str> {
        self.texts.get(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn a_date_keeps_the_precision_it_was_written_with() {
        assert_eq!(date("1992").precision(), Precision::Year);
        assert_eq!(date("1992-05").precision(), Precision::Month);
        assert_eq!(date("1992-05-03").precision(), Precision::Day);
        for text in ["1992", "1992-05", "1992-05-03", "2024-02-29"] {
            assert_eq!(date(text).to_string(), text);
        }
    }

    #[test]
    fn a_date_refuses_other_forms_and_days_that_do_not_exist() {
        for text in [
            "",
            "92",
            "1992-5",
            "1992-05-3",
            "1992/05",
            " 1992",
            "1992-05-03-01",
            "１９９２",
            "1992-",
            "-1992",
            "+992",
            "1992-05-03T00",
        ] {
            assert_eq!(Date::parse(text), Err(DateError::Form), "{text:?}");
        }
        assert_eq!(Date::parse("1992-13"), Err(DateError::Month(13)));
        assert_eq!(Date::parse("1992-00-01"), Err(DateError::Month(0)));
        assert!(matches!(
            Date::parse("2023-02-29"),
            Err(DateError::Day {
                day: 29,
                days: 28,
                ..
            })
        ));
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2000-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2024-04-31").is_err());
    }

    #[test]
    fn dates_order_chronologically_with_coarser_first() {
        assert!(date("1992") < date("1992-01"));
        assert!(date("1992-01") < date("1992-01-03"));
        assert!(date("1992-12-31") < date("1993"));
        assert_eq!(date("1992-02").last_day(), date("1992-02-29"));
        assert_eq!(date("1993").first_day(), date("1993-01-01"));
    }

    #[test]
    fn a_date_is_after_another_only_when_it_starts_after_the_other_ends() {
        let today = date("2026-11-28");
        assert!(!date("2026").is_after(&today));
        assert!(!date("2026-11").is_after(&today));
        assert!(date("2026-11-29").is_after(&today));
        assert!(date("2027").is_after(&today));
        assert!(date("1992-02").is_before(&date("1992-03-01")));
        assert!(!date("1992-02").is_before(&date("1992-02-28")));
    }

    #[test]
    fn a_period_parses_every_documented_form() {
        assert_eq!(Period::parse("2024"), Ok(Period::Year(2024)));
        assert_eq!(
            Period::parse("2025-H1"),
            Ok(Period::Half {
                year: 2025,
                half: 1
            })
        );
        assert_eq!(
            Period::parse("2025-Q4"),
            Ok(Period::Quarter {
                year: 2025,
                quarter: 4
            })
        );
        let months = Period::parse("2023-01/2023-09").unwrap();
        assert_eq!(months.kind(), PeriodKind::Months);
        assert_eq!(months.first_day(), date("2023-01-01"));
        assert_eq!(months.last_day(), date("2023-09-30"));
        for text in [
            "2024",
            "2025-H2",
            "2025-Q3",
            "2023-01/2023-09",
            "2024-11/2025-02",
        ] {
            assert_eq!(Period::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn a_period_refuses_malformed_text() {
        for text in [
            "",
            "24",
            "2024-H",
            "2024-H12",
            "2024-h1",
            "2024-Q",
            "2024-Q1x",
            "2024-05",
            "2024/2025",
            "2023-01/2023",
            "2023-01-01/2023-02-01",
            "2024-",
        ] {
            assert_eq!(Period::parse(text), Err(DateError::Form), "{text:?}");
        }
        assert_eq!(Period::parse("2024-H3"), Err(DateError::Half(3)));
        assert_eq!(Period::parse("2024-Q5"), Err(DateError::Quarter(5)));
        assert_eq!(Period::parse("2024-Q0"), Err(DateError::Quarter(0)));
        assert_eq!(Period::parse("2023-09/2023-01"), Err(DateError::Backwards));
        assert_eq!(Period::parse("2023-13/2024-01"), Err(DateError::Month(13)));
    }

    #[test]
    fn periods_order_chronologically() {
        let mut periods: Vec<Period> = ["2025-H1", "2024", "2023-01/2023-09", "2024-Q2", "2023"]
            .iter()
            .map(|p| Period::parse(p).unwrap())
            .collect();
        periods.sort();
        let texts: Vec<String> = periods.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            texts,
            ["2023-01/2023-09", "2023", "2024", "2024-Q2", "2025-H1"]
        );
    }

    #[test]
    fn ids_must_be_kebab_case_ascii() {
        for ok in ["a", "2013-09-silk-road-belt", "x1-2"] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é", "a.b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn vocabularies_round_trip_through_their_written_form() {
        for s in SectorId::ALL {
            assert_eq!(SectorId::parse(s.as_str()), Some(*s));
        }
        assert_eq!(SectorId::ALL.len(), 11);
        for u in Unit::ALL {
            assert_eq!(Unit::parse(u.as_str()), Some(*u));
        }
        assert_eq!(Unit::parse("USD-BN"), None);
        assert!(Unit::PercentChange.allows_negative());
        assert!(!Unit::Wording.is_numeric());
    }

    #[test]
    fn texts_fall_back_to_english_and_say_so() {
        let en = BTreeMap::from([
            ("a".to_owned(), "A".to_owned()),
            ("b".to_owned(), "B".to_owned()),
        ]);
        let zh = BTreeMap::from([("a".to_owned(), "甲".to_owned())]);
        let texts = Texts::new(("en".to_owned(), en), vec![("zh".to_owned(), zh)]);
        assert_eq!(texts.get("a"), Some("甲"));
        let b = texts.lookup("b").unwrap();
        assert_eq!((b.text, b.lang, b.fallback), ("B", "en", true));
        assert_eq!(texts.fallbacks(), 1);
        let mut marked = texts.clone();
        marked.mark_fallbacks();
        assert_eq!(marked.get("b"), Some("⟦en⟧ B"));
        assert_eq!(marked.get("a"), Some("甲"));
        assert_eq!(texts.get("c"), None);
    }
}
