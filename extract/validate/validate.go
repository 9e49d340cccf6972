package validate

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/govreport/govreport/report"
)

// RulePublishedUnreadable is raised when Published is not an ISO date.
const RulePublishedUnreadable = "published_unreadable"

// tolerance absorbs float rounding; money columns are fractional.
const tolerance = 1e-6

// term is one cell taking part in an identity.
type term struct {
	row, col string
	ri, ci   int // positions of row and col in the table's grid, -1 if unknown
}

// at makes the term of a cell of the table whose grid is g.
func (g *grid) at(row, col string) term {
	ri, ok := g.rowPos[row]
	if !ok {
		ri = -1
	}
	ci, ok := g.colPos[col]
	if !ok {
		ci = -1
	}
	return term{row, col, ri, ci}
}

// side adds up cells of one table: blank and absent cells count as 0; it
// remembers whether any cell was printed at all. The terms are kept for
// the issue's cell list, in a fixed array (no identity has more than the
// outcome rows of 2021) so that adding a term allocates nothing.
type side struct {
	sum     float64
	printed bool
	table   string
	n       int
	terms   [maxTerms]term
	more    []term // beyond maxTerms, should the codes ever grow
}

const maxTerms = 24

// cells names the side's cells as "table.row.col" (the flat key for
// review_litigation), built only when an issue needs them.
func (s *side) cells() []string {
	terms := append(s.terms[:s.n:s.n], s.more...)
	out := make([]string, len(terms))
	for i, t := range terms {
		key := t.row + "." + t.col
		if s.table == report.TableReviewLitigation {
			key = report.ReviewCode(t.row, t.col)
		}
		out[i] = s.table + "." + key
	}
	return out
}

// Row and column positions of the codes of the requests and
// review_litigation tables, so that a report's cells are found by array
// index rather than by hashing three strings per lookup.
var (
	requestRowPos = positions(func(yield func(string)) {
		for _, r := range report.RequestRows {
			yield(r.Code)
		}
	})
	requestColPos = codePositions(report.RequestCols)
	reviewRowPos  = codePositions(report.ReviewGroups)
	reviewColPos  = codePositions(report.ReviewOutcomes)
)

func positions(each func(yield func(string))) map[string]int {
	out := map[string]int{}
	each(func(code string) {
		if _, dup := out[code]; !dup {
			out[code] = len(out)
		}
	})
	return out
}

func codePositions(codes []report.Code) map[string]int {
	return positions(func(yield func(string)) {
		for _, c := range codes {
			yield(c.Code)
		}
	})
}

// grid holds the values of one table by row and column position; a cell
// printed twice keeps its last value, as a map assignment would.
type grid struct {
	rowPos, colPos map[string]int
	vals           []*float64
	has            []bool // a cell of the row is present (even blank)
	lastRow        string // the row put last and its position (-1: none)
	lastRi         int
}

func newGrid(rowPos, colPos map[string]int) *grid {
	return &grid{rowPos: rowPos, colPos: colPos, lastRi: -1,
		vals: make([]*float64, len(rowPos)*len(colPos)), has: make([]bool, len(rowPos))}
}

func (g *grid) put(c report.Cell) {
	// The cells of a row come together: look the row up once.
	ri, ok := g.lastRi, true
	if c.Row != g.lastRow || ri < 0 {
		ri, ok = g.rowPos[c.Row]
		g.lastRow, g.lastRi = c.Row, ri
		if !ok {
			g.lastRi = -1
			return
		}
	}
	g.has[ri] = true
	if ci, ok := g.colPos[c.Col]; ok {
		g.vals[ri*len(g.colPos)+ci] = c.Value
	}
}

func (g *grid) get(t term) *float64 {
	if t.ri < 0 || t.ci < 0 {
		return nil
	}
	return g.vals[t.ri*len(g.colPos)+t.ci]
}

// hasRow reports whether any cell of the row is present.
func (g *grid) hasRow(row string) bool {
	ri, ok := g.rowPos[row]
	return ok && g.has[ri]
}

// cellIndex finds a report's cells of the two checked tables.
type cellIndex struct {
	req, rev *grid
}

