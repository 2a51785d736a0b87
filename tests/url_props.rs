//! Property tests of the public URL contract: any query string parses without panicking, and
//! whatever it parses to is written back canonically and reads back the same.
#![cfg(not(target_arch = "wasm32"))]

use china_kazakhstan_explorer::url::{percent_decode, percent_encode, Selection};
use proptest::prelude::*;

const NOW: i32 = 2026;

fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("view".to_owned()),
        Just("sector".to_owned()),
        Just("year".to_owned()),
        Just("event".to_owned()),
        Just("chart".to_owned()),
        Just("lang".to_owned()),
        Just("theme".to_owned()),
        Just("embed".to_owned()),
        any::<String>(),
    ];
    let value = prop_oneof![
        Just("timeline".to_owned()),
        Just("energy".to_owned()),
        Just("tourism,energy,space,,energy".to_owned()),
        Just("2013".to_owned()),
        Just("1".to_owned()),
        Just("<script>alert(1)</script>".to_owned()),
        Just("%%%".to_owned()),
        Just("%E2%82".to_owned()),
        "[a-z0-9-]{0,12}",
        any::<String>(),
    ];
    proptest::collection::vec((key, value), 0..12).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={value}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    #[test]
    fn any_query_parses_and_round_trips_canonically(query in hostile_query()) {
        let selection = Selection::from_query(&query, NOW);
        let canonical = selection.to_query();
        prop_assert_eq!(Selection::from_query(&canonical, NOW), selection.clone());
        prop_assert_eq!(Selection::from_query(&canonical, NOW).to_query(), canonical);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let query = String::from_utf8_lossy(&bytes);
        let _ = Selection::from_query(&query, NOW).to_query();
    }

    #[test]
    fn encoding_then_decoding_returns_the_text(text in any::<String>()) {
        prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
    }
}
