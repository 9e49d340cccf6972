package load

import (
	"bufio"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/file"
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
	fp, err := w.fingerprint(ctx)
	if err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("export: %w", err)
	}
	if err := w.exportAll(ctx, tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.WriteFile(filepath.Join(tmp, markerFile), []byte(fp+"\n"), 0o644); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("export: %w", err)
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

// markerFile, inside the export, holds the fingerprint of the warehouse
// the export was made from.
const markerFile = ".export"

// exportFormat changes whenever the export's layout or encoding changes, so
// that an export made by an older govreport is never taken as current.
const exportFormat = "govreport-export-2"

// fingerprint summarises the warehouse's content: the extracted files
// loaded, every report row, and the sizes of cells and issues. It changes
// whenever a load changes anything an export holds.
func (w *Warehouse) fingerprint(ctx context.Context) (string, error) {
	var files, reps, cells, issues string
	err := w.db.QueryRowContext(ctx, `SELECT
  (SELECT coalesce(sum(hash(sha256, file_sha256, error)), 0)::VARCHAR FROM extracted_files),
  (SELECT coalesce(sum(hash(report_id, agency_key, year, quality, n_issues, n_cells, copies, kept_reason, url, sha256, extractor_version)), 0)::VARCHAR FROM reports),
  (SELECT count(*)::VARCHAR FROM cells),
  (SELECT count(*)::VARCHAR FROM issues)`).Scan(&files, &reps, &cells, &issues)
	if err != nil {
		return "", fmt.Errorf("fingerprint: %w", err)
	}
	return strings.Join([]string{exportFormat, files, reps, cells, issues}, " "), nil
}

// ExportCurrent reports whether the export in dir was made from the
// warehouse as it is now, so that a load that changed nothing can leave
// it alone.
func (w *Warehouse) ExportCurrent(ctx context.Context, dir string) (bool, error) {
	b, err := os.ReadFile(filepath.Join(dir, markerFile))
	if err != nil {
		return false, nil
	}
	fp, err := w.fingerprint(ctx)
	if err != nil {
		return false, err
	}
	return strings.TrimSpace(string(b)) == fp, nil
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

// exportTable writes one table. DuckDB sorts the rows (by year, then the
// table's order) into an uncompressed scratch Parquet file, spilling to
// disk under its memory limit; the scratch file is then read back one
// record batch at a time with pqarrow, each batch is rebuilt against the
// table's Arrow declaration, and written to its year's file. Memory stays
// bounded by the batch and row-group sizes, not the corpus: the duckdb
// driver materialises a whole query result, so rows are never streamed
// through it.
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
	scratch := filepath.Join(root, "."+t.Name+".sorted.parquet")
	defer os.Remove(scratch)
	q := fmt.Sprintf("COPY (SELECT %s FROM %s ORDER BY year, %s) TO '%s' (FORMAT parquet, COMPRESSION uncompressed)",
		strings.Join(cols, ", "), t.Name, order, strings.ReplaceAll(scratch, "'", "''"))
	if _, err := conn.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("sort: %w", err)
	}
	f, err := os.Open(scratch)
	if err != nil {
		return err
	}
	defer f.Close()
	pf, err := file.NewParquetReader(f)
	if err != nil {
		return fmt.Errorf("read sorted rows: %w", err)
	}
	defer pf.Close()
	fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{BatchSize: 64 * 1024}, memory.DefaultAllocator)
	if err != nil {
		return fmt.Errorf("read sorted rows: %w", err)
	}
	rr, err := fr.GetRecordReader(ctx, nil, nil)
	if err != nil {
		return fmt.Errorf("read sorted rows: %w", err)
	}
	defer rr.Release()
	pw := &partWriter{root: filepath.Join(root, t.Name), sch: sch}
	defer pw.abort()
	for rr.Next() {
		if err := pw.write(ctx, rr.RecordBatch()); err != nil {
			return err
		}
	}
	if err := rr.Err(); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("read sorted rows: %w", err)
	}
	return pw.close()
}

// partWriter writes record batches sorted by year (column 0) into one
// Parquet file per year, in row groups of exactly batchRows rows (the last
// of a year shorter), whatever the sizes of the batches it is given.
type partWriter struct {
	root string
	sch  *arrow.Schema

	year  int32
	f     *os.File
	bw    *bufio.Writer
	fw    *pqarrow.FileWriter
	inGrp int64 // rows in the current row group
}

// write splits rec (year, then the columns of sch) by year and appends
// each run of rows to its year's file.
func (p *partWriter) write(ctx context.Context, rec arrow.RecordBatch) error {
	years, ok := rec.Column(0).(*array.Int32)
	if !ok {
		return fmt.Errorf("year column is %s, not INTEGER", rec.Column(0).DataType())
	}
	cols := rec.Columns()[1:]
	if len(cols) != p.sch.NumFields() {
		return fmt.Errorf("sorted rows have %d columns, schema %d", len(cols), p.sch.NumFields())
	}
	for i, c := range cols {
		if !arrow.TypeEqual(c.DataType(), p.sch.Field(i).Type) {
			return fmt.Errorf("column %s is %s, declared %s", p.sch.Field(i).Name, c.DataType(), p.sch.Field(i).Type)
		}
	}
	// Rebuilt against the declaration: same data, declared names,
	// nullability and descriptions.
	full := array.NewRecordBatch(p.sch, cols, rec.NumRows())
	defer full.Release()
	n := int(rec.NumRows())
	for i := 0; i < n; {
		y := years.Value(i)
		j := i + 1
		for j < n && years.Value(j) == y {
			j++
		}
		if p.fw == nil || y != p.year {
			if err := p.close(); err != nil {
				return err
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := p.open(y); err != nil {
				return err
			}
		}
		for k := int64(i); k < int64(j); {
			m := min(int64(j)-k, batchRows-p.inGrp)
			part := full.NewSlice(k, k+m)
			err := p.fw.WriteBuffered(part)
			part.Release()
			if err != nil {
				return err
			}
			k += m
			if p.inGrp += m; p.inGrp == batchRows {
				if err := p.fw.NewBufferedRowGroupChecked(); err != nil {
					return err
				}
				p.inGrp = 0
			}
		}
		i = j
	}
	return nil
}

func (p *partWriter) open(year int32) error {
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
	p.f, p.bw, p.year, p.inGrp = f, bufio.NewWriterSize(f, 1<<20), year, 0
	p.fw, err = pqarrow.NewFileWriter(p.sch, p.bw, writerProps(), pqarrow.NewArrowWriterProperties(pqarrow.WithStoreSchema()))
	if err != nil {
		f.Close()
		p.fw = nil
		return err
	}
	return nil
}

// close finishes the current year's file, if any.
func (p *partWriter) close() error {
	if p.fw == nil {
		return nil
	}
	err := p.fw.Close()
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
}

// writerProps are fixed so that the same rows give the same bytes.
//
// report_id is written plain, not dictionary-encoded: hashing a 64-byte
// key for every row was the largest single cost of the export, and the
// rows are sorted by it, so zstd folds its runs of repeats about as well
// as a dictionary would.
func writerProps() *parquet.WriterProperties {
	return parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Zstd),
		parquet.WithMaxRowGroupLength(batchRows),
		parquet.WithCreatedBy("govreport"),
		parquet.WithDictionaryFor("report_id", false),
	)
}
