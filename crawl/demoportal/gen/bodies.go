package main

import (
	"fmt"
	"math/rand/v2"

	"github.com/govreport/govreport/report"
)

// The four bodies of the demo portal, one per portal family.
var (
	xinfeng = &body{Key: "xinfeng", Agency: "信丰县人民政府", Short: "信丰县人民政府办公室",
		Region: report.Region{Province: "江西省", City: "赣州市", County: "信丰县"},
		Family: "trs", Years: years(2019, 2025), Scale: 60, Seed: 11}
	luoyang = &body{Key: "luoyang-czj", Agency: "洛阳市财政局", Short: "洛阳市财政局",
		Region: report.Region{Province: "河南省", City: "洛阳市"},
		Family: "gbk", Years: years(2019, 2024), Scale: 14, Seed: 23}
	wuxing = &body{Key: "wuxing", Agency: "湖州市吴兴区人民政府", Short: "湖州市吴兴区人民政府办公室",
		Region: report.Region{Province: "浙江省", City: "湖州市", County: "吴兴区"},
		Family: "jpaas", Years: years(2019, 2025), Scale: 90, Seed: 37}
	shibi = &body{Key: "shibi", Agency: "广州市番禺区人民政府石壁街道办事处", Short: "石壁街道办事处",
		Region: report.Region{Province: "广东省", City: "广州市", County: "番禺区"},
		Family: "gkmlpt", Years: years(2019, 2025), Scale: 2.5, Seed: 41}
)

var bodies = []*body{xinfeng, luoyang, wuxing, shibi}

func years(from, to int) []int {
	var out []int
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}

// styles gives each report its layout; a report not listed is plain.
var styles = map[string]style{
	"xinfeng-2019":     {Word: true, Reworded: true},
	"xinfeng-2020":     {Word: true},
	"xinfeng-2021":     {Word: true, SplitNumbers: true},
	"xinfeng-2022":     {Word: true, FullwidthDots: true},
	"xinfeng-2023":     {},
	"xinfeng-2024":     {Word: true, Review2Rows: true},
	"xinfeng-2025":     {Word: true},
	"luoyang-czj-2019": {ASCIIParen: true},
	"luoyang-czj-2020": {ASCIIParen: true, ProcureInYuan: true, NoMeta: true},
	"luoyang-czj-2021": {ASCIIParen: true},
	"luoyang-czj-2022": {NoMeta: true},
	"luoyang-czj-2023": {Review2Rows: true},
	"luoyang-czj-2024": {},
	"wuxing-2019":      {BlankZeros: []int{2, 3, 4}},
	"wuxing-2020":      {NormLabel: "行政规范性文件"},
	"wuxing-2021":      {Word: true},
	"wuxing-2023":      {OtherSingle: true},
	"wuxing-2025":      {Reworded: true, FullwidthDots: true},
	"shibi-2022":       {BlankZeros: []int{1, 2, 3, 4, 5}},
	"shibi-2024":       {Word: true},
}

// publishedDay is the day in January of Y+1 each body usually publishes.
var publishedDay = map[string]int{"xinfeng": 25, "luoyang-czj": 20, "wuxing": 18, "shibi": 22}

// buildReports draws every body's reports year by year, carrying
// carried_forward into the next year's carried_over, and then applies the
// deliberate slips (README.md).
func buildReports() []*yearReport {
	var all []*yearReport
	for _, b := range bodies {
		rng := rand.New(rand.NewPCG(b.Seed, 2026))
		var prev *yearReport
		var co [6]float64
		for _, y := range b.Years {
			tmpl := report.Template2021
			if y < 2021 {
				tmpl = report.Template2019
			}
			name := fmt.Sprintf("%s-%d", b.Key, y)
			st := styles[name]
			var r *yearReport
			if b == shibi && y == 2020 {
				r = seedReport()
			} else {
				if b == wuxing && y == 2022 {
					// Slip: the body restates last year's carry-over (two
					// more natural-person applications than it carried
					// forward); this year balances on its own numbers.
					co[0] += 2
				}
				if b == shibi && y == 2019 {
					// The seed (2020) carries over nothing: 2019 forwards nothing.
					r = genYear(rng, b, y, tmpl, st, co, prev)
					zeroForward(r)
				} else {
					r = genYear(rng, b, y, tmpl, st, co, prev)
				}
			}
			r.Style = st
			r.Published = date{y + 1, 1, publishedDay[b.Key] + (y % 3)}
			if b == shibi && y == 2020 {
				r.Published = date{2020, 1, 20}
			}
			r.ID = idFor(b, y)
			applyBlanks(r)
			all = append(all, r)
			prev = r
			co = carriedForward(r)
		}
	}
	applySlips(all)
	return all
}

