package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDataDictionaryFresh fails when docs/DATA.md is not the output of
// `govreport schema --format markdown` (run `make docs`).
func TestDataDictionaryFresh(t *testing.T) {
	code, out, errs := do(t, "schema", "--format", "markdown")
	if code != 0 {
		t.Fatalf("schema: exit %d: %s", code, errs)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "DATA.md"))
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Error("docs/DATA.md is stale: run `make docs`")
	}
	for _, s := range []string{"### `cells`", "| `value` | DOUBLE | null |", "### `requests`", "| `carried_forward` | DOUBLE |", "`suit_after_review_total`", "agency_key"} {
		if !strings.Contains(out, s) {
			t.Errorf("dictionary lacks %q", s)
		}
	}
	if code, _, _ := do(t, "schema", "--format", "xml"); code == 0 {
		t.Error("schema --format xml: exit 0")
	}
	if code, out, _ := do(t, "schema", "--format", "text"); code != 0 || !strings.Contains(out, "report_id") {
		t.Errorf("schema --format text: exit %d", code)
	}
}
