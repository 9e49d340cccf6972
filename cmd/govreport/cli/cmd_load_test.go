package cli

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/crawl"
	"github.com/govreport/govreport/extract"
	"github.com/govreport/govreport/load"
	"github.com/govreport/govreport/report"
	"github.com/govreport/govreport/schema"
)

// storeDoc puts a body in the raw store and its row in documents, as the
// crawler does, and returns its SHA-256.
func storeDoc(t *testing.T, db *sql.DB, dir, url, kind, title string, body []byte, keepBody bool) string {
	t.Helper()
	sum := sha256.Sum256(body)
	sha := hex.EncodeToString(sum[:])
	if keepBody {
		p := crawl.RawPath(dir, sha)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec("INSERT INTO documents (url, source, kind, status, sha256, title) VALUES (?, 'test', ?, 200, ?, ?)", url, kind, sha, title); err != nil {
		t.Fatal(err)
	}
	return sha
}

func do(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Do(append(args, "--log-format", "json", "--log-level", "error"), strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// TestExtractStoreAndLoad: a stored report (the seed, as text), a notice
// about reports, and a row whose body the store lost; extract --data
// writes one report and one skip file and counts the lost body; a second
// extract does nothing; load puts the report in the warehouse and Parquet.
func TestExtractStoreAndLoad(t *testing.T) {
	dir := t.TempDir()
	db, err := sql.Open("duckdb", filepath.Join(dir, load.DBFile))
	if err != nil {
		t.Fatal(err)
	}
	ddl, _ := schema.Documents.DDL()
	if _, err := db.Exec(ddl); err != nil {
		t.Fatal(err)
	}
	seed, err := os.ReadFile("testdata/shibi-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	rep := storeDoc(t, db, dir, "https://www.panyu.gov.cn/shibi/2020.txt", "attachment", "石壁街道2020年政府信息公开工作年度报告", seed, true)
	notice := storeDoc(t, db, dir, "https://www.panyu.gov.cn/tz.html", "report", "关于报送2020年政府信息公开工作年度报告的通知",
		[]byte(`<html><head><title>关于报送2020年政府信息公开工作年度报告的通知</title></head><body><p>请各单位于1月31日前报送。</p></body></html>`), true)
	storeDoc(t, db, dir, "https://www.panyu.gov.cn/lost.html", "report", "2021年度报告", []byte("lost"), false)
	db.Close()

	code, out, errs := do(t, "extract", "--data", dir)
	if code != 0 {
		t.Fatalf("extract: exit %d, %s%s", code, out, errs)
	}
	if want := "extract: 3 documents, 1 extracted, 1 not reports or unreadable, 1 errors, 0 up to date"; !strings.HasPrefix(out, want) {
		t.Errorf("extract summary = %q, want prefix %q", out, want)
	}
	b, err := os.ReadFile(filepath.Join(dir, load.ExtractedDir, rep+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var got report.Report
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	wantSrc := report.Source{URL: "https://www.panyu.gov.cn/shibi/2020.txt", SHA256: rep, Path: crawl.RawPath("", rep), Source: "test", Title: "石壁街道2020年政府信息公开工作年度报告"}
	if got.Source != wantSrc || got.ExtractorVersion != extract.Version || got.Year != 2020 {
		t.Errorf("extracted report: source %+v, version %q, year %d", got.Source, got.ExtractorVersion, got.Year)
	}
	var skip skipFile
	b, err = os.ReadFile(filepath.Join(dir, load.ExtractedDir, notice+".skip.json"))
	if err != nil || json.Unmarshal(b, &skip) != nil || skip.ExtractorVersion != extract.Version || !strings.Contains(skip.Error, "not an annual report") {
		t.Errorf("skip file: %s, %v", b, err)
	}

	// Nothing new: the lost body is tried again, the others are not.
	_, out, _ = do(t, "extract", "--data", dir)
	if want := "extract: 3 documents, 0 extracted, 0 not reports or unreadable, 1 errors, 2 up to date"; !strings.HasPrefix(out, want) {
		t.Errorf("second extract = %q, want prefix %q", out, want)
	}

	code, out, errs = do(t, "load", "--data", dir)
	if code != 0 {
		t.Fatalf("load: exit %d, %s%s", code, out, errs)
	}
	if want := "load: 1 files (1 changed, 0 removed, 0 unreadable), 1 reports loaded; warehouse: 1 reports"; !strings.HasPrefix(out, want) {
		t.Errorf("load summary = %q, want prefix %q", out, want)
	}
	if _, err := os.Stat(filepath.Join(dir, load.ParquetDir, "cells", "year=2020", "part-0.parquet")); err != nil {
		t.Error(err)
	}
	// Nothing changed: the export stays as it is.
	_, out, _ = do(t, "load", "--data", dir)
	if want := "load: 1 files (0 changed, 0 removed, 0 unreadable), 0 reports loaded; warehouse: 1 reports"; !strings.HasPrefix(out, want) || !strings.Contains(out, "(unchanged)") {
		t.Errorf("second load = %q", out)
	}
	w, err := load.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	var id, key, url string
	if err := w.DB().QueryRow("SELECT report_id, agency_key, url FROM reports").Scan(&id, &key, &url); err != nil {
		t.Fatal(err)
	}
	if id != rep || key != "广东省/广州市/番禺区/石壁街道办事处" || url != wantSrc.URL {
		t.Errorf("reports row: %s %s %s", id, key, url)
	}
}
