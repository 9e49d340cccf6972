package template

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/report"
)

// Rule names of the issues this package raises (SCHEMA.md leaves them to
// the project; see doc.go).
const (
	RuleTableMissing    = "table_missing"
	RuleCellUnreadable  = "cell_unreadable"
	RuleCellMissing     = "cell_missing"
	RuleRowConflict     = "row_conflict"
	RuleCountNotInteger = "count_not_integer"
	RuleExtraValues     = "extra_values"
)

// Result is what Code finds in a document.
type Result struct {
	// Template is 2019, 2021, legacy, or "" when the document shows no
	// sign of either national template and no year says which.
	Template string
	Cells    []report.Cell
	Issues   []report.Issue
	// Found lists the tables located (a table with at least one row).
	Found map[string]bool
}

// Code finds the three national tables of a document and codes every
// cell. yearHint is the report year when known (0 otherwise); it decides
// the template only where the labels are silent, and a year of 2008–2018
// means the free legacy format, with no table codes.
func Code(doc *document.Document, yearHint int) Result {
	res := Result{Found: map[string]bool{}}
	if doc == nil {
		return res
	}
	secs := sections(doc)
	n19, n21 := templateMarkers(doc)
	switch {
	case yearHint >= 2008 && yearHint <= 2018 && n19 < 3 && n21 < 3:
		res.Template = report.TemplateLegacy
		return res
	case n21 > n19:
		res.Template = report.Template2021
	case n19 > n21:
		res.Template = report.Template2019
	case yearHint >= 2021:
		res.Template = report.Template2021
	case yearHint == 2019 || yearHint == 2020:
		res.Template = report.Template2019
	case len(secs) > 0:
		res.Template = report.Template2021
	default:
		return res
	}
	c := coder{res: &res, tmpl: res.Template}
	c.proactive(secs[secProactive])
	c.requests(secs[secRequests])
	c.review(secs[secReview])
	for _, t := range report.Tables {
		if !res.Found[t] {
			sev := report.SeverityWarn
			if t == report.TableRequests {
				sev = report.SeverityError
			}
			c.issue(RuleTableMissing, sev, fmt.Sprintf("table %s not found", t))
		}
	}
	return res
}

// templateMarkers counts the words only the 2019 and only the 2021
// template print.
func templateMarkers(doc *document.Document) (n19, n21 int) {
	var buf []byte
	for _, b := range doc.Blocks {
		if b.Table == nil {
			if len(b.Text) < 400 {
				buf = appendNormalized(buf, b.Text)
			}
			continue
		}
		for _, r := range b.Table.Rows {
			for _, c := range r {
				if !c.Copy {
					buf = appendNormalized(buf, c.Text)
				}
			}
			buf = append(buf, '|')
		}
	}
	for _, m := range markers2019 {
		if bytes.Contains(buf, []byte(m)) {
			n19++
		}
	}
	for _, m := range markers2021 {
		if bytes.Contains(buf, []byte(m)) {
			n21++
		}
	}
	return n19, n21
}

type coder struct {
	res  *Result
	tmpl string
}

func (c *coder) issue(rule, sev, msg string, cells ...string) {
	c.res.Issues = append(c.res.Issues, report.Issue{Rule: rule, Severity: sev, Message: msg, Cells: cells})
}

// cell turns a candidate into a report cell, raising an issue for a value
// that cannot be read or a count that is not whole.
func (c *coder) cell(table, row, col string, cd *cand, money bool, headerUnit unit) report.Cell {
	out := report.Cell{Table: table, Row: row, Col: col}
	if cd == nil {
		return out
	}
	out.Raw, out.Locator = cd.raw, cd.loc
	key := func() string { return table + "." + row + "." + col } // only an issue needs it
	switch {
	case cd.blank:
	case !cd.val.ok:
		key := key()
		c.issue(RuleCellUnreadable, report.SeverityWarn,
			fmt.Sprintf("%s: cannot read %q as a number; stored as blank", key, cd.raw), key)
	default:
		v := cd.val
		if cd.unit != unitNone && v.unit == unitNone {
			v.unit = cd.unit
		}
		f := v.float(money, headerUnit)
		out.Value = &f
		if !money && !v.isInteger() {
			key := key()
			c.issue(RuleCountNotInteger, report.SeverityWarn,
				fmt.Sprintf("%s: count printed as %q is not a whole number; stored as printed", key, cd.raw), key)
		}
	}
	return out
}

