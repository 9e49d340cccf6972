package textdoc

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/extract/document"
)

// Bounds that keep hostile input from costing more than a real report.
const (
	maxLines = 200000 // lines read; the rest of a huge file is ignored
	maxCells = 512    // cells kept per row
)

// kind is what one line of text looks like.
type kind int

const (
	blank    kind = iota // nothing but spaces
	prose                // a paragraph line
	tabbed               // cells separated by tabs
	indented             // text after leading tabs only: a row inside a tab table, prose elsewhere
	piped                // a markdown pipe-table row
	pipeRule             // a markdown |---|---| separator line
	spaced               // fields separated by runs of two or more spaces
	layout               // a line of a table laid out under its headers (see layout.go)
)

// line is one input line with its classification.
type line struct {
	no     int // 1-based line number
	text   string
	kind   kind
	fields int // non-empty fields of a spaced line
}

// MetaLayoutTables is the Document.Meta key listing, space-separated, the
// locators of the tables read by position from layout text (layout.go).
const MetaLayoutTables = "layout_tables"

// Read parses a text document: UTF-8 (with or without BOM), UTF-16 with
// BOM, or GB18030/GBK. It never fails on content; the error is reserved
// for future limits.
func Read(data []byte) (*document.Document, error) {
	text, cs := decode(data)
	lines := classify(splitLines(text))
	grids := markLayout(lines)
	doc := &document.Document{
		Format: "text",
		Meta:   map[string]string{"charset": cs},
	}
	b := builder{doc: doc}
	for i := 0; i < len(lines); {
		l := lines[i]
		switch l.kind {
		case blank:
			i++
		case layout:
			b.addTable(grids[i], l.no, false)
			// Tell the template which tables were read by position: their
			// empty cells are blanks for certain (no tab can be lost).
			if n := len(doc.Blocks); n > 0 && doc.Blocks[n-1].Table != nil {
				loc := doc.Blocks[n-1].Table.Locator
				if prev := doc.Meta[MetaLayoutTables]; prev != "" {
					loc = prev + " " + loc
				}
				doc.Meta[MetaLayoutTables] = loc
			}
			for i < len(lines) && lines[i].kind == layout {
				i++
			}
		case tabbed, piped, pipeRule, spaced:
			i = b.table(lines, i)
		default:
			b.paragraph(l)
			i++
		}
	}
	if b.markdown {
		doc.Format = "markdown"
	}
	return doc, nil
}

// splitLines splits on \n, \r\n and lone \r.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	out := strings.Split(s, "\n")
	if len(out) > maxLines {
		out = out[:maxLines]
	}
	return out
}

// classify gives every line its kind, then settles the kinds that depend
// on neighbours: tab-indented text inside a tab table, pipe rows of tables
// written without leading pipes, and spaced lines that are not part of a
// run long enough to be a table.
func classify(raw []string) []line {
	lines := make([]line, len(raw))
	for i, s := range raw {
		s = boxToPipe(s)
		lines[i] = line{no: i + 1, text: s, kind: lineKind(s)}
		if lines[i].kind == spaced {
			lines[i].fields = len(splitSpaced(s))
		}
	}
	// Markdown tables may omit the outer pipes: a header line with a pipe
	// followed by a rule line, and the rows after it that carry pipes.
	for i := range lines {
		if lines[i].kind != pipeRule {
			continue
		}
		if i > 0 && lines[i-1].kind != blank && strings.Contains(lines[i-1].text, "|") {
			lines[i-1].kind = piped
		}
		for j := i + 1; j < len(lines) && lines[j].kind != blank && strings.Contains(lines[j].text, "|"); j++ {
			if lines[j].kind != pipeRule {
				lines[j].kind = piped
			}
		}
	}
	// A rule line that belongs to no table is prose (a markdown <hr>,
	// "---", is already blank-free text).
	for i := range lines {
		if lines[i].kind == pipeRule && !nearKind(lines, i, piped) {
			lines[i].kind = prose
		}
	}
	// Text indented by tabs is a row between two tab rows, or when it is
	// indented by two tabs or more (a header cell over the value columns)
	// right next to a tab row; else it is indented prose.
	for i := range lines {
		if lines[i].kind != indented {
			continue
		}
		deep := strings.HasPrefix(strings.TrimLeftFunc(lines[i].text, func(r rune) bool { return r != '\t' && isSpace(r) }), "\t\t")
		switch {
		case prevKind(lines, i) == tabbed && nextKind(lines, i) == tabbed:
			lines[i].kind = tabbed
		case deep && ((i > 0 && lines[i-1].kind == tabbed) || (i+1 < len(lines) && lines[i+1].kind == tabbed)):
			lines[i].kind = tabbed
		default:
			lines[i].kind = prose
		}
	}
	// A line with a single filled cell (text then stray tabs) standing
	// alone between blank or prose lines is a heading, not a row: kept
	// as a row it would glue the tables before and after it together.
	single := make([]bool, len(lines))
	for i := range lines {
		single[i] = lines[i].kind == tabbed && filledCells(lines[i].text) == 1
	}
	for i := range lines {
		if !single[i] {
			continue
		}
		prevRow := i > 0 && lines[i-1].kind == tabbed
		nextRow := i+1 < len(lines) && lines[i+1].kind == tabbed
		if !prevRow && !nextRow {
			lines[i].kind = prose
		}
	}
	settleSpaced(lines)
	return lines
}

