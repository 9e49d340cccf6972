package demoportal

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/temoto/robotstxt"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// get fetches path from the handler with optional headers.
func get(t *testing.T, path string, hdr ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, resp *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustOK(t *testing.T, path string) []byte {
	t.Helper()
	resp := get(t, path)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, resp.StatusCode)
	}
	return body(t, resp)
}

func TestRobots(t *testing.T) {
	resp := get(t, "/robots.txt")
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("robots.txt Content-Type %q", ct)
	}
	robots, err := robotstxt.FromBytes(body(t, resp))
	if err != nil {
		t.Fatal(err)
	}
	g := robots.FindGroup("govreport")
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/private/ndbg/t20240110_999.html", false},
		{"/private/", false},
		{"/trs/xxgk/ndbg/index.html", true},
		{"/gkmlpt/api/all/2801?page=1&sid=200062", true},
		{"/module/web/jpage/dataproxy.jsp", true},
	} {
		if got := g.Test(tc.path); got != tc.want {
			t.Errorf("robots allows %s = %v, want %v", tc.path, got, tc.want)
		}
	}
	if g.CrawlDelay != 200*time.Millisecond {
		t.Errorf("Crawl-delay = %v, want 200ms", g.CrawlDelay)
	}
}

var createPage = regexp.MustCompile(`createPageHTML\((\d+), (\d+), "index", "html"\)`)

func TestTRSColumn(t *testing.T) {
	listed := 0
	for i, name := range []string{"index.html", "index_1.html", "index_2.html"} {
		b := string(mustOK(t, "/trs/xxgk/ndbg/"+name))
		m := createPage.FindStringSubmatch(b)
		if m == nil || m[1] != "3" || m[2] != string(rune('0'+i)) {
			t.Errorf("%s: pager call %v, want createPageHTML(3, %d, ...)", name, m, i)
		}
		if strings.Contains(b, "下一页") || strings.Contains(b, "index_1.html\"") {
			t.Errorf("%s: has a plain next link; TRS pages paginate by script only", name)
		}
		for _, href := range regexp.MustCompile(`<li><a href="([^"]+)" title="[^"]+"`).FindAllStringSubmatch(b, -1) {
			listed++
			u, _ := url.Parse("/trs/xxgk/ndbg/" + name)
			target := u.ResolveReference(mustURL(t, href[1]))
			if target.Host != "" || strings.HasPrefix(target.Path, DisallowedPrefix) {
				continue // the off-portal link and the disallowed draft
			}
			mustOK(t, target.Path)
		}
	}
	if listed != 11 {
		t.Errorf("TRS column lists %d items, want 11", listed)
	}
	if resp := get(t, "/trs/xxgk/ndbg/index_3.html"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("index_3.html: status %d, want 404", resp.StatusCode)
	}
	if !bytes.Equal(mustOK(t, "/trs/xxgk/ndbg/"), mustOK(t, "/trs/xxgk/ndbg/index.html")) {
		t.Error("the column directory does not serve index.html")
	}
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func gbkDecode(t *testing.T, b []byte) string {
	t.Helper()
	s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(s)
}

func TestGBKColumn(t *testing.T) {
	for _, tc := range []struct {
		path     string
		meta     bool
		next     string
		wantItem string
	}{
		{"/gbk/zwgk/ndbg/list.asp", true, "list.asp?page=2", "洛阳市财政局2024年政府信息公开工作年度报告"},
		{"/gbk/zwgk/ndbg/list.asp?page=2", false, "list.asp?page=3", "洛阳市财政局2020年政府信息公开工作年度报告"},
		{"/gbk/zwgk/ndbg/list.asp?page=3", false, "", "洛阳市财政局2015年政府信息公开工作年度报告"},
	} {
		resp := get(t, tc.path)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", tc.path, resp.StatusCode)
		}
		if ct := resp.Header.Get("Content-Type"); ct != "text/html" {
			t.Errorf("%s: Content-Type %q, want text/html without charset", tc.path, ct)
		}
		raw := body(t, resp)
		if utf8.Valid(raw) {
			t.Errorf("%s: body is valid UTF-8; want GBK bytes", tc.path)
		}
		s := gbkDecode(t, raw)
		if got := strings.Contains(s, "charset=gb2312"); got != tc.meta {
			t.Errorf("%s: meta charset present = %v, want %v", tc.path, got, tc.meta)
		}
		if !strings.Contains(s, tc.wantItem) {
			t.Errorf("%s: missing %s", tc.path, tc.wantItem)
		}
		if tc.next != "" && !strings.Contains(s, `<a href="`+tc.next+`">下一页</a>`) {
			t.Errorf("%s: no 下一页 anchor to %s", tc.path, tc.next)
		}
	}
	for _, bad := range []string{"/gbk/zwgk/ndbg/list.asp?page=4", "/gbk/zwgk/ndbg/list.asp?page=0", "/gbk/zwgk/ndbg/list.asp?page=x"} {
		if resp := get(t, bad); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", bad, resp.StatusCode)
		}
	}
	// At least one report page declares no charset at all.
	noMeta := 0
	reports, err := ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reports {
		if r.Family != "gbk" {
			continue
		}
		s := gbkDecode(t, mustOK(t, r.Path))
		if !strings.Contains(strings.ToLower(s), "charset") {
			noMeta++
		}
	}
	if noMeta == 0 {
		t.Error("every GBK report page declares its charset; want at least one without")
	}
}

