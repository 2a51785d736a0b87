//! Locale formatting through the browser's own `Intl` (no bundled locale data).
//!
//! Thin shell over `js_sys`: which fields to show is decided by the pure [`crate::data::model`]
//! types (a date's precision); this module only asks the browser to spell them.

use crate::data::model::{Date, Precision};
use crate::url::Lang;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

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
    static DATE_FORMATS: std::cell::RefCell<Vec<((Lang, Precision), js_sys::Function)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn locales(lang: Lang) -> Array {
    Array::of1(&JsValue::from_str(lang.as_str()))
}

/// A date in the reader's language, showing only the fields its precision knows
/// ("2005", "July 2005", "4 July 2005").
pub fn format_date(date: Date, lang: Lang) -> String {
    let fields: &[(&str, &str)] = match date.precision() {
        Precision::Year => &[("year", "numeric"), ("timeZone", "UTC")],
        Precision::Month => &[("year", "numeric"), ("month", "long"), ("timeZone", "UTC")],
        Precision::Day => &[
            ("year", "numeric"),
            ("month", "long"),
            ("day", "numeric"),
            ("timeZone", "UTC"),
        ],
    };
    // Midnight UTC of the date, formatted in UTC: the day never shifts with the reader's zone.
    let millis = js_sys::Date::utc(
        f64::from(date.year),
        f64::from(date.month.unwrap_or(1)) - 1.0,
    ) + (f64::from(date.day.unwrap_or(1)) - 1.0) * 86_400_000.0;
    let utc = js_sys::Date::new(&JsValue::from_f64(millis));
    // Building an `Intl.DateTimeFormat` costs about 0.1 ms and a list of events formats hundreds
    // of dates, so one formatter per language and precision is kept and reused.
    let format = DATE_FORMATS.with(|formats| {
        let key = (lang, date.precision());
        let mut formats = formats.borrow_mut();
        if let Some((_, format)) = formats.iter().find(|(known, _)| *known == key) {
            return format.clone();
        }
        let format = js_sys::Intl::DateTimeFormat::new(&locales(lang), &options(fields)).format();
        formats.push((key, format.clone()));
        format
    });
    format
        .call1(&JsValue::NULL, &utc)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| date.to_string())
}

/// A number in the reader's language ("41.02", "41,02", "655 000"), with every digit the data
/// has (never rounded); `signed` writes "+" before positive values (changes).
pub fn format_number(value: f64, lang: Lang, signed: bool) -> String {
    let sign = if signed { "exceptZero" } else { "auto" };
    let format = js_sys::Intl::NumberFormat::new(
        &locales(lang),
        &options(&[("maximumFractionDigits", "20"), ("signDisplay", sign)]),
    );
    format
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(value))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| value.to_string())
}
