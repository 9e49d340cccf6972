package crawl

import (
	"bytes"
	"testing"
)

// Fuzz tests for every parser of untrusted bytes: pages (all dialects),
// JavaScript literals, charsets, titles and sources.yaml. They check that
// nothing panics and that discovered links are absolute http(s) URLs.

func FuzzDiscover(f *testing.F) {
	f.Add("https://a.cn/col/col1/index.html", `<a href="/r.html" title="x">乙市2023年政府信息公开工作年度报告</a><script>createPageHTML(3,0,"index","html")</script>`, "text/html")
	f.Add("https://a.cn/gkmlpt/index", `<script>window._CONFIG = {SID: 'a', TREE: [{id: 1, name: '年报'}], DETAIL: {content: '<a href="x.pdf">f</a>'}};</script>`, "text/html")
	f.Add("https://a.cn/gkmlpt/api/all/1?page=1&sid=a", `{"classify":{"post_count":9},"articles":[{"title":"2023年政府信息公开工作年度报告","url":"/p.html"}]}`, "application/json")
	f.Add("https://a.cn/module/web/jpage/dataproxy.jsp?startrecord=1&endrecord=3&perpage=1&columnid=1&unitid=2&webid=3", `<datastore><totalrecord>9</totalrecord><recordset><record><![CDATA[<a href="/a.html">2023年政务公开年度报告</a>]]></record></recordset></datastore>`, "text/xml")
	f.Add("https://a.cn/col/col7/index.html", `<script type="text/xml"><datastore><nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&webid=2&columnid=7&unitid=3&webname=%E7%94%B2"></a>]]></nextgroup><recordset><record><![CDATA[<a href="/b.html">x</a>]]></record></recordset></datastore></script><script>jpage({perPage: 2, groupSize: 2, totalRecord: 9})</script>`, "text/html")
	f.Add("https://a.cn/l/index.html", `<a href="javascript:location.href='list_2.html'">[下一页]</a><span onclick="window.open('index_3.html')">尾页</span>`, "text/html")
	f.Add("https://a.cn/bm/gkmlpt/api/all/5", `{"total":250,"articles":[{"title":"2023年政府信息公开工作年度报告","post_url":"content/1/2/post_2.html"}]}`, "application/json")
	f.Fuzz(func(t *testing.T, u, body, ctype string) {
		pu, err := mustParse(u)
		if err != nil {
			return
		}
		for _, kind := range []string{KindList, KindReport} {
			for _, d := range Dialects {
				for _, l := range discover(&page{URL: pu, Text: body, ContentType: ctype, Kind: kind}, d) {
					if _, err := parseHTTPURL(l.URL); err != nil {
						t.Fatalf("link %q: %v", l.URL, err)
					}
				}
			}
		}
	})
}

func FuzzJSDecode(f *testing.F) {
	f.Add(`{SID: 'x', TREE: [{id: 1, name: "a"},], c: '\u9644\/'}`)
	f.Add(`[1, 'a', "b", {a: [}]`)
	f.Add(`'\ud83d\ude00\x4`)
	f.Fuzz(func(t *testing.T, s string) {
		jsDecode(s)
		gkmlptConfig("window._CONFIG = " + s)
		jsValueAfter(s, "TREE", 0)
	})
}

func FuzzRobotsHTML(f *testing.F) {
	f.Add("text/html", []byte("<!DOCTYPE html><html></html>"))
	f.Add("text/plain", []byte("\xef\xbb\xbfUser-agent: *\r\nDisallow: /\r\n"))
	f.Add("", []byte("  <HTML>"))
	f.Fuzz(func(t *testing.T, ctype string, body []byte) {
		// Rules without markup are never mistaken for an HTML page.
		if isHTMLBody(ctype, body) && !bytes.Contains(body, []byte("<")) {
			t.Fatalf("%q (%s) called HTML", body, ctype)
		}
	})
}

func FuzzDecodeText(f *testing.F) {
	f.Add([]byte("<meta charset=gbk>\xd5\xfe\xb8\xae"), "text/html")
	f.Add([]byte("\xef\xbb\xbf<?xml version='1.0' encoding='gb2312'?>"), "")
	f.Fuzz(func(t *testing.T, body []byte, ctype string) {
		decodeText(body, ctype)
	})
}

func FuzzIsReportTitle(f *testing.F) {
	f.Add("二〇二三年政府信息公开工作年度报告")
	f.Add("关于报送2023年政府信息公开工作年度报告的通知…")
	f.Fuzz(func(t *testing.T, s string) {
		IsReportTitle(s)
		isReportColumn(s)
		candidateTitle(s)
	})
}

func FuzzParseConfig(f *testing.F) {
	f.Add("sources: [{name: a, start: [https://a.cn/]}]\n")
	f.Add("crawl: {max_body: 1MB, timeout: 1s}\nsources: [{name: a, start: https://a.cn/, allow: [https://a.cn/x]}]\n")
	f.Fuzz(func(t *testing.T, s string) {
		cfg, err := ParseConfig([]byte(s))
		if err == nil {
			for _, src := range cfg.Sources {
				for _, st := range src.Start {
					if !src.allowed(st) {
						t.Fatalf("validated start %s outside allow %v", st, src.Allow)
					}
				}
			}
		}
	})
}
