// Package officedoc reads old binary Office files (.doc, .xls, Kingsoft
// WPS .wps/.et: OLE compound files) and RTF by converting them with
// LibreOffice headless to .docx or .xlsx, then reading the result with
// extract/docxdoc or extract/xlsxdoc. LibreOffice kept every row and label
// where antiword, catdoc and xls2csv lost or garbled them.
//
// LibreOffice is optional and heavy: when neither soffice nor libreoffice
// is on PATH, Read fails with ErrNoLibreOffice naming the package to
// install. Each conversion runs with its own temporary profile directory
// (so runs can overlap and never touch the user's profile) and a timeout;
// the whole process group is killed when it expires.
package officedoc
