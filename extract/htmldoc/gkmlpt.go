package htmldoc

import (
	"bytes"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/extract/document"
)

// Guangdong's 政府信息公开目录管理平台 (gkmlpt) serves content pages whose
// <body> is an empty <div id="app">: a script renders the article from
//
//	window._CONFIG = {SID: '…', DETAIL: {"title": "…", "content": "…HTML…",
//	    "publish_time": …, …}, …};
//
// The article exists only as that JavaScript string, written by PHP's
// json_encode (<, > and & as \u003c…, / as \/) or by hand-made templates
// (single quotes, \x escapes). gkmlptArticle finds and decodes it.

// maxShellText is the most visible text (runes) a page may show around
// an article it holds only in a script's "content": property.
const maxShellText = 200

// maxConfigScan bounds how much script text is scanned for the object.
const maxConfigScan = 16 << 20

// gkmlpt is what a gkmlpt content page's DETAIL object holds.
type gkmlpt struct {
	content   string // the article's HTML
	title     string
	published string // "2006-01-02 15:04", China time, or ""
	// detail is false when content came from a "content": property
	// outside DETAIL, a weaker sign of a gkmlpt page.
	detail bool
}

// gkmlptArticle returns the DETAIL of a gkmlpt content page: the text of
// a <script> that assigns _CONFIG with a DETAIL object whose content is a
// string. ok is false for every other page.
func gkmlptArticle(root *html.Node) (gkmlpt, bool) {
	var found gkmlpt
	ok := false
	stack := []*html.Node{root}
	for len(stack) > 0 && !ok {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == atom.Script {
			if c := n.FirstChild; c != nil && c.Type == html.TextNode && strings.Contains(c.Data, "_CONFIG") {
				found, ok = parseConfig(c.Data)
			}
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return found, ok
}

// parseConfig reads DETAIL out of a script assigning _CONFIG. The content
// is looked for as DETAIL's own property first; some templates put it in a
// separate "content": property of the configuration (or of a JSON blob
// beside it), which is taken when DETAIL has none.
func parseConfig(script string) (gkmlpt, bool) {
	if len(script) > maxConfigScan {
		script = script[:maxConfigScan]
	}
	at := strings.Index(script, "_CONFIG")
	if at < 0 {
		return gkmlpt{}, false
	}
	s := script[at:]
	var g gkmlpt
	if i := keyValue(s, "DETAIL"); i >= 0 && i < len(s) && s[i] == '{' {
		props := objectProps(s[i:])
		g.content = props["content"]
		g.title = props["title"]
		g.published = publishTime(props)
		g.detail = strings.TrimSpace(g.content) != ""
	}
	if strings.TrimSpace(g.content) == "" {
		// A separate "content": property anywhere after _CONFIG: take the
		// longest string value that holds markup.
		for rest := s; ; {
			i := keyValue(rest, "content")
			if i < 0 {
				break
			}
			if v, n, ok := jsString(rest[i:]); ok {
				if strings.ContainsRune(v, '<') && len(v) > len(g.content) {
					g.content = v
				}
				rest = rest[i+n:]
				continue
			}
			rest = rest[i:]
		}
	}
	if strings.TrimSpace(g.content) == "" {
		return gkmlpt{}, false
	}
	return g, true
}

// publishTimeKeys are DETAIL's date properties, most specific first.
var publishTimeKeys = []string{"publish_time", "display_publish_time", "publish_date", "pubdate", "date", "created_at"}

// publishTime returns the article's publication time: a date string as
// written, or a Unix timestamp (seconds or milliseconds) in China time.
func publishTime(props map[string]string) string {
	for _, k := range publishTimeKeys {
		v := strings.TrimSpace(props[k])
		if v == "" {
			continue
		}
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			if n > 1e11 {
				n /= 1000 // milliseconds
			}
			// 1990 to 2100: anything else is not a publication time.
			if n < 631152000 || n > 4102444800 {
				continue
			}
			return time.Unix(n, 0).In(chinaTime).Format("2006-01-02 15:04")
		}
		if strings.IndexFunc(v, isDigit) >= 0 {
			return v
		}
	}
	return ""
}

// chinaTime is China Standard Time, which has no daylight saving: a
// fixed zone needs no tz database.
var chinaTime = time.FixedZone("CST", 8*3600)

// keyValue finds a property named key in JavaScript source, written bare
// (DETAIL:) or quoted ("DETAIL": or 'DETAIL':), and returns the offset of
// its value (after the colon and blanks), or -1.
func keyValue(s, key string) int {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], key)
		if i < 0 {
			return -1
		}
		i += from
		from = i + len(key)
		// A whole name: quoted, or not the tail or head of a longer
		// identifier.
		end := i + len(key)
		if i > 0 && (s[i-1] == '"' || s[i-1] == '\'') {
			if end >= len(s) || s[end] != s[i-1] {
				continue
			}
			end++
		} else if i > 0 && identByte(s[i-1]) || end < len(s) && identByte(s[end]) {
			continue
		}
		j := skipBlank(s, end)
		if j >= len(s) || s[j] != ':' {
			continue
		}
		return skipBlank(s, j+1)
	}
	return -1
}

func identByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'z' || c >= utf8.RuneSelf
}

// skipBlank skips whitespace and comments from i.
func skipBlank(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v':
			i++
		case strings.HasPrefix(s[i:], "//"):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				return len(s)
			}
			i += end + 1
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return len(s)
			}
			i += 2 + end + 2
		default:
			return i
		}
	}
	return i
}

// objectProps reads the top-level properties of the object literal that
// starts s ('{'): string values decoded, other scalars (numbers, true,
// null) as written; nested objects and arrays are skipped. It stops
// quietly at anything it cannot read, returning what it has.
func objectProps(s string) map[string]string {
	props := map[string]string{}
	if s == "" || s[0] != '{' {
		return props
	}
	i := 1
	for {
		i = skipBlank(s, i)
		if i >= len(s) || s[i] == '}' {
			return props
		}
		// The key: a string or an identifier (or a number).
		var key string
		if s[i] == '"' || s[i] == '\'' {
			k, n, ok := jsString(s[i:])
			if !ok {
				return props
			}
			key, i = k, i+n
		} else {
			j := i
			for j < len(s) && identByte(s[j]) {
				j++
			}
			if j == i {
				return props
			}
			key, i = s[i:j], j
		}
		i = skipBlank(s, i)
		if i >= len(s) || s[i] != ':' {
			return props
		}
		i = skipBlank(s, i+1)
		if i >= len(s) {
			return props
		}
		switch s[i] {
		case '"', '\'', '`':
			v, n, ok := jsString(s[i:])
			if !ok {
				return props
			}
			if _, dup := props[key]; !dup {
				props[key] = v
			}
			i += n
		default:
			j := skipValue(s, i)
			if j <= i {
				return props
			}
			if _, dup := props[key]; !dup {
				props[key] = strings.TrimSpace(s[i:j])
			}
			i = j
		}
		i = skipBlank(s, i)
		if i < len(s) && s[i] == ',' {
			i++
		}
	}
}

// skipValue returns the end of the non-string value starting at i: up to
// the ',' or closing bracket at its own nesting level, strings inside
// nested objects and arrays skipped whole.
func skipValue(s string, i int) int {
	depth := 0
	for i < len(s) {
		switch c := s[i]; c {
		case '"', '\'', '`':
			_, n, ok := jsString(s[i:])
			if !ok {
				return len(s)
			}
			i += n
			continue
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			if depth == 0 {
				return i
			}
			depth--
		case ',':
			if depth == 0 {
				return i
			}
		}
		i++
	}
	return i
}

// jsString decodes the JavaScript string literal that starts s (quoted
// with ", ' or `), returning its value and the literal's length in
// bytes. Escapes: \n \t \r \b \f \v \0, \xHH, \uXXXX (surrogate pairs
// joined; a lone surrogate becomes U+FFFD), \u{X…}, a backslash before a
// line break (a continuation, dropped), and any other character escaped
// as itself (\" \' \\ \/). ok is false when the literal is unterminated.
// A template literal's ${…} is kept as written.
func jsString(s string) (string, int, bool) {
	if s == "" {
		return "", 0, false
	}
	q := s[0]
	if q != '"' && q != '\'' && q != '`' {
		return "", 0, false
	}
	// Fast path: no escapes.
	end := strings.IndexByte(s[1:], q)
	if end < 0 {
		return "", 0, false
	}
	if strings.IndexByte(s[1:1+end], '\\') < 0 {
		return s[1 : 1+end], end + 2, true
	}
	var b strings.Builder
	b.Grow(end)
	i := 1
	for i < len(s) {
		c := s[i]
		switch {
		case c == q:
			return b.String(), i + 1, true
		case c != '\\':
			j := i + 1
			for j < len(s) && s[j] != q && s[j] != '\\' {
				j++
			}
			b.WriteString(s[i:j])
			i = j
			continue
		}
		// An escape.
		if i+1 >= len(s) {
			return "", 0, false
		}
		e := s[i+1]
		i += 2
		switch e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case '\n':
		case 'x':
			if v, ok := hexValue(s, i, 2); ok {
				b.WriteRune(rune(v))
				i += 2
			} else {
				b.WriteByte('x')
			}
		case 'u':
			r, n := unicodeEscape(s, i)
			if n == 0 {
				b.WriteByte('u')
				continue
			}
			i += n
			if r >= 0xD800 && r < 0xDC00 && i+1 < len(s) && s[i] == '\\' && s[i+1] == 'u' {
				if lo, m := unicodeEscape(s, i+2); m > 0 && lo >= 0xDC00 && lo < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
					i += 2 + m
				}
			}
			b.WriteRune(r) // a lone surrogate is written as U+FFFD
		default:
			// \" \' \\ \/ and any other character: itself (a multi-byte
			// character is copied whole by the next round).
			i--
			if e < utf8.RuneSelf {
				b.WriteByte(e)
				i++
			}
		}
	}
	return "", 0, false
}

