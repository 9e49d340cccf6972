// Package demoportal is an embedded demo portal: an http.Handler over
// go:embed files laid out like real Chinese government portals, for
// `govreport run` (which crawls it by default), `make demo`, `govreport
// demoportal` and end-to-end tests.
//
// It serves four report columns, one per CMS family the crawler supports
// (see README.md for the layout): a TRS column paginated only by
// createPageHTML, an old GBK-encoded column with 下一页 links and ?page=N,
// a 大汉 jpaas column listed through /module/web/jpage/dataproxy.jsp and a
// Guangdong gkmlpt directory listed through /gkmlpt/api/all/{category}.
// Reports cover four bodies over 2019–2025 (and two legacy reports), with
// consistent carry-overs and a few deliberate real-world slips; decoys
// (notices, other annual reports, a staff list, a robots-disallowed draft,
// an off-portal link) test the crawler's judgement. Every page answers
// conditional GETs with 304.
//
// The files under site/, dynamic/ and expected/ are written by the
// generator in gen/ from one spec; do not edit them by hand.
package demoportal
