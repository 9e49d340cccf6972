package load

import (
	"bytes"
	"context"
	"errors"
	"github.com/govreport/govreport/load/loadtest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/govreport/govreport/report"
)

var (
	hongze = report.Region{Province: "江苏省", City: "淮安市", County: "洪泽区"}
	f      = report.Float
)

func TestAgencyKey(t *testing.T) {
	for _, tc := range []struct {
		agency string
		region report.Region
		want   string
	}{
		// The same government named with and without its city.
		{"淮安市洪泽区人民政府", hongze, "江苏省/淮安市/洪泽区/人民政府"},
		{"洪泽区人民政府", hongze, "江苏省/淮安市/洪泽区/人民政府"},
		{"江苏省淮安市洪泽区人民政府", hongze, "江苏省/淮安市/洪泽区/人民政府"},
		{"洪泽区政府", hongze, "江苏省/淮安市/洪泽区/人民政府"},
		{" 洪泽区 人民政府 ", hongze, "江苏省/淮安市/洪泽区/人民政府"},
		// Its general office is another body.
		{"淮安市洪泽区人民政府办公室", hongze, "江苏省/淮安市/洪泽区/人民政府办公室"},
		{"洪泽区政府办公室", hongze, "江苏省/淮安市/洪泽区/人民政府办公室"},
		{"洪泽区政府采购中心", hongze, "江苏省/淮安市/洪泽区/政府采购中心"},
		{"淮安市人民政府国有资产监督管理委员会", report.Region{Province: "江苏省", City: "淮安市"}, "江苏省/淮安市//国有资产监督管理委员会"},
		// A sub-district office, with and without the government's name.
		{"广州市番禺区人民政府石壁街道办事处", report.Region{Province: "广东省", City: "广州市", County: "番禺区"}, "广东省/广州市/番禺区/石壁街道办事处"},
		{"番禺区石壁街道办事处", report.Region{Province: "广东省", City: "广州市", County: "番禺区"}, "广东省/广州市/番禺区/石壁街道办事处"},
		// A city's bureau is not the district's.
		{"淮安市教育局", report.Region{Province: "江苏省", City: "淮安市"}, "江苏省/淮安市//教育局"},
		{"洪泽区教育局", hongze, "江苏省/淮安市/洪泽区/教育局"},
		// Municipality: province and city are the same name.
		{"北京市朝阳区人民政府", report.Region{Province: "北京市", City: "北京市", County: "朝阳区"}, "北京市/北京市/朝阳区/人民政府"},
		// Full-width brackets and an unresolved region.
		{"某某局（本级）", report.Region{}, "///某某局本级"},
	} {
		if got := AgencyKey(tc.agency, tc.region); got != tc.want {
			t.Errorf("AgencyKey(%q) = %q, want %q", tc.agency, got, tc.want)
		}
	}
	// Two reports naming no agency are not copies of one another.
	if a, b := reportKey("", hongze, sha(1)), reportKey("", hongze, sha(2)); a == b || a != "江苏省/淮安市/洪泽区/?"+sha(1) {
		t.Errorf("keys of unnamed reports: %q, %q", a, b)
	}
}

