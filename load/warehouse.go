package load

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" database/sql driver
	"github.com/govreport/govreport/report"
	"github.com/govreport/govreport/schema"
)

// DBFile is the name of the DuckDB database inside the data directory.
const DBFile = "govreport.duckdb"

// Warehouse is the DuckDB database of a data directory.
type Warehouse struct {
	dir string
	db  *sql.DB
}

// Open opens (creating if needed) DIR/govreport.duckdb and makes sure every
// table and view exists.
func Open(dataDir string) (*Warehouse, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("open warehouse: %w", err)
	}
	path := filepath.Join(dataDir, DBFile)
	// A memory limit keeps big sorts (the ordered export) spilling to
	// disk rather than growing with the corpus.
	db, err := sql.Open("duckdb", path+"?memory_limit="+memoryLimit())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := CreateSchema(context.Background(), db); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// The database is open (DuckDB holds its file lock), so no other
	// process is loading here: a staging file left by a killed load is
	// garbage.
	if old, err := filepath.Glob(filepath.Join(dataDir, stagePattern)); err == nil {
		for _, f := range old {
			os.Remove(f)
		}
	}
	return &Warehouse{dir: dataDir, db: db}, nil
}

// memoryLimit is DuckDB's memory limit: GOVREPORT_DUCKDB_MEMORY, or 512MB.
func memoryLimit() string {
	if v := os.Getenv("GOVREPORT_DUCKDB_MEMORY"); v != "" {
		return v
	}
	return "512MB"
}

// DB returns the database handle, for queries.
func (w *Warehouse) DB() *sql.DB { return w.db }

// Dir returns the data directory.
func (w *Warehouse) Dir() string { return w.dir }

// Close closes the database.
func (w *Warehouse) Close() error {
	if err := w.db.Close(); err != nil {
		return fmt.Errorf("close warehouse: %w", err)
	}
	return nil
}

// CreateSchema creates every table of schema.Tables that does not exist
// yet and (re)creates the wide views.
func CreateSchema(ctx context.Context, db *sql.DB) error {
	for _, t := range schema.Tables {
		ddl, err := t.DDL()
		if err != nil {
			return fmt.Errorf("create schema: %w", err)
		}
		if _, err := db.ExecContext(ctx, ddl); err != nil {
			return fmt.Errorf("create table %s: %w", t.Name, err)
		}
	}
	for _, v := range schema.Views {
		if _, err := db.ExecContext(ctx, ViewSQL(v.Name)); err != nil {
			return fmt.Errorf("create view %s: %w", v.Name, err)
		}
	}
	return nil
}

// viewKeys are the leading columns every wide view takes from reports.
const viewKeys = "r.report_id, r.year, r.agency, r.agency_key, r.province, r.city, r.county, r.template"

// ViewSQL returns the CREATE OR REPLACE VIEW statement of a wide view
// (requests, proactive or review_litigation); its columns are those of the
// view's declaration in package schema, in the same order. The pivot
// groups cells by report (and applicant or row) alone and joins reports
// afterwards, which keeps the grouping key small.
func ViewSQL(name string) string {
	var sb strings.Builder
	var pivots, outer []string
	pivot := func(cond, alias string) {
		pivots = append(pivots, fmt.Sprintf("max(value) FILTER (WHERE %s) AS %s", cond, alias))
		outer = append(outer, "p."+alias)
	}
	var group, where string
	switch name {
	case report.TableRequests:
		group = "col_code"
		outer = append(outer, "p.col_code AS applicant")
		for _, r := range report.RequestRowCodes() {
			pivot(fmt.Sprintf("row_code = '%s'", r), r)
		}
		where = fmt.Sprintf("table_name = 'requests' AND col_code IN (%s)", quoteList(report.RequestColCodes()))
	case report.TableProactive:
		group = "row_code"
		outer = append(outer, "p.row_code")
		for _, col := range report.ProactiveColCodes() {
			pivot(fmt.Sprintf("col_code = '%s'", col), col)
		}
		where = "table_name = 'proactive'"
	case report.TableReviewLitigation:
		for _, g := range report.ReviewGroups {
			for _, o := range report.ReviewOutcomes {
				pivot(fmt.Sprintf("row_code = '%s' AND col_code = '%s'", g.Code, o.Code), report.ReviewCode(g.Code, o.Code))
			}
		}
		where = "table_name = 'review_litigation'"
	}
	keys := "report_id"
	if group != "" {
		keys += ", " + group
	}
	fmt.Fprintf(&sb, "CREATE OR REPLACE VIEW %s AS\nSELECT %s,\n  %s\nFROM (\n  SELECT %s,\n    %s\n  FROM cells\n  WHERE %s\n  GROUP BY %s\n) p JOIN reports r ON r.report_id = p.report_id",
		name, viewKeys, strings.Join(outer, ",\n  "), keys, strings.Join(pivots, ",\n    "), where, keys)
	return sb.String()
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, v := range s {
		q[i] = "'" + strings.ReplaceAll(v, "'", "''") + "'"
	}
	return strings.Join(q, ", ")
}
