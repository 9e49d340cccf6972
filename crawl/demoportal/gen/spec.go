package main

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/govreport/govreport/report"
)

// body is one government body publishing on the demo portal.
type body struct {
	Key    string // file-name prefix of its expected JSONs
	Agency string // the name it prints in its titles
	Short  string // the name it signs with
	Region report.Region
	Family string // trs, gbk, jpaas, gkmlpt
	Years  []int
	Scale  float64 // rough number of new applications a year
	Seed   uint64
	// Fixed years whose numbers come from elsewhere (the seed report).
	Fixed map[int]*yearReport
}

// date is a calendar date printed in a report.
type date struct{ Y, M, D int }

func (d date) ISO() string { return fmt.Sprintf("%04d-%02d-%02d", d.Y, d.M, d.D) }
func (d date) CN() string  { return fmt.Sprintf("%d年%d月%d日", d.Y, d.M, d.D) }

// style says how a report is laid out, so that the pages vary the way real
// ones do. The zero value is a plain, well-formed page.
type style struct {
	Word          bool   // Word-paste markup: MsoNormal paragraphs, spans per cell
	ASCIIParen    bool   // (一) instead of （一）
	NormLabel     string // label of normative_docs, default per template
	BlankZeros    []int  // applicant columns whose zeros print as &nbsp; (blank)
	Review2Rows   bool   // review table with two header rows instead of three
	OtherSingle   bool   // a 2021-template table with a single （六）其他处理 row
	SplitNumbers  bool   // numbers of ≥ 2 digits split across two spans
	ProcureInYuan bool   // central_procurement amount printed in 元
	Reworded      bool   // a few labels reworded from the template
	NoMeta        bool   // GBK page without any meta charset
	FullwidthDots bool   // sub-items numbered "1．" (fullwidth stop) instead of "1."
}

// yearReport is one annual report with the values it prints.
type yearReport struct {
	Body      *body
	Year      int
	Template  string
	Published date
	// Printed values; nil is a blank cell.
	Pro map[string]map[string]*float64
	Req map[string]*[7]*float64
	Rev map[string]*float64
	// Raw overrides the printed text of a proactive cell ("3560000元").
	Raw   map[string]string
	Style style
	Notes []string
	// Where it is published.
	Path     string // URL path of its page
	PDFPath  string // URL path of its PDF attachment, when published as one
	Legacy   bool
	Text     []string // legacy: the free-format paragraphs
	Overview []string // 一、总体情况 paragraphs, when given (the seed)
	Problems []string // 五、 paragraphs, when given
	ID       int      // CMS article id
}

func (r *yearReport) Title() string {
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", r.Body.Agency, r.Year)
}

func (r *yearReport) Name() string { return fmt.Sprintf("%s-%d", r.Body.Key, r.Year) }

// applicant columns in order; index 6 is total.
var reqCols = report.RequestColCodes()

// outcome rows with the weights used to spread handled applications.
var outcomeWeights = []struct {
	Code string
	W    float64
}{
	{"granted", 35}, {"partially_granted", 8},
	{"denied_state_secret", 0.4}, {"denied_law_prohibited", 1}, {"denied_security_stability", 0.5},
	{"denied_third_party", 2}, {"denied_internal_affairs", 2}, {"denied_process_info", 3},
	{"denied_enforcement_file", 1}, {"denied_inquiry", 3},
	{"unavailable_not_held", 25}, {"unavailable_needs_creation", 4}, {"unavailable_unclear", 3},
	{"not_processed_complaint", 3}, {"not_processed_repeat", 3}, {"not_processed_publication", 1},
	{"not_processed_excessive", 0.5}, {"not_processed_confirmation", 1},
	{"other_overdue_correction", 2.2}, {"other_unpaid_fee", 0.3}, {"other_other", 1.5},
}

// requestRows returns the requests rows a report prints.
func requestRows(tmpl string, st style) []string {
	var out []string
	for _, r := range report.RequestRows {
		switch {
		case tmpl == report.Template2019 && r.Only == report.Template2021:
			continue
		case tmpl == report.Template2021 && r.Code == "other_handling" && !st.OtherSingle:
			continue
		case tmpl == report.Template2021 && r.Only == report.Template2021 && st.OtherSingle:
			continue
		}
		out = append(out, r.Code)
	}
	return out
}

func f(v float64) *float64 { return &v }

