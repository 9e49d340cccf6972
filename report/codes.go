package report

// Template names as they appear in the JSON form and the warehouse.
const (
	Template2019   = "2019"
	Template2021   = "2021"
	TemplateLegacy = "legacy"
)

// Table names as they appear in the JSON form and the warehouse.
const (
	TableProactive        = "proactive"
	TableRequests         = "requests"
	TableReviewLitigation = "review_litigation"
)

// Tables lists the three tables in report order.
var Tables = []string{TableProactive, TableRequests, TableReviewLitigation}

// Code is one row or column code with the template's own label for it.
type Code struct {
	Code  string
	Label string
}

// ProactiveRow is one row of the proactive table with the columns it has
// under a template.
type ProactiveRow struct {
	Code  string
	Label string
	Cols  []string
}

// Proactive2019 and Proactive2021 list the proactive table's rows, in
// template order, with their columns.
var (
	Proactive2019 = []ProactiveRow{
		{"regulations", "规章", []string{"new_made", "new_published", "total_published"}},
		{"normative_docs", "规范性文件", []string{"new_made", "new_published", "total_published"}},
		{"licensing", "行政许可", []string{"prev_items", "change", "decisions"}},
		{"other_mgmt_services", "其他对外管理服务事项", []string{"prev_items", "change", "decisions"}},
		{"penalty", "行政处罚", []string{"prev_items", "change", "decisions"}},
		{"coercion", "行政强制", []string{"prev_items", "change", "decisions"}},
		{"admin_fees", "行政事业性收费", []string{"prev_items", "change"}},
		{"central_procurement", "政府集中采购", []string{"projects", "amount_10k_yuan"}},
	}
	Proactive2021 = []ProactiveRow{
		{"regulations", "规章", []string{"issued", "repealed", "in_force"}},
		{"normative_docs", "行政规范性文件", []string{"issued", "repealed", "in_force"}},
		{"licensing", "行政许可", []string{"decisions"}},
		{"penalty", "行政处罚", []string{"decisions"}},
		{"coercion", "行政强制", []string{"decisions"}},
		{"admin_fees", "行政事业性收费", []string{"amount_10k_yuan"}},
	}
)

// ProactiveCols gives the label of every proactive column code.
var ProactiveCols = []Code{
	{"new_made", "本年新制作数量"},
	{"new_published", "本年新公开数量"},
	{"total_published", "对外公开总数量"},
	{"prev_items", "上一年项目数量"},
	{"change", "本年增/减"},
	{"decisions", "处理决定数量"},
	{"projects", "采购项目数量"},
	{"amount_10k_yuan", "金额（万元）"},
	{"issued", "本年制发件数"},
	{"repealed", "本年废止件数"},
	{"in_force", "现行有效件数"},
}

// RequestCols lists the applicant columns of the requests table in order.
var RequestCols = []Code{
	{"natural_person", "自然人"},
	{"commercial", "商业企业"},
	{"research", "科研机构"},
	{"social_org", "社会公益组织"},
	{"legal_service", "法律服务机构"},
	{"other_org", "其他"},
	{"total", "总计"},
}

