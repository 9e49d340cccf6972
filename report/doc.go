// Package report defines the canonical annual report of SCHEMA.md: the
// template, table, row and column codes, and the Report value that every
// extractor produces and the loader consumes. It sits below every stage so
// that crawl, extract, load and queries agree on one vocabulary.
package report
