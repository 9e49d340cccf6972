package main

import (
	"fmt"
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// htmlKind is how an HTML rendering is wrapped and marked up.
type htmlKind struct {
	Word     bool // Word/WPS paste: MsoNormal, spans, &nbsp;
	Portal   bool // whole portal page with nav and a sidebar of other years
	Fragment bool // CMS fragment, no <html> wrapper
	Meta     bool // declare the charset in a meta tag
	Charset  string
	// ColWidths gives every table a <colgroup> with widths, as Word does.
	ColWidths bool
	// BreakLabel breaks some long labels over two lines inside their cell.
	BreakLabel bool
}

func wordText(r *rand.Rand, s string, isNum, brk bool) string {
	if s == "" {
		return `<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US style='font-size:10.5pt'>&nbsp;</span></p>`
	}
	var b strings.Builder
	b.WriteString(`<p class=MsoNormal align=center style='text-align:center;line-height:15.0pt'>`)
	if isNum && utf8.RuneCountInString(s) > 1 && r.IntN(2) == 0 {
		// numbers split across spans, as Word does after an edit.
		k := 1 + r.IntN(len(s)-1)
		for !utf8.RuneStart(s[k]) {
			k--
		}
		fmt.Fprintf(&b, `<span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman"'>%s</span><span lang=EN-US style='font-size:10.5pt;font-family:"Times New Roman"'>%s</span>`, html.EscapeString(s[:k]), html.EscapeString(s[k:]))
	} else if !isNum && brk && utf8.RuneCountInString(s) > 8 {
		rs := []rune(s)
		k := len(rs) / 2
		fmt.Fprintf(&b, `<span style='font-size:10.5pt;font-family:宋体'>%s</span></p><p class=MsoNormal align=center style='text-align:center;line-height:15.0pt'><span style='font-size:10.5pt;font-family:宋体'>%s</span>`, html.EscapeString(string(rs[:k])), html.EscapeString(string(rs[k:])))
	} else if !isNum && utf8.RuneCountInString(s) > 6 && r.IntN(2) == 0 {
		rs := []rune(s)
		k := 2 + r.IntN(len(rs)-3)
		fmt.Fprintf(&b, `<span style='font-size:10.5pt;font-family:宋体'>%s</span><span style='font-size:10.5pt;font-family:宋体'>%s</span>`, html.EscapeString(string(rs[:k])), html.EscapeString(string(rs[k:])))
	} else {
		fmt.Fprintf(&b, `<span lang=EN-US style='font-size:10.5pt'>%s</span>`, html.EscapeString(s))
	}
	b.WriteString(`</p>`)
	return b.String()
}

func renderTableHTML(r *rand.Rand, t table, k htmlKind) string {
	var b strings.Builder
	if k.Word {
		b.WriteString(`<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 width="100%" style='width:100.0%;border-collapse:collapse;border:none'>` + "\n")
	} else {
		b.WriteString(`<table border="1" cellspacing="0" cellpadding="0" width="100%" style="font-size:9pt">` + "\n")
		if k.ColWidths {
			n := 0
			for _, cl := range t[0] {
				n += cl.CS
			}
			b.WriteString("<colgroup>")
			for j := 0; j < n; j++ {
				w := 100 / n
				if n >= 10 {
					// label columns wider than the value columns.
					w = 7
					if j < 3 {
						w = 10
					}
				}
				fmt.Fprintf(&b, `<col width="%d%%">`, w)
			}
			b.WriteString("</colgroup>\n")
		}
		b.WriteString("<tbody>\n")
	}
	for _, row := range t {
		b.WriteString("<tr>")
		for _, cl := range row {
			attrs := ""
			if cl.RS > 1 {
				attrs += fmt.Sprintf(` rowspan="%d"`, cl.RS)
			}
			if cl.CS > 1 {
				attrs += fmt.Sprintf(` colspan="%d"`, cl.CS)
			}
			if k.Word {
				fmt.Fprintf(&b, "<td valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'%s>%s</td>", attrs, wordText(r, cl.Text, cl.Num, k.BreakLabel && r.IntN(2) == 0))
			} else {
				txt := html.EscapeString(cl.Text)
				if rs := []rune(cl.Text); k.BreakLabel && !cl.Num && len(rs) > 8 && r.IntN(2) == 0 {
					txt = html.EscapeString(string(rs[:len(rs)/2])) + "<br/>" + html.EscapeString(string(rs[len(rs)/2:]))
				}
				if txt == "" {
					txt = "&nbsp;"
					if r.IntN(2) == 0 {
						txt = ""
					}
				}
				fmt.Fprintf(&b, "<td%s>%s</td>", attrs, txt)
			}
		}
		b.WriteString("</tr>\n")
	}
	if !k.Word {
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>\n")
	return b.String()
}

func renderBodyHTML(r *rand.Rand, bl []block, k htmlKind) string {
	var b strings.Builder
	for _, x := range bl {
		switch {
		case x.IsTable:
			b.WriteString(renderTableHTML(r, x.Table, k))
		case x.Title:
			if k.Word {
				fmt.Fprintf(&b, "<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>%s</span></b></p>\n", html.EscapeString(x.Para))
			} else {
				fmt.Fprintf(&b, "<h2 style=\"text-align:center\">%s</h2>\n", html.EscapeString(x.Para))
			}
		case x.Sign:
			if k.Word {
				fmt.Fprintf(&b, "<p class=MsoNormal align=right style='text-align:right'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s</span></p>\n", html.EscapeString(x.Para))
			} else {
				fmt.Fprintf(&b, "<p style=\"text-align:right\">%s</p>\n", html.EscapeString(x.Para))
			}
		case x.Heading:
			if k.Word {
				fmt.Fprintf(&b, "<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>%s</span></b></p>\n", html.EscapeString(x.Para))
			} else {
				fmt.Fprintf(&b, "<p><strong>%s</strong></p>\n", html.EscapeString(x.Para))
			}
		default:
			if k.Word {
				fmt.Fprintf(&b, "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>%s</span></p>\n", html.EscapeString(x.Para))
			} else {
				fmt.Fprintf(&b, "<p style=\"text-indent:2em\">%s</p>\n", html.EscapeString(x.Para))
			}
		}
	}
	return b.String()
}

func renderHTML(r *rand.Rand, rep *report, s style, bl []block, k htmlKind) string {
	body := renderBodyHTML(r, bl, k)
	if k.Word {
		body = "<div class=WordSection1 style='layout-grid:15.6pt'>\n" + body + "</div>\n"
	}
	if k.Fragment {
		return "<div class=\"TRS_Editor\">\n" + body + "</div>\n"
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html>\n<head>\n")
	if k.Meta {
		fmt.Fprintf(&b, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n", k.Charset)
	}
	title := rep.title(s)
	fmt.Fprintf(&b, "<title>%s_%s</title>\n", html.EscapeString(title), html.EscapeString(rep.Body.Site))
	b.WriteString("<script type=\"text/javascript\">var _hmt = _hmt || [];</script>\n</head>\n<body>\n")
	if k.Portal {
		fmt.Fprintf(&b, "<div class=\"header\"><div class=\"logo\">%s</div><ul class=\"nav\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li><li><a href=\"/bsfw/\">办事服务</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>\n", html.EscapeString(rep.Body.Site))
		b.WriteString("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; <a href=\"/zwgk/ndbg/\">政府信息公开年报</a></div>\n")
		layout := r.IntN(2) == 0
		if layout {
			// an older portal: the page laid out with nested tables.
			b.WriteString("<table width=\"1000\" align=\"center\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr><td width=\"240\" valign=\"top\">\n")
		}
		b.WriteString("<div class=\"sidebar\"><h3>政府信息公开年报</h3><ul>\n")
		for yy := rep.Year + 1; yy >= rep.Year-3; yy-- {
			if yy == rep.Year || yy > 2025 {
				continue
			}
			fmt.Fprintf(&b, "<li><a href=\"/zwgk/ndbg/%d/\">%s%d年政府信息公开工作年度报告</a></li>\n", yy, html.EscapeString(rep.Body.Agency), yy)
		}
		b.WriteString("</ul></div>\n")
		if layout {
			fmt.Fprintf(&b, "</td><td valign=\"top\"><table width=\"100%%\" border=\"0\"><tr><td class=\"title\" align=\"center\"><b>%s</b></td></tr><tr><td>\n", html.EscapeString(title))
		}
		b.WriteString("<div class=\"article\">\n")
		if !layout {
			fmt.Fprintf(&b, "<h1 class=\"article-title\">%s</h1>\n", html.EscapeString(title))
		}
		info := "来源：" + html.EscapeString(rep.Body.Short)
		if rep.Published != "" {
			info = "发布时间：" + rep.Published + "　" + info
		}
		fmt.Fprintf(&b, "<div class=\"info\">%s　字号：[大 中 小]</div>\n<div class=\"TRS_Editor\">\n", info)
		b.WriteString(body)
		b.WriteString("</div>\n</div>\n")
		if layout {
			b.WriteString("</td></tr></table>\n</td></tr></table>\n")
		}
		fmt.Fprintf(&b, "<div class=\"footer\">主办单位：%s　网站标识码：3301060001　备案号：浙ICP备05000000号</div>\n", html.EscapeString(rep.Body.Site))
	} else {
		b.WriteString(body)
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// expand turns a table with spans into a full grid; span copies are empty,
// as a text extraction of a page leaves them.
func expand(t table) [][]tcell {
	var grid [][]tcell
	occupied := map[[2]int]bool{}
	for i, row := range t {
		for len(grid) <= i {
			grid = append(grid, nil)
		}
		j := 0
		for _, cl := range row {
			for occupied[[2]int{i, j}] {
				j++
			}
			for di := 0; di < cl.RS; di++ {
				for dj := 0; dj < cl.CS; dj++ {
					for len(grid) <= i+di {
						grid = append(grid, nil)
					}
					rr := grid[i+di]
					for len(rr) <= j+dj {
						rr = append(rr, tcell{})
					}
					if di == 0 && dj == 0 {
						rr[j+dj] = tcell{Text: cl.Text, Num: cl.Num}
					} else {
						rr[j+dj] = tcell{Num: cl.Num}
					}
					grid[i+di] = rr
					occupied[[2]int{i + di, j + dj}] = true
				}
			}
			j += cl.CS
		}
	}
	return grid
}

// garble applies OCR damage to a label.
func garble(r *rand.Rand, s string) string {
	rs := []rune(s)
	var b strings.Builder
	for _, ch := range rs {
		switch {
		case ch == '三' && r.IntN(3) == 0:
			b.WriteRune('Ξ')
		case ch == '二' && r.IntN(3) == 0:
			b.WriteRune('=')
		case ch == '增' && r.IntN(2) == 0:
			b.WriteRune('増')
		case ch == '减' && r.IntN(2) == 0:
			b.WriteRune('減')
		case ch == '（' && r.IntN(2) == 0:
			b.WriteRune('(')
		case ch == '）' && r.IntN(2) == 0:
			b.WriteRune(')')
		default:
			b.WriteRune(ch)
		}
		if r.IntN(12) == 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func garbleNum(r *rand.Rand, s string) string {
	if s == "0" && r.IntN(6) == 0 {
		return pick(r, []string{"U", "O", "o"})
	}
	return s
}

// renderOCR is OCR output as the seed shows it: tab-separated cells, span
// copies empty, labels garbled, some zeros read as U/O.
func renderOCR(r *rand.Rand, bl []block) string {
	var b strings.Builder
	for _, x := range bl {
		if !x.IsTable {
			p := x.Para
			switch {
			case x.Heading:
				p = garble(r, p)
			case x.Title && r.IntN(2) == 0:
				// OCR puts spaces around the year, as in the seed.
				for _, y := range []string{"2019", "2020", "2021", "2022", "2023", "2024", "2025"} {
					p = strings.Replace(p, y, " "+y+" ", 1)
				}
			}
			b.WriteString(p + "\n\n")
			continue
		}
		for _, row := range expand(x.Table) {
			var cells []string
			for _, cl := range row {
				if cl.Num {
					cells = append(cells, garbleNum(r, cl.Text))
				} else {
					cells = append(cells, garble(r, cl.Text))
				}
			}
			b.WriteString(strings.Join(cells, "\t") + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func dispWidth(s string) int {
	w := 0
	for _, ch := range s {
		if ch < 0x2E80 {
			w++
		} else {
			w += 2
		}
	}
	return w
}

// renderLayout is pdftotext -layout output: columns padded with spaces,
// long labels wrapped onto a second line.
func renderLayout(r *rand.Rand, bl []block) string {
	var b strings.Builder
	for _, x := range bl {
		if !x.IsTable {
			p := x.Para
			if x.Title || x.Sign {
				// a centred line; a long title is set on two lines, broken
				// before the year as a typesetter does.
				if i := strings.Index(p, "20"); x.Title && i > 0 && utf8.RuneCountInString(p) > 24 {
					fmt.Fprintf(&b, "%s%s\n", strings.Repeat(" ", 20), p[:i])
					p = p[i:]
				}
				b.WriteString(strings.Repeat(" ", 20) + p + "\n\n")
				continue
			}
			// wrap long paragraphs at 40 characters, like a printed page.
			rs := []rune(p)
			for len(rs) > 40 {
				b.WriteString(string(rs[:40]) + "\n")
				rs = rs[40:]
			}
			b.WriteString(string(rs) + "\n\n")
			continue
		}
		grid := expand(x.Table)
		ncol := 0
		for _, row := range grid {
			ncol = max(ncol, len(row))
		}
		widths := make([]int, ncol)
		for _, row := range grid {
			for j, cl := range row {
				w := dispWidth(cl.Text)
				if w > 24 {
					w = 24
				}
				widths[j] = max(widths[j], w)
			}
		}
		for _, row := range grid {
			// a label longer than its column wraps: its tail goes on the next line.
			var tail []string
			var line strings.Builder
			for j, cl := range row {
				t := cl.Text
				rs := []rune(t)
				tl := ""
				if dispWidth(t) > 24 {
					t = string(rs[:12])
					tl = string(rs[12:])
				}
				line.WriteString(t + strings.Repeat(" ", widths[j]-dispWidth(t)+3))
				for len(tail) <= j {
					tail = append(tail, "")
				}
				tail[j] = tl
			}
			b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
			has := false
			for _, t := range tail {
				if t != "" {
					has = true
				}
			}
			if has {
				var l2 strings.Builder
				for j, t := range tail {
					l2.WriteString(t + strings.Repeat(" ", max(0, widths[j]-dispWidth(t))+3))
				}
				b.WriteString(strings.TrimRight(l2.String(), " ") + "\n")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// renderMarkdown stores the report as markdown with pipe tables, as some
// archives do; the first row of each table serves as its header.
func renderMarkdown(bl []block) string {
	var b strings.Builder
	for _, x := range bl {
		switch {
		case x.Title:
			b.WriteString("# " + x.Para + "\n\n")
		case x.Heading:
			b.WriteString("## " + x.Para + "\n\n")
		case x.IsTable:
			grid := expand(x.Table)
			ncol := 0
			for _, row := range grid {
				ncol = max(ncol, len(row))
			}
			for i, row := range grid {
				var cells []string
				for j := 0; j < ncol; j++ {
					t := ""
					if j < len(row) {
						t = row[j].Text
					}
					cells = append(cells, t)
				}
				b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
				if i == 0 {
					b.WriteString("|" + strings.Repeat(" --- |", ncol) + "\n")
				}
			}
			b.WriteString("\n")
		default:
			b.WriteString(x.Para + "\n\n")
		}
	}
	return b.String()
}

var _ = strconv.Itoa
