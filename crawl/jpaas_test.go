package crawl

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// jpaasPortal is a 大汉 column whose nine records come from dataproxy.jsp.
// The column page holds the first group of three inline, in a
// <script type="text/xml"> datastore. getOK says whether the proxy answers
// a GET; when it does not (405), only a POST with the ids as form fields
// gets records, as on many real sites.
type jpaasPortal struct {
	srv   *httptest.Server
	getOK bool
	// getPage, when set, answers a GET with this 200 HTML page instead of
	// a 405 (a portal's error page).
	getPage string
	page    string // the column page
	mu      sync.Mutex
	calls   map[string]int // "METHOD path" → count
	bad     []string       // proxy requests missing a parameter
}

// jpaasTitles are the nine records; decoys at 3, 5 and 8 (1-based).
var jpaasTitles = []string{
	"甲市2024年政府信息公开工作年度报告", "甲市2023年政府信息公开工作年度报告", "关于报送2023年政府信息公开工作年度报告的通知",
	"甲市2022年政府信息公开工作年度报告", "甲市2022年法治政府建设年度报告", "甲市2021年政府信息公开工作年度报告",
	"甲市2020年政府信息公开工作年度报告", "甲市2021年部门决算", "甲市2019年政府信息公开工作年度报告",
}

func jpaasRecordXML(i int) string {
	return fmt.Sprintf(`<record><![CDATA[<li><a href="/art/2024/1/%d/art_77_%d.html" title="%s" target="_blank">%s</a><span>2024-01-%02d</span></li>]]></record>`,
		i, i, jpaasTitles[i-1], jpaasTitles[i-1], i)
}

func newJpaasPortal(t *testing.T, getOK bool, page string) *jpaasPortal {
	p := &jpaasPortal{getOK: getOK, page: page, calls: map[string]int{}}
	p.srv = httptest.NewServer(p)
	t.Cleanup(p.srv.Close)
	return p
}

func (p *jpaasPortal) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	p.calls[r.Method+" "+r.URL.Path]++
	p.mu.Unlock()
	switch {
	case r.URL.Path == "/col/col77/index.html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, p.page)
	case strings.HasSuffix(r.URL.Path, "dataproxy.jsp"):
		if r.Method != http.MethodPost && !p.getOK {
			if p.getPage != "" {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, p.getPage)
				return
			}
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		for k, want := range map[string]string{"columnid": "77", "unitid": "7845", "webid": "21"} {
			if r.Form.Get(k) != want {
				p.mu.Lock()
				p.bad = append(p.bad, r.Method+" "+r.URL.String()+" "+k)
				p.mu.Unlock()
				w.Header().Set("Content-Type", "text/xml")
				fmt.Fprint(w, "<datastore><totalrecord>0</totalrecord></datastore>")
				return
			}
		}
		start, _ := strconv.Atoi(r.Form.Get("startrecord"))
		end, _ := strconv.Atoi(r.Form.Get("endrecord"))
		w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
		fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><datastore><totalrecord>%d</totalrecord><totalpage>9</totalpage><recordset>", len(jpaasTitles))
		for i := max(start, 1); i <= end && i <= len(jpaasTitles); i++ {
			fmt.Fprint(w, jpaasRecordXML(i))
		}
		fmt.Fprint(w, "</recordset></datastore>")
	case strings.HasPrefix(r.URL.Path, "/art/"):
		var i int
		fmt.Sscanf(r.URL.Path[strings.LastIndex(r.URL.Path, "_")+1:], "%d.html", &i)
		if i < 1 || i > len(jpaasTitles) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, reportHTML(jpaasTitles[i-1]))
	default:
		http.NotFound(w, r)
	}
}

func (p *jpaasPortal) count(key string) int { p.mu.Lock(); defer p.mu.Unlock(); return p.calls[key] }

