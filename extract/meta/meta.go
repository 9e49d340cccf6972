package meta

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/region"
	"github.com/govreport/govreport/report"
)

// Hints are what the crawler knows of a document (link text or page title,
// URL, the source's configured agency and region). They are used only where
// the document is silent.
type Hints struct {
	Title  string
	URL    string
	Agency string
	Region report.Region
}

// Meta is what Find reads.
type Meta struct {
	// Year is the report year (the calendar year reported on), 0 if unknown.
	Year int
	// Agency is the body's name as the report gives it.
	Agency string
	Region report.Region
	// Published is the printed date (signature), else the page's
	// publication date, ISO YYYY-MM-DD, or "".
	Published string
	// Title is the report's title as found, whitespace tidied.
	Title string
	// IsReport tells whether the document is an annual information
	// disclosure report; Reason says why not when it is false.
	IsReport bool
	Reason   string
}

// Limits of the regions searched, in paragraphs. A portal page puts its
// navigation before the report, so the head is generous.
const (
	headParas      = 400 // where a title and the page's date header are looked for
	maxTitleRunes  = 70  // a title is a line, not a sentence
	openingParas   = 12  // paragraphs after the title read for year and region
	signatureParas = 12  // paragraphs looked at for the closing signature
	maxNameRunes   = 40  // an agency name on a line of its own
)

// para is one paragraph with its text squeezed of whitespace.
type para struct {
	raw string
	sq  string
}

func paragraphs(doc *document.Document) []para {
	var ps []para
	for _, b := range doc.Blocks {
		if b.Table != nil {
			continue
		}
		for _, line := range strings.Split(b.Text, "\n") {
			if sq := squeeze(line); sq != "" {
				ps = append(ps, para{raw: strings.TrimSpace(line), sq: sq})
			}
		}
	}
	return ps
}

// disclosureRe finds the disclosure phrase that ends the agency's name in a
// title.
var (
	disclosureRe = regexp.MustCompile(`政府信息公开|政务公开|信息公开`)
	// notReport lists title words of documents about reports, or of other
	// annual reports, that are not themselves the disclosure report.
	notReport = []string{"通知", "报送", "编制", "报告的函", "征求意见", "法治政府", "决算", "预算", "指南", "目录", "解读", "考核", "评估", "测评", "督查", "检查"}
)

// looksLikeTitle tells a line that names a disclosure report.
func looksLikeTitle(sq string) bool {
	return len(sq) <= maxTitleRunes*4 && utf8.RuneCountInString(sq) <= maxTitleRunes && namesDisclosure(sq) && namesReport(sq)
}

// namesDisclosure and namesReport are disclosureRe and reportRe without
// the regexp machinery: they run on every line of a page.
func namesDisclosure(sq string) bool {
	return strings.Contains(sq, "信息公开") || strings.Contains(sq, "政务公开")
}

// A title may also put 的 before 报告: 关于2021年度政府信息公开工作的报告.
func namesReport(sq string) bool {
	return strings.Contains(sq, "年度报告") || strings.Contains(sq, "年报") ||
		strings.Contains(sq, "工作报告") || strings.Contains(sq, "情况报告") ||
		strings.Contains(sq, "工作的报告") || strings.Contains(sq, "情况的报告")
}

// titleCandidate is a possible title with where it came from.
type titleCandidate struct {
	text string
	// first and para are the first and last paragraph of the title (a
	// heading may break over two lines), -1 when not from the body.
	first, para int
	hasYear     bool
}

// splitPageTitle cuts a <title> such as "报告名_栏目_网站" into its parts.
func splitPageTitle(t string) []string {
	t = strings.ReplaceAll(t, " - ", "_")
	return strings.FieldsFunc(t, func(r rune) bool {
		return r == '_' || r == '|' || r == '｜' || r == '—'
	})
}

