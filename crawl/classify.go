package crawl

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// reportPhrase matches the names of the annual government information
// disclosure report: 政府信息公开工作年度报告, 政府信息公开年度报告,
// 信息公开年报, 政务公开年度报告, 政府信息公开工作报告 and their variants.
var reportPhrase = regexp.MustCompile(`(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)`)

// notReport lists words that mark a title as something about reports
// rather than a report: notices, requests for submissions, guides,
// interpretations, evaluations, and other kinds of annual reports.
var notReport = []string{
	"通知", "报送", "编制", "公告", "征集", "的函", "函告", "通报", "印发",
	"解读", "图解", "一图", "读懂", "模板", "格式", "指引", "指南", "样本", "范本",
	"考核", "评估", "评议", "检查", "督查", "抽查", "整改", "更正", "勘误",
	"法治政府", "决算", "预算", "名单", "名册", "人员", "一览表", "汇总表", "目录",
	"征求意见", "会议", "培训",
}

// digitRun finds runs of digits; a run of exactly four is a year candidate.
var digitRun = regexp.MustCompile(`[0-9]+`)

// yearChinese finds a year in Chinese numerals such as 二〇二三 or 二零二三.
var yearChinese = regexp.MustCompile(`二[〇零○Ｏ0O][一二三][〇零○Ｏ0O一二三四五六七八九]`)

var chineseDigit = map[rune]int{'〇': 0, '零': 0, '○': 0, 'Ｏ': 0, '0': 0, 'O': 0,
	'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// Report years the crawler accepts.
const (
	minYear = 2008
	maxYear = 2030
)

// normTitle folds full-width forms (２０２３, （）) to their usual forms and
// drops white space, so titles compare the way a reader sees them.
func normTitle(s string) string {
	s = norm.NFKC.String(s)
	return strings.Join(strings.Fields(s), "")
}

// titleYear returns the report year named in a title, or 0.
func titleYear(t string) int {
	for _, m := range digitRun.FindAllString(t, -1) {
		if y, _ := strconv.Atoi(m); len(m) == 4 && y >= minYear && y <= maxYear {
			return y
		}
	}
	for _, m := range yearChinese.FindAllString(t, -1) {
		y := 0
		for _, r := range m {
			y = y*10 + chineseDigit[r]
		}
		if y >= minYear && y <= maxYear {
			return y
		}
	}
	return 0
}

// excluded reports whether a title is a notice or another kind of document
// that merely mentions the report.
func excluded(t string) bool {
	for _, w := range notReport {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// IsReportTitle reports whether a title (link text, title attribute or page
// title) names an annual government information disclosure report of a
// year from 2008 to 2030, and is not a notice about such reports or another
// kind of annual report.
func IsReportTitle(title string) bool {
	t := normTitle(title)
	return reportPhrase.MatchString(t) && titleYear(t) != 0 && !excluded(t)
}

// isReportColumn reports whether a link text names a column of such
// reports (the phrase without a year, e.g. 政府信息公开年报), which is
// followed as a list page.
func isReportColumn(title string) bool {
	t := normTitle(title)
	return reportPhrase.MatchString(t) && titleYear(t) == 0 && !excluded(t) && len([]rune(t)) <= 30
}

// candidateTitle reports whether a link text may name a report without
// saying so in full, so the page is fetched and judged by its own title:
// a title cut short by the list (番禺区2023年政府信息公开工…), a short name
// (2023年度报告, 番禺区2023年年报) or a bare year (2023年) under a report
// column. Pages judged not to be reports are dropped and never kept.
func candidateTitle(title string) bool {
	t := normTitle(title)
	if t == "" || titleYear(t) == 0 || excluded(t) || IsReportTitle(t) {
		return false
	}
	if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
		return strings.Contains(t, "信息公开") || strings.Contains(t, "政务公开")
	}
	return bareYear.MatchString(t) || shortReport.MatchString(t)
}

var (
	bareYear    = regexp.MustCompile(`^(?:20[0-9]{2}|二[〇零○Ｏ0O][一二三][〇零○Ｏ0O一二三四五六七八九])年?度?$`)
	shortReport = regexp.MustCompile(`(?:年度报告|年报)(?:全文)?$`)
)

// attachmentExts are the file types stored as attachments of report pages.
var attachmentExts = map[string]bool{
	".pdf": true, ".doc": true, ".docx": true, ".xls": true, ".xlsx": true,
	".wps": true, ".et": true, ".txt": true, ".zip": true, ".ofd": true, ".rar": true,
}

// fileExt returns the lower-case extension of a name, or "".
func fileExt(name string) string {
	return strings.ToLower(path.Ext(strings.TrimSpace(name)))
}

// isAttachment reports whether a link points to a file to store: its path
// (or a query value such as filename=…) ends with an attachment extension,
// or its text names such a file.
func isAttachment(u *url.URL, text string) bool {
	if attachmentExts[fileExt(u.Path)] {
		return true
	}
	for _, vs := range u.Query() {
		for _, v := range vs {
			if attachmentExts[fileExt(v)] {
				return true
			}
		}
	}
	t := normTitle(text)
	return attachmentExts[fileExt(t)]
}
