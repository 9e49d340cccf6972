package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/rs/zerolog"
	"github.com/spf13/cobra"
)

// version is set at build time with -ldflags "-X .../cli.version=…".
var version = "dev"

// Env is what every command gets: its streams, the global flags and a
// logger configured from them.
type Env struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer

	DataDir   string
	LogLevel  string
	LogFormat string
	Log       zerolog.Logger
}

// exitError carries a specific exit status out of a command. Commands
// return it when they have already said what went wrong.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// silentExit makes Do exit with code without printing anything more.
func silentExit(code int) error { return &exitError{code: code} }

// commands lists the constructors of every subcommand; each cmd_<verb>.go
// adds its own in init.
var commands []func(*Env) *cobra.Command

func register(f func(*Env) *cobra.Command) { commands = append(commands, f) }

// Do runs govreport with args (without the program name) and returns the
// process exit status.
func Do(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr}
	root := newRoot(env)
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	// One interrupt context for every command: SIGINT and SIGTERM cancel
	// the work in progress, which each stage leaves resumable.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "govreport: %v\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "govreport: %v\n", err)
	return 1
}

func newRoot(env *Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "govreport",
		Short: "Turn government information disclosure annual reports into data",
		Long: `govreport crawls government portals for 政府信息公开工作年度报告 (government
information disclosure annual reports), extracts every cell of their three
tables into the canonical form of SCHEMA.md, checks the identities, and loads
the result into DuckDB (data/govreport.duckdb) and hive-partitioned Parquet.

Stages: crawl → extract → load → query. "govreport run" does the first three;
with no --sources it crawls the embedded demo portal.`,
		Version:       version,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return env.setupLog()
		},
	}
	root.PersistentFlags().StringVar(&env.DataDir, "data", envOr("GOVREPORT_DATA", "data"), "data directory (raw store, extracted reports, DuckDB, Parquet)")
	root.PersistentFlags().StringVar(&env.LogLevel, "log-level", "info", "log level: debug, info, warn, error")
	root.PersistentFlags().StringVar(&env.LogFormat, "log-format", "auto", "log format: auto (console on a terminal, JSON otherwise), console, json")
	for _, f := range commands {
		root.AddCommand(f(env))
	}
	return root
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// isTerminal reports whether w is a terminal, for progress bars and log
// format.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

func (env *Env) setupLog() error {
	level, err := zerolog.ParseLevel(strings.ToLower(env.LogLevel))
	if err != nil || env.LogLevel == "" {
		return fmt.Errorf("--log-level %q: want debug, info, warn or error", env.LogLevel)
	}
	var w io.Writer = env.Stderr
	switch env.LogFormat {
	case "json":
	case "console":
		w = zerolog.ConsoleWriter{Out: env.Stderr, TimeFormat: time.TimeOnly, NoColor: !isTerminal(env.Stderr)}
	case "auto":
		if isTerminal(env.Stderr) {
			w = zerolog.ConsoleWriter{Out: env.Stderr, TimeFormat: time.TimeOnly}
		}
	default:
		return fmt.Errorf("--log-format %q: want auto, console or json", env.LogFormat)
	}
	env.Log = zerolog.New(w).Level(level).With().Timestamp().Logger()
	return nil
}
