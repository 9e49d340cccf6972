package crawl

import (
	"context"
	"errors"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// TestCrawlDelay checks that robots.txt Crawl-delay spaces requests to a
// host even when rate_per_host is much higher, on a fake clock.
func TestCrawlDelay(t *testing.T) {
	site := newTestSite(t)
	clock := NewFakeClock(t0)
	var mu sync.Mutex
	var at []time.Time
	site.onHit = func(int) { mu.Lock(); at = append(at, clock.Now()); mu.Unlock() }
	site.page("/robots.txt", "text/plain", []byte("User-agent: govreport\nCrawl-delay: 5\nDisallow: /no/\n\nUser-agent: *\nDisallow: /\n"))
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告", "b.html", "甲2022年政府信息公开工作年度报告", "/no/c.html", "甲2021年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
	site.html("/l/b.html", reportHTML("甲2022年政府信息公开工作年度报告"))
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.RatePerHost = 100
	sum, err := runCrawl(t, context.Background(), cfg, t.TempDir(), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(at) != 4 || sum.NewReports != 2 || sum.Disallowed != 1 {
		t.Fatalf("requests %d (want robots + 3), summary %s", len(at), sum)
	}
	for i := 1; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap < 5*time.Second {
			t.Errorf("gap %d = %v, want >= Crawl-delay 5s", i, gap)
		}
	}
	if site.Hits("/no/c.html") != 0 {
		t.Error("Disallow of our group ignored")
	}
}

// TestRatePerHost checks the configured rate spaces requests when
// robots.txt says nothing.
func TestRatePerHost(t *testing.T) {
	site := newTestSite(t)
	clock := NewFakeClock(t0)
	var mu sync.Mutex
	var at []time.Time
	site.onHit = func(int) { mu.Lock(); at = append(at, clock.Now()); mu.Unlock() }
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.RatePerHost = 0.5
	if _, err := runCrawl(t, context.Background(), cfg, t.TempDir(), WithClock(clock)); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(at) != 3 {
		t.Fatalf("requests = %d, want 3 (robots.txt 404, list, report)", len(at))
	}
	for i := 1; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap < 2*time.Second {
			t.Errorf("gap %d = %v, want >= 2s at 0.5 requests/s", i, gap)
		}
	}
}

