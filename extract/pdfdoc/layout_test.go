package pdfdoc

import (
	"strings"
	"testing"
)

// text places s on a baseline from x, one em per CJK character and half an
// em per ASCII one.
func text(s string, x, base, size float64) []glyph {
	var out []glyph
	for _, r := range s {
		w := size
		if r < 0x80 {
			w = size / 2
		}
		if r != ' ' {
			out = append(out, glyph{r: r, x0: x, x1: x + w, top: base - size, base: base, size: size})
		}
		x += w
	}
	return out
}

func hline(x0, x1, y float64) rule { return rule{x0: x0, x1: x1, y0: y - 0.5, y1: y + 0.5} }
func vline(x, y0, y1 float64) rule { return rule{x0: x - 0.5, x1: x + 0.5, y0: y0, y1: y1} }

// cell puts s in the cell whose top-left corner is (x, top).
func cell(s string, x, top float64) []glyph { return text(s, x+4, top+25, 10) }

// threePages: a ruled table that starts on page 1 and ends on page 2, its
// vertical label cut by the page break; a running header on every page and
// a page number at the foot of each.
func threePages() []*page {
	mk := func(n int) *page {
		p := &page{n: n, w: 595, h: 842}
		p.glyphs = append(p.glyphs, text("示例县2023年政府信息公开工作年度报告", 150, 50, 10)...)
		p.glyphs = append(p.glyphs, text("- "+string(rune('0'+n))+" -", 290, 810, 10)...)
		return p
	}
	p1, p2, p3 := mk(1), mk(2), mk(3)
	p1.glyphs = append(p1.glyphs, text("三、收到和处理政府信息公开申请情况", 100, 560, 12)...)
	for _, g := range [][]glyph{
		cell("一、本年新收", 100, 600), cell("21", 300, 600),
		cell("三、本年度办理结果", 100, 640), cell("（一）予以公开", 200, 640), cell("5", 300, 640),
		cell("（二）部分公开", 200, 680), cell("4", 300, 680),
	} {
		p1.glyphs = append(p1.glyphs, g...)
	}
	p1.rules = []rule{hline(100, 400, 600), hline(100, 400, 640), hline(200, 400, 680), hline(100, 400, 720),
		vline(100, 600, 720), vline(200, 640, 720), vline(300, 600, 720), vline(400, 600, 720)}
	for _, g := range [][]glyph{
		cell("（三）不予公开", 200, 100), cell("1", 300, 100),
		cell("（七）总计", 200, 140), cell("10", 300, 140),
		cell("四、结转", 100, 180), cell("0", 300, 180),
	} {
		p2.glyphs = append(p2.glyphs, g...)
	}
	p2.rules = []rule{hline(100, 400, 100), hline(200, 400, 140), hline(100, 400, 180), hline(100, 400, 220),
		vline(100, 100, 220), vline(200, 100, 180), vline(300, 100, 220), vline(400, 100, 220)}
	p3.glyphs = append(p3.glyphs, text("五、存在的主要问题及改进情况", 100, 120, 12)...)
	return []*page{p1, p2, p3}
}

func TestLayoutAcrossPages(t *testing.T) {
	blocks := layoutPages(threePages())
	var paras []string
	var tables int
	var rows []string
	for _, b := range blocks {
		if b.Table == nil {
			paras = append(paras, b.Text)
			continue
		}
		tables++
		for _, r := range b.Table.Rows {
			var cs []string
			for _, c := range r {
				if c.Copy {
					cs = append(cs, "^"+c.Text)
				} else {
					cs = append(cs, c.Text)
				}
			}
			rows = append(rows, strings.Join(cs, "|"))
		}
	}
	if tables != 1 {
		t.Fatalf("%d tables, want the two parts joined into 1", tables)
	}
	want := []string{
		"一、本年新收|^一、本年新收|21",
		"三、本年度办理结果|（一）予以公开|5",
		"^三、本年度办理结果|（二）部分公开|4",
		"^三、本年度办理结果|（三）不予公开|1",
		"^三、本年度办理结果|（七）总计|10",
		"四、结转|^四、结转|0",
	}
	if strings.Join(rows, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	// running header and page numbers dropped, headings kept
	if strings.Join(paras, "|") != "三、收到和处理政府信息公开申请情况|五、存在的主要问题及改进情况" {
		t.Errorf("paragraphs %q", paras)
	}
	// a value's locator is its page and box
	if loc := blocks[1].Table.Rows[4][2].Locator; loc != "p2/300.0,140.0,100.0,40.0" {
		t.Errorf("locator %q", loc)
	}
}

func TestLayoutParagraphs(t *testing.T) {
	p := &page{n: 1, w: 595, h: 842}
	// an indented first line, a full line, a short last line; then a new
	// indented paragraph
	p.glyphs = append(p.glyphs, text("一二三四五六七八九十一二三四五六七八", 120, 200, 20)...)
	p.glyphs = append(p.glyphs, text("一二三四五六七八九十一二三四五六七八九十", 80, 228, 20)...)
	p.glyphs = append(p.glyphs, text("结束。", 80, 256, 20)...)
	p.glyphs = append(p.glyphs, text("新段落第一行新段落第一行新段落第一行", 120, 284, 20)...)
	p.glyphs = append(p.glyphs, text("一二三四五六七八九十一二三四五六七八九十", 80, 312, 20)...)
	blocks := layoutPages([]*page{p})
	if len(blocks) != 2 || !strings.HasSuffix(blocks[0].Text, "结束。") || !strings.HasPrefix(blocks[1].Text, "新段落") {
		var got []string
		for _, b := range blocks {
			got = append(got, b.Text)
		}
		t.Errorf("paragraphs %q", got)
	}
}

// TestRepeatedHeader: Word repeats a table's header row on each page; the
// copy at the top of page 2 is dropped.
func TestRepeatedHeader(t *testing.T) {
	mk := func(n int, top float64, rows [][2]string) *page {
		p := &page{n: n, w: 595, h: 842}
		y := top
		for _, r := range rows {
			p.glyphs = append(p.glyphs, cell(r[0], 100, y)...)
			p.glyphs = append(p.glyphs, cell(r[1], 200, y)...)
			p.rules = append(p.rules, hline(100, 300, y))
			y += 40
		}
		p.rules = append(p.rules, hline(100, 300, y), vline(100, top, y), vline(200, top, y), vline(300, top, y))
		return p
	}
	p1 := mk(1, 600, [][2]string{{"项目", "数量"}, {"规章", "1"}, {"规范性文件", "2"}})
	p2 := mk(2, 100, [][2]string{{"项目", "数量"}, {"行政许可", "3"}})
	blocks := layoutPages([]*page{p1, p2})
	if len(blocks) != 1 || blocks[0].Table == nil {
		t.Fatalf("blocks %+v", blocks)
	}
	got := strings.TrimSpace(tableText(blocks[0].Table))
	if got != "项目\t数量\n规章\t1\n规范性文件\t2\n行政许可\t3" {
		t.Errorf("table\n%s", got)
	}
}

func TestPageNumberRE(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"- 4 -", true}, {"-4-", true}, {"—12—", true}, {"4", true}, {"第4页", true},
		{"第 4 页 共 6 页", true}, {"4/6", true}, {"－ ２ －", true}, {"- iv -", true},
		{"2023年", false}, {"一、总体情况", false}, {"21 0 0 0", false},
	} {
		if got := pageNumberRE.MatchString(c.s); got != c.want {
			t.Errorf("%q: %v, want %v", c.s, got, c.want)
		}
	}
}
