#!/bin/sh
# Regenerates the test documents from report.html (hand-written; its numbers
# are the expected values of the golden tests) with LibreOffice:
#   report.docx  HTML imported by Writer, saved as Word 2007+
#   report.pdf   that DOCX exported by Writer (ruled tables, CJK TrueType)
# Needs: apt-get install libreoffice-writer-nogui fonts-noto-cjk
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
lo="soffice -env:UserInstallation=file://$tmp/profile --headless --norestore"
$lo --infilter="HTML (StarWriter)" --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" report.html >/dev/null
cp "$tmp/report.docx" report.docx
$lo --convert-to pdf:writer_pdf_Export --outdir "$tmp" report.docx >/dev/null
cp "$tmp/report.pdf" report.pdf
ls -l report.docx report.pdf
# encrypted.pdf: a one-line document with the open password "secret"
$lo --infilter="HTML (StarWriter)" --convert-to 'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}' --outdir "$tmp" encrypted.html >/dev/null
cp "$tmp/encrypted.pdf" encrypted.pdf
ls -l encrypted.pdf
# report-noborder.pdf: the same report with tables drawn without any rule
sed 's/border="1"/border="0"/g' report.html > "$tmp/report-noborder.html"
$lo --infilter="HTML (StarWriter)" --convert-to pdf:writer_pdf_Export --outdir "$tmp" "$tmp/report-noborder.html" >/dev/null
cp "$tmp/report-noborder.pdf" report-noborder.pdf
ls -l report-noborder.pdf
