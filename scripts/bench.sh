#!/usr/bin/env bash
# Benchmark: builds the release, then prints bundle bytes and timings measured in headless
# Chromium (scripts/bench.mjs) and µs per assess natively (cargo bench). Asserts nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
trunk build --release
echo "== App wasm after wasm-opt: $(stat -c %s dist/*.wasm) bytes raw, $(gzip -9c dist/*.wasm | wc -c) bytes gzip"
node scripts/bench.mjs
cargo bench --bench assess
