package load

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/govreport/govreport/report"
	"github.com/govreport/govreport/schema"
)

// roundTripReports are the seed (every cell printed) and a report with
// blanks, an issue with both numbers and one without.
func roundTripReports(t *testing.T) []*report.Report {
	seed := readSeed(t)
	seed.Source = report.Source{SHA256: sha(1), URL: "https://www.panyu.gov.cn/shibi/2020.html", Source: "panyu", Title: "石壁街道2020年政府信息公开工作年度报告"}
	seed.Format, seed.ExtractorVersion = "html", "test"
	seed.Cells[0].Raw, seed.Cells[0].Locator = "0", "t1/r3/c2"
	seed.Issues = []report.Issue{{Rule: report.RulePublishedBeforeYearEnd, Severity: report.SeverityWarn,
		Message: "published 2020-01-20 before the end of 2020", Cells: []string{"published"}, Expected: report.Float(2021), Actual: report.Float(2020)}}
	blank := mk("平潭县人民政府", report.Region{Province: "福建省", City: "福州市", County: "平潭县", Code: "350128"}, 2021, "pdf", sha(2),
		map[string]*float64{"new_received": report.Float(12), "carried_over": nil, "carried_forward": report.Float(3.5)})
	blank.Issues = []report.Issue{{Rule: "table_missing", Severity: report.SeverityError, Message: "表二 not found"}}
	blank.Published = ""
	return []*report.Report{seed, blank}
}

// readBack rebuilds a report from the warehouse tables.
func readBack(t *testing.T, db *sql.DB, id string) *report.Report {
	t.Helper()
	var r report.Report
	var agency, prov, city, county, code, tmpl, format, pub, url, shaS, ver, src, title sql.NullString
	err := db.QueryRow(`SELECT agency, province, city, county, region_code, year, template, format,
		strftime(published, '%Y-%m-%d'), url, sha256, extractor_version, source, title FROM reports WHERE report_id = ?`, id).
		Scan(&agency, &prov, &city, &county, &code, &r.Year, &tmpl, &format, &pub, &url, &shaS, &ver, &src, &title)
	if err != nil {
		t.Fatalf("report %s: %v", id, err)
	}
	r.Agency, r.Template, r.Format, r.Published, r.ExtractorVersion = agency.String, tmpl.String, format.String, pub.String, ver.String
	r.Region = report.Region{Province: prov.String, City: city.String, County: county.String, Code: code.String}
	r.Source = report.Source{URL: url.String, SHA256: shaS.String, Source: src.String, Title: title.String}
	rows, err := db.Query(`SELECT table_name, row_code, col_code, value, raw_text, locator FROM cells WHERE report_id = ?`, id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var c report.Cell
		var raw, loc sql.NullString
		if err := rows.Scan(&c.Table, &c.Row, &c.Col, &c.Value, &raw, &loc); err != nil {
			t.Fatal(err)
		}
		c.Raw, c.Locator = raw.String, loc.String
		r.Cells = append(r.Cells, c)
	}
	rows.Close()
	r.SortCells()
	rows, err = db.Query(`SELECT rule, severity, message, cells, expected, actual FROM issues WHERE report_id = ? ORDER BY seq`, id)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var is report.Issue
		var cells sql.NullString
		if err := rows.Scan(&is.Rule, &is.Severity, &is.Message, &cells, &is.Expected, &is.Actual); err != nil {
			t.Fatal(err)
		}
		if cells.Valid {
			is.Cells = strings.Split(cells.String, ",")
		}
		r.Issues = append(r.Issues, is)
	}
	rows.Close()
	return &r
}

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	in := roundTripReports(t)
	writeExtracted(t, dir, in...)
	w := openW(t, dir)
	st := loadDir(t, w)
	if st.Files != 2 || st.Changed != 2 || st.Loaded != 2 || st.Errors != 0 || st.Reports != 2 {
		t.Fatalf("stats = %+v", st)
	}
	for _, want := range in {
		want.SortCells()
		got := readBack(t, w.DB(), want.Source.SHA256)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("read back %s:\n got %+v\nwant %+v", want.Agency, got, want)
		}
	}
	// Quality follows the worst severity.
	equalStrings(t, "quality", dump(t, w, "SELECT report_id, quality, n_issues FROM reports ORDER BY report_id"),
		[]string{sha(1) + "|warn|1", sha(2) + "|error|1"})

	// Parquet: every exported table and view holds exactly the rows of
	// DuckDB, with the declared types.
	pq := filepath.Join(dir, ParquetDir)
	if err := w.Export(context.Background(), pq); err != nil {
		t.Fatal(err)
	}
	for _, e := range exported {
		glob := filepath.Join(pq, e.table.Name, "*", "*.parquet")
		src := "read_parquet('" + glob + "', hive_partitioning = true, hive_types = {'year': INTEGER})"
		for _, q := range []string{
			"SELECT count(*) FROM (SELECT * FROM " + e.table.Name + " EXCEPT ALL SELECT * FROM " + src + ")",
			"SELECT count(*) FROM (SELECT * FROM " + src + " EXCEPT ALL SELECT * FROM " + e.table.Name + ")",
		} {
			q = strings.Replace(q, "SELECT * FROM "+src, "SELECT "+colList(e.table)+" FROM "+src, 1)
			var n int
			if err := w.DB().QueryRow(q).Scan(&n); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			if n != 0 {
				t.Errorf("%s: %d rows differ between DuckDB and Parquet", e.table.Name, n)
			}
		}
		// Declared types, year included through hive_types.
		got := dump(t, w, "SELECT column_name, column_type FROM (DESCRIBE SELECT "+colList(e.table)+" FROM "+src+")")
		var want []string
		for _, f := range e.table.Schema.Fields() {
			typ, _ := schema.DuckDBType(f.Type)
			want = append(want, f.Name+"|"+typ)
		}
		equalStrings(t, e.table.Name+" types", got, want)
	}
	// Any Parquet reader: pqarrow reads the cells file of 2021 back with
	// the Arrow schema (descriptions included) it was written with.
	f, err := os.Open(filepath.Join(pq, "cells", "year=2021", "part-0.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pf, err := file.NewParquetReader(f)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 1024}, memory.DefaultAllocator)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer tbl.Release()
	want := fileSchema(schema.Cells)
	for i, f := range tbl.Schema().Fields() {
		wf := want.Field(i)
		if f.Name != wf.Name || !arrow.TypeEqual(f.Type, wf.Type) || f.Nullable != wf.Nullable || schema.Description(f) != schema.Description(wf) {
			t.Errorf("cells Parquet field %d = %v, want %v", i, f, wf)
		}
	}
	if tbl.NumRows() != int64(len(in[1].Cells)) {
		t.Errorf("cells 2021 rows = %d, want %d", tbl.NumRows(), len(in[1].Cells))
	}
	tr := array.NewTableReader(tbl, -1)
	defer tr.Release()
	nulls := 0
	for tr.Next() {
		nulls += tr.RecordBatch().Column(4).NullN()
	}
	if nulls != 7 { // carried_over is blank in all seven columns
		t.Errorf("null values in Parquet = %d, want 7", nulls)
	}
}

// colList is a table's columns in declared order.
func colList(t schema.Table) string {
	var cs []string
	for _, f := range t.Schema.Fields() {
		cs = append(cs, f.Name)
	}
	return strings.Join(cs, ", ")
}
