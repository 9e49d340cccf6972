package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/schollz/progressbar/v3"
)

// Crawler crawls the sources of a Config into a data directory.
type Crawler struct {
	cfg      *Config
	dataDir  string
	log      zerolog.Logger
	client   *http.Client
	clock    Clock
	progress io.Writer
	backoff  time.Duration

	store *store

	// Per-run state, reset by Run.
	st      *state
	fetch   *fetcher
	bar     *progressbar.ProgressBar
	mu      sync.Mutex
	cond    *sync.Cond
	seen    map[string]bool
	queues  map[string]*hostQueue
	pending int
	done    bool
	lists   map[string]int // list pages taken per source
	// postOnly holds the origins whose jpaas dataproxy answered only a
	// POST: their next listing requests skip the GET.
	postOnly map[string]bool
	sum      Summary
	fatal    error
	cancel   context.CancelFunc
	workers  sync.WaitGroup
}

type hostQueue struct{ tasks []*task }

// task is one URL to fetch.
type task struct {
	src      *Source
	url      string
	frag     string // URL fragment, kept for gkmlpt category selection
	kind     string
	title    string
	referrer string
	verify   bool
}

// Option configures a Crawler.
type Option func(*Crawler)

// WithHTTPClient makes the crawler send requests through c (its redirect
// policy is replaced: the crawler follows redirects itself).
func WithHTTPClient(c *http.Client) Option { return func(cr *Crawler) { cr.client = c } }

// WithTransport makes the crawler send requests through rt.
func WithTransport(rt http.RoundTripper) Option {
	return func(cr *Crawler) { cr.client = &http.Client{Transport: rt} }
}

// WithProgress shows a progress bar on w (pass stderr only when it is a
// terminal).
func WithProgress(w io.Writer) Option { return func(cr *Crawler) { cr.progress = w } }

// WithClock replaces the clock used for rate limits, Crawl-delay and
// backoff (tests use a FakeClock).
func WithClock(c Clock) Option { return func(cr *Crawler) { cr.clock = c } }

// WithBackoff sets the base of the exponential retry backoff (default 1s).
func WithBackoff(d time.Duration) Option { return func(cr *Crawler) { cr.backoff = d } }

// Summary counts what a run did.
type Summary struct {
	// Requests is every HTTP request sent, robots.txt and retries included.
	Requests int
	// Pages is every document answered (200, 304 or an error status).
	Pages int
	// Fetched counts 200 answers whose body was stored.
	Fetched int
	// NotModified counts 304 answers.
	NotModified int
	// Kept counts stored documents without validators that were not
	// fetched again.
	Kept int
	// NewReports counts reports (pages or files) stored for the first time.
	NewReports int
	// NewAttachments counts attachments stored for the first time.
	NewAttachments int
	// Changed counts reports and attachments whose body changed.
	Changed int
	// Errors counts URLs that failed (recorded in documents.error).
	Errors int
	// Disallowed counts URLs robots.txt kept us from.
	Disallowed int
	// OutOfScope counts links outside allow, not requested.
	OutOfScope int
	// Bytes is the size of the bodies received with 200.
	Bytes int64
	// Duration is the wall time of the run.
	Duration time.Duration
}

