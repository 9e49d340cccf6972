package cli

import (
	"github.com/govreport/govreport/load"
	"github.com/spf13/cobra"
)

func init() { register(newSchemaCmd) }

func newSchemaCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "schema [--format markdown|text]",
		Short: "Print the data dictionary: tables, views, columns, codes",
		Long: `schema prints the data dictionary of the warehouse from the Arrow declarations
that also make the DuckDB tables and the Parquet files: every table and view
with its columns, types and descriptions, the rules for report_id, duplicates
and agency_key, and the code lists of the three report tables. docs/DATA.md is
this command's Markdown output ("make docs").`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return load.WriteDictionary(env.Stdout, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "markdown", "output format: markdown or text")
	return cmd
}
