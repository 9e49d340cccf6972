package pdfdoc

import (
	"fmt"
	"regexp"
	"sort"
	"unicode/utf8"

	"github.com/govreport/govreport/extract/document"
)

// Tables drawn without rules ("stream" tables) are found from the text
// alone: a line whose glyphs fall into several segments separated by wide
// gaps is a table line, a run of them with numbers is a table, and its
// columns are the bands where the segments of the numeric lines overlap.
// A label line with no numbers next to a numeric line is the wrapped part
// of the nearest row's label (the numbers of a wrapped label sit on its
// middle line).

// segGap is the gap, in font sizes, that separates two cells on a line.
const segGap = 1.0

// segment is a run of glyphs on a line between wide gaps.
type segment struct {
	x0, x1 float64
	text   string
}

func segments(l *line) []segment {
	var out []segment
	start := 0
	for i := 1; i <= len(l.glyphs); i++ {
		if i == len(l.glyphs) || l.glyphs[i].x0-l.glyphs[i-1].x1 > segGap*maxf(l.glyphs[i].size, l.glyphs[i-1].size) {
			part := line{glyphs: l.glyphs[start:i]}
			out = append(out, segment{x0: l.glyphs[start].x0, x1: l.glyphs[i-1].x1, text: part.text()})
			start = i
		}
	}
	return out
}

// streamTables replaces runs of table lines among items with table items.
func streamTables(items []*item) []*item {
	n := len(items)
	nseg := make([]int, n)
	data := make([]bool, n)
	for k, it := range items {
		if it.ln == nil {
			continue
		}
		segs := segments(it.ln)
		nseg[k] = len(segs)
		if len(segs) >= 2 {
			for _, s := range segs {
				if s.text != "" && numericRE.MatchString(s.text) {
					data[k] = true
				}
			}
		}
	}
	// dataNear: a data line follows within two lines of the same region
	dataNear := func(k int) bool {
		for d := 1; d <= 2 && k+d < n; d++ {
			if items[k+d].ln == nil || !sameRegion(items[k+d-1], items[k+d]) {
				return false
			}
			if data[k+d] {
				return true
			}
		}
		return false
	}
	var out []*item
	i := 0
	for i < n {
		if items[i].ln == nil || nseg[i] < 2 {
			out = append(out, items[i])
			i++
			continue
		}
		j := i + 1
		for j < n && items[j].ln != nil && sameRegion(items[j-1], items[j]) &&
			(nseg[j] >= 2 || (nseg[j] == 1 && !heading(items[j].ln) && (dataNear(j) || data[j-1]))) {
			j++
		}
		for j > i && nseg[j-1] < 2 && !data[j-2] {
			j--
		}
		numeric := 0
		for k := i; k < j; k++ {
			if data[k] {
				numeric++
			}
		}
		if numeric >= 2 && j-i >= 2 || numeric == 1 && manyNumbers(items[i:j]) {
			if t, used := streamTable(items[i:j]); t != nil {
				if k := len(out); k >= 2 && out[k-1].ln != nil && out[k-1].page >= t.page-1 && len(segments(out[k-1].ln)) == 1 &&
					out[k-2].stream != nil && continuesStream(out[k-2], t) {
					// the rest of the last row's label, cut by the page break
					prev := out[k-2]
					last := prev.stream.Rows[len(prev.stream.Rows)-1]
					last[0].Text = joinLines([]string{last[0].Text, out[k-1].ln.text()})
					prev.stream.Rows = append(prev.stream.Rows, t.stream.Rows...)
					out = out[:k-1]
				} else if len(out) > 0 && out[len(out)-1].stream != nil && continuesStream(out[len(out)-1], t) {
					prev := out[len(out)-1]
					prev.stream.Rows = append(prev.stream.Rows, t.stream.Rows...)
				} else {
					out = append(out, t)
				}
				i += used
				continue
			}
		}
		out = append(out, items[i])
		i++
	}
	return out
}

var headingRE = regexp.MustCompile(`^[一二三四五六七八九十]+[、.．]`)

// heading: a long numbered line (四、政府信息公开行政复议、行政诉讼情况)
// alone on its line is a section heading, not a wrapped table label.
func heading(l *line) bool {
	t := l.text()
	return headingRE.MatchString(t) && utf8.RuneCountInString(t) >= 12
}

// manyNumbers: one line holding four numbers or more is a table row even
// alone (a review row under a header too narrow to split into columns).
func manyNumbers(items []*item) bool {
	for _, it := range items {
		n := 0
		for _, s := range segments(it.ln) {
			if s.text != "" && numericRE.MatchString(s.text) {
				n++
			}
		}
		if n >= 4 {
			return true
		}
	}
	return false
}

// continuesStream: a stream table on the next page with as many columns
// continues the one before it (nothing else between them).
func continuesStream(prev, next *item) bool {
	return next.page == prev.page+1 && next.stream.Width() == prev.stream.Width()
}

func sameRegion(a, b *item) bool {
	return a.page == b.page && b.ln.base-a.ln.base < 2.5*maxf(a.ln.size, b.ln.size)
}

