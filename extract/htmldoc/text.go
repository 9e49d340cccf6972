package htmldoc

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textBuf accumulates text the way a reader sees it: runs of whitespace
// (including NBSP and the full-width space) and element breaks become at
// most one space (see needSpace for where none is kept). Adjacent inline
// elements join with nothing between them, so Word's
// <span>2</span><span>0</span> reads "20".
type textBuf struct {
	sb   strings.Builder
	last rune
	gap  bool
	cell bool
}

func (t *textBuf) add(s string) {
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isSpace(r):
			t.gap = true
		case isInvisible(r):
		default:
			if t.gap && t.sb.Len() > 0 && needSpace(t.last, r, t.cell) {
				t.sb.WriteByte(' ')
			}
			t.gap = false
			if r == utf8.RuneError && n == 1 {
				t.sb.WriteRune(r) // an invalid byte is written as U+FFFD
			} else {
				t.sb.WriteString(s[i : i+n])
			}
			t.last = r
		}
		i += n
	}
}

// brk marks an element boundary: joined like whitespace.
func (t *textBuf) brk() { t.gap = true }

func (t *textBuf) String() string { return t.sb.String() }

func (t *textBuf) Len() int { return t.sb.Len() }

func (t *textBuf) reset() {
	t.sb.Reset()
	t.last = 0
	t.gap = false
}

// needSpace reports whether a gap between a and b is kept as a space.
// Between two CJK runes never: the gap is a line wrap or a span boundary
// of the paste. In a cell, only between two Latin (or ASCII) runes that
// are not both digits: a cell is one label or one number. In running
// text, wherever one side is Latin or a digit ("某某局 2021年1月20日"
// keeps the boundary between a name and its date).
func needSpace(a, b rune, cell bool) bool {
	if cell {
		// Parts of one number: digits, a sign before them, separators
		// and a percent sign after them ("+ 14", "1 ,234", "95 %").
		if isDigit(b) && (isDigit(a) || strings.ContainsRune("+-−.,", a)) ||
			isDigit(a) && strings.ContainsRune(".,%", b) {
			return false
		}
		return isLatin(a) && isLatin(b)
	}
	return isLatin(a) || isLatin(b)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isLatin is a rune of Latin script text, ASCII punctuation included;
// everything from the CJK radicals block up is not.
func isLatin(r rune) bool { return r < 0x2E80 && !unicode.IsSpace(r) }

// isSpace covers the spaces a page uses for layout: ASCII, NBSP (&nbsp;),
// the full-width space and the other Unicode spaces.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }

// isInvisible covers characters that render as nothing.
func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return r < ' ' // control characters other than the spaces above
}

// skipped reports elements whose content is never report text.
func skipped(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Head, atom.Title,
		atom.Select, atom.Option, atom.Button, atom.Iframe, atom.Object, atom.Embed,
		atom.Svg, atom.Math, atom.Canvas, atom.Textarea, atom.Input, atom.Audio, atom.Video:
		return true
	}
	if n.DataAtom == 0 && n.Data == "xml" {
		return true // Word's <xml> islands of document properties
	}
	return hidden(n)
}

// hidden reports an element styled display:none (or visibility:hidden),
// or carrying the hidden attribute. Word pastes give every element a long
// style, so the common case is one allocation-free scan.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		if a.Key == "hidden" {
			return true
		}
		if a.Key == "style" && styleHides(a.Val) {
			return true
		}
	}
	return false
}

// styleHides reports a style attribute's value that hides the element.
func styleHides(v string) bool {
	if !(containsFold(v, "none") || containsFold(v, "hidden")) {
		return false
	}
	return squeezedContains(v, "display:none") || squeezedContains(v, "visibility:hidden")
}

// settleStyles decides hidden once per element for the whole of a
// Read: the walkers ask skipped about every element several times
// (measure, walk, collect, layout), and Word pastes give every element a
// long style to scan. A style that hides the element becomes the hidden
// attribute; any other is dropped, since nothing else reads styles.
func settleStyles(n *html.Node) {
	keep := n.Attr[:0]
	for _, a := range n.Attr {
		if a.Key == "style" && a.Namespace == "" {
			if !styleHides(a.Val) {
				continue
			}
			a = html.Attribute{Key: "hidden"}
		}
		keep = append(keep, a)
	}
	n.Attr = keep
}

// squeezedContains reports whether s, lower-cased and with all its white
// space removed, contains sub (lower-case ASCII, no spaces), without
// building that string: Word pastes style every element, and "border:
// none" sends most of them here.
func squeezedContains(s, sub string) bool {
	if ascii(s) {
		return squeezedContainsASCII(s, sub)
	}
	for i, r := range s {
		if unicode.IsSpace(r) || unicode.ToLower(r) != rune(sub[0]) {
			continue
		}
		// Match the rest, skipping white space.
		j, k := i+utf8.RuneLen(r), 1
		for k < len(sub) && j < len(s) {
			c, n := utf8.DecodeRuneInString(s[j:])
			j += n
			if unicode.IsSpace(c) {
				continue
			}
			if unicode.ToLower(c) != rune(sub[k]) {
				break
			}
			k++
		}
		if k == len(sub) {
			return true
		}
	}
	return false
}

// squeezedContainsASCII is squeezedContains for an ASCII s, where white
// space is the six ASCII spaces and lower-casing is ASCII's.
func squeezedContainsASCII(s, sub string) bool {
	first := sub[0]
	for i := 0; i < len(s); i++ {
		if s[i]|0x20 != first {
			continue
		}
		j, k := i+1, 1
		for k < len(sub) && j < len(s) {
			c := s[j]
			j++
			if c == ' ' || c-'\t' <= '\r'-'\t' {
				continue
			}
			if lowerASCII(c) != sub[k] {
				break
			}
			k++
		}
		if k == len(sub) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring ASCII case.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// isBlock reports elements that start a new paragraph.
func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Section, atom.Article,
		atom.Aside, atom.Header, atom.Footer, atom.Nav, atom.Main, atom.Blockquote,
		atom.Pre, atom.Center, atom.Form, atom.Address, atom.Figure, atom.Figcaption,
		atom.Caption, atom.Tr, atom.Td, atom.Th, atom.Table, atom.Tbody, atom.Thead,
		atom.Tfoot, atom.Body, atom.Html, atom.Fieldset, atom.Legend, atom.Details,
		atom.Summary, atom.Hr, atom.Br:
		return true
	}
	return false
}

// collect appends the text under n to t, breaking at block elements and
// <br>, without recursion (nesting depth is the page's to choose).
func collect(t *textBuf, n *html.Node) {
	type frame struct {
		n     *html.Node
		after bool // the element's end: emit its closing break
	}
	stack := []frame{{n: n}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c := f.n
		if f.after {
			t.brk()
			continue
		}
		switch c.Type {
		case html.TextNode:
			t.add(c.Data)
			continue
		case html.ElementNode:
			if c != n && skipped(c) {
				continue
			}
			if isBlock(c.DataAtom) {
				t.brk()
				stack = append(stack, frame{n: c, after: true})
			}
		case html.DocumentNode:
		default:
			continue
		}
		// Push children in reverse so the first is handled first.
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, frame{n: k})
		}
	}
}

// attr returns an attribute's value.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}
