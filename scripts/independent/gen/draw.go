package main

import (
	"fmt"
	"math/rand/v2"
)

// val is one drawn cell: its number and whether the document leaves it
// blank (then the expected value is null).
type val struct {
	N     float64
	Blank bool
}

// report is everything drawn for one document.
type report struct {
	Template  string
	Year      int
	Body      body
	Published string // ISO date or ""
	Proactive map[string]map[string]val
	ProRows   []string // proactive rows printed, in order
	Requests  map[string]map[string]val
	ReqRows   []string // request rows printed, in order
	Review    map[string]val
	Single6   bool // 2021 report printing one （六）其他处理 row
}

var reqCols = []string{"natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total"}

var outcomeRows2019 = []string{"granted", "partially_granted",
	"denied_state_secret", "denied_law_prohibited", "denied_security_stability", "denied_third_party",
	"denied_internal_affairs", "denied_process_info", "denied_enforcement_file", "denied_inquiry",
	"unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
	"not_processed_complaint", "not_processed_repeat", "not_processed_publication", "not_processed_excessive", "not_processed_confirmation",
	"other_handling"}

var outcomeRows2021 = append(append([]string{}, outcomeRows2019[:18]...), "other_overdue_correction", "other_unpaid_fee", "other_other")

// outcome weights: most requests are granted or not held.
var outcomeWeight = map[string]int{
	"granted": 40, "partially_granted": 8, "denied_state_secret": 1, "denied_law_prohibited": 1,
	"denied_security_stability": 1, "denied_third_party": 2, "denied_internal_affairs": 2, "denied_process_info": 3,
	"denied_enforcement_file": 1, "denied_inquiry": 2, "unavailable_not_held": 20, "unavailable_needs_creation": 3,
	"unavailable_unclear": 2, "not_processed_complaint": 4, "not_processed_repeat": 3, "not_processed_publication": 1,
	"not_processed_excessive": 1, "not_processed_confirmation": 1, "other_handling": 4,
	"other_overdue_correction": 2, "other_unpaid_fee": 1, "other_other": 2,
}

var reviewGroups = []string{"review", "suit_direct", "suit_after_review"}
var reviewOutcomes = []string{"upheld", "corrected", "other", "pending", "total"}

