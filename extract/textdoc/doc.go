// Package textdoc reads plain text reports (OCR output, tab-separated
// tables, markdown pipe tables, pdftotext -layout output whose columns are
// runs of spaces) into the Document model.
//
// The reader recovers structure only: a run of lines that share a column
// separator becomes a table grid, every other non-blank line a paragraph.
// Layout text whose values start where their column's header label starts
// (display columns, a CJK character two wide) is read by position
// (layout.go): every field goes to the column its first character falls
// in, so blank cells stay blank, and the block's one-field lines (wrapped
// labels, sub-headings, rows printing a label only) are rows of the grid.
// Layout text whose values are centred or right-aligned under their
// headers (as pdftotext -layout prints a PDF table) is read by the
// headers' extents instead, when the block has a clear header of up to
// three lines and nothing continues it after a blank line: a value goes
// to the header column it overlaps, else the nearest by centre. Other
// layout text keeps the plain split, aligned to its widest rows.
// Characters are never corrected (OCR slips such as Ξ for 三 are left for
// the template matcher), only full-width and no-break spaces inside cells
// are made plain spaces.
package textdoc
