// Command score runs the extractor in-process on generated batches and
// prints cell and metadata accuracy per form.
//
//	go run ./scripts/independent/score [-misses] [DIR...]
//
// DIR defaults to testdata/independent/dev and testdata/independent/holdout.
// -misses lists every wrong cell, but never for a holdout batch: nobody may
// tune on it.
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/govreport/govreport/scripts/independent"
)

func main() {
	misses := flag.Bool("misses", false, "list every wrong cell (dev batches only)")
	flag.Parse()
	dirs := flag.Args()
	if len(dirs) == 0 {
		dirs = []string{"testdata/independent/dev", "testdata/independent/holdout"}
	}
	code := 0
	for _, d := range dirs {
		res, err := independent.Score(d)
		if err != nil {
			fmt.Fprintln(os.Stderr, "score:", err)
			code = 1
			continue
		}
		res.Print(os.Stdout)
		fmt.Println()
		if *misses {
			if strings.Contains(d, "holdout") {
				fmt.Fprintf(os.Stderr, "score: not listing misses of %s (holdout)\n", d)
				continue
			}
			res.PrintMisses(os.Stdout)
		}
	}
	os.Exit(code)
}
