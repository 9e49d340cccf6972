package validate

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/govreport/govreport/report"
)

// req builds request cells of one row from the seven column values in
// RequestCols order; a nil entry leaves the cell blank.
func req(row string, vals ...any) []report.Cell {
	var out []report.Cell
	for i, v := range vals {
		c := report.Cell{Table: report.TableRequests, Row: row, Col: report.RequestCols[i].Code}
		switch x := v.(type) {
		case int:
			c.Value = report.Float(float64(x))
		case float64:
			c.Value = report.Float(x)
		case nil:
		default:
			panic(fmt.Sprintf("req: bad value %T", v))
		}
		out = append(out, c)
	}
	return out
}

func rev(group string, upheld, corrected, other, pending, total any) []report.Cell {
	var out []report.Cell
	for i, v := range []any{upheld, corrected, other, pending, total} {
		c := report.Cell{Table: report.TableReviewLitigation, Row: group, Col: report.ReviewOutcomes[i].Code}
		if n, ok := v.(int); ok {
			c.Value = report.Float(float64(n))
		}
		out = append(out, c)
	}
	return out
}

func build(template string, year int, published string, rows ...[]report.Cell) *report.Report {
	r := &report.Report{Template: template, Year: year, Published: published}
	for _, cs := range rows {
		r.Cells = append(r.Cells, cs...)
	}
	return r
}

// broken lists "rule[subject]" of every issue, sorted, from its message.
func broken(r *report.Report) []string {
	var out []string
	for _, is := range r.Issues {
		var subject string
		if _, err := fmt.Sscanf(is.Message[len(is.Rule):], "[%s", &subject); err == nil {
			if i := indexByte(subject, ']'); i >= 0 {
				subject = subject[:i]
			}
			out = append(out, is.Rule+"["+subject+"]")
		} else {
			out = append(out, is.Rule)
		}
	}
	sort.Strings(out)
	return out
}

func indexByte(s string, b byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return i
		}
	}
	return -1
}

// zeros is a row of seven zeros, for rows that do not matter to a case.
func zeros(row string) []report.Cell { return req(row, 0, 0, 0, 0, 0, 0, 0) }

