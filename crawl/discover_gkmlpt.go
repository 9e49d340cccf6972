package crawl

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// gkmlpt (Guangdong's 政府信息公开目录管理平台): /gkmlpt/index carries
// window._CONFIG = {SID: '…', TREE: [categories]}; listings come as JSON
// from /gkmlpt/api/all/{category}?page=N&sid=SID with classify.post_count
// and articles[].title/url; a content page embeds the article HTML in
// _CONFIG.DETAIL.content (attachments are linked there or listed beside it).

var gkmlptSID = regexp.MustCompile(`\bSID\s*["']?\s*[:=]\s*["']?([A-Za-z0-9_.\-]+)`)

func isGkmlpt(p *page) bool {
	return strings.Contains(p.Text, "_CONFIG") || strings.Contains(p.URL.Path, "/gkmlpt/")
}

// gkmlptConfig returns the text of the window._CONFIG object literal: the
// first `_CONFIG = {…}` of the page (a page may test window._CONFIG
// before it assigns it).
func gkmlptConfig(text string) string {
	for from := 0; ; {
		i := strings.Index(text[from:], "_CONFIG")
		if i < 0 {
			return ""
		}
		k := skipSpace(text, from+i+len("_CONFIG"))
		from += i + len("_CONFIG")
		if k >= len(text) || text[k] != '=' || (k+1 < len(text) && text[k+1] == '=') {
			continue
		}
		k = skipSpace(text, k+1)
		if k < len(text) && text[k] == '{' {
			if end, ok := jsLiteralEnd(text, k); ok {
				return text[k:end]
			}
		}
	}
}

// gkmlptBase returns the URL of the /gkmlpt/ directory u lies under (a
// catalogue may sit below a department's path: /bm/gkmlpt/index), or nil.
func gkmlptBase(u *url.URL) *url.URL {
	i := strings.Index(u.Path, "/gkmlpt/")
	if i < 0 {
		return nil
	}
	b := *u
	b.Path, b.RawPath, b.RawQuery, b.Fragment = u.Path[:i+len("/gkmlpt/")], "", "", ""
	return &b
}

// gkmlptMaxCategories bounds the categories listed when none is named
// for annual reports: a catalogue has hundreds, and each is a listing of
// its own.
const gkmlptMaxCategories = 40

// gkmlptPageLinks reads an index page (categories → API listings) or a
// content page (attachments in DETAIL).
func gkmlptPageLinks(p *page) []link {
	cfg := gkmlptConfig(p.Text)
	if cfg == "" {
		return nil
	}
	var out []link
	if detail, ok := jsValueAfter(cfg, "DETAIL", 0); ok {
		out = append(out, gkmlptDetailLinks(p, detail)...)
	}
	m := gkmlptSID.FindStringSubmatch(cfg)
	if m == nil {
		m = gkmlptSID.FindStringSubmatch(p.Text) // var SID = '…' beside the object
	}
	if m == nil || p.Kind != KindList {
		return out
	}
	sid := m[1]
	for _, cat := range gkmlptCategories(p, cfg) {
		base := gkmlptBase(p.URL)
		if base == nil {
			base = p.URL
		}
		u := resolve(base, "api/all/"+url.PathEscape(cat)+"?page=1&sid="+url.QueryEscape(sid))
		if u != nil {
			out = append(out, link{URL: u.String(), Kind: KindList, Title: "category " + cat})
		}
	}
	return out
}

// gkmlptCategories picks the categories to list: the one named in the URL
// fragment (/gkmlpt/index#123), else those whose names are about annual
// reports, else all of them.
func gkmlptCategories(p *page, cfg string) []string {
	if f := p.URL.Fragment; isDigits(f) {
		return []string{f}
	}
	tree, ok := jsValueAfter(cfg, "TREE", 0)
	if !ok {
		return nil
	}
	v, ok := jsDecode(tree)
	if !ok {
		return nil
	}
	var all, named []string
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case []any:
			for _, c := range n {
				walk(c)
			}
		case map[string]any:
			id := jsonID(n["id"])
			if id != "" {
				all = append(all, id)
				name, _ := n["name"].(string)
				if name == "" {
					name, _ = n["title"].(string)
				}
				if gkmlptReportCategory(name) {
					named = append(named, id)
				}
			}
			for _, k := range []string{"children", "child", "nodes", "sub"} {
				walk(n[k])
			}
		}
	}
	walk(v)
	if len(named) > 0 {
		return named
	}
	if len(all) > gkmlptMaxCategories {
		all = all[:gkmlptMaxCategories]
	}
	return all
}

