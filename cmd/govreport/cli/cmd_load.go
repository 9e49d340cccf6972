package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/govreport/govreport/load"
	"github.com/spf13/cobra"
)

func init() { register(newLoadCmd) }

func newLoadCmd(env *Env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "load",
		Short: "Load extracted reports into DuckDB and export Parquet",
		Long: `load reads the reports that "govreport extract" wrote under DATA/extracted and
loads those that changed since the last load into DATA/govreport.duckdb (tables
reports, cells, issues, report_copies; views requests, proactive,
review_litigation). The same report found twice (an HTML page and its PDF, two
URLs) is loaded once, keyed by body and year; copies that disagree raise
sources_disagree. carryover_continuity is checked across years of each body.

Then it exports DATA/parquet/<table>/year=YYYY/part-0.parquet (zstd) for
reports, cells, issues, requests, proactive and review_litigation. The export
is written beside the previous one and swapped in only when complete.

Loading is idempotent: loading the same files again changes nothing, and two
loads of the same input give identical tables and Parquet bytes.`,
		Example: `  govreport load --data data`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			release, err := lockData(env.DataDir)
			if err != nil {
				return err
			}
			defer release()
			w, err := load.Open(env.DataDir)
			if err != nil {
				return err
			}
			defer w.Close()
			st, err := loadAndExport(ctx, w, force)
			fmt.Fprintln(env.Stdout, st.String())
			return err
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "reload every extracted report, changed or not")
	return cmd
}

// loadStats is what one load did, for the summary line and runs.
type loadStats struct {
	load.Stats
	Parquet   string
	Unchanged bool // the export was current: not rewritten
	Duration  time.Duration
}

func (s loadStats) String() string {
	pq := s.Parquet
	if s.Unchanged {
		pq += " (unchanged)"
	}
	return fmt.Sprintf("load: %d files (%d changed, %d removed, %d unreadable), %d reports loaded; warehouse: %d reports, %d issues; parquet: %s, in %s",
		s.Files, s.Changed, s.Removed, s.Errors, s.Loaded, s.Reports, s.Issues, pq, s.Duration.Round(time.Millisecond))
}

// loadAndExport loads DATA/extracted and exports DATA/parquet.
func loadAndExport(ctx context.Context, w *load.Warehouse, force bool) (loadStats, error) {
	start := time.Now()
	st := loadStats{Parquet: filepath.Join(w.Dir(), load.ParquetDir)}
	var err error
	st.Stats, err = w.LoadDir(ctx, filepath.Join(w.Dir(), load.ExtractedDir), force)
	if err != nil {
		st.Duration = time.Since(start)
		return st, err
	}
	// A night that changed nothing keeps the export it has.
	if !force && st.Changed == 0 && st.Removed == 0 {
		if st.Unchanged, err = w.ExportCurrent(ctx, st.Parquet); err != nil || st.Unchanged {
			st.Duration = time.Since(start)
			return st, err
		}
	}
	err = w.Export(ctx, st.Parquet)
	st.Duration = time.Since(start)
	return st, err
}
