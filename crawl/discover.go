package crawl

import (
	"net/url"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// link is a URL found on a page, with the kind of document it leads to and
// the title it was found under.
type link struct {
	URL   string
	Title string
	Kind  string
	// verify marks a report link whose text was cut short: the page is
	// kept only when its own title names a report.
	verify bool
}

// page is a fetched text body ready for discovery.
type page struct {
	URL         *url.URL // final URL, after redirects
	Text        string   // body decoded to UTF-8
	ContentType string
	Kind        string // kind of the page itself
}

// discover returns the links a page leads to under a dialect. HTML anchors
// (report links, pagination, report columns) are read on every page; the
// CMS-specific extractors run for their own dialect, and under auto for
// every family whose marks the page carries.
func discover(p *page, dialect string) []link {
	var out []link
	ct := strings.ToLower(p.ContentType)
	isJSON := strings.Contains(ct, "json") || strings.HasPrefix(strings.TrimSpace(p.Text), "{")
	if isJSON {
		if dialect == "auto" || dialect == "gkmlpt" {
			out = append(out, gkmlptAPILinks(p)...)
		}
		return dedupe(out)
	}
	if p.Kind == KindReport {
		// A report page leads to its attachments (and other reports); its
		// scripts are not list pagination.
		out = append(out, htmlLinks(p, p.Text)...)
		if dialect == "auto" || dialect == "gkmlpt" {
			out = append(out, gkmlptPageLinks(p)...)
		}
		return dedupe(out)
	}
	run := func(d string, marked func(*page) bool) bool {
		return dialect == d || (dialect == "auto" && marked(p))
	}
	if run("trs", isTRS) {
		out = append(out, trsLinks(p)...)
	}
	if run("jpaas", isJpaas) {
		out = append(out, jpaasLinks(p)...)
	}
	if run("gkmlpt", isGkmlpt) {
		out = append(out, gkmlptPageLinks(p)...)
	}
	if !isDatastore(p.Text) {
		out = append(out, htmlLinks(p, p.Text)...)
	}
	return dedupe(out)
}

func dedupe(ls []link) []link {
	seen := map[string]bool{}
	out := ls[:0]
	for _, l := range ls {
		if seen[l.URL] {
			continue
		}
		seen[l.URL] = true
		out = append(out, l)
	}
	return out
}

var paginationText = regexp.MustCompile(`^(?:下一页|下页|尾页|末页|最后一页|后一页|上一页|上页|前一页|next|nextpage|last|prev|previous|>|>>|<|<<|›|»|‹|«)$`)

// pageParam matches query parameters that number list pages.
var pageParam = regexp.MustCompile(`^(?i:page|p|pageno|page_no|pagenum|pageindex|page_index|curpage|currentpage|pn|pageIndex)$`)

// htmlLinks reads the anchors of an HTML text. On list pages it returns
// report links, pagination links and report columns; on report pages,
// attachments and links to other reports.
func htmlLinks(p *page, text string) []link {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return nil
	}
	base := p.URL
	if h, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if b, err := p.URL.Parse(strings.TrimSpace(h)); err == nil {
			base = b
		}
	}
	var out []link
	// A page that only forwards (meta refresh) or frames its listing
	// (iframe) leads to a page of the same kind on the same host.
	if p.Kind == KindList || p.Kind == KindReport {
		doc.Find(`meta[http-equiv]`).Each(func(_ int, s *goquery.Selection) {
			if !strings.EqualFold(s.AttrOr("http-equiv", ""), "refresh") {
				return
			}
			if m := refreshURL.FindStringSubmatch(s.AttrOr("content", "")); m != nil {
				if u := resolve(base, strings.Trim(m[1], `'" `)); u != nil && u.Host == p.URL.Host {
					out = append(out, link{URL: u.String(), Kind: p.Kind})
				}
			}
		})
	}
	if p.Kind == KindList {
		doc.Find("iframe[src], frame[src]").Each(func(_ int, s *goquery.Selection) {
			if u := resolve(base, s.AttrOr("src", "")); u != nil && u.Host == p.URL.Host && !isAttachment(u, "") {
				out = append(out, link{URL: u.String(), Kind: KindList})
			}
		})
	}
	if p.Kind == KindList {
		// Pagination written as script: <a href="javascript:location.href='index_2.html'">,
		// onclick="window.location='?page=2'", <button onclick=…>下一页</button>.
		doc.Find("[onclick], a[href^='javascript:'], a[href^='JavaScript:'], a[href^='JAVASCRIPT:']").Each(func(_ int, s *goquery.Selection) {
			code := s.AttrOr("onclick", "") + " " + s.AttrOr("href", "")
			for _, m := range jsNavigation.FindAllStringSubmatch(code, 2) {
				u := resolve(base, m[1])
				if u == nil {
					continue
				}
				if text := normTitle(s.Text() + s.AttrOr("value", "")); isPagination(p.URL, u, text) {
					out = append(out, link{URL: u.String(), Kind: KindList})
				}
			}
		})
	}
	if p.Kind == KindList {
		// A page jump list: <select onchange="location.href=this.value">
		// with one <option value="index_2.html"> per page.
		doc.Find("select[onchange] option[value]").Each(func(_ int, s *goquery.Selection) {
			if !strings.Contains(s.Parent().AttrOr("onchange", "")+s.ParentsFiltered("select").AttrOr("onchange", ""), "location") {
				return
			}
			if u := resolve(base, s.AttrOr("value", "")); u != nil && isPagination(p.URL, u, "") {
				out = append(out, link{URL: u.String(), Kind: KindList})
			}
		})
	}
	doc.Find("a[href], area[href]").Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		u := resolve(base, href)
		if u == nil {
			return
		}
		text := normTitle(s.Text())
		attr := normTitle(s.AttrOr("title", ""))
		if l, ok := classifyLink(p, u, text, attr); ok {
			out = append(out, l)
		}
	})
	return out
}

