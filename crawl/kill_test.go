package crawl

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"

	"github.com/rs/zerolog"
)

// TestMain lets the test binary act as a crawler process that the kill
// test can SIGKILL: with GOVREPORT_CRAWL_CHILD set it crawls the start
// URLs in GOVREPORT_CRAWL_START into GOVREPORT_CRAWL_DIR and exits.
func TestMain(m *testing.M) {
	if os.Getenv("GOVREPORT_CRAWL_CHILD") == "1" {
		cfg := testConfig(strings.Fields(os.Getenv("GOVREPORT_CRAWL_START"))...)
		cr, err := New(cfg, os.Getenv("GOVREPORT_CRAWL_DIR"), zerolog.Nop())
		if err == nil {
			_, err = cr.Run(context.Background())
		}
		if err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestResumeAfterSIGKILL kills a crawler process with SIGKILL in the
// middle of its crawl (no chance to clean up), then crawls again: no body
// the killed process stored is fetched again, nothing is lost, the state
// opens cleanly and nothing half-written is left.
func TestResumeAfterSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns processes")
	}
	for _, killAt := range []int{6, 15, 24} {
		site, other := newTestSite(t), newTestSite(t)
		buildPortal(t, site, other)
		dir := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "GOVREPORT_CRAWL_CHILD=1", "GOVREPORT_CRAWL_DIR="+dir,
			"GOVREPORT_CRAWL_START="+strings.Join(site.starts(), " "))
		var once sync.Once
		site.onHit = func(n int) {
			if n == killAt {
				once.Do(func() { cmd.Process.Kill() })
			}
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		err := cmd.Wait()
		if err == nil {
			t.Fatalf("kill at %d: child finished before it was killed", killAt)
		}
		site.onHit = nil
		before := docs(t, dir) // the state of a killed process opens
		stored := 0
		okBefore := site.OKs()
		for _, r := range before {
			if r.stored() {
				stored++
			}
		}
		sum, err := runCrawl(t, context.Background(), testConfig(site.starts()...), dir)
		if err != nil {
			t.Fatalf("kill at %d: resumed run: %v", killAt, err)
		}
		for u, r := range before {
			if !r.stored() {
				continue
			}
			p := strings.TrimPrefix(u, site.srv.URL)
			if n := site.OK(p) - okBefore[p]; n != 0 {
				t.Errorf("kill at %d: %s stored before the kill was fetched again with 200", killAt, p)
			}
			if _, err := ReadRaw(dir, r.SHA256); err != nil {
				t.Errorf("kill at %d: %v", killAt, err)
			}
		}
		after := docs(t, dir)
		nReports := 0
		for _, r := range after {
			if r.Kind == KindReport && r.stored() {
				nReports++
			}
		}
		if nReports != 14 {
			t.Errorf("kill at %d: %d reports after resuming, want all 14", killAt, nReports)
		}
		t.Logf("SIGKILL at request %d: %d documents stored before; resumed run %s", killAt, stored, sum)
	}
}
