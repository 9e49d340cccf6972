// Package extract turns one stored document into the canonical report of
// SCHEMA.md: a reader per format produces a document.Document, the
// template package codes its tables, the meta code finds year, agency,
// region and date, and the validate package checks the identities.
// It never touches the network.
package extract
