package pdfdoc

import (
	"sort"
	"strings"
)

// A ruled table can lack the rule between two rows: a border the exporter
// left out, or drawn only in some columns. The rows' cells then share one
// grid row, and the lines of each value cell would be joined, two numbers
// on separate lines read as one (12 over 11 as 1211). So a grid row whose
// value cells hold numbers on clearly separate lines is split into one row
// per line of numbers; the cut lies halfway between two lines of numbers,
// so a wrapped label whose numbers sit on its middle line stays with them.
// A number is wrapped only when the cell is too narrow for it (LibreOffice
// breaks 14 into 1 over 4 in a column a digit wide; Chromium never breaks
// digits): lines that would have fitted on one line are never a wrap, and
// lines that would not are joined as before.

// numLine is a line of digits in one cell of a grid row.
type numLine struct {
	cell       *tcell
	base, size float64
	mid        float64 // vertical centre, as place measures it
	width      float64 // of the whole line
	first      float64 // width of its first glyph
}

// wrapPad is the most horizontal padding a cell is given (Word's default
// is 5.4 pt a side): a line of digits followed by one of the next line's
// that would have fitted in the cell within it was not wrapped.
const wrapPad = 11.0

// wrapped reports whether b, the line of digits under a in the same cell,
// is the rest of a number too wide for the cell (LibreOffice breaks digits
// in a narrow column): a's digits and the first of b's would not have fit
// on one line.
func wrapped(a, b numLine) bool {
	return a.width+b.first > a.cell.x1-a.cell.x0-wrapPad
}

// wrapAcross reports whether some cell's number is wrapped across the gap
// after line of numbers k: from its last line above the gap onto its first
// line below it (a cell's lines need not be on consecutive lines of
// numbers: a one-line number of another cell can sit between them).
func wrapAcross(groups [][]numLine, k int) bool {
	above := map[*tcell]numLine{}
	for _, g := range groups[:k+1] {
		for _, n := range g {
			above[n.cell] = n // groups run top to bottom: the last wins
		}
	}
	for _, g := range groups[k+1:] {
		for _, n := range g {
			if a, ok := above[n.cell]; ok {
				if wrapped(a, n) {
					return true
				}
				delete(above, n.cell) // only its first line below counts
			}
		}
	}
	return false
}

// isNumber reports whether s is a number as printed in a table cell (digits
// with separators or a sign), not just a dash.
func isNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && numericRE.MatchString(s) && strings.ContainsAny(s, "0123456789")
}

// splitNumericRows returns t with every grid row that holds several
// separate lines of numbers split at the gaps between them, the glyphs
// placed again; t itself when no row needs it.
func (t *ptable) splitNumericRows() *ptable {
	var extra []seg
	for r := range t.grid {
		extra = append(extra, t.rowCuts(r)...)
	}
	for _, c := range t.cells {
		extra = append(extra, t.spanCuts(c)...)
	}
	if len(extra) == 0 {
		return t
	}
	nt := buildGrid(t.page, append(append([]seg(nil), t.segs...), extra...))
	if nt == nil {
		return t
	}
	for _, c := range t.cells {
		for _, g := range c.glyphs {
			nt.place(g)
		}
	}
	return nt
}

// rowCuts returns the horizontal rules missing in grid row r: one per gap
// between two separate lines of numbers, across the cells that lie in that
// row only (a label spanning several rows is not cut).
func (t *ptable) rowCuts(r int) []seg {
	var own []*tcell // cells of this grid row only
	seen := map[*tcell]bool{}
	for _, c := range t.grid[r] {
		if c == nil || seen[c] || c.r0 != r || c.r1 != r {
			continue
		}
		seen[c] = true
		own = append(own, c)
	}
	var labels []line
	var nums []numLine
	for _, c := range own {
		lines := groupLines(c.glyphs)
		for _, l := range lines {
			if !isNumber(l.text()) && strings.TrimSpace(l.text()) != "" {
				labels = append(labels, l)
			}
		}
		nums = append(nums, numLines(c, lines)...)
	}
	groups := lineUp(nums)
	if len(groups) < 2 || !separateRows(groups, labels) {
		return nil
	}
	var out []seg
	for k := 0; k+1 < len(groups); k++ {
		if wrapAcross(groups, k) {
			continue
		}
		lo, hi := gap(groups[k], groups[k+1])
		cut := (lo + hi) / 2
		for _, c := range own {
			out = append(out, seg{horiz: true, pos: cut, lo: c.x0, hi: c.x1})
		}
	}
	return out
}

