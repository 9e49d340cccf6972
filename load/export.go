package load

import (
	"bufio"
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/govreport/govreport/schema"
)

// ParquetDir is the name of the Parquet export inside the data directory.
const ParquetDir = "parquet"

// exported lists what Export writes, with the order that makes each file's
// rows deterministic.
var exported = []struct {
	table schema.Table
	order string
}{
	{schema.Reports, "report_id"},
	{schema.Cells, "report_id, table_name, row_code, col_code"},
	{schema.Issues, "report_id, seq"},
	{schema.RequestsView, "report_id, applicant"},
	{schema.ProactiveView, "report_id, row_code"},
	{schema.ReviewLitigationView, "report_id"},
}

// batchRows is how many rows go into one Arrow record batch, and so into
// one Parquet row group: the export holds one batch per table at a time.
const batchRows = 128 * 1024

// exportHook, when set (by tests), is called after each table is written;
// an error aborts the export as a real failure would.
var exportHook func(table string) error

// Export writes the tables reports, cells and issues and the views
// requests, proactive and review_litigation as hive-partitioned Parquet:
// dir/<table>/year=YYYY/part-0.parquet, zstd-compressed, rows in a fixed
// order, so the same warehouse always gives the same bytes.
//
// The files are written with pqarrow from record batches built against the
// Arrow declarations of package schema (the year column lives in the
// directory name, as hive partitioning expects; the Arrow schema with each
// column's description is stored in the file). Everything is written into
// a new directory beside dir, which replaces dir only once complete: a
// failed or interrupted export leaves the previous one in place.
func (w *Warehouse) Export(ctx context.Context, dir string) error {
	dir = filepath.Clean(dir)
	old := dir + ".old"
	// A crash between the two renames of a previous swap leaves only the
	// old export: put it back first.
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		if _, err := os.Stat(old); err == nil {
			if err := os.Rename(old, dir); err != nil {
				return fmt.Errorf("export: restore %s: %w", old, err)
			}
		}
	}
	tmp := dir + ".new"
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer conn.Close()
	for _, e := range exported {
		if err := exportTable(ctx, conn, tmp, e.table, e.order); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("export %s: %w", e.table.Name, err)
		}
		if exportHook != nil {
			if err := exportHook(e.table.Name); err != nil {
				os.RemoveAll(tmp)
				return fmt.Errorf("export %s: %w", e.table.Name, err)
			}
		}
	}
	if err := syncDir(tmp); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("export: %w", err)
	}
	// Swap: the previous export moves aside, the new one takes its name.
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("export: move previous export aside: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		_ = os.Rename(old, dir)
		return fmt.Errorf("export: swap in new export: %w", err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("export: remove previous export: %w", err)
	}
	return nil
}

// syncDir flushes every file under dir to disk before the swap.
func syncDir(dir string) error {
	return filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := f.Sync(); err != nil && !fi.IsDir() {
			return fmt.Errorf("sync %s: %w", path, err)
		}
		return nil
	})
}

// fileSchema is a table's Arrow schema without the partition column.
func fileSchema(t schema.Table) *arrow.Schema {
	var fs []arrow.Field
	for _, f := range t.Schema.Fields() {
		if f.Name != "year" {
			fs = append(fs, f)
		}
	}
	md := t.Schema.Metadata()
	return arrow.NewSchema(fs, &md)
}

func exportTable(ctx context.Context, conn *sql.Conn, root string, t schema.Table, order string) error {
	years, err := distinctYears(ctx, conn, t.Name)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(root, t.Name), 0o755); err != nil {
		return err
	}
	sch := fileSchema(t)
	cols := make([]string, sch.NumFields())
	for i, f := range sch.Fields() {
		cols[i] = f.Name
	}
	for _, y := range years {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := filepath.Join(root, t.Name, fmt.Sprintf("year=%d", y))
		if err := os.MkdirAll(part, 0o755); err != nil {
			return err
		}
		q := fmt.Sprintf("SELECT %s FROM %s WHERE year = %d ORDER BY %s", strings.Join(cols, ", "), t.Name, y, order)
		if err := writeParquet(ctx, conn, q, sch, filepath.Join(part, "part-0.parquet")); err != nil {
			return fmt.Errorf("year %d: %w", y, err)
		}
	}
	return nil
}