// zeroForward moves a report's carried_forward into its natural-person
// granted row, so that it carries nothing into the next year.
func zeroForward(r *yearReport) {
	cf := r.Req["carried_forward"]
	for j := range 6 {
		v := *cf[j]
		if v == 0 {
			continue
		}
		*r.Req["granted"][j] += v
		*r.Req["granted"][6] += v
		*r.Req["total_handled"][j] += v
		*r.Req["total_handled"][6] += v
		*cf[6] -= v
		*cf[j] = 0
	}
}

// applyBlanks prints the zeros of the style's blank columns as blanks.
func applyBlanks(r *yearReport) {
	for _, j := range r.Style.BlankZeros {
		for _, row := range r.Req {
			if row[j] != nil && *row[j] == 0 {
				row[j] = nil
			}
		}
	}
	if r.Style.ProcureInYuan {
		v := *r.Pro["central_procurement"]["amount_10k_yuan"]
		r.Raw["central_procurement.amount_10k_yuan"] = fmt.Sprintf("%.0f元", v*10000)
	}
}

func find(all []*yearReport, b *body, y int) *yearReport {
	for _, r := range all {
		if r.Body == b && r.Year == y {
			return r
		}
	}
	panic(fmt.Sprintf("no report %s %d", b.Key, y))
}

// applySlips puts in the real-world mistakes the demo keeps on purpose.
func applySlips(all []*yearReport) {
	// (七)总计 arithmetic slip: the grand total printed one too high.
	r := find(all, xinfeng, 2022)
	*r.Req["total_handled"][6]++
	r.Notes = append(r.Notes, "Slip: （七）总计 / 总计 prints one more than the sum of its column and of its row.")

	// Blank total column: the 总计 column left empty for every outcome row.
	r = find(all, luoyang, 2021)
	for _, code := range requestRows(r.Template, r.Style) {
		if code != "new_received" && code != "carried_over" && code != "carried_forward" {
			r.Req[code][6] = nil
		}
	}
	r.Notes = append(r.Notes, "Slip: the 总计 column is blank for every row from （一）予以公开 to （七）总计.")

	r = find(all, wuxing, 2022)
	r.Notes = append(r.Notes, "Slip: 二、上年结转 natural_person is two more than 2021's 四、结转下年度继续办理 (carryover_continuity, checked at load).")

	r = find(all, shibi, 2020)
	r.Notes = append(r.Notes, "Slip (from the seed): the report is dated 2020年1月20日, before the year it reports on ends.")
}

// idFor gives each report a CMS article id, stable across regenerations.
func idFor(b *body, y int) int {
	switch b.Family {
	case "trs":
		return 4100000 + (y-2019)*10371
	case "gbk":
		return 8100 + (y-2015)*37
	case "jpaas":
		return 5630000 + (y-2019)*2113
	default:
		return 6810000 + (y-2019)*1709
	}
}

// seedReport is 广州市番禺区人民政府石壁街道办事处's 2020 report, with the
// values of ../shared/seed/shibi-2020.expected.json and its own text.
func seedReport() *yearReport {
	r := &yearReport{Body: shibi, Year: 2020, Template: report.Template2019,
		Req: map[string]*[7]*float64{}, Rev: map[string]*float64{}, Raw: map[string]string{}}
	p := func(kv ...any) map[string]*float64 {
		m := map[string]*float64{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = f(float64(kv[i+1].(int)))
		}
		return m
	}
	r.Pro = map[string]map[string]*float64{
		"regulations":         p("new_made", 0, "new_published", 0, "total_published", 0),
		"normative_docs":      p("new_made", 2, "new_published", 2, "total_published", 2),
		"licensing":           p("prev_items", 1, "change", 14, "decisions", 15),
		"other_mgmt_services": p("prev_items", 0, "change", 0, "decisions", 0),
		"penalty":             p("prev_items", 3, "change", 127, "decisions", 130),
		"coercion":            p("prev_items", 2, "change", -2, "decisions", 0),
		"admin_fees":          p("prev_items", 0, "change", 140),
		"central_procurement": p("projects", 60, "amount_10k_yuan", 11750),
	}
	r.Raw["central_procurement.amount_10k_yuan"] = "11750万元"
	for _, code := range requestRows(report.Template2019, style{}) {
		var row [7]*float64
		for j := range row {
			row[j] = f(0)
		}
		r.Req[code] = &row
	}
	for _, code := range report.ReviewCodes() {
		r.Rev[code] = f(0)
	}
	r.Overview = seedOverview
	r.Problems = seedProblems
	return r
}

