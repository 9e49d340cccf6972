// Package pdfdoc reads PDF reports into the Document model.
//
// Text and positions come from pdfium compiled to WebAssembly
// (github.com/klippa-app/go-pdfium, run by wazero: no cgo, no system
// library). One pdfium instance serves the whole process; its compiled code
// is cached under os.UserCacheDir()/govreport/wazero so only the first run
// pays the ~3 s compilation.
//
// Layout: each character is placed by its loose box (x) and its origin
// (baseline); the structured text boxes of pdfium are not used, they break
// lines apart (a 一 is about 1 pt tall). Ruled tables are rebuilt from the
// drawn rules (thin path objects): the rules give the grid, a missing rule
// between two grid cells merges them (rowspan/colspan), and every character
// goes to the cell under its centre, so a wrapped label whose numbers sit on
// its middle line is still one row. A table that ends a page and one that
// starts the next with the same columns are one table; a label cell cut by
// the page break is joined back. Page numbers (-4-, 第4页) and running
// headers in the margins are dropped. Text outside tables becomes
// paragraphs (a new one at an indent, a short line or a gap).
//
// Tables drawn without rules are not rebuilt as grids: their lines come out
// as paragraphs. Locators are "p<page>/<x>,<y>,<w>,<h>" in points from the
// page's top-left corner.
//
// Scanned pages (an image and almost no text) are rendered at 200 dpi and
// read by tesseract (extract/ocr) when it is installed with chi_sim; the
// Document then has Meta["ocr"]="tesseract". Without tesseract nothing is
// invented: the pages stay empty and Meta["needs_ocr"]="true" (with
// Meta["needs_ocr_pages"]) so the caller can raise needs_ocr.
//
// Limits: MaxPages pages ("too many pages"), a per-document timeout
// (Options.Timeout, default DefaultTimeout; the Wasm call is interrupted),
// a 512 MiB cap on pdfium's memory, and per-page caps on characters and
// objects. Encrypted files fail with ErrEncrypted, unreadable ones with
// ErrDamaged.
package pdfdoc
