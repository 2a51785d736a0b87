//! Property tests of the public URL contract: any query string parses without panicking, and
//! whatever it parses to is written back canonically and reads back the same. Each property is
//! a fuzz run with a fixed budget and a printed report (`tests/fuzz/mod.rs`).
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod fuzz;

use cke_core::url::{percent_decode, percent_encode, Selection};
use proptest::prelude::*;

/// Inputs per property in the test command's fixed budget (`CKE_FUZZ_CASES` overrides it).
const CASES: u32 = 10_000;

const NOW: i32 = 2026;

fn hostile_query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("view".to_owned()),
        Just("sector".to_owned()),
        Just("year".to_owned()),
        Just("event".to_owned()),
        Just("chart".to_owned()),
        Just("step".to_owned()),
        Just("place".to_owned()),
        Just("lang".to_owned()),
        Just("theme".to_owned()),
        Just("embed".to_owned()),
        any::<String>(),
    ];
    let value = prop_oneof![
        Just("timeline".to_owned()),
        Just("map".to_owned()),
        Just("energy".to_owned()),
        Just("tourism,energy,space,,energy".to_owned()),
        Just("2013".to_owned()),
        Just("1".to_owned()),
        Just("12".to_owned()),
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

#[test]
fn fuzz_any_query_parses_and_round_trips_canonically() {
    fuzz::fuzz("url/round_trip", CASES, hostile_query(), |query| {
        let selection = Selection::from_query(&query, NOW);
        let canonical = selection.to_query();
        prop_assert_eq!(Selection::from_query(&canonical, NOW), selection.clone());
        prop_assert_eq!(Selection::from_query(&canonical, NOW).to_query(), canonical);
        Ok(())
    });
}

#[test]
fn fuzz_arbitrary_bytes_never_panic() {
    let bytes = proptest::collection::vec(any::<u8>(), 0..256);
    fuzz::fuzz("url/bytes", CASES, bytes, |bytes| {
        let query = String::from_utf8_lossy(&bytes);
        let _ = Selection::from_query(&query, NOW).to_query();
        Ok(())
    });
}

#[test]
fn fuzz_encoding_then_decoding_returns_the_text() {
    fuzz::fuzz("url/percent_encoding", CASES, any::<String>(), |text| {
        prop_assert_eq!(percent_decode(&percent_encode(&text)), text);
        Ok(())
    });
}
