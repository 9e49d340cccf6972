package htmldoc

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/extract/document"
)

// Bounds on what one page may cost. Real report tables are a few dozen
// rows by at most twenty columns.
const (
	maxColspan   = 100
	maxRowspan   = 1000
	maxRows      = 5000    // rows read per table
	maxCols      = 256     // grid columns per table
	maxDocSlots  = 1 << 21 // grid positions per document, all tables together
	maxTableRows = 20000   // rows of a table after page-break joins
)

// slot is one grid position. Positions filled by the same HTML cell share
// its id; the first in row-major order (the top-left) is the origin, the
// others are copies. Ids are unique across the document.
type slot struct {
	id   int
	text string
	hole bool // no HTML cell covers the position (a short row)
}

// grid is a table under construction.
type grid struct {
	rows [][]slot
	// raw is the grid as the HTML laid it out, before clean dropped
	// phantom rows and columns: rows are not right-aligned yet in the
	// part after a page break, so a column blank in every raw row of
	// that part is not yet known to be blank in the joined table. join
	// aligns raw rows against raw rows, then cleans; nil when the
	// document's budget could not afford the copy.
	raw [][]slot
}

func (g *grid) width() int {
	if len(g.rows) == 0 {
		return 0
	}
	return len(g.rows[0])
}

// rowsOf returns a table's own <tr>s (those of nested tables excluded).
func rowsOf(table *html.Node) []*html.Node {
	var out []*html.Node
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			out = append(out, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					out = append(out, r)
				}
			}
		}
	}
	if len(out) > maxRows {
		out = out[:maxRows]
	}
	return out
}

// cellsOf returns a row's <td> and <th> elements.
func cellsOf(tr *html.Node) []*html.Node {
	out := make([]*html.Node, 0, numCells(tr))
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if isCell(c) {
			out = append(out, c)
		}
	}
	return out
}

func isCell(c *html.Node) bool {
	return c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th)
}

// numCells counts a row's <td> and <th> elements.
func numCells(tr *html.Node) int {
	k := 0
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if isCell(c) {
			k++
		}
	}
	return k
}

// hasRows reports whether a table has at least n rows of its own (as
// len(rowsOf(table)) >= n, without building the list).
func hasRows(table *html.Node, n int) bool {
	k := 0
	for c := table.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			k++
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					k++
				}
			}
		}
		if k >= n {
			return true
		}
	}
	return false
}

// span reads a rowspan or colspan attribute: absent, bad or below one is
// one; zero (HTML's "to the end of the section") is handled by the caller.
func span(n *html.Node, key string) int {
	v := strings.TrimSpace(attr(n, key))
	if v == "" {
		return 1
	}
	// Browsers read the leading digits: "2;" or "3px" still span.
	end := 0
	for end < len(v) && end < 9 && v[end] >= '0' && v[end] <= '9' {
		end++
	}
	k, err := strconv.Atoi(v[:end])
	if err != nil || k < 0 {
		return 1
	}
	return k
}