func TestRetries(t *testing.T) {
	site := newTestSite(t)
	clock := NewFakeClock(t0)
	var n429, n503, nDown atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/l/index.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(listHTML("a.html", "甲2023年政府信息公开工作年度报告", "b.html", "甲2022年政府信息公开工作年度报告", "c.html", "甲2021年政府信息公开工作年度报告")))
	})
	// a: 429 with Retry-After in seconds, then 503 with an HTTP date,
	// then the page.
	mux.HandleFunc("/l/a.html", func(w http.ResponseWriter, r *http.Request) {
		switch n429.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "7")
			w.WriteHeader(http.StatusTooManyRequests)
		case 2:
			w.Header().Set("Retry-After", clock.Now().Add(30*time.Second).Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		default:
			w.Write([]byte(reportHTML("甲2023年政府信息公开工作年度报告")))
		}
	})
	// b: a Retry-After beyond the cap waits only the cap.
	mux.HandleFunc("/l/b.html", func(w http.ResponseWriter, r *http.Request) {
		if n503.Add(1) == 1 {
			w.Header().Set("Retry-After", "86400")
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(reportHTML("甲2022年政府信息公开工作年度报告")))
	})
	// c: always down; given up after retries, recorded, run goes on.
	mux.HandleFunc("/l/c.html", func(w http.ResponseWriter, r *http.Request) {
		nDown.Add(1)
		w.WriteHeader(http.StatusBadGateway)
	})
	site.srv.Config.Handler = mux
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.Retries = 3
	cfg.Crawl.MaxRetryAfter = time.Minute
	dir := t.TempDir()
	sum, err := runCrawl(t, context.Background(), cfg, dir, WithClock(clock), WithBackoff(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if sum.NewReports != 2 || sum.Errors != 1 {
		t.Errorf("summary: %s", sum)
	}
	if n := nDown.Load(); n != 4 {
		t.Errorf("down page requested %d times, want 1 + 3 retries", n)
	}
	sleeps := clock.Sleeps()
	has := func(lo, hi time.Duration) bool {
		for _, s := range sleeps {
			if s >= lo && s <= hi {
				return true
			}
		}
		return false
	}
	if !has(7*time.Second, 7*time.Second) {
		t.Errorf("no 7s wait for Retry-After: 7 in %v", sleeps)
	}
	if !has(29*time.Second, 30*time.Second) {
		t.Errorf("no ~30s wait for a Retry-After date in %v", sleeps)
	}
	if !has(time.Minute, time.Minute) {
		t.Errorf("Retry-After of a day not capped to max_retry_after 1m: %v", sleeps)
	}
	// Backoff without Retry-After: base·2^attempt with jitter in [½, 1].
	if !has(500*time.Millisecond, time.Second) || !has(2*time.Second, 4*time.Second) {
		t.Errorf("no exponential backoff waits in %v", sleeps)
	}
	d := docs(t, dir)
	if r := d[site.url("/l/c.html")]; r.Status != http.StatusBadGateway || !strings.Contains(r.Error, "502") {
		t.Errorf("failed URL recorded as %+v", r)
	}
}

// flaky fails the first n round trips with a network error.
type flaky struct {
	n    atomic.Int32
	fail int32
	rt   http.RoundTripper
}

func (f *flaky) RoundTrip(r *http.Request) (*http.Response, error) {
	if f.n.Add(1) <= f.fail {
		return nil, errors.New("connection reset by peer (simulated)")
	}
	return f.rt.RoundTrip(r)
}

func TestNetworkErrorRetry(t *testing.T) {
	site := newTestSite(t)
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
	rt := &flaky{fail: 2, rt: http.DefaultTransport}
	sum, err := runCrawl(t, context.Background(), testConfig(site.url("/l/index.html")), t.TempDir(),
		WithTransport(rt), WithClock(NewFakeClock(t0)))
	if err != nil {
		t.Fatal(err)
	}
	if sum.NewReports != 1 || sum.Errors != 0 {
		t.Errorf("after two network errors: %s", sum)
	}
}

func TestMaxBody(t *testing.T) {
	site := newTestSite(t)
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告", "b.html", "甲2022年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告")+strings.Repeat("填充", 2000))
	site.html("/l/b.html", reportHTML("甲2022年政府信息公开工作年度报告"))
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.MaxBody = 4 << 10
	dir := t.TempDir()
	sum, err := runCrawl(t, context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	d := docs(t, dir)
	a := d[site.url("/l/a.html")]
	if a.SHA256 != "" || !strings.Contains(a.Error, "max_body") {
		t.Errorf("oversized body: %+v", a)
	}
	if sum.Errors != 1 || sum.NewReports != 1 {
		t.Errorf("summary %s", sum)
	}
	// Nothing partial is left in the store.
	matches, _ := globRaw(dir)
	for _, m := range matches {
		if strings.HasPrefix(m, filepath.Join(dir, "raw", "tmp")) {
			t.Errorf("temporary file left: %s", m)
		}
	}
}

func TestRedirects(t *testing.T) {
	site, other := newTestSite(t), newTestSite(t)
	site.html("/l/index.html", listHTML(
		"loop1.html", "甲2023年政府信息公开工作年度报告",
		"out.html", "甲2022年政府信息公开工作年度报告",
		"hop.html", "甲2021年政府信息公开工作年度报告"))
	site.redirect("/l/loop1.html", "/l/loop2.html", http.StatusFound)
	site.redirect("/l/loop2.html", "/l/loop1.html", http.StatusFound)
	site.redirect("/l/out.html", other.url("/x.html"), http.StatusMovedPermanently)
	site.redirect("/l/hop.html", "/l/final.html", http.StatusTemporaryRedirect)
	site.html("/l/final.html", reportHTML("甲2021年政府信息公开工作年度报告"))
	other.html("/x.html", reportHTML("甲2022年政府信息公开工作年度报告"))
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.MaxRedirects = 3
	dir := t.TempDir()
	sum, err := runCrawl(t, context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	d := docs(t, dir)
	if r := d[site.url("/l/loop1.html")]; !strings.Contains(r.Error, "too many redirects") {
		t.Errorf("redirect loop: %+v", r)
	}
	if n := site.Hits("/l/loop1.html") + site.Hits("/l/loop2.html"); n != 4 {
		t.Errorf("redirect loop requested %d times, want 1 + 3 redirects", n)
	}
	if r := d[site.url("/l/out.html")]; !errors.Is(errors.New(r.Error), ErrOutsideAllow) && !strings.Contains(r.Error, "outside allow") {
		t.Errorf("redirect outside allow: %+v", r)
	}
	if other.Total() != 0 {
		t.Errorf("redirect target outside allow was requested %d times", other.Total())
	}
	if r := d[site.url("/l/hop.html")]; !r.stored() || r.FinalURL != site.url("/l/final.html") {
		t.Errorf("followed redirect: %+v", r)
	}
	if sum.NewReports != 1 {
		t.Errorf("summary %s", sum)
	}
}

func TestRobotsStatus(t *testing.T) {
	for _, tc := range []struct {
		code    int
		fetched bool
	}{{http.StatusNotFound, true}, {http.StatusForbidden, true}, {http.StatusInternalServerError, false}, {http.StatusServiceUnavailable, false}} {
		site := newTestSite(t)
		site.res["/robots.txt"] = resource{code: tc.code}
		site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告"))
		site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
		cfg := testConfig(site.url("/l/index.html"))
		cfg.Crawl.Retries = 1
		sum, err := runCrawl(t, context.Background(), cfg, t.TempDir(), WithClock(NewFakeClock(t0)))
		if err != nil {
			t.Fatal(err)
		}
		got := site.Hits("/l/index.html") > 0
		if got != tc.fetched {
			t.Errorf("robots.txt %d: list fetched = %v, want %v (%s)", tc.code, got, tc.fetched, sum)
		}
		if !tc.fetched && sum.Disallowed != 1 {
			t.Errorf("robots.txt %d: summary %s", tc.code, sum)
		}
	}
}

// TestScope checks allow prefixes narrower than the host.
func TestScope(t *testing.T) {
	site := newTestSite(t)
	site.html("/a/index.html", listHTML("/a/r.html", "甲2023年政府信息公开工作年度报告", "/b/r.html", "乙2023年政府信息公开工作年度报告"))
	site.html("/a/r.html", reportHTML("甲2023年政府信息公开工作年度报告", "/b/f.pdf", "附件.pdf"))
	site.html("/b/r.html", reportHTML("乙2023年政府信息公开工作年度报告"))
	site.page("/b/f.pdf", "application/pdf", []byte("%PDF"))
	cfg := &Config{Crawl: defaultSettings()}
	cfg.Crawl.RatePerHost = 1000
	cfg.Sources = []Source{{Name: "a", Start: StringList{site.url("/a/index.html")}, Allow: StringList{site.url("/a/")}}}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	sum, err := runCrawl(t, context.Background(), cfg, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range site.HitURIs() {
		if p != "/robots.txt" && !strings.HasPrefix(p, "/a/") {
			t.Errorf("requested %s outside allow", p)
		}
	}
	if sum.OutOfScope != 2 || sum.NewReports != 1 {
		t.Errorf("summary %s (out of scope %d)", sum, sum.OutOfScope)
	}
}

// TestNoValidators: a server without ETag or Last-Modified gives nothing
// to ask conditionally; stored reports are kept, not fetched again.
func TestNoValidators(t *testing.T) {
	site := newTestSite(t)
	site.noValidators = true
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告", "f.pdf", "附件"))
	site.page("/l/f.pdf", "application/pdf", []byte("%PDF"))
	dir := t.TempDir()
	cfg := testConfig(site.url("/l/index.html"))
	if _, err := runCrawl(t, context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	sum, err := runCrawl(t, context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if site.OK("/l/a.html") != 1 || site.OK("/l/f.pdf") != 1 || sum.Kept != 2 {
		t.Errorf("report fetched %d, attachment %d times; summary %s", site.OK("/l/a.html"), site.OK("/l/f.pdf"), sum)
	}
	if site.OK("/l/index.html") != 2 {
		t.Errorf("list page fetched %d times, want every run", site.OK("/l/index.html"))
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{"0", 0, true},
		{" 5 ", 5 * time.Second, true},
		{"Sun, 01 Mar 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Sun, 01 Mar 2026 11:00:00 GMT", 0, true},
		{"Sunday, 01-Mar-26 12:01:00 GMT", time.Minute, true}, // RFC 850
		{"Sun Mar  1 12:00:10 2026", 10 * time.Second, true},  // asctime
		{"", 0, false},
		{"-3", 0, false},
		{"soon", 0, false},
	} {
		got, ok := retryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("retryAfter(%q) = %v %v, want %v %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestHostsInParallel checks that two hosts are crawled at the same time:
// each host's list page waits until the other host has been asked.
func TestHostsInParallel(t *testing.T) {
	a, b := newTestSite(t), newTestSite(t)
	seenA, seenB := make(chan struct{}), make(chan struct{})
	var onceA, onceB sync.Once
	wait := func(self *sync.Once, mine chan struct{}, other chan struct{}) func(int) {
		return func(int) {
			self.Do(func() { close(mine) })
			select {
			case <-other:
			case <-time.After(10 * time.Second):
			}
		}
	}
	a.onHit = wait(&onceA, seenA, seenB)
	b.onHit = wait(&onceB, seenB, seenA)
	a.html("/l/index.html", listHTML())
	b.html("/l/index.html", listHTML())
	start := time.Now()
	if _, err := runCrawl(t, context.Background(), testConfig(a.url("/l/index.html"), b.url("/l/index.html")), t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 9*time.Second {
		t.Errorf("hosts were crawled one after the other (%v)", d)
	}
}

// TestMaxBodyAnnounced: a body announced larger than max_body by its
// Content-Length is refused without downloading it.
func TestMaxBodyAnnounced(t *testing.T) {
	site := newTestSite(t)
	mux := http.NewServeMux()
	mux.HandleFunc("/l/index.html", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(listHTML("a.pdf", "甲2023年政府信息公开工作年度报告")))
	})
	mux.HandleFunc("/l/a.pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "100000")
		w.Write(make([]byte, 100000))
	})
	site.srv.Config.Handler = mux
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.MaxBody = 10000
	dir := t.TempDir()
	if _, err := runCrawl(t, context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	if r := docs(t, dir)[site.url("/l/a.pdf")]; r.SHA256 != "" || !strings.Contains(r.Error, "Content-Length 100000") {
		t.Errorf("announced oversized body: %+v", r)
	}
}