// Column pages in the shapes real jpaas sites use.
const (
	// The first group inline with its <nextgroup> link and total; the
	// jpage call gives perPage 1 (so a group is 3 records).
	jpaasInlinePage = `<html><head><title>年度报告</title></head><body><div id="4567"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=21&path=/&columnid=77&unitid=7845&webname=%E7%94%B2%E5%B8%82&permissiontype=0"></a>]]></nextgroup>
<totalrecord>9</totalrecord><recordset>%RECORDS%</recordset></datastore></script></div>
<script>$(document).ready(function(){ $('#4567').jpage({ dataStore: dataStore, perPage: 1, totalRecord: 9, groupSize: 3, proxyUrl: '/module/web/jpage/dataproxy.jsp' }); });</script></body></html>`
	// The ids as a JS object literal and no inline records.
	jpaasLiteralPage = `<html><body><div id="div4567"></div>
<script>var jpageParams = {columnid:'77',unitid:'7845',webid:'21',col:1,appid:1,perpage:1};
$('#div4567').jpage({ proxyUrl: "/module/web/jpage/dataproxy.jsp", params: jpageParams, perPage: 1 });</script></body></html>`
	// The ids as attributes of the listing element.
	jpaasAttrPage = `<html><body><div id="list" class="jpage" unitid="7845" webid=21 perpage="1"></div>
<script src="/module/jslib/jquery/jpage/dataproxy.js"></script></body></html>`
)

func TestJpaasVariants(t *testing.T) {
	var inline strings.Builder
	for i := 1; i <= 3; i++ {
		inline.WriteString(jpaasRecordXML(i))
	}
	inlinePage := strings.Replace(jpaasInlinePage, "%RECORDS%", inline.String(), 1)
	for _, tc := range []struct {
		name        string
		page        string
		getOK       bool
		getPage     string
		wantGets    int // GETs of dataproxy.jsp
		wantPosts   int
		wantProxies int // listing rows
	}{
		// Inline first group: groups 4-6 and 7-9 only. The first GET
		// fails, the POST works and is used directly afterwards.
		{"inline datastore, POST only", inlinePage, false, "", 1, 2, 2},
		{"inline datastore, GET", inlinePage, true, "", 2, 0, 2},
		// A 200 error page to the GET: no records, so the POST.
		{"GET answers an error page", inlinePage, false, "<html><body>非法请求</body></html>", 1, 2, 2},
		// No inline records: the first group is asked for, its total
		// leads to the others.
		{"JS literal, POST only", jpaasLiteralPage, false, "", 1, 3, 3},
		{"attributes, GET", jpaasAttrPage, true, "", 3, 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newJpaasPortal(t, tc.getOK, tc.page)
			p.getPage = tc.getPage
			dir := t.TempDir()
			sum, err := runCrawl(t, context.Background(), testConfig(p.srv.URL+"/col/col77/index.html"), dir)
			if err != nil {
				t.Fatal(err)
			}
			got := docs(t, dir)
			reports, proxies := 0, 0
			for u, r := range got {
				if strings.Contains(u, "dataproxy.jsp") {
					proxies++
					if r.Error != "" || r.Status != 200 {
						t.Errorf("listing %s: status %d error %q", u, r.Status, r.Error)
					}
				}
				if r.Kind == KindReport && r.stored() {
					reports++
				}
			}
			for i, title := range jpaasTitles {
				u := fmt.Sprintf("%s/art/2024/1/%d/art_77_%d.html", p.srv.URL, i+1, i+1)
				r, ok := got[u]
				if IsReportTitle(title) != (ok && r.stored()) {
					t.Errorf("%s (%s): kept %v", u, title, ok && r.stored())
				}
			}
			if reports != 6 {
				t.Errorf("%d reports stored, want 6; %s", reports, sum)
			}
			if proxies != tc.wantProxies {
				t.Errorf("%d listing rows, want %d", proxies, tc.wantProxies)
			}
			gets, posts := p.count("GET /module/web/jpage/dataproxy.jsp"), p.count("POST /module/web/jpage/dataproxy.jsp")
			if gets != tc.wantGets || posts != tc.wantPosts {
				t.Errorf("dataproxy: %d GET, %d POST; want %d, %d", gets, posts, tc.wantGets, tc.wantPosts)
			}
			if len(p.bad) > 0 {
				t.Errorf("requests missing an id: %v", p.bad)
			}
		})
	}
}

func TestJpaasPostForm(t *testing.T) {
	u := mustURL("https://a.gov.cn/module/web/jpage/dataproxy.jsp?startrecord=4&endrecord=6&perpage=1&columnid=77&unitid=7845&webid=21&appid=1&path=%2F")
	pu, form := jpaasPostForm(u)
	if want := "https://a.gov.cn/module/web/jpage/dataproxy.jsp?endrecord=6&perpage=1&startrecord=4"; pu.String() != want {
		t.Errorf("POST URL %s, want %s", pu, want)
	}
	if want := "appid=1&columnid=77&path=%2F&unitid=7845&webid=21"; form.Encode() != want {
		t.Errorf("form %s, want %s", form.Encode(), want)
	}
}
