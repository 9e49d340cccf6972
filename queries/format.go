package queries

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"
)

// ResultColumn is one column of a result as the database reports it.
type ResultColumn struct {
	Name string
	// Type is DuckDB's type name (INTEGER, DOUBLE, VARCHAR, DATE …).
	Type string
}

// RowWriter receives a result: the header once, then each row, then Close.
// The values passed to Row are only valid during the call.
type RowWriter interface {
	Header(cols []ResultColumn) error
	Row(vals []any) error
	Close() error
}

// Output formats.
const (
	FormatTable    = "table"
	FormatCSV      = "csv"
	FormatJSON     = "json"
	FormatMarkdown = "markdown"
)

// Formats lists the output formats in the order help text shows them.
var Formats = []string{FormatTable, FormatCSV, FormatJSON, FormatMarkdown}

// NewWriter returns a RowWriter that writes format to w.
//
// NULL is written as an empty field in csv and markdown, null in json, and
// NULL in the table format (so that it differs from empty text there).
func NewWriter(w io.Writer, format string) (RowWriter, error) {
	switch format {
	case FormatTable:
		return &tableWriter{w: w}, nil
	case FormatCSV:
		return &csvWriter{w: csv.NewWriter(w)}, nil
	case FormatJSON:
		return &jsonWriter{w: bufio.NewWriter(w)}, nil
	case FormatMarkdown:
		return &markdownWriter{w: bufio.NewWriter(w)}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want %s", format, strings.Join(Formats, ", "))
}

// isNumericType reports whether a DuckDB type holds numbers, which the
// table and Markdown formats align right.
func isNumericType(t string) bool {
	t = strings.ToUpper(t)
	if strings.HasPrefix(t, "DECIMAL") {
		return true
	}
	switch t {
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
		"UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
		"FLOAT", "DOUBLE", "REAL":
		return true
	}
	return false
}

// formatValue renders one value as text; ok is false for NULL.
func formatValue(v any, typ string) (s string, ok bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case []byte:
		if u, ok := uuidString(x, typ); ok {
			return u, true
		}
		return string(x), true
	case float64:
		return formatFloat(x), true
	case float32:
		return formatFloat(float64(x)), true
	case bool:
		return strconv.FormatBool(x), true
	case time.Time:
		switch strings.ToUpper(typ) {
		case "DATE":
			return x.Format(time.DateOnly), true
		case "TIME":
			return x.Format("15:04:05.999999"), true
		case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_TZ":
			return x.Format("2006-01-02 15:04:05.999999Z07:00"), true
		}
		return x.Format("2006-01-02 15:04:05.999999"), true
	case *big.Int:
		if x == nil {
			return "", false
		}
		return x.String(), true
	case fmt.Stringer:
		return x.String(), true
	case []any, map[string]any:
		// LIST and STRUCT values: written as JSON, which reads better
		// than Go's own form and parses back.
		if b, err := json.Marshal(x); err == nil {
			return string(b), true
		}
	}
	return fmt.Sprint(v), true
}

// uuidString writes a UUID, which the driver returns as 16 raw bytes, in
// its usual hex form.
func uuidString(b []byte, typ string) (string, bool) {
	if len(b) != 16 || !strings.EqualFold(typ, "UUID") {
		return "", false
	}
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16]), true
}

// formatFloat writes a float without exponent for ordinary magnitudes, so
// counts stored as DOUBLE print as integers ("12", not "12.0" or "1.2e+01").
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	if a := math.Abs(f); a != 0 && (a >= 1e21 || a < 1e-9) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// csvWriter writes RFC 4180 CSV with a header line.
type csvWriter struct {
	w    *csv.Writer
	cols []ResultColumn
	buf  []string
}

func (c *csvWriter) Header(cols []ResultColumn) error {
	c.cols = cols
	c.buf = make([]string, len(cols))
	for i, col := range cols {
		c.buf[i] = col.Name
	}
	return c.w.Write(c.buf)
}

func (c *csvWriter) Row(vals []any) error {
	for i, v := range vals {
		c.buf[i], _ = formatValue(v, c.cols[i].Type)
	}
	return c.w.Write(c.buf)
}

func (c *csvWriter) Close() error {
	c.w.Flush()
	return c.w.Error()
}

// jsonWriter writes a JSON array of objects, one object per line, keys in
// column order.
type jsonWriter struct {
	w    *bufio.Writer
	cols []ResultColumn
	keys [][]byte
	n    int
}

func (j *jsonWriter) Header(cols []ResultColumn) error {
	j.cols = cols
	j.keys = make([][]byte, len(cols))
	for i, c := range cols {
		k, err := json.Marshal(c.Name)
		if err != nil {
			return err
		}
		j.keys[i] = k
	}
	_, err := j.w.WriteString("[")
	return err
}

func (j *jsonWriter) Row(vals []any) error {
	if j.n > 0 {
		j.w.WriteString(",")
	}
	j.n++
	j.w.WriteString("\n{")
	for i, v := range vals {
		if i > 0 {
			j.w.WriteByte(',')
		}
		j.w.Write(j.keys[i])
		j.w.WriteByte(':')
		b, err := jsonValue(v, j.cols[i].Type)
		if err != nil {
			return fmt.Errorf("column %s: %w", j.cols[i].Name, err)
		}
		j.w.Write(b)
	}
	_, err := j.w.WriteString("}")
	return err
}

func (j *jsonWriter) Close() error {
	if j.n > 0 {
		j.w.WriteString("\n")
	}
	j.w.WriteString("]\n")
	return j.w.Flush()
}