// genYear draws one year's consistent numbers: carriedOver is last year's
// carried_forward (six applicant columns).
func genYear(rng *rand.Rand, b *body, year int, tmpl string, st style, carriedOver [6]float64, prev *yearReport) *yearReport {
	r := &yearReport{Body: b, Year: year, Template: tmpl, Style: st,
		Req: map[string]*[7]*float64{}, Rev: map[string]*float64{}, Pro: map[string]map[string]*float64{}, Raw: map[string]string{}}
	s := b.Scale * (0.75 + 0.5*rng.Float64())
	var newRec, cf [6]float64
	colScale := []float64{0.8, 0.12, 0.01, 0.015, 0.04, 0.03}
	for j := range 6 {
		mean := s * colScale[j]
		n := math.Floor(mean*(0.5+rng.Float64()) + rng.Float64())
		newRec[j] = n
	}
	for j := range 6 {
		max := newRec[j] + carriedOver[j]
		c := 0.0
		if j == 0 {
			c = math.Floor(rng.Float64() * math.Min(4, max*0.1+1))
		} else if rng.Float64() < 0.1 {
			c = 1
		}
		cf[j] = math.Min(c, max)
	}
	rows := requestRows(tmpl, st)
	counts := map[string]*[6]float64{}
	for _, code := range rows {
		counts[code] = &[6]float64{}
	}
	counts["new_received"] = &newRec
	co := carriedOver
	counts["carried_over"] = &co
	counts["carried_forward"] = &cf
	handled := &[6]float64{}
	for j := range 6 {
		handled[j] = newRec[j] + carriedOver[j] - cf[j]
	}
	counts["total_handled"] = handled
	// Spread handled over the outcome rows this template prints.
	var outs []string
	var ws []float64
	wsum := 0.0
	for _, o := range outcomeWeights {
		code := o.Code
		if tmpl == report.Template2019 || st.OtherSingle {
			switch code {
			case "other_overdue_correction":
				code = "other_handling"
			case "other_unpaid_fee", "other_other":
				ws[len(ws)-1] += o.W
				wsum += o.W
				continue
			}
		}
		outs = append(outs, code)
		ws = append(ws, o.W)
		wsum += o.W
	}
	for j := range 6 {
		for range int(handled[j]) {
			x := rng.Float64() * wsum
			k := 0
			for ; k < len(ws)-1 && x >= ws[k]; k++ {
				x -= ws[k]
			}
			counts[outs[k]][j]++
		}
	}
	for _, code := range rows {
		c := counts[code]
		var row [7]*float64
		t := 0.0
		for j := range 6 {
			row[j] = f(c[j])
			t += c[j]
		}
		row[6] = f(t)
		r.Req[code] = &row
	}
	// Review and litigation.
	groupMean := map[string]float64{"review": s / 25, "suit_direct": s / 40, "suit_after_review": s / 80}
	for _, g := range report.ReviewGroups {
		n := int(math.Floor(groupMean[g.Code]*(0.4+rng.Float64()) + rng.Float64()*0.7))
		var o [4]float64
		for range n {
			x := rng.Float64() * 10
			switch {
			case x < 6:
				o[0]++
			case x < 7.2:
				o[1]++
			case x < 9:
				o[2]++
			default:
				o[3]++
			}
		}
		for i, out := range report.ReviewOutcomes[:4] {
			r.Rev[report.ReviewCode(g.Code, out.Code)] = f(o[i])
		}
		r.Rev[report.ReviewCode(g.Code, "total")] = f(o[0] + o[1] + o[2] + o[3])
	}
	genProactive(rng, r, s, prev)
	return r
}

func genProactive(rng *rand.Rand, r *yearReport, s float64, prev *yearReport) {
	in := func(lo, hi int) float64 { return float64(lo + rng.IntN(hi-lo+1)) }
	money := func(lo, hi float64) float64 { return math.Round((lo+rng.Float64()*(hi-lo))*100) / 100 }
	set := func(row string, kv ...any) {
		m := map[string]*float64{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = f(kv[i+1].(float64))
		}
		r.Pro[row] = m
	}
	big := s / 30 // a district or county decides far more than a street office
	if r.Template == report.Template2019 {
		set("regulations", "new_made", 0.0, "new_published", 0.0, "total_published", 0.0)
		nm := in(0, 4)
		total := nm + in(3, 30)
		if prev != nil && prev.Template == report.Template2019 {
			total = *prev.Pro["normative_docs"]["total_published"] + nm
		}
		set("normative_docs", "new_made", nm, "new_published", nm, "total_published", total)
		for _, row := range []string{"licensing", "other_mgmt_services", "penalty", "coercion"} {
			p := in(0, int(20*big)+2)
			ch := in(-int(p), int(8*big)+2)
			set(row, "prev_items", p, "change", ch, "decisions", in(0, int(300*big)+3))
		}
		set("admin_fees", "prev_items", in(0, 12), "change", in(-2, 2))
		set("central_procurement", "projects", in(1, int(40*big)+3), "amount_10k_yuan", money(20, 900*big+40))
		return
	}
	set("regulations", "issued", 0.0, "repealed", 0.0, "in_force", 0.0)
	iss, rep := in(0, 5), in(0, 2)
	force := in(8, 40)
	if prev != nil && prev.Template == report.Template2021 {
		force = *prev.Pro["normative_docs"]["in_force"]
	}
	rep = math.Min(rep, force)
	set("normative_docs", "issued", iss, "repealed", rep, "in_force", force+iss-rep)
	set("licensing", "decisions", in(0, int(900*big)+3))
	set("penalty", "decisions", in(0, int(400*big)+3))
	set("coercion", "decisions", in(0, int(20*big)+1))
	set("admin_fees", "amount_10k_yuan", money(0, 300*big+5))
}

// carriedForward returns the six applicant values of a report's
// carried_forward row.
func carriedForward(r *yearReport) [6]float64 {
	var out [6]float64
	row := r.Req["carried_forward"]
	for j := range 6 {
		if row[j] != nil {
			out[j] = *row[j]
		}
	}
	return out
}
