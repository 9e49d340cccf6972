// Package queries holds the canned analyses of the warehouse: one *.sql
// file per question, embedded in the binary, each opening with a comment
// block that names it, says what it answers, declares its parameters and
// describes its output columns.
//
// Parameters are written :name in the SQL and are all optional: a missing
// parameter is bound as NULL, and the SQL is written so that NULL means "no
// filter", e.g. (:year IS NULL OR year = :year). Bind turns each :name into
// a typed positional parameter, so values never reach the SQL text.
//
// Results are written as an aligned text table (CJK characters count two
// columns), CSV, JSON or Markdown by the writers in format.go, which the
// `govreport query` and `govreport sql` commands share.
package queries
