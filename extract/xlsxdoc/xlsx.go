package xlsxdoc

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/govreport/govreport/extract/document"
	"github.com/xuri/excelize/v2"
)

// Limits against hostile or huge workbooks.
const (
	MaxUnzipSize = 64 << 20
	MaxXMLSize   = 32 << 20
	MaxRows      = 5000
	MaxCols      = 200
	MaxSheets    = 100
)

// ErrNotXLSX: the bytes are not a readable workbook.
var ErrNotXLSX = errors.New("not an xlsx file")

// Read reads an .xlsx workbook.
func Read(data []byte) (doc *document.Document, err error) {
	// excelize has panicked on malformed input before; a bad file must
	// not take the process down.
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("%w: %v", ErrNotXLSX, r)
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit:    MaxUnzipSize,
		UnzipXMLSizeLimit: MaxXMLSize,
	})
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotXLSX, err)
	}
	defer f.Close()
	doc = &document.Document{Format: "xlsx", Meta: map[string]string{}}
	if p, err := f.GetDocProps(); err == nil && p != nil {
		doc.Title = strings.TrimSpace(p.Title)
	}
	sheets := f.GetSheetList()
	if len(sheets) > MaxSheets {
		sheets = sheets[:MaxSheets]
	}
	for _, sh := range sheets {
		if vis, err := f.GetSheetVisible(sh); err == nil && !vis {
			continue
		}
		t, err := readSheet(f, sh)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sh, err)
		}
		if t != nil {
			doc.Blocks = append(doc.Blocks, sheetBlocks(t)...)
		}
	}
	return doc, nil
}

// readRows reads up to MaxRows rows of up to MaxCols columns.
func readRows(f *excelize.File, sheet string, raw bool) ([][]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() && len(out) < MaxRows {
		cols, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return nil, err
		}
		if len(cols) > MaxCols {
			cols = cols[:MaxCols]
		}
		out = append(out, cols)
	}
	return out, rows.Error()
}

func readSheet(f *excelize.File, sheet string) (*document.Table, error) {
	shown, err := readRows(f, sheet, false)
	if err != nil {
		return nil, err
	}
	raw, err := readRows(f, sheet, true)
	if err != nil {
		return nil, err
	}
	nr, nc := 0, 0
	for r, row := range shown {
		for c, v := range row {
			if strings.TrimSpace(v) != "" {
				nr = max(nr, r+1)
				nc = max(nc, c+1)
			}
		}
	}
	if nr == 0 {
		return nil, nil
	}
	t := &document.Table{Locator: sheet}
	t.Rows = make([][]document.Cell, nr)
	for r := range t.Rows {
		t.Rows[r] = make([]document.Cell, nc)
		for c := range t.Rows[r] {
			name, _ := excelize.CoordinatesToCellName(c+1, r+1)
			t.Rows[r][c] = document.Cell{Text: value(at(shown, r, c), at(raw, r, c)), Locator: sheet + "!" + name}
		}
	}
	merges, err := f.GetMergeCells(sheet, true)
	if err == nil {
		for _, m := range merges {
			c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 != nil || err2 != nil || c0 > c1 || r0 > r1 {
				continue
			}
			if r0 > nr || c0 > nc {
				continue
			}
			origin := t.Rows[r0-1][c0-1]
			for r := r0; r <= r1 && r <= nr; r++ {
				for c := c0; c <= c1 && c <= nc; c++ {
					if r == r0 && c == c0 {
						continue
					}
					t.Rows[r-1][c-1] = document.Cell{Text: origin.Text, Copy: true, Locator: origin.Locator}
				}
			}
		}
	}
	// Drop fully empty rows inside the used range; they carry nothing and
	// the cell locators keep the true positions.
	var kept [][]document.Cell
	for _, row := range t.Rows {
		for _, c := range row {
			if c.Text != "" {
				kept = append(kept, row)
				break
			}
		}
	}
	t.Rows = kept
	return t, nil
}

func at(rows [][]string, r, c int) string {
	if r < len(rows) && c < len(rows[r]) {
		return rows[r][c]
	}
	return ""
}

// value chooses between the displayed and the raw value of a cell: the
// displayed one unless it is a number that shows fewer significant digits
// than the raw one holds.
func value(shown, raw string) string {
	shown = strings.TrimSpace(shown)
	raw = strings.TrimSpace(raw)
	rv, err := strconv.ParseFloat(raw, 64)
	if err != nil || shown == raw {
		return shown
	}
	clean := strings.NewReplacer(",", "", " ", "", "，", "").Replace(shown)
	if strings.HasSuffix(clean, "%") {
		return shown
	}
	sv, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		if shown == "" {
			return ""
		}
		return shown // a date, a currency or text format: keep what is shown
	}
	if sv == rv || math.Abs(sv-rv) <= 1e-9*math.Max(1, math.Abs(rv)) {
		return shown
	}
	return strconv.FormatFloat(rv, 'f', -1, 64)
}

// origins counts a row's non-empty cells that are not merge copies.
func origins(row []document.Cell) (n int, text, loc string) {
	for _, c := range row {
		if !c.Copy && c.Text != "" {
			n++
			text, loc = c.Text, c.Locator
		}
	}
	return n, text, loc
}

// sheetBlocks splits a sheet laid out as a whole report: the rows before
// the first row of several cells (title, introduction) and after the last
// one (closing sections, the date) hold one cell of text each and become
// paragraphs; the caption row right above the first table row stays in the
// table.
func sheetBlocks(t *document.Table) []document.Block {
	first, last := -1, -1
	for i, r := range t.Rows {
		if n, _, _ := origins(r); n >= 2 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 { // no table at all: every row is text
		first, last = len(t.Rows), len(t.Rows)-1
	}
	start := first
	if start > 0 && start < len(t.Rows) {
		start-- // the caption row
	}
	var out []document.Block
	para := func(r []document.Cell) {
		if _, text, loc := origins(r); text != "" {
			out = append(out, document.Paragraph(text, loc))
		}
	}
	for _, r := range t.Rows[:start] {
		para(r)
	}
	if last >= start {
		tb := &document.Table{Rows: t.Rows[start : last+1], Locator: t.Locator}
		out = append(out, document.Block{Table: tb, Locator: tb.Locator})
	}
	for _, r := range t.Rows[last+1:] {
		para(r)
	}
	return out
}
