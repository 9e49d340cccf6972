package schema

import (
	"github.com/apache/arrow-go/v18/arrow"
	"github.com/govreport/govreport/report"
)

var (
	str   = arrow.BinaryTypes.String
	i32   = arrow.PrimitiveTypes.Int32
	i64   = arrow.PrimitiveTypes.Int64
	f64   = arrow.PrimitiveTypes.Float64
	date  = arrow.FixedWidthTypes.Date32
	boolT = arrow.FixedWidthTypes.Boolean
)

// Reports holds one row per report kept: the same report found twice (an
// HTML page and its PDF attachment, two URLs) is one row, keyed by
// (agency_key, year); the copies are listed in report_copies.
var Reports = Table{
	Name:        "reports",
	Description: "One row per annual report (per body and year), with where it came from and its quality flag. Duplicated copies of the same report are collapsed into one row; report_copies lists them.",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("report_id", str, false, "Identifier of the report: the SHA-256 (hex) of the document kept (see report_copies for the other copies)."),
		Col("source", str, true, "Name of the source in sources.yaml that found the document."),
		Col("agency", str, true, "Name of the publishing body as the report prints it."),
		Col("agency_key", str, false, "Stable key of the body across years: province/city/county/name, with the region prefix implied by the region and a leading 人民政府 before a sub-body stripped from the name (docs/DATA.md, \"agency_key\")."),
		Col("province", str, true, "Province-level division (GB/T 2260); for the four municipalities the municipality."),
		Col("city", str, true, "Prefecture-level division; for the four municipalities the municipality; null for a provincial body."),
		Col("county", str, true, "County-level division (county, district, county-level city); null above county level."),
		Col("region_code", str, true, "GB/T 2260 code of the deepest level resolved, when known."),
		Col("year", i32, false, "Report year (the calendar year reported on, not the year published)."),
		Col("template", str, true, "National template: 2019 (国办公开办函〔2019〕60号, years 2019-2020), 2021 (国办公开办函〔2021〕30号, 2021 on) or legacy."),
		Col("format", str, true, "Format of the document kept: html, pdf, docx, doc, xlsx, xls, text …"),
		Col("published", date, true, "Date printed in the report; null when none is printed."),
		Col("url", str, true, "URL of the document kept."),
		Col("sha256", str, true, "SHA-256 (hex) of the document kept, as stored under data/raw (same as report_id when the report came from the store)."),
		Col("extractor_version", str, true, "Version of the extractor that produced the report."),
		Col("quality", str, false, "ok, warn or error: error if any issue of the report has severity error, warn if any has severity warn, else ok."),
		Col("n_issues", i32, false, "Number of issues of the report (rows in issues), including those raised at load (carryover_continuity, sources_disagree)."),
		Col("title", str, true, "Title under which the document was found (link text or page title)."),
		Col("n_cells", i32, false, "Number of cells of the report that hold a value (not blank)."),
		Col("copies", i32, false, "Number of documents found for this report (1 when it was found once)."),
		Col("kept_reason", str, false, "Why this copy was kept among the copies: only copy, most cells, fewest issues, html over other formats, or smallest sha256."),
	}, nil),
}

// Cells holds every value of every table of every kept report.
var Cells = Table{
	Name:        "cells",
	Description: "Every cell of the three tables of every report, in long form: one row per report × table × row code × column code. The wide views requests, proactive and review_litigation are built from it.",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("report_id", str, false, "Report the cell belongs to (reports.report_id)."),
		Col("year", i32, false, "Report year (copied from reports for partitioning)."),
		Col("table_name", str, false, "proactive, requests or review_litigation."),
		Col("row_code", str, false, "Row code (SCHEMA.md); for review_litigation the group: review, suit_direct or suit_after_review."),
		Col("col_code", str, false, "Column code (SCHEMA.md); for review_litigation the outcome: upheld, corrected, other, pending or total."),
		Col("value", f64, true, "The value as printed (money in 万元); null where the document leaves the cell blank."),
		Col("raw_text", str, true, "The cell's text as the document prints it, before normalisation."),
		Col("locator", str, true, "Where the value stands in the document: t<table>/r<row>/c<col> for a table grid, p<page>/x,y,w,h for a PDF page box."),
	}, nil),
}