// build expands an HTML table into a grid. ids supplies document-unique
// cell ids; budget is the number of grid positions the document may still
// use, and is decreased.
func build(table *html.Node, ids *int, budget *int) *grid {
	trs := rowsOf(table)
	g := &grid{rows: make([][]slot, len(trs))}
	t := textBuf{cell: true} // one buffer (and collect stack) for every cell
	for r, tr := range trs {
		col := 0
		for _, td := range cellsOf(tr) {
			for col < len(g.rows[r]) && g.rows[r][col].id != 0 {
				col++
			}
			cs := min(max(span(td, "colspan"), 1), maxColspan)
			rs := span(td, "rowspan")
			if rs == 0 {
				rs = len(trs) - r
			}
			rs = min(max(rs, 1), maxRowspan, len(trs)-r)
			if col+cs > maxCols {
				cs = maxCols - col
			}
			if cs <= 0 || rs*cs > *budget {
				break
			}
			*budget -= rs * cs
			t.reset()
			collect(&t, td)
			*ids++
			s := slot{id: *ids, text: t.String()}
			for i := r; i < r+rs; i++ {
				row := g.rows[i]
				for len(row) < col+cs {
					row = append(row, slot{})
				}
				for j := col; j < col+cs; j++ {
					if row[j].id == 0 {
						row[j] = s
					}
				}
				g.rows[i] = row
			}
			col += cs
		}
	}
	// Rectangular: holes (positions no cell covers) become empty cells
	// of their own.
	w := 0
	for _, row := range g.rows {
		w = max(w, len(row))
	}
	if w*len(g.rows) > *budget {
		return &grid{}
	}
	*budget -= w * len(g.rows)
	for i, row := range g.rows {
		for len(row) < w {
			row = append(row, slot{})
		}
		for j := range row {
			if row[j].id == 0 {
				*ids++
				row[j] = slot{id: *ids, hole: true}
			}
		}
		g.rows[i] = row
	}
	if w*len(g.rows) <= *budget {
		*budget -= w * len(g.rows)
		g.raw = cloneRows(g.rows)
	}
	g.clean()
	return g
}

// cloneRows copies a grid's rows (clean works in place).
func cloneRows(rows [][]slot) [][]slot {
	n := 0
	for _, row := range rows {
		n += len(row)
	}
	all := make([]slot, 0, n)
	out := make([][]slot, len(rows))
	for i, row := range rows {
		all = append(all, row...)
		out[i] = all[len(all)-len(row) : len(all) : len(all)]
	}
	return out
}

// clean drops grid rows and columns that hold no cell of their own: each
// of their positions is empty or part of a cell merged with a neighbouring
// row or column. Word pastes produce such phantom columns (a sliver of
// grid under a misaligned border) and blank spacer rows; dropping them
// loses no text and makes the grid match the template's.
func (g *grid) clean() {
	// Rows first: blank and fully merged rows.
	drop := make([]bool, len(g.rows))
	for r := range g.rows {
		drop[r] = g.phantomRow(r)
	}
	keep := g.rows[:0]
	for r, row := range g.rows {
		if !drop[r] {
			keep = append(keep, row)
		}
	}
	g.rows = keep
	// Columns, left to right, each judged against the last kept column
	// on its left and the next column on its right, in one pass: the
	// cost stays rows x columns however many columns go.
	w := g.width()
	keepCol := make([]bool, w)
	kept, left := 0, -1
	for c := 0; c < w; c++ {
		if kept+(w-c) > 1 && g.phantomCol(c, left) {
			continue
		}
		keepCol[c] = true
		kept++
		left = c
	}
	if kept < w {
		for r, row := range g.rows {
			out := row[:0]
			for c, s := range row {
				if keepCol[c] {
					out = append(out, s)
				}
			}
			g.rows[r] = out
		}
	}
	if g.width() == 0 {
		g.rows = nil
	}
}

func (g *grid) phantomRow(r int) bool {
	for c, s := range g.rows[r] {
		if s.text == "" {
			continue
		}
		if r > 0 && g.rows[r-1][c].id == s.id {
			continue
		}
		if r+1 < len(g.rows) && g.rows[r+1][c].id == s.id {
			continue
		}
		return false
	}
	return true
}

// phantomCol judges column c with left the kept column before it (-1
// for none).
func (g *grid) phantomCol(c, left int) bool {
	for _, row := range g.rows {
		s := row[c]
		if s.text == "" {
			continue
		}
		if left >= 0 && row[left].id == s.id {
			continue
		}
		if c+1 < len(row) && row[c+1].id == s.id {
			continue
		}
		return false
	}
	return true
}