// RequestRows lists every row code of the requests table in template order.
// Rows marked Only2021 exist only in the 2021 template; other_handling is
// the single row of 2019 and the sum of the three other_* rows in 2021.
var RequestRows = []RequestRow{
	{"new_received", "一、本年新收政府信息公开申请数量", ""},
	{"carried_over", "二、上年结转政府信息公开申请数量", ""},
	{"granted", "三（一）予以公开", ""},
	{"partially_granted", "三（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""},
	{"denied_state_secret", "三（三）1.属于国家秘密", ""},
	{"denied_law_prohibited", "三（三）2.其他法律行政法规禁止公开", ""},
	{"denied_security_stability", "三（三）3.危及“三安全一稳定”", ""},
	{"denied_third_party", "三（三）4.保护第三方合法权益", ""},
	{"denied_internal_affairs", "三（三）5.属于三类内部事务信息", ""},
	{"denied_process_info", "三（三）6.属于四类过程性信息", ""},
	{"denied_enforcement_file", "三（三）7.属于行政执法案卷", ""},
	{"denied_inquiry", "三（三）8.属于行政查询事项", ""},
	{"unavailable_not_held", "三（四）1.本机关不掌握相关政府信息", ""},
	{"unavailable_needs_creation", "三（四）2.没有现成信息需要另行制作", ""},
	{"unavailable_unclear", "三（四）3.补正后申请内容仍不明确", ""},
	{"not_processed_complaint", "三（五）1.信访举报投诉类申请", ""},
	{"not_processed_repeat", "三（五）2.重复申请", ""},
	{"not_processed_publication", "三（五）3.要求提供公开出版物", ""},
	{"not_processed_excessive", "三（五）4.无正当理由大量反复申请", ""},
	{"not_processed_confirmation", "三（五）5.要求行政机关确认或重新出具已获取信息", ""},
	{"other_overdue_correction", "三（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Template2021},
	{"other_unpaid_fee", "三（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Template2021},
	{"other_other", "三（六）3.其他", Template2021},
	{"other_handling", "三（六）其他处理", ""},
	{"total_handled", "三（七）总计", ""},
	{"carried_forward", "四、结转下年度继续办理", ""},
}

// RequestRow is one row of the requests table. Only names the template the
// row belongs to when it is not in both.
type RequestRow struct {
	Code  string
	Label string
	Only  string
}

// ReviewGroups and ReviewOutcomes make the fifteen review_litigation codes:
// group + "_" + outcome.
var (
	ReviewGroups = []Code{
		{"review", "行政复议"},
		{"suit_direct", "未经复议直接起诉"},
		{"suit_after_review", "复议后起诉"},
	}
	ReviewOutcomes = []Code{
		{"upheld", "结果维持"},
		{"corrected", "结果纠正"},
		{"other", "其他结果"},
		{"pending", "尚未审结"},
		{"total", "总计"},
	}
)

// ReviewCode joins a review_litigation group and outcome into the flat code
// used by the JSON form and the wide view.
func ReviewCode(group, outcome string) string { return group + "_" + outcome }

// ReviewCodes lists the fifteen flat review_litigation codes in order.
func ReviewCodes() []string {
	var out []string
	for _, g := range ReviewGroups {
		for _, o := range ReviewOutcomes {
			out = append(out, ReviewCode(g.Code, o.Code))
		}
	}
	return out
}

// ProactiveRows returns the proactive rows of a template (nil for legacy).
func ProactiveRows(template string) []ProactiveRow {
	switch template {
	case Template2019:
		return Proactive2019
	case Template2021:
		return Proactive2021
	}
	return nil
}

// ProactiveColCodes lists every proactive column code across both templates,
// in a stable order, for wide views.
func ProactiveColCodes() []string {
	out := make([]string, len(ProactiveCols))
	for i, c := range ProactiveCols {
		out[i] = c.Code
	}
	return out
}

// RequestColCodes lists the requests column codes in order.
func RequestColCodes() []string {
	out := make([]string, len(RequestCols))
	for i, c := range RequestCols {
		out[i] = c.Code
	}
	return out
}

// RequestRowCodes lists every requests row code in order.
func RequestRowCodes() []string {
	out := make([]string, len(RequestRows))
	for i, r := range RequestRows {
		out[i] = r.Code
	}
	return out
}

// Severity levels of an Issue.
const (
	SeverityError = "error"
	SeverityWarn  = "warn"
	SeverityInfo  = "info"
)

// Rules of SCHEMA.md, by the names it gives them.
const (
	RuleRequestsBalance        = "requests_balance"
	RuleRequestsOutcomes       = "requests_outcomes"
	RuleRequestsRowTotal       = "requests_row_total"
	RuleReviewLitigationTotal  = "review_litigation_total"
	RuleCarryoverContinuity    = "carryover_continuity"
	RulePublishedBeforeYearEnd = "published_before_year_end"
	RuleSourcesDisagree        = "sources_disagree"
)
