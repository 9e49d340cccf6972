package pdfdoc

import (
	"sort"
)

// snapTol is how far apart (points) two rule coordinates may be and still
// be the same grid line: exports draw a border as a filled rectangle 1-2 pt
// thick, sometimes twice, slightly offset.
const snapTol = 3.0

// seg is a ruling line reduced to its centre line.
type seg struct {
	horiz  bool
	pos    float64 // y of a horizontal, x of a vertical
	lo, hi float64 // extent along the line
}

// tcell is a merged table cell found on a page, in page coordinates.
type tcell struct {
	page                int
	x0, y0, x1, y1      float64
	r0, r1, c0, c1      int // grid span, inclusive
	glyphs              []glyph
	text                string
	openTop, openBottom bool // no rule on that edge: continues across a page break
}

// ptable is a ruled table on one page.
type ptable struct {
	page   int
	xs, ys []float64
	cells  []*tcell
	grid   [][]*tcell // [row][col]
	segs   []seg      // the rules the grid was built from
}

func (t *ptable) top() float64    { return t.ys[0] }
func (t *ptable) bottom() float64 { return t.ys[len(t.ys)-1] }

func toSegs(rules []rule) []seg {
	out := make([]seg, 0, len(rules))
	for _, r := range rules {
		if r.horizontal() {
			out = append(out, seg{horiz: true, pos: (r.y0 + r.y1) / 2, lo: r.x0, hi: r.x1})
		} else {
			out = append(out, seg{horiz: false, pos: (r.x0 + r.x1) / 2, lo: r.y0, hi: r.y1})
		}
	}
	return out
}

// touches reports whether two segments meet (cross, touch, or continue each
// other), within snapTol.
func touches(a, b seg) bool {
	if a.horiz == b.horiz {
		return abs(a.pos-b.pos) <= snapTol && a.lo <= b.hi+snapTol && b.lo <= a.hi+snapTol
	}
	h, v := a, b
	if !a.horiz {
		h, v = b, a
	}
	return v.pos >= h.lo-snapTol && v.pos <= h.hi+snapTol && h.pos >= v.lo-snapTol && h.pos <= v.hi+snapTol
}

// clusterCoords merges sorted coordinates closer than snapTol into their
// mean.
func clusterCoords(vs []float64) []float64 {
	if len(vs) == 0 {
		return nil
	}
	sort.Float64s(vs)
	var out []float64
	sum, n, last := vs[0], 1, vs[0]
	for _, v := range vs[1:] {
		if v-last <= snapTol {
			sum += v
			n++
		} else {
			out = append(out, sum/float64(n))
			sum, n = v, 1
		}
		last = v
	}
	return append(out, sum/float64(n))
}

// findTables builds the ruled tables of a page from its rules. Glyphs are
// not assigned here.
func findTables(pageN int, rules []rule) []*ptable {
	segs := toSegs(rules)
	if len(segs) < 4 || len(segs) > 5000 {
		return nil
	}
	parent := make([]int, len(segs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range segs {
		for j := i + 1; j < len(segs); j++ {
			if touches(segs[i], segs[j]) {
				parent[find(i)] = find(j)
			}
		}
	}
	groups := map[int][]seg{}
	var order []int
	for i, s := range segs {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], s)
	}
	var out []*ptable
	for _, r := range order {
		if t := buildGrid(pageN, groups[r]); t != nil {
			out = append(out, t)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].top() < out[j].top() })
	return out
}

// covered reports whether some segment of the given orientation lies on pos
// and covers the point at along.
func covered(segs []seg, horiz bool, pos, along float64) bool {
	for _, s := range segs {
		if s.horiz == horiz && abs(s.pos-pos) <= snapTol && along >= s.lo-snapTol && along <= s.hi+snapTol {
			return true
		}
	}
	return false
}

