// Package load is the warehouse: it writes extracted reports into DuckDB
// (data/govreport.duckdb) and exports the tables and wide views as
// hive-partitioned Parquet (data/parquet/<table>/year=YYYY/part-0.parquet).
//
// Column names and types come from the Arrow declarations of package schema
// and nowhere else: the DuckDB DDL is generated from them, rows are appended
// in their column order (cells, the bulk, as an Arrow record batch staged
// through a scratch Parquet file and inserted with one INSERT … SELECT per
// load transaction), and the Parquet files are written with pqarrow from
// record batches built against the same schemas.
//
// Loading is idempotent. A report is keyed by (agency_key, year); loading it
// again replaces that key's rows, and two loads of the same input leave the
// same tables and byte-identical Parquet files.
package load
