package template

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/report"
)

// confusables maps characters that OCR or traditional-script copies put
// where the template prints a simplified character. Only characters that
// cannot mean anything else in a label are listed.
var confusables = map[rune]rune{
	'Ξ': '三', '≡': '三', '=': '二', '＝': '二',
	'増': '增', '減': '减', '開': '开', '處': '处', '請': '请', '數': '数',
	'機': '机', '構': '构', '總': '总', '計': '计', '複': '复', '議': '议',
	'訴': '诉', '訟': '讼', '維': '维', '糾': '纠', '結': '结', '審': '审',
	'織': '织', '關': '关', '規': '规', '範': '范', '許': '许', '強': '强',
	'製': '制', '費': '费', '購': '购', '項': '项', '決': '决', '應': '应',
	'務': '务', '護': '护', '權': '权', '過': '过', '內': '内', '類': '类',
	'價': '价', '國': '国', '無': '无', '現': '现', '補': '补', '轉': '转',
	'諮': '咨', '詢': '询', '達': '达', '準': '准', '業': '业', '會': '会',
	'個': '个', '執': '执', '卷': '卷', '發': '发', '廢': '废', '効': '效',
}

// isNumeral reports whether r can be a Chinese list numeral as printed or
// as OCR reads it (Ξ for 三, = for 二, - for 一 inside parentheses).
func isNumeral(r rune, inParens bool) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', 'Ξ', '=', '＝':
		return true
	case '-', '－', '—', '_':
		return inParens
	}
	return false
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == 0x3000 || r == 0xA0 }

// skipNumbering returns how many runes at rs[i:] are list numbering to
// drop: （一）, (-) as OCR reads (一), 一、, 三. (Arabic numbering goes with
// the non-Han filter anyway).
func skipNumbering(rs []rune, i int) int {
	r := rs[i]
	if r == '(' || r == '（' {
		j, n := i+1, 0
		for j < len(rs) && (isSpace(rs[j]) || isNumeral(rs[j], true)) {
			if !isSpace(rs[j]) {
				n++
			}
			j++
		}
		if n >= 1 && n <= 3 && j < len(rs) && (rs[j] == ')' || rs[j] == '）') {
			return j + 1 - i
		}
		return 0
	}
	if !isNumeral(r, false) {
		return 0
	}
	j := i
	for j < len(rs) && j-i < 2 && isNumeral(rs[j], false) {
		j++
	}
	for j < len(rs) && isSpace(rs[j]) {
		j++
	}
	if j < len(rs) {
		switch rs[j] {
		case '、', '.', '．', ',', '，':
			return j + 1 - i
		}
	}
	return 0
}

// mayHaveHan reports whether s can normalise to anything: it has a
// non-ASCII byte, or the '=' OCR makes of 二.
func mayHaveHan(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '=' {
			return true
		}
	}
	return false
}

