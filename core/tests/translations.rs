//! Every interface string and every content text exists in every language, keeps its
//! placeholders and plural forms, and keeps every figure of the English text.
//!
//! Each test lists everything that is wrong at once, so a translator sees the whole job.

// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cke_core::strings::Ui;
use cke_core::url::Lang;
use std::collections::BTreeMap;

const TRANSLATED: [Lang; 3] = [Lang::Zh, Lang::Ru, Lang::Kk];

fn content(lang: Lang) -> BTreeMap<String, String> {
    let path = format!(
        "{}/../public/data/text/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        lang.as_str()
    );
    let file = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let value: serde_json::Value = serde_json::from_str(&file).unwrap();
    assert_eq!(value["lang"], lang.as_str(), "{path}: wrong lang");
    serde_json::from_value(value["text"].clone()).unwrap()
}

fn fail_with(problems: Vec<String>) {
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_content_text_exists_in_every_language() {
    let english = content(Lang::En);
    let mut problems = Vec::new();
    for lang in TRANSLATED {
        let texts = content(lang);
        for (key, text) in &english {
            match texts.get(key) {
                None => problems.push(format!("text/{}.json: missing {key:?}", lang.as_str())),
                Some(own) if own.trim().is_empty() && !text.trim().is_empty() => {
                    problems.push(format!("text/{}.json: {key:?} is blank", lang.as_str()))
                }
                Some(own) if own == text && text.chars().any(char::is_alphabetic) => {
                    problems.push(format!(
                        "text/{}.json: {key:?} is still the English text",
                        lang.as_str()
                    ))
                }
                Some(_) => {}
            }
        }
        for key in texts.keys().filter(|key| !english.contains_key(*key)) {
            problems.push(format!(
                "text/{}.json: {key:?} is not in text/en.json",
                lang.as_str()
            ));
        }
    }
    fail_with(problems);
}

/// The `{name}` placeholders of a template, sorted.
fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Interface strings that are rightly the same as in English in some language: symbols,
/// abbreviations and names used as they are.
fn same_as_english_is_right(ui: Ui, lang: Lang) -> bool {
    matches!(
        ui,
        Ui::UnitPercent | Ui::AxisPercent | Ui::ListSeparator | Ui::TimelineTodayLabel
    ) || matches!(
        (ui, lang),
        (Ui::AxisTeu | Ui::UnitTeu, Lang::Kk)
            | (Ui::SeriesValue, Lang::Ru | Lang::Kk)
            | (Ui::PeriodMonthsInYear, Lang::Ru)
            | (Ui::DateRange | Ui::DateDisputedBy, Lang::Ru | Lang::Kk)
    )
}

#[test]
fn every_interface_string_is_translated_with_its_placeholders_and_plural_forms() {
    let mut problems = Vec::new();
    for &ui in Ui::ALL {
        let english = ui.text(Lang::En);
        let english_forms: Vec<&str> = english.split('|').collect();
        for lang in TRANSLATED {
            let own = ui.text(lang);
            let at = format!("{ui:?} ({})", lang.as_str());
            if own.trim().is_empty() {
                problems.push(format!("{at}: empty"));
                continue;
            }
            if own == english && !same_as_english_is_right(ui, lang) {
                problems.push(format!("{at}: still English: {own:?}"));
            }
            let forms: Vec<&str> = own.split('|').collect();
            let wanted = match (english_forms.len(), lang) {
                (1, _) => 1,
                (_, Lang::Ru) => 3,
                _ => 1,
            };
            if forms.len() != wanted {
                problems.push(format!(
                    "{at}: {} plural form(s), wanted {wanted}: {own:?}",
                    forms.len()
                ));
            }
            let names = placeholders(english_forms[0]);
            for form in &forms {
                if placeholders(form) != names {
                    problems.push(format!(
                        "{at}: placeholders {:?}, wanted {names:?}: {form:?}",
                        placeholders(form)
                    ));
                }
            }
        }
    }
    fail_with(problems);
}

/// The numbers of a text, as values: "1,700" and "1 700" are 1700, "43,82" (Russian and
/// Kazakh decimal comma) and "43.82" are 43.82.
fn numbers(text: &str, decimal_comma: bool) -> Vec<f64> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        let mut j = i;
        loop {
            while j < chars.len() && chars[j].is_ascii_digit() {
                digits.push(chars[j]);
                j += 1;
            }
            // A group separator is followed by exactly three digits.
            let separator = chars.get(j).copied();
            let group = (1..=3).all(|k| chars.get(j + k).is_some_and(char::is_ascii_digit))
                && !chars.get(j + 4).is_some_and(char::is_ascii_digit);
            let is_group_separator = match separator {
                Some(',') => !decimal_comma,
                Some('\u{a0}' | '\u{202f}' | '\u{2009}') => true,
                Some(' ') => decimal_comma && digits.len() <= 3,
                _ => false,
            };
            if group && is_group_separator {
                j += 1;
                continue;
            }
            break;
        }
        let decimal = if decimal_comma {
            [',', '.']
        } else {
            ['.', '.']
        };
        if chars.get(j).is_some_and(|c| decimal.contains(c))
            && chars.get(j + 1).is_some_and(char::is_ascii_digit)
        {
            digits.push('.');
            j += 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                digits.push(chars[j]);
                j += 1;
            }
        }
        if let Ok(value) = digits.parse() {
            found.push(value);
        }
        i = j;
    }
    found
}