// TestContinuityRenamedBody: 洪泽区 names itself 淮安市洪泽区人民政府 in
// 2022 and 洪泽区人民政府 in 2023; carried_forward 2022 = 3 but
// carried_over 2023 = 4 in every column, so 2023 gets seven issues. 2024
// carries 5 over from 2023's 5: no issue.
func TestContinuityRenamedBody(t *testing.T) {
	dir := t.TempDir()
	r22 := mk("淮安市洪泽区人民政府", hongze, 2022, "html", sha(22), map[string]*float64{"carried_over": f(1), "carried_forward": f(3)})
	r23 := mk("洪泽区人民政府", hongze, 2023, "pdf", sha(23), map[string]*float64{"carried_over": f(4), "carried_forward": f(5)})
	r24 := mk("洪泽区人民政府", hongze, 2024, "pdf", sha(24), map[string]*float64{"carried_over": f(5), "carried_forward": f(0)})
	writeExtracted(t, dir, r22, r23, r24)
	w := openW(t, dir)
	loadDir(t, w)
	equalStrings(t, "keys", dump(t, w, "SELECT DISTINCT agency_key FROM reports"), []string{"江苏省/淮安市/洪泽区/人民政府"})
	equalStrings(t, "continuity issues",
		dump(t, w, "SELECT year, count(*), min(expected), min(actual), min(stage) FROM issues WHERE rule = 'carryover_continuity' GROUP BY year"),
		[]string{"2023|7|3|4|load"})
	equalStrings(t, "quality", dump(t, w, "SELECT year, quality, n_issues FROM reports ORDER BY year"),
		[]string{"2022|ok|0", "2023|error|7", "2024|ok|0"})

	// 2022 is re-extracted with the right carry-forward: the issue goes.
	r22.Cells = nil
	r22 = mk("淮安市洪泽区人民政府", hongze, 2022, "html", sha(22), map[string]*float64{"carried_over": f(1), "carried_forward": f(4)})
	writeExtracted(t, dir, r22)
	st := loadDir(t, w)
	if st.Changed != 1 || st.Loaded != 1 {
		t.Errorf("stats after one change = %+v", st)
	}
	equalStrings(t, "continuity after fix", dump(t, w, "SELECT count(*) FROM issues WHERE rule = 'carryover_continuity'"), []string{"0"})
	equalStrings(t, "quality after fix", dump(t, w, "SELECT year, quality, n_issues FROM reports ORDER BY year"),
		[]string{"2022|ok|0", "2023|ok|0", "2024|ok|0"})
}

// TestDuplicates: the same 2023 report as an HTML page and its PDF
// attachment, which misreads new_received (12 printed, 13 read), and a
// third copy with fewer cells.
func TestDuplicates(t *testing.T) {
	dir := t.TempDir()
	html := mk("洪泽区人民政府", hongze, 2023, "html", sha(0xb), map[string]*float64{"new_received": f(12), "carried_over": f(0)})
	pdf := mk("淮安市洪泽区人民政府", hongze, 2023, "pdf", sha(0xa), map[string]*float64{"new_received": f(13), "carried_over": nil})
	part := mk("洪泽区人民政府", hongze, 2023, "docx", sha(0xc), map[string]*float64{"new_received": f(12)})
	writeExtracted(t, dir, html, pdf, part)
	w := openW(t, dir)
	loadDir(t, w)
	// html and pdf both have 14 cells, but the pdf's carried_over is
	// blank: html has 14 values, pdf 7, docx 7. html is kept for "most
	// cells"; docx ranks before pdf on format.
	equalStrings(t, "reports", dump(t, w, "SELECT report_id, format, copies, kept_reason, quality FROM reports"),
		[]string{sha(0xb) + "|html|3|most cells (14 vs 7)|warn"})
	equalStrings(t, "copies", dump(t, w, "SELECT sha256, kept, rank FROM report_copies ORDER BY rank"),
		[]string{sha(0xb) + "|true|1", sha(0xc) + "|false|2", sha(0xa) + "|false|3"})
	got := dump(t, w, "SELECT rule, severity, cells, stage FROM issues")
	want := "sources_disagree|warn|requests.new_received.natural_person,requests.new_received.commercial,requests.new_received.research,requests.new_received.social_org,requests.new_received.legal_service,requests.new_received.other_org,requests.new_received.total|load"
	equalStrings(t, "issues", got, []string{want})
	var msg string
	w.DB().QueryRow("SELECT message FROM issues").Scan(&msg)
	if !strings.Contains(msg, "requests.new_received.total 12 here vs 13 in "+sha(0xa)[:12]+" (pdf)") {
		t.Errorf("message = %q", msg)
	}
	equalStrings(t, "cells", dump(t, w, "SELECT count(*) FROM cells"), []string{"14"})

	// With equal cells and issues, html wins over pdf; then the smallest sha.
	for _, tc := range []struct {
		a, b   *report.Report
		kept   string
		reason string
	}{
		{mk("x", hongze, 2020, "pdf", sha(1), map[string]*float64{"granted": f(1)}), mk("x", hongze, 2020, "html", sha(2), map[string]*float64{"granted": f(1)}), sha(2), "html over pdf"},
		{mk("x", hongze, 2020, "pdf", sha(2), map[string]*float64{"granted": f(1)}), mk("x", hongze, 2020, "pdf", sha(1), map[string]*float64{"granted": f(1)}), sha(1), "smallest sha256"},
	} {
		w2 := openW(t, t.TempDir())
		tc.b.Issues = nil
		if err := w2.Put(context.Background(), tc.a, tc.b); err != nil {
			t.Fatal(err)
		}
		equalStrings(t, tc.reason, dump(t, w2, "SELECT report_id, kept_reason, n_issues FROM reports"), []string{tc.kept + "|" + tc.reason + "|0"})
	}
	// Fewest issues before format.
	a := mk("x", hongze, 2020, "html", sha(1), map[string]*float64{"granted": f(1)})
	a.Issues = []report.Issue{{Rule: "r", Severity: report.SeverityWarn, Message: "m"}}
	b := mk("x", hongze, 2020, "pdf", sha(2), map[string]*float64{"granted": f(1)})
	w3 := openW(t, t.TempDir())
	if err := w3.Put(context.Background(), a, b); err != nil {
		t.Fatal(err)
	}
	equalStrings(t, "fewest issues", dump(t, w3, "SELECT report_id, kept_reason FROM reports"), []string{sha(2) + "|fewest issues (0 vs 1)"})
}

