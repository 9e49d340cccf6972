package docxdoc

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"

	"github.com/govreport/govreport/extract/document"
)

// Limits against hostile archives.
const (
	MaxEntries  = 10000
	MaxPartSize = 64 << 20
)

// Errors a caller may test with errors.Is.
var (
	ErrNotDOCX  = errors.New("not a docx file")
	ErrTooLarge = errors.New("docx too large")
)

// Read reads a .docx file.
func Read(data []byte) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDOCX, err)
	}
	if len(zr.File) > MaxEntries {
		return nil, fmt.Errorf("%d zip entries: %w", len(zr.File), ErrTooLarge)
	}
	var main, core *zip.File
	for _, f := range zr.File {
		switch f.Name {
		case "word/document.xml":
			main = f
		case "docProps/core.xml":
			core = f
		}
	}
	if main == nil {
		return nil, fmt.Errorf("%w: no word/document.xml", ErrNotDOCX)
	}
	body, err := readPart(main)
	if err != nil {
		return nil, err
	}
	doc, err := parse(body)
	if err != nil {
		return nil, err
	}
	if core != nil {
		if b, err := readPart(core); err == nil {
			doc.Title = coreTitle(b)
		}
	}
	return doc, nil
}

// readPart reads one archive member, refusing more than MaxPartSize bytes
// whatever its header declares.
func readPart(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > MaxPartSize {
		return nil, fmt.Errorf("%s: %d bytes: %w", f.Name, f.UncompressedSize64, ErrTooLarge)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, MaxPartSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", f.Name, err)
	}
	if len(b) > MaxPartSize {
		return nil, fmt.Errorf("%s: over %d bytes: %w", f.Name, MaxPartSize, ErrTooLarge)
	}
	return b, nil
}

func coreTitle(b []byte) string {
	dec := xml.NewDecoder(bytes.NewReader(b))
	in := false
	var sb strings.Builder
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.EndElement:
			if in {
				return strings.TrimSpace(sb.String())
			}
		case xml.CharData:
			if in {
				sb.Write(t)
			}
		}
	}
	return ""
}

// wcell is a table cell being read.
type wcell struct {
	paras  []string
	span   int
	vMerge string // "", "restart" or "continue"
}

// wtable is a table being read.
type wtable struct {
	rows  [][]wcell
	row   []wcell
	cell  *wcell
	inRow bool
}

// parser holds the streaming state.
type parser struct {
	doc    *document.Document
	tables []*wtable // stack: nested tables
	para   *strings.Builder
	pDepth int
	nTable int
}

func parse(body []byte) (*document.Document, error) {
	p := &parser{doc: &document.Document{Format: "docx", Meta: map[string]string{}}}
	dec := xml.NewDecoder(bytes.NewReader(body))
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%w: word/document.xml: %v", ErrNotDOCX, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "p":
				if p.pDepth == 0 {
					p.para = &strings.Builder{}
				}
				p.pDepth++
			case "t":
				inText = true
			case "tab":
				if p.para != nil && p.inRun(t) {
					p.para.WriteByte('\t')
				}
			case "br", "cr":
				if p.para != nil {
					p.para.WriteByte('\n')
				}
			case "tbl":
				p.tables = append(p.tables, &wtable{})
			case "tr":
				if tb := p.table(); tb != nil {
					tb.row = nil
					tb.inRow = true
				}
			case "gridBefore":
				if tb := p.table(); tb != nil && tb.inRow && tb.cell == nil {
					for i := 0; i < spanVal(t, 100); i++ {
						tb.row = append(tb.row, wcell{span: 1})
					}
				}
			case "tc":
				if tb := p.table(); tb != nil {
					tb.cell = &wcell{span: 1}
				}
			case "gridSpan":
				if tb := p.table(); tb != nil && tb.cell != nil {
					tb.cell.span = spanVal(t, 1000)
				}
			case "vMerge":
				if tb := p.table(); tb != nil && tb.cell != nil {
					tb.cell.vMerge = "continue"
					if attr(t, "val") == "restart" {
						tb.cell.vMerge = "restart"
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				p.pDepth--
				if p.pDepth <= 0 {
					p.pDepth = 0
					p.endPara()
				}
			case "tc":
				if tb := p.table(); tb != nil && tb.cell != nil {
					tb.row = append(tb.row, *tb.cell)
					tb.cell = nil
				}
			case "tr":
				if tb := p.table(); tb != nil {
					if tb.cell != nil { // unclosed cell
						tb.row = append(tb.row, *tb.cell)
						tb.cell = nil
					}
					tb.rows = append(tb.rows, tb.row)
					tb.row = nil
					tb.inRow = false
				}
			case "tbl":
				p.endTable()
			}
		case xml.CharData:
			if inText && p.para != nil {
				p.para.Write(t)
			}
		}
	}
	for len(p.tables) > 0 {
		p.endTable()
	}
	return p.doc, nil
}

