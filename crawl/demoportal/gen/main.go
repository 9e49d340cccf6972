// Command gen writes the demo portal's pages (crawl/demoportal/site), the
// data of its dynamic endpoints (crawl/demoportal/dynamic) and the expected
// canonical JSON of every report (crawl/demoportal/expected) from one spec,
// so that the numbers are consistent by construction.
//
//	go run ./crawl/demoportal/gen            # from the repository root
//	crawl/demoportal/gen/makepdf.sh          # then, only if a PDF report changed
//
// The PDF attachment is printed from gen/pdf/*.html by headless Chromium
// (makepdf.sh) and committed; gen itself needs nothing but Go.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreport/govreport/report"
)

// site collects the files to write, by URL path.
type site struct {
	files map[string][]byte
}

func (s *site) put(urlPath string, body string) { s.files[urlPath] = []byte(body) }

func (s *site) putGBK(urlPath string, body string) error {
	b, err := simplifiedchinese.GBK.NewEncoder().String(body)
	if err != nil {
		return fmt.Errorf("encode %s as GBK: %w", urlPath, err)
	}
	s.files[urlPath] = []byte(b)
	return nil
}

// expEntry is one line of expected/index.json.
type expEntry struct {
	Path   string `json:"path"`   // URL path of the document holding the report
	File   string `json:"file"`   // file under expected/
	Format string `json:"format"` // html or pdf
	Title  string `json:"title"`
	Family string `json:"family"`
}

// decoyEntry is one line of dynamic/decoys.json: a page or link that looks
// like a report and is not one, or is off limits.
type decoyEntry struct {
	Path   string `json:"path"` // URL path, or an absolute URL off the portal
	Title  string `json:"title"`
	Family string `json:"family"`
}

