#!/usr/bin/env bash
# Renders the golden SVG figures and HTML reports to PNG with headless Chromium, so a person can
# look at them. Not used by CI; needs Debian's `chromium` (apt-get install -y chromium fonts-dejavu-core).
#
#   scripts/render-figures.sh [output-dir]        # default /tmp/livrev-figures
#
# Each figure is shot at its own width and height (read from the <svg> element); HTML reports are
# shot 1000 px wide at LIVREV_HTML_HEIGHT px (default 9000) tall, and also cut into 1000x1200 slices
# (report-0.png, report-1.png, …) that an image viewer shows at full size.
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
# HTML: one full-height shot, plus 1000x1200 slices (an offset iframe per slice) small enough to view.
slice=1200
for html in "$snapshots"/*.html; do
    [[ -e "$html" && "$html" != *.actual.html ]] || continue
    name="$(basename "$html" .html)"
    total="${LIVREV_HTML_HEIGHT:-9000}"
    shoot "$html" 1000 "$total" "$out/$name.png"
    echo "$out/$name.png (1000x$total)"
    for ((k = 0; k * slice < total; k++)); do
        wrapper="$out/.$name-slice-$k.html"
        printf '<!DOCTYPE html><html><body style="margin:0;overflow:hidden"><iframe src="file://%s" style="border:0;position:absolute;left:0;top:-%dpx;width:1000px;height:%dpx"></iframe></body></html>' \
            "$html" $((k * slice)) "$total" >"$wrapper"
        "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
            --allow-file-access-from-files --user-data-dir="$out/.chromium-profile" \
            --window-size="1000,$slice" --screenshot="$out/$name-$k.png" "file://$wrapper" >/dev/null 2>&1
        echo "$out/$name-$k.png (slice $k)"
    done
done