// continues reports whether next is the rest of prev, cut off by a page
// break: no heading between them (the caller checks), no more columns
// than prev, and a first row that is not a header.
func continues(prev, next *grid) bool {
	if len(prev.rows) == 0 || len(next.rows) == 0 {
		return false
	}
	w, W := next.width(), prev.width()
	if w < 2 || w > W || len(prev.rows)+len(next.rows) > maxTableRows {
		return false
	}
	if repeatsHeader(prev, next) > 0 {
		return true
	}
	return !headerLike(next.rows[0])
}

// repeatsHeader returns how many leading rows of next repeat prev's
// leading rows (a header the publisher copied onto the next page).
func repeatsHeader(prev, next *grid) int {
	if prev.width() != next.width() {
		return 0
	}
	n := 0
	for n < len(prev.rows)-1 && n < len(next.rows) && sameText(prev.rows[n], next.rows[n]) {
		n++
	}
	return n
}

func sameText(a, b []slot) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].text != b[i].text {
			return false
		}
	}
	return true
}

// headerLike reports a row that opens a table rather than continuing
// one: no cell reads as a number, and most of its cells are filled (a
// continuation row whose values are all blank has empty cells).
func headerLike(row []slot) bool {
	filled, seen := 0, 0
	last := 0
	for _, s := range row {
		if s.id == last {
			continue // a colspan copy
		}
		last = s.id
		seen++
		if numeric(s.text) {
			return false
		}
		if s.text != "" {
			filled++
		}
	}
	return filled*2 > seen
}

// numeric reports a cell that reads as a number: digits with an optional
// sign, separators, decimal point, percent or unit.
func numeric(s string) bool {
	s = strings.TrimSpace(s)
	for _, u := range []string{"万元", "元", "件", "个", "项", "%", "％"} {
		s = strings.TrimSuffix(s, u)
	}
	s = strings.TrimLeft(s, "+-−＋－")
	if s == "" {
		return false
	}
	digit := false
	for _, r := range s {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case r == ',' || r == '.' || r == '，' || r == '．' || r == ' ':
		default:
			return false
		}
	}
	return digit
}

// join appends next below prev. A row of next narrower than prev is
// aligned to the right: the columns it lacks are the label columns whose
// rowspan the page break cut, so they are filled from the row above as
// copies. Rows are measured one by one in grid positions (colspans
// expanded, blank cells kept, trailing holes not counted), since the part
// after the break is often ragged: rows inside a cut group lack more
// label cells than rows that open a new group.
//
// The raw grids (before clean) are aligned, then the joined grid is
// cleaned: cleaning the ragged part on its own would take a value column
// that happens to be blank in every row of its left-aligned rows for a
// phantom one and shift the rows. A row whose leading label cells do not
// reach the label width of prev's rows when right-aligned (a row short of
// trailing cells) is placed by its labels instead.
func join(prev, next *grid, ids *int) {
	if k := repeatsHeader(prev, next); k > 0 || prev.raw == nil || next.raw == nil {
		// A repeated header: the part is a whole table of its own,
		// cleaned alike; align the cleaned rows.
		next.rows = next.rows[k:]
		prev.rows = appendAligned(prev.rows, next.rows, -1, ids)
		prev.raw = nil
		prev.clean()
		return
	}
	prev.raw = appendAligned(prev.raw, next.raw, labelWidth(prev.raw), ids)
	prev.rows = cloneRows(prev.raw)
	prev.clean()
}

// appendAligned appends next's rows under rows, each aligned as join
// says; labels is the label width of rows (-1 for unknown). Positions
// a row leaves open on the right become holes with ids from ids.
func appendAligned(rows, next [][]slot, labels int, ids *int) [][]slot {
	if len(rows) == 0 {
		return rows
	}
	W := len(rows[0])
	for _, row := range next {
		used := len(row)
		for used > 0 && row[used-1].hole {
			used--
		}
		if used > W {
			used = W
		}
		start := W - used
		if k := leadingLabels(row[:used]); labels > 0 && k > 0 && k <= labels && start+k != labels && labels-k+used <= W {
			start = labels - k
		}
		above := rows[len(rows)-1]
		out := make([]slot, 0, W)
		out = append(out, above[:start]...)
		// A row opening a new top-level part ("四、结转下年度继续办理")
		// is not under the cut label of the part before ("三、本年度办理
		// 结果"): its own label takes the leading columns instead.
		if used > 0 && topLevel(row[0].text) {
			for c := range out {
				if topLevel(out[c].text) {
					for k := range out {
						out[k] = row[0]
					}
					break
				}
			}
		}
		out = append(out, row[:used]...)
		for len(out) < W {
			*ids++
			out = append(out, slot{id: *ids, hole: true})
		}
		rows = append(rows, out)
	}
	return rows
}

