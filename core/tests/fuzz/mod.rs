//! The fuzzers' shared budget and report. Each fuzz property runs a fixed number of random
//! inputs (its default, or `CKE_FUZZ_CASES` for a longer run), counts what it tried and how
//! many inputs made the code under test panic, and prints one line such as
//! `fuzz url/any_query_round_trips: 10000 inputs, 0 panics, 0 failures`
//! (visible with `-- --nocapture`, as `scripts/test.sh` runs them).
//!
//! A panic is caught here, counted, and handed to proptest as a failure, so proptest shrinks
//! the input that panicked and the test fails with it.

// Each test crate uses a different part; a failed expectation panics, as tests do.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};
use std::cell::Cell;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The number of inputs for one property: `CKE_FUZZ_CASES` when set to a number, else
/// `default` (the fixed budget of the test command).
pub fn cases(default: u32) -> u32 {
    std::env::var("CKE_FUZZ_CASES")
        .ok()
        .and_then(|value| value.trim().replace('_', "").parse().ok())
        .filter(|cases| *cases > 0)
        .unwrap_or(default)
}

/// What one fuzz run tried and found.
#[derive(Debug)]
pub struct Outcome {
    /// Inputs run, the shrinking steps after a failure included.
    pub inputs: u64,
    /// Inputs that made the code under test (or an assertion) panic.
    pub panics: u64,
    /// Inputs that failed a `prop_assert!`.
    pub failures: u64,
    /// proptest's report of the minimal failing input, if any input failed.
    pub error: Option<String>,
}

impl Outcome {
    /// The report line.
    pub fn line(&self, name: &str) -> String {
        format!(
            "fuzz {name}: {} inputs, {} panics, {} failures",
            self.inputs, self.panics, self.failures
        )
    }
}

/// Runs `test` on `cases` inputs drawn from `strategy` and returns what happened, without
/// failing: [`fuzz`] reports and fails; the harness's own test inspects it.
pub fn run<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) -> Outcome {
    let mut runner = TestRunner::new(Config {
        cases,
        // Random inputs every run; a failure prints its minimal input, which becomes a fixed
        // regression test by hand. No files are written into the source tree.
        failure_persistence: None,
        ..Config::default()
    });
    let inputs = Cell::new(0_u64);
    let panics = Cell::new(0_u64);
    let failures = Cell::new(0_u64);
    let result = runner.run(&strategy, |value| {
        inputs.set(inputs.get() + 1);
        match catch_unwind(AssertUnwindSafe(|| test(value))) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => {
                failures.set(failures.get() + 1);
                Err(error)
            }
            Err(payload) => {
                panics.set(panics.get() + 1);
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|text| (*text).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_owned());
                Err(TestCaseError::fail(format!("panicked: {message}")))
            }
        }
    });
    let error = match result {
        Ok(()) => None,
        Err(TestError::Fail(reason, input)) => {
            Some(format!("{reason}; minimal failing input: {input:?}"))
        }
        Err(TestError::Abort(reason)) => Some(format!("aborted: {reason}")),
    };
    Outcome {
        inputs: inputs.get(),
        panics: panics.get(),
        failures: failures.get(),
        error,
    }
}

/// Fuzzes one property with its budget, prints the report line, and fails on any panic or
/// failed assertion (with the minimal failing input).
pub fn fuzz<S: Strategy>(
    name: &str,
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let outcome = run(cases(default_cases), strategy, test);
    eprintln!("{}", outcome.line(name));
    if let Some(error) = &outcome.error {
        panic!("{}: {error}", outcome.line(name));
    }
}