func sameTree(t *testing.T, what string, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Errorf("%s: %d files vs %d", what, len(a), len(b))
	}
	for k, v := range a {
		if !bytes.Equal(v, b[k]) {
			t.Errorf("%s: %s differs", what, k)
		}
	}
}

var allTables = []string{"reports", "cells", "issues", "report_copies", "requests", "proactive", "review_litigation"}

// TestIdempotent: two data directories fed the same extracted reports (in
// different file orders and times) end with the same tables and the same
// Parquet bytes; loading again changes nothing.
func TestIdempotent(t *testing.T) {
	reps := append(roundTripReports(t),
		mk("淮安市洪泽区人民政府", hongze, 2022, "html", sha(22), map[string]*float64{"carried_over": f(1), "carried_forward": f(3)}),
		mk("洪泽区人民政府", hongze, 2023, "pdf", sha(23), map[string]*float64{"carried_over": f(4)}),
		mk("洪泽区人民政府", hongze, 2023, "html", sha(24), map[string]*float64{"carried_over": f(5)}))
	var trees []map[string][]byte
	var tables [][]string
	for run := 0; run < 2; run++ {
		dir := t.TempDir()
		if run == 0 {
			writeExtracted(t, dir, reps...)
		} else {
			for i := len(reps) - 1; i >= 0; i-- {
				writeExtracted(t, dir, reps[i])
			}
		}
		w := openW(t, dir)
		for pass := 0; pass < 2; pass++ {
			st := loadDir(t, w)
			if pass == 1 && (st.Changed != 0 || st.Loaded != 0) {
				t.Errorf("second load changed something: %+v", st)
			}
			if err := w.Export(context.Background(), filepath.Join(dir, ParquetDir)); err != nil {
				t.Fatal(err)
			}
		}
		var all []string
		for _, tab := range allTables {
			all = append(all, dump(t, w, "SELECT * FROM "+tab+" ORDER BY ALL")...)
		}
		tables = append(tables, all)
		trees = append(trees, loadtest.ReadTree(t, filepath.Join(dir, ParquetDir)))
	}
	equalStrings(t, "tables of two runs", tables[1], tables[0])
	sameTree(t, "Parquet of two runs", trees[0], trees[1])
	if _, ok := trees[0][filepath.Join("cells", "year=2023", "part-0.parquet")]; !ok {
		t.Errorf("no cells/year=2023/part-0.parquet in %v", keys(trees[0]))
	}
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

// TestInterruptedExport: an export that fails after writing two tables
// leaves the previous export as it was, and no half-written directory.
func TestInterruptedExport(t *testing.T) {
	dir := t.TempDir()
	w := openW(t, dir)
	ctx := context.Background()
	if err := w.Put(ctx, roundTripReports(t)...); err != nil {
		t.Fatal(err)
	}
	pq := filepath.Join(dir, ParquetDir)
	if err := w.Export(ctx, pq); err != nil {
		t.Fatal(err)
	}
	before := loadtest.ReadTree(t, pq)
	// New data, then an export that dies after the second table.
	if err := w.Put(ctx, mk("洪泽区人民政府", hongze, 2023, "pdf", sha(23), map[string]*float64{"carried_over": f(4)})); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	var n atomic.Int32 // tables are exported in parallel
	exportHook = func(string) error {
		if n.Add(1) == 2 {
			return boom
		}
		return nil
	}
	defer func() { exportHook = nil }()
	if err := w.Export(ctx, pq); !errors.Is(err, boom) {
		t.Fatalf("export error = %v, want %v", err, boom)
	}
	sameTree(t, "export after a failure", loadtest.ReadTree(t, pq), before)
	for _, left := range []string{pq + ".new", pq + ".old"} {
		if _, err := os.Stat(left); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s left behind (%v)", left, err)
		}
	}
	// The export in place is the old one: not current.
	if cur, err := w.ExportCurrent(ctx, pq); err != nil || cur {
		t.Errorf("ExportCurrent after a failed export = %v, %v; want false", cur, err)
	}
	// The next export succeeds, is current and holds the new year.
	exportHook = nil
	if err := w.Export(ctx, pq); err != nil {
		t.Fatal(err)
	}
	if cur, err := w.ExportCurrent(ctx, pq); err != nil || !cur {
		t.Errorf("ExportCurrent after an export = %v, %v; want true", cur, err)
	}
	if _, ok := loadtest.ReadTree(t, pq)[filepath.Join("reports", "year=2023", "part-0.parquet")]; !ok {
		t.Error("new export lacks year=2023")
	}
	// A crash between the two renames of the swap left only the old one.
	if err := os.Rename(pq, pq+".old"); err != nil {
		t.Fatal(err)
	}
	exportHook = func(string) error { return boom }
	if err := w.Export(ctx, pq); !errors.Is(err, boom) {
		t.Fatalf("export error = %v", err)
	}
	if _, err := os.Stat(filepath.Join(pq, "reports")); err != nil {
		t.Errorf("previous export not restored: %v", err)
	}
}