// Issues holds the broken identities, implausible values and reading
// problems of every kept report.
var Issues = Table{
	Name:        "issues",
	Description: "Broken identities (勾稽关系), implausible values and reading problems: one row per issue. Raised by extract, or at load for carryover_continuity (across years) and sources_disagree (across copies).",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("report_id", str, false, "Report the issue belongs to (reports.report_id)."),
		Col("year", i32, false, "Report year (copied from reports for partitioning)."),
		Col("rule", str, false, "Rule broken: requests_balance, requests_outcomes, requests_row_total, review_litigation_total, carryover_continuity, published_before_year_end, sources_disagree, or a reading rule of the extractor."),
		Col("severity", str, false, "error, warn or info."),
		Col("message", str, false, "What is wrong, in words."),
		Col("cells", str, true, "The cells involved, comma-joined table.row.col keys (review_litigation: review_litigation.<code>); carryover_continuity prefixes each with its year (2022:requests.carried_forward.total)."),
		Col("expected", f64, true, "The value the rule expects, when it is a number."),
		Col("actual", f64, true, "The value found, when it is a number."),
		Col("seq", i32, false, "Position of the issue within its report (extract's issues first, then load's), for a stable order."),
		Col("stage", str, false, "extract or load: the stage that raised the issue."),
	}, nil),
}

// ReportCopies lists every document found for a report, kept or not.
var ReportCopies = Table{
	Name:        "report_copies",
	Description: "Every document that was extracted as a report, grouped by the report (agency_key, year) it is a copy of, with which copy was kept and why.",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("report_id", str, false, "The report kept for this body and year (reports.report_id)."),
		Col("agency_key", str, false, "Body key (reports.agency_key)."),
		Col("year", i32, false, "Report year."),
		Col("sha256", str, false, "SHA-256 of this copy's document (the report_id it would have had)."),
		Col("url", str, true, "URL of this copy."),
		Col("format", str, true, "Format of this copy's document."),
		Col("n_cells", i32, false, "Cells holding a value in this copy."),
		Col("n_issues", i32, false, "Issues raised by extract on this copy."),
		Col("kept", boolT, false, "Whether this copy is the one loaded into reports and cells."),
		Col("rank", i32, false, "Preference rank among the copies, 1 for the copy kept."),
	}, nil),
}

// Runs records every `govreport run`.
var Runs = Table{
	Name:        "runs",
	Description: "One row per govreport run (crawl + extract + load), with its counts, timings and exit status. The only table that differs between two runs over the same input.",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("run_id", str, false, "Identifier of the run: start time (UTC, RFC 3339 basic) and process id."),
		Col("started_at", ts, false, "When the run started (UTC)."),
		Col("finished_at", ts, true, "When the run finished (UTC); null while it is going or if it crashed."),
		Col("status", str, false, "running, ok or failed."),
		Col("exit_code", i32, true, "Exit status of the process (0 ok, non-zero when the run itself failed)."),
		Col("sources", str, true, "Sources file crawled, or demo for the embedded demo portal."),
		Col("version", str, true, "govreport version."),
		Col("pages", i64, true, "Documents the crawl got an answer for (200, 304 or an error status)."),
		Col("not_modified", i64, true, "Pages answered 304 Not Modified."),
		Col("new_documents", i64, true, "Reports and attachments stored for the first time or changed."),
		Col("fetch_errors", i64, true, "URLs that failed to fetch (recorded in documents.error)."),
		Col("extracted", i64, true, "Documents extracted as reports by this run."),
		Col("extract_errors", i64, true, "Documents that could not be extracted (not a report, unreadable)."),
		Col("reports_loaded", i64, true, "Reports (re)loaded into the warehouse by this run."),
		Col("reports_total", i64, true, "Reports in the warehouse after the run."),
		Col("issues", i64, true, "Issues in the warehouse after the run."),
		Col("error", str, true, "Why the run failed; null when it did not."),
		Col("duration_seconds", f64, true, "Wall time of the run in seconds."),
	}, nil),
}

