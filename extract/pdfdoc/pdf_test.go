package pdfdoc

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/extract/document"
)

// minimalPDF writes a valid PDF of n pages, each showing text (Helvetica)
// when text is not empty.
func minimalPDF(n int, text string) []byte { return pdfWith(n, text, 0) }

// pdfWith is minimalPDF with every page turned rot degrees clockwise; the
// text is drawn turned the other way so that it reads upright.
func pdfWith(n int, text string, rot int) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offs), s)
	}
	b.WriteString("%PDF-1.4\n")
	kids := make([]string, n)
	for i := range kids {
		kids[i] = fmt.Sprintf("%d 0 R", 5+2*i)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), n))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	stream := ""
	if strings.HasPrefix(text, "RAW:") {
		stream = strings.TrimPrefix(text, "RAW:")
	} else if text != "" {
		stream = fmt.Sprintf("BT /F1 12 Tf 72 720 Td (%s) Tj ET", text)
		if rot == 90 {
			stream = fmt.Sprintf("BT /F1 12 Tf 0 1 -1 0 500 72 Tm (%s) Tj ET", text)
		}
	}
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(stream), stream))
	for i := 0; i < n; i++ {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>", rot))
		obj("<< >>") // keeps the page objects at odd numbers
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

func TestMinimalPDF(t *testing.T) {
	doc, err := Read(minimalPDF(2, "Hello report"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["pages"] != "2" {
		t.Errorf("pages = %q", doc.Meta["pages"])
	}
	if got := strings.Count(doc.Text(), "Hello report"); got != 2 {
		t.Errorf("text %q: want the line of each page", doc.Text())
	}
}

// TestGridAsOnePath: a table grid drawn as a single stroked path (moveto/
// lineto pairs, and a closed cell box), as some generators write it.
func TestGridAsOnePath(t *testing.T) {
	grid := "0.5 w 100 700 m 400 700 l 100 670 m 400 670 l 100 640 m 400 640 l " +
		"100 700 m 100 640 l 250 700 m 250 640 l 400 700 m 400 640 l S " +
		"100 600 300 30 re S " // a lone box: one cell, not a table
	cells := "BT /F1 10 Tf 110 680 Td (Label A) Tj ET BT /F1 10 Tf 260 680 Td (21) Tj ET " +
		"BT /F1 10 Tf 110 650 Td (Label B) Tj ET BT /F1 10 Tf 260 650 Td (4) Tj ET " +
		"BT /F1 10 Tf 110 610 Td (Boxed note) Tj ET"
	doc, err := Read(pdfWith(1, "RAW:"+grid+cells, 0))
	if err != nil {
		t.Fatal(err)
	}
	tabs := doc.Tables()
	if len(tabs) != 1 {
		t.Fatalf("%d tables, want 1", len(tabs))
	}
	if got := strings.TrimSpace(tableText(tabs[0])); got != "Label A\t21\nLabel B\t4" {
		t.Errorf("table %q", got)
	}
	if !strings.Contains(doc.Text(), "Boxed note") {
		t.Error("text of the lone box lost")
	}
}

// TestRotatedPage: a landscape page (/Rotate 90) with upright text reads
// as one line in order.
func TestRotatedPage(t *testing.T) {
	doc, err := Read(pdfWith(1, "Hello report 2023", 90))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.TrimSpace(doc.Text()); got != "Hello report 2023" {
		t.Errorf("text %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	enc, err := os.ReadFile("testdata/encrypted.pdf")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"encrypted", enc, ErrEncrypted},
		{"not pdf", []byte("hello"), ErrDamaged},
		{"header only", []byte("%PDF-1.7\n"), ErrDamaged},
		{"too many pages", minimalPDF(MaxPages+1, ""), ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read(c.data)
			if !errors.Is(err, c.want) {
				t.Errorf("err = %v, want %v", err, c.want)
			}
		})
	}
	// truncated: pdfium may rebuild what is left; it must end quickly,
	// with an error or with a document, never hang or panic.
	full, err := os.ReadFile("testdata/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{100, len(full) / 3, len(full) - 100} {
		if _, err := ReadContext(context.Background(), full[:n], Options{Timeout: 30 * time.Second}); err != nil && errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("truncated at %d: timed out", n)
		}
	}
}

func TestTimeout(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ReadContext(ctx, minimalPDF(3, "x"), Options{}); err == nil {
		t.Error("read with a cancelled context succeeded")
	}
	// the instance must still serve the next document
	if _, err := Read(minimalPDF(1, "x")); err != nil {
		t.Errorf("after cancel: %v", err)
	}
}

// tableWith returns the first table with a cell containing s.
func tableWith(doc *document.Document, s string) (*document.Table, int) {
	n := 0
	var first *document.Table
	for _, t := range doc.Tables() {
		for _, r := range t.Rows {
			for _, c := range r {
				if strings.Contains(c.Text, s) {
					if first == nil {
						first = t
					}
					n++
					goto next
				}
			}
		}
	next:
	}
	return first, n
}

var numRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// valueRows returns, for each table row, the numbers of its origin cells.
func valueRows(t *document.Table) [][]float64 {
	var out [][]float64
	for _, r := range t.Rows {
		var vs []float64
		for _, c := range r {
			if !c.Copy && numRE.MatchString(c.Text) {
				v, _ := strconv.ParseFloat(c.Text, 64)
				vs = append(vs, v)
			}
		}
		if len(vs) > 0 {
			out = append(out, vs)
		}
	}
	return out
}

// requestOrder is the template's row order of the requests table.
var requestOrder = []string{"new_received", "carried_over", "granted", "partially_granted",
	"denied_state_secret", "denied_law_prohibited", "denied_security_stability", "denied_third_party",
	"denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
	"unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
	"not_processed_complaint", "not_processed_repeat", "not_processed_publication",
	"not_processed_excessive", "not_processed_confirmation",
	"other_overdue_correction", "other_unpaid_fee", "other_other", "other_handling",
	"total_handled", "carried_forward"}

var requestCols = []string{"natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"}

var reviewOrder = []string{"review", "suit_direct", "suit_after_review"}
var reviewOutcomes = []string{"upheld", "corrected", "other", "pending", "total"}

type expected struct {
	Requests         map[string]map[string]*float64 `json:"requests"`
	ReviewLitigation map[string]*float64            `json:"review_litigation"`
	Proactive        map[string]map[string]*float64 `json:"proactive"`
}

// wantRequests lists the expected requests rows in template order. In a
// 2021 report that prints the single （六）其他处理 row, other_handling is
// that row; where the three sub-rows are printed, other_handling is their
// sum and not a printed row.
func (e expected) wantRequests() [][]float64 {
	var out [][]float64
	_, hasSub := e.Requests["other_other"]
	for _, code := range requestOrder {
		row, ok := e.Requests[code]
		if !ok || (code == "other_handling" && hasSub) {
			continue
		}
		var vs []float64
		for _, c := range requestCols {
			if v := row[c]; v != nil {
				vs = append(vs, *v)
			}
		}
		out = append(out, vs)
	}
	return out
}

func (e expected) wantReview() []float64 {
	var out []float64
	for _, g := range reviewOrder {
		for _, o := range reviewOutcomes {
			if v := e.ReviewLitigation[g+"_"+o]; v != nil {
				out = append(out, *v)
			}
		}
	}
	return out
}

func readExpected(t *testing.T, path string) expected {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

// checkReport checks a report Document against expected values: one
// requests table whose numeric rows are the expected rows in order, one
// review table whose numbers are the 15 expected, the title, and no page
// furniture left inside tables.
func checkReport(t *testing.T, doc *document.Document, e expected, title string) {
	t.Helper()
	if !strings.Contains(doc.Text(), title) {
		t.Errorf("title %q not found", title)
	}
	req, n := tableWith(doc, "本年新收政府信息公开申请数量")
	if n != 1 {
		t.Fatalf("%d tables hold the requests label, want 1", n)
	}
	got := valueRows(req)
	want := e.wantRequests()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("requests rows:\n got %v\nwant %v", got, want)
	}
	for _, lbl := range []string{"结转下年度继续办理", "三、本年度办理结果"} {
		if tb, _ := tableWith(doc, lbl); tb != req {
			t.Errorf("label %q not in the requests table", lbl)
		}
	}
	rev, n := tableWith(doc, "未经复议直接起诉")
	if n != 1 {
		t.Fatalf("%d tables hold the review label, want 1", n)
	}
	rv := valueRows(rev)
	if len(rv) != 1 || fmt.Sprint(rv[0]) != fmt.Sprint(e.wantReview()) {
		t.Errorf("review rows %v, want [%v]", rv, e.wantReview())
	}
	page := regexp.MustCompile(`^[-—]\s*\d+\s*[-—]$`)
	for _, tb := range doc.Tables() {
		for _, r := range tb.Rows {
			for _, c := range r {
				if page.MatchString(c.Text) {
					t.Errorf("page number %q inside a table", c.Text)
				}
				if !c.Copy && c.Text != "" && !strings.HasPrefix(c.Locator, "p") {
					t.Errorf("cell %q locator %q", c.Text, c.Locator)
				}
			}
		}
	}
}

func TestCorpus(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "corpus")
	for _, c := range []struct{ name, title, fee string }{
		{"hongze-2023", "2023年政府信息公开工作年度报告", "7730.28"},
		{"huaian-2024", "2024年政府信息公开工作年度报告", "96171.6"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, c.name+".pdf"))
			if err != nil {
				t.Skipf("corpus not present: %v", err)
			}
			doc, err := Read(data)
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, doc, readExpected(t, filepath.Join(dir, c.name+".expected.json")), c.title)
			pro, n := tableWith(doc, "行政事业性收费")
			if n != 1 || !strings.Contains(tableText(pro), c.fee) {
				t.Errorf("proactive table: %d tables, fee %s missing", n, c.fee)
			}
		})
	}
}

