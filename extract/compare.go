package extract

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"

	"github.com/govreport/govreport/report"
)

// Comparison is the cell-by-cell difference between an extracted report
// and its expected JSON (a golden file or a corpus answer).
type Comparison struct {
	// Cells is the number of cells the expected report names; Correct how
	// many of them the extracted report has with the same value (null for
	// null). Extra counts non-null cells the expected report does not
	// have; each is also a diff.
	Cells, Correct, Extra int
	// Meta lists the metadata fields that differ (template, year, agency,
	// region, published).
	Meta []string
	// Diffs lists every difference, cells first, in template order.
	Diffs []string
}

// OK reports whether the two reports agree on every cell and every
// metadata field.
func (c Comparison) OK() bool { return len(c.Diffs) == 0 && len(c.Meta) == 0 }

// Tolerance is how far two numbers may differ and still be the same value
// (money in 万元 carries up to six decimals).
const Tolerance = 1e-9

// expectedForm is the part of an expected JSON that is not the canonical
// report: alternative regions as right as the main one.
type expectedForm struct {
	RegionAlt []report.Region `json:"region_alt"`
}

// Compare diffs got against the expected JSON want: every expected cell
// must be present with the same value (numbers within Tolerance, null for
// null), and a cell the expected JSON leaves out must be absent or null.
// Metadata fields are compared when the expected JSON gives them.
func Compare(got *report.Report, want []byte) (Comparison, error) {
	var exp report.Report
	if err := json.Unmarshal(want, &exp); err != nil {
		return Comparison{}, fmt.Errorf("read expected JSON: %w", err)
	}
	var alt expectedForm
	if err := json.Unmarshal(want, &alt); err != nil {
		return Comparison{}, fmt.Errorf("read expected JSON: %w", err)
	}
	var raw map[string]json.RawMessage
	_ = json.Unmarshal(want, &raw)
	var c Comparison
	have := map[string]report.Cell{}
	for _, cell := range got.Cells {
		have[cell.Table+"/"+cell.Key()] = cell
	}
	seen := map[string]bool{}
	for _, e := range exp.Cells {
		k := e.Table + "/" + e.Key()
		seen[k] = true
		c.Cells++
		g, ok := have[k]
		switch {
		case !ok:
			c.Diffs = append(c.Diffs, fmt.Sprintf("%s: missing, want %s", k, show(e.Value)))
		case !sameValue(g.Value, e.Value):
			c.Diffs = append(c.Diffs, fmt.Sprintf("%s: got %s (raw %q at %s), want %s", k, show(g.Value), g.Raw, g.Locator, show(e.Value)))
		default:
			c.Correct++
		}
	}
	var extra []string
	for k, g := range have {
		if !seen[k] && g.Value != nil {
			extra = append(extra, fmt.Sprintf("%s: got %s (raw %q at %s), want absent or null", k, show(g.Value), g.Raw, g.Locator))
		}
	}
	sort.Strings(extra)
	c.Extra = len(extra)
	c.Diffs = append(c.Diffs, extra...)
	if _, ok := raw["template"]; ok && got.Template != exp.Template {
		c.Meta = append(c.Meta, fmt.Sprintf("template: got %q, want %q", got.Template, exp.Template))
	}
	if _, ok := raw["year"]; ok && got.Year != exp.Year {
		c.Meta = append(c.Meta, fmt.Sprintf("year: got %d, want %d", got.Year, exp.Year))
	}
	if _, ok := raw["agency"]; ok && got.Agency != exp.Agency {
		c.Meta = append(c.Meta, fmt.Sprintf("agency: got %q, want %q", got.Agency, exp.Agency))
	}
	if _, ok := raw["published"]; ok && got.Published != exp.Published {
		c.Meta = append(c.Meta, fmt.Sprintf("published: got %q, want %q", got.Published, exp.Published))
	}
	if _, ok := raw["region"]; ok {
		gr := got.Region
		gr.Code = ""
		match := false
		for _, r := range append([]report.Region{exp.Region}, alt.RegionAlt...) {
			r.Code = ""
			if reflect.DeepEqual(gr, r) {
				match = true
			}
		}
		if !match {
			c.Meta = append(c.Meta, fmt.Sprintf("region: got %+v, want %+v", gr, exp.Region))
		}
	}
	return c, nil
}

func sameValue(a, b *float64) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	d := math.Abs(*a - *b)
	return d <= Tolerance || d <= Tolerance*math.Max(math.Abs(*a), math.Abs(*b))
}

func show(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprintf("%v", *v)
}
