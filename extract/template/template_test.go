package template

import (
	"math"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/report"
)

func TestParseValue(t *testing.T) {
	tests := []struct {
		in    string
		num   string
		unit  unit
		blank bool
		ok    bool
	}{
		{"0", "0", unitNone, false, true},
		{"15", "15", unitNone, false, true},
		{"+14", "14", unitNone, false, true},
		{"-2", "-2", unitNone, false, true},
		{"－２１０", "-210", unitNone, false, true},
		{"−3", "-3", unitNone, false, true},
		{"＋１５", "15", unitNone, false, true},
		{"1,234", "1234", unitNone, false, true},
		{"1，234", "1234", unitNone, false, true},
		{"2,310.5万元", "2310.5", unitWan, false, true},
		{"11750 万元", "11750", unitWan, false, true},
		{"75394432.52元", "75394432.52", unitYuan, false, true},
		{"12(元)", "12", unitYuan, false, true},
		{"6件", "6", unitNone, false, true},
		{"U", "0", unitNone, false, true},
		{"4O", "40", unitNone, false, true},
		{"1D", "10", unitNone, false, true},
		{"〇", "0", unitNone, false, true},
		{"", "", unitNone, true, true},
		{" ", "", unitNone, true, true},
		{"\u00a0", "", unitNone, true, true},
		{"—", "", unitNone, true, true},
		{"-", "", unitNone, true, true},
		{"/", "", unitNone, true, true},
		{"无", "", unitNone, true, true},
		{"1,2", "", unitNone, false, false},
		{"1.2.3", "", unitNone, false, false},
		{"3 1", "", unitNone, false, false},
		{"规章", "", unitNone, false, false},
		{"UO", "00", unitNone, false, true},
		{"1.", "", unitNone, false, false},
		{"增加14", "14", unitNone, false, true},
		{"减少2", "-2", unitNone, false, true},
		{"减3", "-3", unitNone, false, true},
		{"持平", "0", unitNone, false, true},
		{"**12**", "12", unitNone, false, true},
		{"`0`", "0", unitNone, false, true},
		{"增", "", unitNone, false, false},
	}
	for _, tt := range tests {
		v := parseValue(tt.in)
		if v.ok != tt.ok || v.blank != tt.blank || (v.ok && !v.blank && (v.num != tt.num || v.unit != tt.unit)) {
			t.Errorf("parseValue(%q) = %+v, want num %q unit %d blank %v ok %v", tt.in, v, tt.num, tt.unit, tt.blank, tt.ok)
		}
	}
}

func TestValueFloat(t *testing.T) {
	tests := []struct {
		in     string
		money  bool
		header unit
		want   float64
	}{
		{"75394432.52元", true, unitNone, 7539.443252},
		{"251000元", true, unitNone, 25.1},
		{"251000", true, unitYuan, 25.1},
		{"11750 万元", true, unitNone, 11750},
		{"11750", true, unitNone, 11750},
		{"7730.28", true, unitWan, 7730.28},
		{"5元", true, unitNone, 0.0005},
		{"1.2万", false, unitNone, 12000},
		{"-2", false, unitNone, -2},
	}
	for _, tt := range tests {
		got := parseValue(tt.in).float(tt.money, tt.header)
		if math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%q money=%v header=%d: got %v, want %v", tt.in, tt.money, tt.header, got, tt.want)
		}
	}
}