func index(r *report.Report) cellIndex {
	ix := cellIndex{req: newGrid(requestRowPos, requestColPos), rev: newGrid(reviewRowPos, reviewColPos)}
	for _, c := range r.Cells {
		switch c.Table {
		case report.TableRequests:
			ix.req.put(c)
		case report.TableReviewLitigation:
			ix.rev.put(c)
		}
	}
	return ix
}

func (s *side) add(ix cellIndex, table string, t term) {
	s.table = table
	if s.n < maxTerms {
		s.terms[s.n] = t
		s.n++
	} else {
		s.more = append(s.more, t)
	}
	g := ix.req
	if table == report.TableReviewLitigation {
		g = ix.rev
	}
	if v := g.get(t); v != nil {
		s.sum += *v
		s.printed = true
	}
}

// format prints a number as the report would: 26, 7539.443252.
func format(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// check compares two sides and appends an issue when they differ. Nothing
// is checked when every cell of both sides is blank: a missing table is a
// rule of its own, raised where the table is looked for.
func check(r *report.Report, rule, subject, leftName string, left side, rightName string, right side) {
	if !left.printed && !right.printed {
		return
	}
	if math.Abs(left.sum-right.sum) <= tolerance {
		return
	}
	rv := format(right.sum)
	if !right.printed {
		rv = "blank"
	}
	r.AddIssue(report.Issue{
		Rule:     rule,
		Severity: report.SeverityError,
		Message:  fmt.Sprintf("%s[%s]: %s=%s != %s=%s", rule, subject, leftName, format(left.sum), rightName, rv),
		Cells:    append(left.cells(), right.cells()...),
		Expected: report.Float(left.sum),
		Actual:   report.Float(right.sum),
	})
}

// applicantCols are the six columns that add up to total.
var applicantCols = func() []string {
	var out []string
	for _, c := range report.RequestCols {
		if c.Code != "total" {
			out = append(out, c.Code)
		}
	}
	return out
}()

// outcomeRows returns the rows from granted to the other-handling rows that
// add up to total_handled. The 2021 template splits 其他处理 in three; a
// 2021 report that prints the single row of 2019 (or a 2019 report that
// prints the three) is added up as printed.
func outcomeRows(r *report.Report, ix cellIndex) []string {
	var base, three []string
	for _, row := range report.RequestRows {
		switch {
		case row.Code == "other_handling", row.Code == "total_handled", row.Code == "carried_forward",
			row.Code == "new_received", row.Code == "carried_over":
		case row.Only == report.Template2021:
			three = append(three, row.Code)
		default:
			base = append(base, row.Code)
		}
	}
	hasAny := func(rows ...string) bool {
		for _, row := range rows {
			if ix.req.hasRow(row) {
				return true
			}
		}
		return false
	}
	useThree := r.Template == report.Template2021
	if useThree && !hasAny(three...) && hasAny("other_handling") {
		useThree = false
	}
	if !useThree && !hasAny("other_handling") && hasAny(three...) {
		useThree = true
	}
	if useThree {
		return append(base, three...)
	}
	return append(base, "other_handling")
}

// requestRows lists the request rows the report prints, in template order.
func requestRows(ix cellIndex) []string {
	var out []string
	for _, row := range report.RequestRows {
		if ix.req.hasRow(row.Code) {
			out = append(out, row.Code)
		}
	}
	return out
}

// Check appends an issue to r for every identity of SCHEMA.md that r
// breaks, except carryover_continuity, which needs the previous year (see
// Continuity).
func Check(r *report.Report) {
	if r == nil {
		return
	}
	const req = report.TableRequests
	ix := index(r)
	if r.HasTable(req) {
		g := ix.req
		outcomes := outcomeRows(r, ix)
		for _, col := range report.RequestCols {
			var in, out side
			in.add(ix, req, g.at("new_received", col.Code))
			in.add(ix, req, g.at("carried_over", col.Code))
			out.add(ix, req, g.at("total_handled", col.Code))
			out.add(ix, req, g.at("carried_forward", col.Code))
			check(r, report.RuleRequestsBalance, col.Code,
				"new_received+carried_over", in, "total_handled+carried_forward", out)

			var sum, total side
			for _, row := range outcomes {
				sum.add(ix, req, g.at(row, col.Code))
			}
			total.add(ix, req, g.at("total_handled", col.Code))
			check(r, report.RuleRequestsOutcomes, col.Code, "sum of outcome rows", sum, "total_handled", total)
		}
		for _, row := range requestRows(ix) {
			var sum, total side
			for _, col := range applicantCols {
				sum.add(ix, req, g.at(row, col))
			}
			total.add(ix, req, g.at(row, "total"))
			check(r, report.RuleRequestsRowTotal, row, "sum of applicant columns", sum, "total", total)
		}
	}
	const rev = report.TableReviewLitigation
	if r.HasTable(rev) {
		for _, g := range report.ReviewGroups {
			var sum, total side
			for _, o := range report.ReviewOutcomes {
				if o.Code == "total" {
					continue
				}
				sum.add(ix, rev, ix.rev.at(g.Code, o.Code))
			}
			total.add(ix, rev, ix.rev.at(g.Code, "total"))
			check(r, report.RuleReviewLitigationTotal, g.Code, "upheld+corrected+other+pending", sum, "total", total)
		}
	}
	checkPublished(r)
}

// checkPublished flags a printed date on or before the last day of the
// report year: a report cannot be published before its year ends, so the
// date (or the year) is a slip. It is a warning: the date is kept as
// printed.
func checkPublished(r *report.Report) {
	if r.Published == "" || r.Year == 0 {
		return
	}
	d, err := time.Parse("2006-01-02", r.Published)
	if err != nil {
		r.AddIssue(report.Issue{
			Rule:     RulePublishedUnreadable,
			Severity: report.SeverityWarn,
			Message:  fmt.Sprintf("published %q is not an ISO date", r.Published),
		})
		return
	}
	if d.Year() > r.Year {
		return
	}
	r.AddIssue(report.Issue{
		Rule:     report.RulePublishedBeforeYearEnd,
		Severity: report.SeverityWarn,
		Message: fmt.Sprintf("%s: published %s is not after the end of report year %d",
			report.RulePublishedBeforeYearEnd, r.Published, r.Year),
		Expected: report.Float(float64(r.Year + 1)),
		Actual:   report.Float(float64(d.Year())),
	})
}

// Continuity checks carryover_continuity between the reports of one body
// for consecutive years: carried_over of cur (year Y) must equal
// carried_forward of prev (year Y−1), in every column where both are
// printed. Reports that are not of consecutive years give no issue.
func Continuity(prev, cur *report.Report) []report.Issue {
	if prev == nil || cur == nil || prev.Year == 0 || cur.Year != prev.Year+1 {
		return nil
	}
	var issues []report.Issue
	for _, col := range report.RequestCols {
		p, okP := prev.Get(report.TableRequests, "carried_forward", col.Code)
		c, okC := cur.Get(report.TableRequests, "carried_over", col.Code)
		if !okP || !okC || p.Value == nil || c.Value == nil {
			continue
		}
		if math.Abs(*p.Value-*c.Value) <= tolerance {
			continue
		}
		issues = append(issues, report.Issue{
			Rule:     report.RuleCarryoverContinuity,
			Severity: report.SeverityError,
			Message: fmt.Sprintf("%s[%s]: carried_forward of %d=%s != carried_over of %d=%s",
				report.RuleCarryoverContinuity, col.Code, prev.Year, format(*p.Value), cur.Year, format(*c.Value)),
			Cells: []string{
				fmt.Sprintf("%d:requests.carried_forward.%s", prev.Year, col.Code),
				fmt.Sprintf("%d:requests.carried_over.%s", cur.Year, col.Code),
			},
			Expected: report.Float(*p.Value),
			Actual:   report.Float(*c.Value),
		})
	}
	return issues
}

// Rules lists the rule names Check and Continuity can raise, for
// documentation and tests.
func Rules() []string {
	return []string{
		report.RuleRequestsBalance, report.RuleRequestsOutcomes, report.RuleRequestsRowTotal,
		report.RuleReviewLitigationTotal, report.RuleCarryoverContinuity, report.RulePublishedBeforeYearEnd,
		RulePublishedUnreadable,
	}
}
