package htmldoc

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stat is what the content finder knows of an element's subtree.
type stat struct {
	text   int // runes of visible text
	link   int // runes of visible text inside links
	tables int // data tables (tables without a nested table)
}

func (s stat) plain() int { return s.text - s.link }

// measure computes the stats of the elements under root that could hold
// the article: block elements outside tables (content never looks inside
// a table). Keeping the map to those keeps table-heavy pages cheap.
func measure(root *html.Node) map[*html.Node]stat {
	st := make(map[*html.Node]stat)
	var visit func(n *html.Node, inLink, inTable bool, depth int) stat
	visit = func(n *html.Node, inLink, inTable bool, depth int) stat {
		var s stat
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if !isSpace(r) && !isInvisible(r) {
					s.text++
				}
			}
			if inLink {
				s.link = s.text
			}
			return s
		case html.ElementNode:
			if skipped(n) || depth > maxDepth {
				return s
			}
		default:
			return s
		}
		link := inLink || n.DataAtom == atom.A
		table := inTable || n.DataAtom == atom.Table
		nested := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			cs := visit(c, link, table, depth+1)
			s.text += cs.text
			s.link += cs.link
			s.tables += cs.tables
			if c.Type == html.ElementNode && c.DataAtom == atom.Table || cs.tables > 0 {
				nested = true
			}
		}
		if n.DataAtom == atom.Table && !nested {
			s.tables++
		}
		if n == root || !inTable && (isBlock(n.DataAtom) || proposed(n)) {
			st[n] = s
		}
		return s
	}
	visit(root, false, false, 0)
	return st
}

// The article bodies of common Chinese government CMSs (TRS WCM, Hanweb,
// ...), by class, id or element name. They only propose; content accepts
// one when it holds the page's tables and most of its text.
var (
	articleClasses = set("TRS_Editor", "trs_editor_view", "zoom", "article-content", "article_content",
		"articleContent", "art_con", "art-con", "pages_content", "content_text", "news_content",
		"detail-content", "xxgk_content", "content", "article")
	articleIDs  = set("zoom", "Zoom", "UCAP-CONTENT", "content", "main")
	articleTags = map[atom.Atom]bool{atom.Article: true, atom.Main: true}
)

func set(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// proposed reports whether an element is named like an article body.
func proposed(n *html.Node) bool {
	if articleTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch {
		case a.Namespace != "":
		case a.Key == "id" && articleIDs[a.Val]:
			return true
		case a.Key == "class":
			for _, c := range strings.Fields(a.Val) {
				if articleClasses[c] {
					return true
				}
			}
		}
	}
	return false
}

// content finds the element holding the report: the CMS article body
// when one is recognised, else the deepest element that still holds
// every data table and most of the page's plain (non-link) text; then it
// widens to the ancestors that add only a little plain text, which is
// where the article's own title and date line sit.
func content(body *html.Node, st map[*html.Node]stat) *html.Node {
	total := st[body]
	if total.plain() == 0 {
		return body
	}
	holds := func(n *html.Node, share float64) bool {
		s := st[n]
		return s.tables == total.tables && float64(s.plain()) >= share*float64(total.plain())
	}
	best := body
	for n, s := range st {
		if proposed(n) && holds(n, 0.5) && s.plain() < st[best].plain() {
			best = n
		}
	}
	// Descend while one child holds nearly everything.
	for {
		var next *html.Node
		for c := best.FirstChild; c != nil; c = c.NextSibling {
			if _, ok := st[c]; ok && c.DataAtom != atom.Table && holds(c, 0.7) {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		best = next
	}
	// Widen to take in the title and date line above the body: stop at
	// the first ancestor that adds more than a heading's worth of text,
	// or navigation (link text).
	const headerText, headerLinks = 300, 60
	inner := st[best]
	for best != body && best.Parent != nil {
		p, ok := st[best.Parent]
		if !ok || p.plain()-inner.plain() > headerText || p.link-inner.link > headerLinks {
			break
		}
		best = best.Parent
	}
	return best
}
