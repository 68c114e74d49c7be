#!/usr/bin/env bash
# Set up what is missing, then serve Pilot Audit on http://127.0.0.1:8080 (rebuilds on change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
echo "Pilot Audit: http://127.0.0.1:8080  (press Ctrl+C to stop)"
exec trunk serve "$@"
