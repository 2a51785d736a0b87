//! Locale formatting through the browser's own `Intl` (no bundled locale data).
//!
//! Thin shell over `js_sys`: which fields to show is decided by the pure [`cke_core::data::model`]
//! types (a date's precision); this module only asks the browser to spell them.

use cke_core::data::model::{Date, Precision};
use cke_core::url::Lang;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

thread_local! {
    /// The date formatters made so far, by language and precision (see [`format_date`]).
    static DATE_FORMATS: std::cell::RefCell<Vec<((Lang, Precision), js_sys::Intl::DateTimeFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(lang.bcp47()))
}

fn date_fields(precision: Precision) -> &'static [(&'static str, &'static str)] {
    match precision {
        Precision::Year => &[("year", "numeric"), ("timeZone", "UTC")],
        Precision::Month => &[("year", "numeric"), ("month", "long"), ("timeZone", "UTC")],
        Precision::Day => &[
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ],
    }
}

/// Midnight UTC of the date, to be formatted in UTC: the day never shifts with the reader's zone.
fn utc_midnight(date: Date) -> js_sys::Date {
    let millis = js_sys::Date::utc(
        f64::from(date.year),
        f64::from(date.month.unwrap_or(1)) - 1.0,
    ) + (f64::from(date.day.unwrap_or(1)) - 1.0) * 86_400_000.0;
    js_sys::Date::new(&JsValue::from_f64(millis))
}

/// The `Intl.DateTimeFormat` for a language and precision. Building one costs about 0.1 ms and
/// a list of events formats hundreds of dates, so one per language and precision is kept.
fn date_format(lang: Lang, precision: Precision) -> js_sys::Intl::DateTimeFormat {
    DATE_FORMATS.with(|formats| {
        let key = (lang, precision);
        let mut formats = formats.borrow_mut();
        if let Some((_, format)) = formats.iter().find(|(known, _)| *known == key) {
            return format.clone();
        }
        let format =
            js_sys::Intl::DateTimeFormat::new(&locales(lang), &options(date_fields(precision)));
        formats.push((key, format.clone()));
        format
    })
}

/// A date in the reader's language, showing only the fields its precision knows
/// ("2005", "July 2005", "4 July 2005").
pub fn format_date(date: Date, lang: Lang) -> String {
    date_format(lang, date.precision())
        .format()
        .call1(&JsValue::NULL, &utc_midnight(date))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| date.to_string())
}

thread_local! {
    /// The short month names spelt so far, by language (see [`month_names`]).
    static MONTH_NAMES: std::cell::RefCell<Vec<(Lang, Vec<String>)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// Short month names ("Feb", "2月", "февр.") in the reader's language, January first. They are
/// spelt once per language, by one formatter, and kept for the next timeline that is mounted.
pub fn month_names(lang: Lang) -> Vec<String> {
    MONTH_NAMES.with(|known| {
        let mut known = known.borrow_mut();
        if let Some((_, names)) = known.iter().find(|(known, _)| *known == lang) {
            return names.clone();
        }
        let format = js_sys::Intl::DateTimeFormat::new(
            &locales(lang),
            &options(&[("month", "short"), ("timeZone", "UTC")]),
        )
        .format();
        let names: Vec<String> = (1..=12u8)
            .map(|month| {
                // The middle of the month, so that no time zone could move it to another.
                let middle = Date {
                    year: 2001,
                    month: Some(month),
                    day: Some(15),
                };
                format
                    .call1(&JsValue::NULL, &utc_midnight(middle))
                    .ok()
                    .and_then(|text| text.as_string())
                    .unwrap_or_else(|| month.to_string())
            })
            .collect();
        known.push((lang, names.clone()));
        names
    })
}

/// A range of dates as the locale writes one ("July – September 2023", "16–17 июня 2025 г."), by
/// `Intl.DateTimeFormat.formatRange`. Dates of different precision are written one after the
/// other, so neither is shown more precisely than the data knows it.
pub fn format_date_range(from: Date, to: Date, lang: Lang) -> String {
    let apart = || {
        cke_core::strings::Ui::DateRange.fill(
            lang,
            &[
                ("from", &format_date(from, lang)),
                ("to", &format_date(to, lang)),
            ],
        )
    };
    // Chromium's ICU has no Chinese range pattern for spelt-out months and falls back to
    // "2025/6/16 – 2025/6/17", unlike every other date on the page.
    if from.precision() != to.precision() || lang == Lang::Zh {
        return apart();
    }
    let format = date_format(lang, from.precision());
    Reflect::get(&format, &JsValue::from_str("formatRange"))
        .ok()
        .and_then(|method| method.dyn_into::<js_sys::Function>().ok())
        .and_then(|method| {
            method
                .call2(&format, &utc_midnight(from), &utc_midnight(to))
                .ok()
        })
        .and_then(|text| text.as_string())
        .unwrap_or_else(apart)
}

/// How a number is spelt: the keys of the `Intl.NumberFormat` cache.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NumberStyle {
    /// Every digit the data has (never rounded).
    Exact,
    /// Every digit, with "+" before positive values (changes).
    ExactSigned,
    /// Short axis labels: "12K", "1.5 млн".
    Compact,
    /// Exactly this many decimals (axis ticks).
    Fixed(u8),
}

impl NumberStyle {
    fn options(self) -> Object {
        let object = Object::new();
        let set = |key: &str, value: JsValue| {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(key), &value);
        };
        match self {
            NumberStyle::Exact => set("maximumFractionDigits", JsValue::from_f64(20.0)),
            NumberStyle::ExactSigned => {
                set("maximumFractionDigits", JsValue::from_f64(20.0));
                set("signDisplay", JsValue::from_str("exceptZero"));
            }
            NumberStyle::Compact => {
                set("notation", JsValue::from_str("compact"));
                set("maximumFractionDigits", JsValue::from_f64(1.0));
            }
            NumberStyle::Fixed(places) => {
                set(
                    "minimumFractionDigits",
                    JsValue::from_f64(f64::from(places)),
                );
                set(
                    "maximumFractionDigits",
                    JsValue::from_f64(f64::from(places)),
                );
            }
        }
        object
    }
}

thread_local! {
    /// The number formatters made so far, by language and style (see [`spell_number`]).
    static NUMBER_FORMATS: std::cell::RefCell<Vec<((Lang, NumberStyle), js_sys::Intl::NumberFormat)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

/// `value` spelt by the browser's `Intl.NumberFormat` for `lang` in `style`, or `None` if the
/// browser could not. Building a formatter costs about 0.1 ms, far more than using one, and a
/// sector page spells hundreds of numbers, so one formatter per language and style is kept.
pub fn spell_number(value: f64, lang: Lang, style: NumberStyle) -> Option<String> {
    let format = NUMBER_FORMATS.with(|formats| {
        let key = (lang, style);
        let mut formats = formats.borrow_mut();
        if let Some((_, format)) = formats.iter().find(|(known, _)| *known == key) {
            return format.clone();
        }
        let format = js_sys::Intl::NumberFormat::new(&locales(lang), &style.options());
        formats.push((key, format.clone()));
        format
    });
    format
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|text| text.as_string())
}

/// A number in the reader's language ("41.02", "41,02", "655 000"), with every digit the data
/// has (never rounded); `signed` writes "+" before positive values (changes).
pub fn format_number(value: f64, lang: Lang, signed: bool) -> String {
    let style = if signed {
        NumberStyle::ExactSigned
    } else {
        NumberStyle::Exact
    };
    spell_number(value, lang, style).unwrap_or_else(|| value.to_string())
}