// slots places a line's candidates in n columns. colmap, when not nil,
// gives the grid column of each expected column from the header rows (-1
// for a column the header does not print). It
// returns the candidates per column (nil where the document has no cell)
// and how many columns could not be placed (a value missing from an OCR
// row), in which case the candidates come in order without gaps.
func slots(l *line, n int, colmap []int) (out []*cand, missing int) {
	cs := l.cands
	pos := func(list []*cand) []*cand { return list }
	all := make([]*cand, len(cs))
	for i := range cs {
		all[i] = &cs[i]
	}
	if len(all) == n {
		return pos(all), 0
	}
	if out, ok := placeByPosition(l, n, colmap); ok {
		return out, 0
	}
	if len(colmap) == n && l.grid && len(all) > 0 {
		byCol := map[int]*cand{}
		for _, cd := range all {
			byCol[cd.col] = cd
		}
		ok := true
		for _, cd := range all {
			if cd.empty {
				continue
			}
			found := false
			for _, gc := range colmap {
				if gc == cd.col {
					found = true
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			out = make([]*cand, n)
			for k, gc := range colmap {
				if gc >= 0 {
					out[k] = byCol[gc]
				}
			}
			return out, 0
		}
	}
	trimmed := all
	for len(trimmed) > n && trimmed[len(trimmed)-1].empty {
		trimmed = trimmed[:len(trimmed)-1]
	}
	if len(trimmed) == n {
		return trimmed, 0
	}
	var nb []*cand
	for _, cd := range all {
		if !cd.empty {
			nb = append(nb, cd)
		}
	}
	switch {
	case len(nb) == n:
		return nb, 0
	case len(nb) > n:
		// Numbers left of the values are label debris (OCR's "7.12").
		return nb[len(nb)-n:], 0
	}
	return nb, n - len(nb)
}

// ---------------------------------------------------------------- proactive

func (c *coder) proactive(lines []line) {
	exps := proactiveRows(c.tmpl)
	for _, mt := range align(lines, exps) {
		e := exps[mt.exp]
		l := &lines[mt.vals]
		hdr, hunit := proactiveHeader(lines, mt.first)
		var colmap []int
		if hdr != nil {
			// Columns the header does not print are -1: their cells are
			// left blank, not filled from the neighbours.
			colmap = make([]int, len(e.cols))
			named := 0
			for k, code := range e.cols {
				colmap[k] = -1
				if gc, ok := hdr[code]; ok {
					colmap[k] = gc
					named++
				}
			}
			if named == 0 {
				colmap = nil
			}
		}
		ss, missing := slots(l, len(e.cols), colmap)
		if missing > 0 {
			c.issue(RuleCellMissing, report.SeverityWarn, fmt.Sprintf(
				"proactive.%s: %d values for %d columns (%q); placed in order, the last %d left blank",
				e.code, len(ss), len(e.cols), l.raw, missing))
		}
		c.conflict(report.TableProactive, e.code, lines, mt)
		for k, col := range e.cols {
			var cd *cand
			if k < len(ss) {
				cd = ss[k]
			}
			c.res.Cells = append(c.res.Cells, c.cell(report.TableProactive, e.code, col, cd, col == "amount_10k_yuan", hunit))
		}
		c.res.Found[report.TableProactive] = true
	}
}

// proactiveHeader finds the header row nearest above line i in the same
// table: the grid column of each proactive column it names, and the money
// unit it prints (本年收费金额（万元）, 采购总金额（元）).
func proactiveHeader(lines []line, i int) (map[string]int, unit) {
	for j := i - 1; j >= 0; j-- {
		l := &lines[j]
		if l.table != lines[i].table || l.printed > 0 {
			if l.table != lines[i].table {
				return nil, unitNone
			}
			continue
		}
		hdr := map[string]int{}
		u := unitNone
		for col, t := range l.cells {
			norm := Normalize(t)
			code := proactiveColumn(norm)
			if code == "" {
				continue
			}
			if _, dup := hdr[code]; !dup {
				hdr[code] = col
			}
			if code == "amount_10k_yuan" {
				switch {
				case strings.Contains(norm, "万元"):
					u = unitWan
				case strings.Contains(norm, "元"):
					u = unitYuan
				}
			}
		}
		if len(hdr) > 0 {
			return hdr, u
		}
	}
	return nil, unitNone
}

// conflict raises an issue when two lines joined into one row both carry
// values and they differ; the first line's values are kept.
func (c *coder) conflict(table, row string, lines []line, mt match) {
	if mt.conflict < 0 {
		return
	}
	c.issue(RuleRowConflict, report.SeverityWarn, fmt.Sprintf(
		"%s.%s: the row's label spans lines %q and %q, both with values, and they differ; kept the first",
		table, row, lines[mt.vals].raw, lines[mt.conflict].raw))
}

// ---------------------------------------------------------------- requests

func (c *coder) requests(lines []line) {
	exps := requestRows(c.tmpl)
	matches := align(lines, exps)
	if len(matches) == 0 {
		return
	}
	colmaps := requestColmaps(lines)
	type pending struct {
		code string
		ss   []*cand
		l    *line
	}
	vals := map[string][]*float64{}
	var gaps []pending
	var order []string
	cells := map[string][]report.Cell{}
	for _, mt := range matches {
		e := exps[mt.exp]
		l := &lines[mt.vals]
		c.conflict(report.TableRequests, e.code, lines, mt)
		ss, missing := requestSlots(l, len(e.cols), colmaps)
		order = append(order, e.code)
		if missing > 0 {
			gaps = append(gaps, pending{e.code, ss, l})
			continue
		}
		row := make([]report.Cell, len(e.cols))
		vs := make([]*float64, len(e.cols))
		for k, col := range e.cols {
			row[k] = c.cell(report.TableRequests, e.code, col, ss[k], false, unitNone)
			vs[k] = row[k].Value
		}
		cells[e.code], vals[e.code] = row, vs
	}
	for _, g := range gaps {
		cells[g.code] = c.fillRequestGap(g.code, g.ss, g.l, vals)
		vs := make([]*float64, len(requestCols))
		for k := range vs {
			vs[k] = cells[g.code][k].Value
		}
		vals[g.code] = vs
	}
	for _, code := range order {
		c.res.Cells = append(c.res.Cells, cells[code]...)
	}
	c.res.Found[report.TableRequests] = true
}

// requestColmaps reads, per table, the applicant columns from the header
// rows above the first row with values: the grid column of each of the
// seven columns, or nil when the header does not name all seven in order
// (OCR text, whose header cells do not line up with the values).
func requestColmaps(lines []line) map[int][]int {
	out := map[int][]int{}
	texts := map[int]map[int]string{}
	seenValues := map[int]bool{}
	for _, l := range lines {
		if seenValues[l.table] {
			continue
		}
		if l.printed > 0 {
			seenValues[l.table] = true
			continue
		}
		if texts[l.table] == nil {
			texts[l.table] = map[int]string{}
		}
		for col, t := range l.cells {
			texts[l.table][col] += Normalize(t)
		}
	}
	for table, cols := range texts {
		pos := map[string]int{}
		maxCol := 0
		for col := range cols {
			maxCol = max(maxCol, col)
		}
		ok := true
		for col := 0; col <= maxCol; col++ {
			code := requestColumn(cols[col])
			if code == "" {
				continue
			}
			if _, dup := pos[code]; dup {
				// A rowspan copy of the same header (自然人, 总计) is fine;
				// the origin column wins.
				continue
			}
			pos[code] = col
		}
		m := make([]int, len(requestCols))
		for k, code := range requestCols {
			gc, found := pos[code]
			if !found || (k > 0 && gc <= m[k-1]) {
				ok = false
				break
			}
			m[k] = gc
		}
		if ok {
			out[table] = m
		}
	}
	return out
}

// fillRequestGap places the values of a requests row that has one value
// too few (an OCR row that lost a cell): each position for the missing
// cell is tried, the missing value taken from the row or column identity,
// and the placement that makes the identities of SCHEMA.md hold wins. The
// result is flagged either way; nothing is shifted silently.
func (c *coder) fillRequestGap(code string, ss []*cand, l *line, vals map[string][]*float64) []report.Cell {
	n := len(requestCols)
	out := make([]report.Cell, n)
	for k, col := range requestCols {
		out[k] = report.Cell{Table: report.TableRequests, Row: code, Col: col}
	}
	if len(ss) != n-1 {
		c.issue(RuleCellMissing, report.SeverityWarn, fmt.Sprintf(
			"requests.%s: %d values for %d columns (%q); row left blank", code, len(ss), n, l.raw))
		return out
	}
	known := make([]report.Cell, len(ss))
	for k, cd := range ss {
		known[k] = c.cell(report.TableRequests, code, "", cd, false, unitNone)
	}
	type option struct {
		gap   int
		vec   []*float64
		score int
	}
	var best []option
	for g := 0; g < n; g++ {
		vec := make([]*float64, n)
		for k, x := 0, 0; k < n; k++ {
			if k == g {
				continue
			}
			vec[k] = known[x].Value
			x++
		}
		if v, ok := deriveRequest(code, g, vec, vals); ok {
			vec[g] = &v
		}
		s := requestScore(code, vec, vals)
		o := option{g, vec, s}
		switch {
		case len(best) == 0 || s > best[0].score:
			best = []option{o}
		case s == best[0].score:
			best = append(best, o)
		}
	}
	pick := best[0]
	same := true
	for _, o := range best[1:] {
		for k := range o.vec {
			if !eqPtr(o.vec[k], pick.vec[k]) {
				same = false
			}
		}
	}
	for k, x := 0, 0; k < n; k++ {
		if k == pick.gap {
			out[k].Value = pick.vec[k]
			continue
		}
		out[k].Value, out[k].Raw, out[k].Locator = known[x].Value, known[x].Raw, known[x].Locator
		x++
	}
	key := "requests." + code + "." + requestCols[pick.gap]
	how := "placed where the identities hold"
	if !same {
		how = "the identities do not single out its position; placed at the first best fit"
	}
	got := "left blank"
	if pick.vec[pick.gap] != nil {
		got = fmt.Sprintf("inferred %g from the identities", *pick.vec[pick.gap])
	}
	c.issue(RuleCellMissing, report.SeverityWarn, fmt.Sprintf(
		"requests.%s: %d values for %d columns (%q); the missing cell is taken to be %s (%s), %s",
		code, n-1, n, l.raw, requestCols[pick.gap], how, got), key)
	return out
}

func eqPtr(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func val(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

var balanceSigns = map[string]float64{"new_received": 1, "carried_over": 1, "total_handled": -1, "carried_forward": -1}

func isOutcome(code string) bool {
	switch code {
	case "new_received", "carried_over", "total_handled", "carried_forward":
		return false
	}
	return true
}

// deriveRequest computes the value of column g of a row from the row
// identity (total = the six applicant columns) or, failing that, the
// column balance.
func deriveRequest(code string, g int, vec []*float64, vals map[string][]*float64) (float64, bool) {
	n := len(vec)
	if g == n-1 {
		s := 0.0
		for k := 0; k < n-1; k++ {
			s += val(vec[k])
		}
		return s, true
	}
	if vec[n-1] != nil {
		s := *vec[n-1]
		for k := 0; k < n-1; k++ {
			if k != g {
				s -= val(vec[k])
			}
		}
		if s >= 0 {
			return s, true
		}
	}
	if sign, ok := balanceSigns[code]; ok {
		s := 0.0
		for other, sg := range balanceSigns {
			if other == code {
				continue
			}
			ov, ok := vals[other]
			if !ok {
				return 0, false
			}
			s += sg * val(ov[g])
		}
		if v := -s * sign; v >= 0 {
			return v, true
		}
		return 0, false
	}
	return 0, false
}

// requestScore counts the identities a candidate row satisfies: its own
// row total and, per column, the balance and the outcome sum where the
// other rows are at hand.
func requestScore(code string, vec []*float64, vals map[string][]*float64) int {
	n := len(vec)
	score := 0
	s := 0.0
	for k := 0; k < n-1; k++ {
		s += val(vec[k])
	}
	if vec[n-1] != nil && s == *vec[n-1] {
		score++
	}
	with := func(row string) []*float64 {
		if row == code {
			return vec
		}
		return vals[row]
	}
	if _, ok := balanceSigns[code]; ok {
		complete := true
		for row := range balanceSigns {
			if with(row) == nil {
				complete = false
			}
		}
		if complete {
			for k := 0; k < n; k++ {
				t := 0.0
				for row, sg := range balanceSigns {
					t += sg * val(with(row)[k])
				}
				if t == 0 {
					score++
				}
			}
		}
	}
	if code == "total_handled" || isOutcome(code) {
		th := with("total_handled")
		if th != nil {
			for k := 0; k < n; k++ {
				t := 0.0
				single := c2019(vals)
				counts := func(row string) bool {
					return isOutcome(row) && (row != "other_handling" || single)
				}
				for row, vs := range vals {
					if row != code && counts(row) {
						t += val(vs[k])
					}
				}
				if counts(code) {
					t += val(vec[k])
				}
				if t == val(th[k]) {
					score++
				}
			}
		}
	}
	return score
}

// c2019 tells whether other_handling is an outcome row in this table (it
// is unless the 2021 sub-rows are present).
func c2019(vals map[string][]*float64) bool {
	_, a := vals["other_overdue_correction"]
	_, b := vals["other_unpaid_fee"]
	_, c := vals["other_other"]
	return !a && !b && !c
}

// ---------------------------------------------------------------- review

func (c *coder) review(lines []line) {
	var data []*line
	var at []int
	for i := range lines {
		l := &lines[i]
		// A labelled row of empty cells here is a header padded to the
		// table's width; an unlabelled one is a data row of blanks.
		if l.printed > 0 || (len(l.cands) >= 5 && l.label == "" && l.grid) {
			data = append(data, l)
			at = append(at, i)
		}
	}
	if len(data) == 0 {
		return
	}
	groups := report.ReviewGroups
	outcomes := report.ReviewOutcomes
	// Layout 0: in a grid, each value under the header cells of its own
	// column (行政复议/未经复议直接起诉/复议后起诉 × 结果维持…总计), which also
	// reads a table that prints only some groups or orders them its way.
	if cells, ok := reviewByHeader(lines, at); ok {
		placed := map[string]bool{}
		for _, k := range cells {
			c.res.Cells = append(c.res.Cells, c.cell(report.TableReviewLitigation, k.group, k.outcome, k.cd, false, unitNone))
			placed[k.group] = true
			placed[k.group+"_"+k.outcome] = true
		}
		// A group the table prints has all five cells; those whose empty
		// cells the header did not name are blank.
		for _, g := range groups {
			for _, o := range outcomes {
				if placed[g.Code] && !placed[g.Code+"_"+o.Code] {
					c.res.Cells = append(c.res.Cells, report.Cell{Table: report.TableReviewLitigation, Row: g.Code, Col: o.Code})
				}
			}
		}
		c.res.Found[report.TableReviewLitigation] = true
		return
	}
	put := func(g, o string, cd *cand) {
		c.res.Cells = append(c.res.Cells, c.cell(report.TableReviewLitigation, g, o, cd, false, unitNone))
	}
	// Layout 1: a row per group, labelled, five values each.
	byGroup := map[string]*line{}
	for _, l := range data {
		if g := reviewGroup(l.label); g != "" && byGroup[g] == nil {
			byGroup[g] = l
		}
	}
	if len(byGroup) >= 2 && len(byGroup) == len(data) {
		for gi, g := range groups {
			l := byGroup[g.Code]
			if l == nil {
				continue
			}
			ss, missing := slots(l, len(outcomes), nil)
			if missing > 0 {
				ss = c.fillReviewGap(ss, len(outcomes), gi, l)
			}
			for k, o := range outcomes {
				put(g.Code, o.Code, ss[k])
			}
		}
		c.res.Found[report.TableReviewLitigation] = true
		return
	}
	// Layout 2: a row per outcome (groups as columns), three values each.
	byOutcome := map[string]*line{}
	for _, l := range data {
		if o := reviewOutcome(l.label); o != "" && byOutcome[o] == nil && (l.nonBlank == 3 || len(l.cands) == 3) {
			byOutcome[o] = l
		}
	}
	if len(byOutcome) >= 3 && len(byOutcome) == len(data) {
		for _, o := range outcomes {
			l := byOutcome[o.Code]
			if l == nil {
				continue
			}
			ss, _ := slots(l, len(groups), nil)
			for k, g := range groups {
				var cd *cand
				if k < len(ss) {
					cd = ss[k]
				}
				put(g.Code, o.Code, cd)
			}
		}
		c.res.Found[report.TableReviewLitigation] = true
		return
	}
	// Layout 3: the fifteen values in order, on one row or split over
	// several (5 + 10, or with the 行政诉讼 headers in between). A short
	// row in a grid is padded with empty cells to the table's width: trim
	// each row to the groups it prints, then give the padding back from
	// the last rows if that leaves fewer than fifteen.
	total := len(groups) * len(outcomes)
	rows := make([][]*cand, len(data))
	sum := 0
	for i, l := range data {
		cs := l.cands
		if !l.grid && len(l.all) > 0 && (l.positional || !oneSlid(l.all)) {
			// Text keeps its empty fields here: a full row of fifteen
			// fields says which cells are blank. A row one value short
			// with its gap at the edge may have lost a tab instead: the
			// group totals place that gap.
			cs = l.all
		}
		for k := range cs {
			rows[i] = append(rows[i], &cs[k])
		}
		sum += len(rows[i])
	}
	if sum != total {
		trimmed := make([]int, len(rows))
		tsum := 0
		for i, r := range rows {
			last := -1
			for k, cd := range r {
				if !cd.empty {
					last = k
				}
			}
			n := (last/5 + 1) * 5
			trimmed[i] = min(n, len(r))
			tsum += trimmed[i]
		}
		for i := len(rows) - 1; i >= 0 && tsum < total; i-- {
			add := min(len(rows[i])-trimmed[i], total-tsum)
			trimmed[i] += add
			tsum += add
		}
		if tsum == total {
			for i := range rows {
				rows[i] = rows[i][:trimmed[i]]
			}
		}
	}
	var all []*cand
	for _, r := range rows {
		all = append(all, r...)
	}
	if len(all) != total {
		var nb []*cand
		for _, cd := range all {
			if !cd.empty {
				nb = append(nb, cd)
			}
		}
		switch {
		case len(nb) == total:
			all = nb
		case len(nb) > total:
			c.issue(RuleExtraValues, report.SeverityWarn, fmt.Sprintf(
				"review_litigation: %d values where 15 were expected; kept the first 15", len(nb)))
			all = nb[:total]
		case len(nb) == total-1:
			all = c.fillReviewGap(nb, total, 0, data[0])
		default:
			c.issue(RuleCellMissing, report.SeverityWarn, fmt.Sprintf(
				"review_litigation: %d values where 15 were expected; table left out", len(nb)))
			return
		}
	}
	for gi, g := range groups {
		for oi, o := range outcomes {
			put(g.Code, o.Code, all[gi*len(outcomes)+oi])
		}
	}
	c.res.Found[report.TableReviewLitigation] = true
}

// fillReviewGap places n-1 values into n review columns (n is 5 for the
// group numbered firstGroup, 15 for the table from the first group) using the group totals (total = upheld +
// corrected + other + pending): each position is tried, the missing value
// taken from its group's identity (a negative one rules the position out),
// and the position under which the most other groups add up wins. The
// result is flagged either way.
func (c *coder) fillReviewGap(ss []*cand, n, firstGroup int, l *line) []*cand {
	out := make([]*cand, n)
	if len(ss) != n-1 {
		copy(out, ss)
		return out
	}
	bestG, bestScore, ties := -1, -1, 0
	var bestVal float64
	for g := 0; g < n; g++ {
		vec := make([]float64, n)
		for k, x := 0, 0; k < n; k++ {
			if k == g {
				continue
			}
			if ss[x].val.ok && !ss[x].blank {
				vec[k] = ss[x].val.float(false, unitNone)
			}
			x++
		}
		base := g / 5 * 5
		if g%5 == 4 {
			vec[g] = vec[base] + vec[base+1] + vec[base+2] + vec[base+3]
		} else {
			vec[g] = vec[base+4]
			for k := base; k < base+4; k++ {
				if k != g {
					vec[g] -= vec[k]
				}
			}
		}
		if vec[g] < 0 {
			continue
		}
		score := 0
		for b := 0; b+5 <= n; b += 5 {
			if b != base && vec[b]+vec[b+1]+vec[b+2]+vec[b+3] == vec[b+4] {
				score++
			}
		}
		switch {
		case score > bestScore:
			bestG, bestScore, ties, bestVal = g, score, 0, vec[g]
		case score == bestScore:
			ties++
		}
	}
	if bestG < 0 {
		bestG = n - 1
	}
	for k, x := 0, 0; k < n; k++ {
		if k == bestG {
			out[k] = &cand{blank: true, empty: true, val: value{blank: true, ok: true}}
			if bestScore >= 0 {
				num := strconv.FormatFloat(bestVal, 'f', -1, 64)
				out[k] = &cand{text: num, val: value{num: num, ok: true}}
			}
			continue
		}
		out[k] = ss[x]
		x++
	}
	g, o := report.ReviewGroups[firstGroup+bestG/5].Code, report.ReviewOutcomes[bestG%5].Code
	how := "placed where the group totals hold"
	if ties > 0 {
		how = "position not certain"
	}
	got := "left blank"
	if bestScore >= 0 {
		got = fmt.Sprintf("inferred %g from its group total", bestVal)
	}
	c.issue(RuleCellMissing, report.SeverityWarn, fmt.Sprintf(
		"review_litigation: %d values for %d columns (%q); %s_%s taken as missing (%s), %s",
		n-1, n, l.raw, g, o, how, got), "review_litigation."+g+"_"+o)
	return out
}

type reviewCell struct {
	group, outcome string
	cd             *cand
}

// reviewByHeader places the values of review_litigation data rows by the
// header cells above them in the same grid column: the header rows
// between the previous data row and this one name the group and the
// outcome of each column. It fails (ok false) unless every printed value
// gets a distinct group and outcome.
func reviewByHeader(lines []line, at []int) ([]reviewCell, bool) {
	var out []reviewCell
	seen := map[string]bool{}
	prev := -1
	for _, i := range at {
		l := &lines[i]
		if !l.grid {
			return nil, false
		}
		var hdr []*line
		for q := prev + 1; q < i; q++ {
			if lines[q].table == l.table && lines[q].printed == 0 {
				hdr = append(hdr, &lines[q])
			}
		}
		prev = i
		if len(hdr) == 0 {
			return nil, false
		}
		for k := range l.cands {
			cd := &l.cands[k]
			var sb strings.Builder
			for _, h := range hdr {
				if cd.col < len(h.cells) {
					sb.WriteString(Normalize(h.cells[cd.col]))
				}
			}
			text := sb.String()
			g, o := reviewGroup(text), reviewOutcome(text)
			if g == "" || o == "" || seen[g+o] {
				if cd.empty {
					continue
				}
				return nil, false
			}
			seen[g+o] = true
			out = append(out, reviewCell{g, o, cd})
		}
	}
	return out, len(out) > 0
}