// ExtractedFiles is load's bookkeeping: which extracted JSON files were
// loaded, so that a nightly load only reads what changed.
var ExtractedFiles = Table{
	Name:        "extracted_files",
	Description: "Load bookkeeping: every file of data/extracted seen by load, with the fingerprint it had, so a load only re-reads files that changed.",
	Schema: arrow.NewSchema([]arrow.Field{
		Col("sha256", str, false, "SHA-256 of the document (the file is data/extracted/<sha256>.json)."),
		Col("size", i64, false, "Size of the JSON file in bytes when loaded."),
		Col("mtime_ns", i64, false, "Modification time of the JSON file (ns since the epoch) when loaded."),
		Col("file_sha256", str, false, "SHA-256 of the JSON file's bytes when loaded."),
		Col("extractor_version", str, true, "extractor_version of the report in the file."),
		Col("agency_key", str, true, "agency_key of the report; null when it could not be loaded."),
		Col("year", i32, true, "Year of the report; null when it could not be loaded."),
		Col("error", str, true, "Why the file could not be loaded; null when it was."),
	}, nil),
}

// Tables lists every warehouse table, in creation order.
var Tables = []Table{Documents, Reports, Cells, Issues, ReportCopies, Runs, ExtractedFiles}

// viewKeyCols are the leading columns of every wide view.
func viewKeyCols() []arrow.Field {
	return []arrow.Field{
		Col("report_id", str, false, "Report (reports.report_id)."),
		Col("year", i32, false, "Report year."),
		Col("agency", str, true, "Publishing body as printed."),
		Col("agency_key", str, false, "Body key, stable across years (reports.agency_key)."),
		Col("province", str, true, "Province (reports.province)."),
		Col("city", str, true, "City (reports.city)."),
		Col("county", str, true, "County (reports.county)."),
		Col("template", str, true, "Template: 2019, 2021 or legacy."),
	}
}

// RequestsView is the wide form of the requests table: one row per report
// × applicant column, one column per row code.
var RequestsView = func() Table {
	f := viewKeyCols()
	f = append(f, Col("applicant", str, false, "Applicant column: natural_person, commercial, research, social_org, legal_service, other_org or total."))
	for _, r := range report.RequestRows {
		d := r.Label
		if r.Only != "" {
			d += " (" + r.Only + " template only)"
		}
		f = append(f, Col(r.Code, f64, true, d))
	}
	return Table{Name: "requests", Description: "View: table 三 (requests) in wide form, one row per report × applicant column, one DOUBLE column per row code (null: blank or absent).", Schema: arrow.NewSchema(f, nil)}
}()

// ProactiveView is the wide form of the proactive table: one row per report
// × row, one column per column code of either template.
var ProactiveView = func() Table {
	f := viewKeyCols()
	f = append(f, Col("row_code", str, false, "Row: regulations, normative_docs, licensing, other_mgmt_services, penalty, coercion, admin_fees, central_procurement."))
	for _, c := range report.ProactiveCols {
		f = append(f, Col(c.Code, f64, true, c.Label+" (null when the template has no such column for the row, or it is blank)"))
	}
	return Table{Name: "proactive", Description: "View: table 二 (proactive) in wide form, one row per report × row code, one DOUBLE column per column code of either template.", Schema: arrow.NewSchema(f, nil)}
}()

// ReviewLitigationView is the wide form of the review_litigation table: one
// row per report, fifteen columns.
var ReviewLitigationView = func() Table {
	f := viewKeyCols()
	for _, g := range report.ReviewGroups {
		for _, o := range report.ReviewOutcomes {
			f = append(f, Col(report.ReviewCode(g.Code, o.Code), f64, true, g.Label+" · "+o.Label))
		}
	}
	return Table{Name: "review_litigation", Description: "View: table 四 (review_litigation) in wide form, one row per report, the fifteen group_outcome columns.", Schema: arrow.NewSchema(f, nil)}
}()

// Views lists the wide views built from cells.
var Views = []Table{RequestsView, ProactiveView, ReviewLitigationView}
