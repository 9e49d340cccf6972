package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govreport/govreport/queries"
)

// analystsDoc is the analysts' section of the README, relative to this
// package's directory.
const analystsDoc = "../../../README.md"

// fence is one fenced code block of a Markdown file.
type fence struct {
	lang  string
	line  int // line number of the opening fence
	lines []string
}

func fences(md string) []fence {
	var out []fence
	var cur *fence
	for i, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case cur == nil && strings.HasPrefix(trimmed, "```"):
			cur = &fence{lang: strings.TrimSpace(strings.TrimPrefix(trimmed, "```")), line: i + 1}
		case cur != nil && trimmed == "```":
			out = append(out, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	return out
}

// shellWords splits a command line as a POSIX shell would for the simple
// commands the docs show: words, '…' and "…" quoting, backslash escapes.
// Pipes, redirections, substitutions and the like are refused, since the
// test could not run them as written.
func shellWords(line string) ([]string, error) {
	var words []string
	var w strings.Builder
	inWord := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == ' ' || c == '\t':
			if inWord {
				words = append(words, w.String())
				w.Reset()
				inWord = false
			}
		case c == '\'':
			j := strings.IndexByte(line[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unterminated ' in %q", line)
			}
			w.WriteString(line[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(line) && line[i] != '"'; i++ {
				if line[i] == '\\' && i+1 < len(line) && strings.IndexByte("\"\\$`", line[i+1]) >= 0 {
					i++
				} else if line[i] == '$' || line[i] == '`' {
					return nil, fmt.Errorf("substitution inside \"…\" in %q", line)
				}
				w.WriteByte(line[i])
			}
			if i >= len(line) {
				return nil, fmt.Errorf("unterminated \" in %q", line)
			}
			inWord = true
		case c == '\\' && i+1 < len(line):
			i++
			w.WriteByte(line[i])
			inWord = true
		case strings.IndexByte("|&;<>()$`#*?", c) >= 0:
			return nil, fmt.Errorf("shell syntax %q in %q: keep doc examples to one plain command", c, line)
		default:
			w.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words, nil
}

func TestShellWords(t *testing.T) {
	tests := []struct {
		line string
		want []string
		err  bool
	}{
		{`govreport query a --param year=2022`, []string{"govreport", "query", "a", "--param", "year=2022"}, false},
		{`govreport sql "SELECT 'x' AS \"y\"" -f json`, []string{"govreport", "sql", `SELECT 'x' AS "y"`, "-f", "json"}, false},
		{`a 'b c'd\ e`, []string{"a", "b cd e"}, false},
		{`a | head`, nil, true},
		{`a "$HOME"`, nil, true},
		{`a "open`, nil, true},
	}
	for _, tt := range tests {
		got, err := shellWords(tt.line)
		if (err != nil) != tt.err || strings.Join(got, "\x00") != strings.Join(tt.want, "\x00") {
			t.Errorf("shellWords(%q) = %q, %v; want %q (error %v)", tt.line, got, err, tt.want, tt.err)
		}
	}
}

// TestAnalystsDoc runs the examples of the README against the fixture
// warehouse, from a directory whose data/ is that warehouse, so that every
// path in the doc resolves as written:
//   - every `govreport …` line of a sh block must exit 0;
//   - a text block starting with "$ govreport …" must show that command's
//     output exactly;
//   - every sql block must run on the database (read-only) and return rows;
//   - every canned query must have an example.
func TestAnalystsDoc(t *testing.T) {
	md, err := os.ReadFile(analystsDoc)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("GOVREPORT_DATA", "")
	data := queryFixture(t)
	t.Chdir(filepath.Dir(data))

	queryExamples := map[string]bool{}
	commands, sqlBlocks := 0, 0
	for _, f := range fences(string(md)) {
		switch f.lang {
		case "sh", "bash", "shell", "console":
			for _, line := range f.lines {
				line = strings.TrimPrefix(strings.TrimSpace(line), "$ ")
				if !strings.HasPrefix(line, "govreport ") {
					continue
				}
				commands++
				args, err := shellWords(line)
				if err != nil {
					t.Errorf("%s:%d: %v", analystsDoc, f.line, err)
					continue
				}
				if len(args) > 2 && args[1] == "query" {
					queryExamples[args[2]] = true
				}
				code, _, errOut := runGovreport(nil, args[1:]...)
				if code != 0 {
					t.Errorf("%s:%d: %s: exit %d: %s", analystsDoc, f.line, line, code, errOut)
				}
			}
		case "text":
			if len(f.lines) == 0 || !strings.HasPrefix(f.lines[0], "$ govreport ") {
				continue
			}
			commands++
			args, err := shellWords(strings.TrimPrefix(f.lines[0], "$ "))
			if err != nil {
				t.Errorf("%s:%d: %v", analystsDoc, f.line, err)
				continue
			}
			code, out, errOut := runGovreport(nil, args[1:]...)
			want := strings.Join(f.lines[1:], "\n") + "\n"
			if code != 0 || out != want {
				t.Errorf("%s:%d: %s: exit %d %s\ngot:\n%s\nthe doc shows:\n%s", analystsDoc, f.line, f.lines[0], code, errOut, out, want)
			}
		case "sql":
			sqlBlocks++
			checkSQLBlock(t, f)
		}
	}
	if commands < 10 || sqlBlocks < 3 {
		t.Errorf("found %d govreport commands and %d sql blocks in %s; the examples were not found", commands, sqlBlocks, analystsDoc)
	}
	for _, q := range queries.List() {
		if !queryExamples[q.Name] {
			t.Errorf("%s has no `govreport query %s` example", analystsDoc, q.Name)
		}
	}
}

var sqlComment = regexp.MustCompile(`(?m)^\s*--.*$`)

func checkSQLBlock(t *testing.T, f fence) {
	t.Helper()
	text := strings.Join(f.lines, "\n")
	if strings.TrimSpace(sqlComment.ReplaceAllString(text, "")) == "" {
		return
	}
	db, err := queries.Open("data")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(text)
	if err != nil {
		t.Errorf("%s:%d: sql block: %v", analystsDoc, f.line, err)
		return
	}
	defer rows.Close()
	if !rows.Next() {
		t.Errorf("%s:%d: sql block returns no rows on the fixture (err %v)", analystsDoc, f.line, rows.Err())
	}
}
