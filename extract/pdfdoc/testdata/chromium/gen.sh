#!/bin/sh
# Prints rows.html (hand-written; its numbers are the expected values of
# TestGoldenChromiumRows) to rows.pdf with headless Chromium, as the
# "print to PDF" of a browser makes report attachments.
# Needs: chromium, fonts-noto-cjk
set -eu
cd "$(dirname "$0")"
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
	--print-to-pdf="$PWD/rows.pdf" "file://$PWD/rows.html" 2>/dev/null
ls -l rows.pdf