func TestCheck(t *testing.T) {
	tests := []struct {
		name string
		r    *report.Report
		want []string
	}{
		{"balanced 2019 report",
			build("2019", 2020, "2021-01-20",
				req("new_received", 5, 1, 0, 0, 0, 0, 6),
				req("carried_over", 1, 0, 0, 0, 0, 0, 1),
				req("granted", 3, 1, 0, 0, 0, 0, 4),
				req("other_handling", 1, 0, 0, 0, 0, 0, 1),
				req("total_handled", 4, 1, 0, 0, 0, 0, 5),
				req("carried_forward", 2, 0, 0, 0, 0, 0, 2),
				rev("review", 1, 0, 0, 1, 2)),
			nil},
		// natural_person: 5 received + 1 carried over = 6, but 3 handled +
		// 1 carried forward = 4; total column: 6+1 = 7 vs 4+1 = 5.
		{"balance broken in one column and the total",
			build("2019", 2020, "",
				req("new_received", 5, 1, 0, 0, 0, 0, 6),
				req("carried_over", 1, 0, 0, 0, 0, 0, 1),
				req("granted", 3, 1, 0, 0, 0, 0, 4),
				req("total_handled", 3, 1, 0, 0, 0, 0, 4),
				req("carried_forward", 1, 0, 0, 0, 0, 0, 1)),
			[]string{"requests_balance[natural_person]", "requests_balance[total]"}},
		// pingtan-2020's slip: outcome rows 7+6+4+3+3+4 per the corpus
		// notes; here the same sums (26 natural person, 27 total) against
		// a printed 总计 of 20 and 21, balance holding with the printed one.
		{"outcomes exceed the printed total",
			build("2019", 2020, "",
				req("new_received", 20, 1, 0, 0, 0, 0, 21),
				req("carried_over", 0, 0, 0, 0, 0, 0, 0),
				req("granted", 7, 0, 0, 0, 0, 0, 7),
				req("partially_granted", 6, 0, 0, 0, 0, 0, 6),
				req("denied_third_party", 4, 0, 0, 0, 0, 0, 4),
				req("unavailable_not_held", 2, 1, 0, 0, 0, 0, 3),
				req("not_processed_repeat", 3, 0, 0, 0, 0, 0, 3),
				req("other_handling", 4, 0, 0, 0, 0, 0, 4),
				req("total_handled", 20, 1, 0, 0, 0, 0, 21),
				req("carried_forward", 0, 0, 0, 0, 0, 0, 0)),
			[]string{"requests_outcomes[natural_person]", "requests_outcomes[total]"}},
		{"2021 adds the three other rows, not other_handling",
			build("2021", 2021, "",
				req("new_received", 4, 0, 0, 0, 0, 0, 4),
				req("granted", 2, 0, 0, 0, 0, 0, 2),
				req("other_overdue_correction", 1, 0, 0, 0, 0, 0, 1),
				req("other_unpaid_fee", 0, 0, 0, 0, 0, 0, 0),
				req("other_other", 1, 0, 0, 0, 0, 0, 1),
				// other_handling is the sum of the three: adding it too
				// would double count.
				req("other_handling", 2, 0, 0, 0, 0, 0, 2),
				req("total_handled", 4, 0, 0, 0, 0, 0, 4)),
			nil},
		{"2021 report printing the single 2019 row",
			build("2021", 2023, "",
				req("new_received", 3, 0, 0, 0, 0, 0, 3),
				req("granted", 2, 0, 0, 0, 0, 0, 2),
				req("other_handling", 1, 0, 0, 0, 0, 0, 1),
				req("total_handled", 3, 0, 0, 0, 0, 0, 3)),
			nil},
		{"row total broken",
			build("2019", 2019, "",
				req("new_received", 3, 1, 0, 0, 0, 2, 6),
				req("granted", 3, 1, 0, 0, 0, 2, 5),
				req("total_handled", 3, 1, 0, 0, 0, 2, 6)),
			// 3+1+2 = 6 != 5 printed; the outcome total column 5 != 6.
			[]string{"requests_outcomes[total]", "requests_row_total[granted]"}},
		// Shanghai style: total column blank for an outcome row while the
		// applicant columns are printed.
		{"blank total with printed columns",
			build("2019", 2019, "",
				req("new_received", 258, 12, nil, nil, 1, 1, 272),
				req("granted", 258, 12, nil, nil, 1, 1, nil),
				req("total_handled", 258, 12, nil, nil, 1, 1, 272)),
			[]string{"requests_outcomes[total]", "requests_row_total[granted]"}},
		{"every cell blank: nothing checked",
			build("2019", 2019, "",
				req("new_received", nil, nil, nil, nil, nil, nil, nil),
				req("total_handled", nil, nil, nil, nil, nil, nil, nil),
				rev("suit_direct", nil, nil, nil, nil, nil)),
			nil},
		{"blank counts as zero",
			build("2019", 2019, "",
				req("new_received", 2, nil, nil, nil, nil, nil, 2),
				req("granted", 2, nil, nil, nil, nil, nil, 2),
				req("total_handled", 2, nil, nil, nil, nil, nil, 2)),
			nil},
		{"fractional values within tolerance",
			build("2019", 2019, "",
				req("new_received", 0.1, 0.2, 0, 0, 0, 0, 0.3),
				req("granted", 0.1, 0.2, 0, 0, 0, 0, 0.3),
				req("total_handled", 0.1, 0.2, 0, 0, 0, 0, 0.3)),
			nil},
		// hongze-2023: 结果维持 10 + 结果纠正 1 but 总计 0; 复议后起诉
		// 结果维持 5 but 总计 0.
		{"review totals not adding up",
			build("2021", 2023, "",
				rev("review", 10, 1, 0, 0, 0),
				rev("suit_direct", 1, 0, 0, 0, 1),
				rev("suit_after_review", 5, 0, 0, 0, 0)),
			[]string{"review_litigation_total[review]", "review_litigation_total[suit_after_review]"}},
		{"published within the report year",
			build("2019", 2020, "2020-01-20"),
			[]string{"published_before_year_end"}},
		{"published on the last day of the year",
			build("2019", 2020, "2020-12-31"),
			[]string{"published_before_year_end"}},
		{"published on the first day after", build("2019", 2020, "2021-01-01"), nil},
		{"published unreadable", build("2019", 2020, "20/01/2021"), []string{"published_unreadable"}},
		{"no year: date not judged", build("legacy", 0, "2010-01-01"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Check(tt.r)
			if got := broken(tt.r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("broken = %v, want %v\nissues: %+v", got, tt.want, tt.r.Issues)
			}
		})
	}
}

