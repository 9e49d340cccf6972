package extract

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/report"
)

// TestCorpusPerturbed measures how the matcher holds up when the real HTML
// reports are damaged the way copies damage them: a character dropped from
// labels here and there, or a whole requests row left out. The values must
// stay where they were (a dropped row's cells absent). It logs the cell
// accuracy and fails below 98%.
func TestCorpusPerturbed(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "corpus")
	names := []string{"pingtan-2019.html", "pingtan-2020.html", "pingtan-2021.html", "shanghai-gov-office-2019.html"}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("corpus not available at %s", dir)
	}
	rng := rand.New(rand.NewSource(1))
	correct, total := 0, 0
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		base, err := Extract(name, data, Hints{})
		if err != nil {
			t.Fatal(err)
		}
		for trial := 0; trial < 10; trial++ {
			doc, err := Read(name, data)
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]*float64{}
			for _, c := range base.Cells {
				want[c.Table+"/"+c.Key()] = c.Value
			}
			if trial%2 == 0 {
				garbleLabels(doc, rng, 0.3)
			} else {
				dropRequestRow(doc, base, want, rng)
			}
			r, err := FromDocument(doc, Hints{})
			if err != nil {
				t.Errorf("%s trial %d: %v", name, trial, err)
				continue
			}
			got := map[string]*float64{}
			for _, c := range r.Cells {
				got[c.Table+"/"+c.Key()] = c.Value
			}
			bad := 0
			for k, w := range want {
				total++
				if g, ok := got[k]; ok && sameValue(g, w) {
					correct++
				} else {
					bad++
					t.Logf("%s trial %d: %s got %v want %v", name, trial, k, show(g), show(w))
				}
			}
			for k, g := range got {
				if _, ok := want[k]; !ok && g != nil {
					total++
					bad++
				}
			}
			if bad > 0 {
				t.Logf("%s trial %d: %d cells wrong", name, trial, bad)
			}
		}
	}
	t.Logf("perturbed corpus: %d/%d cells correct (%.2f%%)", correct, total, pct(correct, total))
	if pct(correct, total) < 98 {
		t.Errorf("perturbed accuracy %.2f%% below 98%%", pct(correct, total))
	}
}

// garbleLabels drops one Han character from a share of the label cells.
func garbleLabels(doc *document.Document, rng *rand.Rand, share float64) {
	for _, tb := range doc.Tables() {
		for _, row := range tb.Rows {
			for i := range row {
				rs := []rune(row[i].Text)
				var han []int
				for k, r := range rs {
					if unicode.Is(unicode.Han, r) {
						han = append(han, k)
					}
				}
				if len(han) < 4 || rng.Float64() >= share {
					continue
				}
				k := han[rng.Intn(len(han))]
				row[i].Text = string(append(rs[:k:k], rs[k+1:]...))
			}
		}
	}
}

// dropRequestRow removes one requests row of the grid (found by the
// locators of the unperturbed extraction) and its cells from want.
func dropRequestRow(doc *document.Document, base *report.Report, want map[string]*float64, rng *rand.Rand) {
	var rows []string
	seen := map[string]bool{}
	for _, c := range base.Cells {
		if c.Table == report.TableRequests && !seen[c.Row] && c.Locator != "" {
			seen[c.Row] = true
			rows = append(rows, c.Row)
		}
	}
	if len(rows) == 0 {
		return
	}
	code := rows[rng.Intn(len(rows))]
	var loc string
	for _, c := range base.Cells {
		if c.Table == report.TableRequests && c.Row == code {
			loc = c.Locator
			delete(want, c.Table+"/"+c.Key())
		}
	}
	// loc is "tN/rM/cK": drop row M of table N.
	parts := strings.Split(loc, "/")
	if len(parts) < 2 {
		return
	}
	for _, b := range doc.Blocks {
		if b.Table == nil || b.Table.Locator != parts[0] {
			continue
		}
		var m int
		for _, ch := range strings.TrimPrefix(parts[1], "r") {
			m = m*10 + int(ch-'0')
		}
		if m >= 1 && m <= len(b.Table.Rows) {
			b.Table.Rows = append(b.Table.Rows[:m-1], b.Table.Rows[m:]...)
		}
	}
}
