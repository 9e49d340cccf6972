package textdoc

import (
	"sort"
	"strings"
	"unicode"
)

// A layout block is a pdftotext -layout style table whose cells start
// where their column's header starts: every value sits under the left
// edge of a header label. Such a table is read by position: a cell is the
// column its first character falls in, so blank cells stay blank and a
// value never slides under its neighbour's header. Lines of the block with
// one field (a label wrapped onto the next line, a sub-heading such as
// 第二十条第（五）项, a row printing a label and no value) are rows of the
// grid too.
//
// Positions are display columns: a CJK (wide) character takes two, as in
// the fixed-pitch text pdftotext and typesetters produce.

// dispField is a field of a line with its display-column extent.
type dispField struct {
	text       string
	start, end int
}

// displayWidth is the number of display columns a rune takes.
func displayWidth(r rune) int {
	if r >= 0x1100 && (r <= 0x115F || r >= 0x2E80 && r <= 0xA4CF || r >= 0xAC00 && r <= 0xD7A3 ||
		r >= 0xF900 && r <= 0xFAFF || r >= 0xFE30 && r <= 0xFE4F || r >= 0xFF00 && r <= 0xFF60 ||
		r >= 0xFFE0 && r <= 0xFFE6 || r >= 0x20000 && r <= 0x3FFFD) {
		return 2
	}
	return 1
}

// dispFields splits a line at runs of two or more spaces (a full-width
// space counts as two), keeping display positions.
func dispFields(s string) []dispField {
	var out []dispField
	var cur strings.Builder
	start, end, pos, run := -1, 0, 0, 0
	flush := func() {
		if start >= 0 {
			out = append(out, dispField{text: cur.String(), start: start, end: end})
		}
		cur.Reset()
		start = -1
	}
	for _, r := range s {
		w := displayWidth(r)
		switch r {
		case ' ', '\u00a0', '\t':
			run++
			pos++
			continue
		case '\u3000':
			run += 2
			pos += 2
			continue
		}
		if run >= 2 || start < 0 {
			flush()
			start = pos
		} else if run == 1 {
			cur.WriteByte(' ')
		}
		run = 0
		cur.WriteRune(r)
		pos += w
		end = pos
		if len(out) >= maxCells-1 {
			break
		}
	}
	flush()
	return out
}

// isNumberField reports a field that prints a value: digits with signs,
// separators, a decimal point, a unit or a measure word, and nothing
// else.
func isNumberField(s string) bool {
	s = strings.TrimSpace(s)
	for _, u := range []string{"万元", "元", "件", "个", "项", "%"} {
		s = strings.TrimSuffix(s, u)
	}
	digits := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			digits++
		case strings.ContainsRune("+-.,，．＋－", r):
		default:
			return false
		}
	}
	return digits > 0
}

// hasLetter reports a field with text in it (a header or label).
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// layoutBlock reports whether lines (consecutive, none blank) form a
// table laid out under its headers, and if so returns its grid. It asks
// for at least two lines of two or more fields and at least three values,
// all but a tenth of which start (±1 column) where a text field of the
// block starts.
//
// When the values do not start under the labels, a block that nothing
// continues after blank lines (alone) may still be read by its headers'
// extents (headerBlock); skip is then the number of leading lines (a
// heading above the header) left out of the grid.
func layoutBlock(lines []string, alone bool) (grid [][]string, skip int, ok bool) {
	fs := make([][]dispField, len(lines))
	multi := 0
	var textStarts []int
	values, anchored := 0, 0
	for i, l := range lines {
		fs[i] = dispFields(l)
		if len(fs[i]) >= 2 {
			multi++
		}
		for _, f := range fs[i] {
			if !isNumberField(f.text) && hasLetter(f.text) {
				textStarts = append(textStarts, f.start)
			}
		}
	}
	if multi < 2 {
		return nil, 0, false
	}
	near := func(x int) bool {
		for _, s := range textStarts {
			if s-x <= 1 && x-s <= 1 {
				return true
			}
		}
		return false
	}
	for _, f := range fs {
		for _, x := range f {
			if !isNumberField(x.text) {
				continue
			}
			values++
			if near(x.start) {
				anchored++
			}
		}
	}
	if values < 1 {
		return nil, 0, false
	}
	if anchored*10 < values*9 {
		// Values centred or right-aligned under their headers: place
		// them by the headers' extents instead.
		if !alone {
			return nil, 0, false
		}
		return headerBlock(fs)
	}
	// Columns: the field starts of the block, starts one column apart
	// merged (a value set one column off its header).
	var starts []int
	for _, f := range fs {
		for _, x := range f {
			starts = append(starts, x.start)
		}
	}
	sort.Ints(starts)
	var cols []int // the first start of each column
	for _, s := range starts {
		if len(cols) == 0 || s-cols[len(cols)-1] > 1 {
			cols = append(cols, s)
		}
	}
	if len(cols) > maxCells {
		return nil, 0, false
	}
	colOf := func(x int) int {
		c := sort.SearchInts(cols, x+1) - 1 // the last column starting at or before x
		return max(c, 0)
	}
	rows := make([][]string, len(lines))
	for i, f := range fs {
		row := make([]string, len(cols))
		last := -1
		for _, x := range f {
			c := colOf(x.start)
			if c <= last {
				c = last + 1 // cannot happen for distinct starts; keep order
			}
			if c >= len(cols) {
				break
			}
			row[c] = x.text
			last = c
		}
		rows[i] = row
	}
	return rows, 0, true
}

