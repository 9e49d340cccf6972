package cli

import (
	"database/sql"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/govreport/govreport/queries"
	"github.com/spf13/cobra"
)

func init() { register(newQueryCmd) }

// Exit statuses of query and sql: a usage mistake (unknown query, bad
// parameter, bad format) is 2; a failure to open the database or run the
// SQL is 1.
const (
	queryExitFailure = 1
	queryExitUsage   = 2
)

func queryUsageError(format string, args ...any) error {
	return &exitError{code: queryExitUsage, err: fmt.Errorf(format, args...)}
}

type queryOptions struct {
	params  []string
	format  string
	showSQL bool
}

func newQueryCmd(env *Env) *cobra.Command {
	var opts queryOptions
	cmd := &cobra.Command{
		Use:   "query (list | NAME [--param key=value]... [--format table|csv|json|markdown])",
		Short: "Run a canned analysis on the warehouse",
		Long:  queryLong(),
		Example: `  govreport query list
  govreport query disclosure_rate --param year=2022
  govreport query denial_reasons --param province=广东省 --format markdown
  govreport query review_litigation --show-sql`,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch {
			case len(args) == 0 || (len(args) == 1 && args[0] == "list"):
				if len(opts.params) > 0 {
					return queryUsageError("query list takes no --param")
				}
				return listQueries(env, opts.format)
			case len(args) > 1:
				return queryUsageError("query takes one query name, got %d arguments (%s); pass parameters with --param key=value", len(args), strings.Join(args, " "))
			}
			return runQuery(cmd, env, args[0], opts)
		},
	}
	cmd.Flags().StringArrayVarP(&opts.params, "param", "p", nil, "set a parameter of the query, as key=value (repeatable); parameters left out mean no filter")
	cmd.Flags().StringVarP(&opts.format, "format", "f", "", "output format: "+strings.Join(queries.Formats, ", ")+" (default: table on a terminal, csv otherwise)")
	cmd.Flags().BoolVar(&opts.showSQL, "show-sql", false, "print the query's SQL file (its header documents it) instead of running it")
	cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &exitError{code: queryExitUsage, err: err} })
	return cmd
}

// queryLong is the help text: what the command does, then every query
// and every parameter, from the queries' own headers.
func queryLong() string {
	var b strings.Builder
	b.WriteString(`Run one of the canned analyses (queries/*.sql, built into the binary) on
DATA/govreport.duckdb, opened read-only. "govreport query list" lists them;
"--show-sql" prints one with its header (what it answers, its columns).

Every parameter is optional: one left out means no filter. Ratios are
computed from summed counts and rounded to 4 decimals; a division by zero
gives NULL. NULL is written as an empty field in csv and markdown, null in
json and NULL in the table format.

Exit status: 0 on success, 1 when the database is missing or the SQL fails,
2 for an unknown query, a bad parameter or a bad format.

Queries:
`)
	qs := queries.List()
	width := 0
	for _, q := range qs {
		width = max(width, len(q.Name))
	}
	type paramUse struct {
		p     queries.Param
		order int
		users []string
	}
	params := map[string]*paramUse{}
	for _, q := range qs {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, q.Name, q.Title)
		var names []string
		for _, p := range q.Params {
			names = append(names, p.Name)
			if params[p.Name] == nil {
				params[p.Name] = &paramUse{p: p, order: len(params)}
			}
			params[p.Name].users = append(params[p.Name].users, q.Name)
		}
		if len(names) > 0 {
			fmt.Fprintf(&b, "  %-*s  params: %s\n", width, "", strings.Join(names, ", "))
		}
	}
	b.WriteString("\nParameters:\n")
	pnames := make([]string, 0, len(params))
	for n := range params {
		pnames = append(pnames, n)
	}
	sort.Slice(pnames, func(i, j int) bool {
		// The common ones first, in the order the queries declare them.
		a, c := params[pnames[i]], params[pnames[j]]
		if len(a.users) != len(c.users) {
			return len(a.users) > len(c.users)
		}
		return a.order < c.order
	})
	for _, n := range pnames {
		u := params[n]
		fmt.Fprintf(&b, "  %s (%s): %s", n, u.p.Type, u.p.Description)
		if len(u.users) < len(qs) {
			fmt.Fprintf(&b, " Only %s.", strings.Join(u.users, ", "))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// queryOutputFormat resolves --format: table when stdout is a terminal, csv
// when it is a pipe or a file.
func queryOutputFormat(env *Env, format string) (string, error) {
	if format == "" {
		if isTerminal(env.Stdout) {
			return queries.FormatTable, nil
		}
		return queries.FormatCSV, nil
	}
	if !slices.Contains(queries.Formats, format) {
		return "", queryUsageError("--format %q: want %s", format, strings.Join(queries.Formats, ", "))
	}
	return format, nil
}

func listQueries(env *Env, format string) error {
	format, err := queryOutputFormat(env, format)
	if err != nil {
		return err
	}
	w, err := queries.NewWriter(env.Stdout, format)
	if err != nil {
		return queryUsageError("%v", err)
	}
	cols := []queries.ResultColumn{{Name: "name", Type: "VARCHAR"}, {Name: "title", Type: "VARCHAR"}, {Name: "parameters", Type: "VARCHAR"}}
	if err := w.Header(cols); err != nil {
		return err
	}
	for _, q := range queries.List() {
		var names []string
		for _, p := range q.Params {
			names = append(names, p.Name)
		}
		if err := w.Row([]any{q.Name, q.Title, strings.Join(names, ", ")}); err != nil {
			return err
		}
	}
	return w.Close()
}

func runQuery(cmd *cobra.Command, env *Env, name string, opts queryOptions) error {
	q, err := queries.Get(name)
	if err != nil {
		return &exitError{code: queryExitUsage, err: err}
	}
	if opts.showSQL {
		_, err := io.WriteString(env.Stdout, q.SQL)
		return err
	}
	values, err := queries.ParseParams(opts.params)
	if err != nil {
		return queryUsageError("%v", err)
	}
	// Check the parameters before touching the database, so a typo is
	// reported as such even where no database exists yet.
	if _, _, err := q.Bind(values); err != nil {
		return queryUsageError("%v", err)
	}
	return writeResult(env, opts.format, func(db *sql.DB, w queries.RowWriter) error {
		return queries.Run(cmd.Context(), db, q, values, w)
	})
}

// writeResult is the end that query and sql share: open the warehouse
// read-only and write what exec produces in the chosen output format.
func writeResult(env *Env, format string, exec func(*sql.DB, queries.RowWriter) error) error {
	format, err := queryOutputFormat(env, format)
	if err != nil {
		return err
	}
	db, err := queries.Open(env.DataDir)
	if err != nil {
		return &exitError{code: queryExitFailure, err: err}
	}
	defer db.Close()
	w, err := queries.NewWriter(env.Stdout, format)
	if err != nil {
		return queryUsageError("%v", err)
	}
	if err := exec(db, w); err != nil {
		return &exitError{code: queryExitFailure, err: err}
	}
	return nil
}