// datastore is the dataproxy.jsp answer.
type datastore struct {
	Total   int      `xml:"totalrecord"`
	Records []string `xml:"recordset>record"`
}

func TestJpaasColumn(t *testing.T) {
	page := string(mustOK(t, "/col/col1234/index.html"))
	for _, want := range []string{`<div id="7845">`, "unitid: '7845'", "webid: 21", "columnid: 1234", "/module/web/jpage/dataproxy.jsp"} {
		if !strings.Contains(page, want) {
			t.Errorf("column page lacks %q", want)
		}
	}
	proxy := func(q string) datastore {
		t.Helper()
		resp := get(t, "/module/web/jpage/dataproxy.jsp?"+q)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("dataproxy %s: status %d", q, resp.StatusCode)
		}
		var d datastore
		if err := xml.Unmarshal(body(t, resp), &d); err != nil {
			t.Fatalf("dataproxy %s: %v", q, err)
		}
		return d
	}
	ids := "&columnid=1234&unitid=7845&webid=21"
	for _, tc := range []struct {
		q          string
		n          int
		firstTitle string
	}{
		{"startrecord=1&endrecord=3&perpage=3" + ids, 3, "湖州市吴兴区人民政府2025年政府信息公开工作年度报告"},
		{"startrecord=4&endrecord=6&perpage=3" + ids, 3, "湖州市吴兴区人民政府2023年政府信息公开工作年度报告"},
		{"startrecord=7&endrecord=9&perpage=3" + ids, 3, ""},
		{"startrecord=8&endrecord=12&perpage=5" + ids, 2, ""},
		{"startrecord=1&endrecord=45&perpage=15" + ids, 9, ""},
		{"startrecord=20&endrecord=30&perpage=10" + ids, 0, ""},
		{"page=2&perpage=4" + ids, 4, ""},
		{"startrecord=1&endrecord=3&perpage=3&columnid=1234&unitid=1&webid=21", 0, ""},
	} {
		d := proxy(tc.q)
		if len(d.Records) != tc.n {
			t.Errorf("%s: %d records, want %d", tc.q, len(d.Records), tc.n)
		}
		if tc.firstTitle != "" && (len(d.Records) == 0 || !strings.Contains(d.Records[0], `title="`+tc.firstTitle+`"`)) {
			t.Errorf("%s: first record %q, want %s", tc.q, d.Records, tc.firstTitle)
		}
		if strings.Contains(tc.q, "unitid=7845") && d.Total != 9 {
			t.Errorf("%s: totalrecord %d, want 9", tc.q, d.Total)
		}
	}
	// Real pages POST the ids as a form.
	form := url.Values{"columnid": {"1234"}, "unitid": {"7845"}, "webid": {"21"}, "col": {"1"}, "path": {"/"}}
	req := httptest.NewRequest(http.MethodPost, "/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=9&perpage=9", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, req)
	var d datastore
	if err := xml.Unmarshal(rec.Body.Bytes(), &d); err != nil || len(d.Records) != 9 {
		t.Errorf("POST dataproxy: %d records (%v), want 9", len(d.Records), err)
	}
	for _, r := range d.Records {
		m := regexp.MustCompile(`href="(/art/[^"]+)"`).FindStringSubmatch(r)
		if m == nil {
			t.Errorf("record without /art/ link: %s", r)
			continue
		}
		mustOK(t, m[1])
	}
}

