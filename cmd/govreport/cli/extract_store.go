package cli

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/govreport/govreport/crawl"
	"github.com/govreport/govreport/extract"
	"github.com/govreport/govreport/load"
	"github.com/govreport/govreport/report"
)

// storedDoc is one stored body to extract, with what the crawler knew.
type storedDoc struct {
	sha, url, source, title string
}

// extractStats counts one store extraction.
type extractStats struct {
	Documents  int // stored reports and attachments (distinct bodies)
	UpToDate   int // already extracted by this extractor version
	Extracted  int // written as reports
	NotReports int // not an annual report (or a format not read yet)
	Errors     int // unreadable: the store lost the body, or a write failed
	Duration   time.Duration
}

func (s extractStats) String() string {
	return fmt.Sprintf("extract: %d documents, %d extracted, %d not reports or unreadable, %d errors, %d up to date, in %s",
		s.Documents, s.Extracted, s.NotReports, s.Errors, s.UpToDate, s.Duration.Round(time.Millisecond))
}

// skipFile is written for a document that gave no report, so that it is
// not tried again until the extractor version changes.
type skipFile struct {
	ExtractorVersion string `json:"extractor_version"`
	Error            string `json:"error"`
}

// extractStore extracts every stored document not yet extracted by the
// current extractor version.
func extractStore(ctx context.Context, env *Env, opts extractOptions) error {
	release, err := lockData(env.DataDir)
	if err != nil {
		return err
	}
	defer release()
	st, err := runExtractStore(ctx, env, opts, nil)
	fmt.Fprintln(env.Stdout, st.String())
	return err
}

// runExtractStore does the work of extract --data. hints gives, per source
// name, what sources.yaml says of the body (agency, region), used only
// where a document is silent. Per-document failures are counted, not
// returned; the error is for a store that cannot be read at all.
func runExtractStore(ctx context.Context, env *Env, opts extractOptions, hints map[string]extract.Hints) (extractStats, error) {
	start := time.Now()
	var st extractStats
	docs, err := storedDocs(ctx, env.DataDir)
	if err != nil {
		return st, err
	}
	st.Documents = len(docs)
	outDir := filepath.Join(env.DataDir, load.ExtractedDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return st, fmt.Errorf("extract: %w", err)
	}
	var todo []storedDoc
	for _, d := range docs {
		if !opts.force && upToDate(outDir, d.sha) {
			st.UpToDate++
			continue
		}
		todo = append(todo, d)
	}
	workers := opts.workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	jobs := make(chan storedDoc)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range jobs {
				outcome := extractOne(env, outDir, d, hints[d.source])
				mu.Lock()
				switch outcome {
				case outReport:
					st.Extracted++
				case outSkip:
					st.NotReports++
				default:
					st.Errors++
				}
				mu.Unlock()
			}
		}()
	}
feed:
	for _, d := range todo {
		select {
		case jobs <- d:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	st.Duration = time.Since(start)
	if err := ctx.Err(); err != nil {
		return st, fmt.Errorf("extract: %w", err)
	}
	return st, nil
}

// storedDocs lists the distinct bodies of stored reports and attachments;
// a body found at several URLs is extracted once, with the first URL.
func storedDocs(ctx context.Context, dataDir string) ([]storedDoc, error) {
	path := filepath.Join(dataDir, load.DBFile)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("extract: no %s: crawl first (govreport crawl or run)", path)
	}
	db, err := sql.Open("duckdb", path+"?access_mode=read_only")
	if err != nil {
		return nil, fmt.Errorf("extract: open %s: %w", path, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT sha256, url, source, coalesce(title, '')
FROM documents
WHERE kind IN ('report', 'attachment') AND sha256 IS NOT NULL
ORDER BY sha256, url`)
	if err != nil {
		return nil, fmt.Errorf("extract: read documents of %s: %w", path, err)
	}
	defer rows.Close()
	var docs []storedDoc
	for rows.Next() {
		var d storedDoc
		if err := rows.Scan(&d.sha, &d.url, &d.source, &d.title); err != nil {
			return nil, fmt.Errorf("extract: read documents: %w", err)
		}
		if n := len(docs); n > 0 && docs[n-1].sha == d.sha {
			continue
		}
		docs = append(docs, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("extract: read documents: %w", err)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].sha < docs[j].sha })
	return docs, nil
}

// upToDate reports whether the document was already extracted (or
// skipped) by the current extractor version.
func upToDate(outDir, sha string) bool {
	for _, name := range []string{sha + ".json", sha + ".skip.json"} {
		b, err := os.ReadFile(filepath.Join(outDir, name))
		if err != nil {
			continue
		}
		var v struct {
			ExtractorVersion string `json:"extractor_version"`
		}
		if json.Unmarshal(b, &v) == nil && v.ExtractorVersion == extract.Version {
			return true
		}
	}
	return false
}

type outcome int

const (
	outReport outcome = iota
	outSkip
	outError
)

// extractOne extracts one stored body and writes its report or skip file.
func extractOne(env *Env, outDir string, d storedDoc, h extract.Hints) outcome {
	log := env.Log.With().Str("sha256", d.sha).Str("url", d.url).Logger()
	data, err := crawl.ReadRaw(env.DataDir, d.sha)
	if err != nil {
		log.Error().Err(err).Msg("extract: stored body unreadable")
		return outError
	}
	h.URL, h.Title = d.url, d.title
	rep, err := safeExtract(docName(d.url), data, h)
	if err != nil {
		log.Debug().Err(err).Msg("extract: no report")
		if werr := writeAtomic(filepath.Join(outDir, d.sha+".skip.json"), skipFile{ExtractorVersion: extract.Version, Error: err.Error()}); werr != nil {
			log.Error().Err(werr).Msg("extract: write skip file")
			return outError
		}
		// A document that was a report for an older extractor is not any
		// more: its report goes, and load drops it.
		_ = os.Remove(filepath.Join(outDir, d.sha+".json"))
		return outSkip
	}
	if rep.ExtractorVersion == "" {
		rep.ExtractorVersion = extract.Version
	}
	rep.Source.URL, rep.Source.SHA256, rep.Source.Source, rep.Source.Title = d.url, d.sha, d.source, d.title
	rep.Source.Path = crawl.RawPath("", d.sha)
	if err := writeAtomic(filepath.Join(outDir, d.sha+".json"), rep); err != nil {
		log.Error().Err(err).Msg("extract: write report")
		return outError
	}
	_ = os.Remove(filepath.Join(outDir, d.sha+".skip.json"))
	return outReport
}

// safeExtract runs the extractor, turning a panic on hostile input into an
// error for that document so one bad file cannot stop the run.
func safeExtract(name string, data []byte, h extract.Hints) (rep *report.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = nil, fmt.Errorf("extractor panic: %v", r)
		}
	}()
	r, err := extract.Extract(name, data, h)
	if err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errors.New("extractor returned no report")
	}
	return r, nil
}

// docName is the name the readers sniff the format from: the last path
// element of the URL (its extension), or "index.html" for a bare path.
func docName(u string) string {
	p := u
	if pu, err := url.Parse(u); err == nil {
		p = pu.Path
	}
	base := path.Base(p)
	if base == "." || base == "/" || base == "" {
		return "index.html"
	}
	return base
}

// writeAtomic writes v as JSON to a temporary file and renames it into
// place, so a reader never sees half a file.
func writeAtomic(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}
