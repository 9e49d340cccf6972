package crawl

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestHTMLPaginationVariants checks the pagination anchors and scripts of
// plain HTML list pages.
func TestHTMLPaginationVariants(t *testing.T) {
	const base = "https://www.a.gov.cn/xxgk/ndbg/"
	for _, tc := range []struct {
		name, body string
		want       []string // list URLs found (relative to base when not absolute)
	}{
		{"next with arrow", `<a href="index_2.html">下一页&gt;</a>`, []string{"index_2.html"}},
		{"bracketed last", `<a href="index_9.html">[尾页]</a>`, []string{"index_9.html"}},
		{"next in English", `<a href="index_2.html">Next »</a>`, []string{"index_2.html"}},
		{"single chevron", `<a href="index_2.html">›</a>`, []string{"index_2.html"}},
		{"double chevron", `<a href="index_2.html">&gt;&gt;</a>`, []string{"index_2.html"}},
		{"list_N sibling by number", `<a href="list_2.html">2</a>`, []string{"list_2.html"}},
		{"query page number", `<a href="?page=3">3</a>`, []string{"index.html?page=3"}},
		{"onclick location.href", `<a href="javascript:void(0)" onclick="location.href='index_4.html'">下一页</a>`, []string{"index_4.html"}},
		{"javascript: href", `<a href="javascript:location.href='index_5.html';">尾页</a>`, []string{"index_5.html"}},
		{"span onclick window.location", `<span onclick="window.location = '/xxgk/ndbg/index_6.html'">下页</span>`, []string{"index_6.html"}},
		{"button location.assign", `<button onclick="location.assign('index_7.html')">下一页</button>`, []string{"index_7.html"}},
		{"page jump list", `<select onchange="window.location.href=this.value"><option value="index.html">1</option><option value="index_2.html">2</option><option value="/search.html">x</option></select>`,
			[]string{"index_2.html"}},
		{"select without navigation", `<select onchange="filter(this.value)"><option value="index_2.html">2</option></select>`, nil},
		{"script link to another host", `<button onclick="window.open('https://other.example.com/index_2.html')">下一页</button>`, nil},
		{"unrelated script", `<a href="javascript:void(0)" onclick="location.href='/search/index.html'">搜索</a>`, nil},
		{"notice", `<a href="/zwgk/tzgg/1.html">关于开展政务公开检查的通知</a>`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &page{URL: mustURL(base + "index.html"), Text: "<html><body>" + tc.body + "</body></html>", Kind: KindList}
			var got []string
			for _, l := range discover(p, "html") {
				if l.Kind == KindList {
					got = append(got, l.URL)
				}
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, base+w)
			}
			if !slices.Equal(got, want) {
				t.Errorf("got %v, want %v", got, want)
			}
		})
	}
}

// TestHTMLPaginationCrawl follows a column over four pages linked in four
// styles (下一页», a script handler, list_N, ?page=N), and stops at
// max_list_pages.
func TestHTMLPaginationCrawl(t *testing.T) {
	pages := []struct{ path, next string }{
		{"/xxgk/ndbg/index.html", `<a href="index_2.html">下一页»</a>`},
		{"/xxgk/ndbg/index_2.html", `<span onclick="location.href='list_3.html'">下页</span>`},
		{"/xxgk/ndbg/list_3.html", `<a href="index.html?page=4">&gt;&gt;</a>`},
		{"/xxgk/ndbg/index.html?page=4", ``},
	}
	for _, tc := range []struct {
		maxPages, wantReports int
	}{{10, 4}, {3, 3}} {
		t.Run(fmt.Sprintf("max_list_pages=%d", tc.maxPages), func(t *testing.T) {
			site := newTestSite(t)
			for i, pg := range pages {
				year := 2023 - i
				report := fmt.Sprintf("/xxgk/ndbg/%d/t%d.html", year, year)
				body := listHTML(report, fmt.Sprintf("丙市%d年政府信息公开工作年度报告", year))
				site.html(pg.path, strings.Replace(body, "</body>", pg.next+"</body>", 1))
				site.html(report, reportHTML(fmt.Sprintf("丙市%d年政府信息公开工作年度报告", year)))
			}
			cfg := testConfig(site.url(pages[0].path))
			cfg.Crawl.MaxListPages = tc.maxPages
			sum, err := runCrawl(t, context.Background(), cfg, t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			if sum.NewReports != tc.wantReports {
				t.Errorf("%d new reports, want %d (%s)", sum.NewReports, tc.wantReports, sum)
			}
			if got := site.Hits("/xxgk/ndbg/index.html?page=4") > 0; got != (tc.maxPages > 3) {
				t.Errorf("fourth page requested = %v", got)
			}
		})
	}
}
