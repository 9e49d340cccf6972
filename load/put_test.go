package load

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/govreport/govreport/report"
)

// readSeed reads the seed report (the 石壁街道 2020 report, checked by hand
// against its source in report/testdata).
func readSeed(t *testing.T) *report.Report {
	t.Helper()
	b, err := os.ReadFile("testdata/shibi-2020.expected.json")
	if err != nil {
		t.Fatal(err)
	}
	var rep report.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	return &rep
}

func TestPutSeedViews(t *testing.T) {
	ctx := context.Background()
	w, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	rep := readSeed(t)
	if err := w.Put(ctx, rep); err != nil {
		t.Fatal(err)
	}
	// Twice: the second Put replaces the first.
	if err := w.Put(ctx, rep); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := w.DB().QueryRow("SELECT count(*) FROM reports").Scan(&n); err != nil || n != 1 {
		t.Fatalf("reports = %d, %v; want 1", n, err)
	}
	if err := w.DB().QueryRow("SELECT count(*) FROM cells").Scan(&n); err != nil || n != len(rep.Cells) {
		t.Fatalf("cells = %d, %v; want %d", n, err, len(rep.Cells))
	}
	// 番禺区 石壁街道 2020: licensing 1 + 14 = 15 decisions, as printed.
	var dec float64
	if err := w.DB().QueryRow("SELECT decisions FROM proactive WHERE row_code = 'licensing'").Scan(&dec); err != nil || dec != 15 {
		t.Fatalf("proactive licensing decisions = %v, %v; want 15", dec, err)
	}
	if err := w.DB().QueryRow("SELECT count(*) FROM requests").Scan(&n); err != nil || n != 7 {
		t.Fatalf("requests view rows = %d, %v; want 7", n, err)
	}
	var key string
	if err := w.DB().QueryRow("SELECT agency_key FROM reports").Scan(&key); err != nil || key != "广东省/广州市/番禺区/石壁街道办事处" {
		t.Fatalf("agency_key = %q, %v", key, err)
	}
}
