package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
)

//go:embed *.sql
var files embed.FS

// Param is one optional parameter of a query.
type Param struct {
	Name string
	// Type is "integer" or "text"; values given on the command line are
	// checked against it before anything reaches the database.
	Type        string
	Description string
}

// Column describes one output column of a query.
type Column struct {
	Name        string
	Description string
}

// Query is one canned analysis.
type Query struct {
	// Name is the file name without .sql; it is what users type.
	Name    string
	Title   string
	Answers string
	// Notes is free text from the header: conventions, caveats.
	Notes   string
	Params  []Param
	Columns []Column
	// SQL is the whole file, header included.
	SQL string
}

// Param types a header may declare.
const (
	TypeInteger = "integer"
	TypeText    = "text"
)

// all holds the embedded queries. A header that does not parse is a
// build mistake that a test catches; at run time it surfaces as loadErr
// from Get rather than as a panic.
var all, loadErr = load(files)

func load(fsys fs.FS) ([]Query, error) {
	names, err := fs.Glob(fsys, "*.sql")
	if err != nil {
		return nil, fmt.Errorf("list queries: %w", err)
	}
	sort.Strings(names)
	var out []Query
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("read query %s: %w", n, err)
		}
		q, err := Parse(strings.TrimSuffix(path.Base(n), ".sql"), string(b))
		if err != nil {
			return out, err
		}
		out = append(out, q)
	}
	return out, nil
}

// List returns every canned query, sorted by name.
func List() []Query { return append([]Query(nil), all...) }

// Get returns the query called name. When there is none, the error names
// the closest ones.
func Get(name string) (Query, error) {
	if loadErr != nil {
		return Query{}, loadErr
	}
	for _, q := range all {
		if q.Name == name {
			return q, nil
		}
	}
	names := make([]string, len(all))
	for i, q := range all {
		names[i] = q.Name
	}
	if s := Suggest(name, names); len(s) > 0 {
		return Query{}, fmt.Errorf("unknown query %q: did you mean %s? (`govreport query list` shows them all)", name, strings.Join(s, " or "))
	}
	return Query{}, fmt.Errorf("unknown query %q: `govreport query list` shows them all", name)
}

// Param returns the declared parameter called name.
func (q Query) Param(name string) (Param, bool) {
	for _, p := range q.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

var (
	fieldRE = regexp.MustCompile(`^([a-z]+):\s*(.*)$`)
	nameRE  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
)

// Parse reads a query's header comment block. The block is the run of
// lines starting with "--" at the top of the file; each field starts with
// "key: value" and continues on lines indented by two or more spaces:
//
//	-- title: Disclosure rate per report
//	-- answers: What share of the requests a body handled did it grant?
//	-- param: year integer Report year.
//	-- column: rate (granted + partially_granted) / total_handled.
//	--   NULL when total_handled is 0 or blank.
//	-- notes: Blank cells count as 0.
//
// title and answers are required and appear once; param (name, type,
// description) and column (name, description) repeat; at least one column
// is required. Every :name in the SQL must be a declared parameter and
// every parameter must be used.
func Parse(name, text string) (Query, error) {
	q := Query{Name: name, SQL: text}
	if !nameRE.MatchString(name) {
		return q, fmt.Errorf("query %q: name must be lower-case letters, digits and _", name)
	}
	var last *string
	seen := map[string]bool{}
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, " \t\r")
		if !strings.HasPrefix(line, "--") {
			break
		}
		body := strings.TrimPrefix(line, "--")
		if strings.TrimSpace(body) == "" {
			last = nil
			continue
		}
		if strings.HasPrefix(body, "   ") || strings.HasPrefix(body, "\t") {
			if last == nil {
				return q, fmt.Errorf("query %s line %d: continuation line without a field", name, i+1)
			}
			*last += " " + strings.TrimSpace(body)
			continue
		}
		m := fieldRE.FindStringSubmatch(strings.TrimSpace(body))
		if m == nil {
			return q, fmt.Errorf("query %s line %d: want \"-- key: value\", got %q", name, i+1, line)
		}
		key, val := m[1], strings.TrimSpace(m[2])
		switch key {
		case "title", "answers", "notes":
			if seen[key] {
				return q, fmt.Errorf("query %s line %d: %s given twice", name, i+1, key)
			}
			seen[key] = true
			switch key {
			case "title":
				q.Title, last = val, &q.Title
			case "answers":
				q.Answers, last = val, &q.Answers
			default:
				q.Notes, last = val, &q.Notes
			}
		case "param":
			f := strings.Fields(val)
			if len(f) < 2 || !nameRE.MatchString(f[0]) || (f[1] != TypeInteger && f[1] != TypeText) {
				return q, fmt.Errorf("query %s line %d: want \"param: NAME integer|text DESCRIPTION\", got %q", name, i+1, val)
			}
			if _, dup := q.Param(f[0]); dup {
				return q, fmt.Errorf("query %s line %d: parameter %s declared twice", name, i+1, f[0])
			}
			q.Params = append(q.Params, Param{Name: f[0], Type: f[1], Description: restAfter(val, 2)})
			last = &q.Params[len(q.Params)-1].Description
		case "column":
			f := strings.Fields(val)
			if len(f) < 1 {
				return q, fmt.Errorf("query %s line %d: column without a name", name, i+1)
			}
			q.Columns = append(q.Columns, Column{Name: f[0], Description: restAfter(val, 1)})
			last = &q.Columns[len(q.Columns)-1].Description
		default:
			return q, fmt.Errorf("query %s line %d: unknown header field %q (want title, answers, notes, param, column)", name, i+1, key)
		}
	}
	switch {
	case q.Title == "":
		return q, fmt.Errorf("query %s: header has no title", name)
	case q.Answers == "":
		return q, fmt.Errorf("query %s: header has no answers", name)
	case len(q.Columns) == 0:
		return q, fmt.Errorf("query %s: header lists no column", name)
	}
	used := map[string]bool{}
	for _, p := range placeholders(text) {
		if _, ok := q.Param(p.name); !ok {
			return q, fmt.Errorf("query %s: SQL uses :%s, which the header does not declare", name, p.name)
		}
		used[p.name] = true
	}
	for _, p := range q.Params {
		if !used[p.Name] {
			return q, fmt.Errorf("query %s: parameter %s is declared but not used", name, p.Name)
		}
	}
	return q, nil
}

// restAfter returns s without its first n space-separated fields.
func restAfter(s string, n int) string {
	for range n {
		s = strings.TrimLeft(s, " \t")
		i := strings.IndexAny(s, " \t")
		if i < 0 {
			return ""
		}
		s = s[i:]
	}
	return strings.TrimSpace(s)
}

// Suggest returns the candidates close to name: those that contain it or
// are contained in it, or are within a small edit distance.
func Suggest(name string, candidates []string) []string {
	var out []string
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d <= max(2, len(name)/3) || (len(name) >= 3 && strings.Contains(c, strings.ToLower(name))) {
			out = append(out, c)
		}
	}
	return out
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
