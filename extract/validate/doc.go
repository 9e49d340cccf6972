// Package validate checks a canonical report against the identities
// (勾稽关系) of SCHEMA.md and records each broken one as an issue naming the
// rule, the cells and both sides. It never changes a value: a slip in the
// source is loaded as printed, flagged.
//
// A blank cell counts as 0 in a sum, but an identity none of whose cells is
// printed is not checked: a missing table is reported where tables are
// looked for, not as a dozen broken sums.
package validate
