package crawl

import (
	"context"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestCrawlSite(t *testing.T) {
	site, other := newTestSite(t), newTestSite(t)
	want := buildPortal(t, site, other)
	dir := t.TempDir()
	cfg := testConfig(site.starts()...)

	sum, err := runCrawl(t, context.Background(), cfg, dir)
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	t.Logf("first run: %s; server: %d requests", sum, site.Total())
	got := docs(t, dir)

	for _, p := range want.reports {
		r, ok := got[site.url(p)]
		if !ok {
			t.Errorf("report %s not found", p)
			continue
		}
		if r.Kind != KindReport || !r.stored() {
			t.Errorf("report %s: kind %s sha %q error %q", p, r.Kind, r.SHA256, r.Error)
			continue
		}
		if _, err := ReadRaw(dir, r.SHA256); err != nil {
			t.Errorf("report %s: %v", p, err)
		}
	}
	for _, p := range want.attachments {
		r, ok := got[site.url(p)]
		if !ok || r.Kind != KindAttachment || !r.stored() {
			t.Errorf("attachment %s: got %+v", p, r)
			continue
		}
		if r.Referrer == "" || got[r.Referrer].Kind != KindReport {
			t.Errorf("attachment %s: referrer %q is not a report page", p, r.Referrer)
		}
	}
	for _, p := range append(append(want.decoys, want.disallowed...), want.dropped...) {
		if r, ok := got[site.url(p)]; ok && r.stored() {
			t.Errorf("decoy %s kept: %+v", p, r)
		}
	}
	for _, p := range append(want.decoys, want.disallowed...) {
		if n := site.Hits(p); n != 0 {
			t.Errorf("%s requested %d times, want never", p, n)
		}
	}
	if r := got[site.url("/private/r2023.html")]; r.Error == "" {
		t.Errorf("disallowed URL not recorded with its reason: %+v", r)
	}
	if other.Total() != 0 {
		t.Errorf("server outside allow got %d requests: %v", other.Total(), other.HitURIs())
	}
	if site.Hits("/robots.txt") != 1 {
		t.Errorf("robots.txt fetched %d times, want once", site.Hits("/robots.txt"))
	}
	// The redirect is recorded under the linked URL with its final URL.
	if r := got[site.url("/trs/ndbg/moved.html")]; r.FinalURL != site.url("/trs/ndbg/202402/real.html") {
		t.Errorf("moved.html final_url = %q", r.FinalURL)
	}
	if r := got[site.url("/trs/ndbg/away.html")]; r.SHA256 != "" || r.Error == "" {
		t.Errorf("redirect outside allow: %+v", r)
	}
	// GBK titles were decoded.
	if r := got[site.url("/gbk/r2022.html")]; r.Title != "丙县二〇二二年政府信息公开工作年度报告" {
		t.Errorf("GBK title = %q", r.Title)
	}
	if r := got[site.url("/gbk/list_2.html")]; r.Charset != "gb18030" {
		t.Errorf("undeclared GBK page charset = %q, want gb18030", r.Charset)
	}
	if sum.NewReports != len(want.reports) || sum.NewAttachments != len(want.attachments) {
		t.Errorf("summary new reports %d attachments %d, want %d %d", sum.NewReports, sum.NewAttachments, len(want.reports), len(want.attachments))
	}
	if sum.Errors != 0 {
		t.Errorf("errors = %d", sum.Errors)
	}
	// Every stored row has its body under raw/.
	for u, r := range got {
		if r.SHA256 != "" {
			if _, err := os.Stat(RawPath(dir, r.SHA256)); err != nil {
				t.Errorf("%s: %v", u, err)
			}
		}
	}

	// Second run: everything already seen is asked conditionally.
	before := site.Total()
	before304 := site.Status(304)
	robotsBefore := site.Hits("/robots.txt")
	sum2, err := runCrawl(t, context.Background(), cfg, dir)
	if err != nil {
		t.Fatalf("second run: %v", err)
	}
	reqs := site.Total() - before - (site.Hits("/robots.txt") - robotsBefore)
	n304 := site.Status(304) - before304
	share := float64(n304) / float64(reqs)
	t.Logf("second run: %s; %d of %d requests (robots.txt excluded) answered 304 = %.1f%%; with robots.txt %.1f%%",
		sum2, n304, reqs, 100*share, 100*float64(n304)/float64(site.Total()-before))
	if share < 0.9 {
		t.Errorf("second run: %.1f%% answered 304, want >= 90%%", 100*share)
	}
	if sum2.NewReports != 0 || sum2.Changed != 0 {
		t.Errorf("second run found new %d changed %d", sum2.NewReports, sum2.Changed)
	}
	got2 := docs(t, dir)
	for _, p := range want.reports {
		if r := got2[site.url(p)]; r.Status != 304 || !r.stored() {
			t.Errorf("second run %s: status %d sha %q", p, r.Status, r.SHA256)
		}
	}
	if n := countRows(t, dir); n != len(got2) {
		t.Errorf("documents has %d rows for %d URLs: upsert duplicated rows", n, len(got2))
	}
}

func TestResumeAfterKill(t *testing.T) {
	for _, stopAt := range []int{3, 9, 17, 26} {
		site, other := newTestSite(t), newTestSite(t)
		buildPortal(t, site, other)
		dir := t.TempDir()
		cfg := testConfig(site.starts()...)
		ctx, cancel := context.WithCancel(context.Background())
		site.onHit = func(n int) {
			if n == stopAt {
				cancel()
			}
		}
		_, err := runCrawl(t, ctx, cfg, dir)
		if err == nil {
			t.Fatalf("stop at %d: interrupted run returned no error", stopAt)
		}
		cancel()
		stored := map[string]bool{}
		for u, r := range docs(t, dir) {
			if r.stored() {
				stored[u] = true
			}
		}
		site.onHit = nil
		okBefore := site.OKs()
		if _, err := runCrawl(t, context.Background(), cfg, dir); err != nil {
			t.Fatalf("stop at %d: rerun: %v", stopAt, err)
		}
		for u := range stored {
			p := u[len(site.srv.URL):]
			if n := site.OK(p) - okBefore[p]; n != 0 {
				t.Errorf("stop at %d: %s stored by the killed run was fetched again with 200 (%d)", stopAt, p, n)
			}
		}
		// The resumed crawl finds everything a clean crawl finds.
		got := docs(t, dir)
		fresh := t.TempDir()
		if _, err := runCrawl(t, context.Background(), cfg, fresh); err != nil {
			t.Fatal(err)
		}
		var missing []string
		for u, r := range docs(t, fresh) {
			if g := got[u]; r.stored() && !g.stored() {
				missing = append(missing, u)
			}
		}
		slices.Sort(missing)
		if len(missing) > 0 {
			t.Errorf("stop at %d: resumed crawl misses %v", stopAt, missing)
		}
		t.Logf("stop at request %d: %d documents stored before the kill, resumed without refetching them", stopAt, len(stored))
	}
}

// TestStartURLIsReport: a report page or file listed directly as a start
// URL is kept as a report, with its attachments, and stays a report on
// the next run.
func TestStartURLIsReport(t *testing.T) {
	site := newTestSite(t)
	site.html("/r/2023.html", reportHTML("某区2023年政府信息公开工作年度报告", "a.pdf", "附件"))
	site.page("/r/a.pdf", "application/pdf", []byte("%PDF a"))
	site.page("/r/2022.pdf", "application/pdf", []byte("%PDF b"))
	dir := t.TempDir()
	cfg := testConfig(site.url("/r/2023.html"), site.url("/r/2022.pdf"))
	for run := 1; run <= 2; run++ {
		sum, err := runCrawl(t, context.Background(), cfg, dir)
		if err != nil {
			t.Fatal(err)
		}
		d := docs(t, dir)
		for _, p := range []string{"/r/2023.html", "/r/2022.pdf"} {
			if r := d[site.url(p)]; r.Kind != KindReport || !r.stored() {
				t.Errorf("run %d: %s kept as %s", run, p, r.Kind)
			}
		}
		if r := d[site.url("/r/a.pdf")]; r.Kind != KindAttachment || !r.stored() {
			t.Errorf("run %d: attachment %+v", run, r)
		}
		if run == 1 && sum.NewReports != 2 {
			t.Errorf("run 1: %s", sum)
		}
	}
}

// TestFailingListKeepsKnownReports: when a list page fails on a later run,
// the reports it listed before are still checked (conditionally).
func TestFailingListKeepsKnownReports(t *testing.T) {
	site := newTestSite(t)
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
	dir := t.TempDir()
	cfg := testConfig(site.url("/l/index.html"))
	cfg.Crawl.Retries = 0
	if _, err := runCrawl(t, context.Background(), cfg, dir); err != nil {
		t.Fatal(err)
	}
	site.set("/l/index.html", resource{code: http.StatusInternalServerError})
	sum, err := runCrawl(t, context.Background(), cfg, dir)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Errors != 1 || sum.NotModified != 1 || site.Hits("/l/a.html") != 2 {
		t.Errorf("second run: %s; report requested %d times", sum, site.Hits("/l/a.html"))
	}
	d := docs(t, dir)
	if r := d[site.url("/l/index.html")]; !strings.Contains(r.Error, "500") || r.SHA256 == "" {
		t.Errorf("failed list page should keep its stored body and record the error: %+v", r)
	}
}

func TestProgress(t *testing.T) {
	site := newTestSite(t)
	site.html("/l/index.html", listHTML("a.html", "甲2023年政府信息公开工作年度报告"))
	site.html("/l/a.html", reportHTML("甲2023年政府信息公开工作年度报告"))
	var buf strings.Builder
	if _, err := runCrawl(t, context.Background(), testConfig(site.url("/l/index.html")), t.TempDir(), WithProgress(&buf)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "crawl") {
		t.Errorf("no progress shown: %q", buf.String())
	}
}
