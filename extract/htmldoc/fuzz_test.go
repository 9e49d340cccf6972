package htmldoc

import (
	"os"
	"strings"
	"testing"
)

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"", "<p>甲</p>", "<table><tr><td rowspan=3 colspan=2>a</td><td>1</td></tr><tr><td>2</td></tr></table>",
		"<table><tr><td>a</td><td>1</td></tr></table><p><br style='page-break-before:always'></p><table><tr><td>2</td></tr></table>",
		"<table><tr><td><table><tr><td>x</td></tr></table></td></tr></table>",
		"<meta charset=gb2312><p>\xd5\xfe\xb8\xae</p>", "\xef\xbb\xbf<p>x</p>", "\xff\xfe<\x00p\x00>\x00",
		"<div class=TRS_Editor><p>正文</p></div><a href=/>首页</a>", "<td rowspan=0>a<tr><td colspan=0>",
		"<table><tr><td>三、a</td><td>1</td></tr></table><table><tr><td>四、b</td><td>2</td></tr></table>",
		`<script>window._CONFIG = {DETAIL: {"title":"t","content":"\u003ctable\u003e\u003ctr\u003e\u003ctd\u003e\ud840\udc00\x41\/\u003c\/td\u003e","date":1579660200}}</script>`,
		"<script>_CONFIG={DETAIL:{content:'<p>\\'+x,title:`a${b}`,date:[1,{a:'}'}]}}</script>",
	} {
		f.Add([]byte(s))
	}
	f.Add(readTestdata(f, "portal-2021.html"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			return
		}
		for i, tb := range d.Tables() {
			w := tb.Width()
			if w == 0 || w > maxCols {
				t.Fatalf("table %d width %d", i, w)
			}
			for _, r := range tb.Rows {
				if len(r) != w {
					t.Fatalf("table %d ragged: row of %d, width %d", i, len(r), w)
				}
				if r[0].Locator == "" {
					t.Fatalf("cell without locator")
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	for _, bc := range []struct {
		name string
		data func(testing.TB) []byte
	}{
		{"portal-2021", func(tb testing.TB) []byte { return readTestdata(tb, "portal-2021.html") }},
		{"corpus-pingtan-2020", func(tb testing.TB) []byte { return corpus(tb, "pingtan-2020.html") }},
		{"corpus-shanghai-2019", func(tb testing.TB) []byte { return corpus(tb, "shanghai-gov-office-2019.html") }},
		{"gkmlpt-2020", func(tb testing.TB) []byte {
			data, err := os.ReadFile("../../crawl/demoportal/site/gkmlpt/content/6/6811/post_6811709.html")
			if err != nil {
				tb.Skip("demo portal page not found")
			}
			return data
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			data := bc.data(b)
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
		})
	}
}

// FuzzSqueezedContains checks the allocation-free matcher against what
// it replaces: lower-case, drop white space, then strings.Contains.
func FuzzSqueezedContains(f *testing.F) {
	for _, s := range []string{"display:none", "DISPLAY : None", "border:none; display:\u00a0none", "visibility: hid den",
		"display:nonE", "dis\tplay:no\nne", "\u212aDISPLAY:NONE", "display:\xffnone", "displaydisplay:none"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sub := range []string{"display:none", "visibility:hidden"} {
			want := strings.Contains(strings.ToLower(strings.Join(strings.Fields(s), "")), sub)
			if got := squeezedContains(s, sub); got != want {
				t.Fatalf("squeezedContains(%q, %q) = %v, want %v", s, sub, got, want)
			}
		}
	})
}
