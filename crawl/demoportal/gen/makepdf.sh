#!/usr/bin/env bash
# makepdf.sh prints the demo portal's PDF attachments from the standalone
# pages gen writes under gen/pdf/ (listed in gen/pdf/targets.txt as
# "<page.html> <site path of the PDF>"), with headless Chromium and a CJK
# font (Debian: apt-get install -y chromium fonts-wqy-zenhei). The PDFs are
# committed, so CI and `go test` never need Chromium; rerun this only when
# a report published as a PDF changes.
set -euo pipefail
cd "$(dirname "$0")"
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "makepdf: no chromium on PATH" >&2
	exit 1
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
while read -r page target; do
	[ -n "$page" ] || continue
	out="../$target"
	mkdir -p "$(dirname "$out")"
	"$browser" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$profile" --no-pdf-header-footer --print-to-pdf-no-header \
		--print-to-pdf="$out" "file://$PWD/pdf/$page" 2>/dev/null
	echo "makepdf: $out"
done < pdf/targets.txt
