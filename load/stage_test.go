package load

import (
	"os"
	"path/filepath"
	"testing"
)

// A staging file left by a load that was killed mid-transaction is removed
// when the warehouse is next opened, and a load leaves none behind.
func TestStageFilesCleanedUp(t *testing.T) {
	dir := t.TempDir()
	w := openW(t, dir)
	w.Close()
	left := filepath.Join(dir, ".stage-cells-123.parquet")
	if err := os.WriteFile(left, []byte("partial"), 0o644); err != nil {
		t.Fatal(err)
	}
	w = openW(t, dir)
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Fatalf("leftover staging file still there after Open (stat: %v)", err)
	}
	reps := roundTripReports(t)
	if err := w.Put(t.Context(), reps...); err != nil {
		t.Fatal(err)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, stagePattern)); len(m) != 0 {
		t.Fatalf("staging files left after Put: %v", m)
	}
	var n int
	if err := w.DB().QueryRow("SELECT count(*) FROM cells").Scan(&n); err != nil {
		t.Fatal(err)
	}
	want := len(reps[0].Cells) + len(reps[1].Cells)
	if n != want {
		t.Fatalf("cells after Put: %d rows, want %d", n, want)
	}
}