// leadingLabels counts a row's leading positions holding label text
// (not blank, not a number): the label columns the row covers itself,
// a label's colspan included.
func leadingLabels(row []slot) int {
	k := 0
	for k < len(row) && row[k].text != "" && !numeric(row[k].text) {
		k++
	}
	if k == len(row) {
		return 0 // no value after the labels: nothing to place by
	}
	return k
}

// labelWidth returns how many leading label columns prev's data rows
// (rows holding a number) have, the most common count; -1 if no row
// holds a number.
func labelWidth(rows [][]slot) int {
	count := map[int]int{}
	for _, row := range rows {
		has := false
		for _, s := range row {
			if numeric(s.text) {
				has = true
				break
			}
		}
		if !has {
			continue
		}
		if k := leadingLabels(row); k > 0 {
			count[k]++
		}
	}
	best, n := -1, 0
	for k, c := range count {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

// topLevel reports a label numbered as a top-level part of a report
// table: 一、 二、 … 十、 (a Chinese numeral and the enumeration comma).
func topLevel(s string) bool {
	n := 0
	for _, r := range s {
		if strings.ContainsRune("一二三四五六七八九十", r) {
			n++
			continue
		}
		return n > 0 && (r == '、' || r == '．' || r == '.')
	}
	return false
}

// table converts a finished grid into the document's table, numbering
// it n and marking copies.
func (g *grid) table(n int) *document.Table {
	t := &document.Table{Locator: "t" + strconv.Itoa(n), Rows: make([][]document.Cell, len(g.rows))}
	// Ids of one table lie close together (a page-break join adds the
	// next table's, numbered right after): a slice over their range
	// marks the origins seen, a map when the range is sparse.
	lo, hi, k := 0, 0, 0
	for _, row := range g.rows {
		for _, s := range row {
			if k == 0 || s.id < lo {
				lo = s.id
			}
			hi = max(hi, s.id)
			k++
		}
	}
	var seenSlice []bool
	var seenMap map[int]bool
	if hi-lo < 4*k+64 {
		seenSlice = make([]bool, hi-lo+1)
	} else {
		seenMap = make(map[int]bool)
	}
	// Every locator is cut from one string: one allocation per table.
	var buf []byte
	ends := make([]int, 0, k)
	for r, row := range g.rows {
		for c := range row {
			buf = append(buf, t.Locator...)
			buf = append(buf, "/r"...)
			buf = strconv.AppendInt(buf, int64(r+1), 10)
			buf = append(buf, "/c"...)
			buf = strconv.AppendInt(buf, int64(c+1), 10)
			ends = append(ends, len(buf))
		}
	}
	locs := string(buf)
	cells := make([]document.Cell, k)
	at, start := 0, 0
	for r, row := range g.rows {
		t.Rows[r] = cells[at : at+len(row) : at+len(row)]
		for c, s := range row {
			var copied bool
			if seenSlice != nil {
				copied = seenSlice[s.id-lo]
				seenSlice[s.id-lo] = true
			} else {
				copied = seenMap[s.id]
				seenMap[s.id] = true
			}
			t.Rows[r][c] = document.Cell{Text: s.text, Copy: copied, Locator: locs[start:ends[at+c]]}
			start = ends[at+c]
		}
		at += len(row)
	}
	return t
}