func TestShiftDecimal(t *testing.T) {
	for _, tt := range [][3]string{
		{"75394432.52", "4", "7539.443252"}, {"251000", "4", "25.1000"}, {"5", "4", "0.0005"},
		{"-12.5", "4", "-0.00125"}, {"1.2", "-4", "12000"},
	} {
		places := map[string]int{"4": 4, "-4": -4}[tt[1]]
		if got := shiftDecimal(tt[0], places); got != tt[2] {
			t.Errorf("shiftDecimal(%s, %d) = %s, want %s", tt[0], places, got, tt[2])
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, tt := range [][2]string{
		{"（一）予以公开", "予以公开"},
		{"(-  -) 予以公开", "予以公开"},
		{"(<u>=</u>)1. 属于国家秘 密", "属于国家秘密"},
		{"Ξ、本年度办理结果", "本年度办理结果"},
		{"=、上年结转政府信息公开申请数量", "上年结转政府信息公开申请数量"},
		{"3.危及“三安全一稳定”", "危及三安全一稳定"},
		{"本年増/減", "本年增减"},
		{"第一项加第二项之和", "第一项加第二项之和"},
		{"一 、本年新收", "本年新收"},
		{"規 章", "规章"},
	} {
		if got := Normalize(tt[0]); got != tt[1] {
			t.Errorf("Normalize(%q) = %q, want %q", tt[0], got, tt[1])
		}
	}
}

// TestIndexMatchesScore checks the bigram index against the direct
// similarity it stands for.
func TestIndexMatchesScore(t *testing.T) {
	labels := []string{"予以公开", "本年度办理结果其他处理", "其他", "不予公开属于国家秘密", "行政规范性文件", "总计", "", "信息内容本年处理决定数量", "要求行政机关确认或重", "其他处理其他处理"}
	for _, exps := range [][]expected{requests2019, requests2021, proactive2019, proactive2021} {
		ix := indexFor(exps)
		out := make([]float64, len(exps))
		work := make([]int32, len(ix.formLen))
		for _, l := range labels {
			bg := makeBigrams(Normalize(l))
			ix.scores(bg, work, out)
			for j := range exps {
				if want := exps[j].score(bg); math.Abs(out[j]-want) > 1e-12 {
					t.Errorf("%q vs %s: index %v, direct %v", l, exps[j].code, out[j], want)
				}
			}
		}
	}
}

// TestJoinBigrams checks the merge of two labels' bigrams against the
// bigrams of the joined text.
func TestJoinBigrams(t *testing.T) {
	labels := []string{"其他对外管理", "服务事项", "予以公开", "总计", "其他", "要求行政机关确认或重", "新出具已获取", "信息", "公开公开", "开公"}
	for _, a := range labels {
		for _, b := range labels {
			got := joinBigrams(makeBigrams(a), makeBigrams(b), lastRune(a), firstRune(b),
				len([]rune(a)), len([]rune(b)))
			want := makeBigrams(a + b)
			if len(got) != len(want) {
				t.Errorf("%s+%s: %v, want %v", a, b, got, want)
				continue
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%s+%s: %v, want %v", a, b, got, want)
					break
				}
			}
		}
	}
}

// grid builds a document from tab-separated lines: a blank line ends a
// table, a line without a tab is a paragraph.
func grid(format string, text string) *document.Document {
	doc := &document.Document{Format: format}
	var tb *document.Table
	flush := func() {
		if tb != nil {
			tb.Normalize()
			doc.Blocks = append(doc.Blocks, document.Block{Table: tb})
			tb = nil
		}
	}
	for _, ln := range strings.Split(text, "\n") {
		if !strings.Contains(ln, "\t") {
			flush()
			if strings.TrimSpace(ln) != "" {
				doc.Blocks = append(doc.Blocks, document.Paragraph(ln, ""))
			}
			continue
		}
		if tb == nil {
			tb = &document.Table{}
		}
		var row []document.Cell
		for _, c := range strings.Split(ln, "\t") {
			row = append(row, document.Cell{Text: c})
		}
		tb.Rows = append(tb.Rows, row)
	}
	flush()
	return doc
}

func TestTemplateChoice(t *testing.T) {
	by2021 := "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
	by2019 := "二、主动公开政府信息情况\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
	silent := "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
	tests := []struct {
		name, text string
		year       int
		want       string
	}{
		{"2021 labels beat the year", by2021, 2020, report.Template2021},
		{"2019 labels beat the year", by2019, 2022, report.Template2019},
		{"silent labels, 2020", silent, 2020, report.Template2019},
		{"silent labels, 2021", silent, 2021, report.Template2021},
		{"legacy year", silent, 2016, report.TemplateLegacy},
	}
	for _, tt := range tests {
		if got := Code(grid("html", tt.text), tt.year).Template; got != tt.want {
			t.Errorf("%s: template %q, want %q", tt.name, got, tt.want)
		}
	}
}

func show(v *float64) any {
	if v == nil {
		return nil
	}
	return *v
}

func cellsOf(res Result) map[string]*float64 {
	m := map[string]*float64{}
	for _, c := range res.Cells {
		m[c.Table+"."+c.Row+"."+c.Col] = c.Value
	}
	return m
}

// TestContinuationConflict: a label broken over two lines that both carry
// values, differing: the first line's values are kept and flagged.
func TestContinuationConflict(t *testing.T) {
	text := "二、主动公开政府信息情况\n信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n" +
		"行政许可\t1\t+14\t15\n其他对外管理\t3\t0\t7\n服务事项\t4\t0\t7\n行政处罚\t3\t+127\t130\n"
	res := Code(grid("text", text), 2020)
	got := cellsOf(res)
	if v := got["proactive.other_mgmt_services.prev_items"]; v == nil || *v != 3 {
		t.Errorf("other_mgmt_services.prev_items = %v, want 3", show(v))
	}
	if v := got["proactive.penalty.change"]; v == nil || *v != 127 {
		t.Errorf("penalty.change = %v, want 127", show(v))
	}
	found := false
	for _, is := range res.Issues {
		found = found || is.Rule == RuleRowConflict
	}
	if !found {
		t.Errorf("no %s issue: %+v", RuleRowConflict, res.Issues)
	}
}

// TestUnreadableCell: a value cell that is no number is null with an issue.
func TestUnreadableCell(t *testing.T) {
	text := "二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t1.2.3\t5\n"
	res := Code(grid("html", text), 2022)
	got := cellsOf(res)
	if v, ok := got["proactive.regulations.repealed"]; !ok || v != nil {
		t.Errorf("repealed = %v (present %v), want null", v, ok)
	}
	if v := got["proactive.regulations.in_force"]; v == nil || *v != 5 {
		t.Errorf("in_force = %v, want 5", show(v))
	}
	found := false
	for _, is := range res.Issues {
		found = found || is.Rule == RuleCellUnreadable && len(is.Cells) == 1 && is.Cells[0] == "proactive.regulations.repealed"
	}
	if !found {
		t.Errorf("no cell_unreadable issue naming the cell: %+v", res.Issues)
	}
}

// TestPartialHeader: a header that prints only some of a row's columns
// places the values under them; the others are blank, with no issue.
func TestPartialHeader(t *testing.T) {
	text := "二、主动公开政府信息情况\n第二十条第（一）项\t\n信息内容\t本年制发件数\n规章\t3\n"
	res := Code(grid("html", text), 2022)
	got := cellsOf(res)
	if v := got["proactive.regulations.issued"]; v == nil || *v != 3 {
		t.Errorf("issued = %v, want 3", show(v))
	}
	if v, ok := got["proactive.regulations.in_force"]; ok && v != nil {
		t.Errorf("in_force = %v, want blank", *v)
	}
	for _, is := range res.Issues {
		if is.Rule == RuleCellMissing {
			t.Errorf("unexpected issue %+v", is)
		}
	}
}

// TestTransposedReview: outcomes as rows, the three groups as columns.
func TestTransposedReview(t *testing.T) {
	text := "四、政府信息公开行政复议、行政诉讼情况\n\t行政复议\t未经复议直接起诉\t复议后起诉\n" +
		"结果维持\t1\t2\t3\n结果纠正\t0\t1\t0\n其他结果\t0\t0\t0\n尚未审结\t1\t0\t0\n总计\t2\t3\t3\n"
	got := cellsOf(Code(grid("html", text), 2021))
	for k, want := range map[string]float64{"review.upheld": 1, "suit_direct.upheld": 2, "suit_after_review.upheld": 3,
		"suit_direct.corrected": 1, "review.pending": 1, "review.total": 2, "suit_after_review.total": 3} {
		if v := got["review_litigation."+k]; v == nil || *v != want {
			t.Errorf("%s = %v, want %v", k, show(v), want)
		}
	}
}

func TestNilDocument(t *testing.T) {
	if res := Code(nil, 2020); len(res.Cells) != 0 {
		t.Errorf("nil document gave cells")
	}
}

// FuzzCode feeds grids built from arbitrary bytes: the matcher must never
// panic, and every cell it emits must carry a known table.
func FuzzCode(f *testing.F) {
	f.Add([]byte("二、主动公开政府信息情况\n规章\t0\t+2\t3\n三、收到和处理政府信息公开申请情况\n一、本年新收\t1\t\t2\t3\t4\t5\t6"), 2020)
	f.Add([]byte("行政复议\t行政诉讼\n1\t2\t3\t4\t5\t6\t7\t8\t9\t10\t11\t12\t13\t14"), 2021)
	f.Add([]byte("(<u>=</u>)\t7.12\tU\t-\n\t\t\t\n服务事项\t费 0\t11750 万元\t元"), 0)
	f.Fuzz(func(t *testing.T, data []byte, year int) {
		if len(data) > 1<<14 {
			return
		}
		text := string(data)
		for _, format := range []string{"text", "html"} {
			doc := grid(format, text)
			// Copies and uneven rows as merged cells leave them.
			for bi, b := range doc.Blocks {
				if b.Table == nil {
					continue
				}
				for ri := range b.Table.Rows {
					for ci := range b.Table.Rows[ri] {
						if (bi+ri+ci)%5 == 4 {
							b.Table.Rows[ri][ci].Copy = true
						}
					}
				}
				if len(b.Table.Rows) > 1 {
					b.Table.Rows[0] = b.Table.Rows[0][:len(b.Table.Rows[0])/2]
				}
			}
			res := Code(doc, year)
			for _, c := range res.Cells {
				switch c.Table {
				case report.TableProactive, report.TableRequests, report.TableReviewLitigation:
				default:
					t.Fatalf("cell with table %q", c.Table)
				}
			}
		}
	})
}

func BenchmarkCode(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("三、收到和处理政府信息公开申请情况\n\t\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n")
	for _, r := range report.RequestRows {
		sb.WriteString(r.Label + "\t1\t0\t0\t0\t0\t0\t1\n")
	}
	doc := grid("html", sb.String())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Code(doc, 2022)
	}
}
