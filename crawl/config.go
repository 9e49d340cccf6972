package crawl

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Version is the program version written into the default User-Agent; the
// CLI sets it from its build version.
var Version = "dev"

// DefaultUserAgent is the honest User-Agent sent when sources.yaml names none.
func DefaultUserAgent() string {
	return "govreport/" + Version + " (+https://github.com/govreport/govreport)"
}

// Dialects lists the discovery dialects a source may name.
var Dialects = []string{"auto", "html", "trs", "jpaas", "gkmlpt"}

// Config is a parsed and validated sources.yaml.
type Config struct {
	Crawl   Settings `yaml:"crawl"`
	Sources []Source `yaml:"sources"`
}

// Settings are the crawl-wide politeness and robustness settings.
type Settings struct {
	// UserAgent is sent with every request and matched against robots.txt.
	UserAgent string `yaml:"user_agent"`
	// RatePerHost is the request rate per host, per second; a larger
	// robots.txt Crawl-delay wins.
	RatePerHost float64 `yaml:"rate_per_host"`
	// Timeout bounds one HTTP exchange, body included.
	Timeout time.Duration `yaml:"timeout"`
	// MaxBody is the largest body stored; a larger one is an error for
	// that URL and nothing is stored.
	MaxBody ByteSize `yaml:"max_body"`
	// Retries is how many times a request failing with a network error,
	// 429 or 5xx is retried.
	Retries int `yaml:"retries"`
	// MaxRedirects is the redirect limit per request.
	MaxRedirects int `yaml:"max_redirects"`
	// ConnsPerHost is the number of parallel connections per host.
	ConnsPerHost int `yaml:"conns_per_host"`
	// MaxRetryAfter caps how long a Retry-After header makes us wait.
	MaxRetryAfter time.Duration `yaml:"max_retry_after"`
	// MaxCrawlDelay caps a robots.txt Crawl-delay: a host asking for
	// more (some say 3600) is crawled at this interval, with a warning,
	// rather than over days.
	MaxCrawlDelay time.Duration `yaml:"max_crawl_delay"`
	// MaxListPages bounds the list pages followed per source (a guard
	// against endless pagination).
	MaxListPages int `yaml:"max_list_pages"`
}

// Source is one portal column (or several) to crawl.
type Source struct {
	// Name identifies the source; unique.
	Name string `yaml:"name"`
	// Start lists the list pages of report columns.
	Start StringList `yaml:"start"`
	// Allow lists URL prefixes the crawler may request; default: the
	// start URLs' hosts (http and https).
	Allow StringList `yaml:"allow"`
	// Agency is a hint used only where a report does not name itself.
	Agency string `yaml:"agency"`
	// Region is a hint used only where a report does not name its region.
	Region Region `yaml:"region"`
	// Dialect is the discovery dialect: auto, html, trs, jpaas or gkmlpt.
	Dialect string `yaml:"dialect"`
}

// Region names the administrative area of a source.
type Region struct {
	Province string `yaml:"province"`
	City     string `yaml:"city"`
	County   string `yaml:"county"`
}

// StringList accepts either one YAML string or a sequence of strings.
type StringList []string

// UnmarshalYAML implements yaml.Unmarshaler.
func (l *StringList) UnmarshalYAML(n *yaml.Node) error {
	switch n.Kind {
	case yaml.ScalarNode:
		*l = StringList{n.Value}
		return nil
	case yaml.SequenceNode:
		var s []string
		if err := n.Decode(&s); err != nil {
			return err
		}
		*l = s
		return nil
	}
	return fmt.Errorf("line %d: want a URL or a list of URLs", n.Line)
}

// ByteSize is a size in bytes written as 50MB, 512KB, 1GiB or a plain number.
type ByteSize int64

var sizeRe = regexp.MustCompile(`^\s*(\d+(?:\.\d+)?)\s*([KMGkmg]i?[Bb]?|[Bb])?\s*$`)