func TestIssueForm(t *testing.T) {
	r := build("2019", 2020, "",
		req("new_received", 20, 1, 0, 0, 0, 0, 21),
		req("carried_forward", 0, 0, 0, 0, 0, 0, 0),
		req("granted", 26, 1, 0, 0, 0, 0, 27),
		req("total_handled", 20, 1, 0, 0, 0, 0, 21))
	Check(r)
	if len(r.Issues) != 2 {
		t.Fatalf("issues = %+v, want two", r.Issues)
	}
	is := r.Issues[0]
	if is.Rule != report.RuleRequestsOutcomes || is.Severity != report.SeverityError {
		t.Errorf("rule/severity = %s/%s", is.Rule, is.Severity)
	}
	if want := "requests_outcomes[natural_person]: sum of outcome rows=26 != total_handled=20"; is.Message != want {
		t.Errorf("message = %q, want %q", is.Message, want)
	}
	if is.Expected == nil || *is.Expected != 26 || is.Actual == nil || *is.Actual != 20 {
		t.Errorf("expected/actual = %v/%v, want 26/20", is.Expected, is.Actual)
	}
	if is.Cells[0] != "requests.granted.natural_person" || is.Cells[len(is.Cells)-1] != "requests.total_handled.natural_person" {
		t.Errorf("cells = %v", is.Cells)
	}
	if len(is.Cells) != 20 { // 19 outcome rows of 2019 + total_handled
		t.Errorf("len(cells) = %d, want 20", len(is.Cells))
	}

	r = build("2021", 2023, "", rev("review", 10, 1, 0, 0, 0))
	Check(r)
	want := []string{"review_litigation.review_upheld", "review_litigation.review_corrected",
		"review_litigation.review_other", "review_litigation.review_pending", "review_litigation.review_total"}
	if len(r.Issues) != 1 || !reflect.DeepEqual(r.Issues[0].Cells, want) {
		t.Errorf("review issue = %+v, want cells %v", r.Issues, want)
	}
	if m := r.Issues[0].Message; m != "review_litigation_total[review]: upheld+corrected+other+pending=11 != total=0" {
		t.Errorf("message = %q", m)
	}

	r = build("2019", 2019, "", req("granted", 272, 0, 0, 0, 0, 0, nil))
	Check(r)
	if len(r.Issues) == 0 || r.Issues[len(r.Issues)-1].Message != "requests_row_total[granted]: sum of applicant columns=272 != total=blank" {
		t.Errorf("issues = %+v", r.Issues)
	}
}