// The seed's own text (../shared/seed/shibi-2020.txt), with the OCR page
// breaks joined.
var seedOverview = []string{
	"2020年度，广州市番禺区人民政府石壁街道办事处认真贯彻落实国家和省、市、区关于政务公开的文件精神及要求，按照《中华人民共和国政府信息公开条例》，进一步健全完善政务公开工作机制，加强政务公开平台建设和运作管理，进一步深化政务公开，依法及时公开各类政务信息，有效推进依法行政及服务型政府建设，确保政府信息公开工作全面深入开展。",
	"（一）加强组织领导，建立健全工作机制。石壁街高度重视政务公开工作，制定并完善《石壁街政务信息公开工作制度》，根据工作需要及时调整政府信息公开工作领导小组成员，形成主要领导负总责、各办（中心）负责人各负其责、相关业务处室负责人抓落实的工作格局。完善《石壁街政务信息工作管理考核制度》等机制，完善并壮大政府信息编制队伍建设，以党政办信息文秘组为骨干，联合各部门信息员共同组成了街道信息工作小组，政务信息组稿工作落实到人，建立信息审查发布机制，规范信息审查程序，街党政领导严把质量关，党委、政府动态信息报送及时、准确，全面提高政府行政行为的透明度，展现广州南站地区、石壁街工作风采。",
	"（二）加强政务公开平台建设，拓宽政务信息公开渠道。加强街政务服务中心、政府门户网站（专属网页）、政务公开栏、政务微信、政务微博等公开载体和渠道的管理，全面落实《2020年番禺区政府网站考评方案》有关要求，认真扎实做好街专属网页的相关保障工作，进一步畅通与人民群众的沟通渠道。2020年共开展调查征集2次，互动访谈1次，接报办理热线投诉1782份，完成结案1692份，办结率95%；处理24小时值班热线来往电话2000余个，提供各类咨询服务信息2000多条，切实为群众提供准确可靠的信息，帮助群众解决实际困难。",
	"（三）落实依法行政公开，确保政府信息清晰透明。扎实推进广东省行政执法信息公示平台建设，制定并公开《广州市番禺区人民政府石壁街道办事处2020年度行政执法数据》等依法行政信息，及时在网站上公布相关依法行政执法行动信息，确保公众依法获取政府信息，确保信息准确有效、便捷获取。2020年，没有收到关于政府信息公开工作的投诉，没有发生因在政府信息公开工作中的具体行政行为侵犯公民、法人或其他组织合法权利，被行政复议机关或法院认定违法的情况。",
}

var seedProblems = []string{
	"（一）继续完善政务公开基础设施。我街将加大投入力度，做好政务公开栏的修缮和日常维护。以政务服务改革为契机，推进村居公共服务站建设，下沉服务至基层。通过部门间的密切配合，加强行政服务中心的“一站式”服务的整体功能发挥，不断做好提高政务公开基础性工作。",
	"（二）为拓展政务公开渠道，丰富政务公开内容，加强政务公开示范点建设，通过点面结合，稳步推进街道、村委两级的政务公开工作。继续完善网上办事业务方便群众办理政务服务业务，目前，街政务中心开通271项网上办理事项服务，均可通过网上办结。加快推进南站政务分中心建设，为广大群众提供更多优质、便捷的一站式服务。",
	"（三）镇街政府网站集约到区政府门户网站后，操作运行尚需要学习，建议区政数局多开展培训指导以便高效运转集约网站。",
}

// legacyReport is a free-format report of the 2008–2018 era: text only.
func legacyReport(b *body, y int, pub date) *yearReport {
	r := &yearReport{Body: b, Year: y, Template: report.TemplateLegacy, Legacy: true, Published: pub, ID: idFor(b, y)}
	n := 300 + y%7*41
	r.Text = []string{
		fmt.Sprintf("根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布%s%d年政府信息公开工作年度报告。本报告由概述，主动公开政府信息情况，依申请公开政府信息情况，政府信息公开的收费及减免情况，因政府信息公开申请行政复议、提起行政诉讼的情况，存在的主要问题和改进措施六部分组成。本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。", b.Agency, y, y, y),
		"一、概述",
		fmt.Sprintf("%d年，我局按照市委、市政府的统一部署，认真贯彻落实《条例》，围绕财政中心工作，进一步规范政府信息公开工作程序，扎实推进财政预决算公开，政府信息公开工作取得了较好成效。", y),
		"二、主动公开政府信息情况",
		fmt.Sprintf("全年共主动公开政府信息%d条，其中财政政策法规%d条、预决算信息%d条、工作动态%d条。主要通过局门户网站、洛阳日报、政务公开栏等渠道公开。", n, n/10, n/5, n-n/10-n/5),
		"三、依申请公开政府信息情况",
		fmt.Sprintf("全年共受理政府信息公开申请%d件，均已按期答复。其中同意公开%d件，不属于本机关公开职责权限范围%d件。", 5+y%4, 3+y%4, 2),
		"四、政府信息公开的收费及减免情况",
		"全年未收取政府信息公开检索、复制、邮寄等费用。",
		"五、因政府信息公开申请行政复议、提起行政诉讼的情况",
		"全年未发生因政府信息公开申请行政复议、提起行政诉讼的情况。",
		"六、存在的主要问题和改进措施",
		"我局政府信息公开工作虽然取得了一定成效，但还存在公开内容不够全面、更新不够及时等问题。下一步，我们将进一步完善工作机制，加大公开力度，不断提高政府信息公开工作水平。",
	}
	return r
}
