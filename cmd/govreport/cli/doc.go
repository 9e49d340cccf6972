// Package cli holds govreport's subcommands, one cmd_<verb>.go each. main
// only calls Do, so every command runs in-process in tests with its own
// arguments and streams.
package cli
