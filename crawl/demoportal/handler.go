package demoportal

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// lastModified is the fixed Last-Modified of every response: the portal's
// content never changes while it runs, so a re-crawl gets 304s.
var lastModified = time.Date(2026, time.February, 1, 0, 0, 0, 0, time.UTC)

// page is one static file with its response headers.
type page struct {
	body        []byte
	contentType string
	etag        string
}

type handler struct {
	pages  map[string]*page // by URL path
	jpaas  jpaasData
	gkmlpt gkmlptData
}

func load() (*handler, error) {
	h := &handler{pages: map[string]*page{}}
	site := siteFS()
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		h.pages["/"+p] = &page{body: b, contentType: contentType("/" + p), etag: etag(b)}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("demoportal: load site: %w", err)
	}
	if err := readJSON("dynamic/jpaas.json", &h.jpaas); err != nil {
		return nil, err
	}
	if err := readJSON("dynamic/gkmlpt.json", &h.gkmlpt); err != nil {
		return nil, err
	}
	return h, nil
}

// contentType is what the portal's servers send. The old GBK portal sends
// text/html with no charset, as such servers do, so a client must sniff
// the meta tag or the bytes.
func contentType(p string) string {
	switch {
	case strings.HasPrefix(p, "/gbk/"):
		return "text/html"
	case strings.HasSuffix(p, ".pdf"):
		return "application/pdf"
	case strings.HasSuffix(p, ".txt"):
		return "text/plain; charset=utf-8"
	case strings.HasSuffix(p, ".docx"):
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	return "text/html; charset=utf-8"
}

func etag(b []byte) string {
	sum := sha256.Sum256(b)
	return `"` + hex.EncodeToString(sum[:10]) + `"`
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	switch {
	case p == "/module/web/jpage/dataproxy.jsp":
		if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodPost {
			methodNotAllowed(w, "GET, HEAD, POST")
			return
		}
		h.serveDataproxy(w, r)
		return
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		methodNotAllowed(w, "GET, HEAD")
		return
	case p == "/module/download/downfile.jsp":
		// 大汉's attachment download: the file is named by filename=.
		name := r.URL.Query().Get("filename")
		pg, ok := h.pages["/module/download/"+name]
		if name == "" || strings.ContainsAny(name, "/\\") || !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		serve(w, r, pg.body, pg.contentType, pg.etag)
		return
	case strings.HasPrefix(p, "/gkmlpt/api/all/"):
		h.serveGkmlptAPI(w, r)
		return
	case strings.HasSuffix(p, ".asp"):
		// An ASP list page: list.asp?page=N is the file list_N.htm.
		n := 1
		if v := r.URL.Query().Get("page"); v != "" {
			var err error
			if n, err = strconv.Atoi(v); err != nil || n < 1 {
				http.NotFound(w, r)
				return
			}
		}
		p = strings.TrimSuffix(p, ".asp") + "_" + strconv.Itoa(n) + ".htm"
	case strings.HasSuffix(p, "/"):
		p += "index.html"
	}
	pg, ok := h.pages[p]
	if !ok {
		if _, dir := h.pages[p+"/index.html"]; dir {
			// A column named without its slash, as servers answer it.
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
		http.NotFound(w, r)
		return
	}
	serve(w, r, pg.body, pg.contentType, pg.etag)
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
}

// serve writes body with ETag and Last-Modified, or 304 when the request's
// If-None-Match (first) or If-Modified-Since says the client has it.
func serve(w http.ResponseWriter, r *http.Request, body []byte, ctype, tag string) {
	hd := w.Header()
	hd.Set("ETag", tag)
	hd.Set("Last-Modified", lastModified.Format(http.TimeFormat))
	if notModified(r, tag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	hd.Set("Content-Type", ctype)
	hd.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(body)
	}
}

func notModified(r *http.Request, tag string) bool {
	if inm := r.Header.Get("If-None-Match"); inm != "" {
		for _, t := range strings.Split(inm, ",") {
			t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
			if t == "*" || t == tag {
				return true
			}
		}
		return false
	}
	if ims := r.Header.Get("If-Modified-Since"); ims != "" {
		t, err := http.ParseTime(ims)
		return err == nil && !lastModified.After(t)
	}
	return false
}

// serveBytes serves a generated response with an ETag of its own bytes.
func serveBytes(w http.ResponseWriter, r *http.Request, body []byte, ctype string) {
	serve(w, r, body, ctype, etag(body))
}

func serveJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	if status != http.StatusOK {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		_, _ = w.Write(b.Bytes())
		return
	}
	serveBytes(w, r, b.Bytes(), "application/json; charset=utf-8")
}
