package queries

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestEmbeddedQueriesParse(t *testing.T) {
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	var names []string
	for _, q := range List() {
		names = append(names, q.Name)
		if q.Title == "" || q.Answers == "" || len(q.Columns) == 0 {
			t.Errorf("%s: incomplete header %+v", q.Name, q)
		}
		for _, c := range q.Columns {
			if c.Description == "" {
				t.Errorf("%s: column %s has no description", q.Name, c.Name)
			}
		}
		for _, p := range q.Params {
			if p.Description == "" {
				t.Errorf("%s: parameter %s has no description", q.Name, p.Name)
			}
		}
	}
	want := []string{"applicant_mix", "carryover_breaks", "denial_reasons", "disclosure_rate",
		"overview", "quality", "quality_reports", "review_litigation", "yoy_requests"}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("queries %v, want %v", names, want)
	}
}

func TestParseHeader(t *testing.T) {
	src := `-- title: Test query
-- answers: What is it,
--   over two lines?
--
-- param: year integer Report year,
--   continued.
-- param: who text Part of a name.
-- column: year The year.
-- column: n
-- notes: Free text.
SELECT year, 1 AS n FROM reports
WHERE (:year IS NULL OR year = :year) AND (:who IS NULL OR agency = :who)
`
	q, err := Parse("test_query", src)
	if err != nil {
		t.Fatal(err)
	}
	want := Query{
		Name:    "test_query",
		Title:   "Test query",
		Answers: "What is it, over two lines?",
		Notes:   "Free text.",
		Params: []Param{
			{Name: "year", Type: TypeInteger, Description: "Report year, continued."},
			{Name: "who", Type: TypeText, Description: "Part of a name."},
		},
		Columns: []Column{{Name: "year", Description: "The year."}, {Name: "n"}},
		SQL:     src,
	}
	if !reflect.DeepEqual(q, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", q, want)
	}
}

