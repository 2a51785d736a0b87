#!/usr/bin/env bash
# Quick start 2: set everything up, then run every test layer, cheapest first, and print how
# long each phase took. Stops at the first failing phase. `.ci/run` runs this.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RUST_BACKTRACE=0 CARGO_TERM_COLOR=never
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

timings=()
phase() {
  local name=$1 start=$SECONDS
  shift
  printf '\n=== %s\n' "$name"
  "$@"
  timings+=("$(printf '%-28s %5ss' "$name" $((SECONDS - start)))")
}
report() {
  printf '\n=== phase timings\n'
  printf '%s\n' "${timings[@]}"
}
trap report EXIT

phase "setup" bash scripts/setup.sh
phase "format" cargo fmt --all -- --check
phase "lint (clippy)" cargo clippy --workspace --all-targets --quiet -- -D warnings
phase "data (validate-data)" cargo validate-data
# The fuzz properties (tests named fuzz_*) run in their own phase, with their reports shown.
phase "native tests" cargo test --workspace --quiet -- --skip fuzz_
# A fixed budget per fuzz target, each printing what it tried, e.g. `fuzz url/round_trip: 10000
# inputs, 0 panics, 0 failures`; CKE_FUZZ_CASES=<n> runs n inputs per property instead (README).
phase "fuzz (fixed budget)" cargo test -p cke-core --test data_fuzz --test url_props --test embed_fuzz \
  -- --nocapture fuzz_
phase "browser tests (wasm)" env CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --target wasm32-unknown-unknown --test web --test timeline_web --test charts_web
phase "release build" trunk build --release --offline
phase "size report" node scripts/size-report.mjs
# The same release build with the test-only `test-panic` feature (`?panic=1` panics on purpose)
# for e2e/panic.test.mjs. Same target dir: only the app crate is compiled again. Never deployed.
# The feature changes no view, so it takes the prerendered views of dist/ rather than drawing
# them again (CKE_PRERENDER_FROM, scripts/prerender.mjs).
phase "release build (test-panic)" env CKE_PRERENDER_FROM="$PWD/dist" \
  trunk build --release --offline --features test-panic --dist target/dist-panic
phase "end-to-end (Chromium)" node --test --test-concurrency=1 e2e/
