#!/usr/bin/env bash
# Set up what is missing, then run every check and test suite; fails if any fails.
#   1. cargo fmt --check, cargo clippy -D warnings (native and wasm)
#   2. native tests (the engine)
#   3. browser tests (wasm-bindgen-test in headless Chromium)
#   4. release build, then end-to-end tests (Playwright driving Chromium against dist/)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test

step "browser tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --tests

step "release build"
trunk build --release

step "end-to-end tests (Playwright, Chromium)"
node --test --test-concurrency=1 tests/e2e/*.test.mjs

echo
echo "All test suites passed."
