package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// tcell is one origin cell of a table, HTML-style: spans are not repeated.
type tcell struct {
	Text   string
	RS, CS int
	Num    bool // holds a value (for Word-paste span splitting and OCR garbling)
}

type table [][]tcell

func c(s string) tcell            { return tcell{Text: s, RS: 1, CS: 1} }
func cs(s string, n int) tcell    { return tcell{Text: s, RS: 1, CS: n} }
func rs(s string, n int) tcell    { return tcell{Text: s, RS: n, CS: 1} }
func num(s string) tcell          { return tcell{Text: s, RS: 1, CS: 1, Num: true} }
func numcs(s string, n int) tcell { return tcell{Text: s, RS: 1, CS: n, Num: true} }

// style is how one publisher lays the report out.
type style struct {
	Numbering  int // group numbering: 0 （一）, 1 (一), 2 一、, 3 none
	SubNum     int // item numbering: 0 "1.", 1 "1、", 2 "（1）", 3 none
	Reword     bool
	FlatLabels int // requests labels: 0 template 3-column rowspans, 1 one column (item only), 2 one column with group prefix
	Phantom    bool
	PhantomMid bool // the phantom column sits after the labels, not at the end
	FullWidth  bool // digits typed full-width (１２), as some WPS documents do
	FlatReview bool // review header as one row of groups, without 行政诉讼
	BreakLabel bool // long labels broken over two lines inside their cell
	ProMerge   bool // 2019: items (五) and (六) under one header, four sections
	Split      int  // requests table split before this printed row index (0 = none)
	SplitEmpty bool // the second part keeps a rowspan column as an empty cell
	Money      int  // 0 unit in header 万元, 1 "万元" in cell, 2 "元" in cell, 3 unit 元 in header
	Thousands  bool
	ProSplit   bool // 2019 proactive as separate tables per section
	PlusSign   bool // positive changes printed with +
	Sig        int  // 0 arabic date, 1 Chinese numerals, 2 zero-padded, 3 no date line
	SigName    int  // 0 full, 1 short, 2 none
	Title      int
	ShortTitle bool // title uses the short name, full name on the line above
	NoteLabel  bool // keep the 勾稽关系 note in the header
}

var groupNums = []string{"一", "二", "三", "四", "五", "六", "七"}

func (s style) group(i int, label string) string {
	n := groupNums[i]
	switch s.Numbering {
	case 0:
		return "（" + n + "）" + label
	case 1:
		return "(" + n + ")" + label
	case 2:
		return n + "、" + label
	}
	return label
}

func (s style) item(i int, label string) string {
	switch s.SubNum {
	case 0:
		return fmt.Sprintf("%d.%s", i, label)
	case 1:
		return fmt.Sprintf("%d、%s", i, label)
	case 2:
		return fmt.Sprintf("（%d）%s", i, label)
	}
	return label
}

func (s style) article(n string) string {
	if s.Numbering == 1 {
		return "第二十条第(" + n + ")项"
	}
	return "第二十条第（" + n + "）项"
}

// fmtNum prints a count, with a sign for changes when the style says so.
func (s style) fmtCount(v val, signed bool) string {
	if v.Blank {
		return ""
	}
	t := strconv.FormatFloat(v.N, 'f', -1, 64)
	if s.Thousands && v.N >= 1000 {
		t = thousands(t)
	}
	if signed && s.PlusSign && v.N > 0 {
		t = "+" + t
	}
	return s.width(t)
}

// width types digits full-width when the style says so.
func (s style) width(t string) string {
	if !s.FullWidth {
		return t
	}
	var b strings.Builder
	for _, ch := range t {
		if ch >= '0' && ch <= '9' {
			ch = ch - '0' + '０'
		}
		b.WriteRune(ch)
	}
	return b.String()
}

func thousands(t string) string {
	intPart, frac, _ := strings.Cut(t, ".")
	var b strings.Builder
	for i, ch := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(ch)
	}
	if frac != "" {
		return b.String() + "." + frac
	}
	return b.String()
}

// fmtMoney prints a 万元 amount in the style's unit.
func (s style) fmtMoney(v val) string {
	if v.Blank {
		return ""
	}
	switch s.Money {
	case 1:
		return s.width(strconv.FormatFloat(v.N, 'f', -1, 64)) + "万元"
	case 2, 3:
		y := strconv.FormatFloat(float64(int64(v.N*100+0.5))*100, 'f', -1, 64)
		if s.Thousands {
			y = thousands(y)
		}
		if s.Money == 2 {
			return s.width(y) + "元"
		}
		return s.width(y)
	}
	return s.width(strconv.FormatFloat(v.N, 'f', -1, 64))
}

func (s style) moneyHeader(base string) string {
	switch s.Money {
	case 0:
		return base + "（万元）"
	case 3:
		return base + "（元）"
	}
	return base
}