// classifyLink decides what a link on page p leads to.
func classifyLink(p *page, u *url.URL, text, attr string) (link, bool) {
	attrReport := attr != "" && IsReportTitle(attr)
	textReport := !attrReport && text != "" && IsReportTitle(text)
	title := text
	if attr != "" && (attrReport || text == "") {
		title = attr
	}
	l := link{URL: u.String(), Title: title}
	if p.Kind == KindReport && (isAttachment(u, text) || isAttachment(u, attr)) {
		// A file linked from a report page is its attachment, whatever
		// its text says (often the report's own title).
		l.Kind = KindAttachment
		return l, true
	}
	if attrReport || textReport {
		l.Kind = KindReport
		return l, true
	}
	if p.Kind != KindList {
		return l, false
	}
	if candidateTitle(text) {
		l.Kind, l.verify = KindReport, true
		return l, true
	}
	if isPagination(p.URL, u, text) || isReportColumn(text) || isReportColumn(attr) {
		l.Kind = KindList
		return l, true
	}
	return l, false
}

// isPagination reports whether a link from a list page leads to another
// page of the same list: by its text (下一页, 尾页, next …), by a page
// number in the query of the same path, or by a numbered sibling file
// (index_2.html next to index.html).
func isPagination(from, u *url.URL, text string) bool {
	if u.Host != from.Host {
		return false
	}
	if isPaginationText(text) {
		return true
	}
	if u.Path == from.Path || (u.Path == "" && from.Path == "/") {
		for k, vs := range u.Query() {
			if pageParam.MatchString(k) && len(vs) > 0 && isDigits(vs[0]) {
				return true
			}
		}
		return false
	}
	dir, stems := path.Dir(from.Path), []string{}
	if strings.HasSuffix(from.Path, "/") {
		// A column given by its directory serves its index page.
		dir, stems = strings.TrimSuffix(from.Path, "/"), listStems
	} else {
		stem := strings.TrimSuffix(path.Base(from.Path), path.Ext(from.Path))
		stems = append(slices.Clone(listStems), numberedSuffix.ReplaceAllString(stem, ""))
	}
	if path.Dir(u.Path) != dir && !(dir == "" && path.Dir(u.Path) == "/") {
		return false
	}
	name := strings.TrimSuffix(path.Base(u.Path), path.Ext(u.Path))
	m := numberedSuffix.FindStringIndex(name)
	return m != nil && slices.Contains(stems, name[:m[0]])
}

var numberedSuffix = regexp.MustCompile(`[_-]\d+$`)

// listStems are the file names list pages commonly share, whatever the
// first page is called: index.html leads to index_2.html or list_2.html.
var listStems = []string{"index", "default", "list", "page"}

// paginationTrim are the brackets and arrows pagination anchors wrap
// their words in (下一页>, [尾页], 下一页 »).
const paginationTrim = " []【】()（）<>《》«»‹›→←·.:："

// isPaginationText reports whether an anchor's text names another page
// of a list: 下一页, 尾页, next, >> and the like, bare or in brackets.
func isPaginationText(text string) bool {
	t := strings.ToLower(text)
	if paginationText.MatchString(t) {
		return true
	}
	if w := strings.Trim(t, paginationTrim); w != t && w != "" {
		return paginationText.MatchString(w)
	}
	return false
}

// jsNavigation finds the URL a script handler navigates to:
// location.href='…', window.location = "…", location.assign('…'),
// location.replace('…'), window.open('…').
var jsNavigation = regexp.MustCompile(`(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\(\s*|window\.open\(\s*)["']([^"'\s]+)["']`)

var refreshURL = regexp.MustCompile(`(?i)url\s*=\s*(.+)$`)

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// resolve makes href absolute against base; it returns nil for links that
// are not fetchable documents (javascript:, mailto:, bare fragments).
func resolve(base *url.URL, href string) *url.URL {
	href = strings.TrimSpace(href)
	if href == "" || strings.HasPrefix(href, "#") {
		return nil
	}
	u, err := base.Parse(href)
	if err != nil {
		return nil
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	u.Fragment = ""
	u.RawFragment = ""
	return u
}

// pageTitle returns the <title> of an HTML text (or its first h1).
func pageTitle(text string) string {
	ts := pageTitles(text)
	if len(ts) == 0 {
		return ""
	}
	return ts[0]
}

// pageTitles returns the titles a page gives itself, most formal first:
// <title>, the ArticleTitle meta tag (TRS, jpaas), h1, h2, and a gkmlpt
// page's DETAIL.title. Portals often put the site name in <title> and the
// article's in h1, so a report is recognised by any of them.
func pageTitles(text string) []string {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(text))
	if err != nil {
		return nil
	}
	var out []string
	add := func(s string) {
		if s = normTitle(s); s != "" {
			out = append(out, s)
		}
	}
	add(doc.Find("title").First().Text())
	add(doc.Find(`meta[name="ArticleTitle"], meta[name="articletitle"]`).First().AttrOr("content", ""))
	add(doc.Find("h1").First().Text())
	add(doc.Find("h2").First().Text())
	add(gkmlptTitle(text))
	return out
}

// reportPageTitle returns the first of a page's titles that names a
// report, or "".
func reportPageTitle(text string) string {
	for _, t := range pageTitles(text) {
		if IsReportTitle(t) {
			return t
		}
	}
	return ""
}
