#!/usr/bin/env bash
# Builds livrev, makes the demo registry, exports it with `export --metafor`, and runs each
# generated reproduce.R: every pooled number must agree with metafor to 1e-6. A developer tool
# (needs R with metafor); CI does not run it.
#
#   scripts/verify-export.sh [work-dir]                       # defaults and a set of option variants
#   scripts/verify-export.sh [work-dir] -- --method REML ...  # one run with these export options
# (words are split on spaces; write an underscore for a space inside an outcome name)
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

if [[ $# -gt 0 ]]; then
    variants=("$*")
else
    one='--outcome Infections_and_infestations'
    variants=(
        ""
        "--method REML --ci hksj"
        "--method FE --correction all"
        "--method PM --correction drop00"
        "--at published-2025 --method SJ"
        "$one --method MH"
        "$one --method MH --measure RR"
        "$one --method PETO"
        "$one --measure RD --method EB"
        "$one --correction none"
        "--outcome Nervous_system_disorder --measure RD --correction none --method REML"
    )
fi
failed=0
for index in "${!variants[@]}"; do
    read -r -a options <<<"${variants[$index]}"
    options=("${options[@]//_/ }")   # Infections_and_infestations → one argument with spaces
    dir="$work/export-$index"
    echo "== export --metafor ${variants[$index]//_/ }"
    "$livrev" export --metafor "$dir" --db "$work/demo.livrev" "${options[@]}" 2>/dev/null
    if Rscript "$dir/reproduce.R" >"$dir/reproduce.out" 2>&1; then
        tail -1 "$dir/reproduce.out"
    else
        failed=1
        grep -E " NO$|DIFFER|Error" "$dir/reproduce.out" | head -20
    fi
done
exit $failed
