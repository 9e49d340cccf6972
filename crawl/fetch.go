package crawl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"
	"github.com/temoto/robotstxt"
	"golang.org/x/time/rate"
)

// Errors recorded for URLs the crawler refused to request.
var (
	ErrOutsideAllow  = errors.New("outside allow")
	ErrRobots        = errors.New("disallowed by robots.txt")
	ErrTooManyRedirs = errors.New("too many redirects")
)

// robotsAgent is the product token matched against robots.txt User-agent
// lines.
const robotsAgent = "govreport"

const maxRobotsBody = 512 << 10

// fetcher is the polite HTTP client: robots.txt, per-host rate limit,
// retries with backoff, manual redirects inside allow.
type fetcher struct {
	client      *http.Client
	set         Settings
	clock       Clock
	backoffBase time.Duration
	log         zerolog.Logger

	mu    sync.Mutex
	hosts map[string]*hostState

	// requests counts every HTTP request sent (robots.txt included).
	requests func()
}

type hostState struct {
	once        sync.Once
	robots      *robotstxt.RobotsData
	group       *robotstxt.Group
	disallowAll bool
	robotsNote  string

	mu  sync.Mutex
	lim *rate.Limiter
}

func newFetcher(set Settings, client *http.Client, clock Clock, log zerolog.Logger) *fetcher {
	if client == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxConnsPerHost = set.ConnsPerHost
		tr.MaxIdleConnsPerHost = set.ConnsPerHost
		client = &http.Client{Transport: tr}
	}
	c := *client
	// Redirects are followed by hand, so each hop is checked against
	// allow and robots.txt and waits for the host's rate limit.
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	if c.Timeout == 0 {
		c.Timeout = set.Timeout
	}
	return &fetcher{client: &c, set: set, clock: clock, backoffBase: time.Second, log: log,
		hosts: map[string]*hostState{}, requests: func() {}}
}

func originOf(u *url.URL) string { return strings.ToLower(u.Scheme + "://" + u.Host) }

func (f *fetcher) host(u *url.URL) *hostState {
	key := originOf(u)
	f.mu.Lock()
	defer f.mu.Unlock()
	hs := f.hosts[key]
	if hs == nil {
		hs = &hostState{lim: rate.NewLimiter(rate.Every(interval(f.set.RatePerHost, 0)), 1)}
		f.hosts[key] = hs
	}
	return hs
}

// interval is the gap between two requests to one host: the configured
// rate, or the robots.txt Crawl-delay when that is larger.
func interval(ratePerHost float64, crawlDelay time.Duration) time.Duration {
	d := time.Duration(float64(time.Second) / ratePerHost)
	return max(d, crawlDelay)
}

// wait blocks until the host's rate limit lets one more request go.
func (f *fetcher) wait(ctx context.Context, hs *hostState) error {
	hs.mu.Lock()
	now := f.clock.Now()
	r := hs.lim.ReserveN(now, 1)
	d := r.DelayFrom(now)
	hs.mu.Unlock()
	return f.clock.Sleep(ctx, d)
}