// findTitle picks the report's title: a line of the document that names a
// disclosure report, one with a year first; else the page's own title or
// meta title; else the crawler's.
func findTitle(doc *document.Document, ps []para, h Hints) titleCandidate {
	var cands []titleCandidate
	for i := 0; i < len(ps) && i < headParas; i++ {
		sq := ps[i].sq
		if looksLikeTitle(sq) {
			_, y := firstYear(sq)
			cands = append(cands, titleCandidate{ps[i].raw, i, i, y})
			continue
		}
		// A heading broken over two lines: 石壁街道办事处关于2020年政府信息公开 / 工作年度报告.
		if i+1 < len(ps) && !looksLikeTitle(ps[i+1].sq) && utf8.RuneCountInString(sq) <= maxTitleRunes/2 {
			joined := sq + ps[i+1].sq
			if looksLikeTitle(joined) && namesDisclosure(sq) {
				_, y := firstYear(joined)
				cands = append(cands, titleCandidate{ps[i].raw + ps[i+1].raw, i, i + 1, y})
			}
		}
	}
	// The page's own title (or meta title) names this page; the body may
	// also list other reports (a sidebar of earlier years), so a heading
	// that agrees with the page's title wins.
	var page []titleCandidate
	if doc.Meta != nil {
		for _, k := range []string{"articletitle", "title", "og:title", "dc.title"} {
			page = append(page, pageCandidates(doc.Meta[k])...)
		}
	}
	page = append(page, pageCandidates(doc.Title)...)
	for _, p := range page {
		if !p.hasYear {
			continue
		}
		for _, c := range cands {
			if c.hasYear && agrees(c.text, p.text) {
				return c
			}
		}
		return p
	}
	cands = append(cands, page...)
	cands = append(cands, pageCandidates(h.Title)...)
	for _, c := range cands {
		if c.hasYear {
			return c
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	// Nothing names a report: keep the page's title for the record.
	for _, t := range []string{doc.Title, h.Title} {
		if t = strings.TrimSpace(t); t != "" {
			return titleCandidate{t, -1, -1, false}
		}
	}
	return titleCandidate{first: -1, para: -1}
}

// pageCandidates returns the parts of a page or link title that name a
// report.
func pageCandidates(t string) []titleCandidate {
	var out []titleCandidate
	for _, o := range splitPageTitle(t) {
		sq := squeeze(o)
		if looksLikeTitle(sq) {
			_, y := firstYear(sq)
			out = append(out, titleCandidate{strings.TrimSpace(o), -1, -1, y})
		}
	}
	return out
}

// agrees tells two titles of the same report: one contains the other and
// they name the same year.
func agrees(a, b string) bool {
	a, b = squeeze(a), squeeze(b)
	ya, _ := firstYear(a)
	yb, _ := firstYear(b)
	return ya == yb && (strings.Contains(a, b) || strings.Contains(b, a))
}

// judge tells whether a title is an annual disclosure report's.
func judge(title string) (bool, string) {
	sq := squeeze(title)
	if sq == "" {
		return false, "no title naming a 政府信息公开工作年度报告"
	}
	if !namesDisclosure(sq) || !namesReport(sq) {
		return false, "title does not name a 政府信息公开工作年度报告: " + tidy(title)
	}
	// Only words after the report phrase, or around it, make a document
	// about a report: 关于报送2020年政府信息公开工作年度报告的通知.
	for _, w := range notReport {
		if strings.Contains(sq, w) {
			return false, "title names a document about or beside the annual report (" + w + "): " + tidy(title)
		}
	}
	return true, ""
}

var statPeriodRe = regexp.MustCompile(`统计(?:期限|期间|时限|区间|时段|期)[^。；;]{0,12}?([` + yearChars + `]{4})年[^。；;]{0,6}?1月1日`)

// findYear reads the report year from the title, else the statistics
// period sentence, else the first "20XX年度" of the opening paragraphs.
// Dates of publication are never read: a report for 2020 is printed in
// 2021.
func findYear(title string, ps []para, from int) int {
	if y, ok := firstYear(squeeze(title)); ok {
		return y
	}
	end := min(len(ps), from+openingParas*4)
	for i := 0; i < end; i++ {
		if m := statPeriodRe.FindStringSubmatch(ps[i].sq); m != nil {
			if y, ok := year(m[1]); ok {
				return y
			}
		}
	}
	end = min(len(ps), from+openingParas)
	for i := from; i < end; i++ {
		for _, m := range yearRe.FindAllStringSubmatchIndex(ps[i].sq, -1) {
			if strings.HasPrefix(ps[i].sq[m[1]:], "度") {
				if y, ok := year(ps[i].sq[m[2]:m[3]]); ok {
					return y
				}
			}
		}
	}
	return 0
}

// yearPrefixRe and yearSuffixRe strip the year from around the name in a
// title: "2019年上海市人民政府办公厅", "淮安市人民政府2024年度".
var (
	yearPrefixRe = regexp.MustCompile(`^[（(]?[` + yearChars + `]{4}年度?[）)]?`)
	yearSuffixRe = regexp.MustCompile(`[（(]?[` + yearChars + `]{4}年度?[）)]?$`)
)

// agencyFromTitle takes the name before the report phrase: "<agency>(关于)
// <year>年(度)政府信息公开工作年度报告", or after a leading year.
func agencyFromTitle(title string) string {
	sq := strings.Trim(squeeze(title), "《》<>“”\"")
	loc := disclosureRe.FindStringIndex(sq)
	if loc == nil {
		return ""
	}
	name := sq[:loc[0]]
	// "某市人民政府信息公开年报": the phrase took the 政府 of 人民政府.
	if strings.HasSuffix(name, "人民") && strings.HasPrefix(sq[loc[0]:], "政府") {
		name += "政府"
	}
	for range 3 {
		before := name
		name = yearSuffixRe.ReplaceAllString(name, "")
		name = yearPrefixRe.ReplaceAllString(name, "")
		name = strings.TrimSuffix(name, "关于")
		name = strings.TrimSuffix(name, "的")
		name = strings.TrimPrefix(name, "本")
		name = strings.Trim(name, "《》“”\"，,、：:")
		if name == before {
			break
		}
	}
	// A title that starts 关于 is about something (关于报送…的通知), not by
	// someone.
	if utf8.RuneCountInString(name) < 2 || !nameLike(name) || strings.HasPrefix(name, "关于") {
		return ""
	}
	return name
}

// nameLike tells text that could be a body's name: Chinese characters and
// brackets only, no sentence punctuation, not too long.
func nameLike(s string) bool {
	if s == "" || utf8.RuneCountInString(s) > maxNameRunes {
		return false
	}
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) && !strings.ContainsRune("（）()", r) {
			return false
		}
	}
	return true
}

