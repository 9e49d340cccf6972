package queries_test

import (
	"bytes"
	"context"
	"math"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/queries"
)

func writeAll(t *testing.T, format string, cols []queries.ResultColumn, rows [][]any) string {
	t.Helper()
	var buf bytes.Buffer
	w, err := queries.NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Header(cols); err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if err := w.Row(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestFormats(t *testing.T) {
	cols := []queries.ResultColumn{{Name: "agency", Type: "VARCHAR"}, {Name: "n", Type: "BIGINT"}, {Name: "rate", Type: "DOUBLE"}}
	rows := [][]any{{"广东省财政厅", int64(3), 0.5}, {"ab", int64(12), nil}}
	tests := []struct {
		format string
		want   string
	}{
		// agency is 12 columns wide (six CJK characters), n 2, rate 4
		// ("NULL"); numbers are right-aligned.
		{queries.FormatTable, lines(
			"agency         n  rate",
			"------------  --  ----",
			"广东省财政厅   3   0.5",
			"ab            12  NULL",
		)},
		{queries.FormatCSV, lines(
			"agency,n,rate",
			"广东省财政厅,3,0.5",
			"ab,12,",
		)},
		{queries.FormatJSON, lines(
			"[",
			`{"agency":"广东省财政厅","n":3,"rate":0.5},`,
			`{"agency":"ab","n":12,"rate":null}`,
			"]",
		)},
		{queries.FormatMarkdown, lines(
			"| agency | n | rate |",
			"|---|---:|---:|",
			"| 广东省财政厅 | 3 | 0.5 |",
			"| ab | 12 |  |",
		)},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			if got := writeAll(t, tt.format, cols, rows); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestFormatsEmpty(t *testing.T) {
	cols := []queries.ResultColumn{{Name: "a", Type: "VARCHAR"}}
	want := map[string]string{
		queries.FormatTable:    "a\n-\n",
		queries.FormatCSV:      "a\n",
		queries.FormatJSON:     "[]\n",
		queries.FormatMarkdown: "| a |\n|---|\n",
	}
	for _, f := range queries.Formats {
		if got := writeAll(t, f, cols, nil); got != want[f] {
			t.Errorf("%s: got %q, want %q", f, got, want[f])
		}
	}
}

func TestFormatsEscape(t *testing.T) {
	cols := []queries.ResultColumn{{Name: "s", Type: "VARCHAR"}}
	rows := [][]any{{"a|b,\"c\"\nd<&>"}}
	want := map[string]string{
		queries.FormatTable:    "s\n------------\na|b,\"c\" d<&>\n",
		queries.FormatCSV:      "s\n\"a|b,\"\"c\"\"\nd<&>\"\n",
		queries.FormatJSON:     "[\n{\"s\":\"a|b,\\\"c\\\"\\nd<&>\"}\n]\n",
		queries.FormatMarkdown: "| s |\n|---|\n| a\\|b,\"c\"<br>d<&> |\n",
	}
	for _, f := range queries.Formats {
		if got := writeAll(t, f, cols, rows); got != want[f] {
			t.Errorf("%s: got %q, want %q", f, got, want[f])
		}
	}
}

func TestValueForms(t *testing.T) {
	cols := []queries.ResultColumn{
		{Name: "d", Type: "DATE"}, {Name: "ts", Type: "TIMESTAMP"}, {Name: "h", Type: "HUGEINT"},
		{Name: "f", Type: "DOUBLE"}, {Name: "g", Type: "DOUBLE"}, {Name: "nan", Type: "DOUBLE"}, {Name: "b", Type: "BOOLEAN"},
		{Name: "u", Type: "UUID"}, {Name: "l", Type: "INTEGER[]"},
	}
	rows := [][]any{{
		time.Date(2021, 1, 28, 0, 0, 0, 0, time.UTC),
		time.Date(2021, 1, 28, 9, 30, 0, 0, time.UTC),
		big.NewInt(123456789012),
		12.0, 1e-12, math.NaN(), true,
		[]byte{0x7d, 0x1f, 0xa0, 0xe4, 0x3a, 0x8b, 0x4a, 0x4e, 0x9b, 0x0e, 0x2f, 0x6d, 0x1c, 0x7b, 0x3f, 0x10},
		[]any{int32(1), int32(2)},
	}}
	if got, want := writeAll(t, queries.FormatCSV, cols, rows), "d,ts,h,f,g,nan,b,u,l\n2021-01-28,2021-01-28 09:30:00,123456789012,12,1e-12,NaN,true,7d1fa0e4-3a8b-4a4e-9b0e-2f6d1c7b3f10,\"[1,2]\"\n"; got != want {
		t.Errorf("csv: got %q, want %q", got, want)
	}
	if got, want := writeAll(t, queries.FormatJSON, cols, rows), "[\n"+`{"d":"2021-01-28","ts":"2021-01-28 09:30:00","h":123456789012,"f":12,"g":1e-12,"nan":"NaN","b":true,"u":"7d1fa0e4-3a8b-4a4e-9b0e-2f6d1c7b3f10","l":[1,2]}`+"\n]\n"; got != want {
		t.Errorf("json: got %q, want %q", got, want)
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := queries.NewWriter(&bytes.Buffer{}, "xml"); err == nil || !strings.Contains(err.Error(), "table, csv, json, markdown") {
		t.Errorf("NewWriter(xml) error %v", err)
	}
}

func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"abc", 3},
		{"北京", 4},
		{"（一）", 6},      // fullwidth parentheses
		{"ＡＢ", 4},       // fullwidth Latin
		{"e\u0301", 1},  // combining accent
		{"Ξ", 1},        // ambiguous width: narrow
		{"ｶﾅ", 2},       // halfwidth katakana
		{"a\u200bb", 2}, // zero-width space
	}
	for _, tt := range tests {
		if got := queries.DisplayWidth(tt.s); got != tt.want {
			t.Errorf("DisplayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestFormatsFromDatabase runs one SELECT with the types the warehouse
// holds (VARCHAR, INTEGER, DATE, DOUBLE, NULL, and the HUGEINT that sum()
// of INTEGER gives) through every format.
func TestFormatsFromDatabase(t *testing.T) {
	db := fixtureDB(t)
	// a2020: published 2021-01-28, n_issues 0; c2021 prints no date. The
	// sum of n_issues over all reports is 1 + 2 + 3 = 6.
	const q = `SELECT report_id, year, published, n_issues, (SELECT sum(n_issues) FROM reports) AS all_issues, 0.25 :: DOUBLE AS r
FROM reports WHERE report_id IN ('a2020', 'c2021') ORDER BY report_id`
	want := map[string]string{
		queries.FormatCSV: lines(
			"report_id,year,published,n_issues,all_issues,r",
			"a2020,2020,2021-01-28,0,6,0.25",
			"c2021,2021,,0,6,0.25",
		),
		queries.FormatJSON: lines(
			"[",
			`{"report_id":"a2020","year":2020,"published":"2021-01-28","n_issues":0,"all_issues":6,"r":0.25},`,
			`{"report_id":"c2021","year":2021,"published":null,"n_issues":0,"all_issues":6,"r":0.25}`,
			"]",
		),
		queries.FormatMarkdown: lines(
			"| report_id | year | published | n_issues | all_issues | r |",
			"|---|---:|---|---:|---:|---:|",
			"| a2020 | 2020 | 2021-01-28 | 0 | 6 | 0.25 |",
			"| c2021 | 2021 |  | 0 | 6 | 0.25 |",
		),
		queries.FormatTable: lines(
			"report_id  year  published   n_issues  all_issues     r",
			"---------  ----  ----------  --------  ----------  ----",
			"a2020      2020  2021-01-28         0           6  0.25",
			"c2021      2021  NULL               0           6  0.25",
		),
	}
	for _, f := range queries.Formats {
		var buf bytes.Buffer
		w, err := queries.NewWriter(&buf, f)
		if err != nil {
			t.Fatal(err)
		}
		if err := queries.Exec(context.Background(), db, q, nil, w); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want[f] {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", f, buf.String(), want[f])
		}
	}
}

func BenchmarkTableWriter(b *testing.B) {
	cols := []queries.ResultColumn{{Name: "agency", Type: "VARCHAR"}, {Name: "n", Type: "BIGINT"}, {Name: "rate", Type: "DOUBLE"}}
	row := []any{"广州市番禺区人民政府石壁街道办事处", int64(1234), 0.6190}
	for b.Loop() {
		w, _ := queries.NewWriter(&bytes.Buffer{}, queries.FormatTable)
		w.Header(cols)
		for range 1000 {
			w.Row(row)
		}
		w.Close()
	}
}

func BenchmarkDisclosureRate(b *testing.B) {
	db := fixtureDB(b)
	q, err := queries.Get("disclosure_rate")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		w, _ := queries.NewWriter(&bytes.Buffer{}, queries.FormatCSV)
		if err := queries.Run(context.Background(), db, q, nil, w); err != nil {
			b.Fatal(err)
		}
	}
}
