package crawl

import (
	"fmt"
	"strings"
	"testing"
)

func benchListPage(n int) string {
	var b strings.Builder
	b.WriteString("<html><body><ul>")
	for i := range n {
		fmt.Fprintf(&b, `<li><a href="./2024%02d/t2024_%d.html" title="某区%d年政府信息公开工作年度报告">某区%d年政府信息公开工作年度报告</a></li>`, i%12+1, i, 2008+i%20, 2008+i%20)
		fmt.Fprintf(&b, `<li><a href="./n/%d.html">关于报送%d年政府信息公开工作年度报告的通知</a></li>`, i, 2008+i%20)
	}
	b.WriteString(`</ul><script>createPageHTML(20, 0, "index", "html");</script></body></html>`)
	return b.String()
}

// BenchmarkDiscover measures link discovery on a list page of 100 links.
func BenchmarkDiscover(b *testing.B) {
	text := benchListPage(50)
	u := mustURL("https://www.a.gov.cn/zwgk/ndbg/index.html")
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		discover(&page{URL: u, Text: text, ContentType: "text/html", Kind: KindList}, "auto")
	}
}

func BenchmarkIsReportTitle(b *testing.B) {
	titles := []string{"广州市番禺区人民政府2023年政府信息公开工作年度报告", "关于报送2023年政府信息公开工作年度报告的通知", "2023年部门决算", "首页"}
	for b.Loop() {
		for _, t := range titles {
			IsReportTitle(t)
		}
	}
}
