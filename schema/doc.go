// Package schema declares every warehouse table once, as an Arrow schema
// whose field metadata carries the column's description. The DuckDB DDL,
// the Parquet files and the data dictionary (docs/DATA.md) are all derived
// from these declarations, so a column is named and typed in one place.
// It sits below crawl and load so both can use it.
package schema
