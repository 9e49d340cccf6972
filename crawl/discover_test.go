package crawl

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// linkSet renders links as "kind url" lines, sorted, for comparison.
func linkSet(ls []link) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Kind+" "+l.URL)
	}
	slices.Sort(out)
	return out
}

func TestDiscoverDialects(t *testing.T) {
	const host = "https://www.a.gov.cn"
	trsPage := `<ul><li><a href="./202401/t1.html">甲区2023年政府信息公开工作年度报告</a></li></ul>
<script>createPageHTML('page_div', 3, 0, 'index', 'shtml', 41);</script>`
	jpaasPage := `<div id="99"><script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&path=/&columnid=1234&unitid=99&webname=x&permissiontype=0"></a>]]></nextgroup>
<recordset><record><![CDATA[<li><a href="/art/2024/1/1/art_1234_1.html" title="乙市2023年政府信息公开工作年度报告">乙市2023年政府信息公开...</a></li>]]></record></recordset></datastore></script></div>
<script>$('#99').jpage({ totalRecord: 40, perPage: 10, proxyUrl: '/module/web/jpage/dataproxy.jsp' });</script>`
	gkPage := `<script>window._CONFIG = {SID: 'abc', TREE: [{"id":7,"name":"规划计划","children":[{"id":8,"name":"政府信息公开年度报告"}]}]};</script>`
	for _, tc := range []struct {
		name, url, dialect, ctype, body string
		want                            []string
	}{
		{"trs", host + "/zwgk/ndbg/index.shtml", "trs", "text/html", trsPage, []string{
			"list " + host + "/zwgk/ndbg/index.shtml", "list " + host + "/zwgk/ndbg/index_1.shtml", "list " + host + "/zwgk/ndbg/index_2.shtml",
			"report " + host + "/zwgk/ndbg/202401/t1.html"}},
		{"trs ignored under html", host + "/zwgk/ndbg/index.shtml", "html", "text/html", trsPage, []string{
			"report " + host + "/zwgk/ndbg/202401/t1.html"}},
		{"jpaas", host + "/col/col1234/index.html", "jpaas", "text/html", jpaasPage, []string{
			"list " + host + "/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=30&path=%2F&permissiontype=0&perpage=10&startrecord=1&unitid=99&webid=3&webname=x",
			"list " + host + "/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=60&path=%2F&permissiontype=0&perpage=10&startrecord=31&unitid=99&webid=3&webname=x",
			"report " + host + "/art/2024/1/1/art_1234_1.html"}},
		{"jpaas auto", host + "/col/col1234/index.html", "auto", "text/html", jpaasPage, []string{
			"list " + host + "/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=30&path=%2F&permissiontype=0&perpage=10&startrecord=1&unitid=99&webid=3&webname=x",
			"list " + host + "/module/web/jpage/dataproxy.jsp?columnid=1234&endrecord=60&path=%2F&permissiontype=0&perpage=10&startrecord=31&unitid=99&webid=3&webname=x",
			"report " + host + "/art/2024/1/1/art_1234_1.html"}},
		{"gkmlpt named category", host + "/gkmlpt/index", "gkmlpt", "text/html", gkPage, []string{
			"list " + host + "/gkmlpt/api/all/8?page=1&sid=abc"}},
		{"gkmlpt fragment", host + "/gkmlpt/index#7", "auto", "text/html", gkPage, []string{
			"list " + host + "/gkmlpt/api/all/7?page=1&sid=abc"}},
		{"gkmlpt api", host + "/gkmlpt/api/all/8?page=1&sid=abc", "auto", "application/json",
			`{"classify":{"post_count":5},"articles":[{"title":"丙区2023年政府信息公开工作年度报告","url":"/gkmlpt/content/0/1/post_1.html"},{"title":"关于印发工作要点的通知","url":"/gkmlpt/content/0/2/post_2.html"}]}`,
			[]string{"list " + host + "/gkmlpt/api/all/8?page=2&sid=abc", "list " + host + "/gkmlpt/api/all/8?page=3&sid=abc", "report " + host + "/gkmlpt/content/0/1/post_1.html"}},
		{"jpaas answer without total", host + "/module/web/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=2&columnid=5&unitid=6&webid=7", "auto", "text/xml",
			`<datastore><recordset><record>&lt;a href="/art/1.html"&gt;乙市2021年政府信息公开工作年度报告&lt;/a&gt;</record><record><![CDATA[<a href="/art/2.html">乙市2020年政府信息公开工作年度报告</a>]]></record></recordset></datastore>`,
			[]string{"list " + host + "/module/web/jpage/dataproxy.jsp?columnid=5&endrecord=6&perpage=2&startrecord=5&unitid=6&webid=7",
				"report " + host + "/art/1.html", "report " + host + "/art/2.html"}},
		{"jpaas short last group", host + "/module/web/jpage/dataproxy.jsp?startrecord=3&endrecord=4&perpage=2&columnid=5&unitid=6&webid=7", "jpaas", "text/xml",
			`<datastore><recordset><record><![CDATA[<a href="/art/2.html">乙市2020年政府信息公开工作年度报告</a>]]></record></recordset></datastore>`,
			[]string{"report " + host + "/art/2.html"}},
		{"gkmlpt unquoted SID", host + "/gkmlpt/index", "auto", "text/html",
			`<script>window._CONFIG = {SID: 12, TREE: [{id: 3, name: '年度报告'}]};</script>`,
			[]string{"list " + host + "/gkmlpt/api/all/3?page=1&sid=12"}},
		{"directory column", host + "/xxgk/ndbg/", "html", "text/html",
			`<a href="index_1.html">2</a><a href="/xxgk/ndbg/list_2.html">3</a><a href="/xxgk/other_2.html">x</a>`,
			[]string{"list " + host + "/xxgk/ndbg/index_1.html", "list " + host + "/xxgk/ndbg/list_2.html"}},
		{"meta refresh and iframe", host + "/xxgk/ndbg/index.html", "auto", "text/html",
			`<html><head><meta http-equiv="Refresh" content="0; URL='index.shtml'"></head><body><iframe src="list_frame.jsp?col=3"></iframe><iframe src="https://map.example.com/x"></iframe></body></html>`,
			[]string{"list " + host + "/xxgk/ndbg/index.shtml", "list " + host + "/xxgk/ndbg/list_frame.jsp?col=3"}},
		{"html pagination", host + "/xxgk/ndbg/index.html", "html", "text/html",
			`<a href="index_2.html">2</a><a href="list.jsp?page=3">尾页</a><a href="?page=4">4</a><a href="/other/index_5.html">5</a><a href="/xxgk/tzgg/">通知公告</a><a href="/xxgk/nb/">政府信息公开年报</a><a href="javascript:void(0)">下一页</a>`,
			[]string{"list " + host + "/xxgk/nb/", "list " + host + "/xxgk/ndbg/index.html?page=4", "list " + host + "/xxgk/ndbg/index_2.html", "list " + host + "/xxgk/ndbg/list.jsp?page=3"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u := mustURL(tc.url)
			got := linkSet(discover(&page{URL: u, Text: tc.body, ContentType: tc.ctype, Kind: KindList}, tc.dialect))
			want := slices.Clone(tc.want)
			slices.Sort(want)
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

func TestDiscoverTruncatedRecordTitle(t *testing.T) {
	// A title attribute names the report in full even when the text is cut.
	ls := discover(&page{URL: mustURL("https://a.cn/col/col1/index.html"), Kind: KindList,
		Text: `<a href="/r.html" title="乙市2023年政府信息公开工作年度报告">乙市2023年政府...</a>`}, "html")
	if len(ls) != 1 || ls[0].Kind != KindReport || ls[0].verify || ls[0].Title != "乙市2023年政府信息公开工作年度报告" {
		t.Errorf("%+v", ls)
	}
}

func TestDiscoverReportPage(t *testing.T) {
	// Scripts and pagination on a report page are not followed; files are
	// attachments whatever their text.
	body := `<script>createPageHTML(5, 0, "index", "html");</script><a href="next.html">下一页</a>
<a href="P1.pdf">甲区2023年政府信息公开工作年度报告.pdf</a><a href="/dl?f=1">附表.xlsx</a><a href="/x.html">首页</a>`
	got := linkSet(discover(&page{URL: mustURL("https://a.cn/n/t1.html"), Text: body, Kind: KindReport}, "auto"))
	want := []string{"attachment https://a.cn/dl?f=1", "attachment https://a.cn/n/P1.pdf"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestDecodeText(t *testing.T) {
	const s = "政府信息公开工作年度报告"
	g, _ := simplifiedchinese.GBK.NewEncoder().String(s)
	g18, _ := simplifiedchinese.GB18030.NewEncoder().String(s + "㐀")
	for _, tc := range []struct {
		name, body, ctype, want, cs string
	}{
		{"utf-8 undeclared", s, "text/html", s, "utf-8"},
		{"gbk header", g, "text/html; charset=GBK", s, "gbk"},
		{"gb2312 meta", `<meta charset="gb2312">` + g, "text/html", `<meta charset="gb2312">` + s, "gbk"},
		{"gbk undeclared", g, "text/html", s, "gb18030"},
		{"gb18030 beyond gbk", g18, "", s + "㐀", "gb18030"},
		{"utf-8 mislabel", g, "text/html; charset=utf-8", s, "gb18030"},
		{"xml declaration", `<?xml version="1.0" encoding="GBK"?><a>` + g + `</a>`, "text/xml", `<?xml version="1.0" encoding="GBK"?><a>` + s + `</a>`, "gbk"},
	} {
		got, cs := decodeText([]byte(tc.body), tc.ctype)
		if got != tc.want || cs != tc.cs {
			t.Errorf("%s: got %q (%s), want %q (%s)", tc.name, got, cs, tc.want, tc.cs)
		}
	}
}

func TestJSLiteral(t *testing.T) {
	src := `window._CONFIG = {SID: 'x\'1', TREE: [{id: 1, name: "a,b]", children: [],},], DETAIL: {content: '<a href="\/f.pdf">\u9644\u4ef6<\/a>'}};`
	cfg := gkmlptConfig(src)
	if !strings.HasSuffix(cfg, "}}") {
		t.Fatalf("config = %q", cfg)
	}
	tree, ok := jsValueAfter(cfg, "TREE", 0)
	if !ok {
		t.Fatal("no TREE")
	}
	v, ok := jsDecode(tree)
	if !ok {
		t.Fatalf("TREE %q not decoded (%s)", tree, jsToJSON(tree))
	}
	if n := v.([]any)[0].(map[string]any)["name"]; n != "a,b]" {
		t.Errorf("name = %v", n)
	}
	c, _ := jsValueAfter(cfg, "content", 0)
	if s, _ := jsDecode(c); s != `<a href="/f.pdf">附件</a>` {
		t.Errorf("content = %q", s)
	}
	sid, _ := jsValueAfter(cfg, "SID", 0)
	if s, _ := jsDecode(sid); s != "x'1" {
		t.Errorf("SID = %q", s)
	}
	if s, ok := jsUnquote(`"\ud83d\ude00\x41"`); !ok || s != "😀A" {
		t.Errorf("unquote = %q", s)
	}
}