// agencySuffixes end the names of government bodies; a line ending with one
// can stand for the agency when the title names none.
var agencySuffixes = []string{"人民政府", "政府", "办事处", "办公厅", "办公室", "委员会", "管委会", "管理委员会",
	"局", "厅", "委", "署", "院", "中心", "街道", "镇", "乡", "实验区", "新区", "开发区"}

func hasAgencySuffix(s string) bool {
	for _, suf := range agencySuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// signature is the closing line: an optional name, then the date.
type signature struct {
	name, date string
	para       int
}

// findSignature looks for the date printed at the end: after the last
// section (其他需要报告的事项) when the document has one, else among its
// last paragraphs; the line is the date alone or a name and the date.
// Free-format reports (before 2019) often close with an attachment (a
// list of documents, a table) after the date: when one starts in the
// tail, the lines before its heading are looked at first.
func findSignature(ps []para) signature {
	from := max(0, len(ps)-signatureParas)
	to := len(ps)
	tail := max(0, len(ps)-attachmentParas)
	for i := len(ps) - 1; i >= 0; i-- {
		if strings.Contains(ps[i].sq, "其他需要报告的事项") {
			from, to = i+1, min(len(ps), i+1+signatureParas)
			tail = i + 1
			break
		}
	}
	for i := tail; i < len(ps); i++ {
		if attachmentHeading(ps[i].sq) {
			if sig := signatureIn(ps, max(tail, i-signatureParas), i); sig.para >= 0 {
				return sig
			}
			break
		}
	}
	return signatureIn(ps, from, to)
}

// attachmentParas is how far from the end an attachment after the
// signature may start.
const attachmentParas = 80

// attachmentHeading tells the line that opens an attachment: 附件, 附件：…,
// 附件1, 附表, 附：.
func attachmentHeading(sq string) bool {
	rest, ok := strings.CutPrefix(sq, "附件")
	if !ok {
		rest, ok = strings.CutPrefix(sq, "附表")
	}
	if !ok {
		rest, ok = strings.CutPrefix(sq, "附")
		return ok && (strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":"))
	}
	if rest == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '：' || r == ':' || r >= '0' && r <= '9' || strings.ContainsRune("一二三四五六七八九十（(", r)
}

