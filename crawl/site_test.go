package crawl

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// testSite is the one test portal exercising every behaviour: a TRS
// column, a GBK column, a plain HTML column, a jpaas column and a gkmlpt
// catalogue, report pages with attachments, decoys, robots.txt rules,
// redirects, and validators on every resource so re-crawls get 304s. It
// counts every request by path and status.
type testSite struct {
	t      *testing.T
	srv    *httptest.Server
	mu     sync.Mutex
	res    map[string]resource // by path?query
	hits   map[string]int      // by request URI
	ok     map[string]int      // 200 answers by request URI
	status map[int]int
	total  int
	// onHit, when set, runs for every request before it is answered.
	onHit func(n int)
	// noValidators turns ETag/Last-Modified off.
	noValidators bool
}

type resource struct {
	body     []byte
	ctype    string
	redirect string
	code     int
}

func newTestSite(t *testing.T) *testSite {
	s := &testSite{t: t, res: map[string]resource{}, hits: map[string]int{}, ok: map[string]int{}, status: map[int]int{}}
	s.srv = httptest.NewServer(s)
	t.Cleanup(s.srv.Close)
	return s
}

func (s *testSite) page(path, ctype string, body []byte) {
	s.res[path] = resource{body: body, ctype: ctype}
}

func (s *testSite) html(path, body string) {
	s.page(path, "text/html; charset=utf-8", []byte(body))
}

func (s *testSite) redirect(path, to string, code int) {
	s.res[path] = resource{redirect: to, code: code}
}

// set replaces a resource while the server runs.
func (s *testSite) set(path string, r resource) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.res[path] = r
}

func (s *testSite) url(path string) string { return s.srv.URL + path }

func (s *testSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.URL.RequestURI()
	s.mu.Lock()
	s.total++
	n := s.total
	s.hits[key]++
	hook := s.onHit
	s.mu.Unlock()
	if hook != nil {
		hook(n)
	}
	s.answer(&countingWriter{ResponseWriter: w, site: s, key: key}, r, key)
}

// countingWriter counts the status when the header goes out, before the
// client can see the response.
type countingWriter struct {
	http.ResponseWriter
	site    *testSite
	key     string
	written bool
}

func (w *countingWriter) WriteHeader(code int) {
	if !w.written {
		w.written = true
		w.site.mu.Lock()
		w.site.status[code]++
		if code == http.StatusOK {
			w.site.ok[w.key]++
		}
		w.site.mu.Unlock()
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *countingWriter) Write(b []byte) (int, error) {
	if !w.written {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

// Hits, OK, Status and Total read the counters under the lock.
func (s *testSite) Hits(uri string) int { s.mu.Lock(); defer s.mu.Unlock(); return s.hits[uri] }

// OK returns how many times uri was answered 200.
func (s *testSite) OK(uri string) int { s.mu.Lock(); defer s.mu.Unlock(); return s.ok[uri] }

// Status returns how many answers had the code.
func (s *testSite) Status(code int) int { s.mu.Lock(); defer s.mu.Unlock(); return s.status[code] }

// Total returns the number of requests so far.
func (s *testSite) Total() int { s.mu.Lock(); defer s.mu.Unlock(); return s.total }

// OKs returns a copy of the 200 counts by URI.
func (s *testSite) OKs() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[string]int{}
	for k, v := range s.ok {
		m[k] = v
	}
	return m
}

// HitURIs returns the URIs requested so far.
func (s *testSite) HitURIs() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for k := range s.hits {
		out = append(out, k)
	}
	return out
}

func (s *testSite) answer(w http.ResponseWriter, r *http.Request, key string) int {
	s.mu.Lock()
	res, ok := s.res[key]
	if !ok {
		res, ok = s.res[r.URL.Path]
	}
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return http.StatusNotFound
	}
	if res.redirect != "" {
		http.Redirect(w, r, res.redirect, res.code)
		return res.code
	}
	if res.code != 0 {
		w.WriteHeader(res.code)
		return res.code
	}
	if !s.noValidators {
		sum := sha256.Sum256(res.body)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return http.StatusNotModified
		}
	}
	w.Header().Set("Content-Type", res.ctype)
	w.Write(res.body)
	return http.StatusOK
}

