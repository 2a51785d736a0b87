//! Fuzzing the host-message parser (`embed::parse_host_message`): whatever a host page, or any
//! other page that gets hold of the iframe, posts — arbitrary text, arbitrary JSON, near misses
//! of the pym.js and settings shapes — it never panics, and it accepts a message only when the
//! message is exactly of a documented shape, reading exactly what the message says.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fuzz;

use cke_core::embed::{parse_host_message, EmbedParams, HostMessage};
use cke_core::url::{Lang, Theme};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// Inputs per property in the test command's fixed budget (`CKE_FUZZ_CASES` overrides it).
const CASES: u32 = 10_000;

const PYM: &str = "xPYMx";

/// The iframe's identity: the host's child id, or none (then `cke`).
fn params() -> impl Strategy<Value = EmbedParams> {
    prop_oneof![
        Just(EmbedParams::default()),
        "[a-zA-Z0-9_.:-]{1,12}".prop_map(|id| EmbedParams::from_query(&format!("childId={id}"))),
    ]
}

/// Words that mean something to the parser, so random messages reach its deeper branches.
fn meaningful_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("cke:settings".to_owned()),
        Just("type".to_owned()),
        Just("theme".to_owned()),
        Just("lang".to_owned()),
        Just("dark".to_owned()),
        Just("light".to_owned()),
        Just("auto".to_owned()),
        Just("ru".to_owned()),
        Just("zh".to_owned()),
        Just("kk".to_owned()),
        Just("en".to_owned()),
        Just("fr".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just(String::new()),
        any::<String>(),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Value::Null, Value::Number)),
        meaningful_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 32, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((meaningful_string(), inner), 0..5)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Objects close to the settings message: its type (or not), its keys, known and unknown values.
fn settings_like() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        4 => prop::sample::select(vec!["type", "theme", "lang"]).prop_map(str::to_owned),
        1 => meaningful_string(),
    ];
    let value = prop_oneof![
        4 => meaningful_string().prop_map(Value::String),
        1 => json_value(),
    ];
    (any::<bool>(), prop::collection::vec((key, value), 0..5)).prop_map(|(typed, pairs)| {
        let mut map: Map<String, Value> = pairs.into_iter().collect();
        if typed {
            map.insert("type".to_owned(), Value::String("cke:settings".to_owned()));
        }
        Value::Object(map)
    })
}

/// Strings made of pym.js pieces: the prefix, delimiters, ids, kinds and numbers, in any order.
fn pym_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("pym".to_owned()),
        Just(PYM.to_owned()),
        Just("cke".to_owned()),
        Just("width".to_owned()),
        Just("height".to_owned()),
        Just("-".to_owned()),
        "[0-9]{1,12}",
        "[a-zA-Z0-9_.:-]{1,8}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..8).prop_map(|pieces| {
        // Most start like a pym message, so that the pym branch is what gets fuzzed.
        format!("pym{PYM}{}", pieces.concat())
    })
}

/// Every message the parser may meet, about evenly from each family.
fn any_message() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        ".{990,1010}",
        prop::collection::vec(any::<u8>(), 0..256)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        json_value().prop_map(|value| value.to_string()),
        settings_like().prop_map(|value| value.to_string()),
        settings_like().prop_map(|value| serde_json::to_string_pretty(&value).unwrap()),
        pym_like(),
        // Deep nesting must be refused by the JSON parser's depth limit, not overflow the stack.
        (1_usize..600).prop_map(|depth| "[".repeat(depth)),
    ]
}