// signatureIn returns the last signature line of ps[from:to].
func signatureIn(ps []para, from, to int) signature {
	for i := to - 1; i >= from; i-- {
		name, iso, ok := signatureDate(ps[i].sq)
		if !ok {
			continue
		}
		// The name may stand on the line above the date.
		if name == "" && i > from && nameLike(ps[i-1].sq) && hasAgencySuffix(ps[i-1].sq) {
			name = ps[i-1].sq
		}
		return signature{name: name, date: iso, para: i}
	}
	return signature{para: -1}
}

var (
	// dateLabelRe is a label before a closing date: 日期：, 成文日期:.
	dateLabelRe = regexp.MustCompile(`\p{Han}{0,4}(?:日期|时间)[:：]$`)
	// sepDateRe is a closing date written with separators: 2016-3-25.
	sepDateRe = regexp.MustCompile(`((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})$`)
)

// signatureDate reads a closing line of squeezed text: a date at its end
// (Chinese form, in Arabic or Chinese numerals, or with separators),
// alone, labelled (日期：), in brackets, or after the body's name, which
// may also run on after the report's last sentence. name is what stands
// before the date.
func signatureDate(sq string) (name, iso string, ok bool) {
	s := strings.TrimRight(sq, "。.")
	if t, ok := strings.CutPrefix(s, "（"); ok {
		if t, ok = strings.CutSuffix(t, "）"); ok {
			s = t
		}
	} else if t, ok := strings.CutPrefix(s, "("); ok {
		if t, ok = strings.CutSuffix(t, ")"); ok {
			s = t
		}
	}
	iso, start, end, found := chineseDate(s)
	if !found || end != len(s) {
		m := sepDateRe.FindStringSubmatchIndex(s)
		if m == nil {
			return "", "", false
		}
		y, _ := strconv.Atoi(s[m[2]:m[3]])
		mo, _ := strconv.Atoi(s[m[4]:m[5]])
		d, _ := strconv.Atoi(s[m[6]:m[7]])
		if iso, found = isoDate(y, mo, d); !found {
			return "", "", false
		}
		start = m[0]
	}
	name = s[:start]
	if loc := dateLabelRe.FindStringIndex(name); loc != nil {
		name = name[:loc[0]]
	}
	if name != "" && !nameLike(name) {
		// Run on after the last sentence: "…工作水平。某某局2016年3月25日".
		cut := strings.LastIndexAny(name, "。；;！!？?")
		if cut < 0 {
			return "", "", false
		}
		_, w := utf8.DecodeRuneInString(name[cut:])
		name = name[cut+w:]
		if name != "" && !(nameLike(name) && hasAgencySuffix(name)) {
			return "", "", false
		}
	}
	// A date that is the object of a phrase (统计至…, 截止于…) ends a
	// sentence, not a report.
	if r, _ := utf8.DecodeLastRuneInString(name); strings.ContainsRune("至于止到在自从截", r) {
		return "", "", false
	}
	return name, iso, true
}

