#!/bin/sh
# Regenerates the old-Office test files with LibreOffice:
#   report.doc  Word 97 from ../../pdfdoc/testdata/report.docx (itself from
#               the hand-written report.html there)
#   table.xls   Excel 97 from table.html (hand-written)
# Needs: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo="soffice -env:UserInstallation=file://$tmp/profile --headless --norestore"
$lo --convert-to doc:"MS Word 97" --outdir "$tmp" ../../pdfdoc/testdata/report.docx >/dev/null
cp "$tmp/report.doc" report.doc
$lo --infilter="HTML (StarCalc)" --convert-to xls:"MS Excel 97" --outdir "$tmp" table.html >/dev/null
cp "$tmp/table.xls" table.xls
ls -l report.doc table.xls
