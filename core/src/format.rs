//! Text of figures: a number already spelt for the locale, put together with its unit and the
//! source's own qualifier ("over US$44 bn", "nearly 6,000", "387 million kWh a year").
//!
//! Pure: the browser's `Intl` spells the number (see `ui::intl`); this module only places it.
//! It never rounds or alters the value.

use crate::data::model::{Qualifier, Unit};
use crate::strings::Ui;
use crate::url::Lang;

/// The value with the source's qualifier ("over US$44 bn"); an exact value is left as it is.
pub fn qualified(value: &str, qualifier: Qualifier, lang: Lang) -> String {
    let template = match qualifier {
        Qualifier::Exact => return value.to_owned(),
        Qualifier::Over => Ui::QualifierOver,
        Qualifier::Nearly => Ui::QualifierNearly,
        Qualifier::About => Ui::QualifierAbout,
    };
    template.fill(lang, &[("value", value)])
}

/// An ordinal in words: 1 → "first".
pub fn ordinal_word(value: f64, lang: Lang) -> Option<&'static str> {
    const WORDS: [Ui; 10] = [
        Ui::Ordinal1,
        Ui::Ordinal2,
        Ui::Ordinal3,
        Ui::Ordinal4,
        Ui::Ordinal5,
        Ui::Ordinal6,
        Ui::Ordinal7,
        Ui::Ordinal8,
        Ui::Ordinal9,
        Ui::Ordinal10,
    ];
    let index = (1.0..=10.0).contains(&value).then(|| value as usize - 1)?;
    (value.fract() == 0.0)
        .then(|| WORDS.get(index).map(|word| word.text(lang)))
        .flatten()
}

/// A numeric value in its unit: `number` is `value` already spelt for `lang` (the value itself
/// picks the plural form: "1 train", "5 trains").
pub fn with_unit(number: &str, value: f64, unit: Unit, lang: Lang) -> String {
    let template = match unit {
        Unit::Count | Unit::Ordinal | Unit::Date | Unit::Wording => return number.to_owned(),
        Unit::UsdBn => Ui::UnitUsdBn,
        Unit::UsdM => Ui::UnitUsdM,
        Unit::TengeBn => Ui::UnitTengeBn,
        Unit::Percent | Unit::PercentChange => Ui::UnitPercent,
        Unit::Mw => Ui::UnitMw,
        Unit::Gw => Ui::UnitGw,
        Unit::GwhPerYear => Ui::UnitGwhPerYear,
        Unit::KwhMPerYear => Ui::UnitKwhMPerYear,
        Unit::T => Ui::UnitT,
        Unit::Kt => Ui::UnitKt,
        Unit::Mt => Ui::UnitMt,
        Unit::MtPerYear => Ui::UnitMtPerYear,
        Unit::BcmPerYear => Ui::UnitBcmPerYear,
        Unit::TCo2PerYear => Ui::UnitTCo2PerYear,
        Unit::People => Ui::UnitPeople,
        Unit::PassengersPerDay => Ui::UnitPassengersPerDay,
        Unit::Teu => Ui::UnitTeu,
        Unit::Trains => Ui::UnitTrains,
        Unit::Km => Ui::UnitKm,
        Unit::Months => Ui::UnitMonths,
    };
    template.count(lang, value, number, &[("n", number)])
}

/// The full text of a value: qualifier, number and unit ("over US$44 bn").
pub fn value_text(
    number: &str,
    value: f64,
    unit: Unit,
    qualifier: Qualifier,
    lang: Lang,
) -> String {
    qualified(&with_unit(number, value, unit, lang), qualifier, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exact_value_has_no_qualifier() {
        assert_eq!(
            value_text("43.82", 43.82, Unit::UsdBn, Qualifier::Exact, Lang::En),
            "US$43.82 bn"
        );
    }

    #[test]
    fn the_sources_wording_is_kept_before_the_value() {
        assert_eq!(
            value_text("44", 44.0, Unit::UsdBn, Qualifier::Over, Lang::En),
            "over US$44 bn"
        );
        assert_eq!(
            value_text("6,000", 6000.0, Unit::Count, Qualifier::Nearly, Lang::En),
            "nearly 6,000"
        );
        assert_eq!(
            value_text("387", 387.0, Unit::KwhMPerYear, Qualifier::About, Lang::En),
            "about 387 million kWh a year"
        );
    }

    #[test]
    fn the_number_is_placed_exactly_as_spelt() {
        assert_eq!(
            with_unit("0.368", 0.368, Unit::UsdBn, Lang::En),
            "US$0.368 bn"
        );
        assert_eq!(
            with_unit("+4.5", 4.5, Unit::PercentChange, Lang::En),
            "+4.5%"
        );
        assert_eq!(
            with_unit("387,000", 387_000.0, Unit::TCo2PerYear, Lang::En),
            "387,000 t of CO₂ a year"
        );
    }

    #[test]
    fn units_take_the_plural_form_of_their_value() {
        assert_eq!(with_unit("1", 1.0, Unit::Trains, Lang::En), "1 train");
        assert_eq!(with_unit("2", 2.0, Unit::Trains, Lang::En), "2 trains");
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
