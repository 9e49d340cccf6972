package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// docx writes a minimal Word document (WordprocessingML) holding the
// title and the article's paragraphs and tables, as an editor's "save as
// .docx" would: colspans become gridSpan, rowspans vMerge restart/continue.
func docx(title, article string) ([]byte, error) {
	nodes, err := html.ParseFragment(strings.NewReader(article), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil, fmt.Errorf("docx: parse article: %w", err)
	}
	var body strings.Builder
	body.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr>` + wt(title) + `</w:r></w:p>`)
	for _, n := range nodes {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.P:
			align := ""
			if strings.Contains(attr(n, "style"), "right") || attr(n, "align") == "right" {
				align = `<w:pPr><w:jc w:val="right"/></w:pPr>`
			}
			fmt.Fprintf(&body, "<w:p>%s<w:r>%s</w:r></w:p>", align, wt(textOf(n)))
		case atom.Table:
			if err := docxTable(&body, n); err != nil {
				return nil, err
			}
			body.WriteString("<w:p/>")
		}
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1200" w:bottom="1440" w:left="1200" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`},
		{"word/document.xml", doc},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		// A fixed time keeps the file identical across regenerations.
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: time.Date(2025, 1, 20, 10, 30, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// docxTable converts one HTML table, tracking the rowspans still open in
// each grid column.
func docxTable(b *strings.Builder, table *html.Node) error {
	var rows []*html.Node
	var collect func(*html.Node)
	collect = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Tr {
				rows = append(rows, c)
			} else if c.Type == html.ElementNode {
				collect(c)
			}
		}
	}
	collect(table)
	if len(rows) == 0 {
		return nil
	}
	ncols := 0
	for _, td := range cellsOf(rows[0]) {
		ncols += span(td, "colspan")
	}
	type open struct{ left, width int }
	pending := make([]open, ncols)
	b.WriteString(`<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:tblBorders>`)
	for _, side := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, side)
	}
	b.WriteString(`</w:tblBorders></w:tblPr><w:tblGrid>`)
	for range ncols {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, 9500/ncols)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, tr := range rows {
		b.WriteString("<w:tr>")
		tds := cellsOf(tr)
		col := 0
		for col < ncols {
			if pending[col].left > 0 {
				w := pending[col].width
				fmt.Fprintf(b, `<w:tc><w:tcPr><w:gridSpan w:val="%d"/><w:vMerge/></w:tcPr><w:p/></w:tc>`, w)
				pending[col].left--
				col += w
				continue
			}
			if len(tds) == 0 {
				break
			}
			td := tds[0]
			tds = tds[1:]
			cs, rs := span(td, "colspan"), span(td, "rowspan")
			merge := ""
			if rs > 1 {
				merge = `<w:vMerge w:val="restart"/>`
				pending[col] = open{rs - 1, cs}
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:gridSpan w:val="%d"/>%s</w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:sz w:val="18"/></w:rPr>%s</w:r></w:p></w:tc>`,
				cs, merge, wt(strings.TrimSpace(strings.ReplaceAll(textOf(td), "\u00a0", " "))))
			col += cs
		}
		if len(tds) > 0 {
			return fmt.Errorf("docx: a row has more cells than the table's %d columns", ncols)
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString("</w:tbl>")
	return nil
}

func cellsOf(tr *html.Node) []*html.Node {
	var out []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			out = append(out, c)
		}
	}
	return out
}

func span(n *html.Node, key string) int {
	if v, err := strconv.Atoi(attr(n, key)); err == nil && v > 0 {
		return v
	}
	return 1
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

// wt is a run's text element, escaped.
func wt(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return `<w:t xml:space="preserve">` + b.String() + `</w:t>`
}