func drawReport(r *rand.Rand) *report {
	rep := &report{Body: drawBody(r), Year: 2019 + r.IntN(7)}
	rep.Template = "2021"
	if rep.Year <= 2020 {
		rep.Template = "2019"
	}
	if r.IntN(8) != 0 {
		m := 1 + r.IntN(3)
		d := 1 + r.IntN(28)
		if m == 1 && d < 8 {
			d += 10
		}
		rep.Published = fmt.Sprintf("%04d-%02d-%02d", rep.Year+1, m, d)
	}
	blankP := 0.0
	if r.IntN(3) == 0 {
		blankP = 0.3 + r.Float64()*0.6
	}
	blank := func(n float64) val {
		return val{N: n, Blank: n == 0 && r.Float64() < blankP}
	}
	sc := rep.Body.Scale
	// proactive
	rep.Proactive = map[string]map[string]val{}
	makesRules := rep.Body.Level == "ministry" || rep.Body.Level == "province" || (rep.Body.Level == "city" && rep.Body.Scale > 100)
	docs := func(rules bool) (int, int, int) {
		if !rules {
			return 0, 0, 0
		}
		a := r.IntN(12)
		return a, r.IntN(a/3 + 1), a + r.IntN(80)
	}
	if rep.Template == "2019" {
		a, _, c := docs(makesRules)
		rep.Proactive["regulations"] = map[string]val{"new_made": blank(float64(a)), "new_published": blank(float64(a)), "total_published": blank(float64(c))}
		a, _, c = docs(true)
		b := a
		if a > 0 && r.IntN(4) == 0 {
			b = a - 1
		}
		rep.Proactive["normative_docs"] = map[string]val{"new_made": blank(float64(a)), "new_published": blank(float64(b)), "total_published": blank(float64(c))}
		for _, row := range []string{"licensing", "other_mgmt_services", "penalty", "coercion"} {
			prev := 0
			if r.IntN(3) != 0 {
				prev = r.IntN(sc*3 + 5)
			}
			ch := 0
			if r.IntN(3) != 0 {
				ch = r.IntN(sc+5) - prev
				if ch < -prev {
					ch = -prev
				}
			}
			dec := 0
			if r.IntN(4) != 0 {
				dec = r.IntN(sc*20 + 5)
			}
			rep.Proactive[row] = map[string]val{"prev_items": blank(float64(prev)), "change": blank(float64(ch)), "decisions": blank(float64(dec))}
		}
		prev := r.IntN(6)
		rep.Proactive["admin_fees"] = map[string]val{"prev_items": blank(float64(prev)), "change": blank(float64(r.IntN(3) - min(prev, 1)))}
		proj := r.IntN(sc + 3)
		amt := 0.0
		if proj > 0 {
			amt = float64(r.IntN(5000000)+1) / 100 // 万元 with two decimals
		}
		rep.Proactive["central_procurement"] = map[string]val{"projects": blank(float64(proj)), "amount_10k_yuan": blank(amt)}
		rep.ProRows = []string{"regulations", "normative_docs", "licensing", "other_mgmt_services", "penalty", "coercion", "admin_fees", "central_procurement"}
	} else {
		a, b, c := docs(makesRules)
		rep.Proactive["regulations"] = map[string]val{"issued": blank(float64(a)), "repealed": blank(float64(b)), "in_force": blank(float64(c))}
		a, b, c = docs(true)
		rep.Proactive["normative_docs"] = map[string]val{"issued": blank(float64(a)), "repealed": blank(float64(b)), "in_force": blank(float64(c))}
		for _, row := range []string{"licensing", "penalty", "coercion"} {
			dec := 0
			if r.IntN(4) != 0 {
				dec = r.IntN(sc*20 + 5)
			}
			rep.Proactive[row] = map[string]val{"decisions": blank(float64(dec))}
		}
		amt := 0.0
		if r.IntN(3) != 0 {
			amt = float64(r.IntN(3000000)) / 100
		}
		rep.Proactive["admin_fees"] = map[string]val{"amount_10k_yuan": blank(amt)}
		rep.ProRows = []string{"regulations", "normative_docs", "licensing", "penalty", "coercion", "admin_fees"}
	}

	// requests: per applicant column, new + carried = handled + forward.
	outs := outcomeRows2019
	if rep.Template == "2021" {
		outs = outcomeRows2021
	}
	counts := map[string][]int{}
	all := append([]string{"new_received", "carried_over"}, outs...)
	all = append(all, "total_handled", "carried_forward")
	for _, row := range all {
		counts[row] = make([]int, 6)
	}
	for j := 0; j < 6; j++ {
		n := 0
		switch {
		case j == 0:
			n = r.IntN(sc*2 + 3)
		case r.IntN(5) < 2:
			n = r.IntN(sc/4 + 2)
		}
		c := 0
		if r.IntN(3) == 0 {
			c = r.IntN(n/5 + 2)
		}
		f := 0
		if r.IntN(3) == 0 {
			f = r.IntN((n+c)/5 + 1)
		}
		h := n + c - f
		counts["new_received"][j] = n
		counts["carried_over"][j] = c
		counts["carried_forward"][j] = f
		counts["total_handled"][j] = h
		tw := 0
		for _, o := range outs {
			tw += outcomeWeight[o]
		}
		for k := 0; k < h; k++ {
			x := r.IntN(tw)
			for _, o := range outs {
				x -= outcomeWeight[o]
				if x < 0 {
					counts[o][j]++
					break
				}
			}
		}
	}
	// a 2021 report sometimes prints the 2019-style single （六） row.
	if rep.Template == "2021" && r.IntN(10) == 0 {
		rep.Single6 = true
		counts["other_handling"] = make([]int, 6)
		for j := 0; j < 6; j++ {
			counts["other_handling"][j] = counts["other_overdue_correction"][j] + counts["other_unpaid_fee"][j] + counts["other_other"][j]
		}
		var o2 []string
		for _, o := range outs {
			if o != "other_overdue_correction" && o != "other_unpaid_fee" && o != "other_other" {
				o2 = append(o2, o)
			}
		}
		outs = append(o2, "other_handling")
	}
	rep.Requests = map[string]map[string]val{}
	rep.ReqRows = append(append([]string{"new_received", "carried_over"}, outs...), "total_handled", "carried_forward")
	for _, row := range rep.ReqRows {
		m := map[string]val{}
		t := 0
		for j := 0; j < 6; j++ {
			m[reqCols[j]] = blank(float64(counts[row][j]))
			t += counts[row][j]
		}
		m["total"] = blank(float64(t))
		rep.Requests[row] = m
	}
	rep.Review = map[string]val{}
	for _, g := range reviewGroups {
		t := 0
		for _, o := range reviewOutcomes[:4] {
			n := 0
			if r.IntN(3) == 0 {
				n = r.IntN(sc/10 + 2)
			}
			t += n
			rep.Review[g+"_"+o] = blank(float64(n))
		}
		rep.Review[g+"_total"] = blank(float64(t))
	}
	return rep
}
