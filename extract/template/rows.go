package template

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/textdoc"
)

// section is which national table a row belongs to.
type section int

const (
	secNone section = iota
	secProactive
	secRequests
	secReview
	secEnd // 五、六: after the tables
)

// cand is a cell right of a row's label: a value, a blank, or an unreadable
// number.
type cand struct {
	raw   string // the cell as printed
	text  string // the part read as the value (differs when split off a label)
	col   int    // grid column
	loc   string
	val   value
	unit  unit // a unit printed in the next cell or span
	blank bool // no value: an empty cell or a printed mark (—, /, 无)
	empty bool // nothing printed at all
}

// line is one table row of the document as the matcher sees it.
type line struct {
	label    string // normalized label text (Han only)
	raw      string // label text as printed, for messages
	bg       bigrams
	cands    []cand
	nonBlank int // candidates holding a number
	printed  int // candidates with any text (numbers and marks such as —)
	table    int // index of the table in the document
	row      int
	heading  section // a row that is itself a section heading
	grid     bool    // the cells come from a real grid (not OCR text)
	cells    []string
	// all holds, in text formats, every cell right of the label, empty
	// ones included: their grid columns let a row be read under the
	// header's columns (see placeByPosition).
	all []cand
	// positional: a text table read by position (layout text), whose
	// empty cells are blanks for certain, unlike an OCR row's (a lost tab).
	positional bool
}

// hasValues reports whether the row carries values: a number, or (in a
// grid format, where a blank cell is a real blank) at least one value cell.
func (l *line) hasValues() bool {
	return l.printed > 0 || (l.grid && len(l.cands) > 0 && l.label != "")
}

// rowish reports whether the row may stand for a template row: one with
// values, or a text row printing a label and nothing in the cells right
// of it (a row of blanks, read under the header's columns).
func (l *line) rowish() bool {
	return l.hasValues() || (!l.grid && l.printed == 0 && l.label != "" && len(l.all) > 0)
}

// cellKind classifies a cell's text.
type cellKind int

const (
	kindValue cellKind = iota // a number or a blank
	kindUnit                  // a unit alone (元, 万元)
	kindLabel                 // text
	kindBad                   // looks like a number but cannot be read
)

func classify(s string) (cellKind, value) {
	v := parseValue(s)
	if v.ok {
		return kindValue, v
	}
	if _, ok := unitOnly(s); ok {
		return kindUnit, v
	}
	if hasHan(s) {
		return kindLabel, v
	}
	digits, letters := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9' || r >= '０' && r <= '９':
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if digits > 0 && letters == 0 && !strings.ContainsAny(s, "()（）、") && !strings.HasSuffix(strings.TrimSpace(s), ".") {
		return kindBad, v
	}
	return kindLabel, v
}

// makeLine reads one grid row: the label is every text cell up to the last
// one (rowspan copies included, so a child row carries its parent's
// label), the candidates are the cells after it (colspan copies of a value
// excluded, so a value is never counted twice).
func makeLine(cells []document.Cell, tableIdx, rowIdx int, grid bool) line {
	l := line{table: tableIdx, row: rowIdx, grid: grid, cells: make([]string, len(cells))}
	for i, c := range cells {
		l.cells[i] = c.Text
	}
	var kbuf [24]cellKind
	var vbuf [24]value
	kinds, vals := kbuf[:0], vbuf[:0]
	if len(cells) > len(kbuf) {
		kinds, vals = make([]cellKind, 0, len(cells)), make([]value, 0, len(cells))
	}
	kinds, vals = kinds[:len(cells)], vals[:len(cells)]
	last := -1
	for i, c := range cells {
		kinds[i], vals[i] = classify(c.Text)
		if kinds[i] == kindLabel {
			last = i
		}
	}
	var labelParts []string
	for i := 0; i < last; i++ {
		// A merged cell's copies repeat its text: read it once.
		if kinds[i] == kindLabel && strings.TrimSpace(cells[i].Text) != "" && !slices.Contains(labelParts, cells[i].Text) {
			labelParts = append(labelParts, cells[i].Text)
		}
	}
	start := last + 1
	if n := len(cells) - start; n > 0 {
		l.cands = make([]cand, 0, n+1)
	}
	if last >= 0 {
		// The last label cell may end in a value when OCR lost a tab.
		if head, tail, ok := splitTail(cells[last].Text); ok {
			labelParts = append(labelParts, head)
			c := cells[last]
			l.cands = append(l.cands, cand{raw: c.Text, text: tail, col: last, loc: c.Locator, val: parseValue(tail)})
		} else if !slices.Contains(labelParts, cells[last].Text) {
			labelParts = append(labelParts, cells[last].Text)
		}
	}
	for i := start; i < len(cells); i++ {
		c := cells[i]
		if c.Copy {
			continue
		}
		switch kinds[i] {
		case kindUnit:
			if n := len(l.cands); n > 0 && !l.cands[n-1].blank {
				l.cands[n-1].unit, _ = unitOnly(c.Text)
			}
			continue
		case kindValue, kindBad:
			l.cands = append(l.cands, cand{raw: c.Text, text: c.Text, col: i, loc: c.Locator, val: vals[i],
				blank: vals[i].blank, empty: strings.TrimSpace(c.Text) == ""})
		}
	}
	if !grid {
		// In OCR text an empty cell is a lost or doubled tab, a label
		// spread over columns, or row padding, never a printed blank: a
		// blank must be printed (—, /, 无) to be read as one. Rows left
		// short are placed by the identities.
		// A cell without a locator is the reader's padding, not a field
		// of the line: it is no position.
		for _, c := range l.cands {
			if !(c.empty && c.loc == "") {
				l.all = append(l.all, c)
			}
		}
		kept := l.cands[:0]
		for _, c := range l.cands {
			if !c.empty {
				kept = append(kept, c)
			}
		}
		l.cands = kept
	}
	for _, c := range l.cands {
		if !c.blank {
			l.nonBlank++
		}
		if !c.empty {
			l.printed++
		}
	}
	l.raw = strings.Join(labelParts, " ")
	l.label = Normalize(l.raw)
	l.bg = makeBigrams(l.label)
	return l
}