/// What an accepted message must look like: exactly a documented shape, saying exactly what
/// the parser read from it.
fn accepted_only_if_well_formed(
    data: &str,
    params: &EmbedParams,
    parsed: Option<HostMessage>,
) -> Result<(), TestCaseError> {
    match parsed {
        None => {}
        Some(HostMessage::Width(width)) => {
            let prefix = format!("pym{PYM}{}{PYM}width{PYM}", params.id());
            let rest = data.strip_prefix(&prefix);
            prop_assert!(rest.is_some(), "a width from {data:?}");
            let rest = rest.unwrap_or_default();
            prop_assert!(!rest.contains(PYM), "a width from {data:?}");
            prop_assert_eq!(rest.parse::<u32>().ok(), Some(width));
            prop_assert!(width <= 100_000);
            prop_assert!(data.len() <= 1_000);
        }
        Some(HostMessage::Settings { theme, lang }) => {
            prop_assert!(
                theme.is_some() || lang.is_some(),
                "empty settings from {data:?}"
            );
            prop_assert!(data.len() <= 1_000);
            let value: Value = serde_json::from_str(data).expect("accepted settings are JSON");
            let object = value.as_object().expect("accepted settings are an object");
            prop_assert_eq!(
                object.get("type"),
                Some(&Value::String("cke:settings".into()))
            );
            for key in object.keys() {
                prop_assert!(["type", "theme", "lang"].contains(&key.as_str()), "{key:?}");
            }
            let read = |key: &str| object.get(key).and_then(Value::as_str);
            prop_assert_eq!(theme, read("theme").and_then(Theme::parse));
            prop_assert_eq!(lang, read("lang").and_then(Lang::parse));
            prop_assert_eq!(theme.is_some(), object.contains_key("theme"));
            prop_assert_eq!(lang.is_some(), object.contains_key("lang"));
        }
    }
    Ok(())
}

#[test]
fn fuzz_any_message_never_panics_and_is_accepted_only_if_well_formed() {
    fuzz::fuzz(
        "embed/any_message",
        CASES,
        (any_message(), params()),
        |(data, params)| {
            let parsed = parse_host_message(&data, &params);
            accepted_only_if_well_formed(&data, &params, parsed)
        },
    );
}

#[test]
fn fuzz_every_well_formed_message_is_accepted() {
    let theme = prop::option::of(prop::sample::select(Theme::ALL.to_vec()));
    let lang = prop::option::of(prop::sample::select(Lang::ALL.to_vec()));
    let spaces = "[ \t\n]{0,2}";
    let messages = (
        theme,
        lang,
        any::<bool>(),
        spaces,
        params(),
        0_u32..=100_000,
    );
    fuzz::fuzz(
        "embed/well_formed",
        CASES / 4,
        messages,
        |(theme, lang, lang_first, space, params, width)| {
            // pym.js's width message for this child.
            let pym = format!("pym{PYM}{}{PYM}width{PYM}{width}", params.id());
            prop_assert_eq!(
                parse_host_message(&pym, &params),
                Some(HostMessage::Width(width))
            );
            // The settings message, with its fields in any order and any JSON whitespace.
            let mut fields = vec![format!("\"type\":{space}\"cke:settings\"")];
            let theme_field = theme.map(|theme| format!("\"theme\":\"{}\"", theme.as_str()));
            let lang_field = lang.map(|lang| format!("\"lang\":{space}\"{}\"", lang.as_str()));
            let (first, second) = if lang_first {
                (lang_field, theme_field)
            } else {
                (theme_field, lang_field)
            };
            fields.extend(first);
            fields.extend(second);
            let json = format!("{{{space}{}{space}}}", fields.join(&format!(",{space}")));
            let expected = (theme.is_some() || lang.is_some())
                .then_some(HostMessage::Settings { theme, lang });
            prop_assert_eq!(parse_host_message(&json, &params), expected, "{}", json);
            Ok(())
        },
    );
}

/// The fuzz harness itself: a panic in the code under test is caught, counted and reported
/// with its minimal input (the fuzzers above would be blind without this).
#[test]
fn the_harness_catches_a_panic_in_the_code_under_test() {
    fn fragile(text: &str) -> usize {
        assert!(!text.contains('!'), "a bang");
        text.len()
    }
    let outcome = fuzz::run(2_000, "[a-z!]{0,8}", |text| {
        fragile(&text);
        Ok(())
    });
    assert!(outcome.panics >= 1, "{outcome:?}");
    let error = outcome.error.as_deref().expect("the panic is reported");
    assert!(error.contains("panicked: a bang"), "{error}");
    assert!(error.contains("minimal failing input: \"!\""), "{error}");
    assert!(outcome.line("x").starts_with("fuzz x: "), "{outcome:?}");

    let quiet = fuzz::run(50, "[a-z]{0,8}", |text| {
        fragile(&text);
        Ok(())
    });
    assert_eq!((quiet.inputs, quiet.panics, quiet.failures), (50, 0, 0));
    assert!(quiet.error.is_none());
}
