//! The app's one clock and the browser's language preference: the only reads of the reader's
//! environment. Everything else receives "today" as a value, so tests can pin it.

use cke_core::data::model::{Date, FIRST_YEAR};
use cke_core::url::Lang;

/// Today's date, read once at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Today(Date);

impl Today {
    /// A fixed date (tests, benchmarks).
    pub fn fixed(date: Date) -> Today {
        Today(date)
    }

    /// The reader's local date, from the browser's clock.
    pub fn from_browser() -> Today {
        let now = js_sys::Date::new_0();
        let year = u16::try_from(now.get_full_year()).unwrap_or(FIRST_YEAR);
        let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
        let day = u8::try_from(now.get_date()).unwrap_or(1);
        Today(Date::from_ymd(year, month, day).unwrap_or_else(|| Date::from_year(year)))
    }

    /// The date.
    pub fn date(self) -> Date {
        self.0
    }

    /// The year, which bounds `year=` in the URL.
    pub fn year(self) -> i32 {
        i32::from(self.0.year)
    }
}

/// The reader's preferred language from `navigator.languages`, English when none is supported.
pub fn browser_language() -> Lang {
    preferred_language(&leptos::prelude::window().navigator())
}

/// The first supported language of `navigator.languages` (then `navigator.language`), English
/// when none is. Takes the navigator, so the panic hook can call it without Leptos's `window()`.
pub fn preferred_language(navigator: &web_sys::Navigator) -> Lang {
    let preferences: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|value| value.as_string())
        .chain(navigator.language())
        .collect();
    Lang::from_preferences(preferences.iter().map(String::as_str))
}
