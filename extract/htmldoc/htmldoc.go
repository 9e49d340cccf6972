package htmldoc

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/govreport/govreport/extract/document"
)

// inlineTags matches the start and end tags of inline formatting elements.
var inlineTags = regexp.MustCompile(`(?i)</?(?:span|font|b|i|u|s|em|strong|small|big|sub|sup|strike|ins|del|mark|abbr|nobr|o:p|st1:[a-z]+)(?:\s[^>]*)?/?>`)

// maxDepth bounds the recursion of the block walker; deeper content is
// still read, as the text of one paragraph.
const maxDepth = 400

// Read parses an HTML page or fragment.
func Read(data []byte) (*document.Document, error) {
	text, cs := decode(data)
	root, err := html.Parse(bytes.NewReader(text))
	if err != nil {
		// The parser refuses nesting deeper than 512 elements. Broken
		// pages reach it with thousands of unclosed <span>s or <font>s,
		// which carry no structure: without them the page may parse.
		root, err = html.Parse(bytes.NewReader(inlineTags.ReplaceAll(text, nil)))
		if err != nil {
			return nil, fmt.Errorf("parse html: %w", err)
		}
	}
	doc := &document.Document{Format: "html", Meta: map[string]string{}}
	body := readMeta(root, doc)
	doc.Meta["charset"] = cs

	w := &walker{budget: maxDocSlots}
	if art, ok := gkmlptPage(text, root, doc); ok {
		// A gkmlpt content page: the article is the whole of the
		// decoded DETAIL content, nothing around it to leave out.
		w.walk(art, 0)
	} else {
		if body == nil {
			return doc, nil
		}
		st := measure(body)
		w.walk(content(body, st), 0)
	}
	w.flush()
	doc.Blocks = make([]document.Block, 0, len(w.blocks))
	tables := 0
	for i, b := range w.blocks {
		loc := "b" + strconv.Itoa(i+1)
		if b.grid == nil {
			doc.Blocks = append(doc.Blocks, document.Paragraph(b.text, loc))
			continue
		}
		tables++
		doc.Blocks = append(doc.Blocks, document.Block{Table: b.grid.table(tables), Locator: loc})
	}
	return doc, nil
}

// readMeta keeps the page title (the first <title>) and every <meta
// name|property content> under its lower-cased name (articletitle,
// pubdate, columnname, ...), the first of a name winning, and returns the
// first <body>, in one walk of the tree, which also settles every
// element's style (settleStyles).
func readMeta(root *html.Node, doc *document.Document) *html.Node {
	var body *html.Node
	title := false
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			settleStyles(n)
			switch {
			case n.DataAtom == atom.Title && !title:
				title = true
				doc.Title = strings.Join(strings.FieldsFunc(nodeText(n), isSpace), " ")
			case n.DataAtom == atom.Meta:
				metaTag(n, doc)
			case n.DataAtom == atom.Body && body == nil:
				body = n
			}
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return body
}

// metaTag records one <meta name|property content>.
func metaTag(m *html.Node, doc *document.Document) {
	// The first attribute of each key, whatever its namespace.
	var name, property, content string
	hasName, hasProperty, hasContent := false, false, false
	for _, a := range m.Attr {
		switch {
		case a.Key == "name" && !hasName:
			name, hasName = a.Val, true
		case a.Key == "property" && !hasProperty:
			property, hasProperty = a.Val, true
		case a.Key == "content" && !hasContent:
			content, hasContent = a.Val, true
		}
	}
	if name == "" {
		name = property
	}
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" || !hasContent {
		return
	}
	content = strings.Join(strings.FieldsFunc(content, isSpace), " ")
	if _, dup := doc.Meta[name]; !dup && content != "" && name != "charset" {
		doc.Meta[name] = content
	}
}

// nodeText is the text of the text nodes under n, concatenated in
// document order.
func nodeText(n *html.Node) string {
	var b strings.Builder
	stack := []*html.Node{n}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	return b.String()
}

// block is a paragraph or a table grid, before numbering.
type block struct {
	text string
	grid *grid
}

// walker turns the content element into blocks in reading order.
type walker struct {
	blocks []block
	para   textBuf
	ids    int
	budget int
	link   int  // depth of <a> elements around the current node
	plain  bool // the paragraph has text outside links
}

// flush ends the current paragraph. One whose words are all link text is
// navigation (breadcrumbs, share buttons, "related links"), not report.
func (w *walker) flush() {
	if w.para.Len() > 0 && w.plain {
		w.blocks = append(w.blocks, block{text: w.para.String()})
	}
	w.para.reset()
	w.plain = false
}