// jsonValue encodes numbers as JSON numbers, NULL as null, dates and
// times as strings in the same form as the text formats.
func jsonValue(v any, typ string) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return []byte("null"), nil
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return json.Marshal(formatFloat(x))
		}
		return []byte(formatFloat(x)), nil
	case float32:
		return jsonValue(float64(x), typ)
	case int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64, bool:
		return json.Marshal(x)
	case *big.Int:
		if x == nil {
			return []byte("null"), nil
		}
		return []byte(x.String()), nil
	case string:
		return marshalNoEscape(x)
	case time.Time:
		s, _ := formatValue(x, typ)
		return json.Marshal(s)
	case []byte:
		s, _ := formatValue(x, typ)
		return marshalNoEscape(s)
	}
	if isNumericType(typ) {
		if s, ok := formatValue(v, typ); ok {
			if _, err := strconv.ParseFloat(s, 64); err == nil {
				return []byte(s), nil
			}
		}
	}
	if b, err := json.Marshal(v); err == nil {
		return b, nil
	}
	s, _ := formatValue(v, typ)
	return json.Marshal(s)
}

// marshalNoEscape keeps <, > and & as they are: the output is data, not
// HTML.
func marshalNoEscape(s string) ([]byte, error) {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return []byte(strings.TrimSuffix(b.String(), "\n")), nil
}

// markdownWriter writes a GitHub-flavoured Markdown table; numeric
// columns are right-aligned.
type markdownWriter struct {
	w    *bufio.Writer
	cols []ResultColumn
}

func (m *markdownWriter) Header(cols []ResultColumn) error {
	m.cols = cols
	m.w.WriteString("|")
	for _, c := range cols {
		m.w.WriteString(" " + markdownEscape(c.Name) + " |")
	}
	m.w.WriteString("\n|")
	for _, c := range cols {
		if isNumericType(c.Type) {
			m.w.WriteString("---:|")
		} else {
			m.w.WriteString("---|")
		}
	}
	_, err := m.w.WriteString("\n")
	return err
}

func (m *markdownWriter) Row(vals []any) error {
	m.w.WriteString("|")
	for i, v := range vals {
		s, _ := formatValue(v, m.cols[i].Type)
		m.w.WriteString(" " + markdownEscape(s) + " |")
	}
	_, err := m.w.WriteString("\n")
	return err
}

func (m *markdownWriter) Close() error { return m.w.Flush() }

var markdownReplacer = strings.NewReplacer("\\", "\\\\", "|", "\\|", "\r\n", "<br>", "\n", "<br>", "\r", "<br>")

func markdownEscape(s string) string { return markdownReplacer.Replace(s) }

// tableWriter writes an aligned plain-text table for terminals. It holds
// every row until Close, since the widths depend on all of them.
type tableWriter struct {
	w    io.Writer
	cols []ResultColumn
	rows [][]string
}

// tableNull is how the table format shows NULL.
const tableNull = "NULL"

func (t *tableWriter) Header(cols []ResultColumn) error {
	t.cols = cols
	return nil
}

func (t *tableWriter) Row(vals []any) error {
	r := make([]string, len(vals))
	for i, v := range vals {
		s, ok := formatValue(v, t.cols[i].Type)
		if !ok {
			s = tableNull
		}
		r[i] = oneLine(s)
	}
	t.rows = append(t.rows, r)
	return nil
}

func (t *tableWriter) Close() error {
	widths := make([]int, len(t.cols))
	right := make([]bool, len(t.cols))
	head := make([]string, len(t.cols))
	headW := make([]int, len(t.cols))
	rule := make([]string, len(t.cols))
	for i, c := range t.cols {
		head[i] = c.Name
		headW[i] = DisplayWidth(c.Name)
		widths[i] = headW[i]
		right[i] = isNumericType(c.Type)
	}
	// Each cell's width is measured once, for the column width and again
	// for its padding.
	cellW := make([][]int, len(t.rows))
	for r, row := range t.rows {
		cellW[r] = make([]int, len(row))
		for i, s := range row {
			cellW[r][i] = DisplayWidth(s)
			widths[i] = max(widths[i], cellW[r][i])
		}
	}
	for i := range t.cols {
		rule[i] = strings.Repeat("-", widths[i])
	}
	bw := bufio.NewWriter(t.w)
	var b strings.Builder
	line := func(cells []string, cw []int) {
		b.Reset()
		for i, s := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := widths[i] - cw[i]
			if right[i] {
				b.WriteString(strings.Repeat(" ", pad))
				b.WriteString(s)
			} else {
				b.WriteString(s)
				b.WriteString(strings.Repeat(" ", pad))
			}
		}
		bw.WriteString(strings.TrimRight(b.String(), " "))
		bw.WriteByte('\n')
	}
	line(head, headW)
	line(rule, widths)
	for r, row := range t.rows {
		line(row, cellW[r])
	}
	return bw.Flush()
}

// oneLine keeps a table row on one line: control characters (newlines,
// tabs) become spaces.
func oneLine(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// DisplayWidth is the number of terminal columns s takes: East Asian wide
// and fullwidth characters (汉字, fullwidth punctuation) take two,
// combining marks and zero-width characters none, everything else one.
func DisplayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch {
	case r >= 0x20 && r < 0x7f:
		return 1
	case r == 0x200B || r == 0x200C || r == 0x200D || r == 0xFEFF:
		return 0
	case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Cf, r):
		return 0
	}
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}