// markLayout finds the layout blocks among the lines: runs of non-blank
// lines that are not tab or pipe rows, holding spaced lines, that
// layoutBlock accepts. Their lines become kind layout; the grids are
// returned by the index of their first line.
func markLayout(lines []line) map[int][][]string {
	out := map[int][][]string{}
	for i := 0; i < len(lines); {
		if !layoutCandidate(lines[i]) {
			i++
			continue
		}
		j := i
		spacedN := 0
		for j < len(lines) && layoutCandidate(lines[j]) {
			if len(splitSpaced(lines[j].text)) >= 2 {
				spacedN++
			}
			j++
		}
		if spacedN >= 2 {
			texts := make([]string, j-i)
			for k := i; k < j; k++ {
				texts[k-i] = lines[k].text
			}
			n := j
			for n < len(lines) && lines[n].kind == blank {
				n++
			}
			alone := n >= len(lines) || lines[n].kind != spaced
			if grid, skip, ok := layoutBlock(texts, alone); ok {
				out[i+skip] = grid
				for k := i + skip; k < j; k++ {
					lines[k].kind = layout
				}
			}
		}
		i = j
	}
	return out
}

// layoutCandidate reports a line that may belong to a layout block.
func layoutCandidate(l line) bool {
	switch l.kind {
	case spaced, prose:
		return !strings.Contains(l.text, "\t") && !strings.Contains(l.text, "|")
	}
	return false
}

