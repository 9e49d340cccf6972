package cli

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/queries/querytest"
)

// queryFixture builds the warehouse of package querytest (seven reports
// of three bodies, 2018–2022) in a temporary data directory.
func queryFixture(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "data")
	if err := querytest.Build(context.Background(), dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runGovreport runs govreport in-process and returns its exit status and streams.
func runGovreport(stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	code = Do(args, stdin, &out, &errb)
	return code, out.String(), errb.String()
}

func queryLines(s ...string) string { return strings.Join(s, "\n") + "\n" }

func TestQueryCommand(t *testing.T) {
	t.Setenv("GOVREPORT_DATA", "")
	dir := queryFixture(t)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{
			// Not a terminal, so csv by default. c2022: granted 2, partially 1,
			// handled 4 → 0.75.
			name: "default csv",
			args: []string{"query", "disclosure_rate", "--param", "year=2022"},
			want: queryLines(
				"report_id,year,province,city,county,agency,template,granted,partially_granted,total_handled,disclosure_rate",
				"c2022,2022,广东省,,,广东省财政厅,2021,2,1,4,0.75",
			),
		},
		{
			// 2022: c2022 alone, template 2021, error, 3 issues.
			name: "json",
			args: []string{"query", "overview", "-p", "year=2022", "--format", "json"},
			want: queryLines(
				"[",
				`{"year":2022,"template":"2021","quality":"error","reports":1,"agencies":1,"issues":3}`,
				"]",
			),
		},
		{
			// b2021: 1 review, pending → rate NULL; no suits → NULL.
			name: "markdown",
			args: []string{"query", "review_litigation", "--param", "year=2021", "--param", "province=江苏省", "--format", "markdown"},
			want: queryLines(
				"| year | agency_key | province | city | county | agency | reviews | review_corrected | review_pending | review_correction_rate | suits | suit_corrected | suit_pending | suit_correction_rate |",
				"|---:|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
				"| 2021 | 江苏省/淮安市/洪泽区/人民政府 | 江苏省 | 淮安市 | 洪泽区 | 洪泽区人民政府 | 1 | 0 | 1 |  | 0 | 0 | 0 |  |",
			),
		},
		{
			// B: 7 → 6 across its renaming; CJK columns padded by display
			// width (洪泽区人民政府 is 14 columns wide).
			name: "table",
			args: []string{"query", "yoy_requests", "--param", "agency=洪泽", "--format", "table"},
			want: queryLines(
				"agency_key                     province  city    county  agency                year  new_received  prev_new_received  change  change_rate",
				"-----------------------------  --------  ------  ------  --------------------  ----  ------------  -----------------  ------  -----------",
				"江苏省/淮安市/洪泽区/人民政府  江苏省    淮安市  洪泽区  淮安市洪泽区人民政府  2020             7               NULL    NULL         NULL",
				"江苏省/淮安市/洪泽区/人民政府  江苏省    淮安市  洪泽区  洪泽区人民政府        2021             6                  7      -1      -0.1429",
			),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runGovreport(nil, append([]string{"--data", dir}, tt.args...)...)
			if code != 0 {
				t.Fatalf("exit %d, stderr %s", code, errOut)
			}
			if out != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", out, tt.want)
			}
		})
	}
}

