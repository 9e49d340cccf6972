package docxdoc

import (
	"archive/zip"
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
)

// makeDOCX builds a minimal .docx around the given w:body content.
func makeDOCX(t testing.TB, body string, extra map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
			body + `</w:body></w:document>`,
	}
	for k, v := range extra {
		files[k] = v
	}
	for name, content := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func p(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

func tc(props, content string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + content + `</w:tc>`
}

const span2 = `<w:gridSpan w:val="2"/>`

// rowsText renders a table as rows of cells, "^" for a copy.
func rowsText(tb *document.Table) [][]string {
	var out [][]string
	for _, r := range tb.Rows {
		var cs []string
		for _, c := range r {
			if c.Copy {
				cs = append(cs, "^"+c.Text)
			} else {
				cs = append(cs, c.Text)
			}
		}
		out = append(out, cs)
	}
	return out
}

func TestReadTable(t *testing.T) {
	body := p(`2023年政府信息公开工作年度报告`) +
		`<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>统计</w:t></w:r><w:r><w:tab/><w:t>期限</w:t></w:r></w:p>` +
		`<w:tbl><w:tblGrid/>` +
		// header: a label spanning two columns, then 自然人, 总计
		`<w:tr>` + tc(span2, p(`（本列数据的勾稽关系为：`)+p(`第一项加第二项之和）`)) + tc("", p(`自然人`)) + tc("", p(`总计`)) + `</w:tr>` +
		`<w:tr>` + tc(span2, p(`一、本年新收政府信息公开申请数量`)) + tc("", p(`21`)) + tc("", p(`21`)) + `</w:tr>` +
		// vertical label restarting a merge, continued below
		`<w:tr>` + tc(`<w:vMerge w:val="restart"/>`, p(`三、本年度办理结果`)) + tc("", p(`（一）予以公开`)) + tc("", p(`0`)) + tc("", p(`0`)) + `</w:tr>` +
		`<w:tr>` + tc(`<w:vMerge/>`, p(``)) + tc("", `<w:p><w:r><w:t>（二）部分公开</w:t><w:br/><w:t>（区分处理的）</w:t></w:r></w:p>`) + tc("", p(`4`)) + tc("", `<w:p><w:r><w:t>4</w:t></w:r><w:r><w:delText>9</w:delText></w:r></w:p>`) + `</w:tr>` +
		// a row starting with gridBefore and a nested table
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>` + tc("", `<w:tbl><w:tr>`+tc("", p(`in`))+tc("", p(`ner`))+`</w:tr></w:tbl>`+p(`x`)) + tc(span2, p(`7`)) + `</w:tr>` +
		`</w:tbl>` + p(`  `) + p(`五、存在的主要问题`)
	doc, err := Read(makeDOCX(t, body, map[string]string{
		"docProps/core.xml": `<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>洪泽区报告</dc:title></cp:coreProperties>`,
	}))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "洪泽区报告" || doc.Format != "docx" {
		t.Errorf("title %q format %q", doc.Title, doc.Format)
	}
	if len(doc.Blocks) != 4 {
		t.Fatalf("got %d blocks, want 4: %+v", len(doc.Blocks), doc.Blocks)
	}
	if doc.Blocks[0].Text != "2023年政府信息公开工作年度报告" || doc.Blocks[1].Text != "统计\t期限" || doc.Blocks[3].Text != "五、存在的主要问题" {
		t.Errorf("paragraphs %q %q %q", doc.Blocks[0].Text, doc.Blocks[1].Text, doc.Blocks[3].Text)
	}
	want := [][]string{
		{"（本列数据的勾稽关系为：第一项加第二项之和）", "^（本列数据的勾稽关系为：第一项加第二项之和）", "自然人", "总计"},
		{"一、本年新收政府信息公开申请数量", "^一、本年新收政府信息公开申请数量", "21", "21"},
		{"三、本年度办理结果", "（一）予以公开", "0", "0"},
		{"^三、本年度办理结果", "（二）部分公开（区分处理的）", "4", "4"},
		{"", "in ner x", "7", "^7"},
	}
	got := rowsText(doc.Blocks[2].Table)
	if len(got) != len(want) {
		t.Fatalf("rows %q", got)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, got[i], want[i])
		}
	}
	if loc := doc.Blocks[2].Table.Rows[3][0].Locator; loc != "t1/r3/c1" {
		t.Errorf("copy locator %q, want the origin's t1/r3/c1", loc)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := Read([]byte("not a zip")); !errors.Is(err, ErrNotDOCX) {
		t.Errorf("garbage: %v", err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.Create("word/other.xml")
	zw.Close()
	if _, err := Read(buf.Bytes()); !errors.Is(err, ErrNotDOCX) {
		t.Errorf("missing part: %v", err)
	}
	// a bomb: highly compressible document.xml over the limit
	buf.Reset()
	zw = zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for i := 0; i < MaxPartSize>>20+1; i++ {
		w.Write(chunk)
	}
	zw.Close()
	if len(buf.Bytes()) > 1<<20 {
		t.Fatalf("bomb not compressed: %d bytes", len(buf.Bytes()))
	}
	if _, err := Read(buf.Bytes()); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb: %v", err)
	}
	// truncated archive
	good := makeDOCX(t, p("x"), nil)
	if _, err := Read(good[:len(good)/2]); err == nil {
		t.Error("truncated archive read without error")
	}
	// broken XML
	if _, err := Read(makeDOCX(t, `<w:p><w:r><w:t>x</w:r>`, nil)); err == nil {
		t.Error("broken xml read without error")
	}
}

func FuzzRead(f *testing.F) {
	f.Add(makeDOCX(f, p("x")+`<w:tbl><w:tr>`+tc(span2, p("a"))+`</w:tr><w:tr>`+tc(`<w:vMerge/>`, "")+`</w:tr></w:tbl>`, nil))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		for _, tb := range doc.Tables() {
			w := tb.Width()
			for _, r := range tb.Rows {
				if len(r) != w {
					t.Fatalf("ragged table")
				}
			}
		}
	})
}
