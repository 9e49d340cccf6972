package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/govreport/govreport/crawl"
	"github.com/govreport/govreport/crawl/demoportal"
	"github.com/govreport/govreport/extract"
	"github.com/govreport/govreport/load"
	"github.com/govreport/govreport/report"
	"github.com/spf13/cobra"
)

func init() { register(newRunCmd) }

// exitLocked is the exit status of a run that found another one going on
// the same data directory (EX_TEMPFAIL: nothing was done, try later).
const exitLocked = 75

// demoAddr is where run serves the embedded demo portal when the port is
// free (a variable for tests).
var demoAddr = "127.0.0.1:47080"

func newRunCmd(env *Env) *cobra.Command {
	var sources string
	var workers int
	cmd := &cobra.Command{
		Use:   "run [--sources FILE]",
		Short: "Crawl, extract and load: the nightly job",
		Long: `run does crawl, extract and load in one go and records the run in the runs
table of DATA/govreport.duckdb: what was fetched, extracted and loaded, how
long it took and whether it failed.

Without --sources it starts the embedded demo portal on a free loopback port
and crawls that, so "govreport run" alone shows the whole pipeline.

Only one run at a time may use a data directory: a second run exits at once
with status 75 and a message naming the lock (DATA/.lock, released when the
first run ends, even if it crashes). The exit status is non-zero only when the
run itself failed (bad sources file, unwritable data directory, a load that
could not complete, or an interrupt); single URLs that fail to fetch and
documents that are not reports are counted, not failures.

SIGINT and SIGTERM stop the run cleanly: the crawl resumes next time, and the
previous Parquet export stays in place.`,
		Example: `  govreport run --data data
  govreport run --sources sources.yaml --data /var/lib/govreport`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return runAll(ctx, env, sources, workers)
		},
	}
	cmd.Flags().StringVar(&sources, "sources", "", "sources file (YAML); without it the embedded demo portal is crawled")
	cmd.Flags().IntVar(&workers, "workers", 0, "documents extracted in parallel (default: number of CPUs)")
	return cmd
}

// runRecord is the row of one run in the runs table.
type runRecord struct {
	id            string
	started       time.Time
	finished      time.Time
	status        string
	exitCode      int
	sources       string
	crawl         crawl.Summary
	extract       extractStats
	load          loadStats
	reportsLoaded int64
	err           string
}

func runAll(ctx context.Context, env *Env, sources string, workers int) error {
	if err := os.MkdirAll(env.DataDir, 0o755); err != nil {
		return fmt.Errorf("run: data directory: %w", err)
	}
	release, err := lockData(env.DataDir)
	if err != nil {
		return &exitError{code: exitLocked, err: err}
	}
	defer release()

	rec := &runRecord{started: time.Now().UTC(), status: "running", sources: sources}
	rec.id = rec.started.Format("20060102T150405Z") + "-" + strconv.Itoa(os.Getpid())
	if sources == "" {
		rec.sources = "demo"
	}
	if err := recordRun(ctx, env.DataDir, rec); err != nil {
		return fmt.Errorf("run: %w", err)
	}
	err = runStages(ctx, env, sources, workers, rec)
	rec.finished = time.Now().UTC()
	rec.status = "ok"
	if err != nil {
		rec.status, rec.exitCode, rec.err = "failed", 1, err.Error()
		if errors.Is(err, context.Canceled) {
			rec.exitCode, rec.err = 130, "interrupted: "+err.Error()
		}
	}
	// The record is written even when the context was cancelled.
	if rerr := recordRun(context.WithoutCancel(ctx), env.DataDir, rec); rerr != nil {
		env.Log.Error().Err(rerr).Msg("run: could not record the run")
		if err == nil {
			err = rerr
		}
	}
	fmt.Fprintf(env.Stdout, "run %s: %s in %s\n", rec.id, rec.status, rec.finished.Sub(rec.started).Round(time.Millisecond))
	if err != nil {
		return &exitError{code: max(rec.exitCode, 1), err: fmt.Errorf("run: %w", err)}
	}
	return nil
}

