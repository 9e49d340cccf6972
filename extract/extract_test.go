package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/report"
)

// TestSeed extracts the real OCR'd seed report to exactly its hand-checked
// expected JSON: every cell and every metadata field, with the printed
// date's slip flagged and the row that lost a cell flagged.
func TestSeed(t *testing.T) {
	data, err := os.ReadFile("testdata/seed/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/seed/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := Extract("shibi-2020.txt", data, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := Compare(r, want)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(cmp.Diffs, cmp.Meta...) {
		t.Error(d)
	}
	if cmp.Correct != cmp.Cells || cmp.Cells != 198 {
		t.Errorf("cells: %d/%d correct, want 198/198", cmp.Correct, cmp.Cells)
	}
	for _, rule := range []string{report.RulePublishedBeforeYearEnd, "cell_missing"} {
		if !hasRule(r, rule) {
			t.Errorf("no %s issue; issues: %+v", rule, r.Issues)
		}
	}
	if r.Format != "text" || r.ExtractorVersion != Version {
		t.Errorf("format %q version %q", r.Format, r.ExtractorVersion)
	}
	// Provenance: the raw text and locator of a value as printed.
	c, ok := r.Get(report.TableProactive, "coercion", "change")
	if !ok || c.Raw != "-2" || c.Locator == "" {
		t.Errorf("coercion.change provenance = %+v", c)
	}
	c, _ = r.Get(report.TableProactive, "central_procurement", "amount_10k_yuan")
	if c.Raw != "11750 万元" {
		t.Errorf("procurement raw = %q, want the cell as printed", c.Raw)
	}
}

// TestNotReport: a page with no national table and no report title is not
// a report; the error wraps ErrNotReport and says why.
func TestNotReport(t *testing.T) {
	page := []byte(`<html><head><meta charset="utf-8"><title>关于开展春季植树活动的通知</title></head>
<body><h1>关于开展春季植树活动的通知</h1><p>各单位：请于3月12日前组织职工参加植树活动。</p></body></html>`)
	_, err := Extract("notice.html", page, Hints{})
	if !errors.Is(err, ErrNotReport) {
		t.Fatalf("err = %v, want ErrNotReport", err)
	}
	if !strings.Contains(err.Error(), ":") {
		t.Errorf("error %q gives no reason", err)
	}
	// A year of the legacy period does not make a page a report.
	old := []byte("关于2015年度全县安全生产检查情况的通报\n\n2015年，全县开展安全生产大检查三次。\n")
	if _, err := Extract("old.txt", old, Hints{}); !errors.Is(err, ErrNotReport) {
		t.Errorf("2015 notice: err = %v, want ErrNotReport", err)
	}
}

// TestLegacy: a report for a year before the national template is coded
// legacy, with metadata and no cells or table issues.
func TestLegacy(t *testing.T) {
	text := "某某县人民政府2015年政府信息公开工作年度报告\n\n" +
		"本报告根据《中华人民共和国政府信息公开条例》要求编制。\n\n" +
		"一、概述\n\n2015年，我县共主动公开政府信息3200条。\n\n" +
		"二、主动公开政府信息情况\n\n全年主动公开政府信息3200条，其中规范性文件12件。\n\n" +
		"三、依申请公开政府信息情况\n\n全年共受理政府信息公开申请45件，均已按时答复。\n"
	r, err := Extract("legacy.txt", []byte(text), Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Template != report.TemplateLegacy || r.Year != 2015 {
		t.Errorf("template %q year %d, want legacy 2015", r.Template, r.Year)
	}
	if len(r.Cells) != 0 || len(r.Issues) != 0 {
		t.Errorf("legacy report has %d cells, issues %+v", len(r.Cells), r.Issues)
	}
}

// TestTableMissing: a report whose review table is absent still comes out,
// with the missing table flagged.
func TestTableMissing(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "txt-proactive-signed", "input.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := "某某区人民政府2020年政府信息公开工作年度报告\n\n" + string(data)
	r, err := Extract("partial.txt", []byte(text), Hints{})
	if err != nil {
		t.Fatal(err)
	}
	sev := map[string]string{}
	for _, is := range r.Issues {
		if is.Rule == "table_missing" {
			for _, tb := range report.Tables {
				if strings.Contains(is.Message, " "+tb+" ") {
					sev[tb] = is.Severity
				}
			}
		}
	}
	if sev[report.TableRequests] != report.SeverityError || sev[report.TableReviewLitigation] != report.SeverityWarn || sev[report.TableProactive] != "" {
		t.Errorf("table_missing severities = %v", sev)
	}
}

// TestNeedsOCR: a scanned document the reader could not read without an
// OCR engine is kept, empty, with needs_ocr; nothing is invented.
func TestNeedsOCR(t *testing.T) {
	doc := &document.Document{Format: "pdf", Meta: map[string]string{"needs_ocr": "true", "needs_ocr_pages": "1,2,3"}}
	r, err := FromDocument(doc, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Cells) != 0 || !hasRule(r, RuleNeedsOCR) {
		t.Errorf("cells %d, issues %+v", len(r.Cells), r.Issues)
	}
}

// TestOCRUnverified: in an OCR'd document a requests row whose total does
// not add up is nulled with an issue; a row that adds up is kept.
func TestOCRUnverified(t *testing.T) {
	doc := &document.Document{Format: "pdf", Meta: map[string]string{"ocr": "tesseract"}, Blocks: []document.Block{
		document.Paragraph("三、收到和处理政府信息公开申请情况", "p1"),
		{Table: &document.Table{Rows: [][]document.Cell{
			cellsOf("", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"),
			cellsOf("一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6"),
			cellsOf("二、上年结转政府信息公开申请数量", "8", "0", "0", "0", "0", "0", "3"),
		}}},
	}}
	r, err := FromDocument(doc, Hints{})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := r.Get(report.TableRequests, "new_received", "natural_person"); c.Value == nil || *c.Value != 5 {
		t.Errorf("new_received kept? %+v", c)
	}
	if c, _ := r.Get(report.TableRequests, "carried_over", "natural_person"); c.Value != nil {
		t.Errorf("carried_over.natural_person = %v, want null", *c.Value)
	}
	if !hasRule(r, RuleOCRUnverified) {
		t.Errorf("no %s issue: %+v", RuleOCRUnverified, r.Issues)
	}
}

func cellsOf(texts ...string) []document.Cell {
	out := make([]document.Cell, len(texts))
	for i, t := range texts {
		out[i] = document.Cell{Text: t}
	}
	return out
}

func benchmarkExtract(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(path, data, Hints{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "reports/s")
}

// BenchmarkExtractHTML extracts a whole HTML report (read, code, metadata,
// identities).
func BenchmarkExtractHTML(b *testing.B) {
	benchmarkExtract(b, filepath.Join("testdata", "heldout", "html-2019-rowspan-yuan", "input.html"))
}

// BenchmarkExtractText extracts the seed, an OCR'd text report.
func BenchmarkExtractText(b *testing.B) {
	benchmarkExtract(b, filepath.Join("testdata", "seed", "input.txt"))
}