// headingOf tells whether a text (a paragraph, or a row without values) is
// the heading of one of the report's parts.
func headingOf(norm string, paragraph bool) section {
	if norm == "" {
		return secNone
	}
	if paragraph && len([]rune(norm)) > 40 {
		return secNone
	}
	if paragraph && partsNamed(norm) > 1 {
		// A line naming several parts is prose listing them (全文包括
		// 总体情况、…行政复议和行政诉讼情况、存在的主要问题…), as a
		// paragraph wrapped line by line shows it.
		return secNone
	}
	switch {
	case strings.Contains(norm, "主动公开政府信息情况") || strings.Contains(norm, "主动公开情况"):
		return secProactive
	case strings.Contains(norm, "收到和处理政府信息公开申请") || strings.Contains(norm, "政府信息公开申请情况") || strings.Contains(norm, "依申请公开"):
		return secRequests
	case strings.Contains(norm, "行政复议") && strings.Contains(norm, "行政诉讼"):
		return secReview
	case strings.Contains(norm, "存在的主要问题") || strings.Contains(norm, "其他需要报告") || strings.Contains(norm, "改进情况"):
		return secEnd
	}
	return secNone
}

// partsNamed counts the report's parts whose heading words a text holds.
func partsNamed(norm string) int {
	n := 0
	for _, words := range [][]string{
		{"主动公开政府信息情况", "主动公开情况"},
		{"收到和处理政府信息公开申请", "政府信息公开申请情况"},
		{"行政诉讼"},
		{"存在的主要问题", "改进情况"},
		{"其他需要报告"},
	} {
		for _, w := range words {
			if strings.Contains(norm, w) {
				n++
				break
			}
		}
	}
	return n
}

// markerOf tells a table's part from a header row it could only have.
func markerOf(norm string) section {
	switch {
	case strings.Contains(norm, "信息内容") || strings.Contains(norm, "第二十条"):
		return secProactive
	case strings.Contains(norm, "自然人") && (strings.Contains(norm, "商业企业") || strings.Contains(norm, "法人")):
		return secRequests
	case strings.Contains(norm, "结果维持") || strings.Contains(norm, "结果纠正") || strings.Contains(norm, "尚未审结"):
		return secReview
	}
	return secNone
}

// joinOrigins joins the text of a row's cells, each merged cell once.
func joinOrigins(cells []document.Cell) string {
	var sb strings.Builder
	for _, c := range cells {
		if !c.Copy {
			sb.WriteString(c.Text)
		}
	}
	return sb.String()
}

// contentScore counts the rows whose labels belong to a part.
func contentScore(lines []line, s section) int {
	n := 0
	for i := range lines {
		if lineContent(&lines[i]) == s {
			n++
		}
	}
	return n
}

// lineContent tells which part a row's label belongs to, by words only
// that part's rows print.
func lineContent(l *line) section {
	switch {
	case strings.Contains(l.label, "予以公开") || strings.Contains(l.label, "不予公开") || strings.Contains(l.label, "结转") || strings.Contains(l.label, "新收"):
		return secRequests
	case strings.Contains(l.label, "规章") || strings.Contains(l.label, "规范性文件") || strings.Contains(l.label, "行政许可") || strings.Contains(l.label, "行政处罚"):
		return secProactive
	case strings.Contains(l.label, "维持") || strings.Contains(l.label, "纠正") || strings.Contains(l.label, "复议"):
		return secReview
	}
	return secNone
}