// runStages runs crawl, extract and load, filling rec as it goes.
func runStages(ctx context.Context, env *Env, sources string, workers int, rec *runRecord) error {
	var cfg *crawl.Config
	if sources != "" {
		c, err := crawl.LoadConfig(sources)
		if err != nil {
			return err
		}
		cfg = c
	} else {
		// The same port every night keeps the portal's URLs, and so the
		// crawl's conditional GETs and the reports' url column, stable; a
		// free port is the fallback when it is taken.
		url, stop, err := demoportal.Start(demoAddr)
		if err != nil {
			url, stop, err = demoportal.Start("127.0.0.1:0")
		}
		if err != nil {
			return fmt.Errorf("start demo portal: %w", err)
		}
		defer stop()
		env.Log.Info().Str("url", url).Msg("run: crawling the embedded demo portal")
		cfg = demoConfig(url)
	}
	hints := map[string]extract.Hints{}
	for _, s := range cfg.Sources {
		hints[s.Name] = extract.Hints{Agency: s.Agency,
			Region: report.Region{Province: s.Region.Province, City: s.Region.City, County: s.Region.County}}
	}

	cr, err := newCrawler(env, cfg)
	if err != nil {
		return err
	}
	rec.crawl, err = cr.Run(ctx)
	fmt.Fprintln(env.Stdout, rec.crawl.String())
	if err != nil {
		return err
	}

	rec.extract, err = runExtractStore(ctx, env, extractOptions{workers: workers}, hints)
	fmt.Fprintln(env.Stdout, rec.extract.String())
	if err != nil {
		return err
	}

	w, err := load.Open(env.DataDir)
	if err != nil {
		return err
	}
	defer w.Close()
	rec.load, err = loadAndExport(ctx, w, false)
	fmt.Fprintln(env.Stdout, rec.load.String())
	return err
}

// demoConfig is the configuration for the embedded demo portal at base:
// its four columns with their dialects and the bodies they belong to.
func demoConfig(base string) *crawl.Config {
	cfg := crawl.DefaultConfig(demoportal.StartURLs(base)...)
	cfg.Sources = nil
	for _, s := range demoportal.Sources(base) {
		cfg.Sources = append(cfg.Sources, crawl.Source{Name: s.Name, Start: s.Start, Dialect: s.Dialect, Agency: s.Agency,
			Region: crawl.Region{Province: s.Region.Province, City: s.Region.City, County: s.Region.County}})
	}
	_ = cfg.Validate() // fills allow; crawl.New reports any error
	return cfg
}

// recordRun inserts or replaces the run's row in the runs table.
func recordRun(ctx context.Context, dataDir string, rec *runRecord) error {
	w, err := load.Open(dataDir)
	if err != nil {
		return err
	}
	defer w.Close()
	var finished, exitCode, duration, errText any
	if !rec.finished.IsZero() {
		finished, exitCode, duration = rec.finished, rec.exitCode, rec.finished.Sub(rec.started).Seconds()
	}
	if rec.err != "" {
		errText = rec.err
	}
	var reports, issues any
	if rec.status != "running" && rec.load.Duration > 0 {
		reports, issues = rec.load.Reports, rec.load.Issues
	}
	db := w.DB()
	if _, err := db.ExecContext(ctx, "DELETE FROM runs WHERE run_id = ?", rec.id); err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	_, err = db.ExecContext(ctx, `INSERT INTO runs (run_id, started_at, finished_at, status, exit_code, sources, version,
  pages, not_modified, new_documents, fetch_errors, extracted, extract_errors, reports_loaded, reports_total, issues, error, duration_seconds)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rec.id, rec.started, finished, rec.status, exitCode, rec.sources, version,
		int64(rec.crawl.Pages), int64(rec.crawl.NotModified), int64(rec.crawl.NewReports+rec.crawl.NewAttachments+rec.crawl.Changed),
		int64(rec.crawl.Errors), int64(rec.extract.Extracted), int64(rec.extract.NotReports+rec.extract.Errors),
		int64(rec.load.Loaded), reports, issues, errText, duration)
	if err != nil {
		return fmt.Errorf("record run: %w", err)
	}
	return nil
}

// lockData takes the data directory's lock (an flock on DATA/.lock, which
// the kernel releases when the process ends, however it ends). It fails at
// once when another process holds it.
func lockData(dataDir string) (release func(), err error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data directory: %w", err)
	}
	path := filepath.Join(dataDir, ".lock")
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := os.ReadFile(path)
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			msg := fmt.Sprintf("another govreport is using %s (lock %s", dataDir, path)
			if h := strings.TrimSpace(string(holder)); h != "" {
				msg += ", held by " + h
			}
			return nil, errors.New(msg + "); try again when it has finished")
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	// Say who holds it, for the message above.
	_ = f.Truncate(0)
	_, _ = f.WriteAt([]byte(fmt.Sprintf("pid %d since %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))), 0)
	return func() {
		_ = f.Truncate(0)
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
