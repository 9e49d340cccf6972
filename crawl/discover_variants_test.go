package crawl

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTRSVariants checks createPageHTML as TRS sites write it.
func TestTRSVariants(t *testing.T) {
	const dir = "https://www.a.gov.cn/zwgk/ndbg/"
	for _, tc := range []struct {
		name, page, script string
		want               []string
	}{
		{"plain htm", "index.htm", `createPageHTML(3, 0, "index", "htm");`, []string{"index.htm", "index_1.htm", "index_2.htm"}},
		{"whitespace", "index.html", "createPageHTML (  3 ,\n\t0 ,  \"index\" ,\"html\"  ) ;", []string{"index.html", "index_1.html", "index_2.html"}},
		{"single quotes", "index.shtml", `createPageHTML(2,0,'index','shtml');`, []string{"index.shtml", "index_1.shtml"}},
		{"variables", "index.shtml", `var countPage = 3; var currentPage = 0; createPageHTML(countPage, currentPage, "index", "shtml");`,
			[]string{"index.shtml", "index_1.shtml", "index_2.shtml"}},
		{"variables quoted", "index.shtml", `var countPage = "2"//共多少页
var currentPage = "0"; createPageHTML(countPage, currentPage, "index", "shtml");`, []string{"index.shtml", "index_1.shtml"}},
		{"default.htm on a later page", "default_1.htm", `createPageHTML(3, 1, "default", "htm");`, []string{"default.htm", "default_1.htm", "default_2.htm"}},
		{"element id and count", "index.html", `createPageHTML('page_div', 2, 0, 'index', 'html', 30);`, []string{"index.html", "index_1.html"}},
		{"one page", "index.html", `createPageHTML(1, 0, "index", "html");`, []string{"index.html"}},
		{"function definition only", "index.html", `function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){ if(_nPageCount == null || _nPageCount<=1){ return; } }`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{URL: mustURL(dir + tc.page), Text: "<html><body><script>" + tc.script + "</script></body></html>", Kind: KindList}
			var got []string
			for _, l := range trsLinks(p) {
				got = append(got, l.URL)
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, dir+w)
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v\nwant %v", got, want)
			}
		})
	}
}

// TestTRSCrawl crawls a TRS column whose pages are index.shtml,
// index_1.shtml, index_2.shtml, written by createPageHTML with variables.
func TestTRSCrawl(t *testing.T) {
	site := newTestSite(t)
	script := `<script>var countPage = 3//共多少页
var currentPage = 0; createPageHTML( countPage , currentPage , 'index' , 'shtml' );</script>`
	for i, name := range []string{"index.shtml", "index_1.shtml", "index_2.shtml"} {
		year := 2023 - i
		body := listHTML(fmt.Sprintf("./%d01/t%d.shtml", year, year), fmt.Sprintf("乙县%d年政府信息公开工作年度报告", year),
			fmt.Sprintf("./%d01/n%d.shtml", year, year), fmt.Sprintf("关于做好%d年政府信息公开工作年度报告编制工作的通知", year))
		site.html("/xxgk/ndbg/"+name, strings.Replace(body, "</body>", script+"</body>", 1))
		site.html(fmt.Sprintf("/xxgk/ndbg/%d01/t%d.shtml", year, year), reportHTML(fmt.Sprintf("乙县%d年政府信息公开工作年度报告", year)))
	}
	dir := t.TempDir()
	sum, err := runCrawl(t, context.Background(), testConfig(site.url("/xxgk/ndbg/index.shtml")), dir)
	if err != nil {
		t.Fatal(err)
	}
	got := docs(t, dir)
	for year := 2021; year <= 2023; year++ {
		if r := got[site.url(fmt.Sprintf("/xxgk/ndbg/%d01/t%d.shtml", year, year))]; r.Kind != KindReport || !r.stored() {
			t.Errorf("report of %d: %+v", year, r)
		}
		if n := site.Hits(fmt.Sprintf("/xxgk/ndbg/%d01/n%d.shtml", year, year)); n != 0 {
			t.Errorf("notice of %d requested", year)
		}
	}
	if sum.NewReports != 3 {
		t.Errorf("summary %s", sum)
	}
}

// TestJpaasDiscoverVariants checks how a jpaas column page names its
// proxy and parameters.
func TestJpaasDiscoverVariants(t *testing.T) {
	const col = "https://www.c.gov.cn/col/col1234/index.html"
	for _, tc := range []struct {
		name, text string
		want       []string
	}{
		{"Zhejiang proxy path, perpage default 15", `<script>$('#x').jpage({proxyUrl:'/module/jpage/dataproxy.jsp', totalRecord: 50, params:{webid:'3096',unitid:'5504308'}});</script>`,
			[]string{"https://www.c.gov.cn/module/jpage/dataproxy.jsp?columnid=1234&endrecord=45&perpage=15&startrecord=1&unitid=5504308&webid=3096",
				"https://www.c.gov.cn/module/jpage/dataproxy.jsp?columnid=1234&endrecord=90&perpage=15&startrecord=46&unitid=5504308&webid=3096"}},
		{"relative nextgroup link keeps the usual proxy", `<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="./dataproxy.jsp?page=2&webid=5&columnid=1234&unitid=6"></a>]]></nextgroup></datastore></script>`,
			[]string{"https://www.c.gov.cn/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=45&perpage=15&startrecord=1&unitid=6&webid=5"}},
		{"perpage 20 and groupSize 2", `<script>var p = {"columnid":"1234","unitid":"9","webid":"1","perPage":"20"}; jpage({groupSize: 2, totalRecord: 41});</script>`,
			[]string{"https://www.c.gov.cn/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=40&perpage=20&startrecord=1&unitid=9&webid=1",
				"https://www.c.gov.cn/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=80&perpage=20&startrecord=41&unitid=9&webid=1"}},
		{"no unitid: nothing asked", `<script>jpage({webid: 1, totalRecord: 41});</script><p>unitid</p>`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, l := range jpaasLinks(&page{URL: mustURL(col), Text: tc.text, Kind: KindList}) {
				got = append(got, l.URL)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestJpaasInlineOnly checks that records held inline in a datastore are
// read on a page that names no proxy and has no /col/ path.
func TestJpaasInlineOnly(t *testing.T) {
	nav := strings.Repeat(`<li><a href="/">首页</a></li>`, 30) // the datastore lies beyond the first 512 bytes
	text := `<html><body><ul>` + nav + `</ul><h2>年度报告</h2><div class="list"><script type="text/xml"><datastore><recordset>
<record><![CDATA[<li><a href="/art/2024/3/1/art_9_1.html" title="戊县2023年政府信息公开工作年度报告">戊县2023年政府信息公开工作年度报告</a></li>]]></record>
<record><![CDATA[<li><a href="/art/2024/3/1/art_9_2.html">关于报送政府信息公开工作年度报告的通知</a></li>]]></record>
</recordset></datastore></script></div></body></html>`
	got := linkSet(discover(&page{URL: mustURL("https://www.d.gov.cn/zwgk/ndbg.html"), Text: text, Kind: KindList}, "auto"))
	want := []string{"report https://www.d.gov.cn/art/2024/3/1/art_9_1.html"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
