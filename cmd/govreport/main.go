// Command govreport crawls, extracts, loads and queries China's government
// information disclosure annual reports. See README.md.
package main

import (
	"os"

	"github.com/govreport/govreport/cmd/govreport/cli"
)

func main() {
	os.Exit(cli.Do(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