// metaDateKeys are the lower-cased meta names portals put the publication
// time under, most specific first.
var metaDateKeys = []string{"publishdate", "pubdate", "firstpublishedtime", "article:published_time",
	"published_time", "publishtime", "pubtime", "releasedate", "dc.date", "dcterms.issued", "lastmodifiedtime"}

// pageDateRe finds the labelled date near the top of a portal page.
var pageDateRe = regexp.MustCompile(`(?:发布|公开|成文|印发|生成|上传)?(?:时间|日期)\s*[:：]\s*(.{8,24})`)

// findPublished returns the signature date, else a meta tag's, else the
// labelled date at the top of the page.
func findPublished(doc *document.Document, ps []para, sig signature, titlePara int) string {
	if sig.date != "" {
		return sig.date
	}
	for _, k := range metaDateKeys {
		if v, ok := doc.Meta[k]; ok {
			if iso, ok := anyDate(v); ok {
				return iso
			}
		}
	}
	end := min(len(ps), headParas)
	if titlePara >= 0 {
		end = min(len(ps), titlePara+6)
	}
	for i := 0; i < end; i++ {
		if m := pageDateRe.FindStringSubmatch(ps[i].raw); m != nil {
			if iso, ok := anyDate(m[1]); ok {
				return iso
			}
		}
	}
	return ""
}

// findAgency returns the body's name: the title's, lengthened to the full
// name that the first lines or the signature give when they end with it;
// else such a line alone; else the crawler's.
func findAgency(ps []para, title titleCandidate, sig signature, h Hints) string {
	short := agencyFromTitle(title.text)
	// Lines that may carry the full name: the signature, and the lines
	// above the title when the document opens with it (on a portal page
	// the lines above are navigation).
	var lines []string
	top := title.first
	if top < 0 {
		top = min(len(ps), 2)
	}
	if top <= 3 {
		for i := 0; i < top; i++ {
			lines = append(lines, ps[i].sq)
		}
	}
	if sig.name != "" {
		lines = append(lines, sig.name)
	}
	if short != "" {
		for _, l := range lines {
			if longerName(l, short) {
				return l
			}
		}
		if full := fullNameNear(ps, title, short); full != "" {
			return full
		}
		return short
	}
	for _, l := range lines {
		if nameLike(l) && hasAgencySuffix(l) {
			return l
		}
	}
	return strings.TrimSpace(h.Agency)
}

// longerName tells a line that is the full name of the body a title
// calls short: a name ending with it.
func longerName(l, short string) bool {
	return nameLike(l) && len(l) > len(short) && strings.HasSuffix(l, short)
}

// fullNameNear looks for the full name of the body the title calls short
// (雁塔区人民政府 for 西安市雁塔区人民政府) near the title when the title
// stands below navigation: a line of its own standing right above the
// title or a repeat of it (a portal prints the page heading, then the
// article's own heading block), else the name with its parent divisions
// written before it in the opening paragraphs (2022年，西安市雁塔区人民政府
// 坚持…). Only a name ending with short is taken, and in running text
// only place names may be added before it, so neither a sidebar's other
// bodies nor a 转发 of another body's document is picked up. A short
// name that already opens with a province or prefecture is complete.
func fullNameNear(ps []para, title titleCandidate, short string) string {
	if title.first < 0 {
		return ""
	}
	tsq := squeeze(title.text)
	last := title.para
	for j := 0; j < len(ps) && j < headParas; j++ {
		if j != title.first && ps[j].sq != tsq {
			continue
		}
		if j > title.para && j-title.para > openingParas {
			break
		}
		last = max(last, j)
		if j > 0 && longerName(ps[j-1].sq, short) {
			return ps[j-1].sq
		}
	}
	if qualified(short) {
		return ""
	}
	for i := last + 1; i < len(ps) && i <= last+openingParas; i++ {
		sq := ps[i].sq
		for from := 0; from < len(sq); {
			k := strings.Index(sq[from:], short)
			if k < 0 {
				break
			}
			at := from + k
			if pre := placePrefix(sq[:at]); pre != "" {
				return pre + short
			}
			from = at + len(short)
		}
	}
	return ""
}

