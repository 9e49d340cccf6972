package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// Region is where the body sits in the GB/T 2260 hierarchy. A level that
// does not apply is empty and omitted from JSON.
type Region struct {
	Province string `json:"province,omitempty"`
	City     string `json:"city,omitempty"`
	County   string `json:"county,omitempty"`
	// Code is the GB/T 2260 code of the deepest level resolved, when known.
	Code string `json:"code,omitempty"`
}

// Cell is one value of one table. For review_litigation, Row is the group
// (review, suit_direct, suit_after_review) and Col the outcome, so that the
// flat JSON key is Row + "_" + Col.
type Cell struct {
	Table string `json:"table"`
	Row   string `json:"row"`
	Col   string `json:"col"`
	// Value is nil where the document leaves the cell blank.
	Value *float64 `json:"value"`
	// Raw is the text as the document prints it, before normalisation.
	Raw string `json:"raw,omitempty"`
	// Locator says where in the document the value stands: "t2/r5/c3" for
	// a table grid, "p3/x,y,w,h" for a PDF page box.
	Locator string `json:"locator,omitempty"`
}

// Key is the cell's flat key inside its table's JSON object.
func (c Cell) Key() string {
	if c.Table == TableReviewLitigation {
		return ReviewCode(c.Row, c.Col)
	}
	return c.Row + "." + c.Col
}

// Issue is a broken identity, an implausible value or a reading problem.
type Issue struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Cells    []string `json:"cells,omitempty"`
	Expected *float64 `json:"expected,omitempty"`
	Actual   *float64 `json:"actual,omitempty"`
}

// Source records where a report came from. It is provenance, not part of
// the canonical form, and is empty for a bare `extract FILE`.
type Source struct {
	URL    string `json:"url,omitempty"`
	SHA256 string `json:"sha256,omitempty"`
	Path   string `json:"path,omitempty"`
	Source string `json:"source,omitempty"`
	Title  string `json:"title,omitempty"`
}

// Report is the canonical form of one annual report.
type Report struct {
	Template  string
	Year      int
	Agency    string
	Region    Region
	Published string // ISO date or empty
	Cells     []Cell
	Issues    []Issue

	// Provenance, emitted after the canonical keys.
	Format           string
	ExtractorVersion string
	Source           Source
}

// Float returns a pointer to v, for building cells.
func Float(v float64) *float64 { return &v }

// Get returns the cell at table/row/col and whether it exists.
func (r *Report) Get(table, row, col string) (Cell, bool) {
	for _, c := range r.Cells {
		if c.Table == table && c.Row == row && c.Col == col {
			return c, true
		}
	}
	return Cell{}, false
}

// Set adds or replaces a cell.
func (r *Report) Set(c Cell) {
	for i := range r.Cells {
		if r.Cells[i].Table == c.Table && r.Cells[i].Row == c.Row && r.Cells[i].Col == c.Col {
			r.Cells[i] = c
			return
		}
	}
	r.Cells = append(r.Cells, c)
}

// HasTable reports whether any cell of the table is present.
func (r *Report) HasTable(table string) bool {
	for _, c := range r.Cells {
		if c.Table == table {
			return true
		}
	}
	return false
}

// AddIssue appends an issue.
func (r *Report) AddIssue(is Issue) { r.Issues = append(r.Issues, is) }

// SortCells puts the cells in template order: table, then row, then column,
// so that JSON output and loaded rows are stable.
func (r *Report) SortCells() {
	sort.SliceStable(r.Cells, func(i, j int) bool {
		a, b := r.Cells[i], r.Cells[j]
		if x, y := orderOf(tableOrder, a.Table), orderOf(tableOrder, b.Table); x != y {
			return x < y
		}
		if x, y := rowOrder(a), rowOrder(b); x != y {
			return x < y
		}
		return colOrder(a) < colOrder(b)
	})
}

