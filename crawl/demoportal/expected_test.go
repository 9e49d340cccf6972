package demoportal

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/govreport/govreport/report"
)

// slips are the deliberate real-world mistakes of README.md, per report:
// the identity rules each breaks. Every other report satisfies them all.
var slips = map[string][]string{
	"xinfeng-2022":     {report.RuleRequestsBalance, report.RuleRequestsOutcomes, report.RuleRequestsRowTotal},
	"luoyang-czj-2021": {report.RuleRequestsBalance, report.RuleRequestsRowTotal},
	"shibi-2020":       {report.RulePublishedBeforeYearEnd},
}

// carryoverBreaks are the body-year pairs where carried_over(Y) is not
// carried_forward(Y-1).
var carryoverBreaks = []string{"湖州市吴兴区人民政府 2022"}

type expectedFile struct {
	name string
	path string
	rep  report.Report
	raw  map[string]any
}

func loadExpected(t *testing.T) []expectedFile {
	t.Helper()
	rs, err := ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	// 29 reports; wuxing-2024 is held by its page and its .docx attachment.
	if len(rs) != 30 {
		t.Errorf("%d expected documents, want 30", len(rs))
	}
	var out []expectedFile
	for _, r := range rs {
		var e expectedFile
		e.path = r.Path
		if err := json.Unmarshal(r.JSON, &e.rep); err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		if err := json.Unmarshal(r.JSON, &e.raw); err != nil {
			t.Fatal(err)
		}
		e.name = fmt.Sprintf("%s-%d", map[string]string{
			"信丰县人民政府": "xinfeng", "洛阳市财政局": "luoyang-czj", "湖州市吴兴区人民政府": "wuxing",
			"广州市番禺区人民政府石壁街道办事处": "shibi"}[e.rep.Agency], e.rep.Year)
		out = append(out, e)
	}
	return out
}

func val(r *report.Report, table, row, col string) float64 {
	if c, ok := r.Get(table, row, col); ok && c.Value != nil {
		return *c.Value
	}
	return 0
}