func (w *walker) walk(n *html.Node, depth int) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.node(c, depth+1)
	}
}

func (w *walker) node(n *html.Node, depth int) {
	switch n.Type {
	case html.TextNode:
		w.para.add(n.Data)
		if w.link == 0 && strings.IndexFunc(n.Data, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			w.plain = true
		}
		return
	case html.ElementNode:
	default:
		return
	}
	if skipped(n) {
		return
	}
	if depth > maxDepth {
		collect(&w.para, n)
		w.plain = true
		return
	}
	switch {
	case n.DataAtom == atom.Table:
		w.flush()
		w.table(n, depth)
	case n.DataAtom == atom.Br || n.DataAtom == atom.Hr:
		w.flush()
	case isBlock(n.DataAtom):
		w.flush()
		w.walk(n, depth)
		w.flush()
	case n.DataAtom == atom.A:
		w.link++
		w.walk(n, depth)
		w.link--
	default:
		w.walk(n, depth)
	}
}

// table adds a table: as a grid when it holds data, or walked as blocks
// when it is a layout table around the data tables (portals of the 2000s
// lay out whole pages in tables).
func (w *walker) table(n *html.Node, depth int) {
	if layout(n) {
		for _, tr := range rowsOf(n) {
			for _, td := range cellsOf(tr) {
				w.walk(td, depth+2)
				w.flush()
			}
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Caption {
			collect(&w.para, c)
			w.plain = true
			w.flush()
		}
	}
	g := build(n, &w.ids, &w.budget)
	if len(g.rows) == 0 {
		return
	}
	// A table right after a table, nothing but blank paragraphs and page
	// breaks between them (or a "续表" caption), may be the same table
	// cut by a page break.
	k := len(w.blocks)
	if k > 1 && w.blocks[k-1].grid == nil && continued(w.blocks[k-1].text) && w.blocks[k-2].grid != nil {
		if continues(w.blocks[k-2].grid, g) {
			w.blocks = w.blocks[:k-1]
			join(w.blocks[k-2].grid, g, &w.ids)
			return
		}
	}
	if k > 0 && w.blocks[k-1].grid != nil && continues(w.blocks[k-1].grid, g) {
		join(w.blocks[k-1].grid, g, &w.ids)
		return
	}
	w.blocks = append(w.blocks, block{grid: g})
}

// continued reports the caption Chinese documents put over the rest of a
// table on the next page: 续表, （续表）, 续上表, 表1（续）.
func continued(s string) bool {
	s = strings.Trim(s, "()（）[]【】:：. ")
	if len([]rune(s)) > 12 {
		return false
	}
	if strings.HasPrefix(s, "续表") || strings.HasPrefix(s, "续上表") {
		return true
	}
	return strings.HasPrefix(s, "表") && (strings.HasSuffix(s, "（续") || strings.HasSuffix(s, "(续"))
}

// layout reports a table that is page layout rather than data. Portals
// of the 2000s lay out whole pages in tables, and CMSs wrap pasted tables
// in one-cell tables. A table is layout when
//   - it holds a nested table at least as large as itself (by cells), or
//     one that is a real grid (two rows or more, four cells or more):
//     report tables do not nest grids, so the grid is the data;
//   - or one of its cells holds running text (maxCellText runes or
//     more), which no data cell of a report table does: an old report
//     laid out in a table, its paragraphs inside one cell.
//
// A data table with a scrap of a table pasted into one cell (one row)
// stays a data table, the scrap's text joined into that cell.
func layout(t *html.Node) bool {
	const maxCellText = 400
	rows := rowsOf(t)
	own := 0
	for _, tr := range rows {
		own += numCells(tr)
	}
	inner, grid := 0, false
	var stack []*html.Node
	for _, tr := range rows {
		for td := tr.FirstChild; td != nil; td = td.NextSibling {
			if !isCell(td) {
				continue
			}
			text := 0
			stack = append(stack[:0], td)
			for len(stack) > 0 {
				n := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				switch {
				case n.Type == html.TextNode:
					text += utf8.RuneCountInString(n.Data)
					continue
				case n.Type != html.ElementNode || n != td && skipped(n):
					continue
				case n.DataAtom == atom.Table:
					cells := countCells(n)
					inner = max(inner, cells)
					if cells >= 4 && hasRows(n, 2) {
						grid = true
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					stack = append(stack, c)
				}
			}
			if text >= maxCellText {
				return true
			}
		}
	}
	return inner > 0 && (inner >= own || grid)
}

// countCells counts the td and th elements of a table, nested ones too.
func countCells(t *html.Node) int {
	k := 0
	stack := []*html.Node{t}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th) {
			k++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	return k
}
