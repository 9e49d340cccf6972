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
	"runtime"
	"strings"
	"sync"
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
	if err := w.exportAll(ctx, tmp); err != nil {
		os.RemoveAll(tmp)
		return err
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

// exportAll writes every exported table into root, several tables at a
// time (one database connection each, up to the number of CPUs).
func (w *Warehouse) exportAll(ctx context.Context, root string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sem := make(chan struct{}, max(1, min(runtime.NumCPU(), len(exported))))
	errs := make([]error, len(exported))
	var wg sync.WaitGroup
	for i, e := range exported {
		wg.Add(1)
		go func() {
			defer wg.Done()
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				errs[i] = ctx.Err()
				return
			}
			defer func() { <-sem }()
			err := w.exportOne(ctx, root, e.table, e.order)
			if err == nil && exportHook != nil {
				err = exportHook(e.table.Name)
			}
			if err != nil {
				errs[i] = fmt.Errorf("export %s: %w", e.table.Name, err)
				cancel()
			}
		}()
	}
	wg.Wait()
	// The first failure in declaration order, not a cancellation it caused.
	for _, err := range errs {
		if err != nil && !errors.Is(err, context.Canceled) {
			return err
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *Warehouse) exportOne(ctx context.Context, root string, t schema.Table, order string) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return exportTable(ctx, conn, root, t, order)
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

// exportTable writes one table in one ordered pass: rows come sorted by
// year, and each year's rows go to that year's file.
func exportTable(ctx context.Context, conn *sql.Conn, root string, t schema.Table, order string) error {
	if err := os.MkdirAll(filepath.Join(root, t.Name), 0o755); err != nil {
		return err
	}
	sch := fileSchema(t)
	cols := make([]string, 0, sch.NumFields()+1)
	cols = append(cols, "year")
	for _, f := range sch.Fields() {
		cols = append(cols, f.Name)
	}
	q := fmt.Sprintf("SELECT %s FROM %s ORDER BY year, %s", strings.Join(cols, ", "), t.Name, order)
	pw := &partWriter{root: filepath.Join(root, t.Name), sch: sch}
	defer pw.abort()
	err := conn.Raw(func(dc any) error {
		qc, ok := dc.(driver.QueryerContext)
		if !ok {
			return errors.New("driver connection cannot query")
		}
		rows, err := qc.QueryContext(ctx, q, nil)
		if err != nil {
			return err
		}
		defer rows.Close()
		vals := make([]driver.Value, len(cols))
		if n := len(rows.Columns()); n != len(cols) {
			return fmt.Errorf("query gives %d columns, schema has %d", n, len(cols))
		}
		for {
			if err := rows.Next(vals); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
			if err := pw.row(ctx, vals); err != nil {
				return err
			}
		}
	})
	if err != nil {
		return err
	}
	return pw.close()
}

// partWriter writes rows that arrive sorted by year into one Parquet file
// per year, one record batch (row group) at a time.
type partWriter struct {
	root string
	sch  *arrow.Schema

	year      int64
	f         *os.File
	bw        *bufio.Writer
	fw        *pqarrow.FileWriter
	b         *array.RecordBuilder
	appenders []func(any)
	n         int
}

func (p *partWriter) row(ctx context.Context, vals []driver.Value) error {
	y, ok := vals[0].(int32)
	if !ok {
		return fmt.Errorf("year %v is not an INTEGER", vals[0])
	}
	if p.fw == nil || int64(y) != p.year {
		if err := p.close(); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := p.open(int64(y)); err != nil {
			return err
		}
	}
	for i, v := range vals[1:] {
		p.appenders[i](v)
	}
	if p.n++; p.n%batchRows == 0 {
		return p.flush()
	}
	return nil
}

func (p *partWriter) open(year int64) error {
	dir := filepath.Join(p.root, fmt.Sprintf("year=%d", year))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(dir, "part-0.parquet"))
	if err != nil {
		return err
	}
	// pqarrow closes a writer that is an io.Closer: hand it a buffer, and
	// flush and close the file here.
	p.f, p.bw, p.year, p.n = f, bufio.NewWriterSize(f, 1<<20), year, 0
	p.fw, err = pqarrow.NewFileWriter(p.sch, p.bw, writerProps(), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		f.Close()
		p.fw = nil
		return err
	}
	if p.b == nil {
		p.b = array.NewRecordBuilder(memory.DefaultAllocator, p.sch)
		p.appenders = make([]func(any), p.sch.NumFields())
		for i, fld := range p.sch.Fields() {
			if p.appenders[i], err = valueAppender(p.b.Field(i), fld.Type); err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *partWriter) flush() error {
	rec := p.b.NewRecordBatch()
	defer rec.Release()
	return p.fw.Write(rec)
}

// close finishes the current year's file, if any.
func (p *partWriter) close() error {
	if p.fw == nil {
		return nil
	}
	var err error
	if p.n%batchRows != 0 {
		err = p.flush()
	}
	if cerr := p.fw.Close(); err == nil {
		err = cerr
	}
	if ferr := p.bw.Flush(); err == nil {
		err = ferr
	}
	if cerr := p.f.Close(); err == nil {
		err = cerr
	}
	p.fw, p.f, p.bw = nil, nil, nil
	return err
}

// abort releases what a failed export holds; its files are discarded with
// the temporary directory.
func (p *partWriter) abort() {
	if p.fw != nil {
		p.fw.Close()
		p.f.Close()
		p.fw = nil
	}
	if p.b != nil {
		p.b.Release()
		p.b = nil
	}
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

// writerProps are fixed so that the same rows give the same bytes.
func writerProps() *parquet.WriterProperties {
	return parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithMaxRowGroupLength(batchRows),
		parquet.WithCreatedBy("govreport"),
	)
}
