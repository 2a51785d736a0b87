//! Dates with their precision, date ranges and periods (years, halves, quarters, month spans).
//! Real calendar values only; never reads the clock.

use std::cmp::Ordering;
use std::fmt;

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
