// Command bench-load measures the warehouse: it generates a synthetic
// corpus of reports (streaming, never all in memory), loads it into a fresh
// DuckDB with load.Warehouse.Put in batches, runs the cross-year checks,
// exports the Parquet files, and prints cells per second and peak memory
// (VmHWM from /proc/self/status).
//
//	go run ./scripts/bench-load -n 100000
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/govreport/govreport/load"
	"github.com/govreport/govreport/report"
)

func main() {
	n := flag.Int("n", 100000, "reports to generate")
	batch := flag.Int("batch", 1000, "reports per Put")
	dir := flag.String("dir", "", "data directory (default: a fresh temporary directory, removed at the end)")
	keep := flag.Bool("keep", false, "keep the data directory")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench-load:", err)
			os.Exit(1)
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if err := run(*n, *batch, *dir, *keep); err != nil {
		pprof.StopCPUProfile()
		fmt.Fprintln(os.Stderr, "bench-load:", err)
		os.Exit(1)
	}
}

func run(n, batch int, dir string, keep bool) error {
	ctx := context.Background()
	if dir == "" {
		d, err := os.MkdirTemp("", "bench-load-")
		if err != nil {
			return err
		}
		dir = d
		if !keep {
			defer os.RemoveAll(d)
		}
	}
	w, err := load.Open(dir)
	if err != nil {
		return err
	}
	defer w.Close()

	start := time.Now()
	var cells int64
	buf := make([]*report.Report, 0, batch)
	for i := 0; i < n; i++ {
		rep := Synthetic(i)
		cells += int64(len(rep.Cells))
		buf = append(buf, rep)
		if len(buf) == batch || i == n-1 {
			if err := w.Put(ctx, buf...); err != nil {
				return err
			}
			buf = buf[:0]
		}
	}
	loaded := time.Since(start)
	hwmLoad := vmHWM()
	t1 := time.Now()
	if err := w.Reconcile(ctx); err != nil {
		return err
	}
	reconciled := time.Since(t1)
	hwmReconcile := vmHWM()
	t2 := time.Now()
	if err := w.Export(ctx, filepath.Join(dir, "parquet")); err != nil {
		return err
	}
	exported := time.Since(t2)
	total := time.Since(start)
	size := dirSize(filepath.Join(dir, "parquet"))
	fmt.Printf("reports %d  cells %d  (%.0f cells/report)\n", n, cells, float64(cells)/float64(n))
	fmt.Printf("load     %8.2fs  %10.0f cells/s  (peak RSS so far %s)\n", loaded.Seconds(), float64(cells)/loaded.Seconds(), hwmLoad)
	fmt.Printf("reconcile%8.2fs  (peak RSS so far %s)\n", reconciled.Seconds(), hwmReconcile)
	fmt.Printf("export   %8.2fs  %10.0f cells/s  (%.1f MB of Parquet)\n", exported.Seconds(), float64(cells)/exported.Seconds(), float64(size)/1e6)
	fmt.Printf("total    %8.2fs  %10.0f cells/s\n", total.Seconds(), float64(cells)/total.Seconds())
	fmt.Printf("CPU time %.2fs (user+sys, all threads): %.0f cells per CPU-second\n", cpuSeconds(), float64(cells)/cpuSeconds())
	fmt.Printf("peak RSS (VmHWM) %s\n", vmHWM())
	return nil
}

// Synthetic returns report i of the corpus: bodies in 1,000 counties ×
// agencies, years 2019-2025 (2019 template before 2021), every cell of
// the template filled, carry-overs consistent except every 50th report.
func Synthetic(i int) *report.Report {
	r := rand.New(rand.NewPCG(uint64(i), 42))
	years := 7
	body := i / years
	year := 2019 + i%years
	tmpl := report.Template2021
	if year < 2021 {
		tmpl = report.Template2019
	}
	rep := &report.Report{
		Template:         tmpl,
		Year:             year,
		Agency:           fmt.Sprintf("第%d县第%d局", body%1000, body/1000),
		Region:           report.Region{Province: fmt.Sprintf("省%d", body%31), City: fmt.Sprintf("市%d", body%300), County: fmt.Sprintf("县%d", body%1000)},
		Published:        fmt.Sprintf("%d-01-%02d", year+1, 1+i%28),
		Format:           "html",
		ExtractorVersion: "bench",
	}
	rep.Source.SHA256 = fmt.Sprintf("%064x", uint64(i)*0x9e3779b97f4a7c15)
	rep.Source.URL = fmt.Sprintf("https://example.gov.cn/%d/%d.html", body, year)
	rep.Cells = make([]report.Cell, 0, 210)
	add := func(table, row, col string, v float64) {
		n := len(rep.Cells)
		rep.Cells = append(rep.Cells, report.Cell{Table: table, Row: row, Col: col, Value: report.Float(v),
			Raw: rawText[int(v)], Locator: locators[n]})
	}
	for _, row := range report.ProactiveRows(tmpl) {
		for _, col := range row.Cols {
			add(report.TableProactive, row.Code, col, float64(r.IntN(200)))
		}
	}
	for _, row := range report.RequestRows {
		if row.Only != "" && row.Only != tmpl {
			continue
		}
		for ci, col := range report.RequestColCodes() {
			v := float64(r.IntN(50))
			if row.Code == "carried_over" && i%50 != 0 {
				v = float64((body + ci + year - 1) % 7) // matches carried_forward of the year before
			}
			if row.Code == "carried_forward" {
				v = float64((body + ci + year) % 7)
			}
			add(report.TableRequests, row.Code, col, v)
		}
	}
	for _, g := range report.ReviewGroups {
		for _, o := range report.ReviewOutcomes {
			add(report.TableReviewLitigation, g.Code, o.Code, float64(r.IntN(5)))
		}
	}
	if i%10 == 0 {
		rep.Issues = append(rep.Issues, report.Issue{Rule: report.RuleRequestsBalance, Severity: report.SeverityError,
			Message: "synthetic", Cells: []string{"requests.new_received.total"}, Expected: report.Float(1), Actual: report.Float(2)})
	}
	return rep
}

// rawText and locators are the strings the generator uses, made once so
// that the benchmark measures the warehouse rather than fmt.
var (
	rawText = func() (s [256]string) {
		for i := range s {
			s[i] = strconv.Itoa(i)
		}
		return
	}()
	locators = func() (s [256]string) {
		for i := range s {
			s[i] = fmt.Sprintf("t%d/r%d/c%d", i%3, i/7, i%7)
		}
		return
	}()
)

func vmHWM() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}

func dirSize(dir string) int64 {
	var n int64
	filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n
}

// cpuSeconds is the process's user and system time so far, every thread
// (DuckDB's included): on a shared machine a fairer measure than wall time.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return tv(ru.Utime) + tv(ru.Stime)
}