func main() {
	out := flag.String("out", "crawl/demoportal", "package directory to write site/, dynamic/ and expected/ under")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	reports := buildReports()
	st := &site{files: map[string][]byte{}}
	var exp []expEntry
	var allDecoys []decoyEntry
	keep := func(family string, ds []item) {
		for _, d := range ds {
			allDecoys = append(allDecoys, decoyEntry{Path: d.Path, Title: d.Title, Family: family})
		}
	}
	expected := map[string][]byte{}
	pdfs := map[string]string{} // print HTML file → PDF URL path
	addExp := func(r *yearReport, p, format string) error {
		b, err := expectedJSON(r)
		if err != nil {
			return err
		}
		file := r.Name() + ".json"
		expected[file] = b
		exp = append(exp, expEntry{Path: p, File: file, Format: format, Title: r.Title(), Family: r.Body.Family})
		return nil
	}
	pubTime := func(d date) string { return fmt.Sprintf("%s %02d:%02d", d.ISO(), 9+d.D%8, (d.D*7)%60) }

	// TRS: 信丰县人民政府.
	var items []item
	for _, r := range byBody(reports, xinfeng) {
		r.Path = trsReportPath(r)
		items = append(items, item{Title: r.Title(), Path: r.Path, Date: r.Published, R: r})
		if r.Year == 2023 {
			// Published as a PDF attachment with a short page.
			r.PDFPath = trsPDFPath(r)
			name := filepath.Base(r.PDFPath)
			body := decoyBody(fmt.Sprintf("根据《中华人民共和国政府信息公开条例》规定，现将%s予以公布，详见附件。", r.Title())) +
				fmt.Sprintf("<p>附件：<a href=\"./%s\" OLDSRC=\"/protect/P0%d%02d/%s\">%s.pdf</a></p>\n", name, r.Published.Y, r.Published.M, name, r.Title())
			st.put(r.Path, trsPage(r.Title(), pubTime(r.Published), body))
			pdfs[r.Name()+".html"] = r.PDFPath
			if err := addExp(r, r.PDFPath, "pdf"); err != nil {
				return err
			}
			continue
		}
		st.put(r.Path, trsPage(r.Title(), pubTime(r.Published), renderArticle(r)))
		if err := addExp(r, r.Path, "html"); err != nil {
			return err
		}
	}
	private := find(reports, xinfeng, 2023)
	decoys := []item{
		{Title: "关于报送2023年政府信息公开工作年度报告的通知", Path: trsListPath + "202312/t20231220_4229001.html", Date: date{2023, 12, 20},
			Body: decoyBody("各乡镇人民政府，县政府各部门：", "根据《中华人民共和国政府信息公开条例》规定，请各单位于2024年1月20日前将本单位2023年政府信息公开工作年度报告报送县政府办公室，并于1月31日前在县政府门户网站发布。", "信丰县人民政府办公室", "2023年12月20日")},
		{Title: "信丰县2023年法治政府建设年度报告", Path: trsListPath + "202402/t20240220_4241002.html", Date: date{2024, 2, 20},
			Body: decoyBody("2023年，信丰县深入学习贯彻习近平法治思想，全面推进法治政府建设。现将有关情况报告如下。", "一、推进法治政府建设的主要举措和成效", "（一）深化“放管服”改革。全年新增政务服务事项128项。", "信丰县人民政府", "2024年2月20日")},
		{Title: "信丰县人民政府2023年政府信息公开工作年度报告（送审稿）", Path: "/private/ndbg/t20240110_999.html", Date: date{2024, 1, 10},
			Body: renderArticle(private)},
		{Title: "赣州市人民政府2023年政府信息公开工作年度报告", Path: "http://www.ganzhou.gov.cn/gzszf/c100452/202401/4a3b2c1d.shtml", Date: date{2024, 1, 30}},
	}
	for _, d := range decoys {
		if strings.HasPrefix(d.Path, "/") {
			st.put(d.Path, trsPage(d.Title, pubTime(d.Date), d.Body))
		}
	}
	keep("trs", decoys)
	items = append(items, decoys...)
	sortItems(items)
	for p, b := range trsList(items, 4) {
		st.put(p, b)
	}

	// GBK: 洛阳市财政局, with two legacy reports.
	items = nil
	legacy := []*yearReport{legacyReport(luoyang, 2015, date{2016, 3, 25}), legacyReport(luoyang, 2016, date{2017, 3, 28})}
	legacy[0].Style.NoMeta = true
	for _, r := range append(byBody(reports, luoyang), legacy...) {
		r.Path = gbkReportPath(r)
		items = append(items, item{Title: r.Title(), Path: r.Path, Date: r.Published, R: r})
		body := ""
		if r.Legacy {
			body = legacyBody(r)
		} else {
			body = renderArticle(r)
		}
		if err := st.putGBK(r.Path, gbkPage(r.Title(), pubTime(r.Published), body, !r.Style.NoMeta)); err != nil {
			return err
		}
		if err := addExp(r, r.Path, "html"); err != nil {
			return err
		}
	}
	decoys = []item{
		{Title: "洛阳市财政局2022年部门决算", Path: gbkListPath + "2023/0615/8391.html", Date: date{2023, 6, 15},
			Body: decoyBody("一、部门基本情况", "二、2022年度部门决算表（收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表）", "三、2022年度部门决算情况说明：2022年度收入总计3215.62万元，支出总计3198.40万元。")},
		{Title: "洛阳市财政局政府信息公开工作机构及人员名单", Path: gbkListPath + "2021/0302/8279.html", Date: date{2021, 3, 2},
			Body: decoyBody("政府信息公开工作领导小组", "组长：张建国（局长）", "副组长：李红梅（副局长）", "成员：王志强（办公室主任）、赵丽（法规科科长）、刘洋（信息中心主任）", "联系电话：0379-63900000")},
		{Title: "关于做好2021年政府信息公开工作年度报告编制工作的通知", Path: gbkListPath + "2021/1210/8301.html", Date: date{2021, 12, 10},
			Body: decoyBody("局属各单位、机关各科室：", "按照国务院办公厅政府信息与政务公开办公室有关要求，现就做好2021年政府信息公开工作年度报告编制工作通知如下：请于2022年1月10日前报送本单位年度报告素材。", "洛阳市财政局办公室", "2021年12月10日")},
	}
	for _, d := range decoys {
		if err := st.putGBK(d.Path, gbkPage(d.Title, pubTime(d.Date), d.Body, true)); err != nil {
			return err
		}
	}
	keep("gbk", decoys)
	items = append(items, decoys...)
	sortItems(items)
	for p, b := range gbkList(items, 4) {
		if err := st.putGBK(p, b); err != nil {
			return err
		}
	}

	// jpaas: 湖州市吴兴区人民政府.
	items = nil
	for _, r := range byBody(reports, wuxing) {
		r.Path = jpaasArtPath(r.Published, r.ID)
		items = append(items, item{Title: r.Title(), Path: r.Path, Date: r.Published, R: r})
		article := renderArticle(r)
		if r.Year == 2024 {
			// Also offered as a Word attachment through 大汉's download URL.
			name := fmt.Sprintf("%d%02d%02d1030%d.docx", r.Published.Y%100, r.Published.M, r.Published.D, r.ID%1000)
			b, err := docx(r.Title(), article)
			if err != nil {
				return err
			}
			st.files[jpaasDownloadDir+name] = b
			link := jpaasDownload + name
			article += fmt.Sprintf("<p>附件：<a href=\"%s\">%s.docx</a></p>\n", html.EscapeString(link), r.Title())
			if err := addExp(r, link, "docx"); err != nil {
				return err
			}
		}
		st.put(r.Path, jpaasPage(r.Title(), pubTime(r.Published), article))
		if err := addExp(r, r.Path, "html"); err != nil {
			return err
		}
	}
	decoys = []item{
		{Title: "关于做好2022年政府信息公开工作年度报告编制发布工作的通知", Path: jpaasArtPath(date{2022, 12, 5}, 5641201), Date: date{2022, 12, 5},
			Body: decoyBody("各乡镇人民政府、街道办事处，区政府各部门：", "请各单位于2023年1月31日前完成2022年政府信息公开工作年度报告的编制和发布工作。", "湖州市吴兴区人民政府办公室", "2022年12月5日")},
		{Title: "湖州市吴兴区人民政府2023年法治政府建设年度报告", Path: jpaasArtPath(date{2024, 3, 10}, 5652277), Date: date{2024, 3, 10},
			Body: decoyBody("2023年，吴兴区坚持以习近平法治思想为指导，扎实推进法治政府建设，现将有关情况报告如下。", "一、主要举措和成效", "二、存在的不足和原因", "三、2024年工作安排")},
	}
	for _, d := range decoys {
		st.put(d.Path, jpaasPage(d.Title, pubTime(d.Date), d.Body))
	}
	keep("jpaas", decoys)
	items = append(items, decoys...)
	sortItems(items)
	st.put(jpaasColPath(), jpaasColumnPage(items, 3, 3))
	var records []string
	for _, it := range items {
		records = append(records, jpaasRecord(it))
	}
	jp, _ := json.MarshalIndent(map[string]any{"columnid": jpaasColumn, "unitid": jpaasUnit, "webid": jpaasWeb, "records": records}, "", " ")

	// gkmlpt: 广州市番禺区人民政府石壁街道办事处 (the seed's body).
	type gkArticle struct {
		ID          int    `json:"id"`
		Title       string `json:"title"`
		Path        string `json:"path"`
		PublishTime int64  `json:"publish_time"`
	}
	type gkCategory struct {
		ID       int         `json:"id"`
		Name     string      `json:"name"`
		Parent   int         `json:"parent"`
		Articles []gkArticle `json:"articles"`
	}
	ts := func(d date) int64 {
		return time.Date(d.Y, time.Month(d.M), d.D, 10, 30, 0, 0, time.FixedZone("CST", 8*3600)).Unix()
	}
	annual := gkCategory{ID: 2801, Name: "政府信息公开年报", Parent: 2800}
	for _, r := range byBody(reports, shibi) {
		r.Path = gkmlptContentPath(r.ID)
		st.put(r.Path, gkmlptContent(r.ID, r.Title(), r.Published, renderArticle(r)))
		annual.Articles = append(annual.Articles, gkArticle{r.ID, r.Title(), r.Path, ts(r.Published)})
		if err := addExp(r, r.Path, "html"); err != nil {
			return err
		}
	}
	notice := gkArticle{6825000, "石壁街道关于做好2024年政府信息公开工作年度报告编制工作的通知", gkmlptContentPath(6825000), ts(date{2024, 12, 16})}
	st.put(notice.Path, gkmlptContent(notice.ID, notice.Title, date{2024, 12, 16},
		decoyBody("各社区居委会、街属各部门：", "请于2025年1月10日前报送2024年政府信息公开工作有关数据，由街党政办汇总编制年度报告。", "石壁街道办事处", "2024年12月16日")))
	annual.Articles = append(annual.Articles, notice)
	sort.SliceStable(annual.Articles, func(i, j int) bool { return annual.Articles[i].PublishTime > annual.Articles[j].PublishTime })
	budget := gkArticle{6826000, "广州市番禺区人民政府石壁街道办事处2022年部门决算", gkmlptContentPath(6826000), ts(date{2023, 8, 30})}
	st.put(budget.Path, gkmlptContent(budget.ID, budget.Title, date{2023, 8, 30},
		decoyBody("一、部门决算说明", "2022年度收入总计4876.35万元，支出总计4812.09万元。", "二、部门决算表")))
	keep("gkmlpt", []item{{Path: notice.Path, Title: notice.Title}, {Path: budget.Path, Title: budget.Title}})
	finance := gkCategory{ID: 2802, Name: "财政预决算", Parent: 2800, Articles: []gkArticle{budget}}
	if len(annual.Articles) != 8 || len(finance.Articles) != 1 {
		return fmt.Errorf("gkmlpt TREE post_count is out of date: %d, %d", len(annual.Articles), len(finance.Articles))
	}
	st.put("/gkmlpt/index", gkmlptIndex())
	gk, _ := json.MarshalIndent(map[string]any{"sid": gkmlptSID, "per_page": 5, "categories": []gkCategory{annual, finance}}, "", " ")

	// Portal home and robots.txt.
	st.put("/", homePage([][2]string{
		{trsListPath + "index.html", "信丰县人民政府 · 政府信息公开年报（TRS）"},
		{gbkListPath + "list.asp", "洛阳市财政局 · 政府信息公开年报（GBK）"},
		{jpaasColPath(), "湖州市吴兴区人民政府 · 政府信息公开年报（大汉 jpaas）"},
		{"/gkmlpt/index", "广州市番禺区人民政府石壁街道办事处 · 政府信息公开目录（gkmlpt）"},
	}))
	st.put("/robots.txt", `# govreport demo portal.
# /private/ holds a draft that looks like a report: a polite crawler never
# fetches it. Crawl-delay is 0.2 s: a full crawl of this portal is about 45
# requests, so the delay costs about 9 s and "make demo" stays well under a
# minute (tests override the rate anyway).
User-agent: *
Disallow: /private/
Crawl-delay: 0.2
`)

	// Write everything.
	for _, sub := range []string{"site", "dynamic", "expected"} {
		if err := clean(filepath.Join(out, sub)); err != nil {
			return err
		}
	}
	for p, b := range st.files {
		name := strings.TrimPrefix(p, "/")
		if name == "" {
			name = "index.html"
		}
		if err := write(filepath.Join(out, "site", filepath.FromSlash(name)), b); err != nil {
			return err
		}
	}
	if err := write(filepath.Join(out, "dynamic", "jpaas.json"), append(jp, '\n')); err != nil {
		return err
	}
	if err := write(filepath.Join(out, "dynamic", "gkmlpt.json"), append(gk, '\n')); err != nil {
		return err
	}
	dj, _ := json.MarshalIndent(allDecoys, "", " ")
	if err := write(filepath.Join(out, "dynamic", "decoys.json"), append(dj, '\n')); err != nil {
		return err
	}
	for name, b := range expected {
		if err := write(filepath.Join(out, "expected", name), b); err != nil {
			return err
		}
	}
	sort.Slice(exp, func(i, j int) bool { return exp[i].File < exp[j].File })
	idx, _ := json.MarshalIndent(exp, "", " ")
	if err := write(filepath.Join(out, "expected", "index.json"), append(idx, '\n')); err != nil {
		return err
	}
	// Print sources of the PDF attachments, for makepdf.sh.
	var targets strings.Builder
	for name, p := range pdfs {
		r := findByName(reports, strings.TrimSuffix(name, ".html"))
		if err := write(filepath.Join(out, "gen", "pdf", name), []byte(printPage(r))); err != nil {
			return err
		}
		fmt.Fprintf(&targets, "%s site%s\n", name, p)
	}
	if err := write(filepath.Join(out, "gen", "pdf", "targets.txt"), []byte(targets.String())); err != nil {
		return err
	}
	fmt.Printf("gen: %d site files, %d expected reports\n", len(st.files), len(expected))
	return nil
}

