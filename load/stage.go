package load

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"strings"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet"
	"github.com/apache/arrow-go/v18/parquet/compress"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
	"github.com/govreport/govreport/report"
	"github.com/govreport/govreport/schema"
)

// cellStage collects the cells of one Put as an Arrow record batch built
// against the declaration of cells, and inserts them with one vectorised
// INSERT … SELECT FROM read_parquet of a scratch file. The Appender costs
// a cgo call and an interface conversion per value (six strings a cell);
// this path costs a memcpy per value in Go and lets DuckDB parse the batch
// in its own vectorised reader.
type cellStage struct {
	b                   *array.RecordBuilder
	id, table, row, col *array.StringBuilder
	year                *array.Int32Builder
	value               *array.Float64Builder
	raw, loc            *array.StringBuilder
	n                   int
}

// stagePattern names the scratch files of cellStage in the data directory.
const stagePattern = ".stage-cells-*.parquet"

func newCellStage() *cellStage {
	b := array.NewRecordBuilder(memory.DefaultAllocator, schema.Cells.Schema)
	s := &cellStage{b: b}
	for i, f := range schema.Cells.Schema.Fields() {
		switch f.Name {
		case "report_id":
			s.id = b.Field(i).(*array.StringBuilder)
		case "year":
			s.year = b.Field(i).(*array.Int32Builder)
		case "table_name":
			s.table = b.Field(i).(*array.StringBuilder)
		case "row_code":
			s.row = b.Field(i).(*array.StringBuilder)
		case "col_code":
			s.col = b.Field(i).(*array.StringBuilder)
		case "value":
			s.value = b.Field(i).(*array.Float64Builder)
		case "raw_text":
			s.raw = b.Field(i).(*array.StringBuilder)
		case "locator":
			s.loc = b.Field(i).(*array.StringBuilder)
		}
	}
	return s
}

// valid reports whether every column of the declaration has a builder of
// the expected type (the declaration is the contract; a change there must
// fail loudly rather than silently drop a column).
func (s *cellStage) valid() error {
	if s.id == nil || s.year == nil || s.table == nil || s.row == nil || s.col == nil ||
		s.value == nil || s.raw == nil || s.loc == nil || schema.Cells.Schema.NumFields() != 8 {
		return fmt.Errorf("cells declaration does not match the loader's columns")
	}
	return nil
}

// reserve sizes the builders for the cells of cs (an upper bound when
// a key has several copies, of which one is kept), so that building a
// batch copies each value once instead of regrowing the buffers.
func (s *cellStage) reserve(cs []copyInfo) {
	var n, id, table, row, col, raw, loc int
	for _, cp := range cs {
		rep := cp.rep
		n += len(rep.Cells)
		id += len(rep.Cells) * len(cp.id)
		for i := range rep.Cells {
			c := &rep.Cells[i]
			table += len(c.Table)
			row += len(c.Row)
			col += len(c.Col)
			raw += len(c.Raw)
			loc += len(c.Locator)
		}
	}
	for _, b := range []array.Builder{s.id, s.year, s.table, s.row, s.col, s.value, s.raw, s.loc} {
		b.Reserve(n)
	}
	s.id.ReserveData(id)
	s.table.ReserveData(table)
	s.row.ReserveData(row)
	s.col.ReserveData(col)
	s.raw.ReserveData(raw)
	s.loc.ReserveData(loc)
}

// add appends the cells of one report (already in their stored order).
func (s *cellStage) add(id string, year int32, cells []report.Cell) {
	for i := range cells {
		c := &cells[i]
		s.id.Append(id)
		s.year.Append(year)
		s.table.Append(c.Table)
		s.row.Append(c.Row)
		s.col.Append(c.Col)
		if c.Value == nil {
			s.value.AppendNull()
		} else {
			s.value.Append(*c.Value)
		}
		appendNullStr(s.raw, c.Raw)
		appendNullStr(s.loc, c.Locator)
	}
	s.n += len(cells)
}

func appendNullStr(b *array.StringBuilder, v string) {
	if v == "" {
		b.AppendNull()
		return
	}
	b.Append(v)
}

func (s *cellStage) release() { s.b.Release() }

// insert writes the collected cells to a scratch Parquet file in dir and
// inserts them into cells on conn (inside the caller's transaction).
func (s *cellStage) insert(ctx context.Context, conn *sql.Conn, dir string) error {
	if s.n == 0 {
		return nil
	}
	rec := s.b.NewRecordBatch()
	defer rec.Release()
	f, err := os.CreateTemp(dir, stagePattern)
	if err != nil {
		return fmt.Errorf("stage cells: %w", err)
	}
	path := f.Name()
	defer os.Remove(path)
	if err := writeStage(f, rec); err != nil {
		f.Close()
		return fmt.Errorf("stage cells: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("stage cells: %w", err)
	}
	cols := make([]string, 0, rec.NumCols())
	for _, fd := range schema.Cells.Schema.Fields() {
		cols = append(cols, fd.Name)
	}
	list := strings.Join(cols, ", ")
	q := fmt.Sprintf("INSERT INTO cells (%s) SELECT %s FROM read_parquet('%s')", list, list, strings.ReplaceAll(path, "'", "''"))
	if _, err := conn.ExecContext(ctx, q); err != nil {
		return fmt.Errorf("insert cells: %w", err)
	}
	s.n = 0
	return nil
}

// writeStage writes rec as one uncompressed Parquet file: the file lives
// for one INSERT, so encoding it is spent time, not saved space.
// Plain encoding throughout: hashing every string for a dictionary costs
// more in Go than it saves DuckDB in reading.
func writeStage(f *os.File, rec arrow.RecordBatch) error {
	bw := bufio.NewWriterSize(f, 1<<20)
	props := parquet.NewWriterProperties(
		parquet.WithCompression(compress.Codecs.Uncompressed),
		parquet.WithStats(false),
		parquet.WithDictionaryDefault(false),
		parquet.WithMaxRowGroupLength(64*1024),
	)
	fw, err := pqarrow.NewFileWriter(rec.Schema(), bw, props, pqarrow.DefaultWriterProps())
	if err != nil {
		return err
	}
	if err := fw.Write(rec); err != nil {
		fw.Close()
		return err
	}
	if err := fw.Close(); err != nil {
		return err
	}
	return bw.Flush()
}
