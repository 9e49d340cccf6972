package main

import (
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/govreport/govreport/report"
)

// renderer writes one report's article HTML (the part a CMS editor holds:
// paragraphs and the three tables), in the report's style.
type renderer struct {
	r *yearReport
	b strings.Builder
}

func renderArticle(r *yearReport) string {
	w := &renderer{r: r}
	w.article()
	return w.b.String()
}

func (w *renderer) st() style { return w.r.Style }

// label adapts a template label to the report's punctuation.
func (w *renderer) label(s string) string {
	if w.st().ASCIIParen {
		s = strings.NewReplacer("（", "(", "）", ")").Replace(s)
	}
	return html.EscapeString(s)
}

func (w *renderer) para(text string, heading bool) {
	t := html.EscapeString(text)
	if !w.st().Word {
		if heading {
			fmt.Fprintf(&w.b, "<p><strong>%s</strong></p>\n", t)
		} else {
			fmt.Fprintf(&w.b, "<p style=\"text-indent:2em;\">%s</p>\n", t)
		}
		return
	}
	font := "仿宋_GB2312"
	if heading {
		font = "黑体"
	}
	fmt.Fprintf(&w.b, `<p class="MsoNormal" style="text-indent:32.0pt;line-height:28.0pt;mso-line-height-rule:exactly"><span style="font-size:16.0pt;font-family:%s;mso-hansi-font-family:&quot;Times New Roman&quot;">%s</span><span lang="EN-US" style="font-size:16.0pt;font-family:%s"><o:p></o:p></span></p>`+"\n", font, t, font)
}

// wrapped is a header label as Word pastes a narrow cell: broken into two
// paragraphs ("商业" / "企业"), as real pages print them.
func (w *renderer) wrapped(s string) string {
	r := []rune(s)
	if !w.st().Word || len(r) < 4 {
		return w.label(s)
	}
	h := len(r) / 2
	return w.label(string(r[:h])) + `</span></p><p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">` + w.label(string(r[h:]))
}

// td writes one table cell holding already escaped HTML.
func (w *renderer) td(inner string, attrs string) {
	if attrs != "" {
		attrs = " " + attrs
	}
	if !w.st().Word {
		fmt.Fprintf(&w.b, "<td%s>%s</td>", attrs, inner)
		return
	}
	fmt.Fprintf(&w.b, `<td%s style="border:solid windowtext 1.0pt;border-top:none;padding:0cm 5.4pt 0cm 5.4pt"><p class="MsoNormal" align="center" style="text-align:center"><span style="font-size:10.5pt;font-family:宋体">%s</span></p></td>`, attrs, inner)
}

// num formats a printed number; a blank prints as &nbsp;.
func (w *renderer) num(v *float64, signed bool) string {
	if v == nil {
		return "&nbsp;"
	}
	s := strconv.FormatFloat(*v, 'f', -1, 64)
	if signed && *v > 0 {
		s = "+" + s
	}
	if w.st().SplitNumbers && w.st().Word && len(s) >= 2 {
		// Word splits a number where the editor retyped part of it.
		return s[:1] + `</span><span lang="EN-US" style="font-size:10.5pt;font-family:宋体">` + s[1:]
	}
	return s
}

func (w *renderer) section(n int) string {
	tmpl := w.r.Template
	titles := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}
	if tmpl == report.Template2019 {
		titles[4] = "五、政府信息公开工作存在的主要问题及改进情况"
	}
	if w.st().Reworded {
		titles[1] = "二、主动公开政府信息情况统计"
		titles[3] = "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"
	}
	return titles[n]
}

