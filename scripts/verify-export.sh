#!/usr/bin/env bash
# Builds livrev, makes the demo registry, exports it with `export --metafor`, and runs the
# generated reproduce.R: every pooled number must agree with metafor to 1e-6. A developer tool
# (needs R with metafor); CI does not run it.
#
#   scripts/verify-export.sh [work-dir] [-- extra pool options, e.g. --method REML --ci hksj]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-/tmp/livrev-verify-export}"
shift || true
[[ "${1:-}" == "--" ]] && shift
command -v Rscript >/dev/null || { echo "verify-export: Rscript not found" >&2; exit 1; }
(cd "$root" && swift build --product livrev >&2)
livrev="$root/.build/debug/livrev"
rm -rf "$work"
mkdir -p "$work"
"$livrev" demo --db "$work/demo.livrev" >/dev/null
"$livrev" export --metafor "$work/metafor" --db "$work/demo.livrev" "$@" 2>/dev/null
Rscript "$work/metafor/reproduce.R"