// numLines returns the lines of c that are numbers.
func numLines(c *tcell, lines []line) []numLine {
	var nums []numLine
	for _, l := range lines {
		if isNumber(l.text()) {
			nums = append(nums, numLine{cell: c, base: l.base, size: l.size, mid: l.base - 0.35*l.size,
				width: l.x1 - l.x0, first: l.glyphs[0].x1 - l.glyphs[0].x0})
		}
	}
	return nums
}

// lineUp groups numbers into lines of numbers, top to bottom: baselines
// within a fraction of the type size are one line (digits in another font
// sit a little off the others).
func lineUp(nums []numLine) [][]numLine {
	sort.Slice(nums, func(i, j int) bool { return nums[i].base < nums[j].base })
	var groups [][]numLine
	for _, n := range nums {
		if k := len(groups); k > 0 {
			last := groups[k-1][len(groups[k-1])-1]
			if n.base-last.base <= 0.8*maxf(n.size, last.size) {
				groups[k-1] = append(groups[k-1], n)
				continue
			}
		}
		groups = append(groups, []numLine{n})
	}
	return groups
}

// gap returns the space between two consecutive lines of numbers: from the
// lowest centre of the first to the highest centre of the second.
func gap(a, b []numLine) (float64, float64) {
	lo, hi := a[0].mid, b[0].mid
	for _, n := range a {
		lo = maxf(lo, n.mid)
	}
	for _, n := range b {
		hi = minf(hi, n.mid)
	}
	return lo, hi
}

// spanCuts returns the rules missing across c, a value cell spanning
// several grid rows, when it holds numbers on separate lines and a grid
// line lies between them (ruled in another column: the labels are separate
// rows; or where a vertical rule ends: the exporter drew each row's cell
// borders apart). The cut goes across every cell spanning the same rows.
func (t *ptable) spanCuts(c *tcell) []seg {
	if c.r0 == c.r1 {
		return nil
	}
	groups := lineUp(numLines(c, groupLines(c.glyphs)))
	var out []seg
	for k := 0; k+1 < len(groups); k++ {
		if wrapAcross(groups, k) {
			continue
		}
		lo, hi := gap(groups[k], groups[k+1])
		best, bestD := -1.0, 0.0
		for _, y := range t.ys[c.r0+1 : c.r1+1] {
			if y > lo && y < hi {
				if d := abs(y - (lo+hi)/2); best < 0 || d < bestD {
					best, bestD = y, d
				}
			}
		}
		if best < 0 {
			continue
		}
		// the cells spanning the same rows (the label of the two rows,
		// when no column has the rule) are two rows' cells as well
		for _, o := range t.cells {
			if o.r0 == c.r0 && o.r1 == c.r1 {
				out = append(out, seg{horiz: true, pos: best, lo: o.x0, hi: o.x1})
			}
		}
	}
	return out
}

// separateRows reports whether the lines of numbers are rows of their own
// rather than one number wrapped in a narrow cell: two cells or more hold
// numbers on two lines or more (a row's values and its total), or each
// line of numbers has a label line on its baseline.
func separateRows(groups [][]numLine, labels []line) bool {
	lines := map[*tcell]int{}
	for _, g := range groups {
		cells := map[*tcell]bool{}
		for _, n := range g {
			cells[n.cell] = true
		}
		for c := range cells {
			lines[c]++
		}
	}
	multi := 0
	for _, n := range lines {
		if n >= 2 {
			multi++
		}
	}
	if multi >= 2 {
		return true
	}
	for _, g := range groups {
		found := false
		for _, l := range labels {
			if abs(l.base-g[0].base) <= 0.35*maxf(l.size, g[0].size) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
