// Package crawl discovers government information disclosure annual reports
// (政府信息公开工作年度报告) on portal columns listed in sources.yaml and
// stores their bytes, so that extraction never needs the network.
//
// The crawler is polite (robots.txt with Crawl-delay, a per-host rate limit,
// one connection per host, backoff on 429/5xx honouring Retry-After) and
// incremental: every page already seen is fetched with a conditional GET,
// crawl state lives in the DuckDB table documents (one row per URL, written
// as each fetch finishes) and bodies live in a content-addressed raw store
// (data/raw/ab/<sha256>). A crawl killed at any moment resumes where it
// stopped.
//
// Link discovery knows the CMS families most portals are built on: plain
// HTML pagination, TRS (createPageHTML), jpaas/大汉 (dataproxy.jsp) and
// Guangdong's gkmlpt; dialect auto recognises each from page content.
package crawl