var (
	tableOrder = indexOf(Tables)
	reqRowOrd  = indexOf(RequestRowCodes())
	reqColOrd  = indexOf(RequestColCodes())
	proColOrd  = indexOf(ProactiveColCodes())
	proRowOrd  = func() map[string]int {
		m := map[string]int{}
		for _, r := range Proactive2019 {
			m[r.Code] = len(m)
		}
		return m
	}()
	revGrpOrd = codeIndex(ReviewGroups)
	revOutOrd = codeIndex(ReviewOutcomes)
)

func indexOf(s []string) map[string]int {
	m := make(map[string]int, len(s))
	for i, v := range s {
		m[v] = i
	}
	return m
}

func codeIndex(cs []Code) map[string]int {
	m := make(map[string]int, len(cs))
	for i, c := range cs {
		m[c.Code] = i
	}
	return m
}

func orderOf(m map[string]int, k string) int {
	if i, ok := m[k]; ok {
		return i
	}
	return len(m)
}

func rowOrder(c Cell) int {
	switch c.Table {
	case TableProactive:
		return orderOf(proRowOrd, c.Row)
	case TableRequests:
		return orderOf(reqRowOrd, c.Row)
	default:
		return orderOf(revGrpOrd, c.Row)
	}
}

func colOrder(c Cell) int {
	switch c.Table {
	case TableProactive:
		return orderOf(proColOrd, c.Col)
	case TableRequests:
		return orderOf(reqColOrd, c.Col)
	default:
		return orderOf(revOutOrd, c.Col)
	}
}

// jsonProvenance is one entry of the "provenance" key: where each value
// came from, in the same order as the cells.
type jsonProvenance struct {
	Table   string `json:"table"`
	Key     string `json:"key"`
	Raw     string `json:"raw,omitempty"`
	Locator string `json:"locator,omitempty"`
}

