package cli

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestDemoportalCommand runs `govreport demoportal --addr 127.0.0.1:0`,
// reads the URL and the start pages it prints, fetches them, and stops
// the command through its context (as an interrupt would).
func TestDemoportalCommand(t *testing.T) {
	pr, pw := io.Pipe()
	env := &Env{Stdout: pw, Stderr: io.Discard}
	cmd := newDemoportalCmd(env)
	cmd.SetArgs([]string{"--addr", "127.0.0.1:0"})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- cmd.ExecuteContext(ctx)
		pw.Close()
	}()
	sc := bufio.NewScanner(pr)
	var base string
	var starts []string
	for sc.Scan() {
		line := sc.Text()
		if rest, ok := strings.CutPrefix(line, "demo portal at "); ok {
			base, _, _ = strings.Cut(rest, " ")
		}
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "start: ["); ok {
			starts = append(starts, strings.TrimSuffix(rest, "]"))
		}
		if strings.Contains(line, "dialect: gkmlpt") {
			break
		}
	}
	if !strings.HasPrefix(base, "http://127.0.0.1:") || len(starts) != 4 {
		t.Fatalf("printed base %q and %d start pages, want a loopback URL and 4", base, len(starts))
	}
	for _, u := range append(starts, base+"/robots.txt") {
		if !strings.HasPrefix(u, base) {
			t.Errorf("start page %s not under %s", u, base)
		}
		resp, err := http.Get(u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", u, resp.StatusCode)
		}
	}
	cancel()
	rest, _ := io.ReadAll(pr)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rest), "stopped") {
		t.Errorf("output after stop: %q", rest)
	}
	if _, err := http.Get(base + "/robots.txt"); err == nil {
		t.Error("portal still serving after the command returned")
	}
}
