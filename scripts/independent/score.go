package independent

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/govreport/govreport/extract"
)

// Entry is one document of a generated batch (DIR/manifest.json).
type Entry struct {
	File     string `json:"file"`
	Expected string `json:"expected"`
	Form     string `json:"form"`
	Variant  string `json:"variant"`
}

// Miss is one expected cell or field the extractor got wrong.
type Miss struct {
	Doc  string
	Key  string // table.row.col, or meta.<field>
	Got  string
	Want string
}

// Tally counts one group of documents (a form, or a whole batch).
type Tally struct {
	Docs, Failed, Panics int
	Cells, Correct       int
	Extra                int // non-null cells the document has no expected value for
	Meta                 map[string]int
}

// MetaFields are the metadata fields scored, in print order.
var MetaFields = []string{"template", "year", "agency", "region", "published"}

// Result is the score of one batch.
type Result struct {
	Dir    string
	All    Tally
	ByForm map[string]*Tally
	Misses []Miss
	Errors []string // documents the extractor refused or crashed on
}

// Score runs the extractor in-process on every document of dir and compares
// it with the expected JSON the generator wrote. A panic inside the
// extractor is caught, counted and reported, never propagated.
func Score(dir string) (*Result, error) {
	mb, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, fmt.Errorf("read manifest of %s: %w", dir, err)
	}
	var entries []Entry
	if err := json.Unmarshal(mb, &entries); err != nil {
		return nil, fmt.Errorf("parse manifest of %s: %w", dir, err)
	}
	res := &Result{Dir: dir, ByForm: map[string]*Tally{}, All: Tally{Meta: map[string]int{}}}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.File, err)
		}
		eb, err := os.ReadFile(filepath.Join(dir, e.Expected))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", e.Expected, err)
		}
		var want map[string]any
		if err := json.Unmarshal(eb, &want); err != nil {
			return nil, fmt.Errorf("parse %s: %w", e.Expected, err)
		}
		got, panicked, gerr := run(e.File, data)
		t := res.ByForm[e.Form]
		if t == nil {
			t = &Tally{Meta: map[string]int{}}
			res.ByForm[e.Form] = t
		}
		for _, tl := range []*Tally{t, &res.All} {
			tl.Docs++
			if panicked {
				tl.Panics++
			}
			if gerr != nil {
				tl.Failed++
			}
		}
		if gerr != nil {
			res.Errors = append(res.Errors, fmt.Sprintf("%s: %v", e.File, gerr))
			got = map[string]any{}
		}
		compare(res, t, e.File, got, want)
	}
	return res, nil
}

// run extracts one document and returns its canonical JSON as a generic map.
func run(name string, data []byte) (out map[string]any, panicked bool, err error) {
	defer func() {
		if p := recover(); p != nil {
			panicked = true
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	rep, err := extract.Extract(name, data, extract.Hints{})
	if err != nil {
		return nil, false, err
	}
	b, err := json.Marshal(rep)
	if err != nil {
		return nil, false, fmt.Errorf("marshal: %w", err)
	}
	if err := json.Unmarshal(b, &out); err != nil {
		return nil, false, fmt.Errorf("unmarshal: %w", err)
	}
	return out, false, nil
}

// cells flattens the three tables into table.row.col → value (nil = null).
func cells(m map[string]any) map[string]any {
	out := map[string]any{}
	for _, tname := range []string{"proactive", "requests"} {
		tab, _ := m[tname].(map[string]any)
		for row, cols := range tab {
			cm, _ := cols.(map[string]any)
			for col, v := range cm {
				out[tname+"."+row+"."+col] = v
			}
		}
	}
	rl, _ := m["review_litigation"].(map[string]any)
	for k, v := range rl {
		out["review_litigation."+k] = v
	}
	return out
}

func show(v any, ok bool) string {
	if !ok {
		return "absent"
	}
	if v == nil {
		return "null"
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func sameValue(g, w any) bool {
	if g == nil || w == nil {
		return g == nil && w == nil
	}
	gf, ok1 := g.(float64)
	wf, ok2 := w.(float64)
	if !ok1 || !ok2 {
		return false
	}
	return math.Abs(gf-wf) <= 1e-6*math.Max(1, math.Abs(wf))
}

func region(m map[string]any) string {
	r, _ := m["region"].(map[string]any)
	s := func(k string) string { v, _ := r[k].(string); return v }
	return s("province") + "/" + s("city") + "/" + s("county")
}

func compare(res *Result, t *Tally, doc string, got, want map[string]any) {
	gc, wc := cells(got), cells(want)
	keys := make([]string, 0, len(wc))
	for k := range wc {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w := wc[k]
		g, ok := gc[k]
		t.Cells++
		res.All.Cells++
		if ok && sameValue(g, w) {
			t.Correct++
			res.All.Correct++
			continue
		}
		res.Misses = append(res.Misses, Miss{Doc: doc, Key: k, Got: show(g, ok), Want: show(w, true)})
	}
	for k, g := range gc {
		if _, ok := wc[k]; !ok && g != nil {
			t.Extra++
			res.All.Extra++
		}
	}
	for _, f := range MetaFields {
		var g, w string
		if f == "region" {
			g, w = region(got), region(want)
		} else {
			gv, gok := got[f]
			g, w = show(gv, gok), show(want[f], true)
			if f == "year" || f == "published" {
				// absent and null are the same answer for these.
				if g == "absent" {
					g = "null"
				}
			}
		}
		if g == w {
			t.Meta[f]++
			res.All.Meta[f]++
		} else {
			res.Misses = append(res.Misses, Miss{Doc: doc, Key: "meta." + f, Got: g, Want: w})
		}
	}
}

func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
}

// Print writes the batch's figures as a table, one line per form.
func (r *Result) Print(w io.Writer) {
	fmt.Fprintf(w, "batch %s\n", r.Dir)
	fmt.Fprintf(w, "%-12s %4s %5s %13s %8s %6s", "form", "docs", "fail", "cells", "acc", "extra")
	for _, f := range MetaFields {
		fmt.Fprintf(w, " %9s", f)
	}
	fmt.Fprintln(w)
	forms := make([]string, 0, len(r.ByForm))
	for f := range r.ByForm {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	line := func(name string, t *Tally) {
		fmt.Fprintf(w, "%-12s %4d %5d %6d/%-6d %8s %6d", name, t.Docs, t.Failed, t.Correct, t.Cells, pct(t.Correct, t.Cells), t.Extra)
		for _, f := range MetaFields {
			fmt.Fprintf(w, " %9s", fmt.Sprintf("%d/%d", t.Meta[f], t.Docs))
		}
		fmt.Fprintln(w)
	}
	for _, f := range forms {
		line(f, r.ByForm[f])
	}
	line("ALL", &r.All)
	for _, e := range r.Errors {
		fmt.Fprintf(w, "error: %s\n", strings.SplitN(e, "\n", 2)[0])
	}
}

// PrintMisses writes every miss, grouped by document.
func (r *Result) PrintMisses(w io.Writer) {
	for _, m := range r.Misses {
		fmt.Fprintf(w, "%s\t%s\tgot %s\twant %s\n", m.Doc, m.Key, m.Got, m.Want)
	}
}
