package textdoc

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// grid returns a table's cell texts.
func grid(t *document.Table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		for _, c := range r {
			out[i] = append(out[i], c.Text)
		}
	}
	return out
}

// shape is a document reduced to what the tests compare: paragraphs as
// "P:text", tables as their grids.
type shape struct {
	paras  []string
	tables [][][]string
}

func shapeOf(d *document.Document) shape {
	var s shape
	for _, b := range d.Blocks {
		if b.Table != nil {
			s.tables = append(s.tables, grid(b.Table))
		} else {
			s.paras = append(s.paras, b.Text)
		}
	}
	return s
}

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRead(t *testing.T) {
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte("规章\t0\t1\n行政许可\t2\t3\n"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		in      []byte
		paras   []string
		tables  [][][]string
		charset string
		format  string
	}{
		{
			name:    "tab table with blank line mid-table and blank cells kept",
			in:      []byte("二、主动公开\n\n第二十条第(一)项\t\t\t\n信息内容\t本年新制作数量\t\t对外公开总数量\n规章\t0\t\t0\n\n规范性文件\t2\t+2\t2\n\n三、收到\n"),
			paras:   []string{"二、主动公开", "三、收到"},
			tables:  [][][]string{{{"第二十条第(一)项", "", "", ""}, {"信息内容", "本年新制作数量", "", "对外公开总数量"}, {"规章", "0", "", "0"}, {"规范性文件", "2", "+2", "2"}}},
			charset: "utf-8", format: "text",
		},
		{
			name:    "leading tabs are empty leading cells; rows padded",
			in:      []byte("\t\t申请人情况\n\t(七)总计\t0\t0\n"),
			tables:  [][][]string{{{"", "", "申请人情况", ""}, {"", "(七)总计", "0", "0"}}},
			charset: "utf-8", format: "text",
		},
		{
			name:    "a heading with stray tabs between two tables keeps them apart",
			in:      []byte("规章\t0\n规范性文件\t2\n\n三、收到和处理政府信息公开申请情况\t\t\n\n一、本年新收\t5\n"),
			paras:   []string{"三、收到和处理政府信息公开申请情况"},
			tables:  [][][]string{{{"规章", "0"}, {"规范性文件", "2"}}, {{"一、本年新收", "5"}}},
			charset: "utf-8", format: "text",
		},
		{
			name:    "tab-indented prose outside a table stays prose",
			in:      []byte("\t一、总体情况\n\n\t本年度共收到申请。\n"),
			paras:   []string{"一、总体情况", "本年度共收到申请。"},
			charset: "utf-8", format: "text",
		},
		{
			name:    "UTF-8 BOM stripped, full-width spaces in cells made plain",
			in:      append([]byte{0xEF, 0xBB, 0xBF}, []byte("标题\n社会\u3000公益\u3000组织\t\u00a05\u00a0\n其他\t6\n")...),
			paras:   []string{"标题"},
			tables:  [][][]string{{{"社会 公益 组织", "5"}, {"其他", "6"}}},
			charset: "utf-8", format: "text",
		},
		{
			name:    "GBK without any declaration",
			in:      gbk(t, "政府信息公开工作年度报告\n规章\t0\t0\t0\n规范性文件\t2\t2\t2\n"),
			paras:   []string{"政府信息公开工作年度报告"},
			tables:  [][][]string{{{"规章", "0", "0", "0"}, {"规范性文件", "2", "2", "2"}}},
			charset: "gb18030", format: "text",
		},
		{
			name:    "UTF-16 with BOM",
			in:      utf16le,
			tables:  [][][]string{{{"规章", "0", "1"}, {"行政许可", "2", "3"}}},
			charset: "utf-16le", format: "text",
		},
		{
			name:    "markdown pipe table, rule dropped, escaped pipe, heading marks stripped",
			in:      []byte("# 2021年度报告\n\n## **三、收到和处理**\n\n| 本年新收 | **自然人** | 总计 |\n|---|:---:|---:|\n| 一、本年新收 | 20 | 25 |\n| a \\| b |  | 3 |\n\n正文。\n"),
			paras:   []string{"2021年度报告", "三、收到和处理", "正文。"},
			tables:  [][][]string{{{"本年新收", "自然人", "总计"}, {"一、本年新收", "20", "25"}, {"a | b", "", "3"}}},
			charset: "utf-8", format: "markdown",
		},
		{
			name:    "markdown table without outer pipes; <br> inside cells joined",
			in:      []byte("标签 | 值\n--- | ---\n部分<br>公开 | 1<br>2\nfoo<br/>bar | 3\n"),
			tables:  [][][]string{{{"标签", "值"}, {"部分公开", "12"}, {"foo bar", "3"}}},
			charset: "utf-8", format: "markdown",
		},
		{
			name:    "markdown rows padded with tabs are still pipe rows",
			in:      []byte("|\t项目\t|\t数量\t|\n|---|---|\n|\t规章\t|\t3\t|\n"),
			tables:  [][][]string{{{"项目", "数量"}, {"规章", "3"}}},
			charset: "utf-8", format: "markdown",
		},
		{
			name:    "table drawn with box-drawing characters",
			in:      []byte("┌────┬──┬──┐\n│信息内容│本年制发件数│现行有效件数│\n├────┼──┼──┤\n│规章│0│3│\n├────┼──┼──┤\n│行政规范性文件│ │12│\n└────┴──┴──┘\n说明文字。\n"),
			paras:   []string{"说明文字。"},
			tables:  [][][]string{{{"信息内容", "本年制发件数", "现行有效件数"}, {"规章", "0", "3"}, {"行政规范性文件", "", "12"}}},
			charset: "utf-8", format: "markdown",
		},
		{
			name:    "two markdown tables separated by a blank line stay two",
			in:      []byte("| a | b |\n|---|---|\n| 1 | 2 |\n\n| c | d |\n|---|---|\n| 3 | 4 |\n"),
			tables:  [][][]string{{{"a", "b"}, {"1", "2"}}, {{"c", "d"}, {"3", "4"}}},
			charset: "utf-8", format: "markdown",
		},
		{
			name: "pdftotext -layout columns of two or more spaces",
			in: []byte("三、收到和处理政府信息公开申请情况\n" +
				"    申请人情况     自然人   商业企业   总计\n" +
				"    一、本年新收      20        3       23\n" +
				"\n" +
				"    二、上年结转       1        0        1\n" +
				"石壁街道办事处  2020年1月20日\n"),
			paras:   []string{"三、收到和处理政府信息公开申请情况", "石壁街道办事处  2020年1月20日"},
			tables:  [][][]string{{{"申请人情况", "自然人", "商业企业", "总计"}, {"一、本年新收", "20", "3", "23"}, {"二、上年结转", "1", "0", "1"}}},
			charset: "utf-8", format: "text",
		},
		{
			name: "pdftotext -layout blank cells keep the values under their columns",
			in: []byte(at(2, "项目", 20, "自然人", 28, "商业企业", 38, "科研机构", 48, "总计") +
				at(2, "一、本年新收", 21, "12", 30, "3", 49, "15") +
				at(2, "二、上年结转", 21, "1", 40, "2", 49, "3") +
				at(2, "三、本年度办理结果", 21, "5", 30, "1", 40, "0", 49, "6")),
			tables: [][][]string{{
				{"项目", "自然人", "商业企业", "科研机构", "总计"},
				{"一、本年新收", "12", "3", "", "15"},
				{"二、上年结转", "1", "", "2", "3"},
				{"三、本年度办理结果", "5", "1", "0", "6"},
			}},
			charset: "utf-8", format: "text",
		},
		{
			name:    "prose with stray double spaces is not a table",
			in:      []byte("本机关  2020年  共收到申请  3件。\n下一段。\n另有  两处  空格  的一行。\n"),
			paras:   []string{"本机关  2020年  共收到申请  3件。", "下一段。", "另有  两处  空格  的一行。"},
			charset: "utf-8", format: "text",
		},
		{
			name:    "CRLF line ends",
			in:      []byte("标题\r\n规章\t1\r\n规范\t2\r\n"),
			paras:   []string{"标题"},
			tables:  [][][]string{{{"规章", "1"}, {"规范", "2"}}},
			charset: "utf-8", format: "text",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			got := shapeOf(d)
			if !reflect.DeepEqual(got.paras, tc.paras) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got.paras, tc.paras)
			}
			if !reflect.DeepEqual(got.tables, tc.tables) {
				t.Errorf("tables:\n got %q\nwant %q", got.tables, tc.tables)
			}
			if d.Meta["charset"] != tc.charset {
				t.Errorf("charset %q, want %q", d.Meta["charset"], tc.charset)
			}
			if d.Format != tc.format {
				t.Errorf("format %q, want %q", d.Format, tc.format)
			}
		})
	}
}

