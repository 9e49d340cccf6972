package template

import "strings"

// placeByPosition reads a text row (OCR output, tab-separated; a layout
// table) under the grid columns its header names: colmap gives the grid
// column of each of the n expected columns (-1 where the header prints
// none). In such text an empty field between two values is a blank cell,
// and the tab (or the column) it sits in says which one.
//
// The header is trusted only when every printed value of the row sits in
// one of its columns. A row whose values are consecutive and one short is
// ambiguous (a lost tab slides the values left exactly like a blank at
// the edge): ok is false and the caller's reading in order, with the
// identities placing the gap, stands, as for OCR without a usable header.
func placeByPosition(l *line, n int, colmap []int) (out []*cand, ok bool) {
	if l.grid || len(colmap) != n || len(l.all) == 0 {
		return nil, false
	}
	if out, ok := placeByTail(l, n, colmap); ok {
		return out, true
	}
	if out, ok := placeShifted(l, n, colmap, 0); ok {
		return out, true
	}
	return placeUnique(l, n, colmap, []int{-1, 1, -2, 2, -3, 3})
}

// placeByTail places a tab row whose last field (empty or not: the tab
// before it is printed) stands under the header's last column, shifted as
// far as that says. OCR text keeps a row's trailing empty fields, so a row
// that lost its leading label cells (merged, or left in the part before a
// page break) still ends under 总计.
func placeByTail(l *line, n int, colmap []int) ([]*cand, bool) {
	// Requests only: their header ends with 总计 in the last column, which
	// keeps the rows' trailing empty fields in the grid (a column empty in
	// every row at the right edge is dropped by the reader, so a header's
	// last column from another table may lie beyond this one's edge).
	if l.positional || len(l.all) == 0 || n != len(requestCols) || colmap[n-1] < 0 || colmap[n-1] >= len(l.cells) {
		return nil, false
	}
	last := l.all[len(l.all)-1].col
	return placeShifted(l, n, colmap, last-colmap[n-1])
}

// placeUnique places a row set off the header by one to three fields (a
// label cell merged or split by the OCR, the rowspan cells a page break
// left behind) under the one shift of those given that fits it.
func placeUnique(l *line, n int, colmap []int, shifts []int) (out []*cand, ok bool) {
	var found []*cand
	fits := 0
	for _, d := range shifts {
		if o, ok := placeShifted(l, n, colmap, d); ok {
			found = o
			fits++
		}
	}
	if fits == 1 {
		return found, true
	}
	return nil, false
}

// placeShifted places the row's fields under colmap shifted by d grid
// columns, or reports that some printed value falls outside them.
func placeShifted(l *line, n int, colmap []int, d int) (out []*cand, ok bool) {
	slot := func(col int) int {
		for k, gc := range colmap {
			if gc >= 0 && gc+d == col {
				return k
			}
		}
		return -1
	}
	// The columns must lie right of the row's label.
	labelEnd := -1
	for i, t := range l.cells {
		if k, _ := classify(t); k == kindLabel && strings.TrimSpace(t) != "" {
			labelEnd = i
		}
	}
	cs := l.all
	if l.grid {
		cs = l.cands // a grid keeps its empty cells among the candidates
	}
	for _, c := range cs {
		if c.col == labelEnd {
			labelEnd-- // a value split off the label's last cell
		}
	}
	for _, gc := range colmap {
		if gc >= 0 && gc+d <= labelEnd {
			return nil, false
		}
	}
	out = make([]*cand, n)
	filled := make([]bool, n)
	count := 0
	for i := range cs {
		cd := &cs[i]
		k := slot(cd.col)
		if cd.empty {
			if k >= 0 && out[k] == nil {
				out[k] = cd
			}
			continue
		}
		if k < 0 || filled[k] {
			return nil, false
		}
		out[k], filled[k] = cd, true
		count++
	}
	if d != 0 && count == 0 {
		return nil, false
	}
	// Only requests rows have the identities to place a gap by.
	if !l.positional && n == len(requestCols) && count == n-1 && (!filled[0] || !filled[n-1]) && !rowTotalHolds(out) {
		return nil, false
	}
	return out, true
}

// rowTotalHolds reports, for a requests row (six applicant columns and
// their total, the last printed), whether the placed values satisfy
// requests_row_total with blanks as 0: then the blank at the edge is a
// real blank, not a value a lost tab slid away.
func rowTotalHolds(out []*cand) bool {
	if len(out) != len(requestCols) {
		return false
	}
	last := out[len(out)-1]
	if last == nil || last.blank || !last.val.ok {
		return false
	}
	sum := 0.0
	for _, cd := range out[:len(out)-1] {
		if cd == nil || cd.blank {
			continue
		}
		if !cd.val.ok {
			return false
		}
		sum += cd.val.float(false, unitNone)
	}
	d := sum - last.val.float(false, unitNone)
	return d > -1e-9 && d < 1e-9
}

// oneSlid reports cells whose only empty one is the first or the last:
// the shape a lost tab leaves (the values slid over by one), as well as a
// blank at the table's edge.
func oneSlid(cs []cand) bool {
	empties := 0
	for _, c := range cs {
		if c.empty {
			empties++
		}
	}
	return empties == 1 && len(cs) > 1 && (cs[0].empty || cs[len(cs)-1].empty)
}

// requestSlots places a requests row: by its own table's header columns,
// or, in a text table without a header (the part after a page break), by
// the header of the nearest table before it, under whichever single shift
// fits the row; else as slots does without a header.
func requestSlots(l *line, n int, colmaps map[int][]int) ([]*cand, int) {
	cm := colmaps[l.table]
	if cm != nil {
		return slots(l, n, cm)
	}
	var ss []*cand
	missing := 0
	if l.grid {
		// A grid row read in order is right unless it is short.
		if ss, missing = slots(l, n, nil); missing == 0 {
			return ss, 0
		}
	}
	best := -1
	for t := range colmaps {
		if t < l.table && t > best && colmaps[t] != nil {
			best = t
		}
	}
	if best >= 0 && (l.grid || len(l.cands) != n) {
		if out, ok := placeByTail(l, n, colmaps[best]); ok && !l.grid {
			return out, 0
		}
		if out, ok := placeUnique(l, n, colmaps[best], []int{0, -1, 1, -2, 2, -3, 3}); ok {
			return out, 0
		}
	}
	if l.grid {
		return ss, missing
	}
	return slots(l, n, nil)
}
