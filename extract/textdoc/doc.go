// Package textdoc reads plain text reports (OCR output, tab-separated
// tables, markdown pipe tables, pdftotext -layout output whose columns are
// runs of spaces) into the Document model.
//
// The reader recovers structure only: a run of lines that share a column
// separator becomes a table grid, every other non-blank line a paragraph.
// Characters are never corrected (OCR slips such as Ξ for 三 are left for
// the template matcher), only full-width and no-break spaces inside cells
// are made plain spaces.
package textdoc
