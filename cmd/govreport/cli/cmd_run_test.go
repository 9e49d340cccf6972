package cli

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
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
