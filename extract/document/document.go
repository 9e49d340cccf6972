// Package document is the one model every reader produces: the text of a
// report as paragraphs and tables, in reading order, whatever the format it
// was published in. Interpreting it against the national templates is the
// job of extract/template; readers only recover structure.
package document

import "strings"

// Document is a report as read from one file.
type Document struct {
	// Format is the reader that produced it: html, text, markdown, pdf,
	// docx, xlsx (after conversion, the format actually read).
	Format string
	// Title is the document's own title where the format carries one
	// (<title>, PDF metadata), else empty.
	Title string
	// Meta holds format metadata worth keeping (charset, HTML meta tags
	// such as publishdate, PDF producer, page count).
	Meta map[string]string
	// Blocks are the paragraphs and tables in reading order.
	Blocks []Block
}

// Block is a paragraph or a table.
type Block struct {
	// Text is the paragraph's text; empty for a table.
	Text string
	// Table is set for a table block.
	Table *Table
	// Locator says where the block starts ("p3" for a PDF page, "b12" for
	// the twelfth block of an HTML page).
	Locator string
}

// Table is a grid with every row as long as the widest one; merged cells
// are expanded so each position holds the merged cell's text, marked as a
// copy where it is not the top-left origin.
type Table struct {
	Rows    [][]Cell
	Locator string
}

// Cell is one grid position.
type Cell struct {
	// Text is the cell's text with inner line breaks joined as the reader
	// judged right (no break inside a word; a space between Latin words).
	Text string
	// Copy marks a position filled from a rowspan or colspan origin: a
	// label may be read again, but a value must not be counted twice.
	Copy bool
	// Locator says where the cell is: "t2/r5/c3", or a PDF page and box
	// "p3/x,y,w,h" in points.
	Locator string
}

// Paragraph returns a paragraph block.
func Paragraph(text, locator string) Block { return Block{Text: text, Locator: locator} }

// Tables returns the document's tables in order.
func (d *Document) Tables() []*Table {
	var out []*Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			out = append(out, b.Table)
		}
	}
	return out
}

// Text returns the document's paragraphs joined by newlines, and each table
// row as its cells joined by tabs, for metadata search and debugging.
func (d *Document) Text() string {
	var sb strings.Builder
	for _, b := range d.Blocks {
		if b.Table == nil {
			sb.WriteString(b.Text)
			sb.WriteByte('\n')
			continue
		}
		for _, row := range b.Table.Rows {
			for i, c := range row {
				if i > 0 {
					sb.WriteByte('\t')
				}
				sb.WriteString(c.Text)
			}
			sb.WriteByte('\n')
		}
	}
	return sb.String()
}

// Width returns the number of columns of the widest row.
func (t *Table) Width() int {
	w := 0
	for _, r := range t.Rows {
		if len(r) > w {
			w = len(r)
		}
	}
	return w
}

// Normalize pads every row to the table's width so the grid is rectangular.
func (t *Table) Normalize() {
	w := t.Width()
	for i, r := range t.Rows {
		for len(r) < w {
			r = append(r, Cell{})
		}
		t.Rows[i] = r
	}
}