func TestParseErrors(t *testing.T) {
	const cols = "-- column: x The x.\n"
	tests := []struct {
		name, src, wantErr string
	}{
		{"no_title", "-- answers: a\n" + cols + "SELECT 1", "no title"},
		{"no_answers", "-- title: t\n" + cols + "SELECT 1", "no answers"},
		{"no_columns", "-- title: t\n-- answers: a\nSELECT 1", "no column"},
		{"twice", "-- title: t\n-- title: u\n-- answers: a\n" + cols + "SELECT 1", "twice"},
		{"unknown_field", "-- title: t\n-- answers: a\n-- author: me\n" + cols + "SELECT 1", "unknown header field"},
		{"not_a_field", "-- title: t\n-- answers: a\n-- just words\n" + cols + "SELECT 1", "want"},
		{"orphan_continuation", "--   floating\n-- title: t\n-- answers: a\n" + cols + "SELECT 1", "continuation"},
		{"bad_param_type", "-- title: t\n-- answers: a\n-- param: year number Y\n" + cols + "SELECT :year", "integer|text"},
		{"dup_param", "-- title: t\n-- answers: a\n-- param: y integer Y\n-- param: y text Y\n" + cols + "SELECT :y", "declared twice"},
		{"undeclared", "-- title: t\n-- answers: a\n" + cols + "SELECT :year", "does not declare"},
		{"unused", "-- title: t\n-- answers: a\n-- param: year integer Y\n" + cols + "SELECT 1", "not used"},
		{"Bad-Name", "-- title: t\n-- answers: a\n" + cols + "SELECT 1", "name must be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.name, tt.src)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Parse error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		sql  string
		want []string
	}{
		{"SELECT :a, :b_2 FROM t WHERE x = :a", []string{"a", "b_2", "a"}},
		{"SELECT x::INTEGER, :a", []string{"a"}},
		{"SELECT ':not' || \":nor\" || 'it''s :no', :yes", []string{"yes"}},
		{"-- :comment\nSELECT /* :block */ :yes", []string{"yes"}},
		{"SELECT :1, a:b", nil},
		{"SELECT 'unterminated :x", nil},
		{"SELECT 1 /* unterminated :x", nil},
		{"SELECT :x -- trailing", []string{"x"}},
		{":start", []string{"start"}},
	}
	for _, tt := range tests {
		var got []string
		for _, p := range placeholders(tt.sql) {
			got = append(got, p.name)
			if tt.sql[p.start:p.end] != ":"+p.name {
				t.Errorf("%q: placeholder %s spans %q", tt.sql, p.name, tt.sql[p.start:p.end])
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("placeholders(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
}

func TestBind(t *testing.T) {
	q, err := Parse("t", `-- title: t
-- answers: a
-- param: year integer Y
-- param: who text W
-- column: x X
SELECT x::INTEGER FROM t WHERE (:year IS NULL OR y = :year) AND z = :who AND s = ':year'`)
	if err != nil {
		t.Fatal(err)
	}
	const wantSQL = "SELECT x::INTEGER FROM t WHERE (CAST($1 AS INTEGER) IS NULL OR y = CAST($1 AS INTEGER)) AND z = CAST($2 AS VARCHAR) AND s = ':year'"
	tests := []struct {
		name     string
		values   map[string]string
		wantArgs []any
		wantErr  string
	}{
		{"none", nil, []any{nil, nil}, ""},
		{"both", map[string]string{"year": " 2022 ", "who": "广东省'; DROP TABLE x; --"}, []any{int32(2022), "广东省'; DROP TABLE x; --"}, ""},
		{"not_int", map[string]string{"year": "2022a"}, nil, `year="2022a": not an integer`},
		{"too_big", map[string]string{"year": "99999999999"}, nil, "not an integer"},
		{"empty", map[string]string{"who": ""}, nil, "empty value"},
		{"unknown", map[string]string{"yaer": "2022"}, nil, `no parameter "yaer"; it takes year, who`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gotSQL, args, err := q.Bind(tt.values)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Bind error %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(gotSQL, "-- title: t\n") || !strings.HasSuffix(gotSQL, "\n"+wantSQL) {
				t.Errorf("SQL\n got %s\nwant %s", gotSQL, wantSQL)
			}
			if !reflect.DeepEqual(args, tt.wantArgs) {
				t.Errorf("args %#v, want %#v", args, tt.wantArgs)
			}
		})
	}
}

func TestGetSuggests(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"disclosure", "did you mean disclosure_rate?"},
		{"disclosure_rates", "did you mean disclosure_rate?"},
		{"qualty", "did you mean quality"},
		{"zzz", "`govreport query list` shows them all"},
	}
	for _, tt := range tests {
		_, err := Get(tt.name)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Get(%q) error %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Get("overview"); err != nil {
		t.Errorf("Get(overview): %v", err)
	}
}

func TestParseParams(t *testing.T) {
	got, err := ParseParams([]string{"year=2022", "agency=a=b", "city="})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"year": "2022", "agency": "a=b", "city": ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseParams = %v, want %v", got, want)
	}
	for _, bad := range [][]string{{"year"}, {"=2022"}, {"year=1", "year=2"}} {
		if _, err := ParseParams(bad); err == nil {
			t.Errorf("ParseParams(%q) succeeded", bad)
		}
	}
}

// FuzzParse feeds arbitrary text to the header parser and the binder: they
// must return an error or a query, never panic, and binding a parsed query
// must give one argument per parameter and replace every :name.
func FuzzParse(f *testing.F) {
	for _, q := range List() {
		f.Add(q.SQL, "2022")
	}
	f.Add("-- title: t\n-- answers: a\n-- column: x\nSELECT ':a' -- :b\n", "x")
	f.Add("--   \n-- title:\n", "")
	f.Fuzz(func(t *testing.T, src, val string) {
		q, err := Parse("fuzz", src)
		if err != nil {
			return
		}
		values := map[string]string{}
		for _, p := range q.Params {
			values[p.Name] = val
		}
		text, args, err := q.Bind(values)
		if err != nil {
			return
		}
		if len(args) != len(q.Params) {
			t.Fatalf("%d args for %d params", len(args), len(q.Params))
		}
		if want := len(placeholders(src)); strings.Count(text, "CAST($") < want {
			t.Fatalf("bound SQL has fewer than %d parameters:\n%s", want, text)
		}
	})
}

func BenchmarkBind(b *testing.B) {
	q, err := Get("denial_reasons")
	if err != nil {
		b.Fatal(err)
	}
	values := map[string]string{"year": "2022", "province": "广东省"}
	for b.Loop() {
		if _, _, err := q.Bind(values); err != nil {
			b.Fatal(err)
		}
	}
}

func TestLockHint(t *testing.T) {
	lock := errors.New(`IO Error: Could not set lock on file "data/govreport.duckdb": Conflicting lock is held in /usr/bin/govreport (PID 42)`)
	if h := lockHint(lock); !strings.Contains(h, "another process is writing the database") {
		t.Errorf("lockHint(lock error) = %q", h)
	}
	if h := lockHint(errors.New("IO Error: no such file")); h != "" {
		t.Errorf("lockHint(other error) = %q, want none", h)
	}
}
