#!/usr/bin/env bash
# Builds the demo registry, writes its figures (pool/prisma/rob/cumulative) and HTML report with
# the CLI, and renders them to PNG with headless Chromium so a person can look at them.
# Not used by CI; needs Debian's `chromium` and `fonts-dejavu-core`.
#
#   scripts/render-report.sh [output-dir]        # default /tmp/livrev-report
#
# SVGs are shot at their own size; the report is shot 1000 px wide, LIVREV_HTML_HEIGHT tall
# (default 30000), then cut into 1000x1200 slices (report-0.png, …) that a viewer shows at full size.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-/tmp/livrev-report}"
browser="$(command -v chromium || command -v chromium-browser || true)"
[[ -n "$browser" ]] || { echo "render-report: chromium not found (apt-get install -y chromium fonts-dejavu-core)" >&2; exit 1; }
(cd "$root" && swift build --product livrev >&2)
livrev="$root/.build/debug/livrev"
rm -rf "$out"
mkdir -p "$out/svg" "$out/png"
db="$out/demo.livrev"
"$livrev" demo --db "$db" >/dev/null
infections="Infections and infestations"
"$livrev" pool --outcome "$infections" --db "$db" --forest "$out/svg/forest.svg" --funnel "$out/svg/funnel.svg" --trimfill >/dev/null
"$livrev" pool --outcome "$infections" --db "$db" --subgroup phase --forest "$out/svg/forest-subgroup.svg" >/dev/null
"$livrev" pool --outcome "Cohort: MACCE" --db "$db" --forest "$out/svg/forest-proportion.svg" >/dev/null
"$livrev" prisma --format svg --db "$db" --out "$out/svg/prisma.svg"
"$livrev" rob summary --format svg --weights n --db "$db" --out "$out/svg/rob.svg"
"$livrev" cumulative --outcome "$infections" --db "$db" --forest "$out/svg/cumulative.svg" >/dev/null
"$livrev" report --db "$db" --out "$out/report.html"

shoot() { # url width height png [extra flags]
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --allow-file-access-from-files --user-data-dir="$out/.chromium-profile" --default-background-color=ffffffff \
        --window-size="$2,$3" --screenshot="$4" "$1" >/dev/null 2>&1
}
for svg in "$out"/svg/*.svg; do
    name="$(basename "$svg" .svg)"
    header="$(grep -m1 -o '<svg [^>]*>' "$svg")"
    width="$(sed -E 's/.* width="([0-9.]+)".*/\1/' <<<"$header")"
    height="$(sed -E 's/.* height="([0-9.]+)".*/\1/' <<<"$header")"
    shoot "file://$svg" "${width%.*}" "${height%.*}" "$out/png/$name.png"
    echo "$out/png/$name.png (${width%.*}x${height%.*})"
done
total="${LIVREV_HTML_HEIGHT:-30000}"
slice=1200
for ((k = 0; k * slice < total; k++)); do
    wrapper="$out/.report-slice-$k.html"
    printf '<!DOCTYPE html><html><body style="margin:0;overflow:hidden"><iframe src="file://%s" style="border:0;position:absolute;left:0;top:-%dpx;width:1000px;height:%dpx"></iframe></body></html>' \
        "$out/report.html" $((k * slice)) "$total" >"$wrapper"
    shoot "file://$wrapper" 1000 "$slice" "$out/png/report-$k.png"
done
echo "$out/png/report-*.png ($k slices of 1000x$slice)"
