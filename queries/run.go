package queries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver
)

// DatabaseFile is the warehouse's file name inside the data directory.
const DatabaseFile = "govreport.duckdb"

// ErrNoDatabase is returned by Open when the data directory has no
// warehouse yet.
var ErrNoDatabase = errors.New("no database")

// Open opens the warehouse under dataDir read-only, so that neither a
// canned query nor an analyst's SQL can change it. DuckDB enforces the
// read-only mode itself; nothing is filtered here.
func Open(dataDir string) (*sql.DB, error) {
	path := filepath.Join(dataDir, DatabaseFile)
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%w at %s: run `govreport run` first", ErrNoDatabase, path)
		}
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w%s", path, err, lockHint(err))
	}
	return db, nil
}

// lockHint explains DuckDB's lock error: a process that has the file open
// for writing (the nightly govreport run, a DuckDB CLI without -readonly)
// keeps every other process out, readers included.
func lockHint(err error) string {
	if strings.Contains(err.Error(), "Could not set lock") {
		return " (another process is writing the database, e.g. a govreport run: try again when it is done, or read data/parquet meanwhile)"
	}
	return ""
}

// Run binds values to the query, runs it on db and writes the result to w.
func Run(ctx context.Context, db *sql.DB, q Query, values map[string]string, w RowWriter) error {
	text, args, err := q.Bind(values)
	if err != nil {
		return err
	}
	if err := Exec(ctx, db, text, args, w); err != nil {
		return fmt.Errorf("query %s: %w", q.Name, err)
	}
	return nil
}

// Exec runs sqlText with args on db and streams the result to w: rows are
// written as they arrive (the table format is the exception: it must see
// every row to size its columns).
func Exec(ctx context.Context, db *sql.DB, sqlText string, args []any, w RowWriter) error {
	rows, err := db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return fmt.Errorf("read columns: %w", err)
	}
	cols := make([]ResultColumn, len(types))
	for i, t := range types {
		cols[i] = ResultColumn{Name: t.Name(), Type: t.DatabaseTypeName()}
	}
	if err := w.Header(cols); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("read row: %w", err)
		}
		if err := w.Row(vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return w.Close()
}