// streamTable builds one table from a run of lines, or nil; used is how
// many of the lines it took (trailing lines that are not table rows are
// left to the text).
func streamTable(lines []*item) (*item, int) {
	type row struct {
		segs  []segment
		data  bool
		base  float64
		extra []segment // wrapped label lines joined to this row
		first *item
	}
	var rows []*row
	for _, it := range lines {
		segs := segments(it.ln)
		data := false
		if len(segs) >= 2 {
			for _, s := range segs {
				if s.text != "" && numericRE.MatchString(s.text) {
					data = true
				}
			}
		}
		rows = append(rows, &row{segs: segs, data: data, base: it.ln.base, first: it})
	}
	// column bands from the numeric lines
	type band struct{ x0, x1 float64 }
	var bands []band
	for _, r := range rows {
		if !r.data {
			continue
		}
		for _, s := range r.segs {
			merged := false
			for k := range bands {
				if s.x0 <= bands[k].x1 && bands[k].x0 <= s.x1 {
					bands[k].x0, bands[k].x1 = minf(bands[k].x0, s.x0), maxf(bands[k].x1, s.x1)
					merged = true
					break
				}
			}
			if !merged {
				bands = append(bands, band{s.x0, s.x1})
			}
		}
	}
	sort.Slice(bands, func(i, j int) bool { return bands[i].x0 < bands[j].x0 })
	// overlapping after growth: merge again
	var bs []band
	for _, b := range bands {
		if len(bs) > 0 && b.x0 <= bs[len(bs)-1].x1 {
			bs[len(bs)-1].x1 = maxf(bs[len(bs)-1].x1, b.x1)
			continue
		}
		bs = append(bs, b)
	}
	if len(bs) < 2 {
		return nil, 0
	}
	// trailing one-segment lines reaching past the first column are text
	// after the table (a heading), not wrapped labels
	for len(rows) > 1 && !rows[len(rows)-1].data && len(rows[len(rows)-1].segs) == 1 && rows[len(rows)-1].segs[0].x1 > bs[1].x0 {
		rows = rows[:len(rows)-1]
	}
	used := len(rows)
	// wrapped label lines: single-segment lines in the first band go to
	// the nearest data row
	var kept []*row
	for idx, r := range rows {
		if r.data || len(r.segs) != 1 || r.segs[0].x1 > bs[1].x0 {
			kept = append(kept, r)
			continue
		}
		var best *row
		bestD := 0.0
		for _, k := range []int{idx - 1, idx + 1} {
			// a wrapped line sits at line pitch from its row's numbers
			if k >= 0 && k < len(rows) && rows[k].data && abs(rows[k].base-r.base) <= 1.8*r.first.ln.size {
				if d := abs(rows[k].base - r.base); best == nil || d < bestD {
					best, bestD = rows[k], d
				}
			}
		}
		if best == nil {
			kept = append(kept, r)
			continue
		}
		best.extra = append(best.extra, r.segs[0])
	}
	bandOf := func(s segment) (int, int) {
		lo, hi := -1, -1
		for k, b := range bs {
			if s.x0 <= b.x1 && b.x0 <= s.x1 {
				if lo < 0 {
					lo = k
				}
				hi = k
			}
		}
		if lo < 0 { // in a gap: the nearest band to its left
			lo = 0
			for k, b := range bs {
				if b.x1 < s.x0 {
					lo = k
				}
			}
			hi = lo
		}
		return lo, hi
	}
	pg := lines[0].page
	t := &document.Table{Locator: fmt.Sprintf("p%d", pg)}
	for _, r := range kept {
		cells := make([]document.Cell, len(bs))
		all := r.segs
		texts := make([][]string, len(bs))
		for _, s := range all {
			lo, hi := bandOf(s)
			texts[lo] = append(texts[lo], s.text)
			loc := fmt.Sprintf("p%d/%.1f,%.1f,%.1f,%.1f", r.first.page, s.x0, r.first.ln.top, s.x1-s.x0, r.first.ln.base-r.first.ln.top)
			cells[lo].Locator = loc
			for k := lo + 1; k <= hi; k++ {
				cells[k].Copy = true
				cells[k].Locator = loc
			}
		}
		// wrapped label parts, in reading order around the row's own label
		for _, e := range r.extra {
			lo, _ := bandOf(e)
			texts[lo] = append(texts[lo], e.text)
		}
		if len(r.extra) > 0 {
			var own []segment
			for _, s := range r.segs {
				if lo, _ := bandOf(s); lo == 0 {
					own = append(own, s)
				}
			}
			texts[0] = orderLabel(r.first.ln.base, own, r.extra, lines)
		}
		for k := range cells {
			cells[k].Text = joinLines(texts[k])
		}
		for k := range cells {
			if cells[k].Copy {
				for o := k - 1; o >= 0; o-- {
					if !cells[o].Copy {
						cells[k].Text = cells[o].Text
						break
					}
				}
			}
		}
		t.Rows = append(t.Rows, cells)
	}
	return &item{page: pg, y: lines[0].y, stream: t}, used
}

// orderLabel puts the label parts of a row (its own first-band segment and
// the wrapped lines joined to it) in top-to-bottom order.
func orderLabel(base float64, segs, extra []segment, lines []*item) []string {
	type part struct {
		y    float64
		text string
	}
	var parts []part
	for _, s := range segs {
		parts = append(parts, part{base, s.text})
	}
	for _, e := range extra {
		for _, it := range lines {
			ss := segments(it.ln)
			if len(ss) == 1 && ss[0].text == e.text {
				parts = append(parts, part{it.ln.base, e.text})
				break
			}
		}
	}
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].y < parts[j].y })
	var out []string
	for _, p := range parts {
		out = append(out, p.text)
	}
	return out
}
