package crawl

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Many jpaas (大汉) servers answer dataproxy.jsp only to a POST, as the
// jpage script sends it: the paging parameters (startrecord, endrecord,
// perpage) in the query and the others (columnid, unitid, webid, appid,
// path, webname …) as form fields. The crawler asks with a GET first, as
// the listing URL reads, and falls back to that POST when the GET answers
// a non-2xx status or a body without any <record>. An origin whose proxy
// needed the POST gets it directly for the rest of the run. The state row
// stays keyed by the GET form of the URL, so the next run finds it.

// jpaasPaging are the dataproxy parameters jpage sends in the query of
// its POST.
var jpaasPaging = []string{"startrecord", "endrecord", "perpage"}

// isDataproxy reports whether u is a jpaas listing request.
func isDataproxy(u *url.URL) bool {
	return strings.HasSuffix(strings.ToLower(u.Path), "dataproxy.jsp")
}

// get fetches a task's URL: a plain conditional GET, or for a jpaas
// dataproxy request the GET with its POST fallback.
func (c *Crawler) get(ctx context.Context, t *task, cond *conditional) (*http.Response, string, error) {
	u, err := url.Parse(t.url)
	if err != nil || !isDataproxy(u) {
		return c.fetch.get(ctx, t.src, t.url, cond)
	}
	origin := originOf(u)
	c.mu.Lock()
	post := c.postOnly[origin]
	c.mu.Unlock()
	var got *http.Response // a 2xx GET without records, kept if the POST fails
	if !post {
		resp, final, err := c.fetch.get(ctx, t.src, t.url, cond)
		if err != nil || resp.StatusCode == http.StatusNotModified {
			return resp, final, err
		}
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			var buf bytes.Buffer
			n, rerr := readLimited(resp.Body, int64(c.cfg.Crawl.MaxBody), &buf)
			resp.Body.Close()
			if rerr != nil {
				return nil, final, fmt.Errorf("read %s: %w", final, rerr)
			}
			resp.Body = io.NopCloser(&buf)
			resp.ContentLength = n
			if bytes.Contains(bytes.ToLower(buf.Bytes()), []byte("<record")) {
				return resp, final, nil
			}
			got = resp
		} else {
			drain(resp)
		}
		c.log.Debug().Str("url", t.url).Int("status", resp.StatusCode).Msg("dataproxy GET gave no records: asking by POST")
	}
	pu, form := jpaasPostForm(u)
	resp, err := c.fetch.post(ctx, t.src, pu.String(), form)
	ok := err == nil && resp.StatusCode >= 200 && resp.StatusCode < 300
	if !ok && got != nil {
		// The POST is no better: the GET's answer (an empty group,
		// say) stands.
		if resp != nil {
			drain(resp)
		}
		return got, t.url, nil
	}
	if err != nil {
		return nil, t.url, err
	}
	if ok && !post && got != nil {
		// Remember the POST only when it brought records the GET lacked.
		var buf bytes.Buffer
		n, rerr := readLimited(resp.Body, int64(c.cfg.Crawl.MaxBody), &buf)
		resp.Body.Close()
		if rerr != nil {
			return got, t.url, nil
		}
		resp.Body, resp.ContentLength = io.NopCloser(&buf), n
		ok = bytes.Contains(bytes.ToLower(buf.Bytes()), []byte("<record"))
	}
	if ok && !post {
		c.mu.Lock()
		c.postOnly[origin] = true
		c.mu.Unlock()
	}
	// The row keeps the GET form of the URL: it names the same listing.
	return resp, t.url, nil
}

// jpaasPostForm splits a dataproxy URL into the URL jpage posts to (the
// paging parameters in its query) and the form fields of the body (every
// other parameter).
func jpaasPostForm(u *url.URL) (*url.URL, url.Values) {
	q := u.Query()
	keep := url.Values{}
	for _, k := range jpaasPaging {
		if v, ok := q[k]; ok {
			keep[k] = v
			delete(q, k)
		}
	}
	pu := *u
	pu.RawQuery = keep.Encode()
	return &pu, q
}