// apiPage is the gkmlpt list API answer.
type apiPage struct {
	Classify struct {
		ID        int `json:"id"`
		PostCount int `json:"post_count"`
	} `json:"classify"`
	Articles []struct {
		Title string `json:"title"`
		URL   string `json:"url"`
	} `json:"articles"`
}

var configSID = regexp.MustCompile(`SID: '(\d+)'`)

func TestGkmlptColumn(t *testing.T) {
	index := string(mustOK(t, "/gkmlpt/index"))
	m := configSID.FindStringSubmatch(index)
	if m == nil || m[1] != "200062" {
		t.Fatalf("index: SID %v", m)
	}
	tree := regexp.MustCompile(`TREE: (\[.*\]),\n`).FindStringSubmatch(index)
	if tree == nil {
		t.Fatal("index: no TREE")
	}
	var nodes []struct {
		ID       int    `json:"id"`
		Name     string `json:"name"`
		JumpURL  string `json:"jump_url"`
		Children []struct {
			ID        int `json:"id"`
			PostCount int `json:"post_count"`
		} `json:"children"`
	}
	if err := json.Unmarshal([]byte(tree[1]), &nodes); err != nil {
		t.Fatalf("TREE: %v", err)
	}
	if len(nodes) != 2 || len(nodes[0].Children) != 2 || nodes[1].JumpURL == "" {
		t.Fatalf("TREE shape: %+v", nodes)
	}
	api := func(host, path string) (int, apiPage) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Host = host
		rec := httptest.NewRecorder()
		Handler().ServeHTTP(rec, req)
		var p apiPage
		if rec.Code == http.StatusOK {
			if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		return rec.Code, p
	}
	var urls []string
	for _, tc := range []struct {
		path  string
		n     int
		total int
	}{
		{"/gkmlpt/api/all/2801?page=1&sid=200062", 5, 8},
		{"/gkmlpt/api/all/2801?page=2&sid=200062", 3, 8},
		{"/gkmlpt/api/all/2801?page=3&sid=200062", 0, 8},
		{"/gkmlpt/api/all/2802?page=1&sid=200062", 1, 1},
		{"/gkmlpt/api/all/0?page=2&sid=200062", 4, 9},
	} {
		code, p := api("portal.example:8080", tc.path)
		if code != http.StatusOK || len(p.Articles) != tc.n || p.Classify.PostCount != tc.total {
			t.Errorf("%s: status %d, %d articles of %d; want %d of %d", tc.path, code, len(p.Articles), p.Classify.PostCount, tc.n, tc.total)
		}
		for _, a := range p.Articles {
			if !strings.HasPrefix(a.URL, "http://portal.example:8080/gkmlpt/content/") {
				t.Errorf("%s: article URL %s not absolute on the request's host", tc.path, a.URL)
			}
			if strings.HasPrefix(tc.path, "/gkmlpt/api/all/280") {
				urls = append(urls, a.URL)
			}
		}
	}
	if len(urls) != 9 {
		t.Errorf("categories list %d articles, want 9", len(urls))
	}
	for _, bad := range []struct {
		path string
		code int
	}{
		{"/gkmlpt/api/all/2801?page=1", http.StatusBadRequest},
		{"/gkmlpt/api/all/2801?page=1&sid=1", http.StatusBadRequest},
		{"/gkmlpt/api/all/9999?page=1&sid=200062", http.StatusNotFound},
		{"/gkmlpt/api/all/abc?sid=200062", http.StatusNotFound},
	} {
		if code, _ := api("x", bad.path); code != bad.code {
			t.Errorf("%s: status %d, want %d", bad.path, code, bad.code)
		}
	}
	for _, u := range urls {
		page := string(mustOK(t, mustURL(t, u).Path))
		content, err := gkmlptDetailContent(page)
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		if !strings.Contains(content, "<p") {
			t.Errorf("%s: DETAIL.content has no HTML", u)
		}
		if strings.Contains(page[strings.Index(page, "DETAIL"):], "</p>") {
			t.Errorf("%s: raw </p> inside the script; want it escaped", u)
		}
	}
}

