// Package querytest builds the small warehouse that the tests of the canned
// queries, of `govreport query`/`govreport sql` and of the README run
// against. The reports are written out value by value below so that the
// expected results in those tests can be worked out by hand from this file.
package querytest

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/govreport/govreport/load"
	"github.com/govreport/govreport/report"
)

// Build loads Reports into a new warehouse under dataDir (created if
// needed) with load.Open and Put, exports dataDir/parquet, and closes the
// warehouse, so the database file can then be opened read-only.
// Cross-year reconciliation (load's carryover_continuity) is not run, so
// that the issues in the warehouse are exactly those listed in Reports and
// the expected results stay computable from this file alone.
func Build(ctx context.Context, dataDir string) error {
	w, err := load.Open(dataDir)
	if err != nil {
		return fmt.Errorf("fixture: %w", err)
	}
	if err := w.Put(ctx, Reports()...); err != nil {
		w.Close()
		return fmt.Errorf("fixture: %w", err)
	}
	if err := w.Export(ctx, filepath.Join(dataDir, "parquet")); err != nil {
		w.Close()
		return fmt.Errorf("fixture: %w", err)
	}
	return w.Close()
}

// blank marks a cell the document prints but leaves empty.
var blank *float64

func v(x float64) *float64 { return &x }

// builder adds cells to one report.
type builder struct{ r *report.Report }

func newReport(id, agency string, region report.Region, year int, template string) builder {
	return builder{&report.Report{
		Template: template, Year: year, Agency: agency, Region: region,
		Format: "html", ExtractorVersion: "fixture",
		Source: report.Source{SHA256: id, URL: "http://portal.test/" + id + ".html", Source: "fixture", Title: agency + "政府信息公开工作年度报告"},
	}}
}

// req sets requests cells of one row: pairs of applicant column and value.
func (b builder) req(row string, colVals ...any) builder {
	for i := 0; i+1 < len(colVals); i += 2 {
		b.r.Cells = append(b.r.Cells, report.Cell{Table: report.TableRequests, Row: row, Col: colVals[i].(string), Value: colVals[i+1].(*float64)})
	}
	return b
}

// total sets the total column of several requests rows: pairs of row code
// and value.
func (b builder) total(rowVals ...any) builder {
	for i := 0; i+1 < len(rowVals); i += 2 {
		b.r.Cells = append(b.r.Cells, report.Cell{Table: report.TableRequests, Row: rowVals[i].(string), Col: "total", Value: rowVals[i+1].(*float64)})
	}
	return b
}

// review sets review_litigation cells: pairs of flat code and value.
func (b builder) review(codeVals ...any) builder {
	for i := 0; i+1 < len(codeVals); i += 2 {
		g, o, ok := report.SplitReviewCode(codeVals[i].(string))
		if !ok {
			panic("fixture: bad review code " + codeVals[i].(string))
		}
		b.r.Cells = append(b.r.Cells, report.Cell{Table: report.TableReviewLitigation, Row: g, Col: o, Value: codeVals[i+1].(*float64)})
	}
	return b
}

func (b builder) proactive(row, col string, x *float64) builder {
	b.r.Cells = append(b.r.Cells, report.Cell{Table: report.TableProactive, Row: row, Col: col, Value: x})
	return b
}

func (b builder) issue(rule, severity string) builder {
	b.r.Issues = append(b.r.Issues, report.Issue{Rule: rule, Severity: severity, Message: rule + " (fixture)"})
	return b
}

func (b builder) published(d string) builder { b.r.Published = d; return b }

// The three bodies of the fixture. B renames itself between 2020 and 2021;
// its agency_key stays the same.
var (
	regionA = report.Region{Province: "北京市", City: "北京市", County: "海淀区"}
	regionB = report.Region{Province: "江苏省", City: "淮安市", County: "洪泽区"}
	regionC = report.Region{Province: "广东省"}
)