// contentOf guesses a table's part from its rows when no heading or header
// row said it.
func contentOf(lines []line) section {
	p, r, v := contentScore(lines, secProactive), contentScore(lines, secRequests), contentScore(lines, secReview)
	switch {
	case r >= 2 && r >= p && r >= v:
		return secRequests
	case p >= 2 && p >= v:
		return secProactive
	case v >= 1:
		return secReview
	}
	return secNone
}

// sections splits the document's table rows among the three parts, by the
// headings around and inside the tables.
func sections(doc *document.Document) map[section][]line {
	out := map[section][]line{}
	grid := doc.Format != "text"
	layoutTables := doc.Meta[textdoc.MetaLayoutTables]
	cur := secNone
	ti := -1
	paraRun := -1
	for bi, b := range doc.Blocks {
		if b.Table == nil {
			if len(b.Text) > 300 {
				continue // running text, not a heading
			}
			if s := headingOf(Normalize(b.Text), true); s != secNone {
				cur = s
				paraRun = -1
				continue
			}
			// Text whose table the reader could not see as one (a
			// pdftotext -layout row, a label wrapped onto its own line)
			// is read as a row of a table made of such lines.
			if cur != secNone && cur != secEnd {
				if cells, ok := paragraphRow(b); ok {
					if paraRun < 0 {
						paraRun = 1<<20 + bi
					}
					out[cur] = append(out[cur], makeLine(cells, paraRun, 0, false))
				}
			}
			continue
		}
		paraRun = -1
		ti++
		positional := !grid && layoutTables != "" && slices.Contains(strings.Fields(layoutTables), b.Table.Locator)
		lines := make([]line, len(b.Table.Rows))
		norms := make([]string, len(b.Table.Rows)) // of the rows without values
		signed := false                            // a heading or header row inside the table says its part
		for ri, cells := range b.Table.Rows {
			lines[ri] = makeLine(cells, ti, ri, grid)
			lines[ri].positional = positional
			if !lines[ri].hasValues() {
				norm := Normalize(joinOrigins(cells))
				norms[ri] = norm
				signed = signed || headingOf(norm, false) != secNone || markerOf(norm) != secNone
			}
		}
		if !signed && cur != secNone && cur != secEnd {
			// A table with no heading or header of its own continues the
			// part before it (a table broken by a page), unless its rows
			// are plainly another part's (reports without headings).
			if s := contentOf(lines); s != secNone && s != cur && contentScore(lines, s) >= 3 {
				cur = s
			}
		}
		var pending []line // rows before any heading: classified by content
		for ri := range b.Table.Rows {
			l := lines[ri]
			if !l.hasValues() {
				norm := norms[ri]
				if s := headingOf(norm, false); s != secNone {
					cur = s
					l.heading = s
				} else if s := markerOf(norm); s != secNone && cur != secEnd {
					cur = s
				}
			}
			if cur == secNone {
				pending = append(pending, l)
				continue
			}
			if cur != secEnd {
				out[cur] = append(out[cur], l)
			}
		}
		if len(pending) > 0 {
			if s := contentOf(pending); s != secNone {
				out[s] = append(out[s], pending...)
			}
		}
	}
	return out
}

// paragraphRow splits a short paragraph into cells at tabs and runs of two
// or more spaces, as text laid out in columns separates them. Page numbers
// (-4-) are not rows.
func paragraphRow(b document.Block) ([]document.Cell, bool) {
	t := strings.TrimSpace(b.Text)
	if t == "" || utf8.RuneCountInString(t) > 120 || isPageNumber(t) {
		return nil, false
	}
	var cells []document.Cell
	start, spaces := 0, 0
	flush := func(end int) {
		if part := strings.TrimSpace(t[start:end]); part != "" {
			cells = append(cells, document.Cell{Text: part, Locator: b.Locator})
		}
	}
	for i, r := range t {
		switch {
		case r == '\t':
			flush(i)
			start, spaces = i+1, 0
		case r == ' ' || r == 0x3000 || r == 0xA0:
			spaces++
		default:
			if spaces >= 2 || spaces >= 1 && i > 0 && t[i-1] != ' ' {
				// Two spaces, or one full-width space: a column gap.
				flush(i)
				start = i
			}
			spaces = 0
		}
	}
	flush(len(t))
	return cells, len(cells) > 0
}

// isPageNumber reports a page number line: -4-, — 4 —, 第4页.
func isPageNumber(t string) bool {
	t = strings.TrimSpace(t)
	trimmed := strings.Trim(t, "-—–－ 第页")
	if trimmed == "" || len(trimmed) > 4 {
		return false
	}
	for _, r := range trimmed {
		if r < '0' || r > '9' {
			return false
		}
	}
	return trimmed != t
}
