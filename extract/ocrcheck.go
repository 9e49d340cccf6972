package extract

import (
	"fmt"

	"github.com/govreport/govreport/report"
)

// RuleOCRUnverified names the issue of OCR'd values that no identity
// confirms: they are stored as null, since a misread digit is worse than a
// gap.
const RuleOCRUnverified = "ocr_unverified"

// checkOCR keeps the values read by OCR only where an identity vouches for
// them: a requests row whose total equals the sum of its six applicant
// columns, a review_litigation group whose total equals its four outcomes.
// Every other value of those tables is set to null with an issue; the
// proactive table, which has no identity, is kept and flagged once.
func checkOCR(r *report.Report) {
	type key struct{ table, row string }
	rows := map[key][]int{}
	for i, c := range r.Cells {
		if c.Table == report.TableRequests || c.Table == report.TableReviewLitigation {
			k := key{c.Table, c.Row}
			rows[k] = append(rows[k], i)
		}
	}
	for k, idx := range rows {
		var sum, total float64
		haveTotal := false
		for _, i := range idx {
			c := r.Cells[i]
			if c.Value == nil {
				continue
			}
			if c.Col == "total" {
				total, haveTotal = *c.Value, true
			} else {
				sum += *c.Value
			}
		}
		if haveTotal && sum == total {
			continue
		}
		var cells []string
		for _, i := range idx {
			if r.Cells[i].Value != nil {
				r.Cells[i].Value = nil
				cells = append(cells, k.table+"."+k.row+"."+r.Cells[i].Col)
			}
		}
		if len(cells) > 0 {
			r.AddIssue(report.Issue{Rule: RuleOCRUnverified, Severity: report.SeverityWarn, Cells: cells,
				Message: fmt.Sprintf("%s.%s: OCR'd values do not add up to the row total (%g vs %g); stored as null",
					k.table, k.row, sum, total)})
		}
	}
	if r.HasTable(report.TableProactive) {
		r.AddIssue(report.Issue{Rule: RuleOCRUnverified, Severity: report.SeverityInfo,
			Message: "proactive: values read by OCR; no identity can confirm them"})
	}
}