func tableText(t *document.Table) string {
	d := document.Document{Blocks: []document.Block{{Table: t}}}
	return d.Text()
}

// TestGoldenWriter reads testdata/report.pdf, exported by LibreOffice
// Writer from testdata/report.html; the expected values are the numbers
// written in that HTML (see wantReportHTML).
func TestGoldenWriter(t *testing.T) {
	data, err := os.ReadFile("testdata/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, doc, wantReportHTML(), "示例县人民政府2023年政府信息公开工作年度")
	if doc.Meta["producer"] == "" || doc.Meta["pages"] != "3" {
		t.Errorf("meta %v", doc.Meta)
	}
	// the cell row broken across pages 2 and 3 is one row with its label
	req, _ := tableWith(doc, "本年新收政府信息公开申请数量")
	found := false
	for _, r := range req.Rows {
		for _, c := range r {
			if c.Text == "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" {
				found = true
			}
		}
	}
	if !found {
		t.Error("label broken over the page break not joined")
	}
	pro, _ := tableWith(doc, "行政事业性收费")
	if got := valueRows(pro); fmt.Sprint(got) != "[[0 0 0] [2 5 17] [7730.28]]" {
		t.Errorf("proactive values %v", got)
	}
}

// wantReportHTML holds the numbers of testdata/report.html, typed from it.
func wantReportHTML() expected {
	f := func(v ...float64) map[string]*float64 {
		m := map[string]*float64{}
		for i, c := range requestCols {
			m[c] = &v[i]
		}
		return m
	}
	z := func() map[string]*float64 { return f(0, 0, 0, 0, 0, 0, 0) }
	e := expected{Requests: map[string]map[string]*float64{
		"new_received": f(21, 0, 0, 0, 0, 0, 21), "carried_over": f(3, 0, 0, 0, 0, 0, 3),
		"granted": f(5, 0, 0, 0, 0, 0, 5), "partially_granted": f(4, 0, 0, 0, 0, 0, 4),
		"denied_state_secret": f(1, 0, 0, 0, 0, 0, 1), "denied_law_prohibited": z(),
		"denied_security_stability": z(), "denied_third_party": z(), "denied_internal_affairs": z(),
		"denied_process_info": f(1, 0, 0, 0, 0, 0, 1), "denied_enforcement_file": f(1, 0, 0, 0, 0, 0, 1),
		"denied_inquiry": z(), "unavailable_not_held": f(6, 0, 0, 0, 0, 0, 6),
		"unavailable_needs_creation": f(2, 0, 0, 0, 0, 0, 2), "unavailable_unclear": z(),
		"not_processed_complaint": f(1, 0, 0, 0, 0, 0, 1), "not_processed_repeat": z(),
		"not_processed_publication": z(), "not_processed_excessive": z(), "not_processed_confirmation": z(),
		"other_overdue_correction": z(), "other_unpaid_fee": z(), "other_other": z(), "other_handling": z(),
		"total_handled": f(21, 0, 0, 0, 0, 0, 21), "carried_forward": f(3, 0, 0, 0, 0, 0, 3),
	}, ReviewLitigation: map[string]*float64{}}
	vals := []float64{10, 1, 0, 0, 11, 2, 0, 0, 1, 3, 5, 0, 0, 0, 5}
	i := 0
	for _, g := range reviewOrder {
		for _, o := range reviewOutcomes {
			v := vals[i]
			e.ReviewLitigation[g+"_"+o] = &v
			i++
		}
	}
	return e
}

func BenchmarkReadPDF(b *testing.B) {
	data, err := os.ReadFile("testdata/report.pdf")
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Read(data); err != nil { // start pdfium outside the timing
		b.Fatal(err)
	}
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		doc, err := Read(data)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := strconv.Atoi(doc.Meta["pages"])
		pages += n
	}
	b.ReportMetric(float64(pages)/b.Elapsed().Seconds(), "pages/s")
}