func gbk(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func listHTML(items ...string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>年度报告</title></head><body><ul>")
	for i := 0; i+1 < len(items); i += 2 {
		fmt.Fprintf(&b, "<li><a href=\"%s\" target=\"_blank\">%s</a><span>2024-01-15</span></li>\n", items[i], items[i+1])
	}
	b.WriteString("</ul><a href=\"/\">首页</a> <a href=\"/about.html\">关于我们</a></body></html>")
	return b.String()
}

func reportHTML(title string, attachments ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<html><head><title>%s</title></head><body><h1>%s</h1><table><tr><td>收到申请数</td><td>12</td></tr></table>", title, title)
	for i := 0; i+1 < len(attachments); i += 2 {
		fmt.Fprintf(&b, "<p>附件：<a href=\"%s\">%s</a></p>", attachments[i], attachments[i+1])
	}
	b.WriteString("<a href=\"/zwgk/tzgg/1.html\">关于开展2024年政务公开检查的通知</a></body></html>")
	return b.String()
}

// want lists what a crawl of the test site must keep, by kind.
type wantSite struct {
	reports     []string
	attachments []string
	decoys      []string // never requested
	dropped     []string // requested (truncated title) but never kept
	disallowed  []string // robots.txt: never requested
}

// buildPortal fills the site with the five columns and returns what a
// crawl must find. other is a second server outside allow.
func buildPortal(t *testing.T, s *testSite, other *testSite) wantSite {
	var w wantSite
	s.page("/robots.txt", "text/plain", []byte("User-agent: *\nDisallow: /private/\nAllow: /private/ok/\n"))

	// TRS column: pages written by createPageHTML only.
	s.html("/trs/ndbg/index.html", listHTML(
		"./202401/t20240115_1.html", "甲区2023年政府信息公开工作年度报告",
		"./202312/t20231201_9.html", "关于报送2023年政府信息公开工作年度报告的通知",
		"/private/r2023.html", "甲区卫健局2023年政府信息公开工作年度报告",
		"/private/ok/r2023.html", "甲区教育局2023年政府信息公开工作年度报告",
		other.url("/far/r.html"), "乙区2023年政府信息公开工作年度报告",
		"./moved.html", "甲区司法局2023年政府信息公开工作年度报告",
		"./away.html", "甲区财政局2023年政府信息公开工作年度报告",
	)+`<script>createPageHTML(3, 0, "index", "html");</script>`)
	s.html("/trs/ndbg/index_1.html", listHTML(
		"./202301/t20230110_2.html", "甲区2022年政府信息公开工作年度报告",
		"./202301/t20230111_3.html", "甲区2022年法治政府建设年度报告",
	)+`<script>var countPage = 3;createPageHTML(countPage, 1, "index", "html");</script>`)
	s.html("/trs/ndbg/index_2.html", listHTML(
		"./202201/t20220110_4.html", "甲区2021年政府信息公开工作年…",
		"./202201/t20220110_5.html", "关于2021年度政府信息公开…",
	)+`<script>createPageHTML(3, 2, "index", "html");</script>`)
	s.html("/trs/ndbg/202401/t20240115_1.html", reportHTML("甲区2023年政府信息公开工作年度报告",
		"./P020240115.pdf", "甲区2023年政府信息公开工作年度报告.pdf",
		"/module/download/downfile.jsp?classid=0&filename=2401.docx", "附件2"))
	s.page("/trs/ndbg/202401/P020240115.pdf", "application/pdf", []byte("%PDF-1.4 fake report 2023"))
	s.page("/module/download/downfile.jsp", "application/octet-stream", []byte("PK fake docx"))
	s.html("/trs/ndbg/202312/t20231201_9.html", "decoy notice")
	s.html("/trs/ndbg/202301/t20230110_2.html", reportHTML("甲区2022年政府信息公开工作年度报告"))
	s.html("/trs/ndbg/202301/t20230111_3.html", "decoy 法治")
	s.html("/trs/ndbg/202201/t20220110_4.html", reportHTML("甲区2021年政府信息公开工作年度报告"))
	s.html("/trs/ndbg/202201/t20220110_5.html", reportHTML("关于2021年度政府信息公开工作年度报告编制工作的通知"))
	s.html("/private/r2023.html", reportHTML("甲区卫健局2023年政府信息公开工作年度报告"))
	s.html("/private/ok/r2023.html", reportHTML("甲区教育局2023年政府信息公开工作年度报告"))
	s.redirect("/trs/ndbg/moved.html", "/trs/ndbg/202402/real.html", http.StatusMovedPermanently)
	s.html("/trs/ndbg/202402/real.html", reportHTML("甲区司法局2023年政府信息公开工作年度报告"))
	s.redirect("/trs/ndbg/away.html", other.url("/far/away.html"), http.StatusFound)
	other.html("/far/r.html", reportHTML("乙区2023年政府信息公开工作年度报告"))
	other.html("/far/away.html", reportHTML("甲区财政局2023年政府信息公开工作年度报告"))

	// GBK column: the first page declares gbk in a meta tag, the second
	// declares nothing; titles must be read right to be recognised.
	s.page("/gbk/index.html", "text/html", gbk(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>年报</title></head><body>`+
		`<a href="r2023.html" title="丙县2023年政府信息公开工作年度报告">丙县2023年政府信息公开工作年度报告</a>`+
		`<a href="n1.html">丙县2023年部门决算公开</a>`+
		`<a href="list_2.html">下一页</a></body></html>`))
	s.page("/gbk/list_2.html", "text/html", gbk(t, `<html><body>`+
		`<a href="r2022.html">丙县二〇二二年政府信息公开工作年度报告</a>`+
		`<a href="n2.html">丙县政府信息公开工作人员名单</a></body></html>`))
	s.page("/gbk/r2023.html", "text/html", gbk(t, reportHTML("丙县2023年政府信息公开工作年度报告", "r2023.xls", "统计表")))
	s.page("/gbk/r2023.xls", "application/vnd.ms-excel", []byte("fake xls"))
	s.page("/gbk/r2022.html", "text/html", gbk(t, reportHTML("丙县二〇二二年政府信息公开工作年度报告")))

	// Plain HTML column: ?page=N links and 下一页, and a report published
	// directly as a file.
	s.html("/html/ndbg/list", listHTML("/html/ndbg/list?page=2", "2"))
	s.html("/html/ndbg/list?page=2", listHTML("/html/ndbg/list?page=3", "下一页", "/html/a/2024.html", "丁镇2024年政务公开年度报告"))
	s.html("/html/ndbg/list?page=3", listHTML("/html/files/2020.pdf", "丁镇2020年信息公开年报.pdf", "/html/a/plan.html", "丁镇2024年政务公开工作要点的通知"))
	s.html("/html/a/2024.html", reportHTML("丁镇2024年政务公开年度报告"))
	s.page("/html/files/2020.pdf", "application/pdf", []byte("%PDF-1.4 fake 2020"))
	s.html("/html/a/plan.html", "decoy")

	// jpaas column: unitid and webid in the column page, records from
	// dataproxy.jsp in groups of three.
	s.html("/col/col42/index.html", `<html><body><div id="4567"></div>
<script type="text/javascript">$('#4567').jpage({ baseUrl: '/module/web/jpage/dataproxy.jsp', dataStore: dataStore, perPage: 1, totalRecord: 5, webid: '7', unitid: '4567', columnid: 42 });</script></body></html>`)
	rec := func(href, title string) string {
		return fmt.Sprintf(`<record><![CDATA[<li><a href="%s" title="%s" target="_blank">%s</a><span>2024-02-01</span></li>]]></record>`, href, title, title)
	}
	s.page("/module/web/jpage/dataproxy.jsp?columnid=42&endrecord=3&perpage=1&startrecord=1&unitid=4567&webid=7", "text/xml;charset=utf-8", []byte(
		`<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>5</totalrecord><recordset>`+
			rec("/art/2024/2/1/art_42_1.html", "戊市2023年政府信息公开工作年度报告")+
			rec("/art/2024/2/1/art_42_2.html", "图解：戊市2023年政府信息公开工作年度报告")+
			rec("/art/2023/2/1/art_42_3.html", "戊市2022年政府信息公开工作年度报告")+
			`</recordset></datastore>`))
	s.page("/module/web/jpage/dataproxy.jsp?columnid=42&endrecord=6&perpage=1&startrecord=4&unitid=4567&webid=7", "text/xml;charset=utf-8", []byte(
		`<?xml version="1.0" encoding="UTF-8"?><datastore><totalrecord>5</totalrecord><recordset>`+
			rec("/art/2022/2/1/art_42_4.html", "戊市2021年政府信息公开工作年度报告")+
			rec("/art/2022/2/1/art_42_5.html", "戊市2021年部门预算")+
			`</recordset></datastore>`))
	s.html("/art/2024/2/1/art_42_1.html", reportHTML("戊市2023年政府信息公开工作年度报告", "/module/download/downfile.jsp?filename=a.pdf", "戊市2023年报.pdf"))
	s.html("/art/2023/2/1/art_42_3.html", reportHTML("戊市2022年政府信息公开工作年度报告"))
	s.html("/art/2022/2/1/art_42_4.html", reportHTML("戊市2021年政府信息公开工作年度报告"))

	// gkmlpt catalogue: categories in _CONFIG.TREE, listings as JSON,
	// attachments inside _CONFIG.DETAIL.
	s.html("/gkmlpt/index", `<html><head><script>window._CONFIG = {
    SID: 'gz0001',
    TREE: [{id: 1, name: '政策文件', children: []}, {id: 5, name: '政府信息公开年报', children: [],},],
    DEPT: ''
};</script></head><body><div id="app"></div></body></html>`)
	s.page("/gkmlpt/api/all/5?page=1&sid=gz0001", "application/json", []byte(`{"classify":{"id":5,"name":"政府信息公开年报","post_count":3},"articles":[
{"id":11,"title":"己区2023年政府信息公开工作年度报告","url":"`+s.url("/gkmlpt/content/1/11/post_11.html")+`"},
{"id":12,"title":"关于征集2023年政府信息公开工作年度报告意见的公告","url":"`+s.url("/gkmlpt/content/1/12/post_12.html")+`"}]}`))
	s.page("/gkmlpt/api/all/5?page=2&sid=gz0001", "application/json", []byte(`{"classify":{"id":5,"post_count":3},"articles":[
{"id":13,"title":"己区2022年政府信息公开工作年度报告","url":"/gkmlpt/content/1/13/post_13.html"}]}`))
	s.html("/gkmlpt/content/1/11/post_11.html", `<html><head><title>己区2023年政府信息公开工作年度报告</title><script>window._CONFIG = {SID: 'gz0001', DETAIL: {"id":11,"title":"己区2023年政府信息公开工作年度报告","content":"<p>一、总体情况<\/p><p><a href=\"\/attachment\/0\/11\/r.pdf\">附件\u003a年报全文<\/a><\/p>"}};</script></head><body></body></html>`)
	s.page("/attachment/0/11/r.pdf", "application/pdf", []byte("%PDF fake gk 2023"))
	s.html("/gkmlpt/content/1/13/post_13.html", `<html><head><script>window._CONFIG = {SID: 'gz0001', DETAIL: {id: 13, title: '己区2022年政府信息公开工作年度报告', content: '<p>正文</p>', attachment: [{name: '统计表.xlsx', url: '/attachment/0/13/t.xlsx'}]}};</script></head></html>`)
	s.page("/attachment/0/13/t.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", []byte("PK fake xlsx"))

	w.reports = []string{
		"/trs/ndbg/202401/t20240115_1.html", "/private/ok/r2023.html", "/trs/ndbg/moved.html",
		"/trs/ndbg/202301/t20230110_2.html", "/trs/ndbg/202201/t20220110_4.html",
		"/gbk/r2023.html", "/gbk/r2022.html",
		"/html/a/2024.html", "/html/files/2020.pdf",
		"/art/2024/2/1/art_42_1.html", "/art/2023/2/1/art_42_3.html", "/art/2022/2/1/art_42_4.html",
		"/gkmlpt/content/1/11/post_11.html", "/gkmlpt/content/1/13/post_13.html",
	}
	w.attachments = []string{
		"/trs/ndbg/202401/P020240115.pdf", "/module/download/downfile.jsp?classid=0&filename=2401.docx",
		"/gbk/r2023.xls", "/module/download/downfile.jsp?filename=a.pdf",
		"/attachment/0/11/r.pdf", "/attachment/0/13/t.xlsx",
	}
	w.decoys = []string{
		"/trs/ndbg/202312/t20231201_9.html", "/trs/ndbg/202301/t20230111_3.html",
		"/gbk/n1.html", "/gbk/n2.html", "/html/a/plan.html",
		"/art/2024/2/1/art_42_2.html", "/art/2022/2/1/art_42_5.html",
		"/gkmlpt/content/1/12/post_12.html", "/zwgk/tzgg/1.html", "/about.html", "/",
		"/gkmlpt/api/all/1?page=1&sid=gz0001",
	}
	w.dropped = []string{"/trs/ndbg/202201/t20220110_5.html"}
	w.disallowed = []string{"/private/r2023.html"}
	return w
}

func (s *testSite) starts() []string {
	return []string{s.url("/trs/ndbg/index.html"), s.url("/gbk/index.html"), s.url("/html/ndbg/list"),
		s.url("/col/col42/index.html"), s.url("/gkmlpt/index")}
}

func testConfig(starts ...string) *Config {
	cfg := &Config{Crawl: defaultSettings()}
	cfg.Crawl.RatePerHost = 1000
	cfg.Sources = []Source{{Name: "site", Start: starts, Dialect: "auto"}}
	if err := cfg.Validate(); err != nil {
		panic(err)
	}
	return cfg
}

func runCrawl(t *testing.T, ctx context.Context, cfg *Config, dir string, opts ...Option) (Summary, error) {
	t.Helper()
	opts = append([]Option{WithBackoff(1)}, opts...)
	cr, err := New(cfg, dir, zerolog.Nop(), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return cr.Run(ctx)
}

// docs reads the documents table after a run.
func docs(t *testing.T, dir string) map[string]docRow {
	t.Helper()
	st, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.close()
	out := map[string]docRow{}
	for u, r := range st.rows {
		out[u] = *r
	}
	return out
}

func countRows(t *testing.T, dir string) int {
	db, err := sql.Open("duckdb", dir+"/"+DBFile)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM documents").Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
