package pdfdoc

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/govreport/govreport/extract/document"
)

// item is a table or a text line in reading order.
type item struct {
	page int
	y    float64
	tbl  []*ptable // parts of one logical table (more than one across pages)
	// stream is a table found from text alignment alone (no rules)
	stream *document.Table
	ln     *line
	pageH  float64
	pageW  float64
	drop   bool
}

// layoutPages turns positioned glyphs and rules into blocks: ruled tables
// become grids, the rest lines and then paragraphs; tables continuing over
// a page break are joined and page furniture (page numbers, running
// headers) is dropped.
func layoutPages(pages []*page) []document.Block {
	var items []*item
	for _, pg := range pages {
		items = append(items, pageItems(pg)...)
	}
	dropFurniture(items)
	var kept []*item
	for _, it := range items {
		if !it.drop {
			kept = append(kept, it)
		}
	}
	kept = joinTables(kept)
	kept = streamTables(kept)
	return toBlocks(kept)
}

func pageItems(pg *page) []*item {
	var tables []*ptable
	for _, t := range findTables(pg.n, pg.rules) {
		if len(t.cells) >= 2 {
			tables = append(tables, t)
		}
	}
	var rest []glyph
	for _, g := range pg.glyphs {
		placed := false
		for _, t := range tables {
			if t.place(g) {
				placed = true
				break
			}
		}
		if !placed {
			rest = append(rest, g)
		}
	}
	var items []*item
	for i, t := range tables {
		t = t.splitNumericRows()
		tables[i] = t
		t.fillText()
		items = append(items, &item{page: pg.n, y: t.top(), tbl: []*ptable{t}, pageH: pg.h, pageW: pg.w})
	}
	for _, l := range groupLines(rest) {
		l := l
		items = append(items, &item{page: pg.n, y: l.top, ln: &l, pageH: pg.h, pageW: pg.w})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].y < items[j].y })
	return items
}

var pageNumberRE = regexp.MustCompile(`^[-—－–−_\s]*(第\s*)?[0-9０-９]+\s*(页)?(\s*[/／，,]?\s*(共\s*)?[0-9０-９]+\s*页?)?[-—－–−_\s]*$|^[-—－–−]\s*[ivxlcIVXLC]+\s*[-—－–−]$`)

var digitsRE = regexp.MustCompile(`[0-9０-９]+`)

// dropFurniture marks page numbers and running headers/footers: lines in
// the top or bottom margin that are page numbers, or whose text (digits
// ignored) recurs on several pages.
func dropFurniture(items []*item) {
	pagesWith := map[string]map[int]bool{}
	margin := func(it *item) bool {
		return it.ln != nil && it.pageH > 0 && (it.y < 0.1*it.pageH || it.ln.base > 0.9*it.pageH)
	}
	for _, it := range items {
		if !margin(it) {
			continue
		}
		txt := strings.TrimSpace(it.ln.text())
		if pageNumberRE.MatchString(txt) {
			it.drop = true
			continue
		}
		key := digitsRE.ReplaceAllString(txt, "#")
		if pagesWith[key] == nil {
			pagesWith[key] = map[int]bool{}
		}
		pagesWith[key][it.page] = true
	}
	nPages := map[int]bool{}
	for _, it := range items {
		nPages[it.page] = true
	}
	if len(nPages) < 3 {
		return
	}
	for _, it := range items {
		if !margin(it) || it.drop {
			continue
		}
		key := digitsRE.ReplaceAllString(strings.TrimSpace(it.ln.text()), "#")
		if len(pagesWith[key]) >= 3 {
			it.drop = true
		}
	}
}

