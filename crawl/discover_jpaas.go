package crawl

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// jpaas (大汉) column pages /col/colN/index.html load their listing from
// /module/web/jpage/dataproxy.jsp?startrecord=S&endrecord=E&perpage=P&
// columnid=C&unitid=U&webid=W, which answers XML:
// <datastore><totalrecord>T</totalrecord><recordset><record><![CDATA[
// …<a href title>…]]></record>…</recordset></datastore>. The column page
// names unitid and webid (in its jpage script or an embedded first
// group); the column id comes from colN.

const jpaasProxy = "/module/web/jpage/dataproxy.jsp"

var (
	jpaasColPath = regexp.MustCompile(`/col/col(\d+)/`)
	jpaasRecord  = regexp.MustCompile(`(?is)<record(?:\s[^>]*)?>(.*?)</record>`)
	jpaasCDATA   = regexp.MustCompile(`(?s)^\s*<!\[CDATA\[(.*?)\]\]>\s*$`)
	jpaasTotal   = regexp.MustCompile(`(?i)(?:<totalrecord>\s*|totalRecord\s*["']?\s*[:=]\s*["']?)(\d+)`)
	jpaasProxyIn = regexp.MustCompile(`["'(]([^"'()\s<>]*dataproxy\.jsp(?:\?[^"'()\s<>]*)?)`)
)

func jpaasParam(text, name string) string {
	re := regexp.MustCompile(`(?i)\b` + name + `\s*["']?\s*[:=]\s*["']?(\d+)`)
	if m := re.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	return ""
}

func isJpaas(p *page) bool {
	return strings.Contains(p.Text, "dataproxy.jsp") || isDatastore(p.Text) || strings.Contains(p.Text, "<datastore>") ||
		(jpaasColPath.MatchString(p.URL.Path) && strings.Contains(strings.ToLower(p.Text), "unitid"))
}

func isDatastore(text string) bool {
	head := strings.TrimSpace(text[:min(len(text), 512)])
	return strings.Contains(head, "<datastore>") || (strings.HasPrefix(head, "<?xml") && strings.Contains(text, "<datastore>"))
}

// jpaasLinks reads the records on a column page or a dataproxy answer, and
// on a column page (or the first dataproxy answer) the dataproxy requests
// for every group of records.
func jpaasLinks(p *page) []link {
	var out []link
	records := jpaasRecord.FindAllStringSubmatch(p.Text, -1)
	for _, m := range records {
		frag := m[1]
		if c := jpaasCDATA.FindStringSubmatch(frag); c != nil {
			frag = c[1]
		} else if !strings.Contains(frag, "<") {
			frag = html.UnescapeString(frag) // records escaped instead of wrapped in CDATA
		}
		out = append(out, htmlLinks(&page{URL: p.URL, Text: frag, Kind: KindList}, frag)...)
	}
	q := p.URL.Query()
	isProxy := isDataproxy(p.URL)
	total := 0
	if m := jpaasTotal.FindStringSubmatch(p.Text); m != nil {
		total, _ = strconv.Atoi(m[1])
	}
	start := atoi(q.Get("startrecord"))
	if isProxy && start > 1 && total > 0 {
		return out // with a known total, every group was requested from the first one
	}
	// A dataproxy URL written in the page (the <nextgroup> link of an
	// inline datastore, or the jpage script) carries the parameters the
	// server expects beyond the three ids (appid, path, webname …).
	proxy, extra := jpaasProxy, url.Values{}
	if isProxy {
		proxy, extra = p.URL.Path, p.URL.Query()
	} else if m := jpaasProxyIn.FindStringSubmatch(p.Text); m != nil {
		ref := html.UnescapeString(m[1])
		if u := resolve(p.URL, ref); u != nil && (strings.HasPrefix(ref, "/") || strings.Contains(ref, "://")) {
			proxy = u.Path
		}
		if i := strings.IndexByte(ref, '?'); i >= 0 {
			if v, err := url.ParseQuery(ref[i+1:]); err == nil {
				extra = v
			}
		}
	}
	get := func(name string) string {
		if v := q.Get(name); v != "" {
			return v
		}
		if v := extra.Get(name); v != "" {
			return v
		}
		return jpaasParam(p.Text, name)
	}
	col := get("columnid")
	if m := jpaasColPath.FindStringSubmatch(p.URL.Path); m != nil && col == "" {
		col = m[1]
	}
	unit, web := get("unitid"), get("webid")
	if col == "" || unit == "" || web == "" {
		return out
	}
	perPage, _ := strconv.Atoi(get("perpage"))
	if perPage <= 0 {
		perPage = 15
	}
	groupSize, _ := strconv.Atoi(jpaasParam(p.Text, "groupSize"))
	if groupSize <= 0 || groupSize > 20 {
		groupSize = 3 // jpage's default
	}
	group := perPage * groupSize
	if isProxy {
		if s, e := atoi(q.Get("startrecord")), atoi(q.Get("endrecord")); e >= s && s > 0 {
			group = e - s + 1
		}
	}
	first := 1
	switch {
	case isProxy:
		first = max(start, 1) + group // the groups after this answer
		if total == 0 {
			if len(records) < group {
				return out // a short group is the last one
			}
			total = first // unknown total: ask for the next group only
		}
	case total == 0:
		total = 1 // unknown: request the first group, whose answer tells the total
	case len(records) >= group:
		// The column page holds the whole first group inline: ask for
		// the groups after it only.
		first = group + 1
	}
	for k := range extra {
		switch strings.ToLower(k) {
		case "startrecord", "endrecord", "perpage", "page", "columnid", "unitid", "webid":
			delete(extra, k)
		}
	}
	for s := first; s <= total && s < group*DefaultMaxListPages; s += group {
		v := url.Values{}
		for k, vs := range extra {
			v[k] = vs
		}
		v.Set("startrecord", strconv.Itoa(s))
		v.Set("endrecord", strconv.Itoa(s+group-1))
		v.Set("perpage", strconv.Itoa(perPage))
		v.Set("columnid", col)
		v.Set("unitid", unit)
		v.Set("webid", web)
		u := resolve(p.URL, proxy)
		if u == nil {
			break
		}
		u.RawQuery = v.Encode()
		out = append(out, link{URL: u.String(), Kind: KindList, Title: fmt.Sprintf("records %d-%d", s, s+group-1)})
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