func TestQueryList(t *testing.T) {
	code, out, errOut := runGovreport(nil, "query", "list", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 10 || lines[0] != "name,title,parameters" {
		t.Fatalf("query list:\n%s", out)
	}
	if want := `quality_reports,Data quality: the reports with the most issues,"year, province, city, agency, limit"`; lines[7] != want {
		t.Errorf("line 8 = %s, want %s", lines[7], want)
	}
	// No argument lists them too.
	code, out2, _ := runGovreport(nil, "query", "--format", "csv")
	if code != 0 || out2 != out {
		t.Errorf("query without a name: exit %d, output %q", code, out2)
	}
}

func TestQueryHelpListsQueries(t *testing.T) {
	code, out, _ := runGovreport(nil, "query", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, s := range []string{"disclosure_rate", "carryover_breaks", "quality_reports", "year (integer)", "agency (text)", "--param", "--format"} {
		if !strings.Contains(out, s) {
			t.Errorf("query --help lacks %q", s)
		}
	}
}

func TestQueryShowSQL(t *testing.T) {
	code, out, _ := runGovreport(nil, "query", "overview", "--show-sql")
	if code != 0 || !strings.HasPrefix(out, "-- title: Reports per year, template and quality\n") || !strings.Contains(out, "FROM reports") {
		t.Errorf("--show-sql: exit %d, output %q", code, out)
	}
}

func TestQueryAndSQLErrors(t *testing.T) {
	t.Setenv("GOVREPORT_DATA", "")
	dir := queryFixture(t)
	empty := t.TempDir()
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"unknown query", []string{"query", "nosuch"}, 2, `unknown query "nosuch"`},
		{"close name", []string{"query", "disclosure"}, 2, "did you mean disclosure_rate?"},
		{"two names", []string{"query", "overview", "quality"}, 2, "one query name"},
		{"not an integer", []string{"query", "overview", "--param", "year=20x2"}, 2, `parameter year="20x2": not an integer`},
		{"unknown param", []string{"query", "overview", "--param", "yr=2022"}, 2, `query overview has no parameter "yr"; it takes year, province, city, agency`},
		{"param of another query", []string{"query", "overview", "--param", "limit=3"}, 2, `no parameter "limit"`},
		{"no value", []string{"query", "overview", "--param", "year"}, 2, "want key=value"},
		{"empty value", []string{"query", "overview", "--param", "year="}, 2, "empty value"},
		{"bad format", []string{"query", "overview", "--format", "xml"}, 2, `--format "xml": want table, csv, json, markdown`},
		{"bad flag", []string{"query", "overview", "--nope"}, 2, "unknown flag: --nope"},
		{"list with param", []string{"query", "list", "--param", "year=1"}, 2, "no --param"},
		{"sql error", []string{"sql", "SELECT nosuch FROM reports"}, 1, `sql: Binder Error: Referenced column "nosuch" not found`},
		{"sql syntax", []string{"sql", "SELEC 1"}, 1, "Parser Error"},
		{"sql is read-only", []string{"sql", "DELETE FROM reports"}, 1, "read-only"},
		{"sql empty", []string{"sql", "  "}, 2, "no statement"},
		{"sql bad format", []string{"sql", "SELECT 1", "--format", "html"}, 2, `--format "html"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runGovreport(nil, append([]string{"--data", dir}, tt.args...)...)
			if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tt.wantCode, tt.wantErr)
			}
			if out != "" {
				t.Errorf("stdout %q on error", out)
			}
		})
	}
	// No database: the message says where it looked and what to do.
	want := "govreport: no database at " + filepath.Join(empty, "govreport.duckdb") + ": run `govreport run` first\n"
	for _, args := range [][]string{{"query", "overview"}, {"sql", "SELECT 1"}} {
		code, _, errOut := runGovreport(nil, append([]string{"--data", empty}, args...)...)
		if code != 1 || errOut != want {
			t.Errorf("%v without database: exit %d, stderr %q; want 1, %q", args, code, errOut, want)
		}
	}
	// A bad parameter is reported as such even without a database.
	if code, _, errOut := runGovreport(nil, "--data", empty, "query", "overview", "--param", "year=x"); code != 2 || !strings.Contains(errOut, "not an integer") {
		t.Errorf("bad parameter without database: exit %d, %q", code, errOut)
	}
}

func TestSQLCommand(t *testing.T) {
	t.Setenv("GOVREPORT_DATA", "")
	dir := queryFixture(t)
	// b2021 is 洪泽区人民政府's 2021 report: 2 issues, quality error.
	code, out, errOut := runGovreport(nil, "--data", dir, "sql", "SELECT agency, year, quality, n_issues FROM reports WHERE report_id = 'b2021'", "--format", "csv")
	if code != 0 || out != "agency,year,quality,n_issues\n洪泽区人民政府,2021,error,2\n" {
		t.Errorf("sql: exit %d, out %q, err %q", code, out, errOut)
	}
	// From stdin; the 2020 reports: a2020 and b2020.
	code, out, errOut = runGovreport(strings.NewReader("SELECT count(*) AS n FROM reports WHERE year = 2020"), "--data", dir, "sql", "--format", "json")
	if code != 0 || out != "[\n{\"n\":2}\n]\n" {
		t.Errorf("sql from stdin: exit %d, out %q, err %q", code, out, errOut)
	}
	// Unquoted words are joined.
	code, out, _ = runGovreport(nil, "--data", dir, "sql", "SELECT", "1", "AS", "one")
	if code != 0 || out != "one\n1\n" {
		t.Errorf("sql words: exit %d, out %q", code, out)
	}
}
