package template

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
	if out, ok := placeShifted(l, n, colmap, 0); ok {
		return out, true
	}
	// A row set one or two fields off the header (a label cell merged or
	// split by the OCR) is placed under the one shift that fits it.
	var found []*cand
	fits := 0
	for _, d := range []int{-1, 1, -2, 2, -3, 3} {
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
	out = make([]*cand, n)
	filled := make([]bool, n)
	count := 0
	for i := range l.all {
		cd := &l.all[i]
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