// filledCells counts the non-blank cells of a tab-separated line.
func filledCells(s string) int {
	n := 0
	for _, c := range strings.Split(s, "\t") {
		if strings.TrimFunc(c, isSpace) != "" {
			n++
		}
	}
	return n
}

// settleSpaced keeps a spaced line as a table row only in a run (blank
// lines allowed) holding at least two lines of three or more fields;
// prose with an odd double space stays prose.
func settleSpaced(lines []line) {
	for i := 0; i < len(lines); {
		if lines[i].kind != spaced {
			i++
			continue
		}
		j, strong := i, 0
		for j < len(lines) && (lines[j].kind == spaced || lines[j].kind == blank) {
			if lines[j].kind == spaced && lines[j].fields >= 3 {
				strong++
			}
			j++
		}
		if strong < 2 {
			for k := i; k < j; k++ {
				if lines[k].kind == spaced {
					lines[k].kind = prose
				}
			}
			i = j
			continue
		}
		// Two-field lines at the edges (a signature and its date, a
		// caption) are prose; inside the run they are short rows.
		for k := i; k < j && lines[k].kind != prose; k++ {
			if lines[k].kind == spaced && lines[k].fields >= 3 {
				break
			}
			if lines[k].kind == spaced {
				lines[k].kind = prose
			}
		}
		for k := j - 1; k >= i; k-- {
			if lines[k].kind == spaced && lines[k].fields >= 3 {
				break
			}
			if lines[k].kind == spaced {
				lines[k].kind = prose
			}
		}
		i = j
	}
}

func prevKind(lines []line, i int) kind {
	for j := i - 1; j >= 0; j-- {
		if lines[j].kind != blank {
			return lines[j].kind
		}
	}
	return blank
}

func nextKind(lines []line, i int) kind {
	for j := i + 1; j < len(lines); j++ {
		if lines[j].kind != blank {
			return lines[j].kind
		}
	}
	return blank
}

func nearKind(lines []line, i int, k kind) bool {
	return (i > 0 && lines[i-1].kind == k) || (i+1 < len(lines) && lines[i+1].kind == k)
}

// lineKind classifies a line on its own.
func lineKind(s string) kind {
	t := strings.TrimFunc(s, isSpace)
	if t == "" {
		return blank
	}
	// Pipes first: a markdown row may hold tabs as cell padding.
	if isPipeRule(t) {
		return pipeRule
	}
	if strings.HasPrefix(t, "|") && strings.Count(t, "|") >= 2 {
		return piped
	}
	if strings.Contains(s, "\t") {
		// Tabs only before the text: an indented line, not yet a row.
		if !strings.Contains(t, "\t") && !strings.HasSuffix(s, "\t") {
			return indented
		}
		return tabbed
	}
	if len(splitSpaced(s)) >= 2 {
		return spaced
	}
	return prose
}

