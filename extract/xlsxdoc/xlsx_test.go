package xlsxdoc

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// makeXLSX builds a workbook with a report-like requests table.
func makeXLSX(t testing.TB) []byte {
	f := excelize.NewFile()
	sh := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "三、收到和处理政府信息公开申请情况")
	f.MergeCell(sh, "A1", "D1")
	set("A2", "（本列数据的勾稽关系为：第一项加第二项之和）")
	f.MergeCell(sh, "A2", "B3")
	set("C2", "申请人情况")
	f.MergeCell(sh, "C2", "D2")
	set("C3", "自然人")
	set("D3", "总计")
	set("A4", "一、本年新收政府信息公开申请数量")
	f.MergeCell(sh, "A4", "B4")
	set("C4", 21)
	set("D4", 21)
	// row 5 left empty on purpose
	set("A6", "行政事业性收费")
	set("C6", 7730.28)
	style, err := f.NewStyle(&excelize.Style{NumFmt: 3}) // #,##0: hides the decimals
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStyle(sh, "C6", "C6", style)
	set("D6", 12345.5)
	style2, _ := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00: shows all digits
	f.SetCellStyle(sh, "D6", "D6", style2)
	f.NewSheet("Hidden")
	f.SetCellValue("Hidden", "A1", "secret")
	f.SetSheetVisible("Hidden", false)
	f.NewSheet("Empty")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRead(t *testing.T) {
	doc, err := Read(makeXLSX(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 {
		t.Fatalf("got %d blocks, want 1 (hidden and empty sheets skipped)", len(doc.Blocks))
	}
	tb := doc.Blocks[0].Table
	var got []string
	for _, r := range tb.Rows {
		var cs []string
		for _, c := range r {
			s := c.Text
			if c.Copy {
				s = "^" + s
			}
			cs = append(cs, s)
		}
		got = append(got, strings.Join(cs, "|"))
	}
	want := []string{
		"三、收到和处理政府信息公开申请情况|^三、收到和处理政府信息公开申请情况|^三、收到和处理政府信息公开申请情况|^三、收到和处理政府信息公开申请情况",
		"（本列数据的勾稽关系为：第一项加第二项之和）|^（本列数据的勾稽关系为：第一项加第二项之和）|申请人情况|^申请人情况",
		"^（本列数据的勾稽关系为：第一项加第二项之和）|^（本列数据的勾稽关系为：第一项加第二项之和）|自然人|总计",
		"一、本年新收政府信息公开申请数量|^一、本年新收政府信息公开申请数量|21|21",
		"行政事业性收费||7730.28|12,345.50",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if loc := tb.Rows[4][2].Locator; loc != "Sheet1!C6" {
		t.Errorf("locator %q, want Sheet1!C6", loc)
	}
	if loc := tb.Rows[2][1].Locator; loc != "Sheet1!A2" {
		t.Errorf("copy locator %q, want origin Sheet1!A2", loc)
	}
}

func TestValue(t *testing.T) {
	for _, c := range []struct{ shown, raw, want string }{
		{"7,730", "7730.28", "7730.28"},
		{"12,345.50", "12345.5", "12,345.50"},
		{"50%", "0.5", "50%"},
		{"2024-01-20", "45311", "2024-01-20"},
		{"1.23E+05", "123456", "123456"},
		{"自然人", "自然人", "自然人"},
		{"", "", ""},
	} {
		if got := value(c.shown, c.raw); got != c.want {
			t.Errorf("value(%q, %q) = %q, want %q", c.shown, c.raw, got, c.want)
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("PK\x03\x04garbage"), makeXLSX(t)[:500]} {
		if _, err := Read(data); err == nil {
			t.Errorf("read %d bytes of garbage without error", len(data))
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(makeXLSX(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Read(data)
		if err != nil {
			return
		}
		for _, tb := range doc.Tables() {
			if len(tb.Rows) > MaxRows {
				t.Fatalf("%d rows", len(tb.Rows))
			}
		}
	})
}

// TestSheetAsReport: a whole report laid out in one sheet: title and text
// rows above the table and closing rows with the date below it become
// paragraphs; the caption row above the table stays in it.
func TestSheetAsReport(t *testing.T) {
	f := excelize.NewFile()
	sh := "Sheet1"
	for cell, v := range map[string]any{
		"A1": "某某局2023年政府信息公开工作年度报告", "A2": "一、总体情况",
		"A3": "第二十条第（一）项", "A4": "信息内容", "B4": "本年制发件数", "A5": "规章", "B5": 2,
		"A6": "六、其他需要报告的事项", "A7": "2024年01月28日",
	} {
		f.SetCellValue(sh, cell, v)
	}
	f.MergeCell(sh, "A1", "B1")
	f.MergeCell(sh, "A3", "B3")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		if b.Table != nil {
			got = append(got, fmt.Sprintf("table %d rows from %s", len(b.Table.Rows), b.Table.Rows[0][0].Locator))
		} else {
			got = append(got, b.Text+" @"+b.Locator)
		}
	}
	want := []string{"某某局2023年政府信息公开工作年度报告 @Sheet1!A1", "一、总体情况 @Sheet1!A2",
		"table 3 rows from Sheet1!A3", "六、其他需要报告的事项 @Sheet1!A6", "2024年01月28日 @Sheet1!A7"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("blocks\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
