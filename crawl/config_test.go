package crawl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseConfigDefaults(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
sources:
  - name: panyu
    start: [https://www.example.gov.cn/xxgk/ndbg/index.html]
    agency: 广州市番禺区人民政府
    region: {province: 广东省, city: 广州市, county: 番禺区}
`))
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Crawl
	if c.RatePerHost != 1 || c.Timeout != 30*time.Second || c.MaxBody != 50<<20 || c.Retries != 4 || c.ConnsPerHost != 1 {
		t.Errorf("defaults: %+v", c)
	}
	if !strings.HasPrefix(c.UserAgent, "govreport/") || !strings.Contains(c.UserAgent, "(+https://github.com/govreport/govreport)") {
		t.Errorf("user agent %q", c.UserAgent)
	}
	s := cfg.Sources[0]
	if s.Dialect != "auto" || s.Region.County != "番禺区" || s.Agency != "广州市番禺区人民政府" {
		t.Errorf("source: %+v", s)
	}
	wantAllow := []string{"https://www.example.gov.cn/", "http://www.example.gov.cn/"}
	if strings.Join(s.Allow, " ") != strings.Join(wantAllow, " ") {
		t.Errorf("default allow = %v, want %v", s.Allow, wantAllow)
	}
	if !s.allowed("https://WWW.example.gov.cn/a/b.pdf") || s.allowed("https://www.example.gov.cn.evil.com/") || !s.allowed("http://www.example.gov.cn") {
		t.Error("allow test wrong")
	}
}

func TestParseConfigSettings(t *testing.T) {
	cfg, err := ParseConfig([]byte(`
crawl:
  user_agent: "test-bot/1.0"
  rate_per_host: 0.5
  timeout: 1m30s
  max_body: 512KB
  retries: 0
sources:
  - name: a
    start: https://a.gov.cn/ndbg/
    allow: [https://a.gov.cn/ndbg/, https://files.a.gov.cn]
    dialect: trs
`))
	if err != nil {
		t.Fatal(err)
	}
	c := cfg.Crawl
	if c.UserAgent != "test-bot/1.0" || c.RatePerHost != 0.5 || c.Timeout != 90*time.Second || c.MaxBody != 512<<10 || c.Retries != 0 {
		t.Errorf("settings: %+v", c)
	}
	if got := cfg.Sources[0].Allow; len(got) != 2 || got[1] != "https://files.a.gov.cn/" {
		t.Errorf("allow = %v", got)
	}
}

func TestParseConfigErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"empty", ``, "empty"},
		{"no sources", "crawl: {retries: 1}\n", "no sources"},
		{"unknown top key", "sorces: []\n", "field sorces not found"},
		{"unknown crawl key", "crawl: {rate: 1}\nsources: [{name: a, start: [https://a.cn/]}]\n", "field rate not found"},
		{"unknown source key", "sources: [{name: a, start: [https://a.cn/], dialekt: trs}]\n", "field dialekt not found"},
		{"no name", "sources: [{start: [https://a.cn/]}]\n", "source #1: name is required"},
		{"duplicate", "sources: [{name: a, start: [https://a.cn/]}, {name: a, start: [https://b.cn/]}]\n", "source a: duplicate name"},
		{"bad url", "sources: [{name: a, start: ['ht tp://x']}]\n", "source a: start URL"},
		{"relative url", "sources: [{name: a, start: [/ndbg/index.html]}]\n", "source a: start URL \"/ndbg/index.html\": want an absolute http or https URL"},
		{"ftp url", "sources: [{name: a, start: ['ftp://a.cn/']}]\n", "want an absolute http"},
		{"no start", "sources: [{name: a}]\n", "source a: start"},
		{"bad dialect", "sources: [{name: a, start: [https://a.cn/], dialect: wordpress}]\n", "source a: unknown dialect \"wordpress\""},
		{"bad allow", "sources: [{name: a, start: [https://a.cn/], allow: [a.cn]}]\n", "source a: allow URL"},
		{"start outside allow", "sources: [{name: a, start: [https://a.cn/x/], allow: [https://a.cn/y/]}]\n", "source a: start URL https://a.cn/x/ is outside allow"},
		{"bad size", "crawl: {max_body: lots}\nsources: [{name: a, start: [https://a.cn/]}]\n", "size \"lots\""},
		{"bad duration", "crawl: {timeout: soon}\nsources: [{name: a, start: [https://a.cn/]}]\n", "cannot unmarshal !!str `soon` into time.Duration"},
		{"zero rate", "crawl: {rate_per_host: 0}\nsources: [{name: a, start: [https://a.cn/]}]\n", "rate_per_host must be > 0"},
		{"negative retries", "crawl: {retries: -1}\nsources: [{name: a, start: [https://a.cn/]}]\n", "retries must be >= 0"},
		{"name with space", "sources: [{name: 'a b', start: [https://a.cn/]}]\n", "no spaces"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseConfig([]byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to mention %q", err, tc.want)
			}
		})
	}
}

func TestLoadConfigFile(t *testing.T) {
	if _, err := LoadConfig(filepath.Join(t.TempDir(), "missing.yaml")); err == nil {
		t.Error("missing file accepted")
	}
	// The example shipped with the repository is valid.
	cfg, err := LoadConfig("../examples/sources.yaml")
	if err != nil {
		t.Fatalf("examples/sources.yaml: %v", err)
	}
	if len(cfg.Sources) < 3 {
		t.Errorf("example has %d sources", len(cfg.Sources))
	}
	p := filepath.Join(t.TempDir(), "s.yaml")
	os.WriteFile(p, []byte("sources: [{name: a, start: [https://a.cn/], dialect: nope}]\n"), 0o644)
	if _, err := LoadConfig(p); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("error does not name the file: %v", err)
	}
}

func TestParseByteSize(t *testing.T) {
	for in, want := range map[string]ByteSize{"50MB": 50 << 20, "512KB": 512 << 10, "1GiB": 1 << 30, "100": 100, "2.5MB": 5 << 19, "10 kb": 10 << 10, "7B": 7} {
		got, err := ParseByteSize(in)
		if err != nil || got != want {
			t.Errorf("ParseByteSize(%q) = %d %v, want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "MB", "-1MB", "1TB", "1.2.3"} {
		if _, err := ParseByteSize(in); err == nil {
			t.Errorf("ParseByteSize(%q) accepted", in)
		}
	}
}

func TestDefaultConfig(t *testing.T) {
	cfg := DefaultConfig("http://127.0.0.1:8080/trs/index.html", "http://127.0.0.1:8080/gkmlpt/index")
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(cfg.Sources) != 1 || cfg.Sources[0].Dialect != "auto" || len(cfg.Sources[0].Start) != 2 {
		t.Errorf("%+v", cfg.Sources)
	}
	if !cfg.Sources[0].allowed("http://127.0.0.1:8080/x.pdf") {
		t.Error("demo host not allowed")
	}
}
