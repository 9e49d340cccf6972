package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract"
	"github.com/govreport/govreport/report"
)

// e2eCase is testdata/e2e/<case>/case.json: a command line run in the
// case's folder, its exit status, the reports it must print (expected
// JSON files, checked by hand against their source documents), rules that
// must be among the first report's issues, and text stderr must contain.
type e2eCase struct {
	Args    []string `json:"args"`
	Exit    int      `json:"exit"`
	Reports []string `json:"reports"`
	Rules   []string `json:"rules"`
	Stderr  []string `json:"stderr"`
}

func TestEndToEnd(t *testing.T) {
	dirs, err := filepath.Glob("testdata/e2e/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, "case.json"))
			if err != nil {
				t.Fatal(err)
			}
			var c e2eCase
			if err := json.Unmarshal(data, &c); err != nil {
				t.Fatalf("case.json: %v", err)
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			code := Do(c.Args, strings.NewReader(""), &stdout, &stderr)
			if code != c.Exit {
				t.Errorf("exit = %d, want %d; stderr:\n%s", code, c.Exit, stderr.String())
			}
			for _, s := range c.Stderr {
				if !strings.Contains(stderr.String(), s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr.String())
				}
			}
			var got []*report.Report
			sc := bufio.NewScanner(&stdout)
			sc.Buffer(nil, 1<<24)
			for sc.Scan() {
				var r report.Report
				if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
					t.Fatalf("stdout line is not a report: %v\n%s", err, sc.Text())
				}
				got = append(got, &r)
			}
			if len(got) != len(c.Reports) {
				t.Fatalf("printed %d reports, want %d", len(got), len(c.Reports))
			}
			for i, name := range c.Reports {
				want, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				cmp, err := extract.Compare(got[i], want)
				if err != nil {
					t.Fatal(err)
				}
				if !cmp.OK() {
					t.Errorf("%s: %d/%d cells, meta %v\n%s", name, cmp.Correct, cmp.Cells, cmp.Meta, strings.Join(cmp.Diffs, "\n"))
				}
			}
			for _, rule := range c.Rules {
				found := false
				for _, is := range got[0].Issues {
					found = found || is.Rule == rule
				}
				if !found {
					t.Errorf("issues lack rule %s: %+v", rule, got[0].Issues)
				}
			}
		})
	}
}