// robotsAllowed fetches robots.txt once per origin per run and tests u
// against it. A 4xx robots.txt allows everything; 5xx, or no answer at all,
// disallows the whole host for this run.
func (f *fetcher) robotsAllowed(ctx context.Context, u *url.URL) (bool, string) {
	hs := f.host(u)
	hs.once.Do(func() { f.loadRobots(ctx, u, hs) })
	if hs.disallowAll {
		return false, hs.robotsNote
	}
	if hs.group == nil {
		return true, ""
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return hs.group.Test(p), ""
}

func (f *fetcher) loadRobots(ctx context.Context, u *url.URL, hs *hostState) {
	ru := originOf(u) + "/robots.txt"
	var resp *http.Response
	var err error
	for hop := 0; ; hop++ {
		resp, err = f.doRetry(ctx, ru, nil, nil)
		if err != nil || !isRedirect(resp.StatusCode) || hop >= f.set.MaxRedirects {
			break
		}
		loc, lerr := resp.Location()
		drain(resp)
		if lerr != nil {
			err = lerr
			break
		}
		ru = loc.String()
	}
	if err != nil {
		hs.disallowAll = true
		hs.robotsNote = "robots.txt unreachable: " + err.Error()
		f.log.Warn().Str("host", u.Host).Err(err).Msg("robots.txt unreachable; host skipped for this run")
		return
	}
	defer drain(resp)
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxRobotsBody))
	if err != nil {
		hs.disallowAll = true
		hs.robotsNote = "robots.txt unreadable: " + err.Error()
		return
	}
	code := resp.StatusCode
	if isRedirect(code) {
		code = http.StatusNotFound // redirect loop: treat as no robots.txt
	}
	if code >= 500 || code == http.StatusTooManyRequests {
		hs.disallowAll = true
		hs.robotsNote = fmt.Sprintf("robots.txt answered %d", code)
		f.log.Warn().Str("host", u.Host).Int("status", code).Msg("robots.txt server error; host skipped for this run")
		return
	}
	if code == http.StatusOK && isHTMLBody(resp.Header.Get("Content-Type"), body) {
		// An HTML page served for /robots.txt (a portal's soft 404 or
		// its home page) holds no rules: like a missing robots.txt, it
		// allows everything. This is what the major crawlers do (RFC
		// 9309 parses only rule lines; an HTML page has none).
		f.log.Info().Str("host", u.Host).Msg("robots.txt is an HTML page: no rules, everything allowed")
		return
	}
	rd, err := robotstxt.FromStatusAndBytes(code, body)
	if err != nil {
		// An unparseable robots.txt: the parser keeps what it could read.
		f.log.Warn().Str("host", u.Host).Err(err).Msg("robots.txt parse error")
		if rd == nil {
			return
		}
	}
	hs.robots = rd
	hs.group = rd.FindGroup(robotsAgent)
	if hs.group != nil && hs.group.CrawlDelay > 0 {
		delay := hs.group.CrawlDelay
		if f.set.MaxCrawlDelay > 0 && delay > f.set.MaxCrawlDelay {
			f.log.Warn().Str("host", u.Host).Dur("crawl_delay", delay).Dur("max_crawl_delay", f.set.MaxCrawlDelay).
				Msg("robots.txt Crawl-delay beyond max_crawl_delay: using the cap")
			delay = f.set.MaxCrawlDelay
		}
		iv := interval(f.set.RatePerHost, delay)
		hs.mu.Lock()
		hs.lim.SetLimitAt(f.clock.Now(), rate.Every(iv))
		hs.mu.Unlock()
		f.log.Debug().Str("host", u.Host).Dur("crawl_delay", hs.group.CrawlDelay).Msg("robots.txt Crawl-delay")
	}
}

// isHTMLBody reports whether a robots.txt answer is an HTML page: by its
// Content-Type, or by markup at its start (servers that label everything
// text/plain or nothing at all).
func isHTMLBody(ctype string, body []byte) bool {
	head := bytes.TrimSpace(bytes.TrimPrefix(body, []byte("\xef\xbb\xbf")))
	head = bytes.ToLower(head[:min(len(head), 512)])
	markup := bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) ||
		bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<head")) || bytes.HasPrefix(head, []byte("<body"))
	if markup {
		return true
	}
	mt, _, _ := mime.ParseMediaType(ctype)
	return (mt == "text/html" || mt == "application/xhtml+xml") && bytes.HasPrefix(head, []byte("<"))
}

// conditional carries the validators of a stored copy.
type conditional struct {
	etag, lastModified string
}

// get requests u with the validators in cond, following redirects inside
// allow and robots.txt. It returns the final response (the caller closes
// its body) and the final URL.
func (f *fetcher) get(ctx context.Context, src *Source, u string, cond *conditional) (*http.Response, string, error) {
	cur := u
	for hop := 0; ; hop++ {
		pu, err := url.Parse(cur)
		if err != nil {
			return nil, cur, fmt.Errorf("bad URL %q: %w", cur, err)
		}
		if !src.allowed(cur) {
			return nil, cur, fmt.Errorf("%w: %s", ErrOutsideAllow, cur)
		}
		if ok, note := f.robotsAllowed(ctx, pu); !ok {
			if note != "" {
				return nil, cur, fmt.Errorf("%w (%s): %s", ErrRobots, note, cur)
			}
			return nil, cur, fmt.Errorf("%w: %s", ErrRobots, cur)
		}
		resp, err := f.doRetry(ctx, cur, cond, nil)
		if err != nil {
			return nil, cur, err
		}
		if !isRedirect(resp.StatusCode) {
			return resp, cur, nil
		}
		loc, err := resp.Location()
		drain(resp)
		if err != nil {
			return nil, cur, fmt.Errorf("redirect %d from %s: %w", resp.StatusCode, cur, err)
		}
		if hop >= f.set.MaxRedirects {
			return nil, cur, fmt.Errorf("%w (%d) from %s", ErrTooManyRedirs, f.set.MaxRedirects, u)
		}
		loc.Fragment = ""
		cur = loc.String()
	}
}