// brokenRules checks SCHEMA.md identities 1–4 and 6 with plain sums.
func brokenRules(r *report.Report) []string {
	broken := map[string]bool{}
	cols := report.RequestColCodes()
	has := func(row string) bool { _, ok := r.Get(report.TableRequests, row, "total"); return ok }
	var outcomes []string
	for _, row := range report.RequestRowCodes() {
		switch row {
		case "new_received", "carried_over", "total_handled", "carried_forward":
			continue
		case "other_handling":
			if has("other_other") {
				continue // 2021: the three other_* rows count, not their sum
			}
		}
		if has(row) {
			outcomes = append(outcomes, row)
		}
	}
	v := func(row, col string) float64 { return val(r, report.TableRequests, row, col) }
	for _, c := range cols {
		if v("new_received", c)+v("carried_over", c) != v("total_handled", c)+v("carried_forward", c) {
			broken[report.RuleRequestsBalance] = true
		}
		sum := 0.0
		for _, o := range outcomes {
			sum += v(o, c)
		}
		if sum != v("total_handled", c) {
			broken[report.RuleRequestsOutcomes] = true
		}
	}
	for _, row := range report.RequestRowCodes() {
		if !has(row) {
			continue
		}
		sum := 0.0
		for _, c := range cols[:6] {
			sum += v(row, c)
		}
		if sum != v(row, "total") {
			broken[report.RuleRequestsRowTotal] = true
		}
	}
	for _, g := range report.ReviewGroups {
		sum := 0.0
		for _, o := range report.ReviewOutcomes[:4] {
			sum += val(r, report.TableReviewLitigation, g.Code, o.Code)
		}
		if sum != val(r, report.TableReviewLitigation, g.Code, "total") {
			broken[report.RuleReviewLitigationTotal] = true
		}
	}
	if r.Published != "" && r.Published <= fmt.Sprintf("%d-12-31", r.Year) {
		broken[report.RulePublishedBeforeYearEnd] = true
	}
	var out []string
	for k := range broken {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestExpectedIdentities(t *testing.T) {
	for _, e := range loadExpected(t) {
		got := brokenRules(&e.rep)
		want := append([]string(nil), slips[e.name]...)
		sort.Strings(want)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: breaks %v, want %v", e.name, got, want)
		}
		// The expected JSON names the same rules in its issues.
		var listed []string
		for _, is := range e.rep.Issues {
			listed = append(listed, is.Rule)
		}
		sort.Strings(listed)
		listed = slicesCompact(listed)
		if !reflect.DeepEqual(listed, want) {
			t.Errorf("%s: issues name %v, want %v", e.name, listed, want)
		}
	}
}

func slicesCompact(s []string) []string {
	var out []string
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func TestCarryoverContinuity(t *testing.T) {
	byBody := map[string]map[int]*report.Report{}
	for _, e := range loadExpected(t) {
		if e.rep.Template == report.TemplateLegacy {
			continue
		}
		if byBody[e.rep.Agency] == nil {
			byBody[e.rep.Agency] = map[int]*report.Report{}
		}
		r := e.rep
		byBody[e.rep.Agency][e.rep.Year] = &r
	}
	var breaks []string
	for agency, years := range byBody {
		for y, r := range years {
			prev := years[y-1]
			if prev == nil {
				continue
			}
			for _, c := range report.RequestColCodes() {
				if val(r, report.TableRequests, "carried_over", c) != val(prev, report.TableRequests, "carried_forward", c) {
					breaks = append(breaks, fmt.Sprintf("%s %d", agency, y))
					break
				}
			}
		}
	}
	if !reflect.DeepEqual(breaks, carryoverBreaks) {
		t.Errorf("carry-over breaks %v, want %v", breaks, carryoverBreaks)
	}
}

func TestYearsAndTemplates(t *testing.T) {
	n := map[string]int{}
	for _, e := range loadExpected(t) {
		want := report.Template2021
		switch {
		case e.rep.Year <= 2018:
			want = report.TemplateLegacy
		case e.rep.Year <= 2020:
			want = report.Template2019
		}
		if e.rep.Template != want {
			t.Errorf("%s: template %s, want %s", e.name, e.rep.Template, want)
		}
		if e.rep.Region.Province == "" || e.rep.Published == "" {
			t.Errorf("%s: region %+v, published %q", e.name, e.rep.Region, e.rep.Published)
		}
		n[e.rep.Agency]++
	}
	if len(n) != 4 || n["湖州市吴兴区人民政府"] != 8 {
		t.Errorf("%d bodies, want 4: %v", len(n), n)
	}
}

// TestSeed checks that the seed report on the portal carries exactly the
// values of the seed's hand-checked expected JSON (copied into testdata;
// ../shared/seed is compared too when present).
func TestSeed(t *testing.T) {
	var got map[string]any
	var seedPath string
	for _, e := range loadExpected(t) {
		if e.name == "shibi-2020" {
			got, seedPath = e.raw, e.path
		}
	}
	if got == nil {
		t.Fatal("no shibi-2020 report")
	}
	for _, p := range []string{"testdata/shibi-2020.expected.json", "../../../shared/seed/shibi-2020.expected.json"} {
		b, err := os.ReadFile(p)
		if os.IsNotExist(err) && strings.Contains(p, "shared") {
			t.Logf("%s absent; compared with testdata only", p)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]any
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		// The page itself prints the seed's values, table by table.
		var seed report.Report
		if err := json.Unmarshal(b, &seed); err != nil {
			t.Fatal(err)
		}
		seed.SortCells()
		content, err := gkmlptDetailContent(string(mustOK(t, seedPath)))
		if err != nil {
			t.Fatal(err)
		}
		tables := tableNumbers(t, content)
		if len(tables) != 3 {
			t.Fatalf("seed page: %d tables", len(tables))
		}
		for i, table := range report.Tables {
			var vals []*float64
			for _, c := range seed.Cells {
				if c.Table == table {
					vals = append(vals, c.Value)
				}
			}
			if !sameValues(tables[i], vals) {
				t.Errorf("seed page %s prints %s, %s says %s", table, show(tables[i]), p, show(vals))
			}
		}
		if d := publishedLine(content); d != "2020-01-20" {
			t.Errorf("seed page dated %s, want 2020-01-20", d)
		}
		for k, v := range want {
			if !reflect.DeepEqual(got[k], v) {
				t.Errorf("%s: %s = %v, want %v", p, k, got[k], v)
			}
		}
	}
}

// TestPagesMatchExpected reads every HTML report page the way a reader
// would (GBK decoded, gkmlpt's DETAIL.content unpacked), takes the numbers
// of its three tables in document order, and compares them with the
// expected JSON in template order: the pages print what the JSON says.
func TestPagesMatchExpected(t *testing.T) {
	rs, err := ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, r := range rs {
		if r.Format != "html" {
			continue
		}
		raw := mustOK(t, r.Path)
		page := string(raw)
		if r.Family == "gbk" {
			page = gbkDecode(t, raw)
		}
		if r.Family == "gkmlpt" {
			if page, err = gkmlptDetailContent(page); err != nil {
				t.Fatalf("%s: %v", r.Path, err)
			}
		}
		var rep report.Report
		if err := json.Unmarshal(r.JSON, &rep); err != nil {
			t.Fatal(err)
		}
		title := fmt.Sprintf("%s%d年政府信息公开工作年度报告", rep.Agency, rep.Year)
		if !strings.Contains(page, title) && r.Family != "gkmlpt" {
			t.Errorf("%s: title %s not on the page", r.Path, title)
		}
		if d := publishedLine(page); d != rep.Published {
			t.Errorf("%s: signature date %q, want %q", r.Path, d, rep.Published)
		}
		tables := tableNumbers(t, page)
		if rep.Template == report.TemplateLegacy {
			if len(tables) != 0 {
				t.Errorf("%s: legacy report has %d tables", r.Path, len(tables))
			}
			continue
		}
		if len(tables) != 3 {
			t.Fatalf("%s: %d tables, want 3", r.Path, len(tables))
		}
		rep.SortCells()
		for i, table := range report.Tables {
			var want []*float64
			for _, c := range rep.Cells {
				if c.Table == table {
					want = append(want, c.Value)
				}
			}
			if got := tables[i]; !sameValues(got, want) {
				t.Errorf("%s: table %s prints %s, expected JSON says %s", r.Path, table, show(got), show(want))
			}
		}
		checked++
	}
	if checked != 26 {
		t.Errorf("checked %d report pages with tables, want 26", checked)
	}
}

var cnDate = regexp.MustCompile(`(\d{4})年(\d{1,2})月(\d{1,2})日`)

// publishedLine is the last date the page prints: the signature line.
func publishedLine(page string) string {
	all := cnDate.FindAllStringSubmatch(page, -1)
	if len(all) == 0 {
		return ""
	}
	m := all[len(all)-1]
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%s-%02d-%02d", m[1], mo, d)
}

var number = regexp.MustCompile(`^([+-]?\d+(?:\.\d+)?)(万元|元)?$`)

// hasTable reports whether n holds a nested table (a layout table).
func hasTable(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "table" || hasTable(c) {
			return true
		}
	}
	return false
}

// tableNumbers returns, per innermost <table>, the values of its cells in document
// order: numbers (money in 万元), and nil for blank cells; label cells are
// skipped, and so are tables without any number.
func tableNumbers(t *testing.T, page string) [][]*float64 {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out [][]*float64
	var text func(*html.Node) string
	text = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(text(c))
		}
		return b.String()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "table" && !hasTable(n) {
			var vals []*float64
			var cells func(*html.Node)
			cells = func(m *html.Node) {
				if m.Type == html.ElementNode && m.Data == "td" {
					s := strings.TrimSpace(strings.ReplaceAll(text(m), "\u00a0", " "))
					if s == "" {
						vals = append(vals, nil)
					} else if g := number.FindStringSubmatch(s); g != nil {
						v, _ := strconv.ParseFloat(g[1], 64)
						if g[2] == "元" {
							v /= 10000
						}
						vals = append(vals, &v)
					}
					return
				}
				for c := m.FirstChild; c != nil; c = c.NextSibling {
					cells(c)
				}
			}
			cells(n)
			if len(vals) > 0 { // layout tables of old portals hold no numbers
				out = append(out, vals)
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func sameValues(a, b []*float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if (a[i] == nil) != (b[i] == nil) || (a[i] != nil && *a[i] != *b[i]) {
			return false
		}
	}
	return true
}

func show(vs []*float64) string {
	var b strings.Builder
	for _, v := range vs {
		if v == nil {
			b.WriteString("_ ")
		} else {
			fmt.Fprintf(&b, "%g ", *v)
		}
	}
	return b.String()
}

// TestDocxAttachment reads the Word attachment's tables (gridSpan and
// vMerge as Word writes them) and compares their numbers with the
// expected JSON, as for the HTML pages.
func TestDocxAttachment(t *testing.T) {
	rs, err := ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rs {
		if r.Format != "docx" {
			continue
		}
		n++
		resp := get(t, r.Path)
		b := body(t, resp)
		if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "wordprocessingml") {
			t.Fatalf("%s: status %d, type %q", r.Path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		f, err := zr.Open("word/document.xml")
		if err != nil {
			t.Fatalf("%s: %v", r.Path, err)
		}
		tables := docxNumbers(t, f)
		f.Close()
		var rep report.Report
		if err := json.Unmarshal(r.JSON, &rep); err != nil {
			t.Fatal(err)
		}
		rep.SortCells()
		if len(tables) != 3 {
			t.Fatalf("%s: %d tables, want 3", r.Path, len(tables))
		}
		for i, table := range report.Tables {
			var want []*float64
			for _, c := range rep.Cells {
				if c.Table == table {
					want = append(want, c.Value)
				}
			}
			if !sameValues(tables[i], want) {
				t.Errorf("%s: table %s prints %s, expected JSON says %s", r.Path, table, show(tables[i]), show(want))
			}
		}
	}
	if n != 1 {
		t.Errorf("%d .docx attachments, want 1", n)
	}
}

// docxNumbers returns the numbers of each w:tbl in order, skipping the
// continuation cells of vertical merges; a blank origin cell is nil.
func docxNumbers(t *testing.T, r io.Reader) [][]*float64 {
	t.Helper()
	dec := xml.NewDecoder(r)
	var out [][]*float64
	var cur []*float64
	var text strings.Builder
	inCell, cont := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "tbl":
				cur = nil
			case "tc":
				inCell, cont = true, false
				text.Reset()
			case "vMerge":
				cont = true
				for _, a := range el.Attr {
					if a.Name.Local == "val" && a.Value == "restart" {
						cont = false
					}
				}
			}
		case xml.CharData:
			if inCell {
				text.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "tc":
				inCell = false
				s := strings.TrimSpace(text.String())
				if cont {
					continue
				}
				if s == "" {
					cur = append(cur, nil)
				} else if g := number.FindStringSubmatch(s); g != nil {
					v, _ := strconv.ParseFloat(g[1], 64)
					cur = append(cur, &v)
				}
			case "tbl":
				out = append(out, cur)
			}
		}
	}
	return out
}
