package cli

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCrawlCommand(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ndbg/index.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><a href="r.html">某区2023年政府信息公开工作年度报告</a><a href="n.html">关于报送2023年政府信息公开工作年度报告的通知</a></body></html>`)
	})
	mux.HandleFunc("/ndbg/r.html", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>某区2023年政府信息公开工作年度报告</title></head><body>正文</body></html>`)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	sources := filepath.Join(dir, "sources.yaml")
	os.WriteFile(sources, []byte(fmt.Sprintf("crawl: {rate_per_host: 100}\nsources:\n  - name: t\n    start: [%s/ndbg/index.html]\n", srv.URL)), 0o644)

	var out, errb bytes.Buffer
	code := Do([]string{"crawl", "--sources", sources, "--data", filepath.Join(dir, "data"), "--log-format", "json"}, nil, &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "1 new reports") || !strings.Contains(out.String(), "0 errors") {
		t.Errorf("summary line: %q", out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "data", "govreport.duckdb")); err != nil {
		t.Error(err)
	}

	// Bad configuration: a clear error naming the source, non-zero exit,
	// and no request.
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("sources:\n  - name: x\n    start: [not-a-url]\n"), 0o644)
	out.Reset()
	errb.Reset()
	if code := Do([]string{"crawl", "--sources", bad, "--data", filepath.Join(dir, "data")}, nil, &out, &errb); code == 0 ||
		!strings.Contains(errb.String(), "source x") {
		t.Errorf("bad config: exit %d, stderr %q", code, errb.String())
	}
	errb.Reset()
	if code := Do([]string{"crawl", "--data", dir}, nil, &out, &errb); code == 0 || !strings.Contains(errb.String(), "--sources") {
		t.Errorf("missing --sources: exit %d, stderr %q", code, errb.String())
	}
	// An unwritable data directory fails the run.
	file := filepath.Join(dir, "file")
	os.WriteFile(file, nil, 0o644)
	errb.Reset()
	if code := Do([]string{"crawl", "--sources", sources, "--data", file}, nil, &out, &errb); code == 0 {
		t.Errorf("unwritable data dir: exit 0")
	}
	// The help shows an example sources file.
	out.Reset()
	Do([]string{"crawl", "--help"}, nil, &out, &errb)
	if !strings.Contains(out.String(), "rate_per_host") || !strings.Contains(out.String(), "dialect: auto") {
		t.Errorf("help lacks the example: %s", out.String())
	}
}