func buildGrid(pageN int, segs []seg) *ptable {
	var xs, ys []float64
	nh, nv := 0, 0
	for _, s := range segs {
		if s.horiz {
			nh++
			ys = append(ys, s.pos)
			xs = append(xs, s.lo, s.hi)
		} else {
			nv++
			xs = append(xs, s.pos)
			ys = append(ys, s.lo, s.hi)
		}
	}
	if nh < 1 || nv < 2 {
		return nil
	}
	xs, ys = clusterCoords(xs), clusterCoords(ys)
	// A grid line only from a segment's end and within snapTol*2 of a real
	// one would make sliver rows; clusterCoords already merged those.
	if len(xs) < 2 || len(ys) < 2 || len(xs) > 200 || len(ys) > 500 {
		return nil
	}
	nr, nc := len(ys)-1, len(xs)-1
	id := make([]int, nr*nc)
	for i := range id {
		id[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for id[i] != i {
			id[i] = id[id[i]]
			i = id[i]
		}
		return i
	}
	for r := 0; r < nr; r++ {
		ymid := (ys[r] + ys[r+1]) / 2
		for c := 0; c+1 < nc; c++ {
			if !covered(segs, false, xs[c+1], ymid) {
				id[find(r*nc+c)] = find(r*nc + c + 1)
			}
		}
	}
	for c := 0; c < nc; c++ {
		xmid := (xs[c] + xs[c+1]) / 2
		for r := 0; r+1 < nr; r++ {
			if !covered(segs, true, ys[r+1], xmid) {
				id[find(r*nc+c)] = find((r+1)*nc + c)
			}
		}
	}
	t := &ptable{page: pageN, xs: xs, ys: ys, segs: segs}
	t.grid = make([][]*tcell, nr)
	for r := range t.grid {
		t.grid[r] = make([]*tcell, nc)
	}
	byRoot := map[int]*tcell{}
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			root := find(r*nc + c)
			cell, ok := byRoot[root]
			if !ok {
				cell = &tcell{page: pageN, r0: r, r1: r, c0: c, c1: c}
				byRoot[root] = cell
				t.cells = append(t.cells, cell)
			}
			if r > cell.r1 {
				cell.r1 = r
			}
			if c > cell.c1 {
				cell.c1 = c
			}
			if c < cell.c0 {
				cell.c0 = c
			}
			t.grid[r][c] = cell
		}
	}
	for _, cell := range t.cells {
		cell.x0, cell.x1 = xs[cell.c0], xs[cell.c1+1]
		cell.y0, cell.y1 = ys[cell.r0], ys[cell.r1+1]
		xmid := (cell.x0 + cell.x1) / 2
		cell.openTop = !covered(segs, true, cell.y0, xmid)
		cell.openBottom = !covered(segs, true, cell.y1, xmid)
	}
	return t
}

// contains reports whether the point lies inside the table's outer box.
func (t *ptable) contains(x, y float64) bool {
	return x >= t.xs[0] && x <= t.xs[len(t.xs)-1] && y >= t.ys[0] && y <= t.ys[len(t.ys)-1]
}

// place puts a glyph into the cell under its centre; it reports false when
// the glyph is outside the table.
func (t *ptable) place(g glyph) bool {
	cx := (g.x0 + g.x1) / 2
	cy := g.base - 0.35*g.size
	if !t.contains(cx, cy) {
		return false
	}
	r := sort.SearchFloat64s(t.ys, cy) - 1
	c := sort.SearchFloat64s(t.xs, cx) - 1
	if r < 0 {
		r = 0
	}
	if c < 0 {
		c = 0
	}
	if r >= len(t.grid) {
		r = len(t.grid) - 1
	}
	if c >= len(t.grid[r]) {
		c = len(t.grid[r]) - 1
	}
	cell := t.grid[r][c]
	cell.glyphs = append(cell.glyphs, g)
	return true
}

// fillText sets every cell's text from its glyphs.
func (t *ptable) fillText() {
	for _, c := range t.cells {
		var parts []string
		for _, l := range groupLines(c.glyphs) {
			parts = append(parts, l.text())
		}
		c.text = joinLines(parts)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}
