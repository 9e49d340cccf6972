package queries

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// placeholder is one :name in the SQL text, at byte offsets [start, end).
type placeholder struct {
	name       string
	start, end int
}

// placeholders finds every :name outside string literals, quoted
// identifiers and comments. A "::" is DuckDB's cast operator, not a
// parameter.
func placeholders(sqlText string) []placeholder {
	var out []placeholder
	s := sqlText
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			// Quoted text ends at the next unpaired quote ('' and ""
			// escape the quote inside).
			j := i + 1
			for j < len(s) {
				if s[j] == c {
					if j+1 < len(s) && s[j+1] == c {
						j += 2
						continue
					}
					break
				}
				j++
			}
			i = j + 1
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return out
			}
			i += j + 1
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return out
			}
			i += j + 4
		case c == ':' && i+1 < len(s) && s[i+1] == ':':
			i += 2
		case c == ':' && i+1 < len(s) && isIdentStart(s[i+1]) && (i == 0 || !isIdentChar(s[i-1])):
			j := i + 1
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			out = append(out, placeholder{name: s[i+1 : j], start: i, end: j})
			i = j
		default:
			i++
		}
	}
	return out
}

func isIdentStart(c byte) bool { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }
func isIdentChar(c byte) bool  { return isIdentStart(c) || (c >= '0' && c <= '9') }

// Bind checks the given parameter values against the query's declared
// parameters and returns the SQL with each :name replaced by a typed
// positional parameter, and the arguments to pass with it. A parameter not
// given is bound as NULL, which the queries read as "no filter".
//
// Errors name the parameter and what was wrong: an unknown name (with the
// valid ones), an empty value, or a value that is not of the declared type.
func (q Query) Bind(values map[string]string) (string, []any, error) {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	args := make([]any, len(q.Params))
	for _, k := range keys {
		v := values[k]
		p, ok := q.Param(k)
		if !ok {
			return "", nil, fmt.Errorf("query %s has no parameter %q; %s", q.Name, k, q.paramHint())
		}
		idx := q.paramIndex(k)
		if strings.TrimSpace(v) == "" {
			return "", nil, fmt.Errorf("parameter %s: empty value (leave the parameter out to mean no filter)", k)
		}
		switch p.Type {
		case TypeInteger:
			n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 32)
			if err != nil {
				return "", nil, fmt.Errorf("parameter %s=%q: not an integer", k, v)
			}
			args[idx] = int32(n)
		default:
			args[idx] = v
		}
	}
	var b strings.Builder
	last := 0
	for _, ph := range placeholders(q.SQL) {
		idx := q.paramIndex(ph.name)
		if idx < 0 {
			// Parse rejects such queries; a Query built by hand may still
			// carry one.
			return "", nil, fmt.Errorf("query %s: SQL uses undeclared parameter :%s", q.Name, ph.name)
		}
		b.WriteString(q.SQL[last:ph.start])
		typ := "VARCHAR"
		if q.Params[idx].Type == TypeInteger {
			typ = "INTEGER"
		}
		// The cast gives the parameter a type even where it is only
		// compared with NULL, which DuckDB could not infer otherwise.
		fmt.Fprintf(&b, "CAST($%d AS %s)", idx+1, typ)
		last = ph.end
	}
	b.WriteString(q.SQL[last:])
	return b.String(), args, nil
}

func (q Query) paramIndex(name string) int {
	for i, p := range q.Params {
		if p.Name == name {
			return i
		}
	}
	return -1
}

func (q Query) paramHint() string {
	if len(q.Params) == 0 {
		return "it takes none"
	}
	names := make([]string, len(q.Params))
	for i, p := range q.Params {
		names[i] = p.Name
	}
	return "it takes " + strings.Join(names, ", ")
}

// ParseParams splits "key=value" strings, as given to --param, into a map.
// A key given twice is an error rather than a silent override.
func ParseParams(kvs []string) (map[string]string, error) {
	out := make(map[string]string, len(kvs))
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("--param %q: want key=value, e.g. --param year=2022", kv)
		}
		if _, dup := out[k]; dup {
			return nil, fmt.Errorf("--param %s given twice", k)
		}
		out[k] = v
	}
	return out, nil
}