// ParseByteSize parses a size such as 50MB (binary multiples: 1MB = 1<<20).
func ParseByteSize(s string) (ByteSize, error) {
	m := sizeRe.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("size %q: want a number with an optional unit (B, KB, MB, GB)", s)
	}
	f, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		return 0, fmt.Errorf("size %q: %w", s, err)
	}
	mult := float64(1)
	switch strings.ToUpper(m[2][:min(1, len(m[2]))]) {
	case "K":
		mult = 1 << 10
	case "M":
		mult = 1 << 20
	case "G":
		mult = 1 << 30
	}
	return ByteSize(f * mult), nil
}

// UnmarshalYAML implements yaml.Unmarshaler.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseByteSize(n.Value)
	if err != nil {
		return fmt.Errorf("line %d: %w", n.Line, err)
	}
	*b = v
	return nil
}

// Defaults of the crawl settings (issue 3).
const (
	DefaultRatePerHost   = 1.0
	DefaultTimeout       = 30 * time.Second
	DefaultMaxBody       = ByteSize(50 << 20)
	DefaultRetries       = 4
	DefaultMaxRedirects  = 10
	DefaultConnsPerHost  = 1
	DefaultMaxRetryAfter = 10 * time.Minute
	DefaultMaxListPages  = 2000
	DefaultMaxCrawlDelay = 30 * time.Second
)

func defaultSettings() Settings {
	return Settings{
		UserAgent:     DefaultUserAgent(),
		RatePerHost:   DefaultRatePerHost,
		Timeout:       DefaultTimeout,
		MaxBody:       DefaultMaxBody,
		Retries:       DefaultRetries,
		MaxRedirects:  DefaultMaxRedirects,
		ConnsPerHost:  DefaultConnsPerHost,
		MaxRetryAfter: DefaultMaxRetryAfter,
		MaxListPages:  DefaultMaxListPages,
		MaxCrawlDelay: DefaultMaxCrawlDelay,
	}
}

// LoadConfig reads and validates a sources.yaml file.
func LoadConfig(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read sources %s: %w", path, err)
	}
	cfg, err := ParseConfig(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return cfg, nil
}

// ParseConfig parses and validates sources.yaml content. Unknown keys are
// errors, so a typo never silently falls back to a default.
func ParseConfig(data []byte) (*Config, error) {
	cfg := &Config{Crawl: defaultSettings()}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("no sources: the file is empty")
		}
		return nil, fmt.Errorf("parse: %w", err)
	}
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// DefaultConfig is the configuration for a portal given only by its start
// URLs (the embedded demo portal): one source named "demo", dialect auto,
// allowed on the start URLs' hosts. Its rate is higher than the default
// because the demo portal runs on loopback; a robots.txt Crawl-delay still
// wins.
func DefaultConfig(start ...string) *Config {
	cfg := &Config{Crawl: defaultSettings()}
	cfg.Crawl.RatePerHost = 50
	cfg.Sources = []Source{{Name: "demo", Start: start, Dialect: "auto"}}
	_ = cfg.Validate() // fills allow; errors surface again in New
	return cfg
}

