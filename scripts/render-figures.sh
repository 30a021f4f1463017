#!/usr/bin/env bash
# Renders the golden SVG figures and HTML reports to PNG with headless Chromium, so a person can
# look at them. Not used by CI; needs Debian's `chromium` (apt-get install -y chromium fonts-dejavu-core).
#
#   scripts/render-figures.sh [output-dir]        # default /tmp/livrev-figures
#
# Each figure is shot at its own width and height (read from the <svg> element); HTML reports are
# shot 1000 px wide at LIVREV_HTML_HEIGHT px (default 9000) tall.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
snapshots="$root/Tests/LivrevReportsTests/Snapshots"
out="${1:-/tmp/livrev-figures}"
mkdir -p "$out"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
    echo "render-figures: chromium not found (apt-get install -y chromium fonts-dejavu-core)" >&2
    exit 1
fi

shoot() { # file width height png
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --user-data-dir="$out/.chromium-profile" --default-background-color=ffffffff \
        --window-size="$2,$3" --screenshot="$4" "file://$1" >/dev/null 2>&1
}

for svg in "$snapshots"/*.svg; do
    [[ "$svg" == *.actual.svg ]] && continue
    name="$(basename "$svg" .svg)"
    header="$(grep -m1 -o '<svg [^>]*>' "$svg")"
    width="$(sed -E 's/.* width="([0-9.]+)".*/\1/' <<<"$header")"
    height="$(sed -E 's/.* height="([0-9.]+)".*/\1/' <<<"$header")"
    shoot "$svg" "${width%.*}" "${height%.*}" "$out/$name.png"
    echo "$out/$name.png (${width%.*}x${height%.*})"
done
for html in "$snapshots"/*.html; do
    [[ -e "$html" && "$html" != *.actual.html ]] || continue
    name="$(basename "$html" .html)"
    shoot "$html" 1000 "${LIVREV_HTML_HEIGHT:-9000}" "$out/$name.png"
    echo "$out/$name.png (1000x${LIVREV_HTML_HEIGHT:-9000})"
done
