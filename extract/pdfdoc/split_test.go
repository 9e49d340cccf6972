package pdfdoc

import (
	"os"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
)

// rowsOf renders each row of a table as its label (the last origin cell
// that is not a number) followed by the row's value cells, blank ones
// included, tab-separated; rows without a label or without a number (the
// header) are left out.
func rowsOf(t *document.Table) []string {
	var out []string
	for _, r := range t.Rows {
		label, at, nums := "", -1, 0
		for i, c := range r {
			if !c.Copy && c.Text != "" && !isNumber(c.Text) {
				label, at = c.Text, i
			}
			if isNumber(c.Text) {
				nums++
			}
		}
		if at < 0 || nums == 0 {
			continue
		}
		parts := []string{label}
		for _, c := range r[at+1:] {
			if !c.Copy {
				parts = append(parts, c.Text)
			}
		}
		out = append(out, strings.Join(parts, "\t"))
	}
	return out
}

// TestGoldenChromiumRows reads testdata/chromium/rows.pdf, printed by
// Chromium from the hand-written rows.html (see its comment and gen.sh).
// The expected rows are typed from that HTML. Each case is a place where
// two rows' numbers used to be read as one number (12 over 11 as 1211).
func TestGoldenChromiumRows(t *testing.T) {
	data, err := os.ReadFile("testdata/chromium/rows.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["pages"] != "2" {
		t.Fatalf("pages %q: rows.pdf no longer breaks the first table over two pages", doc.Meta["pages"])
	}
	for _, c := range []struct {
		name, anchor string
		want         []string
	}{
		{"rule between two rows drawn once, at the foot of page 1", "重复申请", []string{
			"（1）本机关不掌握相关政府信息\t5\t1\t6",
			"（2）没有现成信息需要另行制作\t2\t0\t2",
			"（3）补正后申请内容仍不明确\t1\t\t1",
			"（1）信访举报投诉类申请\t12\t0\t12",
			"（2）重复申请\t11\t\t11",
			"（3）要求提供公开出版物\t7\t3\t10",
			"（六）其他处理\t4\t0\t4",
		}},
		{"rule hidden across the whole row", "规章", []string{
			"规章\t3\t1\t20",
			"规范性文件\t6\t5\t38",
		}},
		{"rule hidden in the number columns only", "行政处罚", []string{
			"行政许可\t346\t310",
			"行政处罚\t29\t17",
			"行政强制\t51\t8",
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, n := tableWith(doc, c.anchor)
			if n != 1 {
				t.Fatalf("%d tables with %q", n, c.anchor)
			}
			got := rowsOf(tb)
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
	// the group label cut by the page break is one cell over its rows
	req, _ := tableWith(doc, "重复申请")
	if !strings.Contains(tableText(req), "（五）不予处理\t（1）信访举报投诉类申请\t12") {
		t.Errorf("group label not joined over the page break:\n%s", tableText(req))
	}
}

// TestSplitNumericRows: a ruled table whose verticals run unbroken and
// which lacks a horizontal rule; the lines of numbers in the one band are
// rows of their own only when they look like rows.
func TestSplitNumericRows(t *testing.T) {
	// two columns of values (x 200-300, 300-400) under a label column
	frame := []rule{hline(100, 400, 100), hline(100, 400, 200), vline(100, 100, 200), vline(200, 100, 200), vline(300, 100, 200), vline(400, 100, 200)}
	// narrow value columns (x 200-214, 214-228): a digit and a half wide
	// once padded
	narrow := []rule{hline(100, 228, 100), hline(100, 228, 200), vline(100, 100, 200), vline(200, 100, 200), vline(214, 100, 200), vline(228, 100, 200)}
	for _, c := range []struct {
		name   string
		rules  []rule // nil: frame
		glyphs [][]glyph
		want   string
	}{
		{"two rows, every column", nil, [][]glyph{
			text("规章", 104, 125, 10), text("3", 204, 125, 10), text("20", 304, 125, 10),
			text("规范性文件", 104, 165, 10), text("6", 204, 165, 10), text("38", 304, 165, 10),
		}, "规章\t3\t20\n规范性文件\t6\t38"},
		{"two rows, wrapped labels around their numbers", nil, [][]glyph{
			text("本机关不掌握", 104, 115, 10), text("相关信息", 104, 128, 10), text("56", 204, 122, 10), text("60", 304, 122, 10),
			text("没有现成信息", 104, 160, 10), text("需另行制作", 104, 173, 10), text("5", 204, 167, 10), text("5", 304, 167, 10),
		}, "本机关不掌握相关信息\t56\t60\n没有现成信息需另行制作\t5\t5"},
		{"one row with a blank: label lines on both number lines", nil, [][]glyph{
			text("规章", 104, 125, 10), text("20", 304, 125, 10),
			text("规范性文件", 104, 165, 10), text("38", 304, 165, 10),
		}, "规章\t\t20\n规范性文件\t\t38"},
		{"one row, a label wrapped around one line of numbers", nil, [][]glyph{
			text("其他法律行政", 104, 125, 10), text("法规禁止公开", 104, 150, 10), text("2", 204, 137, 10), text("2", 304, 137, 10),
		}, "其他法律行政法规禁止公开\t2\t2"},
		{"one number wrapped in its cell is not two rows", nil, [][]glyph{
			text("采购总金额", 104, 137, 10), text("18643", 304, 125, 10), text("3900", 304, 140, 10),
		}, "采购总金额\t\t186433900"},
		{"numbers wrapped a digit a line in narrow columns (LibreOffice)", narrow, [][]glyph{
			text("七、总计", 104, 150, 10), text("1", 204, 140, 10), text("4", 204, 155, 10), text("1", 218, 140, 10), text("9", 218, 155, 10),
		}, "七、总计\t14\t19"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := &page{n: 1, w: 595, h: 842, rules: frame}
			if c.rules != nil {
				p.rules = c.rules
			}
			for _, g := range c.glyphs {
				p.glyphs = append(p.glyphs, g...)
			}
			blocks := layoutPages([]*page{p})
			if len(blocks) != 1 || blocks[0].Table == nil {
				t.Fatalf("blocks %+v", blocks)
			}
			if got := strings.Join(rowsOf(blocks[0].Table), "\n"); got != c.want {
				t.Errorf("rows:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}

// TestContinuesCell: over a page break a cell goes on only when neither
// side of the break is ruled, and two numbers never make one cell.
func TestContinuesCell(t *testing.T) {
	for _, c := range []struct {
		name       string
		prev, next tcell
		want       bool
	}{
		{"Chromium: rule at the foot of page 1 only", tcell{text: "（1）信访举报投诉类申请"}, tcell{text: "（2）重复申请", openTop: true}, false},
		{"Chromium: numbers of two rows", tcell{text: "12"}, tcell{text: "11", openTop: true}, false},
		{"row cut by the break: open on both sides", tcell{text: "2.申请人逾期未按收费通知要求", openBottom: true}, tcell{text: "缴纳费用", openTop: true}, true},
		{"numbers never joined, even open on both sides", tcell{text: "12", openBottom: true}, tcell{text: "11", openTop: true}, false},
		{"group label spanning rows, cut by the break", tcell{text: "（五）不予处理"}, tcell{text: "", r0: 0, r1: 3}, true},
		{"a new numbered group", tcell{text: "（五）不予处理"}, tcell{text: "（六）其他处理", r0: 0, r1: 2}, false},
	} {
		prev, next := c.prev, c.next
		if got := continuesCell(&prev, &next); got != c.want {
			t.Errorf("%s: continuesCell = %v, want %v", c.name, got, c.want)
		}
	}
}