// proactiveTables renders 二、主动公开政府信息情况 as one table, or, for a
// split style, as one (title, table) pair per 第二十条 item.
func proactiveTables(rep *report, s style) []block {
	p := rep.Proactive
	var sections []struct {
		art  string
		rows table
	}
	add := func(art string, rows table) {
		sections = append(sections, struct {
			art  string
			rows table
		}{art, rows})
	}
	if rep.Template == "2019" {
		ch := "本年增/减"
		if s.Reword {
			ch = "本年增/减数量"
		}
		add("一", table{
			{c("信息内容"), c("本年新制作数量"), c("本年新公开数量"), c("对外公开总数量")},
			{c("规章"), num(s.fmtCount(p["regulations"]["new_made"], false)), num(s.fmtCount(p["regulations"]["new_published"], false)), num(s.fmtCount(p["regulations"]["total_published"], false))},
			{c("规范性文件"), num(s.fmtCount(p["normative_docs"]["new_made"], false)), num(s.fmtCount(p["normative_docs"]["new_published"], false)), num(s.fmtCount(p["normative_docs"]["total_published"], false))},
		})
		three := func(row, label string) []tcell {
			return []tcell{c(label), num(s.fmtCount(p[row]["prev_items"], false)), num(s.fmtCount(p[row]["change"], true)), num(s.fmtCount(p[row]["decisions"], false))}
		}
		add("五", table{{c("信息内容"), c("上一年项目数量"), c(ch), c("处理决定数量")}, three("licensing", "行政许可"), three("other_mgmt_services", "其他对外管理服务事项")})
		add("六", table{{c("信息内容"), c("上一年项目数量"), c(ch), c("处理决定数量")}, three("penalty", "行政处罚"), three("coercion", "行政强制")})
		add("八", table{{c("信息内容"), c("上一年项目数量"), cs(ch, 2)},
			{c("行政事业性收费"), num(s.fmtCount(p["admin_fees"]["prev_items"], false)), numcs(s.fmtCount(p["admin_fees"]["change"], true), 2)}})
		add("九", table{{c("信息内容"), c("采购项目数量"), cs(s.moneyHeader("采购总金额"), 2)},
			{c("政府集中采购"), num(s.fmtCount(p["central_procurement"]["projects"], false)), numcs(s.fmtMoney(p["central_procurement"]["amount_10k_yuan"]), 2)}})
	} else {
		add("一", table{
			{c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")},
			{c("规章"), num(s.fmtCount(p["regulations"]["issued"], false)), num(s.fmtCount(p["regulations"]["repealed"], false)), num(s.fmtCount(p["regulations"]["in_force"], false))},
			{c("行政规范性文件"), num(s.fmtCount(p["normative_docs"]["issued"], false)), num(s.fmtCount(p["normative_docs"]["repealed"], false)), num(s.fmtCount(p["normative_docs"]["in_force"], false))},
		})
		dec := "本年处理决定数量"
		if s.Reword {
			dec = "本年处理决定数量（件）"
		}
		add("五", table{{c("信息内容"), cs(dec, 3)}, {c("行政许可"), numcs(s.fmtCount(p["licensing"]["decisions"], false), 3)}})
		add("六", table{{c("信息内容"), cs(dec, 3)}, {c("行政处罚"), numcs(s.fmtCount(p["penalty"]["decisions"], false), 3)}, {c("行政强制"), numcs(s.fmtCount(p["coercion"]["decisions"], false), 3)}})
		mh := "本年收费金额（单位：万元）"
		switch s.Money {
		case 1, 2:
			mh = "本年收费金额"
		case 3:
			mh = "本年收费金额（单位：元）"
		}
		add("八", table{{c("信息内容"), cs(mh, 3)}, {c("行政事业性收费"), numcs(s.fmtMoney(p["admin_fees"]["amount_10k_yuan"]), 3)}})
	}
	if s.ProMerge && rep.Template == "2019" {
		// 第（五）项 and 第（六）项 share one header: four sections.
		sections[1].art = "五）、第（六"
		sections[1].rows = append(sections[1].rows, sections[2].rows[1:]...)
		sections = append(sections[:2], sections[3:]...)
	}
	if s.ProSplit {
		var out []block
		for _, sec := range sections {
			out = append(out, para(s.article(sec.art)), tab(sec.rows))
		}
		return out
	}
	var t table
	for _, sec := range sections {
		t = append(t, []tcell{cs(s.article(sec.art), 4)})
		t = append(t, sec.rows...)
	}
	return []block{tab(t)}
}

// reqLabel is the label path of one requests row: top (一、…), group
// (（三）不予公开) and item (1.属于国家秘密); empty levels are absent.
type reqLabel struct{ Top, Group, Item string }

func (s style) reqLabels(rep *report) map[string]reqLabel {
	rw := func(a, b string) string {
		if s.Reword {
			return b
		}
		return a
	}
	top3 := "三、本年度办理结果"
	L := map[string]reqLabel{
		"new_received":      {Top: rw("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数")},
		"carried_over":      {Top: "二、上年结转政府信息公开申请数量"},
		"granted":           {Top: top3, Group: s.group(0, "予以公开")},
		"partially_granted": {Top: top3, Group: s.group(1, rw("部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"))},
		"total_handled":     {Top: top3, Group: s.group(6, "总计")},
		"carried_forward":   {Top: rw("四、结转下年度继续办理", "四、结转下一年度继续办理")},
	}
	den := []string{"属于国家秘密", "其他法律行政法规禁止公开", "危及“三安全一稳定”", "保护第三方合法权益", "属于三类内部事务信息", "属于四类过程性信息", "属于行政执法案卷", "属于行政查询事项"}
	for i, code := range []string{"denied_state_secret", "denied_law_prohibited", "denied_security_stability", "denied_third_party", "denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry"} {
		L[code] = reqLabel{top3, s.group(2, "不予公开"), s.item(i+1, den[i])}
	}
	un := []string{"本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"}
	for i, code := range []string{"unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear"} {
		L[code] = reqLabel{top3, s.group(3, "无法提供"), s.item(i+1, un[i])}
	}
	np := []string{"信访举报投诉类申请", "重复申请", "要求提供公开出版物", "无正当理由大量反复申请", "要求行政机关确认或重新出具已获取信息"}
	for i, code := range []string{"not_processed_complaint", "not_processed_repeat", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation"} {
		L[code] = reqLabel{top3, s.group(4, "不予处理"), s.item(i+1, np[i])}
	}
	ot := []string{"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "其他"}
	for i, code := range []string{"other_overdue_correction", "other_unpaid_fee", "other_other"} {
		L[code] = reqLabel{top3, s.group(5, "其他处理"), s.item(i+1, ot[i])}
	}
	L["other_handling"] = reqLabel{Top: top3, Group: s.group(5, "其他处理")}
	return L
}

const balanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

var applicantHeads = []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}

// requestsTables renders 三、收到和处理政府信息公开申请情况: one table, or
// two when a page break splits it (the second without the header and
// without the cells whose rowspan began in the first).
func requestsTables(rep *report, s style) []table {
	L := s.reqLabels(rep)
	labelCols := 3
	if s.FlatLabels > 0 {
		labelCols = 1
	}
	note := ""
	if s.NoteLabel {
		note = balanceNote
	}
	var head table
	head = append(head, []tcell{{Text: note, RS: 3, CS: labelCols}, cs("申请人情况", 7)})
	head = append(head, []tcell{rs("自然人", 2), cs("法人或其他组织", 5), rs("总计", 2)})
	head = append(head, []tcell{c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")})

	values := func(row string) []tcell {
		var out []tcell
		for _, col := range reqCols {
			v := rep.Requests[row][col]
			out = append(out, num(s.fmtCount(v, false)))
		}
		return out
	}
	rows := rep.ReqRows
	parts := [][]string{rows}
	if s.Split > 0 && s.Split < len(rows) {
		parts = [][]string{rows[:s.Split], rows[s.Split:]}
	}
	var out []table
	for pi, part := range parts {
		var t table
		if pi == 0 {
			t = append(t, head...)
		}
		for i, row := range part {
			l := L[row]
			var cells []tcell
			if s.FlatLabels > 0 {
				lab := l.Top
				if l.Group != "" {
					lab = l.Group
				}
				if l.Item != "" {
					lab = l.Item
					if s.FlatLabels == 2 || (i > 0 && L[part[i-1]].Group != l.Group) || i == 0 {
						lab = l.Group + l.Item
					}
				}
				cells = append(cells, c(lab))
			} else {
				// rowspans within this part only.
				runLen := func(get func(reqLabel) string) int {
					n := 0
					for _, r2 := range part[i:] {
						if get(L[r2]) != get(l) {
							break
						}
						n++
					}
					return n
				}
				starts := func(get func(reqLabel) string) bool {
					return i == 0 && pi == 0 || i > 0 && get(L[part[i-1]]) != get(l) || i == 0 && pi > 0 && get(L[rows[s.Split-1]]) != get(l)
				}
				top := func(x reqLabel) string { return x.Top }
				grp := func(x reqLabel) string { return x.Top + x.Group }
				switch {
				case l.Group == "":
					cells = append(cells, cs(l.Top, 3))
				default:
					if starts(top) {
						cells = append(cells, rs(l.Top, runLen(top)))
					} else if i == 0 && s.SplitEmpty {
						cells = append(cells, rs("", runLen(top)))
					}
					if l.Item == "" {
						cells = append(cells, cs(l.Group, 2))
					} else {
						if starts(grp) {
							cells = append(cells, rs(l.Group, runLen(grp)))
						} else if i == 0 && s.SplitEmpty {
							cells = append(cells, rs("", runLen(grp)))
						}
						cells = append(cells, c(l.Item))
					}
				}
			}
			cells = append(cells, values(row)...)
			t = append(t, cells)
		}
		out = append(out, t)
	}
	if s.Phantom {
		for pi, t := range out {
			for i := range t {
				if s.PhantomMid && !(pi == 0 && i < 3) {
					// after the label cells: before the first value cell.
					k := len(t[i]) - 7
					row := append([]tcell{}, t[i][:k]...)
					row = append(row, c(""))
					t[i] = append(row, t[i][k:]...)
					continue
				}
				if s.PhantomMid && pi == 0 && i == 1 {
					continue // header rows 1-2 sit under spans
				}
				if s.PhantomMid && pi == 0 && i == 2 {
					continue
				}
				if s.PhantomMid && pi == 0 && i == 0 {
					t[i][0].CS++
					continue
				}
				t[i] = append(t[i], c(""))
			}
		}
	}
	return out
}

func reviewTable(rep *report, s style) table {
	oc := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	var r1, r2, r3 []tcell
	if s.FlatReview {
		r1 = []tcell{cs("行政复议", 5), cs("行政诉讼（未经复议直接起诉）", 5), cs("行政诉讼（复议后起诉）", 5)}
		for k := 0; k < 3; k++ {
			for _, o := range oc {
				r2 = append(r2, c(o))
			}
		}
		for _, g := range reviewGroups {
			for _, o := range reviewOutcomes {
				r3 = append(r3, num(s.fmtCount(rep.Review[g+"_"+o], false)))
			}
		}
		return table{r1, r2, r3}
	}
	t := table{{cs("行政复议", 5), cs("行政诉讼", 10)}}
	for _, o := range oc {
		r1 = append(r1, rs(o, 2))
	}
	r1 = append(r1, cs("未经复议直接起诉", 5), cs("复议后起诉", 5))
	for k := 0; k < 2; k++ {
		for _, o := range oc {
			r2 = append(r2, c(o))
		}
	}
	for _, g := range reviewGroups {
		for _, o := range reviewOutcomes {
			r3 = append(r3, num(s.fmtCount(rep.Review[g+"_"+o], false)))
		}
	}
	return append(t, r1, r2, r3)
}

// drawStyle picks a publisher's layout, and drops rows that a publisher
// might leave out (only all-zero ones, so that the identities still hold).
func drawStyle(r *rand.Rand, rep *report) style {
	s := style{
		Numbering:  r.IntN(4),
		SubNum:     r.IntN(4),
		Reword:     r.IntN(3) == 0,
		FlatLabels: 0,
		Phantom:    r.IntN(6) == 0,
		PhantomMid: r.IntN(2) == 0,
		FullWidth:  r.IntN(10) == 0,
		FlatReview: r.IntN(6) == 0,
		BreakLabel: r.IntN(4) == 0,
		ProMerge:   r.IntN(4) == 0,
		Money:      r.IntN(4),
		Thousands:  r.IntN(4) == 0,
		ProSplit:   rep.Template == "2019" && r.IntN(3) == 0,
		PlusSign:   r.IntN(2) == 0,
		Sig:        r.IntN(4),
		SigName:    r.IntN(3),
		Title:      r.IntN(5),
		ShortTitle: r.IntN(6) == 0,
		NoteLabel:  r.IntN(4) != 0,
	}
	if s.Numbering == 3 && s.SubNum == 3 {
		s.SubNum = 0
	}
	if r.IntN(4) == 0 {
		s.FlatLabels = 1 + r.IntN(2)
	}
	if rep.Published == "" {
		s.Sig = 3
	}
	if s.Sig == 3 {
		rep.Published = ""
	}
	if r.IntN(5) == 0 {
		var keep []string
		dropped := 0
		for _, row := range rep.ReqRows {
			if dropped < 2 && (strings.HasPrefix(row, "denied_") || strings.HasPrefix(row, "not_processed_")) && allZero(rep.Requests[row]) && r.IntN(3) == 0 {
				dropped++
				continue
			}
			keep = append(keep, row)
		}
		rep.ReqRows = keep
	}
	if r.IntN(4) == 0 {
		s.Split = 6 + r.IntN(len(rep.ReqRows)-8)
		s.SplitEmpty = r.IntN(2) == 0
	}
	return s
}

func allZero(m map[string]val) bool {
	for _, v := range m {
		if v.N != 0 {
			return false
		}
	}
	return true
}