func isRedirect(code int) bool {
	switch code {
	case http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect:
		return true
	}
	return false
}

func retryable(code int) bool {
	return code == http.StatusTooManyRequests || (code >= 500 && code != http.StatusNotImplemented)
}

// post sends u as a form POST: the parameters of form go in the body, u
// keeps its query. It checks allow and robots.txt like get; a redirect
// answer is returned as is (a POST is not replayed elsewhere).
func (f *fetcher) post(ctx context.Context, src *Source, u string, form url.Values) (*http.Response, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, fmt.Errorf("bad URL %q: %w", u, err)
	}
	if !src.allowed(u) {
		return nil, fmt.Errorf("%w: %s", ErrOutsideAllow, u)
	}
	if ok, note := f.robotsAllowed(ctx, pu); !ok {
		return nil, fmt.Errorf("%w (%s): %s", ErrRobots, note, u)
	}
	return f.doRetry(ctx, u, nil, form)
}

// doRetry sends one GET (or a form POST when form is not nil), retrying
// network errors, 429 and 5xx with
// exponential backoff and jitter, or after Retry-After when the server
// says so. The last response is returned even when it is still an error
// status, so the caller records it.
func (f *fetcher) doRetry(ctx context.Context, u string, cond *conditional, form url.Values) (*http.Response, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return nil, err
	}
	hs := f.host(pu)
	for attempt := 0; ; attempt++ {
		if err := f.wait(ctx, hs); err != nil {
			return nil, err
		}
		method, body := http.MethodGet, io.Reader(nil)
		if form != nil {
			method, body = http.MethodPost, strings.NewReader(form.Encode())
		}
		req, err := http.NewRequestWithContext(ctx, method, u, body)
		if err != nil {
			return nil, err
		}
		if form != nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
		}
		req.Header.Set("User-Agent", f.set.UserAgent)
		req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.9,*/*;q=0.8")
		if cond != nil {
			if cond.etag != "" {
				req.Header.Set("If-None-Match", cond.etag)
			}
			if cond.lastModified != "" {
				req.Header.Set("If-Modified-Since", cond.lastModified)
			}
		}
		f.requests()
		resp, err := f.client.Do(req)
		var delay time.Duration
		switch {
		case err != nil:
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			if attempt >= f.set.Retries {
				return nil, fmt.Errorf("%s %s: %w", method, u, err)
			}
			delay = f.backoff(attempt)
			f.log.Debug().Str("url", u).Err(err).Dur("wait", delay).Msg("retry after network error")
		case retryable(resp.StatusCode):
			if attempt >= f.set.Retries {
				return resp, nil
			}
			delay = f.backoff(attempt)
			if ra, ok := retryAfter(resp.Header.Get("Retry-After"), f.clock.Now()); ok {
				delay = min(ra, f.set.MaxRetryAfter)
			}
			drain(resp)
			f.log.Debug().Str("url", u).Int("status", resp.StatusCode).Dur("wait", delay).Msg("retry")
		default:
			return resp, nil
		}
		if err := f.clock.Sleep(ctx, delay); err != nil {
			return nil, err
		}
	}
}

// backoff is base·2^attempt, capped at two minutes, with jitter: a random
// duration between half and all of it.
func (f *fetcher) backoff(attempt int) time.Duration {
	d := float64(f.backoffBase) * math.Pow(2, float64(attempt))
	d = math.Min(d, float64(2*time.Minute))
	return time.Duration(d/2 + rand.Float64()*d/2)
}

// retryAfter parses a Retry-After header: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0, false
		}
		return time.Duration(n) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// drain reads a little of the body and closes it so the connection can be
// reused.
func drain(resp *http.Response) {
	io.CopyN(io.Discard, resp.Body, 4<<10)
	resp.Body.Close()
}