/// The English text with what is not a figure taken out: names with digits ("COVID-19"),
/// ordinals ("21st century", "phase 1" are words in other languages), and the short end of a
/// year range ("2024–25", which a translation may write "2024—2025" or "2024/25").
fn english_figures(text: &str) -> String {
    let mut out = text.replace("COVID-19", "").replace("phase 1", "");
    for suffix in ["st", "nd", "rd", "th"] {
        for n in 1..=31 {
            for after in [" ", "-"] {
                out = out.replace(&format!(" {n}{suffix}{after}"), " ");
            }
        }
    }
    let chars: Vec<char> = out.chars().collect();
    let digits = |from: usize, to: usize| -> Option<u32> {
        let part: String = chars.get(from..to)?.iter().collect();
        part.chars()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let mut kept = String::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = i == 0 || !chars[i - 1].is_ascii_digit();
        let range = starts_number
            && matches!(chars.get(i + 4), Some('–' | '-' | '/'))
            && !chars
                .get(i + 7)
                .is_some_and(|c| c.is_ascii_digit() || *c == '-')
            && matches!(
                (digits(i + 2, i + 4), digits(i + 5, i + 7), digits(i, i + 2)),
                (Some(from), Some(to), Some(_)) if to > from
            );
        if range {
            kept.extend(&chars[i..i + 5]);
            i += 7;
        } else {
            kept.push(chars[i]);
            i += 1;
        }
    }
    kept
}

#[test]
fn english_figures_drop_short_year_ends_names_and_ordinals() {
    assert_eq!(
        english_figures("in 2024–25 and 2003/04"),
        "in 2024– and 2003/"
    );
    assert_eq!(
        english_figures("COVID-19 in the 21st century"),
        " in the century"
    );
    assert_eq!(
        english_figures("2015-05-07 and 2011-10"),
        "2015-05-07 and 2011-10"
    );
}

#[test]
fn numbers_are_read_in_each_languages_style() {
    assert_eq!(numbers("US$1,700.5 bn in 2024", false), [1700.5, 2024.0]);
    assert_eq!(numbers("1 700 км и 43,82 млрд", true), [1700.0, 43.82]);
    assert_eq!(numbers("83\u{a0}000 т, 2024 год", true), [83000.0, 2024.0]);
    assert_eq!(numbers("438.2亿美元", false), [438.2]);
}

#[test]
fn translations_keep_every_figure_of_the_english_text() {
    // A translation may change the scale word ("US$43.82 bn" is "438.2亿美元", "387 million"
    // is "3.87亿" or "387 млн"), never the digits.
    const SCALES: [f64; 9] = [1.0, 10.0, 100.0, 1e3, 1e4, 0.1, 0.01, 1e-3, 1e-4];
    let english = content(Lang::En);
    let mut problems = Vec::new();
    for lang in TRANSLATED {
        let texts = content(lang);
        for (key, text) in &english {
            let Some(own) = texts.get(key) else { continue };
            let theirs = numbers(own, lang != Lang::Zh);
            for value in numbers(&english_figures(text), false) {
                let kept = theirs.iter().any(|n| {
                    SCALES
                        .iter()
                        .any(|scale| (value * scale - n).abs() <= 1e-9 * n.abs().max(1.0))
                });
                if !kept {
                    problems.push(format!(
                        "text/{}.json {key:?}: {value} of the English is not in {own:?}",
                        lang.as_str()
                    ));
                }
            }
        }
    }
    fail_with(problems);
}
