// Package meta finds a report's metadata in its Document: the report year,
// the body's own name (agency), where it sits (region), the date printed at
// the end (published), the title, and whether the document is an annual
// information-disclosure report at all.
//
// The document is authoritative; what the crawler knows (Hints) fills in
// only what the document leaves unsaid. Every parser here reads untrusted
// text: it never panics, and a date or year that does not make sense is
// dropped rather than guessed.
package meta