// String is the one-line run summary.
func (s Summary) String() string {
	return fmt.Sprintf("crawl: %d pages (%d fetched, %d not modified, %d kept), %d new reports, %d new attachments, %d changed, %d errors, %d disallowed, %s in %s",
		s.Pages, s.Fetched, s.NotModified, s.Kept, s.NewReports, s.NewAttachments, s.Changed, s.Errors, s.Disallowed,
		humanBytes(s.Bytes), s.Duration.Round(time.Millisecond))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// New checks the configuration and the data directory (it must be
// writable) and returns a crawler. No request is sent.
func New(cfg *Config, dataDir string, log zerolog.Logger, opts ...Option) (*Crawler, error) {
	if cfg == nil {
		return nil, errors.New("crawl: no configuration")
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("crawl config: %w", err)
	}
	st, err := openStore(dataDir)
	if err != nil {
		return nil, fmt.Errorf("data dir %s: %w", dataDir, err)
	}
	c := &Crawler{cfg: cfg, dataDir: dataDir, log: log, clock: realClock{}, store: st, backoff: time.Second}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// Run crawls every source once. Failures of single URLs are recorded in
// documents.error and counted; Run returns an error only when the run
// cannot go on (state not writable) or ctx is cancelled, in which case
// everything fetched so far is kept and the next run resumes.
func (c *Crawler) Run(parent context.Context) (Summary, error) {
	start := time.Now()
	st, err := openState(c.dataDir)
	if err != nil {
		return Summary{}, err
	}
	defer st.close()
	if st.indexErr != nil {
		c.log.Warn().Err(st.indexErr).Msg("crawl state without an index on url: writes are slower")
	}
	c.store.cleanTemp()
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	c.st, c.cancel = st, cancel
	c.seen, c.queues, c.lists = map[string]bool{}, map[string]*hostQueue{}, map[string]int{}
	c.postOnly = map[string]bool{}
	c.pending, c.done, c.sum, c.fatal = 0, false, Summary{}, nil
	c.cond = sync.NewCond(&c.mu)
	c.fetch = newFetcher(c.cfg.Crawl, c.client, c.clock, c.log)
	c.fetch.backoffBase = c.backoff
	c.fetch.requests = func() { c.mu.Lock(); c.sum.Requests++; c.mu.Unlock() }
	c.bar = nil
	if c.progress != nil {
		c.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(c.progress),
			progressbar.OptionSetDescription("crawl"), progressbar.OptionShowCount(),
			progressbar.OptionSpinnerType(14), progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish())
	}

	stop := context.AfterFunc(ctx, func() {
		c.mu.Lock()
		c.done = true
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer stop()

	c.mu.Lock()
	for i := range c.cfg.Sources {
		src := &c.cfg.Sources[i]
		for _, s := range src.Start {
			c.enqueueLocked(ctx, &task{src: src, url: s, kind: KindList})
		}
	}
	if c.pending == 0 {
		c.done = true
	}
	for !c.done {
		c.cond.Wait()
	}
	c.mu.Unlock()
	c.workers.Wait()
	if c.bar != nil {
		c.bar.Finish()
	}

	c.sum.Duration = time.Since(start)
	sum := c.sum
	if cerr := st.close(); cerr != nil && c.fatal == nil {
		c.fatal = fmt.Errorf("close state: %w", cerr)
	}
	c.log.Info().Int("pages", sum.Pages).Int("fetched", sum.Fetched).Int("not_modified", sum.NotModified).
		Int("new_reports", sum.NewReports).Int("errors", sum.Errors).Int64("bytes", sum.Bytes).
		Dur("duration", sum.Duration).Msg(sum.String())
	if c.fatal != nil {
		return sum, c.fatal
	}
	if err := parent.Err(); err != nil {
		return sum, fmt.Errorf("crawl interrupted (the next run resumes): %w", err)
	}
	return sum, nil
}

// enqueueLocked adds a task unless its URL was already taken this run.
// Callers hold c.mu.
func (c *Crawler) enqueueLocked(ctx context.Context, t *task) {
	if c.done {
		return
	}
	if i := strings.IndexByte(t.url, '#'); i >= 0 {
		t.frag, t.url = t.url[i+1:], t.url[:i]
	}
	if c.seen[t.url] {
		return
	}
	u, err := url.Parse(t.url)
	if err != nil {
		return
	}
	if !t.src.allowed(t.url) {
		c.sum.OutOfScope++
		c.log.Debug().Str("url", t.url).Str("source", t.src.Name).Msg("outside allow: not requested")
		return
	}
	if t.kind == KindList {
		if c.lists[t.src.Name] >= c.cfg.Crawl.MaxListPages {
			c.log.Warn().Str("url", t.url).Str("source", t.src.Name).Msg("max_list_pages reached: list page skipped")
			return
		}
		c.lists[t.src.Name]++
	}
	c.seen[t.url] = true
	key := originOf(u)
	q := c.queues[key]
	if q == nil {
		q = &hostQueue{}
		c.queues[key] = q
		for range c.cfg.Crawl.ConnsPerHost {
			c.workers.Add(1)
			go c.worker(ctx, q)
		}
	}
	q.tasks = append(q.tasks, t)
	c.pending++
	c.cond.Broadcast()
}

// worker takes the tasks of one host in order; there are conns_per_host
// workers per host, so hosts proceed in parallel.
func (c *Crawler) worker(ctx context.Context, q *hostQueue) {
	defer c.workers.Done()
	for {
		c.mu.Lock()
		for !c.done && len(q.tasks) == 0 {
			c.cond.Wait()
		}
		if c.done {
			c.mu.Unlock()
			return
		}
		t := q.tasks[0]
		q.tasks = q.tasks[1:]
		c.mu.Unlock()

		found := c.process(ctx, t)

		c.mu.Lock()
		for _, f := range found {
			c.enqueueLocked(ctx, f)
		}
		c.pending--
		if c.pending == 0 {
			c.done = true
		}
		c.cond.Broadcast()
		c.mu.Unlock()
		if c.bar != nil {
			c.bar.Add(1)
		}
	}
}

func (c *Crawler) count(f func(s *Summary)) {
	c.mu.Lock()
	f(&c.sum)
	c.mu.Unlock()
}

// failFatal stops the run: the state can no longer be written.
func (c *Crawler) failFatal(err error) {
	c.mu.Lock()
	if c.fatal == nil {
		c.fatal = err
	}
	c.mu.Unlock()
	c.cancel()
}

// process fetches one task, stores and records it, and returns the tasks
// it leads to.
func (c *Crawler) process(ctx context.Context, t *task) []*task {
	log := c.log.With().Str("url", t.url).Str("source", t.src.Name).Str("kind", t.kind).Logger()
	prev := c.st.get(t.url)
	if t.referrer == "" && prev != nil && prev.Kind == KindReport {
		t.kind = KindReport // a start URL found to be a report itself
	}
	row := docRow{URL: t.url, Source: t.src.Name, Kind: t.kind, Title: t.title, Referrer: t.referrer}
	if prev != nil {
		row = *prev
		row.Source, row.Kind = t.src.Name, t.kind
		if t.title != "" {
			row.Title = t.title
		}
		if t.referrer != "" {
			row.Referrer = t.referrer
		}
	}
	have := prev.stored() && c.store.has(prev.SHA256)

	// A stored report or attachment the server gave no validators for
	// cannot be asked "changed?": it is kept as is rather than fetched
	// again in full each night.
	if have && t.kind != KindList && prev.ETag == "" && prev.LastModified == "" {
		c.count(func(s *Summary) { s.Kept++ })
		return c.known(t)
	}
	var cond *conditional
	if have {
		cond = &conditional{etag: prev.ETag, lastModified: prev.LastModified}
	}
	resp, final, err := c.get(ctx, t, cond)
	if ctx.Err() != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil // in flight when the run stopped: not recorded
	}
	row.FetchedAt = c.clock.Now().UTC()
	row.FinalURL = ""
	if final != t.url {
		row.FinalURL = final
	}
	if err != nil {
		row.Status, row.Error = 0, err.Error()
		if errors.Is(err, ErrRobots) || errors.Is(err, ErrOutsideAllow) {
			c.count(func(s *Summary) { s.Disallowed++ })
			log.Info().Err(err).Msg("not requested")
		} else {
			c.count(func(s *Summary) { s.Errors++ })
			log.Warn().Err(err).Msg("fetch failed")
		}
		c.record(row, nil)
		// What the page led to before is still checked: one failing list
		// page does not hide the reports already known under it.
		return c.known(t)
	}
	defer resp.Body.Close()
	row.Status = resp.StatusCode
	c.count(func(s *Summary) { s.Pages++ })

	switch {
	case resp.StatusCode == http.StatusNotModified && have:
		// Unchanged: no body, no parsing; the links it had are still
		// in the state.
		row.Error = ""
		if et := resp.Header.Get("ETag"); et != "" {
			row.ETag = et
		}
		c.count(func(s *Summary) { s.NotModified++ })
		log.Debug().Msg("not modified")
		c.record(row, nil)
		return c.known(t)
	case resp.StatusCode != http.StatusOK:
		row.Error = fmt.Sprintf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
		c.count(func(s *Summary) { s.Errors++ })
		log.Warn().Int("status", resp.StatusCode).Msg("fetch failed")
		c.record(row, nil)
		return c.known(t)
	}

	ctype := resp.Header.Get("Content-Type")
	parse := t.kind != KindAttachment && isText(ctype, t.url)
	var body bytes.Buffer
	var keep io.Writer
	if parse {
		keep = &body
	}
	var sha string
	var n int64
	if max := int64(c.cfg.Crawl.MaxBody); resp.ContentLength > max {
		// Announced too large: not downloaded at all.
		row.Error = fmt.Sprintf("%v (Content-Length %d > %d)", ErrBodyTooLarge, resp.ContentLength, max)
		c.count(func(s *Summary) { s.Errors++ })
		log.Warn().Int64("content_length", resp.ContentLength).Msg("body not stored")
		c.record(row, nil)
		return nil
	}
	if t.verify && parse {
		// Judge the page before storing it: a page whose own title is
		// not a report is dropped without a trace.
		_, rerr := readLimited(resp.Body, int64(c.cfg.Crawl.MaxBody), &body)
		if rerr != nil {
			err = rerr
		} else if text, _ := decodeText(body.Bytes(), ctype); reportPageTitle(text) == "" {
			log.Debug().Str("title", pageTitle(text)).Msg("not a report: dropped")
			if err := c.st.forget(t.url); err != nil {
				c.failFatal(err)
			}
			return nil
		} else {
			row.Title = reportPageTitle(text)
			sha, n, err = c.store.put(bytes.NewReader(body.Bytes()), int64(c.cfg.Crawl.MaxBody), nil)
		}
	} else {
		sha, n, err = c.store.put(resp.Body, int64(c.cfg.Crawl.MaxBody), keep)
	}
	if err != nil {
		if ctx.Err() != nil {
			return nil
		}
		// Nothing truncated is stored; a previous good copy stays.
		row.Error = err.Error()
		c.count(func(s *Summary) { s.Errors++ })
		log.Warn().Err(err).Msg("body not stored")
		c.record(row, nil)
		return nil
	}
	row.Error = ""
	row.ContentType = ctype
	row.ETag = resp.Header.Get("ETag")
	row.LastModified = resp.Header.Get("Last-Modified")
	row.SHA256, row.Bytes = sha, n
	row.Charset = ""
	c.count(func(s *Summary) {
		s.Fetched++
		s.Bytes += n
		switch {
		case t.kind == KindList:
		case prev == nil || prev.SHA256 == "":
			if t.kind == KindReport {
				s.NewReports++
			} else {
				s.NewAttachments++
			}
		case prev.SHA256 != sha:
			s.Changed++
		}
	})

	var links []link
	if parse {
		text, cs := decodeText(body.Bytes(), ctype)
		row.Charset = cs
		if row.Title == "" && t.kind == KindReport {
			row.Title = reportPageTitle(text)
			if row.Title == "" {
				row.Title = pageTitle(text)
			}
		}
		pu, _ := url.Parse(final)
		pu.Fragment = t.frag
		links = discover(&page{URL: pu, Text: text, ContentType: ctype, Kind: t.kind}, t.src.Dialect)
		// A start URL that leads nowhere and names a report itself is a
		// report page someone listed directly.
		if t.kind == KindList && t.referrer == "" && !leadsOn(links) {
			if title := reportPageTitle(text); title != "" {
				row.Kind, row.Title = KindReport, title
				links = discover(&page{URL: pu, Text: text, ContentType: ctype, Kind: KindReport}, t.src.Dialect)
				c.countStored(prev, KindReport, sha)
			}
		}
	} else {
		if cs := charsetParam(ctype); cs != "" {
			row.Charset = cs
		}
		if t.kind == KindList && t.referrer == "" {
			row.Kind = KindReport // a start URL that is a file is a report document
			c.countStored(prev, KindReport, sha)
		}
	}
	log.Debug().Int64("bytes", n).Int("links", len(links)).Msg("stored")

	var found []docRow
	var next []*task
	for _, l := range links {
		if !t.src.allowed(l.URL) {
			c.count(func(s *Summary) { s.OutOfScope++ })
			continue
		}
		found = append(found, docRow{URL: l.URL, Source: t.src.Name, Kind: l.Kind, Title: l.Title, Referrer: t.url})
		next = append(next, &task{src: t.src, url: l.URL, kind: l.Kind, title: l.Title, referrer: t.url, verify: l.verify})
	}
	c.record(row, found)
	return next
}

// leadsOn reports whether a page links to reports or further list pages.
func leadsOn(ls []link) bool {
	for _, l := range ls {
		if l.Kind == KindReport || l.Kind == KindList {
			return true
		}
	}
	return false
}

// countStored counts a document found to be a report after it was stored
// as a list page.
func (c *Crawler) countStored(prev *docRow, kind, sha string) {
	c.count(func(s *Summary) {
		switch {
		case prev == nil || prev.SHA256 == "":
			if kind == KindReport {
				s.NewReports++
			}
		case prev.SHA256 != sha:
			s.Changed++
		}
	})
}

// known returns the tasks a page led to when it was last parsed, read
// from the state (used when the page itself is unchanged).
func (c *Crawler) known(t *task) []*task {
	var out []*task
	for _, r := range c.st.childrenOf(t.url) {
		// A link found under a truncated title and not yet judged keeps
		// its "judge by the page's own title" mark.
		verify := r.Kind == KindReport && r.SHA256 == "" && !IsReportTitle(r.Title) && candidateTitle(r.Title)
		out = append(out, &task{src: t.src, url: r.URL, kind: r.Kind, title: r.Title, referrer: t.url, verify: verify})
	}
	return out
}

func (c *Crawler) record(row docRow, found []docRow) {
	if err := c.st.record(row, found); err != nil {
		c.failFatal(fmt.Errorf("crawl state: %w", err))
	}
}

// isText reports whether a body is a page to read links from.
func isText(ctype, u string) bool {
	mt, _, _ := mime.ParseMediaType(ctype)
	switch {
	case strings.Contains(mt, "html"), strings.Contains(mt, "xml"), strings.Contains(mt, "json"),
		mt == "text/plain" && !strings.HasSuffix(strings.ToLower(u), ".txt"),
		mt == "text/javascript", mt == "application/javascript":
		return true
	case mt == "" || mt == "application/octet-stream":
		return !attachmentExts[fileExt(strings.SplitN(u, "?", 2)[0])]
	}
	return false
}

func charsetParam(ctype string) string {
	_, params, err := mime.ParseMediaType(ctype)
	if err != nil {
		return ""
	}
	return strings.ToLower(params["charset"])
}

// gkmlptTitle returns DETAIL.title of a gkmlpt content page, or "".
func gkmlptTitle(text string) string {
	cfg := gkmlptConfig(text)
	if cfg == "" {
		return ""
	}
	d, ok := jsValueAfter(cfg, "DETAIL", 0)
	if !ok {
		return ""
	}
	t, ok := jsValueAfter(d, "title", 0)
	if !ok {
		return ""
	}
	v, _ := jsDecode(t)
	s, _ := v.(string)
	return normTitle(s)
}
