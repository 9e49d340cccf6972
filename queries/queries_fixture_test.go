package queries_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/govreport/govreport/queries"
	"github.com/govreport/govreport/queries/querytest"
)

// The expected results below were worked out by hand from the reports in
// querytest/fixture.go (the sums and ratios are spelled out in comments),
// then written here; ratios are rounded to 4 decimals as the queries
// document.

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

func mkdirTemp() (string, error) { return os.MkdirTemp("", "queries-fixture-") }

// fixtureDB opens the fixture warehouse read-only, building it once per
// test binary.
func fixtureDB(t testing.TB) *sql.DB {
	t.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = mkdirTemp()
		if fixtureErr == nil {
			fixtureErr = querytest.Build(context.Background(), fixtureDir)
		}
	})
	if fixtureErr != nil {
		t.Fatalf("build fixture: %v", fixtureErr)
	}
	db, err := queries.Open(fixtureDir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func runQuery(t *testing.T, db *sql.DB, name, format string, params map[string]string) string {
	t.Helper()
	q, err := queries.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w, err := queries.NewWriter(&buf, format)
	if err != nil {
		t.Fatal(err)
	}
	if err := queries.Run(context.Background(), db, q, params, w); err != nil {
		t.Fatalf("run %s %v: %v", name, params, err)
	}
	return buf.String()
}

func lines(s ...string) string { return strings.Join(s, "\n") + "\n" }

func TestQueriesOnFixture(t *testing.T) {
	db := fixtureDB(t)
	tests := []struct {
		name   string
		params map[string]string
		want   string
	}{
		{
			// Reports: a2018 legacy ok; a2020, b2020 ok; a2021 warn (1 issue),
			// b2021 error (2), c2021 ok; c2022 error (3).
			name: "overview",
			want: lines(
				"year,template,quality,reports,agencies,issues",
				"2018,legacy,ok,1,1,0",
				"2020,2019,ok,2,2,0",
				"2021,2021,ok,1,1,0",
				"2021,2021,warn,1,1,1",
				"2021,2021,error,1,1,2",
				"2022,2021,error,1,1,3",
			),
		},
		{
			name:   "overview",
			params: map[string]string{"province": "广东省"},
			want: lines(
				"year,template,quality,reports,agencies,issues",
				"2021,2021,ok,1,1,0",
				"2022,2021,error,1,1,3",
			),
		},
		{
			// a2020 (3+2)/10; b2020 (1+0)/5; a2021 (10+3)/21 = 0.61905;
			// c2021 nothing handled → NULL; b2021 (2+1)/5; c2022 (2+1)/4.
			// Ordered by year, then province: 北 (U+5317) < 广 (U+5E7F) < 江 (U+6C5F).
			name: "disclosure_rate",
			want: lines(
				"report_id,year,province,city,county,agency,template,granted,partially_granted,total_handled,disclosure_rate",
				"a2020,2020,北京市,北京市,海淀区,北京市海淀区人民政府,2019,3,2,10,0.5",
				"b2020,2020,江苏省,淮安市,洪泽区,淮安市洪泽区人民政府,2019,1,0,5,0.2",
				"a2021,2021,北京市,北京市,海淀区,北京市海淀区人民政府,2021,10,3,21,0.619",
				"c2021,2021,广东省,,,广东省财政厅,2021,0,0,0,",
				"b2021,2021,江苏省,淮安市,洪泽区,洪泽区人民政府,2021,2,1,5,0.6",
				"c2022,2022,广东省,,,广东省财政厅,2021,2,1,4,0.75",
			),
		},
		{
			name:   "disclosure_rate",
			params: map[string]string{"year": "2021", "agency": "洪泽"},
			want: lines(
				"report_id,year,province,city,county,agency,template,granted,partially_granted,total_handled,disclosure_rate",
				"b2021,2021,江苏省,淮安市,洪泽区,洪泽区人民政府,2021,2,1,5,0.6",
			),
		},
		{
			// Outcomes 2020: a2020 3+2+2+1+1+1(other_handling) = 10, b2020
			// 1+0+2+2 = 5 → 15. 2021: a2021 10+3+2+2+1+1+(1+0+1) = 21 (its
			// other_handling 2 is the subtotal of the other_* rows and is not
			// added again), b2021 2+1+1+1(other_handling alone) = 5, c2021 0 →
			// 26. 2022: c2022 2+1+1(other_overdue_correction) = 4.
			name: "denial_reasons",
			want: lines(
				"year,category,reason,label,requests,outcomes,share",
				"2020,denied,denied_state_secret,属于国家秘密,2,15,0.1333",
				"2020,denied,denied_law_prohibited,其他法律行政法规禁止公开,0,15,0",
				"2020,denied,denied_security_stability,危及“三安全一稳定”,0,15,0",
				"2020,denied,denied_third_party,保护第三方合法权益,0,15,0",
				"2020,denied,denied_internal_affairs,属于三类内部事务信息,2,15,0.1333",
				"2020,denied,denied_process_info,属于四类过程性信息,1,15,0.0667",
				"2020,denied,denied_enforcement_file,属于行政执法案卷,0,15,0",
				"2020,denied,denied_inquiry,属于行政查询事项,0,15,0",
				"2020,unavailable,unavailable_not_held,本机关不掌握相关政府信息,1,15,0.0667",
				"2020,unavailable,unavailable_needs_creation,没有现成信息需要另行制作,2,15,0.1333",
				"2020,unavailable,unavailable_unclear,补正后申请内容仍不明确,0,15,0",
				"2020,not_processed,not_processed_complaint,信访举报投诉类申请,0,15,0",
				"2020,not_processed,not_processed_repeat,重复申请,0,15,0",
				"2020,not_processed,not_processed_publication,要求提供公开出版物,0,15,0",
				"2020,not_processed,not_processed_excessive,无正当理由大量反复申请,0,15,0",
				"2020,not_processed,not_processed_confirmation,要求行政机关确认或重新出具已获取信息,0,15,0",
				"2021,denied,denied_state_secret,属于国家秘密,0,26,0",
				"2021,denied,denied_law_prohibited,其他法律行政法规禁止公开,0,26,0",
				"2021,denied,denied_security_stability,危及“三安全一稳定”,0,26,0",
				"2021,denied,denied_third_party,保护第三方合法权益,2,26,0.0769",
				"2021,denied,denied_internal_affairs,属于三类内部事务信息,0,26,0",
				"2021,denied,denied_process_info,属于四类过程性信息,0,26,0",
				"2021,denied,denied_enforcement_file,属于行政执法案卷,0,26,0",
				"2021,denied,denied_inquiry,属于行政查询事项,0,26,0",
				"2021,unavailable,unavailable_not_held,本机关不掌握相关政府信息,2,26,0.0769",
				"2021,unavailable,unavailable_needs_creation,没有现成信息需要另行制作,0,26,0",
				"2021,unavailable,unavailable_unclear,补正后申请内容仍不明确,1,26,0.0385",
				"2021,not_processed,not_processed_complaint,信访举报投诉类申请,1,26,0.0385",
				"2021,not_processed,not_processed_repeat,重复申请,1,26,0.0385",
				"2021,not_processed,not_processed_publication,要求提供公开出版物,0,26,0",
				"2021,not_processed,not_processed_excessive,无正当理由大量反复申请,0,26,0",
				"2021,not_processed,not_processed_confirmation,要求行政机关确认或重新出具已获取信息,0,26,0",
				"2022,denied,denied_state_secret,属于国家秘密,0,4,0",
				"2022,denied,denied_law_prohibited,其他法律行政法规禁止公开,0,4,0",
				"2022,denied,denied_security_stability,危及“三安全一稳定”,0,4,0",
				"2022,denied,denied_third_party,保护第三方合法权益,0,4,0",
				"2022,denied,denied_internal_affairs,属于三类内部事务信息,0,4,0",
				"2022,denied,denied_process_info,属于四类过程性信息,0,4,0",
				"2022,denied,denied_enforcement_file,属于行政执法案卷,0,4,0",
				"2022,denied,denied_inquiry,属于行政查询事项,0,4,0",
				"2022,unavailable,unavailable_not_held,本机关不掌握相关政府信息,0,4,0",
				"2022,unavailable,unavailable_needs_creation,没有现成信息需要另行制作,0,4,0",
				"2022,unavailable,unavailable_unclear,补正后申请内容仍不明确,0,4,0",
				"2022,not_processed,not_processed_complaint,信访举报投诉类申请,0,4,0",
				"2022,not_processed,not_processed_repeat,重复申请,0,4,0",
				"2022,not_processed,not_processed_publication,要求提供公开出版物,0,4,0",
				"2022,not_processed,not_processed_excessive,无正当理由大量反复申请,0,4,0",
				"2022,not_processed,not_processed_confirmation,要求行政机关确认或重新出具已获取信息,0,4,0",
			),
		},
		{
			// 2020: natural_person 8+7, commercial 2, research blank → 0; 17 in all.
			// 2021: natural_person 15+4, commercial 3+2, research 1,
			// legal_service 1 (c2021 gives the total column only); 26 in all.
			// 2022: natural_person 3, research 1; 4 in all.
			name: "applicant_mix",
			want: lines(
				"year,applicant,label,new_received,all_applicants,share",
				"2020,natural_person,自然人,15,17,0.8824",
				"2020,commercial,商业企业,2,17,0.1176",
				"2020,research,科研机构,0,17,0",
				"2020,social_org,社会公益组织,0,17,0",
				"2020,legal_service,法律服务机构,0,17,0",
				"2020,other_org,其他,0,17,0",
				"2021,natural_person,自然人,19,26,0.7308",
				"2021,commercial,商业企业,5,26,0.1923",
				"2021,research,科研机构,1,26,0.0385",
				"2021,social_org,社会公益组织,0,26,0",
				"2021,legal_service,法律服务机构,1,26,0.0385",
				"2021,other_org,其他,0,26,0",
				"2022,natural_person,自然人,3,4,0.75",
				"2022,commercial,商业企业,0,4,0",
				"2022,research,科研机构,1,4,0.25",
				"2022,social_org,社会公益组织,0,4,0",
				"2022,legal_service,法律服务机构,0,4,0",
				"2022,other_org,其他,0,4,0",
			),
		},
		{
			name:   "applicant_mix",
			params: map[string]string{"year": "2019"},
			want:   lines("year,applicant,label,new_received,all_applicants,share"),
		},
		{
			// a2020: reviews 3, corrected 1, pending 1 → 1/2; suits 1+blank, none
			// corrected → 0/1. a2021: reviews 2, 0 corrected → 0; suits 2+1,
			// corrected 1, pending 1 → 1/2. b2021: 1 review, pending → NULL; no
			// suits → NULL. c2022: reviews 3, corrected 1 → 1/3; 1 suit after
			// review, corrected → 1.
			name: "review_litigation",
			want: lines(
				"year,agency_key,province,city,county,agency,reviews,review_corrected,review_pending,review_correction_rate,suits,suit_corrected,suit_pending,suit_correction_rate",
				"2020,北京市/北京市/海淀区/人民政府,北京市,北京市,海淀区,北京市海淀区人民政府,3,1,1,0.5,1,0,0,0",
				"2021,北京市/北京市/海淀区/人民政府,北京市,北京市,海淀区,北京市海淀区人民政府,2,0,0,0,3,1,1,0.5",
				"2021,江苏省/淮安市/洪泽区/人民政府,江苏省,淮安市,洪泽区,洪泽区人民政府,1,0,1,,0,0,0,",
				"2022,广东省///财政厅,广东省,,,广东省财政厅,3,1,0,0.3333,1,1,0,1",
			),
		},
		{
			// Only B breaks: 2020 carried_forward 2, 2021 carried_over 0, across
			// its renaming. A: 1 → 1. C: 0 → blank (counted as 0).
			name: "carryover_breaks",
			want: lines(
				"agency_key,province,city,county,prev_agency,agency,prev_year,year,prev_carried_forward,carried_over,difference,prev_report_id,report_id",
				"江苏省/淮安市/洪泽区/人民政府,江苏省,淮安市,洪泽区,淮安市洪泽区人民政府,洪泽区人民政府,2020,2021,2,0,-2,b2020,b2021",
			),
		},
		{
			// The old name matches too.
			name:   "carryover_breaks",
			params: map[string]string{"agency": "淮安市洪泽区"},
			want: lines(
				"agency_key,province,city,county,prev_agency,agency,prev_year,year,prev_carried_forward,carried_over,difference,prev_report_id,report_id",
				"江苏省/淮安市/洪泽区/人民政府,江苏省,淮安市,洪泽区,淮安市洪泽区人民政府,洪泽区人民政府,2020,2021,2,0,-2,b2020,b2021",
			),
		},
		{
			name:   "carryover_breaks",
			params: map[string]string{"year": "2022"},
			want:   lines("agency_key,province,city,county,prev_agency,agency,prev_year,year,prev_carried_forward,carried_over,difference,prev_report_id,report_id"),
		},
		{
			// 7 reports. requests_outcomes: b2021, c2022 → 2/7. cell_unreadable:
			// a2021 once, c2022 twice → 3 issues on 2 reports. published_before_
			// year_end: b2021 → 1/7.
			name: "quality",
			want: lines(
				"rule,severity,issues,reports,share_of_reports",
				"requests_outcomes,error,2,2,0.2857",
				"cell_unreadable,warn,3,2,0.2857",
				"published_before_year_end,warn,1,1,0.1429",
			),
		},
		{
			// 2021: a2021, b2021, c2021 → each rule on 1 of 3.
			name:   "quality",
			params: map[string]string{"year": "2021"},
			want: lines(
				"rule,severity,issues,reports,share_of_reports",
				"requests_outcomes,error,1,1,0.3333",
				"cell_unreadable,warn,1,1,0.3333",
				"published_before_year_end,warn,1,1,0.3333",
			),
		},
		{
			name: "quality_reports",
			want: lines(
				"report_id,year,agency,quality,issues,errors,warnings,rules,url",
				`c2022,2022,广东省财政厅,error,3,1,2,"cell_unreadable, requests_outcomes",http://portal.test/c2022.html`,
				`b2021,2021,洪泽区人民政府,error,2,1,1,"published_before_year_end, requests_outcomes",http://portal.test/b2021.html`,
				"a2021,2021,北京市海淀区人民政府,warn,1,0,1,cell_unreadable,http://portal.test/a2021.html",
			),
		},
		{
			name:   "quality_reports",
			params: map[string]string{"limit": "1"},
			want: lines(
				"report_id,year,agency,quality,issues,errors,warnings,rules,url",
				`c2022,2022,广东省财政厅,error,3,1,2,"cell_unreadable, requests_outcomes",http://portal.test/c2022.html`,
			),
		},
		{
			// A: 10 → 20 (+10, +100%). C: 0 → 4 (rate NULL: nothing the year
			// before). B: 7 → 6 (−1/7 = −0.142857), across its renaming.
			// Ordered by agency_key: 北 < 广 < 江.
			name: "yoy_requests",
			want: lines(
				"agency_key,province,city,county,agency,year,new_received,prev_new_received,change,change_rate",
				"北京市/北京市/海淀区/人民政府,北京市,北京市,海淀区,北京市海淀区人民政府,2020,10,,,",
				"北京市/北京市/海淀区/人民政府,北京市,北京市,海淀区,北京市海淀区人民政府,2021,20,10,10,1",
				"广东省///财政厅,广东省,,,广东省财政厅,2021,0,,,",
				"广东省///财政厅,广东省,,,广东省财政厅,2022,4,0,4,",
				"江苏省/淮安市/洪泽区/人民政府,江苏省,淮安市,洪泽区,淮安市洪泽区人民政府,2020,7,,,",
				"江苏省/淮安市/洪泽区/人民政府,江苏省,淮安市,洪泽区,洪泽区人民政府,2021,6,7,-1,-0.1429",
			),
		},
		{
			name:   "yoy_requests",
			params: map[string]string{"year": "2021", "city": "淮安市"},
			want: lines(
				"agency_key,province,city,county,agency,year,new_received,prev_new_received,change,change_rate",
				"江苏省/淮安市/洪泽区/人民政府,江苏省,淮安市,洪泽区,洪泽区人民政府,2021,6,7,-1,-0.1429",
			),
		},
	}
	covered := map[string]bool{}
	for _, tt := range tests {
		covered[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			got := runQuery(t, db, tt.name, queries.FormatCSV, tt.params)
			if got != tt.want {
				t.Errorf("%s %v:\ngot:\n%s\nwant:\n%s", tt.name, tt.params, got, tt.want)
			}
		})
	}
	for _, q := range queries.List() {
		if !covered[q.Name] {
			t.Errorf("query %s has no expected result in this test", q.Name)
		}
	}
}

