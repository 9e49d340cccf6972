package demoportal

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"path"
	"sort"
	"sync"
	"time"

	"github.com/govreport/govreport/report"
)

//go:embed site dynamic expected
var files embed.FS

// Source is one column of the demo portal, in the shape of a sources.yaml
// entry.
type Source struct {
	Name    string
	Start   []string
	Dialect string // html, trs, jpaas or gkmlpt
	Agency  string
	Region  report.Region
}

// Sources lists the portal's four columns with their start pages under
// base (a URL such as "http://127.0.0.1:8080", without a trailing slash).
func Sources(base string) []Source {
	return []Source{
		{Name: "xinfeng-trs", Start: []string{base + "/trs/xxgk/ndbg/index.html"}, Dialect: "trs",
			Agency: "信丰县人民政府", Region: report.Region{Province: "江西省", City: "赣州市", County: "信丰县"}},
		{Name: "luoyang-czj-gbk", Start: []string{base + "/gbk/zwgk/ndbg/list.asp"}, Dialect: "html",
			Agency: "洛阳市财政局", Region: report.Region{Province: "河南省", City: "洛阳市"}},
		{Name: "wuxing-jpaas", Start: []string{base + "/col/col1234/index.html"}, Dialect: "jpaas",
			Agency: "湖州市吴兴区人民政府", Region: report.Region{Province: "浙江省", City: "湖州市", County: "吴兴区"}},
		{Name: "shibi-gkmlpt", Start: []string{base + "/gkmlpt/index"}, Dialect: "gkmlpt",
			Agency: "广州市番禺区人民政府石壁街道办事处", Region: report.Region{Province: "广东省", City: "广州市", County: "番禺区"}},
	}
}

// StartURLs lists the start page of every column under base.
func StartURLs(base string) []string {
	var out []string
	for _, s := range Sources(base) {
		out = append(out, s.Start...)
	}
	return out
}

// ExpectedReport is one report the portal publishes, with the canonical
// JSON (SCHEMA.md) an extractor should produce from it.
type ExpectedReport struct {
	Path   string // URL path of the document that holds the report
	Format string // html or pdf
	Title  string
	Family string // trs, gbk, jpaas or gkmlpt
	JSON   []byte
}

// Decoy is a page or link that looks like a report and is not one (a
// notice, another kind of annual report, a staff list) or is off limits
// (robots-disallowed, off the portal). Path is a URL path, or an absolute
// URL for the off-portal link.
type Decoy struct {
	Path   string `json:"path"`
	Title  string `json:"title"`
	Family string `json:"family"`
}

// ExpectedReports lists every report with its expected JSON, by path.
func ExpectedReports() ([]ExpectedReport, error) {
	var idx []struct {
		Path, File, Format, Title, Family string
	}
	if err := readJSON("expected/index.json", &idx); err != nil {
		return nil, err
	}
	out := make([]ExpectedReport, 0, len(idx))
	for _, e := range idx {
		b, err := files.ReadFile(path.Join("expected", e.File))
		if err != nil {
			return nil, fmt.Errorf("demoportal: expected %s: %w", e.File, err)
		}
		out = append(out, ExpectedReport{Path: e.Path, Format: e.Format, Title: e.Title, Family: e.Family, JSON: b})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// Expected returns the expected JSON of every report keyed by the URL path
// (with its query, for the .docx download) of the document holding it; nil
// only if the embedded index were unreadable, which the tests rule out.
func Expected() map[string][]byte {
	rs, err := ExpectedReports()
	if err != nil {
		return nil
	}
	m := make(map[string][]byte, len(rs))
	for _, r := range rs {
		m[r.Path] = r.JSON
	}
	return m
}

// Decoys lists the portal's decoys.
func Decoys() ([]Decoy, error) {
	var out []Decoy
	if err := readJSON("dynamic/decoys.json", &out); err != nil {
		return nil, err
	}
	return out, nil
}

// DisallowedPrefix is the path robots.txt disallows; nothing under it may
// ever be fetched by a polite crawler.
const DisallowedPrefix = "/private/"

func readJSON(name string, v any) error {
	b, err := files.ReadFile(name)
	if err != nil {
		return fmt.Errorf("demoportal: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("demoportal: %s: %w", name, err)
	}
	return nil
}

// Start serves the portal on addr (127.0.0.1:0, a free loopback port, when
// empty) and returns its base URL and a function that stops it.
func Start(addr string) (url string, stop func(), err error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	h, err := newHandler()
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("demoportal: listen %s: %w", addr, err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Serve returns http.ErrServerClosed after stop; should the
		// listener break before, clients see connection errors.
		_ = srv.Serve(ln)
	}()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			_ = srv.Shutdown(ctx)
			<-done
		})
	}
	return "http://" + ln.Addr().String(), stop, nil
}

// Handler returns the portal's handler. Were the embedded files broken
// (the package's tests rule it out), every request would get a 500 naming
// the problem.
func Handler() http.Handler {
	h, err := newHandler()
	if err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		})
	}
	return h
}

var (
	loadOnce sync.Once
	loaded   *handler
	loadErr  error
)

func newHandler() (*handler, error) {
	loadOnce.Do(func() { loaded, loadErr = load() })
	return loaded, loadErr
}

// siteFS is the served tree.
func siteFS() fs.FS {
	sub, _ := fs.Sub(files, "site")
	return sub
}