// Reports returns the fixture's seven reports, fresh on every call:
//
//	id     body  year  template  notes
//	a2018  A     2018  legacy    no tables
//	a2020  A     2020  2019      blanks; other_handling (2019 row)
//	a2021  A     2021  2021      other_* rows and their subtotal other_handling; 1 warn
//	b2020  B     2020  2019      淮安市洪泽区人民政府; carried_forward 2
//	b2021  B     2021  2021      洪泽区人民政府; carried_over 0 (a break); only the
//	                             other_handling subtotal; 1 error + 1 warn
//	c2021  C     2021  2021      广东省财政厅; nothing handled; total column only
//	c2022  C     2022  2021      other_overdue_correction without subtotal; carried_over
//	                             blank; 1 error + 2 warn
//
// Requests are given in the total column; new_received also per applicant.
func Reports() []*report.Report {
	a2018 := newReport("a2018", "北京市海淀区人民政府", regionA, 2018, report.TemplateLegacy).published("2019-01-30")

	a2020 := newReport("a2020", "北京市海淀区人民政府", regionA, 2020, report.Template2019).published("2021-01-28").
		req("new_received", "natural_person", v(8), "commercial", v(2), "research", blank, "social_org", v(0), "legal_service", v(0), "other_org", v(0), "total", v(10)).
		total("carried_over", v(1), "granted", v(3), "partially_granted", v(2),
			"denied_state_secret", v(2), "denied_process_info", v(1),
			"unavailable_not_held", v(1), "not_processed_repeat", blank,
			"other_handling", v(1), "total_handled", v(10), "carried_forward", v(1)).
		req("carried_over", "natural_person", v(1)).
		review("review_upheld", v(1), "review_corrected", v(1), "review_other", v(0), "review_pending", v(1), "review_total", v(3),
			"suit_direct_upheld", v(1), "suit_direct_total", v(1),
			"suit_after_review_upheld", blank, "suit_after_review_total", blank).
		proactive("regulations", "new_made", v(0)).
		proactive("normative_docs", "new_made", v(2)).
		proactive("normative_docs", "new_published", v(2)).
		proactive("normative_docs", "total_published", v(5))

	a2021 := newReport("a2021", "北京市海淀区人民政府", regionA, 2021, report.Template2021).published("2022-01-25").
		req("new_received", "natural_person", v(15), "commercial", v(3), "research", v(1), "social_org", blank, "legal_service", v(1), "other_org", v(0), "total", v(20)).
		total("carried_over", v(1), "granted", v(10), "partially_granted", v(3),
			"denied_third_party", v(2), "unavailable_not_held", v(2), "unavailable_unclear", v(1),
			"not_processed_complaint", v(1),
			"other_overdue_correction", v(1), "other_unpaid_fee", v(0), "other_other", v(1), "other_handling", v(2),
			"total_handled", v(21), "carried_forward", v(0)).
		review("review_upheld", v(2), "review_corrected", v(0), "review_other", v(0), "review_pending", v(0), "review_total", v(2),
			"suit_direct_upheld", v(0), "suit_direct_corrected", v(1), "suit_direct_pending", v(1), "suit_direct_total", v(2),
			"suit_after_review_upheld", v(1), "suit_after_review_total", v(1)).
		proactive("licensing", "decisions", v(15)).
		issue("cell_unreadable", report.SeverityWarn)

	b2020 := newReport("b2020", "淮安市洪泽区人民政府", regionB, 2020, report.Template2019).published("2021-01-20").
		req("new_received", "natural_person", v(7), "total", v(7)).
		total("carried_over", v(0), "granted", v(1), "partially_granted", v(0),
			"denied_internal_affairs", v(2), "unavailable_needs_creation", v(2),
			"other_handling", blank, "total_handled", v(5), "carried_forward", v(2))

	b2021 := newReport("b2021", "洪泽区人民政府", regionB, 2021, report.Template2021).published("2021-12-31").
		req("new_received", "natural_person", v(4), "commercial", v(2), "total", v(6)).
		total("carried_over", v(0), "granted", v(2), "partially_granted", v(1),
			"not_processed_repeat", v(1), "other_handling", v(1),
			"total_handled", v(5), "carried_forward", v(1)).
		review("review_pending", v(1), "review_total", v(1), "suit_direct_total", v(0)).
		issue(report.RuleRequestsOutcomes, report.SeverityError).
		issue(report.RulePublishedBeforeYearEnd, report.SeverityWarn)

	c2021 := newReport("c2021", "广东省财政厅", regionC, 2021, report.Template2021).
		total("new_received", v(0), "carried_over", v(0), "granted", blank,
			"total_handled", v(0), "carried_forward", v(0))

	c2022 := newReport("c2022", "广东省财政厅", regionC, 2022, report.Template2021).published("2023-01-31").
		req("new_received", "natural_person", v(3), "research", v(1), "total", v(4)).
		total("carried_over", blank, "granted", v(2), "partially_granted", v(1),
			"other_overdue_correction", v(1), "other_unpaid_fee", blank, "other_other", blank, "other_handling", blank,
			"total_handled", v(4), "carried_forward", v(0)).
		review("review_upheld", v(2), "review_corrected", v(1), "review_pending", v(0), "review_total", v(3),
			"suit_after_review_corrected", v(1), "suit_after_review_total", v(1)).
		issue(report.RuleRequestsOutcomes, report.SeverityError).
		issue("cell_unreadable", report.SeverityWarn).
		issue("cell_unreadable", report.SeverityWarn)

	return []*report.Report{a2018.r, a2020.r, a2021.r, b2020.r, b2021.r, c2021.r, c2022.r}
}