func (w *renderer) article() {
	r := w.r
	if w.st().Word {
		fmt.Fprintf(&w.b, `<p class="MsoNormal" align="center" style="text-align:center"><b><span style="font-size:22.0pt;font-family:方正小标宋简体">%s</span></b></p>`+"\n", html.EscapeString(r.Title()))
	}
	tot := func(code string) float64 {
		if row := r.Req[code]; row != nil && row[6] != nil {
			return *row[6]
		}
		return 0
	}
	w.para(fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。本报告所列数据的统计期限自%d年1月1日起至%d年12月31日止。如对本报告有疑问，请与%s政府信息公开工作机构联系。", r.Year, r.Year, r.Body.Short), false)
	w.para(w.section(0), true)
	if len(r.Overview) > 0 {
		for _, p := range r.Overview {
			w.para(p, false)
		}
	} else {
		newRec := tot("new_received")
		co := tot("carried_over")
		cf := tot("carried_forward")
		w.para(fmt.Sprintf("%d年，%s坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开工作的部署，以公开促落实、促规范、促服务，政府信息公开工作取得新的进展。", r.Year, r.Body.Agency), false)
		w.para(fmt.Sprintf("（一）主动公开。全年通过门户网站主动公开政府信息%d条，其中政策文件%d件、政策解读%d篇，及时回应社会关切。", 400+r.ID%900, 10+r.ID%30, 5+r.ID%20), false)
		w.para(fmt.Sprintf("（二）依申请公开。全年新收政府信息公开申请%s件，上年结转%s件，办结%s件，结转下年度继续办理%s件，均在法定期限内答复。",
			fmtNum(newRec), fmtNum(co), fmtNum(newRec+co-cf), fmtNum(cf)), false)
		w.para("（三）政府信息管理。严格落实公文类信息公开属性源头认定和发布前保密审查机制，动态调整主动公开基本目录。", false)
		w.para("（四）平台建设。持续优化政府网站信息公开专栏，加强政务新媒体管理，做好政府公报、政务公开专区等线下渠道建设。", false)
		w.para("（五）监督保障。将政务公开工作纳入年度绩效考核，组织开展业务培训，全年未发生因政府信息公开引发的责任追究情况。", false)
	}
	w.para(w.section(1), true)
	w.proactive()
	w.para(w.section(2), true)
	w.requests()
	w.para(w.section(3), true)
	w.review()
	w.para(w.section(4), true)
	if len(r.Problems) > 0 {
		for _, p := range r.Problems {
			w.para(p, false)
		}
	} else {
		w.para("存在的主要问题：一是政策解读形式还不够丰富；二是基层政务公开标准化规范化工作有待深化；三是依申请公开答复的规范性需进一步提高。", false)
		w.para(fmt.Sprintf("改进措施：%d年，我们将进一步加强政策解读和回应关切，推进基层政务公开标准化规范化建设，加强业务培训和案例指导，不断提升政府信息公开工作质量。", r.Year+1), false)
	}
	w.para(w.section(5), true)
	if r.Template == report.Template2021 {
		w.para("依据《政府信息公开信息处理费管理办法》，本年度未收取信息处理费。", false)
	} else {
		w.para("无。", false)
	}
	w.signature()
}

func (w *renderer) signature() {
	r := w.r
	if !w.st().Word {
		fmt.Fprintf(&w.b, "<p style=\"text-align:right;\">%s</p>\n<p style=\"text-align:right;\">%s</p>\n", html.EscapeString(r.Body.Short), r.Published.CN())
		return
	}
	for _, s := range []string{r.Body.Short, r.Published.CN()} {
		fmt.Fprintf(&w.b, `<p class="MsoNormal" align="right" style="text-align:right"><span style="font-size:16.0pt;font-family:仿宋_GB2312">%s</span></p>`+"\n", html.EscapeString(s))
	}
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func (w *renderer) tableOpen() {
	if w.st().Word {
		w.b.WriteString(`<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" width="600" style="border-collapse:collapse;border:none"><tbody>` + "\n")
		return
	}
	w.b.WriteString(`<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%;">` + "\n")
}

func (w *renderer) tableClose() { w.b.WriteString("</tbody></table>\n") }

func (w *renderer) proVal(row, col string, signed bool) string {
	if raw, ok := w.r.Raw[row+"."+col]; ok {
		return html.EscapeString(raw)
	}
	return w.num(w.r.Pro[row][col], signed)
}

func (w *renderer) proactive() {
	w.tableOpen()
	if w.r.Template == report.Template2019 {
		w.proactive2019()
	} else {
		w.proactive2021()
	}
	w.tableClose()
}

func (w *renderer) proactive2019() {
	norm := "规范性文件"
	if w.st().NormLabel != "" {
		norm = w.st().NormLabel
	}
	other := "其他对外管理服务事项"
	change := "本年增/减"
	if w.st().Reworded {
		other = "其他对外管理服务"
		change = "本年增减"
	}
	head := func(item string) {
		w.b.WriteString("<tr>")
		w.td(w.label("第二十条第"+item+"项"), `colspan="4"`)
		w.b.WriteString("</tr>\n")
	}
	cols := func(labels ...string) {
		w.b.WriteString("<tr>")
		w.td(w.label("信息内容"), "")
		for i, l := range labels {
			attr := ""
			if len(labels) == 2 && i == 1 {
				attr = `colspan="2"`
			}
			w.td(w.label(l), attr)
		}
		w.b.WriteString("</tr>\n")
	}
	row := func(code, label string, colCodes ...string) {
		w.b.WriteString("<tr>")
		w.td(w.label(label), "")
		for i, c := range colCodes {
			attr := ""
			if len(colCodes) == 2 && i == 1 {
				attr = `colspan="2"`
			}
			w.td(w.proVal(code, c, c == "change"), attr)
		}
		w.b.WriteString("</tr>\n")
	}
	head("（一）")
	cols("本年新制作数量", "本年新公开数量", "对外公开总数量")
	row("regulations", "规章", "new_made", "new_published", "total_published")
	row("normative_docs", norm, "new_made", "new_published", "total_published")
	head("（五）")
	cols("上一年项目数量", change, "处理决定数量")
	row("licensing", "行政许可", "prev_items", "change", "decisions")
	row("other_mgmt_services", other, "prev_items", "change", "decisions")
	head("（六）")
	cols("上一年项目数量", change, "处理决定数量")
	row("penalty", "行政处罚", "prev_items", "change", "decisions")
	row("coercion", "行政强制", "prev_items", "change", "decisions")
	head("（八）")
	cols("上一年项目数量", change)
	row("admin_fees", "行政事业性收费", "prev_items", "change")
	head("（九）")
	amount := "采购总金额"
	if _, inYuan := w.r.Raw["central_procurement.amount_10k_yuan"]; !inYuan {
		amount = "采购总金额（万元）"
	}
	cols("采购项目数量", amount)
	row("central_procurement", "政府集中采购", "projects", "amount_10k_yuan")
}

func (w *renderer) proactive2021() {
	norm := "行政规范性文件"
	if w.st().NormLabel != "" {
		norm = w.st().NormLabel
	}
	head := func(item string) {
		w.b.WriteString("<tr>")
		w.td(w.label("第二十条第"+item+"项"), `colspan="4"`)
		w.b.WriteString("</tr>\n")
	}
	one := func(label string) {
		w.b.WriteString("<tr>")
		w.td(w.label("信息内容"), "")
		w.td(w.label(label), `colspan="3"`)
		w.b.WriteString("</tr>\n")
	}
	val := func(code, label, col string) {
		w.b.WriteString("<tr>")
		w.td(w.label(label), "")
		w.td(w.proVal(code, col, false), `colspan="3"`)
		w.b.WriteString("</tr>\n")
	}
	head("（一）")
	w.b.WriteString("<tr>")
	for _, l := range []string{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"} {
		w.td(w.label(l), "")
	}
	w.b.WriteString("</tr>\n")
	for _, rc := range [][2]string{{"regulations", "规章"}, {"normative_docs", norm}} {
		w.b.WriteString("<tr>")
		w.td(w.label(rc[1]), "")
		for _, c := range []string{"issued", "repealed", "in_force"} {
			w.td(w.proVal(rc[0], c, false), "")
		}
		w.b.WriteString("</tr>\n")
	}
	head("（五）")
	one("本年处理决定数量")
	val("licensing", "行政许可", "decisions")
	head("（六）")
	one("本年处理决定数量")
	val("penalty", "行政处罚", "decisions")
	val("coercion", "行政强制", "decisions")
	head("（八）")
	one("本年收费金额（单位：万元）")
	val("admin_fees", "行政事业性收费", "amount_10k_yuan")
}

// requestLabels are the labels printed in the requests table: the group
// cells and each row's own cell.
var requestLabels = map[string]string{
	"new_received":               "一、本年新收政府信息公开申请数量",
	"carried_over":               "二、上年结转政府信息公开申请数量",
	"granted":                    "（一）予以公开",
	"partially_granted":          "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
	"denied_state_secret":        "1.属于国家秘密",
	"denied_law_prohibited":      "2.其他法律行政法规禁止公开",
	"denied_security_stability":  "3.危及“三安全一稳定”",
	"denied_third_party":         "4.保护第三方合法权益",
	"denied_internal_affairs":    "5.属于三类内部事务信息",
	"denied_process_info":        "6.属于四类过程性信息",
	"denied_enforcement_file":    "7.属于行政执法案卷",
	"denied_inquiry":             "8.属于行政查询事项",
	"unavailable_not_held":       "1.本机关不掌握相关政府信息",
	"unavailable_needs_creation": "2.没有现成信息需要另行制作",
	"unavailable_unclear":        "3.补正后申请内容仍不明确",
	"not_processed_complaint":    "1.信访举报投诉类申请",
	"not_processed_repeat":       "2.重复申请",
	"not_processed_publication":  "3.要求提供公开出版物",
	"not_processed_excessive":    "4.无正当理由大量反复申请",
	"not_processed_confirmation": "5.要求行政机关确认或重新出具已获取信息",
	"other_overdue_correction":   "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
	"other_unpaid_fee":           "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
	"other_other":                "3.其他",
	"other_handling":             "（六）其他处理",
	"total_handled":              "（七）总计",
	"carried_forward":            "四、结转下年度继续办理",
}

var rewordedLabels = map[string]string{
	"new_received":      "一、本年新收政府信息公开申请数",
	"partially_granted": "（二）部分公开",
	"carried_forward":   "四、结转下年度继续办理数",
}

// groups of the requests table: the first row of each carries the group
// cell spanning its rows.
var requestGroups = []struct {
	First, Label string
	Rows         int
}{
	{"denied_state_secret", "（三）不予公开", 8},
	{"unavailable_not_held", "（四）无法提供", 3},
	{"not_processed_complaint", "（五）不予处理", 5},
	{"other_overdue_correction", "（六）其他处理", 3},
}

func inGroup(code string) bool {
	return strings.HasPrefix(code, "denied_") || strings.HasPrefix(code, "unavailable_") ||
		strings.HasPrefix(code, "not_processed_") || (strings.HasPrefix(code, "other_") && code != "other_handling")
}

func (w *renderer) requests() {
	r := w.r
	rows := requestRows(r.Template, r.Style)
	w.tableOpen()
	// Header: three rows, the first cell spanning all three.
	w.b.WriteString("<tr>")
	w.td(w.label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"), `colspan="3" rowspan="3"`)
	w.td(w.label("申请人情况"), `colspan="7"`)
	w.b.WriteString("</tr>\n<tr>")
	w.td(w.label("自然人"), `rowspan="2"`)
	w.td(w.label("法人或其他组织"), `colspan="5"`)
	w.td(w.label("总计"), `rowspan="2"`)
	w.b.WriteString("</tr>\n<tr>")
	for _, l := range []string{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"} {
		w.td(w.wrapped(l), "")
	}
	w.b.WriteString("</tr>\n")
	nResult := 0
	for _, c := range rows {
		if c != "new_received" && c != "carried_over" && c != "carried_forward" {
			nResult++
		}
	}
	for _, code := range rows {
		w.b.WriteString("<tr>")
		lab := requestLabels[code]
		if w.st().Reworded && rewordedLabels[code] != "" {
			lab = rewordedLabels[code]
		}
		if w.st().FullwidthDots {
			lab = strings.Replace(lab, ".", "．", 1)
		}
		switch {
		case code == "new_received" || code == "carried_over" || code == "carried_forward":
			w.td(w.label(lab), `colspan="3"`)
		case inGroup(code):
			for _, g := range requestGroups {
				if g.First == code {
					w.td(w.label(g.Label), fmt.Sprintf(`rowspan="%d"`, g.Rows))
				}
			}
			w.td(w.label(lab), "")
		default: // granted, partially_granted, other_handling, total_handled
			if code == "granted" {
				w.td(w.label("三、本年度办理结果"), fmt.Sprintf(`rowspan="%d"`, nResult))
			}
			w.td(w.label(lab), `colspan="2"`)
		}
		vals := r.Req[code]
		for j := range 7 {
			w.td(w.num(vals[j], false), "")
		}
		w.b.WriteString("</tr>\n")
	}
	w.tableClose()
}

func (w *renderer) review() {
	r := w.r
	w.tableOpen()
	outs := []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
	if w.st().Review2Rows {
		w.b.WriteString("<tr>")
		w.td(w.label("行政复议"), `colspan="5"`)
		w.td(w.label("行政诉讼（未经复议直接起诉）"), `colspan="5"`)
		w.td(w.label("行政诉讼（复议后起诉）"), `colspan="5"`)
		w.b.WriteString("</tr>\n<tr>")
		for range 3 {
			for _, o := range outs {
				w.td(w.label(o), "")
			}
		}
		w.b.WriteString("</tr>\n")
	} else {
		w.b.WriteString("<tr>")
		w.td(w.label("行政复议"), `colspan="5"`)
		w.td(w.label("行政诉讼"), `colspan="10"`)
		w.b.WriteString("</tr>\n<tr>")
		for _, o := range outs {
			w.td(w.label(o), `rowspan="2"`)
		}
		w.td(w.label("未经复议直接起诉"), `colspan="5"`)
		w.td(w.label("复议后起诉"), `colspan="5"`)
		w.b.WriteString("</tr>\n<tr>")
		for range 2 {
			for _, o := range outs {
				w.td(w.label(o), "")
			}
		}
		w.b.WriteString("</tr>\n")
	}
	w.b.WriteString("<tr>")
	for _, code := range report.ReviewCodes() {
		w.td(w.num(r.Rev[code], false), "")
	}
	w.b.WriteString("</tr>\n")
	w.tableClose()
}
