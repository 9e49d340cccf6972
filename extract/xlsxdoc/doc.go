// Package xlsxdoc reads Excel 2007+ (.xlsx, also WPS .et saved as xlsx)
// reports into the Document model with excelize: every visible sheet is one
// table. A sheet laid out as a whole report (title and text rows above the
// table, closing sections and the date below it) gives those one-cell rows
// as paragraphs around the table; the caption row just above the first
// table row stays in the table.
//
// A merged range keeps its text in the top-left cell; the other positions
// get the same text marked Copy. A cell shows its displayed (formatted)
// value, except where the format hides digits of a number (7730.28 shown
// as 7,730 or 7.73E+03): then the raw number is used. Empty rows and
// columns at the edges are trimmed. Cell locators are "Sheet!B3".
//
// Protection: excelize's unzip limits (MaxUnzipSize total, MaxXMLSize per
// worksheet part) and at most MaxRows rows by MaxCols columns per sheet.
package xlsxdoc
