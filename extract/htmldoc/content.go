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
	tables int // data tables (no nested table, more plain text than links)
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
		if n.DataAtom == atom.Table && !nested && s.plain() > s.link {
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
// widens to the ancestors that add only a little text before it and next
// to nothing after it, which takes in the article's own title and date
// line but not the footer.
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
	// Widen to take in the title and date line above the body: climb to
	// the parent while what it adds before the body is a heading's worth
	// of text and little navigation, and it adds nothing after it (that
	// is where footers, share buttons and related-article lists sit).
	const headerText, headerLinks, trailerText = 300, 60, 40
	for best != body && best.Parent != nil {
		p := best.Parent
		if _, ok := st[p]; !ok {
			break
		}
		var before, after stat
		passed := false
		for c := p.FirstChild; c != nil; c = c.NextSibling {
			if c == best {
				passed = true
				continue
			}
			cs := statOf(c, st)
			if !passed {
				before.text += cs.text
				before.link += cs.link
			} else {
				after.text += cs.text
				after.link += cs.link
			}
		}
		if before.plain() > headerText || before.link > headerLinks || after.plain() > trailerText {
			break
		}
		best = p
	}
	return best
}

// statOf returns a node's text stats, from the map when measure kept
// them, else counted now (inline elements and text are small).
func statOf(n *html.Node, st map[*html.Node]stat) stat {
	if s, ok := st[n]; ok {
		return s
	}
	var s stat
	var visit func(n *html.Node, inLink bool, depth int)
	visit = func(n *html.Node, inLink bool, depth int) {
		switch n.Type {
		case html.TextNode:
			k := 0
			for _, r := range n.Data {
				if !isSpace(r) && !isInvisible(r) {
					k++
				}
			}
			s.text += k
			if inLink {
				s.link += k
			}
			return
		case html.ElementNode:
			if skipped(n) || depth > maxDepth {
				return
			}
		default:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inLink || n.DataAtom == atom.A, depth+1)
		}
	}
	visit(n, false, 0)
	return s
}
