// Package crawl discovers government information disclosure annual reports
// (政府信息公开工作年度报告) on portal columns listed in sources.yaml and
// stores their bytes, so that extraction never needs the network.
//
// The crawler is polite: robots.txt per host (Disallow, Allow,
// Crawl-delay; a 4xx robots.txt allows everything, a 5xx or unreachable one
// keeps the whole host out of the run; redirects, a UTF-8 BOM and CRLF line
// ends are read as usual, and an HTML page served as robots.txt, a portal's
// soft 404, holds no rules and so allows everything, as RFC 9309 parsers
// do), a per-host rate limit (the larger of rate_per_host and Crawl-delay,
// a Crawl-delay beyond max_crawl_delay being cut to it with a warning), one
// connection per host, several hosts
// in parallel, retries with exponential backoff and jitter on network
// errors, 429 and 5xx honouring Retry-After, a redirect limit, a body size
// limit, and nothing requested outside a source's allow prefixes, redirects
// included.
//
// It is incremental. Crawl state lives in the DuckDB table documents (one
// row per URL) and bodies in a content-addressed raw store
// (data/raw/ab/<sha256>, see RawPath and ReadRaw). Each finished fetch is
// written at once, in one transaction with the links the page revealed;
// those links get rows without a status (pending) until they are fetched.
// Every page already stored is asked for with a conditional GET; a 304
// costs no parsing, the links the page had are read back from the state.
// A crawl killed at any moment loses at most the requests in flight and
// resumes without fetching again any body it has. A row whose last fetch
// failed keeps the validators and SHA-256 of the last good body, so nothing
// stored is lost; documents.error says what went wrong.
//
// Rows have kind list (column and listing pages, also JSON and XML
// listings), report (a page or file whose title names an annual report, see
// IsReportTitle) or attachment (a file linked from a report page, with the
// report page as referrer). The extractor reads kind report and attachment.
//
// Link discovery knows the CMS families most portals are built on: plain
// HTML (report links, 下一页/尾页/next anchors, ?page=N and index_N or
// list_N siblings, location.href script handlers, report columns), TRS
// (createPageHTML), jpaas/大汉 (dataproxy.jsp record groups, read inline
// from the column page's datastore and asked by GET, or by a form POST when
// the server wants one) and Guangdong's gkmlpt (_CONFIG, /gkmlpt/api/all
// JSON, DETAIL.content attachments; annual-report categories first, at most
// 40 categories otherwise); dialect auto recognises each from page
// content. List pages in GBK or GB18030 are decoded before titles are read.
package crawl
