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
func layoutBlock(lines []string) ([][]string, bool) {
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
		return nil, false
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
	if values < 1 || anchored*10 < values*9 {
		return nil, false
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
		return nil, false
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
	return rows, true
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
			if grid, ok := layoutBlock(texts); ok {
				out[i] = grid
				for k := i; k < j; k++ {
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