// Validate checks the configuration and fills derived defaults (allow
// prefixes, dialect). Errors name the source they concern.
func (c *Config) Validate() error {
	s := &c.Crawl
	if s.UserAgent == "" {
		s.UserAgent = DefaultUserAgent()
	}
	if s.RatePerHost <= 0 {
		return fmt.Errorf("crawl.rate_per_host must be > 0, got %v", s.RatePerHost)
	}
	if s.Timeout <= 0 {
		return fmt.Errorf("crawl.timeout must be > 0, got %v", s.Timeout)
	}
	if s.MaxBody <= 0 {
		return fmt.Errorf("crawl.max_body must be > 0, got %d", s.MaxBody)
	}
	if s.Retries < 0 {
		return fmt.Errorf("crawl.retries must be >= 0, got %d", s.Retries)
	}
	if s.MaxRedirects < 0 {
		return fmt.Errorf("crawl.max_redirects must be >= 0, got %d", s.MaxRedirects)
	}
	if s.ConnsPerHost <= 0 {
		return fmt.Errorf("crawl.conns_per_host must be > 0, got %d", s.ConnsPerHost)
	}
	if s.MaxRetryAfter <= 0 {
		return fmt.Errorf("crawl.max_retry_after must be > 0, got %v", s.MaxRetryAfter)
	}
	if s.MaxListPages <= 0 {
		return fmt.Errorf("crawl.max_list_pages must be > 0, got %d", s.MaxListPages)
	}
	if s.MaxCrawlDelay <= 0 {
		return fmt.Errorf("crawl.max_crawl_delay must be > 0, got %v", s.MaxCrawlDelay)
	}
	if len(c.Sources) == 0 {
		return errors.New("no sources: list at least one under sources:")
	}
	seen := map[string]int{}
	for i := range c.Sources {
		src := &c.Sources[i]
		if err := src.validate(); err != nil {
			name := src.Name
			if name == "" {
				name = fmt.Sprintf("#%d", i+1)
			}
			return fmt.Errorf("source %s: %w", name, err)
		}
		if j, dup := seen[src.Name]; dup {
			return fmt.Errorf("source %s: duplicate name (also source #%d)", src.Name, j+1)
		}
		seen[src.Name] = i
	}
	return nil
}

func (src *Source) validate() error {
	if strings.TrimSpace(src.Name) == "" {
		return errors.New("name is required")
	}
	if strings.ContainsAny(src.Name, " \t\r\n/\\") {
		return fmt.Errorf("name %q: no spaces or slashes", src.Name)
	}
	if src.Dialect == "" {
		src.Dialect = "auto"
	}
	known := false
	for _, d := range Dialects {
		known = known || d == src.Dialect
	}
	if !known {
		return fmt.Errorf("unknown dialect %q (want one of %s)", src.Dialect, strings.Join(Dialects, ", "))
	}
	if len(src.Start) == 0 {
		return errors.New("start: at least one URL is required")
	}
	for _, s := range src.Start {
		if _, err := parseHTTPURL(s); err != nil {
			return fmt.Errorf("start %w", err)
		}
	}
	if len(src.Allow) == 0 {
		seen := map[string]bool{}
		for _, s := range src.Start {
			u, _ := url.Parse(s)
			for _, scheme := range []string{"https", "http"} {
				p := scheme + "://" + strings.ToLower(u.Host) + "/"
				if !seen[p] {
					seen[p] = true
					src.Allow = append(src.Allow, p)
				}
			}
		}
	}
	for i, a := range src.Allow {
		u, err := parseHTTPURL(a)
		if err != nil {
			return fmt.Errorf("allow %w", err)
		}
		_ = u
		src.Allow[i] = normalizePrefix(a) // a bare host gets "/": the whole host
	}
	for _, s := range src.Start {
		if !src.allowed(s) {
			return fmt.Errorf("start URL %s is outside allow %v", s, []string(src.Allow))
		}
	}
	return nil
}

func parseHTTPURL(s string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil {
		return nil, fmt.Errorf("URL %q: %w", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("URL %q: want an absolute http or https URL", s)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("URL %q: no host", s)
	}
	return u, nil
}

// normalizePrefix lower-cases scheme and host so prefix tests are not
// fooled by case.
func normalizePrefix(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return s
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if u.Path == "" && u.RawQuery == "" {
		u.Path = "/"
	}
	return u.String()
}

// allowed reports whether u is inside one of the source's allow prefixes.
func (src *Source) allowed(u string) bool {
	n := normalizePrefix(u)
	for _, p := range src.Allow {
		if strings.HasPrefix(n, p) {
			return true
		}
	}
	return false
}
