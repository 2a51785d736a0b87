#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine, from crates.io, npm and
# apt only — never from GitHub. Idempotent: each step checks what is there and skips it when the
# right version is already installed. Sourced by serve.sh and test.sh; can also run on its own.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export RUST_BACKTRACE=0
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

TRUNK_VERSION=0.21.14
say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen library version the app is built with: the CLI must match it exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

setup_rust() {
  command -v rustup >/dev/null || fail "rustup is not installed; install Rust 1.95.0 with rustup first"
  # rust-toolchain.toml names the toolchain, target and components; this installs any missing.
  rustup show active-toolchain >/dev/null
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

setup_trunk() {
  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then return; fi
  say "installing trunk $TRUNK_VERSION (takes several minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
}

setup_wasm_bindgen() {
  local want pinned
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || fail "no wasm-bindgen in Cargo.lock"
  pinned=$(sed -n 's/^wasm_bindgen = "\(.*\)"/\1/p' Trunk.toml)
  if [ "$pinned" != "$want" ]; then
    fail "Trunk.toml pins wasm_bindgen = \"$pinned\" but Cargo.lock has wasm-bindgen $want.
  Fix: set wasm_bindgen = \"$want\" in Trunk.toml (and keep wasm-bindgen = \"=$want\" in Cargo.toml)."
  fi
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $want"; then return; fi
  say "installing wasm-bindgen-cli $want (Cargo.lock's version)"
  # Not --locked: the CLI's own lockfile pins a webpki-roots release the registry mirror lacks.
  cargo install wasm-bindgen-cli --version "$want" --force
  wasm-bindgen --version | grep -qx "wasm-bindgen $want" ||
    fail "wasm-bindgen on PATH is $(wasm-bindgen --version), not $want.
  Fix: cargo install wasm-bindgen-cli --version $want --force"
}

setup_wasm_split() {
  # The splitter of the split build (scripts/split.mjs). It has no --version: ask cargo.
  local want=0.2.4
  if cargo install --list | grep -qx "wasm_split_cli_support v$want:" && command -v wasm-split-cli >/dev/null; then return; fi
  say "installing wasm_split_cli_support $want (wasm-split-cli)"
  cargo install --locked wasm_split_cli_support --version "$want" --features build-binary
}

setup_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  say "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
}

setup_fonts() {
  # Headless Chromium draws Chinese with whatever font the system has; without one, the
  # screenshots saved for review show empty boxes. WenQuanYi Micro Hei is small (4 MB).
  if fc-list 2>/dev/null | grep -qi "WenQuanYi Micro Hei"; then return; fi
  say "installing a Chinese font for headless Chromium (fonts-wqy-microhei)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-wqy-microhei >/dev/null
}

setup_npm() {
  # node_modules is reinstalled only when package-lock.json changed since the last install.
  local stamp=node_modules/.package-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return; fi
  say "installing npm tools from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

check_wasm_opt() {
  wasm-opt --version | grep -q "version 132" ||
    fail "wasm-opt on PATH is '$(wasm-opt --version)', Trunk.toml wants version_132 (npm binaryen@132)."
}

setup_rust
setup_trunk
setup_wasm_bindgen
setup_wasm_split
setup_chromium
setup_fonts
setup_npm
check_wasm_opt
cargo fetch --quiet
say "ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -n1)"