// TestHeaderColumnsMatchResult checks that every query's header documents
// exactly the columns it returns, in order.
func TestHeaderColumnsMatchResult(t *testing.T) {
	db := fixtureDB(t)
	for _, q := range queries.List() {
		t.Run(q.Name, func(t *testing.T) {
			text, args, err := q.Bind(nil)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := db.Query(text, args...)
			if err != nil {
				t.Fatal(err)
			}
			defer rows.Close()
			got, err := rows.Columns()
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, c := range q.Columns {
				want = append(want, c.Name)
			}
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("result columns %v, header documents %v", got, want)
			}
		})
	}
}

// TestEveryParamFilters runs every query with every parameter set, to
// catch a parameter whose type DuckDB rejects at bind time.
func TestEveryParamFilters(t *testing.T) {
	db := fixtureDB(t)
	sample := map[string]string{"year": "2021", "province": "江苏省", "city": "淮安市", "agency": "洪泽", "limit": "5"}
	for _, q := range queries.List() {
		params := map[string]string{}
		for _, p := range q.Params {
			v, ok := sample[p.Name]
			if !ok {
				t.Fatalf("%s: no sample value for parameter %s", q.Name, p.Name)
			}
			params[p.Name] = v
		}
		out := runQuery(t, db, q.Name, queries.FormatCSV, params)
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		yearCol := slices.Index(recs[0], "year")
		if yearCol < 0 {
			continue
		}
		for i, rec := range recs[1:] {
			if rec[yearCol] != "2021" {
				t.Errorf("%s row %d not filtered to 2021: %v", q.Name, i+1, rec)
			}
		}
	}
}

// TestReadOnly checks that the database the queries run on cannot be
// changed through them.
func TestReadOnly(t *testing.T) {
	db := fixtureDB(t)
	if _, err := db.Exec("DELETE FROM reports"); err == nil {
		t.Fatal("DELETE on the read-only database succeeded")
	}
	var n int
	if err := db.QueryRow("SELECT count(*) FROM reports").Scan(&n); err != nil || n != 7 {
		t.Fatalf("reports after DELETE: %d, %v; want 7", n, err)
	}
}

func TestOpenMissing(t *testing.T) {
	dir := t.TempDir()
	_, err := queries.Open(dir)
	if err == nil || !strings.Contains(err.Error(), "run `govreport run` first") {
		t.Fatalf("Open(empty dir) = %v", err)
	}
}