// headerBlock reads a layout block whose values sit anywhere under their
// header labels (centred or right-aligned, as pdftotext -layout prints a
// PDF table): each value goes to the header column its extent overlaps
// most, else the one whose centre is nearest. It asks for a clear header:
// the (up to three) lines above the first value line, whose labels, once
// a label spanning two or more labels of another header line (申请人情况,
// 法人或其他组织) is set aside, form columns that do not overlap, a label
// wrapped over lines joining its column; nine values in ten must overlap
// a column or stand within three display columns of it. Fields left of
// the first column holding a value are labels, columned by where the
// value lines' labels start. Anything unclear (a second header set
// further down, two fields of a line in one column) gives up: the caller
// keeps the plain split. It also returns how many leading one-field lines
// (a heading above the header) stay out of the grid.
func headerBlock(fs [][]dispField) ([][]string, int, bool) {
	v := -1
	for i, f := range fs {
		for _, x := range f {
			if isNumberField(x.text) {
				v = i
				break
			}
		}
		if v >= 0 {
			break
		}
	}
	if v < 1 {
		return nil, 0, false
	}
	// The header set: up to three lines above the first value line,
	// stopping at a one-field line left of every value (a heading or a
	// note, not a wrapped header label).
	minNum := 1 << 30
	for _, f := range fs[v:] {
		for _, x := range f {
			if isNumberField(x.text) {
				minNum = min(minNum, x.start)
			}
		}
	}
	h0 := v
	for h0 > 0 && v-h0 < 3 && !(len(fs[h0-1]) == 1 && fs[h0-1][0].start < minNum) {
		h0--
	}
	// Leading one-field lines above the header set (a heading) stay
	// paragraphs.
	skip := 0
	for skip < h0 && len(fs[skip]) == 1 {
		skip++
	}
	fs = fs[skip:]
	v -= skip
	h0 -= skip
	type hfield struct {
		dispField
		line int
	}
	var hs []hfield
	wide := false
	for i := h0; i < v; i++ {
		if len(fs[i]) >= 2 {
			wide = true
		}
		for _, x := range fs[i] {
			hs = append(hs, hfield{x, i})
		}
	}
	if !wide {
		return nil, 0, false
	}
	overlaps := func(a, b dispField, tol int) bool {
		return min(a.end, b.end)-max(a.start, b.start) > -tol
	}
	// Set aside labels spanning two or more labels of another line
	// (touching them within one column counts).
	var kept []hfield
	for _, a := range hs {
		spans := map[int]int{}
		parent := false
		for _, b := range hs {
			// Within one column: a centred group label (法人或其他组织)
			// may end just short of the labels it spans.
			if b.line != a.line && overlaps(a.dispField, b.dispField, 2) {
				spans[b.line]++
				if spans[b.line] >= 2 {
					parent = true
				}
			}
		}
		if !parent {
			kept = append(kept, a)
		}
	}
	// Columns: the kept labels joined where they overlap across lines.
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })
	type column struct {
		start, end int
		lines      map[int]bool
	}
	var cols []column
	for _, a := range kept {
		if n := len(cols); n > 0 && a.start < cols[n-1].end {
			c := &cols[n-1]
			if c.lines[a.line] {
				return nil, 0, false // two labels of a line in one column
			}
			c.lines[a.line] = true
			c.end = max(c.end, a.end)
			continue
		}
		cols = append(cols, column{a.start, a.end, map[int]bool{a.line: true}})
	}
	ext := func(c column) dispField { return dispField{start: c.start, end: c.end} }
	// The value columns start at the first column a value stands under.
	first := -1
	values, under := 0, 0
	for _, f := range fs[v:] {
		for _, x := range f {
			if !isNumberField(x.text) {
				continue
			}
			values++
			for c, col := range cols {
				// Within three columns: a number right-aligned in its
				// cell may end past a short centred label (总计).
				if overlaps(x, ext(col), 4) {
					under++
					if first < 0 || c < first {
						first = c
					}
					break
				}
			}
		}
	}
	if first < 0 || under*10 < values*9 {
		return nil, 0, false
	}
	vcols := cols[first:]
	edge := vcols[0].start
	valueCol := func(x dispField) int {
		best, bestOver, bestDist := -1, 0, 1<<30
		for c, col := range vcols {
			if o := min(x.end, col.end) - max(x.start, col.start); o > bestOver {
				best, bestOver = c, o
			}
		}
		if best >= 0 {
			return best
		}
		for c, col := range vcols {
			d := (x.start + x.end) - (col.start + col.end) // twice the centre distance
			d = max(d, -d)
			if d < bestDist {
				best, bestDist = c, d
			}
		}
		return best
	}
	isLabel := func(x dispField) bool {
		if x.start >= edge-1 {
			return false
		}
		if isNumberField(x.text) {
			// A value wider than its header starts left of it.
			return !overlaps(x, ext(vcols[0]), 1)
		}
		return true
	}
	// Label columns: where the value lines' labels start (a header's
	// label such as 信息内容, centred over them, joins the column it
	// starts in), else where any label starts.
	var starts, allStarts []int
	for i, f := range fs {
		for _, x := range f {
			if isLabel(x) {
				allStarts = append(allStarts, x.start)
				if i >= v {
					starts = append(starts, x.start)
				}
				continue
			}
			// A header set further down (text under the value columns
			// other than a one- or two-character 无, —) is not this
			// table's: give up.
			if i >= v && !isNumberField(x.text) && hasLetter(x.text) && len([]rune(x.text)) > 2 {
				return nil, 0, false
			}
		}
	}
	if len(starts) == 0 {
		starts = allStarts
	}
	sort.Ints(starts)
	var lcols []int
	for _, s := range starts {
		if len(lcols) == 0 || s-lcols[len(lcols)-1] > 1 {
			lcols = append(lcols, s)
		}
	}
	if len(lcols)+len(vcols) > maxCells {
		return nil, 0, false
	}
	rows := make([][]string, len(fs))
	for i, f := range fs {
		row := make([]string, len(lcols)+len(vcols))
		last := -1
		for _, x := range f {
			var c int
			if isLabel(x) {
				c = max(sort.SearchInts(lcols, x.start+1)-1, 0)
			} else {
				c = len(lcols) + valueCol(x)
			}
			if c <= last {
				return nil, 0, false // two fields in one column, or out of order
			}
			row[c] = x.text
			last = c
		}
		rows[i] = row
	}
	return rows, skip, true
}