// gkmlptReportCategory reports whether a category name is about annual
// reports (政府信息公开年报, 年度报告, 政府信息公开工作年度报告 …).
func gkmlptReportCategory(name string) bool {
	t := normTitle(name)
	return reportPhrase.MatchString(t) || strings.Contains(t, "年报") || strings.Contains(t, "年度报告")
}

func jsonID(v any) string {
	switch v := v.(type) {
	case float64:
		return strconv.FormatInt(int64(v), 10)
	case string:
		return v
	}
	return ""
}

// gkmlptDetailLinks reads attachments out of the DETAIL object of a
// content page: links inside its HTML content, and any {name/title,
// url/link} entry naming a file.
func gkmlptDetailLinks(p *page, detail string) []link {
	var out []link
	v, ok := jsDecode(detail)
	if !ok {
		// Fall back to the content string alone.
		if c, ok := jsValueAfter(detail, "content", 0); ok {
			if s, ok := jsDecode(c); ok {
				if html, ok := s.(string); ok {
					out = append(out, htmlLinks(&page{URL: p.URL, Kind: KindReport}, html)...)
				}
			}
		}
		return out
	}
	var walk func(any)
	walk = func(n any) {
		switch n := n.(type) {
		case []any:
			for _, c := range n {
				walk(c)
			}
		case map[string]any:
			for k, c := range n {
				if s, ok := c.(string); ok && k == "content" && strings.Contains(s, "<") {
					out = append(out, htmlLinks(&page{URL: p.URL, Kind: KindReport}, s)...)
				}
			}
			href := firstString(n, "url", "link", "href", "file_url", "path")
			name := firstString(n, "name", "title", "file_name", "filename")
			if href != "" {
				if u := resolve(p.URL, href); u != nil && (isAttachment(u, name) || isAttachment(u, "")) {
					out = append(out, link{URL: u.String(), Title: normTitle(name), Kind: KindAttachment})
				}
			}
			for _, c := range n {
				walk(c)
			}
		}
	}
	walk(v)
	return out
}

func firstString(m map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, ok := m[k].(string); ok && s != "" {
			return s
		}
	}
	return ""
}

// gkmlptListing is the part of an API answer the crawler reads.
type gkmlptListing struct {
	Classify struct {
		PostCount json.Number `json:"post_count"`
	} `json:"classify"`
	Total    json.Number `json:"total"`
	PageSize json.Number `json:"page_size"`
	Articles []struct {
		Title   string `json:"title"`
		URL     string `json:"url"`
		PostURL string `json:"post_url"`
	} `json:"articles"`
}

// gkmlptAPILinks reads an API listing: report articles, and from page 1
// the other pages (post_count / articles per page).
func gkmlptAPILinks(p *page) []link {
	var l gkmlptListing
	if err := json.Unmarshal([]byte(p.Text), &l); err != nil {
		return nil
	}
	var out []link
	base := gkmlptBase(p.URL)
	if base == nil {
		base = p.URL
	}
	for _, a := range l.Articles {
		href := a.URL
		if href == "" {
			href = a.PostURL
		}
		// A relative article URL is relative to the catalogue, not to
		// the API path it was listed under.
		u := resolve(base, href)
		if u == nil {
			continue
		}
		t := normTitle(a.Title)
		switch {
		case IsReportTitle(t):
			out = append(out, link{URL: u.String(), Title: t, Kind: KindReport})
		case candidateTitle(t):
			out = append(out, link{URL: u.String(), Title: t, Kind: KindReport, verify: true})
		}
	}
	q := p.URL.Query()
	if pg := q.Get("page"); pg != "" && pg != "1" {
		return out
	}
	count, _ := l.Classify.PostCount.Int64()
	if count == 0 {
		count, _ = l.Total.Int64()
	}
	per, _ := l.PageSize.Int64()
	if per <= 0 {
		per = int64(len(l.Articles))
	}
	if per <= 0 || count <= per {
		return out
	}
	pages := (count + per - 1) / per
	for n := int64(2); n <= pages && n <= DefaultMaxListPages; n++ {
		u := *p.URL
		q.Set("page", strconv.FormatInt(n, 10))
		u.RawQuery = q.Encode()
		out = append(out, link{URL: u.String(), Kind: KindList, Title: fmt.Sprintf("page %d", n)})
	}
	return out
}
