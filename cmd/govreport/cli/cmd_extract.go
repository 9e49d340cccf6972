package cli

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/govreport/govreport/extract"
	"github.com/spf13/cobra"
)

func init() { register(newExtractCmd) }

type extractOptions struct {
	json    bool
	workers int
	force   bool
}

func newExtractCmd(env *Env) *cobra.Command {
	var opts extractOptions
	cmd := &cobra.Command{
		Use:   "extract [--json] [FILE...]",
		Short: "Extract canonical reports from documents",
		Long: `With FILE arguments, extract prints the canonical report (SCHEMA.md JSON form)
of each file, one JSON object per line. A file that cannot be read or is not an
annual report gets one line on stderr; the others are still processed and the
exit status is 1 at the end.

Without FILE arguments, extract reads every stored document under --data that
the current extractor version has not extracted yet and writes
DATA/extracted/<sha256>.json for each. No network is used.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return extractStore(cmd.Context(), env, opts)
			}
			return extractFiles(env, args)
		},
	}
	cmd.Flags().BoolVar(&opts.json, "json", true, "print JSON (the only output form; kept for compatibility with scripts)")
	cmd.Flags().IntVar(&opts.workers, "workers", 0, "documents extracted in parallel from the store (default: number of CPUs)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "re-extract stored documents even when already extracted by this version")
	return cmd
}

// extractFiles extracts each named file and prints its report as one JSON
// line; failures are reported per file and turn the exit status to 1.
func extractFiles(env *Env, paths []string) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(env.Stderr, "govreport: extract %s: %v\n", path, err)
			failed++
			continue
		}
		rep, err := extract.Extract(path, data, extract.Hints{})
		if err != nil {
			fmt.Fprintf(env.Stderr, "govreport: extract %s: %v\n", path, err)
			failed++
			continue
		}
		if err := enc.Encode(rep); err != nil {
			return fmt.Errorf("write report of %s: %w", path, err)
		}
	}
	if failed > 0 {
		return silentExit(1)
	}
	return nil
}