func FuzzRead(f *testing.F) {
	f.Add(minimalPDF(1, "x"))
	f.Add([]byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadContext(context.Background(), data, Options{Timeout: 10 * time.Second, NoOCR: true})
	})
}

// TestGoldenUnruled reads report-noborder.pdf: report.html with its tables
// drawn without rules, rebuilt from text alignment alone. Every requests
// row keeps its 7 numbers in order (the table may come out in two parts
// over the page break), and the review row its 15.
func TestGoldenUnruled(t *testing.T) {
	data, err := os.ReadFile("testdata/report-noborder.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	var rows7, rows15 [][]float64
	for _, tb := range doc.Tables() {
		for _, r := range valueRows(tb) {
			switch len(r) {
			case 7:
				rows7 = append(rows7, r)
			case 15:
				rows15 = append(rows15, r)
			}
		}
	}
	e := wantReportHTML()
	if fmt.Sprint(rows7) != fmt.Sprint(e.wantRequests()) {
		t.Errorf("requests rows:\n got %v\nwant %v", rows7, e.wantRequests())
	}
	if len(rows15) != 1 || fmt.Sprint(rows15[0]) != fmt.Sprint(e.wantReview()) {
		t.Errorf("review rows %v", rows15)
	}
	// the label wrapped around its numbers is one cell
	req, _ := tableWith(doc, "本年新收政府信息公开申请数量")
	// the two parts over the page break are one table, the label cut by
	// the break joined
	if tb, _ := tableWith(doc, "（七）总计"); tb != req {
		t.Error("requests table not joined over the page break")
	}
	if !strings.Contains(tableText(req), "不再处理其政府信息公开申请\t0") {
		t.Errorf("label cut by the page break not joined:\n%s", tableText(req))
	}
	if !strings.Contains(tableText(req), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t4\t") {
		t.Errorf("wrapped label not joined:\n%s", tableText(req))
	}
}

// TestConcurrent reads documents from several goroutines at once.
func TestConcurrent(t *testing.T) {
	data, err := os.ReadFile("testdata/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for i := 0; i < 4; i++ {
		go func() {
			doc, err := Read(data)
			if err == nil && doc.Meta["pages"] != "3" {
				err = fmt.Errorf("pages %q", doc.Meta["pages"])
			}
			errs <- err
		}()
	}
	for i := 0; i < 4; i++ {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// TestHeldout reads testdata/heldout/heldout.pdf (2019 template, narrow
// table in 8 pt type over a page break; made by make.py, not used while
// tuning the reader) against the numbers make.py wrote.
func TestHeldout(t *testing.T) {
	data, err := os.ReadFile("testdata/heldout/heldout.pdf")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, doc, readExpected(t, "testdata/heldout/heldout.expected.json"), "某某市某某局2020年政府信息公开工作年度报告")
}
