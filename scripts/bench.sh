#!/usr/bin/env bash
# Benchmark: builds the release, then prints bundle bytes and timings measured in headless
# Chromium (scripts/bench.mjs) and µs per assess natively (cargo bench). Asserts nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
trunk build --release
for wasm in dist/view-*_bg.wasm dist/charts_bg.wasm; do
  echo "== $(basename "$wasm") after wasm-opt: $(stat -c %s "$wasm") bytes raw, $(gzip -9c "$wasm" | wc -c) bytes gzip"
done
node scripts/bench.mjs
cargo bench --bench assess
