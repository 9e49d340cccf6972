package load

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/govreport/govreport/report"
)

// ReportID is the identifier of a report: the SHA-256 of its document when
// it came from the store, otherwise the SHA-256 of its canonical JSON (a
// report built by hand or extracted from a loose file).
func ReportID(rep *report.Report) string {
	if rep.Source.SHA256 != "" {
		return rep.Source.SHA256
	}
	b, err := json.Marshal(rep)
	if err != nil {
		b = []byte(fmt.Sprintf("%+v", *rep))
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// copyInfo is one copy of a report with what the preference looks at.
type copyInfo struct {
	rep    *report.Report
	id     string
	cells  int // cells holding a value
	issues int // extract's issues
	format int // formatRank
}

// formatRank orders formats by how faithfully they carry a table: a page's
// own HTML table first, then spreadsheets, word-processor files, plain
// text, and PDF (often scanned or OCR'd) last.
func formatRank(f string) int {
	switch strings.ToLower(f) {
	case "html", "htm":
		return 0
	case "xlsx", "xls", "et":
		return 1
	case "docx", "doc", "wps":
		return 2
	case "text", "txt", "markdown", "md":
		return 3
	case "pdf":
		return 4
	}
	return 5
}

func newCopy(rep *report.Report) copyInfo {
	c := copyInfo{rep: rep, id: ReportID(rep), issues: len(rep.Issues), format: formatRank(rep.Format)}
	for _, cell := range rep.Cells {
		if cell.Value != nil {
			c.cells++
		}
	}
	return c
}

// rankCopies orders the copies of one report by preference: most cells
// holding a value, then fewest issues, then html over other formats (see
// formatRank), then smallest SHA-256. It returns the ordered copies and
// why the first was kept.
func rankCopies(cs []copyInfo) ([]copyInfo, string) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.cells != b.cells {
			return a.cells > b.cells
		}
		if a.issues != b.issues {
			return a.issues < b.issues
		}
		if a.format != b.format {
			return a.format < b.format
		}
		return a.id < b.id
	})
	if len(cs) == 1 {
		return cs, "only copy"
	}
	a, b := cs[0], cs[1]
	switch {
	case a.cells != b.cells:
		return cs, fmt.Sprintf("most cells (%d vs %d)", a.cells, b.cells)
	case a.issues != b.issues:
		return cs, fmt.Sprintf("fewest issues (%d vs %d)", a.issues, b.issues)
	case a.format != b.format:
		return cs, fmt.Sprintf("%s over %s", orUnknown(a.rep.Format), orUnknown(b.rep.Format))
	case a.id == b.id:
		return cs, "identical copies"
	}
	return cs, "smallest sha256"
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown format"
	}
	return s
}

// cellKey names a cell in issues: table.row.col, or review_litigation.code.
func cellKey(c report.Cell) string { return c.Table + "." + c.Key() }

// disagreement compares the kept copy with the others: a cell present in
// two copies with different values (a blank counting as 0, as in the
// identities) is a disagreement. A cell only one copy has is not: copies
// are often partial. It returns nil when the copies agree.
func disagreement(kept copyInfo, others []copyInfo) *report.Issue {
	type diff struct {
		key  string
		msg  string
		rank int
	}
	if len(others) == 0 {
		return nil
	}
	idx := make(map[string]int, len(kept.rep.Cells))
	for i, c := range kept.rep.Cells {
		idx[c.Table+"\x00"+c.Row+"\x00"+c.Col] = i
	}
	var diffs []diff
	seen := map[string]bool{}
	for _, o := range others {
		for _, c := range o.rep.Cells {
			i, ok := idx[c.Table+"\x00"+c.Row+"\x00"+c.Col]
			if !ok {
				continue
			}
			k := kept.rep.Cells[i]
			if zeroIfBlank(k.Value) == zeroIfBlank(c.Value) {
				continue
			}
			key := cellKey(k)
			diffs = append(diffs, diff{key: key, rank: i,
				msg: fmt.Sprintf("%s %s here vs %s in %s (%s)", key, fmtValue(k.Value), fmtValue(c.Value), short(o.id), orUnknown(o.rep.Format))})
			seen[key] = true
		}
	}
	if len(diffs) == 0 {
		return nil
	}
	sort.SliceStable(diffs, func(i, j int) bool { return diffs[i].rank < diffs[j].rank })
	var keys, msgs []string
	done := map[string]bool{}
	for _, d := range diffs {
		if !done[d.key] {
			keys = append(keys, d.key)
			done[d.key] = true
		}
		if len(msgs) < 10 {
			msgs = append(msgs, d.msg)
		}
	}
	more := ""
	if len(diffs) > len(msgs) {
		more = fmt.Sprintf("; and %d more", len(diffs)-len(msgs))
	}
	return &report.Issue{
		Rule:     report.RuleSourcesDisagree,
		Severity: report.SeverityWarn,
		Message:  fmt.Sprintf("copies of this report disagree on %d cell(s): %s%s", len(keys), strings.Join(msgs, "; "), more),
		Cells:    keys,
	}
}

func zeroIfBlank(v *float64) float64 {
	if v == nil {
		return 0
	}
	return *v
}

func fmtValue(v *float64) string {
	if v == nil {
		return "blank"
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}
