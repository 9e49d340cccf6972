package crawl

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestGkmlptVariants crawls a catalogue below a department's path whose
// _CONFIG mixes quote styles, nests categories under children, numbers
// ids as strings and numbers, and lists articles with relative url or
// only post_url. Only the annual-report category is listed.
func TestGkmlptVariants(t *testing.T) {
	site := newTestSite(t)
	site.html("/bm/gkmlpt/index", `<html><head><title>政府信息公开目录</title><script>
if (!window._CONFIG) { console.log('init'); }
window._CONFIG = {
  'SID': "755031",
  TREE: [{id: 100, name: '机构概况', children: [{id: 101, "name": "领导信息"}]},
         {"id": "300", "name": "政府信息公开", 'children': [{id: 301, name: '政府信息公开年报', children: []}]}],
};
</script></head><body><div id="app"></div></body></html>`)
	page := func(n int, body string) {
		site.page(fmt.Sprintf("/bm/gkmlpt/api/all/301?page=%d&sid=755031", n), "application/json; charset=utf-8", []byte(body))
	}
	page(1, `{"classify":{"id":301,"post_count":3},"articles":[
		{"title":"丁区2023年政府信息公开工作年度报告","url":"content/1/1/post_1.html"},
		{"title":"关于报送2023年政府信息公开工作年度报告的通知","url":"content/1/2/post_2.html"}]}`)
	page(2, `{"classify":{"id":301,"post_count":3},"articles":[
		{"title":"丁区2022年政府信息公开工作年度报告","post_url":"/bm/gkmlpt/content/1/3/post_3.html"}]}`)
	detail := func(title, content string) string {
		return fmt.Sprintf(`<html><head><title>%s</title><script>window._CONFIG = {DETAIL: {title: %q, content: %q}};</script></head><body></body></html>`, title, title, content)
	}
	site.html("/bm/gkmlpt/content/1/1/post_1.html", detail("丁区2023年政府信息公开工作年度报告", `<p>见附件：<a href="/attachment/0/1/r2023.pdf">丁区2023年报.pdf</a></p>`))
	site.html("/bm/gkmlpt/content/1/3/post_3.html", detail("丁区2022年政府信息公开工作年度报告", `<table><tr><td>收到申请数</td><td>3</td></tr></table>`))
	site.page("/attachment/0/1/r2023.pdf", "application/pdf", []byte("%PDF-1.4 test"))

	dir := t.TempDir()
	sum, err := runCrawl(t, context.Background(), testConfig(site.url("/bm/gkmlpt/index")), dir)
	if err != nil {
		t.Fatal(err)
	}
	got := docs(t, dir)
	for _, p := range []string{"/bm/gkmlpt/content/1/1/post_1.html", "/bm/gkmlpt/content/1/3/post_3.html"} {
		if r := got[site.url(p)]; r.Kind != KindReport || !r.stored() {
			t.Errorf("report %s: %+v", p, r)
		}
	}
	if r := got[site.url("/attachment/0/1/r2023.pdf")]; r.Kind != KindAttachment || !r.stored() {
		t.Errorf("attachment: %+v", r)
	}
	for _, p := range []string{"/bm/gkmlpt/content/1/2/post_2.html", "/bm/gkmlpt/api/all/100?page=1&sid=755031", "/bm/gkmlpt/api/all/101?page=1&sid=755031"} {
		if site.Hits(p) != 0 {
			t.Errorf("%s requested", p)
		}
	}
	if sum.NewReports != 2 || sum.Errors != 0 {
		t.Errorf("summary %s", sum)
	}
}

// TestGkmlptCategoryCap checks that a catalogue naming no annual-report
// category gets at most gkmlptMaxCategories listings, and that an API
// URL without page numbers leads to its other pages (100 a page).
func TestGkmlptCategoryCap(t *testing.T) {
	var tree []string
	for i := range 60 {
		tree = append(tree, fmt.Sprintf(`{id: %d, name: '类别%d'}`, 1000+i, i))
	}
	p := &page{URL: mustURL("https://www.b.gov.cn/gkmlpt/index"), Kind: KindList,
		Text: `<script>window._CONFIG = {SID: 'x1', TREE: [` + strings.Join(tree, ",") + `]};</script>`}
	var lists int
	for _, l := range discover(p, "gkmlpt") {
		if strings.Contains(l.URL, "/gkmlpt/api/all/") {
			lists++
		}
	}
	if lists != gkmlptMaxCategories {
		t.Errorf("%d category listings, want %d", lists, gkmlptMaxCategories)
	}

	var arts []string
	for i := range 100 {
		arts = append(arts, fmt.Sprintf(`{"title":"文件%d","url":"/gkmlpt/content/0/%d/post_%d.html"}`, i, i, i))
	}
	api := &page{URL: mustURL("https://www.b.gov.cn/gkmlpt/api/all/5"), ContentType: "application/json", Kind: KindList,
		Text: `{"total": 250, "articles": [` + strings.Join(arts, ",") + `]}`}
	got := linkSet(discover(api, "auto"))
	want := []string{"list https://www.b.gov.cn/gkmlpt/api/all/5?page=2", "list https://www.b.gov.cn/gkmlpt/api/all/5?page=3"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %v, want %v", got, want)
	}
}
