package textdoc

// field is a cell of a space-separated line with its position: the rune
// offsets where it starts and ends in the line.
type field struct {
	text       string
	start, end int
}

// fieldsAt splits a line like splitSpaced, keeping positions.
func fieldsAt(s string) []field {
	var out []field
	var cur []rune
	start, run, pos := -1, 0, 0
	flush := func() {
		if start >= 0 {
			out = append(out, field{text: string(cur), start: start, end: start + len(cur)})
		}
		cur, start = cur[:0], -1
	}
	for _, r := range s {
		if r == ' ' || r == '\u00a0' || r == '\u3000' || r == '\t' {
			run++
		} else {
			if run >= 2 || start < 0 {
				flush()
				start = pos
			} else if run == 1 {
				cur = append(cur, ' ')
			}
			run = 0
			cur = append(cur, r)
		}
		pos++
	}
	flush()
	return out
}

// alignSpaced places the fields of a pdftotext -layout style table by
// their positions, so that a row with blank cells keeps its values under
// their columns instead of sliding left. The columns are those of the
// rows with the most fields; a row is placed by position only when each
// of its fields falls in a distinct column, in order; otherwise (and when
// the widest rows disagree about the columns) the plain split stands.
func alignSpaced(lines []string, rows [][]string) [][]string {
	if len(lines) != len(rows) || len(lines) < 2 {
		return rows
	}
	fs := make([][]field, len(lines))
	most := 0
	for i, l := range lines {
		fs[i] = fieldsAt(l)
		if len(fs[i]) != len(rows[i]) {
			return rows // the two splits disagree: do not guess
		}
		most = max(most, len(fs[i]))
	}
	// Column extents: the union of the widest rows' fields.
	cols := make([]field, most)
	for c := range cols {
		cols[c] = field{start: 1 << 30, end: -1}
	}
	for _, f := range fs {
		if len(f) != most {
			continue
		}
		for c, x := range f {
			cols[c].start = min(cols[c].start, x.start)
			cols[c].end = max(cols[c].end, x.end)
		}
	}
	for c := 1; c < most; c++ {
		if cols[c].start < cols[c-1].end {
			return rows // overlapping columns: the widest rows disagree
		}
	}
	out := make([][]string, len(rows))
	for i, f := range fs {
		out[i] = rows[i]
		if len(f) == most {
			continue
		}
		placed := make([]string, most)
		last := -1
		ok := true
		for _, x := range f {
			c := column(cols, x)
			if c <= last {
				ok = false
				break
			}
			placed[c] = x.text
			last = c
		}
		if ok {
			out[i] = placed
		}
	}
	return out
}

// column returns the column a field belongs to: the one it overlaps
// most, else the nearest.
func column(cols []field, x field) int {
	best, bestOverlap, bestDist := 0, -1, 1<<30
	for c, col := range cols {
		overlap := min(x.end, col.end) - max(x.start, col.start)
		dist := 0
		switch {
		case x.end <= col.start:
			dist = col.start - x.end
		case x.start >= col.end:
			dist = x.start - col.end
		}
		if overlap > bestOverlap || overlap <= 0 && bestOverlap <= 0 && dist < bestDist {
			best, bestOverlap, bestDist = c, overlap, dist
		}
	}
	return best
}
