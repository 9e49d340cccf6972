// Package docxdoc reads Word 2007+ (.docx, also WPS's docx export) reports
// into the Document model with the standard library only: word/document.xml
// is streamed with encoding/xml.
//
// Paragraphs (w:p) become paragraph blocks; tables (w:tbl) become grids:
// w:gridSpan expands a cell to the right (copies marked Copy), w:vMerge
// "continue" cells repeat the text of the cell above that restarted the
// merge (marked Copy), w:gridBefore leaves empty positions. Text comes from
// w:t runs; w:tab is a tab, w:br/w:cr a line break; deleted text (w:delText)
// and field codes (w:instrText) are not text. A table nested inside a cell
// adds its text to that cell.
//
// Protection: the archive may have at most MaxEntries entries and the
// document part is read up to MaxPartSize bytes (uncompressed, counted as
// read, not as declared), so a zip bomb ends with ErrTooLarge.
package docxdoc