// gkmlptDetailContent decodes window._CONFIG.DETAIL.content from a gkmlpt
// content page, as a JavaScript engine would read the object literal.
func gkmlptDetailContent(page string) (string, error) {
	i := strings.Index(page, "DETAIL: ")
	if i < 0 {
		return "", io.ErrUnexpectedEOF
	}
	dec := json.NewDecoder(strings.NewReader(page[i+len("DETAIL: "):]))
	var d struct {
		Content string `json:"content"`
	}
	if err := dec.Decode(&d); err != nil {
		return "", err
	}
	return d.Content, nil
}

func TestConditionalGet(t *testing.T) {
	for _, path := range []string{
		"/trs/xxgk/ndbg/index.html",
		"/gbk/zwgk/ndbg/list.asp?page=2",
		"/gkmlpt/api/all/2801?page=1&sid=200062",
		"/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=3&perpage=3&columnid=1234&unitid=7845&webid=21",
		"/robots.txt",
	} {
		first := get(t, path)
		tag, lm := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
		if first.StatusCode != http.StatusOK || tag == "" || lm == "" {
			t.Fatalf("%s: status %d, ETag %q, Last-Modified %q", path, first.StatusCode, tag, lm)
		}
		if again := get(t, path); again.Header.Get("ETag") != tag {
			t.Errorf("%s: ETag changes between requests", path)
		}
		for _, tc := range []struct {
			name string
			hdr  []string
			want int
		}{
			{"same etag", []string{"If-None-Match", tag}, http.StatusNotModified},
			{"weak etag in a list", []string{"If-None-Match", `"zzz", W/` + tag}, http.StatusNotModified},
			{"other etag", []string{"If-None-Match", `"zzz"`}, http.StatusOK},
			{"same date", []string{"If-Modified-Since", lm}, http.StatusNotModified},
			{"later date", []string{"If-Modified-Since", "Mon, 01 Jun 2026 00:00:00 GMT"}, http.StatusNotModified},
			{"earlier date", []string{"If-Modified-Since", "Mon, 01 Jun 2020 00:00:00 GMT"}, http.StatusOK},
			{"etag wins over date", []string{"If-None-Match", `"zzz"`, "If-Modified-Since", lm}, http.StatusOK},
		} {
			resp := get(t, path, tc.hdr...)
			if resp.StatusCode != tc.want {
				t.Errorf("%s, %s: status %d, want %d", path, tc.name, resp.StatusCode, tc.want)
			}
			if resp.StatusCode == http.StatusNotModified && len(body(t, resp)) != 0 {
				t.Errorf("%s, %s: 304 with a body", path, tc.name)
			}
		}
	}
}

func TestMethodsAndMissing(t *testing.T) {
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{http.MethodPost, "/trs/xxgk/ndbg/index.html", http.StatusMethodNotAllowed},
		{http.MethodDelete, "/module/web/jpage/dataproxy.jsp", http.StatusMethodNotAllowed},
		{http.MethodHead, "/trs/xxgk/ndbg/index.html", http.StatusOK},
		{http.MethodGet, "/no/such/page.html", http.StatusNotFound},
		{http.MethodGet, "/gkmlpt/gkml/pc/js/app.js", http.StatusNotFound},
		{http.MethodGet, "/trs/xxgk/ndbg", http.StatusMovedPermanently},
	} {
		rec := httptest.NewRecorder()
		Handler().ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
		if rec.Code != tc.want {
			t.Errorf("%s %s: status %d, want %d", tc.method, tc.path, rec.Code, tc.want)
		}
		if tc.method == http.MethodHead && rec.Body.Len() != 0 {
			t.Errorf("HEAD %s: has a body", tc.path)
		}
	}
}

