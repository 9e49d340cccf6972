package cli

import (
	"bufio"
	"github.com/govreport/govreport/load/loadtest"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/govreport/govreport/load"
)

// TestRunLocked: while another process holds DATA/.lock, run exits at
// once with status 75 and says so; when that process dies (SIGKILL, no
// chance to clean up) the lock is free again.
func TestRunLocked(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolder$")
	cmd.Env = append(os.Environ(), "GOVREPORT_TEST_LOCK_DIR="+dir)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	// The holder waits on its stdin, which stays open until the test ends.
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "locked" {
		cmd.Process.Kill()
		t.Fatalf("lock holder said %q, %v", line, err)
	}

	code, out, errs := do(t, "run", "--data", dir)
	if code != exitLocked {
		t.Errorf("run while locked: exit %d, want %d (%s%s)", code, exitLocked, out, errs)
	}
	if !strings.Contains(errs, "another govreport is using "+dir) || !strings.Contains(errs, "held by pid") {
		t.Errorf("run while locked said %q", errs)
	}
	if code, _, errs := do(t, "load", "--data", dir); code == 0 || !strings.Contains(errs, "another govreport") {
		t.Errorf("load while locked: exit %d, %q", code, errs)
	}

	cmd.Process.Kill()
	cmd.Wait()
	release, err := lockData(dir)
	if err != nil {
		t.Fatalf("lock after the holder died: %v", err)
	}
	release()
	// Released in-process too.
	release, err = lockData(dir)
	if err != nil {
		t.Fatalf("lock after release: %v", err)
	}
	release()
}

// TestLockHolder is the helper process of TestRunLocked: it takes the
// lock, says so, and waits for its stdin to close or to be killed.
func TestLockHolder(t *testing.T) {
	dir := os.Getenv("GOVREPORT_TEST_LOCK_DIR")
	if dir == "" {
		t.Skip("helper process for TestRunLocked")
	}
	if _, err := lockData(dir); err != nil {
		t.Fatal(err)
	}
	os.Stdout.WriteString("locked\n")
	buf := make([]byte, 1)
	os.Stdin.Read(buf)
}

// TestRunDemoTwice runs the whole pipeline on the embedded demo portal
// twice: the second run fetches nothing new (304s), extracts and loads
// nothing, and leaves the same tables and byte-identical Parquet files;
// both runs are recorded.
func TestRunDemoTwice(t *testing.T) {
	if testing.Short() {
		t.Skip("crawls the demo portal")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	old := demoAddr
	demoAddr = l.Addr().String()
	l.Close()
	defer func() { demoAddr = old }()

	dir := t.TempDir()
	var trees []map[string][]byte
	var tables [][]string
	for i := 0; i < 2; i++ {
		code, out, errs := do(t, "run", "--data", dir)
		if code != 0 {
			t.Fatalf("run %d: exit %d\n%s%s", i, code, out, errs)
		}
		if i == 1 {
			for _, want := range []string{"0 fetched", "0 extracted", "0 reports loaded", "(unchanged)"} {
				if !strings.Contains(out, want) {
					t.Errorf("second run output lacks %q:\n%s", want, out)
				}
			}
		}
		trees = append(trees, loadtest.ReadTree(t, filepath.Join(dir, load.ParquetDir)))
		tables = append(tables, dumpTables(t, dir))
	}
	if len(trees[0]) == 0 || len(tables[0]) == 0 {
		t.Fatal("first run exported nothing")
	}
	if !reflect.DeepEqual(tables[0], tables[1]) {
		t.Error("tables differ between two runs")
	}
	if !reflect.DeepEqual(trees[0], trees[1]) {
		t.Error("Parquet files differ between two runs")
	}
	got := dumpQuery(t, dir, "SELECT status, exit_code, reports_total > 0, finished_at IS NOT NULL FROM runs ORDER BY started_at")
	if want := []string{"ok|0|true|true", "ok|0|true|true"}; !reflect.DeepEqual(got, want) {
		t.Errorf("runs = %q, want %q", got, want)
	}
}

func dumpTables(t *testing.T, dir string) []string {
	var out []string
	for _, tab := range []string{"reports", "cells", "issues", "report_copies", "requests", "proactive", "review_litigation", "extracted_files"} {
		out = append(out, dumpQuery(t, dir, "SELECT * FROM "+tab+" ORDER BY ALL")...)
	}
	return out
}

func dumpQuery(t *testing.T, dir, q string) []string {
	t.Helper()
	w, err := load.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	return loadtest.Rows(t, w.DB(), q)
}