// unicodeEscape reads the XXXX of \uXXXX or the {X…} of \u{X…} at s[i:],
// returning the code point and the bytes read (0 when malformed).
func unicodeEscape(s string, i int) (rune, int) {
	if i < len(s) && s[i] == '{' {
		end := strings.IndexByte(s[i:], '}')
		if end < 2 || end > 7 {
			return 0, 0
		}
		v, ok := hexValue(s, i+1, end-1)
		if !ok || v > utf8.MaxRune {
			return 0, 0
		}
		return rune(v), end + 1
	}
	v, ok := hexValue(s, i, 4)
	if !ok {
		return 0, 0
	}
	return rune(v), 4
}

// hexValue reads n hex digits at s[i:].
func hexValue(s string, i, n int) (int, bool) {
	if i+n > len(s) {
		return 0, false
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | int(c-'0')
		case c|0x20 >= 'a' && c|0x20 <= 'f':
			v = v<<4 | int(c|0x20-'a'+10)
		default:
			return 0, false
		}
	}
	return v, true
}

// gkmlptBody parses the article HTML into a body element.
func gkmlptBody(content string) (*html.Node, error) {
	root, err := html.Parse(strings.NewReader(content))
	if err != nil {
		root, err = html.Parse(bytes.NewReader(inlineTags.ReplaceAll([]byte(content), nil)))
		if err != nil {
			return nil, err
		}
	}
	body := findElement(root, atom.Body)
	if body != nil {
		forElements(body, settleStyles)
	}
	return body, nil
}

// forElements calls f on every element under n, n included.
func forElements(n *html.Node, f func(*html.Node)) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode {
			f(c)
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
}

// findElement returns the first element a under n, in document order.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return nil
}

// gkmlptPage recognises a gkmlpt content page and returns its article's
// body element, after recording the DETAIL title and publication time in
// doc where the page's own <title> and meta tags are silent. The title
// also opens the article, as the page's script renders it above the
// content, unless the content already starts with it.
func gkmlptPage(text []byte, root *html.Node, doc *document.Document) (*html.Node, bool) {
	if !bytes.Contains(text, []byte("_CONFIG")) {
		return nil, false
	}
	g, ok := gkmlptArticle(root)
	if !ok {
		return nil, false
	}
	if !g.detail {
		// Some other script's "content": an article only when the page
		// shows next to no text of its own (gkmlpt's body is an empty
		// app div), never in place of a page's visible article.
		if b := findElement(root, atom.Body); b != nil && statOf(b, nil).plain() > maxShellText {
			return nil, false
		}
	}
	body, err := gkmlptBody(g.content)
	if err != nil || body == nil {
		return nil, false
	}
	title := strings.Join(strings.FieldsFunc(g.title, isSpace), " ")
	if title != "" {
		if doc.Title == "" {
			doc.Title = title
		}
		if _, ok := doc.Meta["articletitle"]; !ok {
			doc.Meta["articletitle"] = title
		}
		var first textBuf
		if p := firstParagraph(body); p != nil {
			collect(&first, p)
		}
		if first.String() != title {
			h := &html.Node{Type: html.ElementNode, Data: "h1", DataAtom: atom.H1}
			h.AppendChild(&html.Node{Type: html.TextNode, Data: title})
			body.InsertBefore(h, body.FirstChild)
		}
	}
	if g.published != "" {
		if _, ok := doc.Meta["publishdate"]; !ok {
			doc.Meta["publishdate"] = g.published
		}
	}
	return body, true
}

// firstParagraph returns the first block element of body that holds
// text, or nil.
func firstParagraph(body *html.Node) *html.Node {
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimFunc(c.Data, isSpace) != "":
			return nil // loose text first: no heading to compare
		case c.Type == html.ElementNode && isBlock(c.DataAtom):
			var t textBuf
			collect(&t, c)
			if t.Len() > 0 {
				return c
			}
		}
	}
	return nil
}
