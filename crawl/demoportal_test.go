package crawl

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govreport/govreport/crawl/demoportal"
)

// recorder wraps a handler and records every request with its status and
// the (fake) time it arrived.
type recorder struct {
	h     http.Handler
	clock Clock
	mu    sync.Mutex
	reqs  []recorded
}

type recorded struct {
	uri    string
	status int
	at     time.Time
}

type statusWriter struct {
	http.ResponseWriter
	rc  *recorder // nil once recorded
	uri string
	at  time.Time
}

// WriteHeader records the request as its answer goes out, before the
// client can see it.
func (w *statusWriter) WriteHeader(c int) {
	if w.rc != nil {
		w.rc.mu.Lock()
		w.rc.reqs = append(w.rc.reqs, recorded{w.uri, c, w.at})
		w.rc.mu.Unlock()
		w.rc = nil
	}
	w.ResponseWriter.WriteHeader(c)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.rc != nil {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (rc *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	sw := &statusWriter{ResponseWriter: w, rc: rc, uri: r.URL.RequestURI(), at: rc.clock.Now()}
	rc.h.ServeHTTP(sw, r)
	if sw.rc != nil {
		sw.WriteHeader(http.StatusOK)
	}
}

// snapshot returns a copy of the requests recorded so far.
func (rc *recorder) snapshot() []recorded {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]recorded(nil), rc.reqs...)
}

// TestDemoPortal crawls the embedded demo portal (built by someone else
// from the description) twice: every report found, no decoy kept,
// nothing disallowed requested, Crawl-delay kept, and the second run
// answered with 304s. It runs with dialect auto on every column and with
// the dialects the portal declares.
func TestDemoPortal(t *testing.T) {
	expected, err := demoportal.ExpectedReports()
	if err != nil {
		t.Fatal(err)
	}
	decoys, err := demoportal.Decoys()
	if err != nil {
		t.Fatal(err)
	}
	for _, mode := range []string{"auto", "declared"} {
		t.Run(mode, func(t *testing.T) {
			clock := NewFakeClock(t0)
			rec := &recorder{h: demoportal.Handler(), clock: clock}
			srv := httptest.NewServer(rec)
			defer srv.Close()
			cfg := DefaultConfig(demoportal.StartURLs(srv.URL)...)
			if mode == "declared" {
				cfg.Sources = nil
				for _, s := range demoportal.Sources(srv.URL) {
					cfg.Sources = append(cfg.Sources, Source{Name: s.Name, Start: s.Start, Dialect: s.Dialect})
				}
			}
			cfg.Crawl.RatePerHost = 1000 // Crawl-delay (0.2 s, on the fake clock) must win
			dir := t.TempDir()
			sum, err := runCrawl(t, context.Background(), cfg, dir, WithClock(clock))
			if err != nil {
				t.Fatal(err)
			}
			first := len(rec.snapshot())
			t.Logf("first run: %s; %d requests", sum, first)
			got := docs(t, dir)
			byPath := map[string]docRow{}
			for u, r := range got {
				byPath[strings.TrimPrefix(u, srv.URL)] = r
			}
			for _, e := range expected {
				r, ok := byPath[e.Path]
				if !ok || !r.stored() {
					t.Errorf("report %s (%s, %s) not stored: %+v", e.Path, e.Family, e.Title, r)
				}
			}
			for _, d := range decoys {
				if r, ok := byPath[d.Path]; ok && r.stored() {
					t.Errorf("decoy %s (%s) kept as %s", d.Path, d.Title, r.Kind)
				}
			}
			reqs := rec.snapshot()
			for i, q := range reqs {
				if strings.HasPrefix(q.uri, demoportal.DisallowedPrefix) {
					t.Errorf("requested disallowed %s", q.uri)
				}
				if i > 0 {
					if gap := q.at.Sub(reqs[i-1].at); gap < 200*time.Millisecond {
						t.Errorf("request %d (%s) %v after the previous one, Crawl-delay is 0.2s", i, q.uri, gap)
					}
				}
			}
			// Anything stored that is not an expected report, a list page
			// or an attachment is worth a look.
			want := map[string]bool{}
			for _, e := range expected {
				want[e.Path] = true
			}
			for p, r := range byPath {
				if r.Kind == KindReport && r.stored() && !want[p] {
					t.Logf("also kept as report: %s %q", p, r.Title)
				}
			}

			sum2, err := runCrawl(t, context.Background(), cfg, dir, WithClock(clock))
			if err != nil {
				t.Fatal(err)
			}
			n, n304 := 0, 0
			var other []string
			for _, q := range rec.snapshot()[first:] {
				if q.uri == "/robots.txt" {
					continue
				}
				n++
				if q.status == http.StatusNotModified {
					n304++
				} else {
					other = append(other, q.uri)
				}
			}
			share := float64(n304) / float64(n)
			t.Logf("second run: %s; %d of %d requests (robots.txt excluded) answered 304 = %.1f%%; not 304: %v", sum2, n304, n, 100*share, other)
			if share < 0.9 {
				t.Errorf("second run: %.1f%% 304, want >= 90%%", 100*share)
			}
		})
	}
}
