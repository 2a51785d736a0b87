#!/usr/bin/env bash
# Quick start 1: set everything up, then build and serve the app with its bundled data at
# http://127.0.0.1:8080/ (Trunk's dev server; it rebuilds when src/, style/ or public/ change).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export RUST_BACKTRACE=0 PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve --offline "$@"
