//! Text of figures: a number already spelt for the locale, put together with its unit and the
//! source's own qualifier ("over US$44 bn", "nearly 6,000", "387 million kWh a year").
//!
//! Pure: the browser's `Intl` spells the number (see `ui::intl`); this module only places it.
//! It never rounds or alters the value.

use crate::data::model::{Qualifier, Unit};
use crate::url::Lang;

/// The qualifier's word before a value, or nothing for an exact value.
pub fn qualifier_word(qualifier: Qualifier, lang: Lang) -> Option<&'static str> {
    match (qualifier, lang) {
        (Qualifier::Exact, _) => None,
        (Qualifier::Over, Lang::En | Lang::Zh | Lang::Ru | Lang::Kk) => Some("over"),
        (Qualifier::Nearly, Lang::En | Lang::Zh | Lang::Ru | Lang::Kk) => Some("nearly"),
        (Qualifier::About, Lang::En | Lang::Zh | Lang::Ru | Lang::Kk) => Some("about"),
    }
}

/// An ordinal in words: 1 → "first".
pub fn ordinal_word(value: f64, lang: Lang) -> Option<&'static str> {
    let words = match lang {
        Lang::En | Lang::Zh | Lang::Ru | Lang::Kk => [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
            "tenth",
        ],
    };
    let index = (1.0..=10.0).contains(&value).then(|| value as usize - 1)?;
    (value.fract() == 0.0)
        .then(|| words.get(index).copied())
        .flatten()
}

/// A numeric value in its unit: `number` is the value already spelt for `lang`.
pub fn with_unit(number: &str, unit: Unit, lang: Lang) -> String {
    match lang {
        Lang::En | Lang::Zh | Lang::Ru | Lang::Kk => match unit {
            Unit::UsdBn => format!("US${number} bn"),
            Unit::UsdM => format!("US${number} m"),
            Unit::TengeBn => format!("{number} bn tenge"),
            Unit::Percent => format!("{number}%"),
            Unit::PercentChange => format!("{number}%"),
            Unit::Count | Unit::Ordinal | Unit::Date | Unit::Wording => number.to_owned(),
            Unit::Mw => format!("{number} MW"),
            Unit::Gw => format!("{number} GW"),
            Unit::GwhPerYear => format!("{number} GWh a year"),
            Unit::KwhMPerYear => format!("{number} million kWh a year"),
            Unit::T => format!("{number} t"),
            Unit::Kt => format!("{number} thousand t"),
            Unit::Mt => format!("{number} Mt"),
            Unit::MtPerYear => format!("{number} Mt a year"),
            Unit::BcmPerYear => format!("{number} bcm a year"),
            Unit::TCo2PerYear => format!("{number} t of CO₂ a year"),
            Unit::People => format!("{number} people"),
            Unit::PassengersPerDay => format!("{number} passengers a day"),
            Unit::Teu => format!("{number} TEU"),
            Unit::Trains => format!("{number} trains"),
            Unit::Km => format!("{number} km"),
            Unit::Months => format!("{number} months"),
        },
    }
}

/// The full text of a value: qualifier, number and unit ("over US$44 bn").
pub fn value_text(number: &str, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    let value = with_unit(number, unit, lang);
    match qualifier_word(qualifier, lang) {
        Some(word) => format!("{word} {value}"),
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_value_has_no_qualifier() {
        assert_eq!(
            value_text("43.82", Unit::UsdBn, Qualifier::Exact, Lang::En),
            "US$43.82 bn"
        );
    }

    #[test]
    fn the_sources_wording_is_kept_before_the_value() {
        assert_eq!(
            value_text("44", Unit::UsdBn, Qualifier::Over, Lang::En),
            "over US$44 bn"
        );
        assert_eq!(
            value_text("6,000", Unit::Count, Qualifier::Nearly, Lang::En),
            "nearly 6,000"
        );
        assert_eq!(
            value_text("387", Unit::KwhMPerYear, Qualifier::About, Lang::En),
            "about 387 million kWh a year"
        );
    }

    #[test]
    fn the_number_is_placed_exactly_as_spelt() {
        assert_eq!(with_unit("0.368", Unit::UsdBn, Lang::En), "US$0.368 bn");
        assert_eq!(with_unit("+4.5", Unit::PercentChange, Lang::En), "+4.5%");
        assert_eq!(
            with_unit("387,000", Unit::TCo2PerYear, Lang::En),
            "387,000 t of CO₂ a year"
        );
    }

    #[test]
    fn ordinals_are_words_and_only_whole_small_numbers_are_ordinals() {
        assert_eq!(ordinal_word(1.0, Lang::En), Some("first"));
        assert_eq!(ordinal_word(3.0, Lang::En), Some("third"));
        assert_eq!(ordinal_word(2.5, Lang::En), None);
        assert_eq!(ordinal_word(0.0, Lang::En), None);
        assert_eq!(ordinal_word(6.0, Lang::En), Some("sixth"));
        assert_eq!(ordinal_word(11.0, Lang::En), None);
        assert_eq!(ordinal_word(f64::NAN, Lang::En), None);
    }
}