func byBody(all []*yearReport, b *body) []*yearReport {
	var out []*yearReport
	for _, r := range all {
		if r.Body == b {
			out = append(out, r)
		}
	}
	return out
}

func findByName(all []*yearReport, name string) *yearReport {
	for _, r := range all {
		if r.Name() == name {
			return r
		}
	}
	return nil
}

// clean removes the generated files under dir, keeping the committed PDFs
// (made by makepdf.sh, not by gen).
func clean(dir string) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasSuffix(p, ".pdf") {
			return nil
		}
		return os.Remove(p)
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

func write(p string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, b, 0o644)
}

func legacyBody(r *yearReport) string {
	var b strings.Builder
	for _, p := range r.Text {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	fmt.Fprintf(&b, "<p align=\"right\">%s</p>\n<p align=\"right\">%s</p>\n", r.Body.Short, r.Published.CN())
	return b.String()
}

// printPage is the standalone page Chromium prints to the PDF attachment.
func printPage(r *yearReport) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>%[1]s</title>
<style>
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 11pt; line-height: 1.6; }
h1 { font-size: 18pt; text-align: center; }
table { border-collapse: collapse; width: 100%%; margin: 6pt 0; page-break-inside: auto; }
td { border: 1px solid #000; padding: 2pt 3pt; font-size: 9pt; text-align: center; }
</style>
</head>
<body>
<h1>%[1]s</h1>
%[2]s
</body>
</html>
`, r.Title(), renderArticle(r))
}

// expectedJSON is the canonical JSON of a report as printed (blanks null,
// slips kept), with the issues the identities must raise and notes.
func expectedJSON(r *yearReport) ([]byte, error) {
	rep := report.Report{Template: r.Template, Year: r.Year, Agency: r.Body.Agency, Region: r.Body.Region, Published: r.Published.ISO()}
	if !r.Legacy {
		for _, pr := range report.ProactiveRows(r.Template) {
			for _, c := range pr.Cols {
				v, ok := r.Pro[pr.Code][c]
				if !ok {
					return nil, fmt.Errorf("%s: no proactive %s.%s", r.Name(), pr.Code, c)
				}
				rep.Cells = append(rep.Cells, report.Cell{Table: report.TableProactive, Row: pr.Code, Col: c, Value: v})
			}
		}
		for _, code := range requestRows(r.Template, r.Style) {
			row := r.Req[code]
			for j, c := range reqCols {
				rep.Cells = append(rep.Cells, report.Cell{Table: report.TableRequests, Row: code, Col: c, Value: row[j]})
			}
		}
		for _, g := range report.ReviewGroups {
			for _, o := range report.ReviewOutcomes {
				rep.Cells = append(rep.Cells, report.Cell{Table: report.TableReviewLitigation, Row: g.Code, Col: o.Code, Value: r.Rev[report.ReviewCode(g.Code, o.Code)]})
			}
		}
		rep.Issues = identityIssues(r)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", r.Name(), err)
	}
	notes := r.Notes
	if notes == nil {
		notes = []string{}
	}
	nb, _ := json.Marshal(notes)
	b = append(append(append(b[:len(b)-1], `,"source_notes":`...), nb...), '}')
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", " "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// identityIssues checks SCHEMA.md's identities 1–4 and 6 on the printed
// values (a blank counts as 0).
func identityIssues(r *yearReport) []report.Issue {
	var out []report.Issue
	v := func(code string, j int) float64 {
		if row := r.Req[code]; row != nil && row[j] != nil {
			return *row[j]
		}
		return 0
	}
	add := func(rule, msg string, exp, act float64) {
		out = append(out, report.Issue{Rule: rule, Severity: report.SeverityError, Message: msg, Expected: report.Float(exp), Actual: report.Float(act)})
	}
	rows := requestRows(r.Template, r.Style)
	var outcomes []string
	for _, c := range rows {
		if c != "new_received" && c != "carried_over" && c != "total_handled" && c != "carried_forward" {
			outcomes = append(outcomes, c)
		}
	}
	for j, col := range reqCols {
		lhs := v("new_received", j) + v("carried_over", j)
		rhs := v("total_handled", j) + v("carried_forward", j)
		if lhs != rhs {
			add(report.RuleRequestsBalance, fmt.Sprintf("requests.%s: new_received + carried_over = %g, total_handled + carried_forward = %g", col, lhs, rhs), lhs, rhs)
		}
		sum := 0.0
		for _, c := range outcomes {
			sum += v(c, j)
		}
		if sum != v("total_handled", j) {
			add(report.RuleRequestsOutcomes, fmt.Sprintf("requests.%s: outcomes sum to %g, total_handled prints %g", col, sum, v("total_handled", j)), sum, v("total_handled", j))
		}
	}
	for _, c := range rows {
		sum := 0.0
		for j := range 6 {
			sum += v(c, j)
		}
		if sum != v(c, 6) {
			add(report.RuleRequestsRowTotal, fmt.Sprintf("requests.%s: applicant columns sum to %g, total prints %g", c, sum, v(c, 6)), sum, v(c, 6))
		}
	}
	for _, g := range report.ReviewGroups {
		sum := 0.0
		for _, o := range report.ReviewOutcomes[:4] {
			sum += *r.Rev[report.ReviewCode(g.Code, o.Code)]
		}
		if t := *r.Rev[report.ReviewCode(g.Code, "total")]; t != sum {
			add(report.RuleReviewLitigationTotal, fmt.Sprintf("review_litigation.%s: outcomes sum to %g, total prints %g", g.Code, sum, t), sum, t)
		}
	}
	if r.Published.Y <= r.Year {
		out = append(out, report.Issue{Rule: report.RulePublishedBeforeYearEnd, Severity: report.SeverityWarn,
			Message: fmt.Sprintf("published %s, before the end of %d", r.Published.ISO(), r.Year)})
	}
	return out
}
