#!/bin/sh
# Regenerates the held-out PDF from make.py's HTML with LibreOffice Writer.
set -eu
cd "$(dirname "$0")"
python3 make.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo="soffice -env:UserInstallation=file://$tmp/profile --headless --norestore"
$lo --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" heldout.html >/dev/null
cp "$tmp/heldout.pdf" heldout.pdf
ls -l heldout.pdf