// joinTables merges a table that ends a page with the table that begins the
// next one when their columns line up.
func joinTables(items []*item) []*item {
	var out []*item
	for _, it := range items {
		if it.tbl != nil && len(out) > 0 {
			prev := out[len(out)-1]
			if prev.tbl != nil {
				last := prev.tbl[len(prev.tbl)-1]
				first := it.tbl[0]
				if first.page == last.page+1 && sameColumns(last.xs, first.xs) {
					prev.tbl = append(prev.tbl, it.tbl...)
					continue
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// sameColumns: outer edges agree and most inner column lines of the table
// with fewer columns are found in the other.
func sameColumns(a, b []float64) bool {
	if abs(a[0]-b[0]) > 2*snapTol || abs(a[len(a)-1]-b[len(b)-1]) > 2*snapTol {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) <= 2 {
		return true
	}
	match := 0
	for _, x := range a[1 : len(a)-1] {
		for _, y := range b {
			if abs(x-y) <= snapTol {
				match++
				break
			}
		}
	}
	return 2*match >= len(a)-2
}

var enumStartRE = regexp.MustCompile(`^\s*([（(]\s*[一二三四五六七八九十0-9]+\s*[)）]|[一二三四五六七八九十]+\s*[、.．]|[0-9]+\s*[、.．])`)

var numericRE = regexp.MustCompile(`^[\s+\-−0-9.,，%]*$`)

// continuesCell reports whether c, in the first row of a table part, is
// the rest of p, a cell touching the last row of the part on the page
// before: neither p's bottom nor c's top is ruled (the break cut the cell),
// or c is a label cell spanning several rows (a rowspan label that the page
// break cut) whose text does not start a new numbered item. An open top
// alone is not enough: Chromium draws the collapsed border between two rows
// once, at the foot of the page before, so the row starting the new page
// has no top rule although it is a row of its own. Two numbers are never
// one cell: a number is not broken over a page.
func continuesCell(p, c *tcell) bool {
	if p.text != "" && c.text != "" && numericRE.MatchString(p.text) && numericRE.MatchString(c.text) {
		return false
	}
	if c.openTop && p.openBottom {
		return true
	}
	if p.text == "" || numericRE.MatchString(p.text) {
		return false
	}
	if c.r1 == c.r0 {
		return false
	}
	return c.text == "" || (!enumStartRE.MatchString(c.text) && !numericRE.MatchString(c.text))
}

// brokenRow reports whether the first row of part p is the rest of a row
// the page break cut (Writer lets a row break across pages): it holds only
// unnumbered label text, and its empty cells sit under values of the last
// row before the break.
func brokenRow(p *ptable, prevLast []*gcell) bool {
	text, emptyUnderValue := false, false
	for _, c := range p.cells {
		if c.r0 != 0 {
			continue
		}
		if c.text != "" {
			if numericRE.MatchString(c.text) || enumStartRE.MatchString(c.text) {
				return false
			}
			text = true
			continue
		}
		for _, pc := range prevLast {
			last := pc.parts[len(pc.parts)-1]
			if abs(last.x0-c.x0) <= snapTol && abs(last.x1-c.x1) <= snapTol && last.text != "" && numericRE.MatchString(last.text) {
				emptyUnderValue = true
			}
		}
	}
	return text && emptyUnderValue
}

// gcell is a cell of a logical table on the joined grid.
type gcell struct {
	parts          []*tcell
	r0, r1, c0, c1 int
}

func nearest(xs []float64, v float64) int {
	best, bi := -1.0, 0
	for i, x := range xs {
		d := abs(x - v)
		if best < 0 || d < best {
			best, bi = d, i
		}
	}
	return bi
}

// tableBlock turns the parts of a logical table into one document table.
func tableBlock(parts []*ptable) document.Block {
	var all []float64
	for _, p := range parts {
		all = append(all, p.xs...)
	}
	xs := clusterCoords(all)
	var cells []*gcell
	rowOff := 0
	var prevLast []*gcell // cells of the previous part touching its last row
	var starts []int      // first grid row of each part after the first
	for pi, p := range parts {
		nr := len(p.ys) - 1
		if pi > 0 {
			starts = append(starts, rowOff)
		}
		rowCont := len(prevLast) > 0 && brokenRow(p, prevLast)
		var lastRow []*gcell
		for _, c := range p.cells {
			gc := &gcell{parts: []*tcell{c}, r0: c.r0 + rowOff, r1: c.r1 + rowOff,
				c0: nearest(xs, c.x0), c1: nearest(xs, c.x1) - 1}
			if gc.c1 < gc.c0 {
				gc.c1 = gc.c0
			}
			merged := false
			if c.r0 == 0 {
				for _, pc := range prevLast {
					if pc.c0 == gc.c0 && pc.c1 == gc.c1 && (rowCont || continuesCell(pc.parts[len(pc.parts)-1], c)) {
						pc.parts = append(pc.parts, c)
						pc.r1 = gc.r1
						gc = pc
						merged = true
						break
					}
				}
			}
			if !merged {
				cells = append(cells, gc)
			}
			if c.r1 == nr-1 {
				lastRow = append(lastRow, gc)
			}
		}
		prevLast = lastRow
		rowOff += nr
	}
	nc := len(xs) - 1
	grid := make([][]*gcell, rowOff)
	for r := range grid {
		grid[r] = make([]*gcell, nc)
	}
	for _, gc := range cells {
		for r := gc.r0; r <= gc.r1 && r < rowOff; r++ {
			for c := gc.c0; c <= gc.c1 && c < nc; c++ {
				if grid[r][c] == nil {
					grid[r][c] = gc
				}
			}
		}
	}
	grid = dropRepeatedHeaders(grid, starts)
	grid = dropRedundant(grid)
	t := &document.Table{Locator: fmt.Sprintf("p%d", parts[0].page)}
	for r, row := range grid {
		out := make([]document.Cell, len(row))
		for c, gc := range row {
			if gc == nil {
				continue
			}
			origin := (r == 0 || grid[r-1][c] != gc) && (c == 0 || row[c-1] != gc)
			out[c] = document.Cell{Text: gc.text(), Copy: !origin, Locator: gc.locator()}
		}
		t.Rows = append(t.Rows, out)
	}
	t.Normalize()
	return document.Block{Table: t, Locator: t.Locator}
}

func (gc *gcell) text() string {
	var parts []string
	for _, p := range gc.parts {
		parts = append(parts, p.text)
	}
	return joinLines(parts)
}

func (gc *gcell) locator() string {
	p := gc.parts[0]
	return fmt.Sprintf("p%d/%.1f,%.1f,%.1f,%.1f", p.page, p.x0, p.y0, p.x1-p.x0, p.y1-p.y0)
}

// dropRepeatedHeaders removes, at the start of each continuation part, the
// header rows that Word repeats on every page ("repeat as header row"):
// rows equal, position by position, to the table's first rows and holding
// no numbers.
func dropRepeatedHeaders(grid [][]*gcell, starts []int) [][]*gcell {
	text := func(gc *gcell) string {
		if gc == nil {
			return ""
		}
		return gc.text()
	}
	sameRow := func(a, b int) bool {
		nonEmpty := false
		for c := range grid[a] {
			ta, tb := text(grid[a][c]), text(grid[b][c])
			if ta != tb || (ta != "" && numericRE.MatchString(ta)) {
				return false
			}
			nonEmpty = nonEmpty || ta != ""
		}
		return nonEmpty
	}
	drop := map[int]bool{}
	for _, s := range starts {
		for m := 0; m < 4 && s+m < len(grid) && m < s; m++ {
			if !sameRow(m, s+m) {
				break
			}
			drop[s+m] = true
		}
	}
	if len(drop) == 0 {
		return grid
	}
	var out [][]*gcell
	for r, row := range grid {
		if !drop[r] {
			out = append(out, row)
		}
	}
	return out
}

// dropRedundant removes grid columns and rows that only repeat their
// neighbour (a line drawn in one part of a table splits cells elsewhere).
func dropRedundant(grid [][]*gcell) [][]*gcell {
	if len(grid) == 0 {
		return grid
	}
	nc := len(grid[0])
	keepCol := make([]bool, nc)
	for c := 0; c < nc; c++ {
		keepCol[c] = c == 0
		for r := range grid {
			if c == 0 || grid[r][c] != grid[r][c-1] {
				keepCol[c] = true
				break
			}
		}
	}
	var out [][]*gcell
	for r, row := range grid {
		if r > 0 {
			same := true
			for c := range row {
				if row[c] != grid[r-1][c] {
					same = false
					break
				}
			}
			if same {
				continue
			}
		}
		var nr []*gcell
		for c, gc := range row {
			if keepCol[c] {
				nr = append(nr, gc)
			}
		}
		out = append(out, nr)
	}
	return out
}

// toBlocks converts items to document blocks, joining text lines into
// paragraphs.
func toBlocks(items []*item) []document.Block {
	left, right := margins(items)
	var blocks []document.Block
	var para []*item
	flush := func() {
		if len(para) == 0 {
			return
		}
		var parts []string
		for _, it := range para {
			parts = append(parts, it.ln.text())
		}
		blocks = append(blocks, document.Paragraph(joinLines(parts), fmt.Sprintf("p%d", para[0].page)))
		para = nil
	}
	for _, it := range items {
		if it.tbl != nil {
			flush()
			blocks = append(blocks, tableBlock(it.tbl))
			continue
		}
		if it.stream != nil {
			flush()
			blocks = append(blocks, document.Block{Table: it.stream, Locator: it.stream.Locator})
			continue
		}
		if len(para) > 0 && !continues(para[len(para)-1], it, left, right) {
			flush()
		}
		para = append(para, it)
	}
	flush()
	return blocks
}

// margins estimates the body text's left and right edges: the most common
// line start and the most common line end.
func margins(items []*item) (float64, float64) {
	lc, rc := map[int]int{}, map[int]int{}
	for _, it := range items {
		if it.ln != nil {
			lc[int(it.ln.x0/3)]++
			rc[int(it.ln.x1/3)]++
		}
	}
	best := func(m map[int]int) float64 {
		k, n := 0, -1
		for key, c := range m {
			if c > n || (c == n && key < k) {
				k, n = key, c
			}
		}
		return float64(k) * 3
	}
	return best(lc), best(rc)
}

// continues reports whether line b continues the paragraph whose last line
// is a: a full line followed by one starting at the left margin, close
// below it (or at the top of the next page).
func continues(a, b *item, left, right float64) bool {
	la, lb := a.ln, b.ln
	size := maxf(la.size, lb.size)
	if abs(la.size-lb.size) > 0.2*size {
		return false
	}
	if la.x1 < right-1.5*size || lb.x0 > left+0.8*size {
		return false
	}
	if a.page == b.page {
		return lb.base-la.base < 2.2*size
	}
	return b.page == a.page+1
}
