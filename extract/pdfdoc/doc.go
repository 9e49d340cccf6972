// Package pdfdoc reads PDF reports into the Document model.
//
// Text and positions come from pdfium compiled to WebAssembly
// (github.com/klippa-app/go-pdfium, run by wazero: no cgo, no system
// library). The process keeps one pool of pdfium instances (one per CPU, at
// most four) across documents; the compiled module is cached under
// os.UserCacheDir()/govreport/wazero (or the temp dir), so only the first
// run pays the seconds of compilation.
//
// Characters: x comes from the loose character box, the baseline from the
// character origin, the em size from the loose box height (the reported
// font size is in text space and wrong for scaled Type 3 fonts; a loose box
// that is implausibly large is replaced by the tight one). pdfium's
// "structured" text boxes are not used: they break line grouping (a 一 is
// about 1 pt tall). Rotated pages (/Rotate) are mapped to the page as
// displayed.
//
// Ruled tables are rebuilt from the drawn rules: thin path objects, and the
// straight segments of stroked paths that draw a whole grid or cell boxes.
// The rules give the grid; a missing rule between two grid cells merges
// them (rowspan/colspan expanded, copies marked Copy); each character goes
// to the cell under its centre, so a wrapped label whose numbers sit on its
// middle line is still one row, and a vertical label set one character per
// line is one cell. Numbers on separate lines are never joined into one: a
// grid row (or a value cell spanning grid rows) whose numbers sit on
// clearly separate lines lacks a rule and is split into one row per line of
// numbers, unless the lines could not have fitted on one line of the cell
// (a number LibreOffice wrapped in a narrow column). A table ending a page
// and one starting the next with the same columns are one table: a label
// cell the break cut is joined back (a cell goes on only when neither the
// foot of the page nor the top of the next is ruled: Chromium draws the rule
// between two rows once, at the foot), a row the break cut (Writer lets rows
// break) is joined, and header rows repeated on the new page are dropped. Page numbers (-4-, 第4页, 4/6) and
// running headers or footers (the same margin line on three pages or more)
// are dropped.
//
// Tables drawn without rules are found from text alignment: lines split into
// segments at gaps wider than an em; runs of such lines with numbers are
// tables whose columns are the bands of the numeric lines; a one-segment
// label line next to a numeric row is the wrapped part of that row's label.
// This is less sure than the ruled case (headers of narrow columns split
// into several rows). Text outside tables becomes paragraphs (a new one at
// an indent, after a short line, or at a gap).
//
// Locators: a cell is "p<page>/<x>,<y>,<w>,<h>" in points from the top-left
// corner of the page as displayed; a paragraph or table "p<page>".
//
// Scanned pages (an image and almost no text): when tesseract with chi_sim
// is installed (extract/ocr), each page (at most MaxOCRPages, each within
// Options.OCRPageTimeout) is rendered at 200 dpi in a short pdfium session,
// tesseract runs outside it, the table
// rules are found in the image (long dark runs) and tesseract's words are
// laid out like text, so a scanned table becomes a grid too; the Document
// then has Meta["ocr"]="tesseract" and Meta["ocr_pages"]. Without tesseract
// nothing is invented: those pages give no text, and the Document carries
// Meta["needs_ocr"]="true" and Meta["needs_ocr_pages"], so the caller can
// raise needs_ocr. OCR'd text is noisy (digits misread, labels garbled): its
// numbers need checking against the report's identities.
//
// Limits: MaxPages pages (ErrTooLarge, "too many pages"), a per-document
// timeout (Options.Timeout, default DefaultTimeout: the running Wasm call is
// interrupted and the instance replaced), 512 MiB of Wasm memory per
// instance, caps on characters, objects and path segments per page.
// Encrypted files fail with ErrEncrypted, unreadable or truncated ones with
// ErrDamaged (pdfium repairs what it can of a truncated file).
package pdfdoc
