package cli

import (
	"database/sql"
	"fmt"
	"io"
	"strings"

	"github.com/govreport/govreport/queries"
	"github.com/spf13/cobra"
)

func init() { register(newSQLCmd) }

func newSQLCmd(env *Env) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   `sql ["SELECT …" | -] [--format table|csv|json|markdown]`,
		Short: "Run your own SQL on the warehouse, read-only",
		Long: `Run one SQL statement on DATA/govreport.duckdb, opened read-only: every
table and view (reports, cells, issues, requests, proactive,
review_litigation, documents, runs …) can be read, nothing can be changed.
"govreport schema" and docs/DATA.md describe the columns.

The statement is the argument (quote it for the shell); with no argument or
"-" it is read from standard input. Several statements separated by ";" run
in order and the last one's result is printed. Read-only applies to the
database: COPY (SELECT …) TO 'file.csv' still writes a file. The output formats and the NULL
conventions are those of "govreport query": table on a terminal, csv
otherwise; NULL is empty in csv and markdown, null in json, NULL in table.

Exit status: 0 on success, 1 when the database is missing or the SQL fails
(the database's message is printed), 2 for a usage mistake.`,
		Example: `  govreport sql "SELECT year, count(*) AS reports FROM reports GROUP BY year ORDER BY year"
  govreport sql "SELECT * FROM requests WHERE applicant = 'total' AND year = 2022" --format json
  echo "SELECT rule, count(*) FROM issues GROUP BY rule" | govreport sql`,
		RunE: func(cmd *cobra.Command, args []string) error {
			text, err := sqlText(env, args)
			if err != nil {
				return err
			}
			return writeResult(env, format, func(db *sql.DB, w queries.RowWriter) error {
				if err := queries.Exec(cmd.Context(), db, text, nil, w); err != nil {
					return fmt.Errorf("sql: %w", err)
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "", "output format: "+strings.Join(queries.Formats, ", ")+" (default: table on a terminal, csv otherwise)")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &exitError{code: queryExitUsage, err: err} })
	return cmd
}

// sqlText is the statement from the arguments (joined by spaces, so an
// unquoted statement works too) or, with none or "-", from stdin.
func sqlText(env *Env, args []string) (string, error) {
	var text string
	if len(args) == 0 || (len(args) == 1 && args[0] == "-") {
		if env.Stdin == nil {
			return "", queryUsageError("sql: no statement: give it as an argument or on standard input")
		}
		b, err := io.ReadAll(env.Stdin)
		if err != nil {
			return "", fmt.Errorf("sql: read standard input: %w", err)
		}
		text = string(b)
	} else {
		text = strings.Join(args, " ")
	}
	if strings.TrimSpace(text) == "" {
		return "", queryUsageError("sql: no statement: give it as an argument or on standard input")
	}
	return text, nil
}