// inRun: a w:tab inside w:tabs (paragraph properties) is a tab stop, not a
// tab character.
func (p *parser) inRun(t xml.StartElement) bool {
	return attr(t, "val") == "" && attr(t, "pos") == ""
}

func (p *parser) table() *wtable {
	if len(p.tables) == 0 {
		return nil
	}
	return p.tables[len(p.tables)-1]
}

func (p *parser) endPara() {
	if p.para == nil {
		return
	}
	text := p.para.String()
	p.para = nil
	if tb := p.table(); tb != nil {
		if tb.cell != nil {
			tb.cell.paras = append(tb.cell.paras, text)
		}
		return
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return
	}
	p.doc.Blocks = append(p.doc.Blocks, document.Paragraph(text, "b"+strconv.Itoa(len(p.doc.Blocks)+1)))
}

// endTable closes the innermost table: a top-level one becomes a block, a
// nested one adds its text to the enclosing cell.
func (p *parser) endTable() {
	tb := p.table()
	if tb == nil {
		return
	}
	p.tables = p.tables[:len(p.tables)-1]
	if tb.inRow {
		if tb.cell != nil {
			tb.row = append(tb.row, *tb.cell)
		}
		tb.rows = append(tb.rows, tb.row)
	}
	if outer := p.table(); outer != nil {
		if outer.cell != nil {
			for _, r := range tb.rows {
				var cs []string
				for _, c := range r {
					if s := joinParas(c.paras); s != "" {
						cs = append(cs, s)
					}
				}
				if len(cs) > 0 {
					outer.cell.paras = append(outer.cell.paras, strings.Join(cs, " "))
				}
			}
		}
		return
	}
	p.nTable++
	t := grid(tb.rows, p.nTable)
	if len(t.Rows) > 0 {
		p.doc.Blocks = append(p.doc.Blocks, document.Block{Table: t, Locator: t.Locator})
	}
}

// maxGridCols bounds a row's width whatever gridSpan claims.
const maxGridCols = 1000

// grid expands spans and vertical merges into a document table.
func grid(rows [][]wcell, n int) *document.Table {
	t := &document.Table{Locator: "t" + strconv.Itoa(n)}
	for r, row := range rows {
		var out []document.Cell
		for _, c := range row {
			text := joinParas(c.paras)
			col := len(out)
			loc := t.Locator + "/r" + strconv.Itoa(r+1) + "/c" + strconv.Itoa(col+1)
			copyOf := false
			if c.vMerge == "continue" && r > 0 && col < len(t.Rows[r-1]) {
				above := t.Rows[r-1][col]
				text, loc, copyOf = above.Text, above.Locator, true
			}
			for i := 0; i < c.span && len(out) < maxGridCols; i++ {
				out = append(out, document.Cell{Text: text, Copy: copyOf || i > 0, Locator: loc})
			}
		}
		t.Rows = append(t.Rows, out)
	}
	t.Normalize()
	return t
}

// joinParas joins a cell's paragraphs and line breaks: nothing between CJK
// characters (the break is layout), a space between Latin words.
func joinParas(paras []string) string {
	var parts []string
	for _, p := range paras {
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				parts = append(parts, l)
			}
		}
	}
	var sb strings.Builder
	for _, s := range parts {
		if sb.Len() > 0 {
			prev := []rune(sb.String())
			if isLatin(prev[len(prev)-1]) && isLatin([]rune(s)[0]) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(s)
	}
	return sb.String()
}

func isLatin(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// spanVal reads a w:val count, clamped to [1, max].
func spanVal(t xml.StartElement, max int) int {
	v, err := strconv.Atoi(strings.TrimSpace(attr(t, "val")))
	if err != nil || v < 1 {
		return 1
	}
	if v > max {
		return max
	}
	return v
}