func TestPDFAttachment(t *testing.T) {
	reports, err := ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	var pdfs int
	for _, r := range reports {
		if r.Format != "pdf" {
			continue
		}
		pdfs++
		resp := get(t, r.Path)
		b := body(t, resp)
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/pdf" || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s: status %d, type %q, %q…", r.Path, resp.StatusCode, resp.Header.Get("Content-Type"), b[:min(8, len(b))])
		}
		// The report page links it as 附件：<title>.pdf, relative to itself.
		name := r.Path[strings.LastIndex(r.Path, "/")+1:]
		dir := r.Path[:strings.LastIndex(r.Path, "/")+1]
		found := false
		for p, pg := range loadedPages(t) {
			if strings.HasPrefix(p, dir) && strings.Contains(string(pg), `href="./`+name+`"`) && strings.Contains(string(pg), "附件：") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no report page links it", r.Path)
		}
	}
	if pdfs == 0 {
		t.Error("no report is published as a PDF")
	}
}

func loadedPages(t *testing.T) map[string][]byte {
	t.Helper()
	h, err := newHandler()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for p, pg := range h.pages {
		out[p] = pg.body
	}
	return out
}

func TestDecoys(t *testing.T) {
	decoys, err := Decoys()
	if err != nil {
		t.Fatal(err)
	}
	reports, err := ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	expected := map[string]bool{}
	for _, r := range reports {
		expected[r.Path] = true
	}
	kinds := map[string]int{}
	for _, d := range decoys {
		if expected[d.Path] {
			t.Errorf("decoy %s has an expected report", d.Path)
		}
		switch {
		case strings.HasPrefix(d.Path, "http"):
			kinds["external"]++
			continue
		case strings.HasPrefix(d.Path, DisallowedPrefix):
			kinds["disallowed"]++
		case strings.Contains(d.Title, "通知"):
			kinds["notice"]++
		case strings.Contains(d.Title, "决算"):
			kinds["budget"]++
		case strings.Contains(d.Title, "法治政府建设年度报告"):
			kinds["other_annual"]++
		case strings.Contains(d.Title, "名单"):
			kinds["staff"]++
		}
		mustOK(t, d.Path) // a crawler that errs must get a page, not a 404
	}
	for _, k := range []string{"external", "disallowed", "notice", "budget", "other_annual", "staff"} {
		if kinds[k] == 0 {
			t.Errorf("no %s decoy", k)
		}
	}
}

func TestStart(t *testing.T) {
	base, stop, err := Start("")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if !strings.HasPrefix(base, "http://127.0.0.1:") {
		t.Errorf("base %s, want a loopback URL", base)
	}
	for _, u := range StartURLs(base) {
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", u, resp.StatusCode)
		}
	}
	if n := len(Sources(base)); n != 4 {
		t.Errorf("%d sources, want 4", n)
	}
	stop()
	stop() // idempotent
	if _, err := http.Get(base + "/robots.txt"); err == nil {
		t.Error("server still answers after stop")
	}
}

func FuzzHandler(f *testing.F) {
	for _, s := range []string{
		"/", "/gbk/zwgk/ndbg/list.asp?page=2", "/gkmlpt/api/all/2801?page=-1&sid=200062",
		"/module/web/jpage/dataproxy.jsp?startrecord=-5&endrecord=99999999999&perpage=0&columnid=1234&unitid=7845&webid=21",
		"/module/web/jpage/dataproxy.jsp?page=99999999&perpage=99999999&columnid=1234&unitid=7845&webid=21",
	} {
		f.Add(s)
	}
	h := Handler()
	f.Fuzz(func(t *testing.T, target string) {
		u, err := url.ParseRequestURI(target)
		if err != nil || !strings.HasPrefix(u.Path, "/") {
			return
		}
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL = u
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK, http.StatusNotFound, http.StatusBadRequest:
		default:
			t.Errorf("%s: status %d", target, rec.Code)
		}
	})
}

func BenchmarkHandler(b *testing.B) {
	h := Handler()
	for _, path := range []string{"/trs/xxgk/ndbg/index.html", "/gkmlpt/api/all/2801?page=1&sid=200062",
		"/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=9&perpage=9&columnid=1234&unitid=7845&webid=21"} {
		b.Run(path[:strings.IndexAny(path[1:], "/")+1], func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			for b.Loop() {
				h.ServeHTTP(httptest.NewRecorder(), req)
			}
		})
	}
}