// MarshalJSON writes the JSON form of SCHEMA.md with keys in template order,
// followed by the provenance keys.
func (r Report) MarshalJSON() ([]byte, error) {
	r.Cells = append([]Cell(nil), r.Cells...)
	r.SortCells()
	var b bytes.Buffer
	b.WriteByte('{')
	field := func(name string, v any) error {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		b.Write(k)
		b.WriteByte(':')
		enc, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("marshal %s: %w", name, err)
		}
		b.Write(enc)
		return nil
	}
	raw := func(name string, enc []byte) {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(name)
		b.Write(k)
		b.WriteByte(':')
		b.Write(enc)
	}
	var year any
	if r.Year != 0 {
		year = r.Year
	}
	var published any
	if r.Published != "" {
		published = r.Published
	}
	var agency any
	if r.Agency != "" {
		agency = r.Agency
	}
	for _, f := range []struct {
		k string
		v any
	}{{"template", r.Template}, {"year", year}, {"agency", agency}, {"region", r.Region}, {"published", published}} {
		if err := field(f.k, f.v); err != nil {
			return nil, err
		}
	}
	for _, t := range Tables {
		raw(t, r.tableJSON(t))
	}
	issues := r.Issues
	if issues == nil {
		issues = []Issue{}
	}
	if err := field("issues", issues); err != nil {
		return nil, err
	}
	if r.Format != "" {
		if err := field("format", r.Format); err != nil {
			return nil, err
		}
	}
	if r.ExtractorVersion != "" {
		if err := field("extractor_version", r.ExtractorVersion); err != nil {
			return nil, err
		}
	}
	if r.Source != (Source{}) {
		if err := field("source", r.Source); err != nil {
			return nil, err
		}
	}
	prov := make([]jsonProvenance, 0, len(r.Cells))
	for _, c := range r.Cells {
		if c.Raw == "" && c.Locator == "" {
			continue
		}
		prov = append(prov, jsonProvenance{Table: c.Table, Key: c.Key(), Raw: c.Raw, Locator: c.Locator})
	}
	if len(prov) > 0 {
		if err := field("provenance", prov); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// tableJSON writes one table as nested objects in template order, or null
// when the report has no cell of it.
func (r *Report) tableJSON(table string) []byte {
	var b bytes.Buffer
	lastRow := "\x00"
	n := 0
	for _, c := range r.Cells {
		if c.Table != table {
			continue
		}
		val := []byte("null")
		if c.Value != nil {
			val, _ = json.Marshal(*c.Value)
		}
		if table == TableReviewLitigation {
			if n == 0 {
				b.WriteByte('{')
			} else {
				b.WriteByte(',')
			}
			k, _ := json.Marshal(c.Key())
			b.Write(k)
			b.WriteByte(':')
			b.Write(val)
			n++
			continue
		}
		if c.Row != lastRow {
			if n == 0 {
				b.WriteByte('{')
			} else {
				b.WriteString("},")
			}
			k, _ := json.Marshal(c.Row)
			b.Write(k)
			b.WriteString(":{")
			lastRow = c.Row
		} else {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(c.Col)
		b.Write(k)
		b.WriteByte(':')
		b.Write(val)
		n++
	}
	if n == 0 {
		return []byte("null")
	}
	if table != TableReviewLitigation {
		b.WriteByte('}')
	}
	b.WriteByte('}')
	return b.Bytes()
}

type jsonReport struct {
	Template         string                         `json:"template"`
	Year             *int                           `json:"year"`
	Agency           *string                        `json:"agency"`
	Region           Region                         `json:"region"`
	Published        *string                        `json:"published"`
	Proactive        map[string]map[string]*float64 `json:"proactive"`
	Requests         map[string]map[string]*float64 `json:"requests"`
	ReviewLitigation map[string]*float64            `json:"review_litigation"`
	Issues           []Issue                        `json:"issues"`
	Format           string                         `json:"format"`
	ExtractorVersion string                         `json:"extractor_version"`
	Source           Source                         `json:"source"`
	Provenance       []jsonProvenance               `json:"provenance"`
}

// UnmarshalJSON reads the JSON form written by MarshalJSON (or by hand, as
// in the golden files).
func (r *Report) UnmarshalJSON(data []byte) error {
	var j jsonReport
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*r = Report{Template: j.Template, Region: j.Region, Issues: j.Issues,
		Format: j.Format, ExtractorVersion: j.ExtractorVersion, Source: j.Source}
	if j.Year != nil {
		r.Year = *j.Year
	}
	if j.Agency != nil {
		r.Agency = *j.Agency
	}
	if j.Published != nil {
		r.Published = *j.Published
	}
	for row, cols := range j.Proactive {
		for col, v := range cols {
			r.Cells = append(r.Cells, Cell{Table: TableProactive, Row: row, Col: col, Value: v})
		}
	}
	for row, cols := range j.Requests {
		for col, v := range cols {
			r.Cells = append(r.Cells, Cell{Table: TableRequests, Row: row, Col: col, Value: v})
		}
	}
	for key, v := range j.ReviewLitigation {
		g, o, ok := SplitReviewCode(key)
		if !ok {
			return fmt.Errorf("review_litigation: unknown code %q", key)
		}
		r.Cells = append(r.Cells, Cell{Table: TableReviewLitigation, Row: g, Col: o, Value: v})
	}
	r.SortCells()
	prov := make(map[string]jsonProvenance, len(j.Provenance))
	for _, p := range j.Provenance {
		prov[p.Table+"/"+p.Key] = p
	}
	for i, c := range r.Cells {
		if p, ok := prov[c.Table+"/"+c.Key()]; ok {
			r.Cells[i].Raw, r.Cells[i].Locator = p.Raw, p.Locator
		}
	}
	return nil
}

// SplitReviewCode splits a flat review_litigation code into group and
// outcome.
func SplitReviewCode(code string) (group, outcome string, ok bool) {
	for _, g := range ReviewGroups {
		for _, o := range ReviewOutcomes {
			if ReviewCode(g.Code, o.Code) == code {
				return g.Code, o.Code, true
			}
		}
	}
	return "", "", false
}