func TestLocators(t *testing.T) {
	d, err := Read([]byte("标题\n\n规章\t0\n规范性文件\t2\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 3 {
		t.Fatalf("got %d blocks, want 3", len(d.Blocks))
	}
	if d.Blocks[0].Locator != "l1" {
		t.Errorf("paragraph locator %q, want l1", d.Blocks[0].Locator)
	}
	t1, t2 := d.Blocks[1].Table, d.Blocks[2].Table
	if d.Blocks[1].Locator != "l3" || t1.Locator != "t1" || t2.Locator != "t2" {
		t.Errorf("table locators %q %q %q", d.Blocks[1].Locator, t1.Locator, t2.Locator)
	}
	if got := t1.Rows[1][1].Locator; got != "t1/r2/c2" {
		t.Errorf("cell locator %q, want t1/r2/c2", got)
	}
	// The rule line is dropped, so the markdown body row is grid row 2.
	if got := t2.Rows[1][0]; got.Locator != "t2/r2/c1" || got.Text != "1" {
		t.Errorf("markdown cell %+v, want 1 at t2/r2/c1", got)
	}
}

// TestSeed reads the OCR'd seed report (a copy of ../shared/seed) and
// checks facts read off the file by hand.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile("testdata/shibi-2020.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	tables := d.Tables()
	if len(tables) != 3 {
		t.Fatalf("got %d tables, want 3 (proactive, requests, review)", len(tables))
	}
	// Proactive: lines 21-40, one blank line inside (before 行政强制);
	// the widest filled row has 4 cells.
	pro := grid(tables[0])
	if len(pro) != 19 || len(pro[0]) != 4 {
		t.Fatalf("proactive is %dx%d, want 19x4", len(pro), len(pro[0]))
	}
	for _, want := range [][]string{
		{"第二十条第(一)项", "", "", ""},
		{"行政许可", "1", "+14", "15"},
		{"服务事项", "U", "0", "0"},
		{"行政强制", "2", "-2", "0"},
		{"行政事业性收", "费 0", "+140", ""},
		{"政府集中采购", "60", "", "11750 万元"},
	} {
		if !hasRow(pro, want) {
			t.Errorf("proactive lacks row %q", want)
		}
	}
	// Requests: lines 44-71, blank lines at 54 and 68 inside; ten columns
	// (three label columns and seven applicant columns).
	req := grid(tables[1])
	if len(req) != 26 || len(req[0]) != 10 {
		t.Fatalf("requests is %dx%d, want 26x10", len(req), len(req[0]))
	}
	for _, want := range [][]string{
		{"", "", "", "申请人情况", "", "", "", "", "", ""},
		{"=,", "二、上年结转政府信息公开 申请数量", "", "", "0", "0", "0", "0", "0", "0"},
		{"Ξ", "(-", "-) 予以公开", "0", "0", "0", "0", "0", "0", "0"},
		{"", "(六) 其他处理", "0", "0", "0", "0", "0", "0", "0", ""},
		{"四、", "结转下年度继续 办理", "0", "0", "0", "0", "0", "0", "0", ""},
	} {
		if !hasRow(req, want) {
			t.Errorf("requests lacks row %q", want)
		}
	}
	rev := grid(tables[2])
	if len(rev) != 4 || len(rev[0]) != 15 || rev[2][4] != "总计" || rev[3][14] != "0" {
		t.Errorf("review table wrong: %q", rev)
	}
	var paras []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			paras = append(paras, b.Text)
		}
	}
	joined := strings.Join(paras, "\n")
	for _, want := range []string{"广州市番禺区人民政府石壁街道办事处", "石壁街道办事处 2020年1月20日", "三、收到和处理政府信息公开申请情况"} {
		if !strings.Contains(joined, want) {
			t.Errorf("paragraphs lack %q", want)
		}
	}
}

