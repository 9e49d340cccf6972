package load

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/govreport/govreport/load/loadtest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/govreport/govreport/report"
)

// mk builds a report of a body with the given requests cells: each value
// sets the same number in all seven applicant columns (nil: blank).
func mk(agency string, region report.Region, year int, format, sha string, rows map[string]*float64) *report.Report {
	rep := &report.Report{Template: report.Template2021, Year: year, Agency: agency, Region: region,
		Published: fmt.Sprintf("%d-01-15", year+1), Format: format, ExtractorVersion: "test"}
	rep.Source = report.Source{SHA256: sha, URL: "https://example.gov.cn/" + sha[:8] + "." + format, Source: "test", Title: agency + "报告"}
	codes := make([]string, 0, len(rows))
	for r := range rows {
		codes = append(codes, r)
	}
	sort.Strings(codes)
	for _, r := range codes {
		for i, c := range report.RequestColCodes() {
			rep.Cells = append(rep.Cells, report.Cell{Table: report.TableRequests, Row: r, Col: c, Value: rows[r],
				Raw: fmtValue(rows[r]), Locator: fmt.Sprintf("t1/r%d/c%d", len(rep.Cells)/7, i)})
		}
	}
	return rep
}

func sha(n int) string { return fmt.Sprintf("%064x", n) }

// writeExtracted writes reports as DIR/extracted/<sha>.json like
// `extract --data` does.
func writeExtracted(t *testing.T, dir string, reps ...*report.Report) {
	t.Helper()
	ed := filepath.Join(dir, ExtractedDir)
	if err := os.MkdirAll(ed, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, rep := range reps {
		b, err := json.Marshal(rep)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ed, rep.Source.SHA256+".json"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func openW(t *testing.T, dir string) *Warehouse {
	t.Helper()
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func loadDir(t *testing.T, w *Warehouse) Stats {
	t.Helper()
	st, err := w.LoadDir(context.Background(), filepath.Join(w.Dir(), ExtractedDir), false)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// dump returns every row of a query as strings, for comparisons.
func dump(t *testing.T, w *Warehouse, q string) []string {
	t.Helper()
	return loadtest.Rows(t, w.DB(), q)
}

func equalStrings(t *testing.T, what string, got, want []string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}