// isHan reports whether r is a Han character. The CJK Unified Ideographs
// block, where nearly every label character lies, is all Han; other runes
// go to the Unicode table.
func isHan(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

// confusableBits marks the runes below 0x10000 that confusables maps, so
// that the map is consulted only for them (Normalize runs on every cell).
var confusableBits = func() (b [0x10000 / 64]uint64) {
	for r := range confusables {
		b[r/64] |= 1 << (r % 64)
	}
	return b
}()

// unconfuse maps an OCR or traditional-script confusable to the template's
// character, and returns any other rune unchanged.
func unconfuse(r rune) rune {
	if r < 0 || r >= 0x10000 || confusableBits[r/64]&(1<<(r%64)) == 0 {
		return r
	}
	return confusables[r]
}

// Normalize reduces a label to the Han characters that carry its meaning:
// numbering, punctuation, spaces, markup and Latin letters are dropped and
// OCR confusables mapped to the template's characters.
func Normalize(s string) string {
	if !mayHaveHan(s) {
		return ""
	}
	var buf [128]byte
	return string(appendNormalized(buf[:0], s))
}

// appendNormalized appends Normalize(s) to dst as UTF-8. It works on the
// runes of s in a buffer on the stack for the usual short cell, rewriting
// them in place (the markup and numbering passes only ever drop runes).
func appendNormalized(dst []byte, s string) []byte {
	if !mayHaveHan(s) {
		return dst
	}
	var rbuf [128]rune
	rs := rbuf[:0]
	markup := false
	for _, r := range s {
		rs = append(rs, r)
		markup = markup || r == '<'
	}
	if markup {
		// Markup left in a cell ("(<u>=</u>)").
		kept := rs[:0]
		for i := 0; i < len(rs); i++ {
			if rs[i] == '<' {
				if j := indexRune(rs[i:], '>'); j > 0 {
					i += j
					continue
				}
			}
			kept = append(kept, rs[i])
		}
		rs = kept
	}
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if n := skipNumbering(rs, i); n > 0 {
			i += n - 1
			continue
		}
		r = unconfuse(r)
		if isHan(r) {
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
}

func indexRune(rs []rune, r rune) int {
	for i, x := range rs {
		if x == r {
			return i
		}
	}
	return -1
}

// bigrams is a label's character bigrams, sorted, duplicates kept, so that
// two labels compare by a merge.
type bigrams []uint64

func makeBigrams(norm string) bigrams {
	n := utf8.RuneCountInString(norm)
	if n == 0 {
		return bigrams{}
	}
	if n == 1 {
		r, _ := utf8.DecodeRuneInString(norm)
		return bigrams{uint64(r)}
	}
	out := make(bigrams, 0, n-1)
	var prev rune = -1
	for _, r := range norm {
		if prev >= 0 {
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	slices.Sort(out)
	return out
}

// joinBigrams returns the bigrams of the concatenation of two labels from
// theirs, without sorting again: the union plus the bigram across the join.
func joinBigrams(a, b bigrams, aLast, bFirst rune, aLen, bLen int) bigrams {
	if aLen < 2 || bLen < 2 {
		return nil // the caller builds these few from the text
	}
	out := make(bigrams, 0, len(a)+len(b)+1)
	x := uint64(aLast)<<32 | uint64(bFirst)
	i, j, done := 0, 0, false
	for i < len(a) || j < len(b) || !done {
		var next uint64
		switch {
		case !done && (i >= len(a) || x <= a[i]) && (j >= len(b) || x <= b[j]):
			next, done = x, true
		case i < len(a) && (j >= len(b) || a[i] <= b[j]):
			next = a[i]
			i++
		default:
			next = b[j]
			j++
		}
		out = append(out, next)
	}
	return out
}

func common(a, b bigrams) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// similarity scores a label found in a document against an expected one:
// mostly how much of the expected label is present (recall), a little how
// much of the found label is explained (precision), so a label carrying its
// parent's text ("不予公开 属于国家秘密") still matches its leaf.
func similarity(found, want bigrams) float64 {
	if len(found) == 0 || len(want) == 0 {
		return 0
	}
	c := float64(common(found, want))
	wr := 0.75
	if len(want) <= 2 {
		// A short label (其他, 总计) is inside many others: weigh both ways.
		wr = 0.5
	}
	return wr*c/float64(len(want)) + (1-wr)*c/float64(len(found))
}

// expected is one row of a template table with the label forms it is
// known by.
type expected struct {
	code     string
	cols     []string
	forms    []bigrams
	optional bool // rows a template's copies often leave out
}

func (e *expected) score(found bigrams) float64 {
	best := 0.0
	for _, f := range e.forms {
		if s := similarity(found, f); s > best {
			best = s
		}
	}
	return best
}

func forms(parent string, labels ...string) []bigrams {
	var out []bigrams
	for _, l := range labels {
		n := Normalize(l)
		out = append(out, makeBigrams(n))
		if parent != "" {
			out = append(out, makeBigrams(Normalize(parent)+n))
		}
	}
	return out
}

var requestCols = report.RequestColCodes()

// requestForms gives the label forms of each requests row: the template's
// wording, its parent heading, and rewordings seen in published copies.
var requestForms = map[string][]bigrams{
	"new_received":               forms("", "本年新收政府信息公开申请数量", "本年新收申请", "新收政府信息公开申请"),
	"carried_over":               forms("", "上年结转政府信息公开申请数量", "上年结转申请", "上年度结转"),
	"granted":                    forms("本年度办理结果", "予以公开"),
	"partially_granted":          forms("本年度办理结果", "部分公开区分处理的只计这一情形不计其他情形", "部分公开"),
	"denied_state_secret":        forms("不予公开", "属于国家秘密"),
	"denied_law_prohibited":      forms("不予公开", "其他法律行政法规禁止公开"),
	"denied_security_stability":  forms("不予公开", "危及三安全一稳定"),
	"denied_third_party":         forms("不予公开", "保护第三方合法权益"),
	"denied_internal_affairs":    forms("不予公开", "属于三类内部事务信息"),
	"denied_process_info":        forms("不予公开", "属于四类过程性信息"),
	"denied_enforcement_file":    forms("不予公开", "属于行政执法案卷"),
	"denied_inquiry":             forms("不予公开", "属于行政查询事项"),
	"unavailable_not_held":       forms("无法提供", "本机关不掌握相关政府信息"),
	"unavailable_needs_creation": forms("无法提供", "没有现成信息需要另行制作"),
	"unavailable_unclear":        forms("无法提供", "补正后申请内容仍不明确"),
	"not_processed_complaint":    forms("不予处理", "信访举报投诉类申请"),
	"not_processed_repeat":       forms("不予处理", "重复申请"),
	"not_processed_publication":  forms("不予处理", "要求提供公开出版物"),
	"not_processed_excessive":    forms("不予处理", "无正当理由大量反复申请"),
	"not_processed_confirmation": forms("不予处理", "要求行政机关确认或重新出具已获取信息"),
	"other_overdue_correction":   forms("其他处理", "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请", "逾期不补正"),
	"other_unpaid_fee":           forms("其他处理", "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请", "逾期未缴纳费用"),
	"other_other":                forms("其他处理", "其他"),
	"other_handling":             forms("", "其他处理"),
	"total_handled":              forms("本年度办理结果", "总计"),
	"carried_forward":            forms("", "结转下年度继续办理", "结转下年度"),
}

var (
	requests2019, requests2021   = buildRequestRows(report.Template2019), buildRequestRows(report.Template2021)
	proactive2019, proactive2021 = buildProactiveRows(report.Template2019), buildProactiveRows(report.Template2021)
)

// requestRows returns the requests rows of a template in order.
func requestRows(tmpl string) []expected {
	if tmpl == report.Template2019 {
		return requests2019
	}
	return requests2021
}

// proactiveRows returns the proactive rows of a template in order.
func proactiveRows(tmpl string) []expected {
	if tmpl == report.Template2019 {
		return proactive2019
	}
	return proactive2021
}

func buildRequestRows(tmpl string) []expected {
	var out []expected
	for _, r := range report.RequestRows {
		e := expected{code: r.Code, cols: requestCols, forms: requestForms[r.Code]}
		switch {
		case r.Only != "" && r.Only != tmpl:
			continue
		case tmpl == report.Template2021 && r.Code == "other_handling":
			// 2021 copies that keep the single （六）其他处理 row.
			e.optional = true
		case r.Only == report.Template2021:
			e.optional = true
		}
		out = append(out, e)
	}
	return out
}

var proactiveForms = map[string][]bigrams{
	"regulations":         forms("", "规章"),
	"normative_docs":      forms("", "规范性文件", "行政规范性文件"),
	"licensing":           forms("", "行政许可"),
	"other_mgmt_services": forms("", "其他对外管理服务事项"),
	"penalty":             forms("", "行政处罚"),
	"coercion":            forms("", "行政强制"),
	"admin_fees":          forms("", "行政事业性收费"),
	"central_procurement": forms("", "政府集中采购"),
}

func buildProactiveRows(tmpl string) []expected {
	var out []expected
	for _, r := range report.ProactiveRows(tmpl) {
		out = append(out, expected{code: r.Code, cols: r.Cols, forms: proactiveForms[r.Code]})
	}
	return out
}

// proactiveColumn names the proactive column a header cell stands for, or
// "" when it names none. Order matters: 上一年项目数量 also contains 项目数.
func proactiveColumn(norm string) string {
	switch {
	case norm == "":
		return ""
	case strings.Contains(norm, "新制作"):
		return "new_made"
	case strings.Contains(norm, "新公开"):
		return "new_published"
	case strings.Contains(norm, "公开总数") || strings.Contains(norm, "对外公开总"):
		return "total_published"
	case strings.Contains(norm, "上一年") || strings.Contains(norm, "上年"):
		return "prev_items"
	case strings.Contains(norm, "增减") || strings.Contains(norm, "增") && strings.Contains(norm, "减"):
		return "change"
	case strings.Contains(norm, "处理决定") || strings.Contains(norm, "决定数"):
		return "decisions"
	case strings.Contains(norm, "金额") || strings.Contains(norm, "万元"):
		return "amount_10k_yuan"
	case strings.Contains(norm, "项目数") || strings.Contains(norm, "采购项目"):
		return "projects"
	case strings.Contains(norm, "制发"):
		return "issued"
	case strings.Contains(norm, "废止"):
		return "repealed"
	case strings.Contains(norm, "现行有效") || strings.Contains(norm, "有效件"):
		return "in_force"
	}
	return ""
}

// requestColumn names the applicant column a header column stands for. The
// group heading 法人或其他组织 spans five columns and would otherwise read
// as 其他.
func requestColumn(norm string) string {
	norm = strings.ReplaceAll(norm, "法人或其他组织", "")
	norm = strings.ReplaceAll(norm, "法人和其他组织", "")
	switch {
	case norm == "":
		return ""
	case strings.Contains(norm, "商业") || strings.Contains(norm, "企业"):
		return "commercial"
	case strings.Contains(norm, "科研"):
		return "research"
	case strings.Contains(norm, "公益"):
		return "social_org"
	case strings.Contains(norm, "法律服务") || strings.Contains(norm, "律所"):
		return "legal_service"
	case strings.Contains(norm, "自然人"):
		return "natural_person"
	case strings.Contains(norm, "总计") || strings.Contains(norm, "合计"):
		return "total"
	case strings.Contains(norm, "其他"):
		return "other_org"
	}
	return ""
}

// reviewGroup names the review_litigation group a label stands for.
func reviewGroup(norm string) string {
	switch {
	case strings.Contains(norm, "直接起诉") || strings.Contains(norm, "未经复议"):
		return "suit_direct"
	case strings.Contains(norm, "复议后起诉") || strings.Contains(norm, "复议后"):
		return "suit_after_review"
	case strings.Contains(norm, "复议"):
		return "review"
	}
	return ""
}

// reviewOutcome names the review_litigation outcome a label stands for.
func reviewOutcome(norm string) string {
	switch {
	case strings.Contains(norm, "维持"):
		return "upheld"
	case strings.Contains(norm, "纠正"):
		return "corrected"
	case strings.Contains(norm, "其他"):
		return "other"
	case strings.Contains(norm, "未审结") || strings.Contains(norm, "审理中"):
		return "pending"
	case strings.Contains(norm, "总计") || strings.Contains(norm, "合计"):
		return "total"
	}
	return ""
}

// Markers that tell the templates apart: words only one of them prints.
var (
	markers2021 = []string{"本年制发件数", "本年废止件数", "现行有效件数", "逾期不补正", "缴纳费用", "本年收费金额", "本年处理决定数量"}
	markers2019 = []string{"本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "其他对外管理服务事项", "政府集中采购", "采购项目数量", "采购总金额"}
)