// qualified tells a name that opens with a province or prefecture-level
// division: nothing above it is missing.
func qualified(name string) bool {
	pl := places()
	for i := range name {
		if i == 0 {
			continue
		}
		if lv, ok := pl.names[name[:i]]; ok && lv != region.County {
			return true
		}
	}
	return false
}

// placePrefix returns the longest tail of s made only of division names
// (西安市, 广东省广州市), "" if none: the parents written before a
// body's name in running text.
func placePrefix(s string) string {
	pl := places()
	// Only the run of Han characters right before the name counts.
	start := len(s)
	for start > 0 {
		r, w := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		start -= w
		if len(s)-start > pl.maxLen*8 {
			break
		}
	}
	run := s[start:]
	// ok[i]: run[i:] splits into division names. Scanned from the right,
	// so the smallest i found is the longest tail.
	ok := make([]bool, len(run)+1)
	ok[len(run)] = true
	best := -1
	for i := len(run) - 1; i >= 0; i-- {
		if !utf8.RuneStart(run[i]) {
			continue
		}
		for j := i + 1; j <= len(run) && j-i <= pl.maxLen; j++ {
			if !ok[j] || j < len(run) && !utf8.RuneStart(run[j]) {
				continue
			}
			if _, found := pl.names[run[i:j]]; found {
				ok[i] = true
				best = i
				break
			}
		}
	}
	if best < 0 {
		return ""
	}
	return run[best:]
}

// placeNames is the gazetteer's division names with their levels.
type placeNames struct {
	names  map[string]region.Level
	maxLen int // bytes of the longest name
}

var (
	placesOnce sync.Once
	placesSet  placeNames
)

// places loads the division names once; an unreadable gazetteer leaves
// the set empty (no name is lengthened from running text).
func places() *placeNames {
	placesOnce.Do(func() {
		placesSet.names = map[string]region.Level{}
		divs, err := region.Divisions()
		if err != nil {
			return
		}
		for _, d := range divs {
			// Two-character county names (城区, 和县) are too common
			// as words to stand for a place in running text.
			if d.Level == region.County && utf8.RuneCountInString(d.Name) < 3 {
				continue
			}
			if lv, seen := placesSet.names[d.Name]; !seen || d.Level < lv {
				placesSet.names[d.Name] = d.Level
			}
			placesSet.maxLen = max(placesSet.maxLen, len(d.Name))
		}
	})
	return &placesSet
}

// Find reads a document's metadata, using the hints where it is silent.
func Find(doc *document.Document, h Hints) Meta {
	if doc == nil {
		doc = &document.Document{}
	}
	ps := paragraphs(doc)
	title := findTitle(doc, ps, h)
	var m Meta
	m.Title = tidy(title.text)
	m.IsReport, m.Reason = judge(title.text)

	opening := 0
	if title.para >= 0 {
		opening = title.para + 1
	}
	m.Year = findYear(title.text, ps, opening)
	if m.Year == 0 {
		m.Year, _ = firstYear(squeeze(h.Title))
	}

	sig := findSignature(ps)
	m.Published = findPublished(doc, ps, sig, title.para)
	m.Agency = findAgency(ps, title, sig, h)

	var body strings.Builder
	for i := opening; i < len(ps) && i < opening+openingParas; i++ {
		body.WriteString(ps[i].sq)
		body.WriteByte('\n')
	}
	hint := h.Region.Province + h.Region.City + h.Region.County
	m.Region = region.Resolve(m.Agency, title.text, hint, body.String())
	return m
}