// TestLoadDirRemovedAndBroken: a report whose file disappears leaves the
// warehouse with its rows; a file that is not JSON is counted and kept out;
// the copy left of a duplicated report becomes the report.
func TestLoadDirRemovedAndBroken(t *testing.T) {
	dir := t.TempDir()
	a := mk("洪泽区人民政府", hongze, 2023, "html", sha(1), map[string]*float64{"granted": f(1)})
	b := mk("洪泽区人民政府", hongze, 2023, "pdf", sha(2), map[string]*float64{"granted": f(1)})
	c := mk("洪泽区教育局", hongze, 2023, "html", sha(3), map[string]*float64{"granted": f(2)})
	writeExtracted(t, dir, a, b, c)
	ed := filepath.Join(dir, ExtractedDir)
	if err := os.WriteFile(filepath.Join(ed, sha(4)+".json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	w := openW(t, dir)
	st := loadDir(t, w)
	if st.Files != 4 || st.Errors != 1 || st.Reports != 2 {
		t.Errorf("first load: %+v", st)
	}
	equalStrings(t, "broken file recorded", dump(t, w, "SELECT sha256, agency_key IS NULL, error IS NOT NULL FROM extracted_files WHERE error IS NOT NULL"),
		[]string{sha(4) + "|true|true"})
	for _, s := range []int{1, 3} {
		if err := os.Remove(filepath.Join(ed, sha(s)+".json")); err != nil {
			t.Fatal(err)
		}
	}
	st = loadDir(t, w)
	if st.Removed != 2 || st.Reports != 1 {
		t.Errorf("after removing two files: %+v", st)
	}
	equalStrings(t, "left", dump(t, w, "SELECT report_id, copies, kept_reason FROM reports"), []string{sha(2) + "|1|only copy"})
	equalStrings(t, "cells left", dump(t, w, "SELECT DISTINCT report_id FROM cells"), []string{sha(2)})
	equalStrings(t, "copies left", dump(t, w, "SELECT sha256 FROM report_copies"), []string{sha(2)})
}