// boxToPipe rewrites a table drawn with box-drawing characters (text
// exports and some OCR engines draw │规章│0│ and ├──┼──┤) as a markdown
// pipe table: vertical bars become |, a line of rules becomes |---|.
// Other lines are returned unchanged.
func boxToPipe(s string) string {
	// Box drawing is U+2500-U+257F: UTF-8 E2 94 xx and E2 95 xx.
	if !strings.Contains(s, "\xe2\x94") && !strings.Contains(s, "\xe2\x95") && !strings.Contains(s, "｜") {
		return s
	}
	rule := true
	for _, r := range s {
		if !(r >= 0x2500 && r <= 0x257F) && !isSpace(r) {
			rule = false
			break
		}
	}
	if rule {
		return "|---|"
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '│', '┃', '║', '｜', '┆', '┇', '┊', '┋', '╎', '╏':
			return '|'
		}
		return r
	}, s)
}

// isPipeRule reports a markdown table separator such as |---|:--:|.
func isPipeRule(t string) bool {
	dash := false
	for _, r := range t {
		switch r {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash && strings.Contains(t, "|")
}

// isSpace is a blank for trimming: Unicode spaces, including the
// full-width space U+3000 and NBSP, and the BOM left mid-file by editors.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\ufeff' }

// splitSpaced splits a line on runs of two or more spaces (ASCII, NBSP,
// U+3000), the column gaps of pdftotext -layout and OCR output. A single
// space stays inside a field: Chinese OCR inserts stray ones in labels.
func splitSpaced(s string) []string {
	s = strings.TrimFunc(s, isSpace)
	var out []string
	start, run, runStart := 0, 0, 0
	for i, r := range s {
		if r == ' ' || r == '\u00a0' || r == '\u3000' {
			if run == 0 {
				runStart = i
			}
			run++
			continue
		}
		if run >= 2 && len(out) < maxCells-1 {
			out = append(out, s[start:runStart])
			start = i
		}
		run = 0
	}
	out = append(out, s[start:])
	return out
}

// builder accumulates blocks.
type builder struct {
	doc      *document.Document
	tables   int
	markdown bool
}

// paragraph adds a prose line, without markdown heading marks.
func (b *builder) paragraph(l line) {
	t := strings.TrimFunc(l.text, isSpace)
	if h := strings.TrimLeft(t, "#"); h != t && len(t)-len(h) <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t') {
		b.markdown = true
		t = unemphasize(strings.TrimFunc(strings.TrimRight(h, "#"), isSpace))
	}
	if t == "" {
		return
	}
	b.doc.Blocks = append(b.doc.Blocks, document.Paragraph(t, "l"+strconv.Itoa(l.no)))
}

// table reads the table starting at lines[i] and returns the index after
// it. Runs of the same kind separated only by blank lines are one table:
// OCR and page breaks put blank lines mid-table. A markdown table that
// starts with its own header and rule after a blank line is a new table.
func (b *builder) table(lines []line, i int) int {
	k := lines[i].kind
	if k == pipeRule {
		k = piped
	}
	first := lines[i].no
	var rows [][]string
	var spacedLines []string
	j := i
	for j < len(lines) {
		l := lines[j]
		if l.kind == blank {
			n := j + 1
			for n < len(lines) && lines[n].kind == blank {
				n++
			}
			if n >= len(lines) || !sameTable(k, lines, n) {
				break
			}
			j = n
			continue
		}
		if !(l.kind == k || (k == piped && l.kind == pipeRule)) {
			break
		}
		switch l.kind {
		case tabbed:
			rows = append(rows, strings.SplitN(l.text, "\t", maxCells))
		case piped:
			cells := splitPipes(l.text)
			for c := range cells {
				cells[c] = unemphasize(strings.TrimFunc(cells[c], isSpace))
			}
			rows = append(rows, cells)
		case spaced:
			rows = append(rows, splitSpaced(l.text))
			spacedLines = append(spacedLines, l.text)
		}
		j++
	}
	if k == piped {
		b.markdown = true
	}
	if k == spaced {
		rows = alignSpaced(spacedLines, rows)
	}
	if len(rows) > 0 {
		b.addTable(rows, first, k == tabbed)
	}
	if j == i {
		j++ // cannot happen for a table kind; never loop forever
	}
	return j
}

// sameTable reports whether the line at n continues a table of kind k
// after blank lines.
func sameTable(k kind, lines []line, n int) bool {
	l := lines[n]
	if k != piped {
		return l.kind == k
	}
	if l.kind != piped {
		return false
	}
	// A header row followed by a rule starts a table of its own.
	return !(n+1 < len(lines) && lines[n+1].kind == pipeRule)
}

// unemphasize removes markdown emphasis wrapping a whole heading or
// cell (**自然人**, __总计__); it is markup, not text.
func unemphasize(s string) string {
	for _, m := range []string{"**", "__"} {
		if len(s) > 2*len(m) && strings.HasPrefix(s, m) && strings.HasSuffix(s, m) {
			return strings.TrimFunc(s[len(m):len(s)-len(m)], isSpace)
		}
	}
	return s
}

// splitPipes splits a markdown table row, honouring \| inside cells.
func splitPipes(s string) []string {
	t := strings.TrimFunc(s, isSpace)
	t = strings.TrimPrefix(t, "|")
	if strings.HasSuffix(t, "|") && !strings.HasSuffix(t, `\|`) {
		t = t[:len(t)-1]
	}
	var out []string
	var cur strings.Builder
	for i := 0; i < len(t); i++ {
		switch {
		case t[i] == '\\' && i+1 < len(t) && t[i+1] == '|':
			cur.WriteByte('|')
			i++
		case t[i] == '|' && len(out) < maxCells-1:
			out = append(out, cur.String())
			cur.Reset()
		default:
			cur.WriteByte(t[i])
		}
	}
	return append(out, cur.String())
}

// addTable turns rows of raw cell strings into a grid: cells trimmed,
// spaces normalised, rows padded, columns empty in every row at the right
// edge dropped (they carry no position). With unprinted set (tab text), a
// padding cell, a field the line does not have, gets no locator: the
// template reads a tab row's length from it (an empty field printed
// between tabs is a cell; padding is not).
func (b *builder) addTable(raw [][]string, firstLine int, unprinted bool) {
	b.tables++
	tn := b.tables
	width := 0
	for _, r := range raw {
		if len(r) > maxCells {
			r = r[:maxCells]
		}
		for c := len(r); c > 0; c-- {
			if cellText(r[c-1]) != "" {
				if c > width {
					width = c
				}
				break
			}
		}
	}
	if width == 0 {
		return
	}
	t := &document.Table{Locator: "t" + strconv.Itoa(tn)}
	prefix := t.Locator + "/r"
	for ri, r := range raw {
		row := make([]document.Cell, width)
		for c := 0; c < width; c++ {
			text := ""
			if c < len(r) {
				text = cellText(r[c])
			}
			row[c] = document.Cell{
				Text:    text,
				Locator: prefix + strconv.Itoa(ri+1) + "/c" + strconv.Itoa(c+1),
			}
			if unprinted && c >= len(r) {
				row[c].Locator = ""
			}
		}
		t.Rows = append(t.Rows, row)
	}
	b.doc.Blocks = append(b.doc.Blocks, document.Block{Table: t, Locator: "l" + strconv.Itoa(firstLine)})
}

// cellText trims a cell and makes full-width and no-break spaces plain;
// nothing else is changed. A markdown <br> inside a cell is a line break
// and is joined like one.
func cellText(s string) string {
	if strings.Contains(s, "<br") {
		s = joinBreaks(s)
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u3000', '\u00a0', '\ufeff':
			if r == '\ufeff' {
				return -1
			}
			return ' '
		}
		return r
	}, s)
	return strings.TrimFunc(s, isSpace)
}

// joinBreaks joins the parts of a cell split by <br>, <br/> or <br />:
// without a space between CJK characters or digits, with one between
// Latin words.
func joinBreaks(s string) string {
	var parts []string
	for {
		i := strings.Index(s, "<br")
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		parts = append(parts, s[:i])
		s = s[i+j+1:]
	}
	parts = append(parts, s)
	var sb strings.Builder
	for _, p := range parts {
		p = strings.TrimFunc(p, isSpace)
		if p == "" {
			continue
		}
		if sb.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(sb.String())
			next, _ := utf8.DecodeRuneInString(p)
			if isWordRune(last) && isWordRune(next) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(p)
	}
	return sb.String()
}

// isWordRune reports a Latin letter: two of them either side of a break
// are two words. Digits join without a space (a number split in two).
func isWordRune(r rune) bool {
	return r < 0x2E80 && unicode.IsLetter(r)
}
