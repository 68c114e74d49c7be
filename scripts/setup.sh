#!/usr/bin/env bash
# Install whatever is missing to build (and, with --test, to test) Pilot Audit.
# Idempotent: quick when everything is present. Source it to get the PATH it sets.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WITH_TEST=0
[[ "${1:-}" == "--test" ]] && WITH_TEST=1

TRUNK_VERSION="0.21.14"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is missing: install Node.js 20 first" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
  say "installing trunk $TRUNK_VERSION (takes several minutes the first time)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
if [[ -z "$WB_VERSION" ]]; then echo "cannot find wasm-bindgen in Cargo.lock" >&2; exit 1; fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WB_VERSION" ]]; then
  say "installing wasm-bindgen-cli $WB_VERSION"
  # Not --locked: its lockfile wants a webpki-roots the registry lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION"
fi

# npm packages: ECharts, wasm-opt 132 (binaryen), Playwright and axe for the tests.
if [[ ! -d "$ROOT/node_modules" || "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]]; then
  say "installing npm packages"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

if [[ $WITH_TEST == 1 ]]; then
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver || ! -x "$(command -v pdftoppm || echo /nonexistent)" ]]; then
    say "installing Debian's chromium, chromium-driver and poppler-utils"
    SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
  fi
fi
say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | cut -d' ' -f1-3)"
