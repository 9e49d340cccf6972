package independent

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHoldout runs the extractor on the held-out batch and logs its
// figures. It fails only when the extractor panics or the batch cannot be
// read: the accuracy bar is the lead's to set. Wrong cells are not logged
// one by one, so that nobody tunes on the holdout.
func TestHoldout(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "independent", "holdout")
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); err != nil {
		t.Skipf("no holdout batch at %s: %v", dir, err)
	}
	res, err := Score(dir)
	if err != nil {
		t.Fatalf("score %s: %v", dir, err)
	}
	var b strings.Builder
	res.Print(&b)
	t.Logf("\n%s", b.String())
	if res.All.Docs == 0 {
		t.Fatalf("holdout batch %s has no documents", dir)
	}
	if res.All.Panics > 0 {
		for _, e := range res.Errors {
			if strings.Contains(e, "panic") {
				t.Errorf("extractor panicked: %s", e)
			}
		}
	}
}

// TestCompare checks the scorer itself on hand-made reports: null against
// null is right, a number against null is wrong, an absent cell is wrong,
// an extra non-null cell is counted apart, and money compares with a
// tolerance.
func TestCompare(t *testing.T) {
	want := map[string]any{
		"template": "2021", "year": 2021.0, "agency": "某某局",
		"region":    map[string]any{"province": "江苏省"},
		"published": nil,
		"proactive": map[string]any{"admin_fees": map[string]any{"amount_10k_yuan": 25.1}},
		"requests":  map[string]any{"granted": map[string]any{"total": nil, "natural_person": 3.0, "commercial": 1.0}},
	}
	got := map[string]any{
		"template": "2021", "year": 2021.0, "agency": "某某局",
		"region":            map[string]any{"province": "江苏省", "city": "南京市"},
		"proactive":         map[string]any{"admin_fees": map[string]any{"amount_10k_yuan": 25.1000000001}},
		"requests":          map[string]any{"granted": map[string]any{"total": 0.0, "natural_person": 3.0}},
		"review_litigation": map[string]any{"review_total": 1.0},
	}
	res := &Result{ByForm: map[string]*Tally{}, All: Tally{Meta: map[string]int{}}}
	tl := &Tally{Meta: map[string]int{}}
	compare(res, tl, "doc", got, want)
	if tl.Cells != 4 || tl.Correct != 2 || tl.Extra != 1 {
		t.Errorf("cells %d correct %d extra %d, want 4 2 1", tl.Cells, tl.Correct, tl.Extra)
	}
	for f, n := range map[string]int{"template": 1, "year": 1, "agency": 1, "region": 0, "published": 1} {
		if tl.Meta[f] != n {
			t.Errorf("meta %s = %d, want %d", f, tl.Meta[f], n)
		}
	}
}
