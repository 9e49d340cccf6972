package crawl

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"
)

// TestRobotsVariants checks robots.txt as real servers send it: behind a
// redirect, with a UTF-8 BOM, with CRLF line ends, and an HTML page in
// its place (no rules: everything allowed).
func TestRobotsVariants(t *testing.T) {
	const rules = "User-agent: *\nDisallow: /no/\n"
	for _, tc := range []struct {
		name     string
		setup    func(s *testSite)
		disallow bool // whether /no/ stays unrequested
	}{
		{"redirect", func(s *testSite) {
			s.redirect("/robots.txt", "/static/robots.txt", http.StatusMovedPermanently)
			s.page("/static/robots.txt", "text/plain", []byte(rules))
		}, true},
		{"BOM", func(s *testSite) { s.page("/robots.txt", "text/plain", []byte("\xef\xbb\xbf"+rules)) }, true},
		{"CRLF", func(s *testSite) {
			s.page("/robots.txt", "text/plain", []byte("User-agent: *\r\nDisallow: /no/\r\n"))
		}, true},
		{"octet-stream", func(s *testSite) { s.page("/robots.txt", "application/octet-stream", []byte(rules)) }, true},
		{"HTML page", func(s *testSite) {
			s.html("/robots.txt", "<!DOCTYPE html><html><head><title>页面不存在</title></head><body><p>Disallow: /</p></body></html>")
		}, false},
		{"HTML labelled text/plain", func(s *testSite) {
			s.page("/robots.txt", "text/plain", []byte("\n<html><body>404 Not Found<br>Disallow: /</body></html>"))
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := newTestSite(t)
			tc.setup(site)
			site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告", "/no/b.html", "甲2022年政府信息公开工作年度报告"))
			site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
			site.html("/no/b.html", reportHTML("甲2022年政府信息公开工作年度报告"))
			sum, err := runCrawl(t, context.Background(), testConfig(site.url("/l/index.html")), t.TempDir(), WithClock(NewFakeClock(t0)))
			if err != nil {
				t.Fatal(err)
			}
			if site.Hits("/l/a.html") != 1 {
				t.Errorf("allowed report not fetched: %s", sum)
			}
			if got := site.Hits("/no/b.html") == 0; got != tc.disallow {
				t.Errorf("/no/b.html unrequested = %v, want %v (%s)", got, tc.disallow, sum)
			}
		})
	}
}

// TestCrawlDelayCap checks that an absurd Crawl-delay is replaced by
// max_crawl_delay, on a fake clock.
func TestCrawlDelayCap(t *testing.T) {
	site := newTestSite(t)
	clock := NewFakeClock(t0)
	var mu sync.Mutex
	var at []time.Time
	site.onHit = func(int) { mu.Lock(); at = append(at, clock.Now()); mu.Unlock() }
	site.page("/robots.txt", "text/plain", []byte("User-agent: *\nCrawl-delay: 3600\n"))
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告", "b.html", "甲2022年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
	site.html("/l/b.html", reportHTML("甲2022年政府信息公开工作年度报告"))
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.MaxCrawlDelay = 20 * time.Second
	sum, err := runCrawl(t, context.Background(), cfg, t.TempDir(), WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(at) != 4 || sum.NewReports != 2 {
		t.Fatalf("requests %d (want robots + 3), summary %s", len(at), sum)
	}
	for i := 2; i < len(at); i++ {
		if gap := at[i].Sub(at[i-1]); gap != 20*time.Second {
			t.Errorf("gap %d = %v, want the 20s cap", i, gap)
		}
	}
}