func distinctYears(ctx context.Context, conn *sql.Conn, table string) ([]int, error) {
	rows, err := conn.QueryContext(ctx, fmt.Sprintf("SELECT DISTINCT year FROM %s ORDER BY year", table))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ys []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, err
		}
		ys = append(ys, y)
	}
	return ys, rows.Err()
}

// writerProps are fixed so that the same rows give the same bytes.
func writerProps() *parquet.WriterProperties {
	return parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithMaxRowGroupLength(batchRows),
		parquet.WithCreatedBy("govreport"),
	)
}

// writeParquet streams the rows of q, one record batch at a time, into a
// Parquet file at path.
func writeParquet(ctx context.Context, conn *sql.Conn, q string, sch *arrow.Schema, path string) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	// pqarrow closes a writer that is an io.Closer: hand it a buffer, and
	// flush and close the file here.
	bw := bufio.NewWriterSize(f, 1<<20)
	fw, err := pqarrow.NewFileWriter(sch, bw, writerProps(), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		return err
	}
	b := array.NewRecordBuilder(memory.DefaultAllocator, sch)
	defer b.Release()
	appenders := make([]func(any), sch.NumFields())
	for i, fld := range sch.Fields() {
		appenders[i], err = valueAppender(b.Field(i), fld.Type)
		if err != nil {
			fw.Close()
			return err
		}
	}
	n := 0
	flush := func() error {
		rec := b.NewRecordBatch()
		defer rec.Release()
		return fw.Write(rec)
	}
	err = conn.Raw(func(dc any) error {
		qc, ok := dc.(driver.QueryerContext)
		if !ok {
			return errors.New("driver connection cannot query")
		}
		rows, err := qc.QueryContext(ctx, q, nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		vals := make([]driver.Value, len(rows.Columns()))
		if len(vals) != len(appenders) {
			return fmt.Errorf("query gives %d columns, schema has %d", len(vals), len(appenders))
		}
		for {
			if err := rows.Next(vals); err != nil {
				if err == io.EOF {
					break
				}
				return err
			}
			for i, v := range vals {
				appenders[i](v)
			}
			if n++; n%batchRows == 0 {
				if err := flush(); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err == nil && (n%batchRows != 0 || n == 0) {
		err = flush()
	}
	if cerr := fw.Close(); err == nil {
		err = cerr
	}
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	return err
}

// valueAppender returns a function appending one database value (as the
// duckdb driver returns it) to an Arrow builder of the given type.
func valueAppender(b array.Builder, t arrow.DataType) (func(any), error) {
	switch t.ID() {
	case arrow.STRING:
		sb := b.(*array.StringBuilder)
		return func(v any) {
			if s, ok := v.(string); ok {
				sb.Append(s)
			} else {
				sb.AppendNull()
			}
		}, nil
	case arrow.INT32:
		ib := b.(*array.Int32Builder)
		return func(v any) {
			switch x := v.(type) {
			case int32:
				ib.Append(x)
			case int64:
				ib.Append(int32(x))
			default:
				ib.AppendNull()
			}
		}, nil
	case arrow.INT64:
		ib := b.(*array.Int64Builder)
		return func(v any) {
			switch x := v.(type) {
			case int64:
				ib.Append(x)
			case int32:
				ib.Append(int64(x))
			default:
				ib.AppendNull()
			}
		}, nil
	case arrow.FLOAT64:
		fb := b.(*array.Float64Builder)
		return func(v any) {
			if x, ok := v.(float64); ok {
				fb.Append(x)
			} else {
				fb.AppendNull()
			}
		}, nil
	case arrow.BOOL:
		bb := b.(*array.BooleanBuilder)
		return func(v any) {
			if x, ok := v.(bool); ok {
				bb.Append(x)
			} else {
				bb.AppendNull()
			}
		}, nil
	case arrow.DATE32:
		db := b.(*array.Date32Builder)
		return func(v any) {
			if x, ok := v.(time.Time); ok {
				db.Append(arrow.Date32FromTime(x))
			} else {
				db.AppendNull()
			}
		}, nil
	case arrow.TIMESTAMP:
		tb := b.(*array.TimestampBuilder)
		return func(v any) {
			if x, ok := v.(time.Time); ok {
				tb.Append(arrow.Timestamp(x.UnixMicro()))
			} else {
				tb.AppendNull()
			}
		}, nil
	}
	return nil, fmt.Errorf("no Parquet export for %s", t)
}
