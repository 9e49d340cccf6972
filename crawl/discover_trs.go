package crawl

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// TRS (拓尔思) list pages carry no pagination links: a script call
// createPageHTML(total, current, "index", "html") writes them, meaning
// index.html, index_1.html … index_{total-1}.html in the page's directory.
// Some versions take a leading element id and a trailing record count:
// createPageHTML('page_div', 5, 0, 'index', 'shtml', 68).

var trsCall = regexp.MustCompile(`createPageHTML\s*\(([^)]*)\)`)

func isTRS(p *page) bool { return strings.Contains(p.Text, "createPageHTML") }

func trsLinks(p *page) []link {
	var out []link
	for _, m := range trsCall.FindAllStringSubmatch(p.Text, -1) {
		total, prefix, ext, ok := trsArgs(p.Text, m[1])
		if !ok {
			continue
		}
		dir := path.Dir(p.URL.Path)
		for i := 0; i < total && i < DefaultMaxListPages; i++ {
			name := prefix + "." + ext
			if i > 0 {
				name = fmt.Sprintf("%s_%d.%s", prefix, i, ext)
			}
			u := *p.URL
			u.Path = path.Join(dir, name)
			u.RawPath, u.RawQuery, u.Fragment = "", "", ""
			out = append(out, link{URL: u.String(), Kind: KindList})
		}
	}
	return out
}

// trsArgs finds, among the call's arguments, two numbers (total, current)
// followed by two strings (file prefix, extension). A number may be given
// as a variable declared in the page (var countPage = 5).
func trsArgs(text, args string) (total int, prefix, ext string, ok bool) {
	parts := strings.Split(args, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	for i := 0; i+3 < len(parts); i++ {
		t, ok1 := trsNumber(text, parts[i])
		_, ok2 := trsNumber(text, parts[i+1])
		pre, ok3 := jsString(parts[i+2])
		e, ok4 := jsString(parts[i+3])
		if ok1 && ok2 && ok3 && ok4 && pre != "" && e != "" && t > 0 {
			return t, pre, e, true
		}
	}
	return 0, "", "", false
}

func trsNumber(text, arg string) (int, bool) {
	a := strings.Trim(arg, `"'`)
	if n, err := strconv.Atoi(a); err == nil {
		return n, true
	}
	if !jsIdent.MatchString(a) {
		return 0, false
	}
	re := regexp.MustCompile(`(?:var|let|const)?\s*\b` + regexp.QuoteMeta(a) + `\s*=\s*["']?(\d+)`)
	if m := re.FindStringSubmatch(text); m != nil {
		n, err := strconv.Atoi(m[1])
		return n, err == nil
	}
	return 0, false
}

var jsIdent = regexp.MustCompile(`^[A-Za-z_$][A-Za-z0-9_$]*$`)

// jsString returns the content of a quoted JavaScript string argument.
func jsString(a string) (string, bool) {
	if len(a) >= 2 && (a[0] == '"' || a[0] == '\'') && a[len(a)-1] == a[0] {
		s := a[1 : len(a)-1]
		if _, err := strconv.Atoi(s); err == nil {
			return "", false
		}
		return s, true
	}
	return "", false
}