func TestContinuity(t *testing.T) {
	prev := build("2019", 2019, "", req("carried_forward", 2, 0, 0, 0, 0, 1, 3))
	tests := []struct {
		name string
		prev *report.Report
		cur  *report.Report
		want []string
	}{
		{"continuous", prev, build("2019", 2020, "", req("carried_over", 2, 0, 0, 0, 0, 1, 3)), nil},
		{"broken in two columns", prev, build("2019", 2020, "", req("carried_over", 1, 0, 0, 0, 0, 1, 2)),
			[]string{"carryover_continuity[natural_person]: carried_forward of 2019=2 != carried_over of 2020=1",
				"carryover_continuity[total]: carried_forward of 2019=3 != carried_over of 2020=2"}},
		{"blank on one side is not compared", prev, build("2019", 2020, "", req("carried_over", nil, 0, 0, 0, 0, 1, 3)), nil},
		{"not consecutive years", prev, build("2021", 2021, "", req("carried_over", 9, 0, 0, 0, 0, 0, 9)), nil},
		{"missing previous", nil, build("2021", 2021, "", req("carried_over", 9, 0, 0, 0, 0, 0, 9)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, is := range Continuity(tt.prev, tt.cur) {
				if is.Rule != report.RuleCarryoverContinuity {
					t.Errorf("rule = %s", is.Rule)
				}
				got = append(got, is.Message)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// TestCorpus checks the real reports: the rules that break are exactly
// those the corpus README's source_notes name for each document.
func TestCorpus(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"../../../shared/corpus/hongze-2023.expected.json",
			[]string{"review_litigation_total[review]", "review_litigation_total[suit_after_review]"}},
		{"../../../shared/corpus/huaian-2024.expected.json", nil},
		{"../../../shared/corpus/pingtan-2019.expected.json", nil},
		{"../../../shared/corpus/pingtan-2020.expected.json",
			[]string{"requests_outcomes[natural_person]", "requests_outcomes[total]"}},
		{"../../../shared/corpus/pingtan-2021.expected.json", nil},
		{"../../../shared/corpus/shanghai-gov-office-2019.expected.json", []string{
			"requests_outcomes[total]",
			"requests_row_total[denied_inquiry]", "requests_row_total[denied_internal_affairs]",
			"requests_row_total[denied_process_info]", "requests_row_total[denied_state_secret]",
			"requests_row_total[granted]", "requests_row_total[not_processed_complaint]",
			"requests_row_total[not_processed_repeat]", "requests_row_total[partially_granted]",
			"requests_row_total[unavailable_needs_creation]", "requests_row_total[unavailable_not_held]",
			"requests_row_total[unavailable_unclear]"}},
		{"../../report/testdata/shibi-2020.expected.json", []string{"published_before_year_end"}},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			data, err := os.ReadFile(tt.file)
			if os.IsNotExist(err) {
				t.Skipf("corpus not present: %s", tt.file)
			}
			if err != nil {
				t.Fatal(err)
			}
			var r report.Report
			if err := r.UnmarshalJSON(data); err != nil {
				t.Fatalf("unmarshal: %v", err)
			}
			r.Issues = nil
			Check(&r)
			if got := broken(&r); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("broken = %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestCorpusContinuity(t *testing.T) {
	read := func(name string) *report.Report {
		data, err := os.ReadFile("../../../shared/corpus/" + name)
		if os.IsNotExist(err) {
			t.Skipf("corpus not present: %s", name)
		}
		if err != nil {
			t.Fatal(err)
		}
		var r report.Report
		if err := r.UnmarshalJSON(data); err != nil {
			t.Fatal(err)
		}
		return &r
	}
	// The Pingtan reports carry over what the year before carried forward
	// (the 2021 text: 1件结转 matches; checked in the expected JSONs).
	p19, p20, p21 := read("pingtan-2019.expected.json"), read("pingtan-2020.expected.json"), read("pingtan-2021.expected.json")
	for _, pair := range [][2]*report.Report{{p19, p20}, {p20, p21}} {
		if is := Continuity(pair[0], pair[1]); len(is) != 0 {
			t.Errorf("%d→%d: %+v", pair[0].Year, pair[1].Year, is)
		}
	}
}

func BenchmarkCheck(b *testing.B) {
	data, err := os.ReadFile("../../report/testdata/shibi-2020.expected.json")
	if err != nil {
		b.Skip(err)
	}
	var r report.Report
	if err := r.UnmarshalJSON(data); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		c := r
		c.Issues = nil
		Check(&c)
	}
}
