package htmldoc

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestJSString(t *testing.T) {
	tests := []struct {
		in   string
		want string
		n    int // bytes consumed; 0 for not ok
	}{
		{`"plain" rest`, "plain", 7},
		{`'single' rest`, "single", 8},
		{"`tpl ${x}`", "tpl ${x}", 10},
		{`"\u003cp\u003e\u6536\u5230\u003c\/p\u003e"`, "<p>收到</p>", 42},
		{`"a\"b\'c\\d\/e"`, `a"b'c\d/e`, 15},
		{`'it\'s'`, "it's", 7},
		{`"\n\t\r\b\f\v\0"`, "\n\t\r\b\f\v\x00", 16},
		{`"\x3ctd\x3e"`, "<td>", 12},
		{`"\ud840\udc00"`, "\U00020000", 14},           // surrogate pair: 𠀀
		{`"\ud840x"`, "\uFFFDx", 9},                    // lone high surrogate
		{`"\udc00"`, "\uFFFD", 8},                      // lone low surrogate
		{`"\u{20000}"`, "\U00020000", 11},              // ES6 code point escape
		{`"\u12"`, "u12", 6},                           // malformed: the letter itself
		{`"\xZZ"`, "xZZ", 6},                           // malformed
		{"\"line\\\ncontinued\"", "linecontinued", 17}, // backslash-newline
		{`"\年"`, "年", 6},                               // escaped multi-byte character
		{`"unterminated`, "", 0},
		{`"ends in backslash\`, "", 0},
		{`"\"`, "", 0},
		{`x"not a literal"`, "", 0},
		{``, "", 0},
	}
	for _, tt := range tests {
		got, n, ok := jsString(tt.in)
		if ok != (tt.n > 0) || got != tt.want || n != tt.n {
			t.Errorf("jsString(%q) = %q, %d, %v; want %q, %d", tt.in, got, n, ok, tt.want, tt.n)
		}
	}
}

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name   string
		script string
		want   gkmlpt
		ok     bool
	}{
		{"PHP json_encode, Unix time in seconds",
			`window._CONFIG = {SID: '200062', DETAIL: {"attachment":[{"name":"a}b"}],"content":"\u003cp\u003e甲\u003c\/p\u003e","date":1579660200,"title":"报告"}, X: 1};`,
			gkmlpt{content: "<p>甲</p>", title: "报告", published: "2020-01-22 10:30", detail: true}, true},
		{"bare keys, single quotes, publish_time string wins over date",
			"window._CONFIG = {\n DETAIL: {\n  title: '报告 2021',\n  date: 1579660200, // comment\n  publish_time: '2022-01-25 09:00:00',\n  content: '<p>it\\'s</p>'\n }\n};",
			gkmlpt{content: "<p>it's</p>", title: "报告 2021", published: "2022-01-25 09:00:00", detail: true}, true},
		{"milliseconds",
			`window._CONFIG={"DETAIL":{"content":"<p>x</p>","display_publish_time":1643072400000}}`,
			gkmlpt{content: "<p>x</p>", published: "2022-01-25 09:00", detail: true}, true},
		{"content in a separate property beside DETAIL",
			`var _CONFIG = {DETAIL: {"title":"报告","content":""}}; var data = {"content": "\u003ctable\u003e\u003c\/table\u003e"};`,
			gkmlpt{content: "<table></table>", title: "报告"}, true},
		{"nonsense timestamp dropped",
			`_CONFIG={DETAIL:{content:"<p>x</p>",date:12}}`,
			gkmlpt{content: "<p>x</p>", detail: true}, true},
		{"a key that only ends in DETAIL is not DETAIL",
			`_CONFIG={NODETAIL:{content:"x"}}`, gkmlpt{}, false},
		{"index page: no DETAIL", `window._CONFIG = {SID: '200062', TREE: [{"id":1}]};`, gkmlpt{}, false},
		{"unterminated content", `window._CONFIG = {DETAIL: {"content":"\u003cp`, gkmlpt{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseConfig(tt.script)
			if ok != tt.ok || got != tt.want {
				t.Errorf("parseConfig = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// TestGkmlptPage reads a content page written by hand in the shape of
// gkmlpt's: an empty app div, the article in _CONFIG.DETAIL.content.
func TestGkmlptPage(t *testing.T) {
	page := `<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body>
<div id="app"></div>
<script>
    window._CONFIG = {
        SID: '200062',
        DETAIL: {"content":"\u003cp\u003e\u4e00\u3001\u603b\u4f53\u60c5\u51b5\u003c\/p\u003e\n\u003ctable\u003e\u003ctr\u003e\u003ctd rowspan=\"2\"\u003e\u7533\u8bf7\u003c\/td\u003e\u003ctd\u003e4\u003c\/td\u003e\u003c\/tr\u003e\u003ctr\u003e\u003ctd\u003e5\u003c\/td\u003e\u003c\/tr\u003e\u003c\/table\u003e\n\u003cp\u003e2022\u5e741\u670825\u65e5\u003c\/p\u003e","publish_time":"2022-01-25 09:00","title":"某某镇2021年政府信息公开工作年度报告"}
    };
</script>
<script src="/gkmlpt/gkml/pc/js/app.js"></script>
</body></html>`
	d := mustRead(t, []byte(page))
	if d.Title != "某某镇2021年政府信息公开工作年度报告" || d.Meta["publishdate"] != "2022-01-25 09:00" {
		t.Errorf("title %q, publishdate %q", d.Title, d.Meta["publishdate"])
	}
	wantP := []string{"某某镇2021年政府信息公开工作年度报告", "一、总体情况", "2022年1月25日"}
	if got := paragraphs(d); !reflect.DeepEqual(got, wantP) {
		t.Errorf("paragraphs %q, want %q", got, wantP)
	}
	wantT := [][][]string{{{"申请", "4"}, {"^申请", "5"}}}
	if got := tables(d); !reflect.DeepEqual(got, wantT) {
		t.Errorf("tables %q, want %q", got, wantT)
	}

	// The page's own <title> and meta tags win; a content that opens
	// with the title gets no second one.
	page2 := `<title>页面标题</title><meta name="PubDate" content="2022-01-26"><script>window._CONFIG={DETAIL:{title:'某某镇报告',content:'<h1>某某镇报告</h1><p>正文</p>',date:1643072400}}</script>`
	d = mustRead(t, []byte(page2))
	if d.Title != "页面标题" || d.Meta["pubdate"] != "2022-01-26" || d.Meta["publishdate"] != "2022-01-25 09:00" {
		t.Errorf("title %q, meta %v", d.Title, d.Meta)
	}
	if got := paragraphs(d); !reflect.DeepEqual(got, []string{"某某镇报告", "正文"}) {
		t.Errorf("paragraphs %q", got)
	}

	// A "content": property outside DETAIL is the article of a page
	// that shows nothing else, not of a page with its own article.
	shell := `<body><div id="app"></div><script>window._CONFIG = {SID: '1'}; var data = {"content": "\u003cp\u003e正文\u003c\/p\u003e"};</script></body>`
	if got := paragraphs(mustRead(t, []byte(shell))); !reflect.DeepEqual(got, []string{"正文"}) {
		t.Errorf("shell page: paragraphs %q", got)
	}
	article := `<body><div class="content"><p>` + strings.Repeat("本机关依法公开政府信息。", 30) + `</p></div><script>window._CONFIG = {SID: '1'}; layer.open({content: '<p>提示</p>'});</script></body>`
	if got := paragraphs(mustRead(t, []byte(article))); len(got) != 1 || !strings.HasPrefix(got[0], "本机关") {
		t.Errorf("page with its own article: paragraphs %q", got)
	}

	// A page that merely mentions _CONFIG in its visible text, or whose
	// script holds no DETAIL, is read as usual.
	d = mustRead(t, []byte(`<p>window._CONFIG = {DETAIL: {content: "&lt;p&gt;x"}}</p><script>var _CONFIG={SID:'1'}</script>`))
	if got := paragraphs(d); len(got) != 1 || !strings.HasPrefix(got[0], "window._CONFIG") {
		t.Errorf("paragraphs %q", got)
	}
}

// TestGkmlptDemoPortal reads the demo portal's gkmlpt report pages: each
// must give the report's tables, its title and its publication time.
func TestGkmlptDemoPortal(t *testing.T) {
	files, _ := filepath.Glob("../../crawl/demoportal/site/gkmlpt/content/*/*/post_*.html")
	if len(files) == 0 {
		t.Skip("demo portal pages not found")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := mustRead(t, data)
		if !strings.Contains(d.Title, "年度报告") || strings.Contains(d.Title, "通知") {
			continue // decoys
		}
		if len(d.Tables()) < 3 || d.Meta["publishdate"] == "" || d.Meta["articletitle"] == "" {
			t.Errorf("%s: %d tables, meta %v", f, len(d.Tables()), d.Meta)
		}
		if ps := paragraphs(d); len(ps) == 0 || ps[0] != d.Meta["articletitle"] {
			t.Errorf("%s: first paragraph is not the title", f)
		}
	}
}

func FuzzParseConfig(f *testing.F) {
	for _, s := range []string{
		`window._CONFIG = {DETAIL: {"content":"\u003cp\u003e\ud840\udc00\x41\/","date":1579660200,"title":'t'}}`,
		"_CONFIG={DETAIL:{content:`a${b}`,x:[1,{a:'}'}],/* c */title:\"\\u{1F600}\"}}",
		`_CONFIG "content": "\`, `_CONFIG DETAIL:{`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if g, ok := parseConfig(s); ok && strings.TrimSpace(g.content) == "" {
			t.Fatalf("ok with empty content")
		}
		if v, n, ok := jsString(s); ok && (n < 2 || n > len(s) || len(v) > 3*len(s)) {
			t.Fatalf("jsString consumed %d of %d", n, len(s))
		}
	})
}