// at builds a line with each text starting at the given rune column, the
// way pdftotext -layout writes a table row.
func at(cols ...any) string {
	var line []rune
	for i := 0; i+1 < len(cols); i += 2 {
		c, text := cols[i].(int), cols[i+1].(string)
		for len(line) < c {
			line = append(line, ' ')
		}
		line = append(line, []rune(text)...)
	}
	return string(line) + "\n"
}

func hasRow(g [][]string, want []string) bool {
	for _, r := range g {
		if reflect.DeepEqual(r, want) {
			return true
		}
	}
	return false
}

func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"", "\t", "a\tb\n\nc\td\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "x | y\n--|--\n",
		"  a   b   c\n  d   e   f\n", "\ufeff# h\n", "\xff\xfea\x00\t\x00", "\xd5\xfe\xb8\xae\t1",
		"| a \\| b |\n", "<br<br>|", "\r\r\n\t\t\t",
		"信息内容  本年制发件数  现行有效件数\n规章      2             9\n行政      \u3000      12\n",
		"      法人或其他组织\n  自然人  商业  总计\n        企业\n一、新收  12      3     15\n二、结转\n",
	} {
		f.Add([]byte(s))
	}
	if seed, err := os.ReadFile("testdata/shibi-2020.txt"); err == nil {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Read(data)
		if err != nil {
			return
		}
		for _, tb := range d.Tables() {
			w := tb.Width()
			for _, r := range tb.Rows {
				if len(r) != w {
					t.Fatalf("ragged table row: %d cells, width %d", len(r), w)
				}
			}
		}
	})
}

func BenchmarkRead(b *testing.B) {
	data, err := os.ReadFile("testdata/shibi-2020.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}
