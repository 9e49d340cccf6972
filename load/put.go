package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/govreport/govreport/report"
)

// keyOf is a report's identity in the warehouse.
type keyOf struct {
	agencyKey string
	year      int
}

// Put loads reports into the warehouse. Reports with the same
// (agency_key, year) are copies of one report: the preferred copy is kept
// (see rankCopies), the others are listed in report_copies, and copies that
// disagree on a value raise sources_disagree on the kept report.
//
// Put replaces: every row of a given (agency_key, year), and every row of a
// report whose report_id is among the given copies, is deleted first, in
// the same transaction. So the reps passed for a key must be all of that
// key's copies. Cross-year checks (carryover_continuity) are not run here;
// Reconcile runs them once a load is complete.
func (w *Warehouse) Put(ctx context.Context, reps ...*report.Report) error {
	if len(reps) == 0 {
		return nil
	}
	groups := map[keyOf][]copyInfo{}
	var keys []keyOf
	for i, rep := range reps {
		if rep == nil {
			return fmt.Errorf("put: report %d is nil", i)
		}
		if rep.Year == 0 {
			return fmt.Errorf("put %s: report has no year", reportName(rep))
		}
		c := newCopy(rep)
		k := keyOf{reportKey(rep.Agency, rep.Region, c.id), rep.Year}
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], c)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].agencyKey != keys[j].agencyKey {
			return keys[i].agencyKey < keys[j].agencyKey
		}
		return keys[i].year < keys[j].year
	})

	if err := w.replace(ctx, keys, groups); err != nil {
		return fmt.Errorf("put: %w", err)
	}
	return nil
}

// replace deletes what is stored under keys (and under the report_ids of
// the given copies) and appends the kept copy of every key that has
// copies, in one transaction.
func (w *Warehouse) replace(ctx context.Context, keys []keyOf, groups map[keyOf][]copyInfo) error {
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return inTx(ctx, conn, func() error { return w.put(ctx, conn, keys, groups) })
}

// inTx runs f inside a transaction on conn.
func inTx(ctx context.Context, conn *sql.Conn, f func() error) error {
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := f(); err != nil {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		return err
	}
	if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
		_, _ = conn.ExecContext(context.Background(), "ROLLBACK")
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func reportName(rep *report.Report) string {
	switch {
	case rep.Source.URL != "":
		return rep.Source.URL
	case rep.Source.Path != "":
		return rep.Source.Path
	case rep.Agency != "":
		return rep.Agency
	}
	return "report"
}

func (w *Warehouse) put(ctx context.Context, conn *sql.Conn, keys []keyOf, groups map[keyOf][]copyInfo) error {
	if err := deleteExisting(ctx, conn, keys, groups); err != nil {
		return err
	}
	stage := newCellStage()
	defer stage.release()
	if err := stage.valid(); err != nil {
		return err
	}
	var all []copyInfo
	for _, k := range keys {
		all = append(all, groups[k]...)
	}
	stage.reserve(all)
	err := conn.Raw(func(dc any) error {
		drv, ok := dc.(driver.Conn)
		if !ok {
			return errors.New("not a database/sql driver connection")
		}
		aps := map[string]*duckdb.Appender{}
		closeAll := func() error {
			var first error
			for _, name := range appended {
				if a := aps[name]; a != nil {
					if err := a.Close(); err != nil && first == nil {
						first = fmt.Errorf("append %s: %w", name, err)
					}
				}
			}
			return first
		}
		for _, name := range appended {
			a, err := duckdb.NewAppenderFromConn(drv, "", name)
			if err != nil {
				closeAll()
				return fmt.Errorf("appender %s: %w", name, err)
			}
			aps[name] = a
		}
		for _, k := range keys {
			if err := ctx.Err(); err != nil {
				closeAll()
				return err
			}
			if len(groups[k]) == 0 {
				continue
			}
			if err := appendKey(aps, stage, k, groups[k]); err != nil {
				closeAll()
				return err
			}
		}
		return closeAll()
	})
	if err != nil {
		return err
	}
	return stage.insert(ctx, conn, w.dir)
}

// appended are the tables written through a DuckDB Appender: a few rows
// per report. Cells, some two hundred rows per report, go through
// cellStage instead.
var appended = []string{"reports", "issues", "report_copies"}

// deleteExisting removes what is stored under the given keys or the given
// copies' report_ids.
func deleteExisting(ctx context.Context, conn *sql.Conn, keys []keyOf, groups map[keyOf][]copyInfo) error {
	var ids, ks []string
	for _, k := range keys {
		ks = append(ks, k.agencyKey+"|"+fmt.Sprint(k.year))
		for _, c := range groups[k] {
			ids = append(ids, c.id)
		}
	}
	q := fmt.Sprintf(`SELECT report_id FROM reports WHERE report_id IN (%s) OR agency_key || '|' || year IN (%s)`,
		quoteList(append(ids, "")), quoteList(ks))
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("find stored rows: %w", err)
	}
	var old []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("find stored rows: %w", err)
		}
		old = append(old, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find stored rows: %w", err)
	}
	if len(old) > 0 {
		sort.Strings(old)
		in := quoteList(old)
		for _, t := range []string{"cells", "issues", "reports", "report_copies"} {
			if _, err := conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM %s WHERE report_id IN (%s)", t, in)); err != nil {
				return fmt.Errorf("delete from %s: %w", t, err)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	// A copy may have been listed under another report before.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM report_copies WHERE sha256 IN (%s)", quoteList(ids))); err != nil {
		return fmt.Errorf("delete from report_copies: %w", err)
	}
	return nil
}

// appendKey appends the kept copy of one report and the copies list.
func appendKey(aps map[string]*duckdb.Appender, stage *cellStage, k keyOf, cs []copyInfo) error {
	cs, reason := rankCopies(cs)
	kept := cs[0]
	rep := kept.rep
	issues := append([]report.Issue(nil), rep.Issues...)
	nExtract := len(issues)
	if is := disagreement(kept, cs[1:]); is != nil {
		issues = append(issues, *is)
	}
	year := int32(k.year)
	for i, is := range issues {
		stage := "extract"
		if i >= nExtract {
			stage = "load"
		}
		if err := aps["issues"].AppendRow(kept.id, year, is.Rule, is.Severity, is.Message,
			nullStr(strings.Join(is.Cells, ",")), nullFloat(is.Expected), nullFloat(is.Actual), int32(i), stage); err != nil {
			return fmt.Errorf("append issues: %w", err)
		}
	}
	cells := append([]report.Cell(nil), rep.Cells...)
	sortCells(cells)
	stage.add(kept.id, year, cells)
	err := aps["reports"].AppendRow(kept.id, nullStr(rep.Source.Source), nullStr(rep.Agency), k.agencyKey,
		nullStr(rep.Region.Province), nullStr(rep.Region.City), nullStr(rep.Region.County), nullStr(rep.Region.Code),
		year, nullStr(rep.Template), nullStr(rep.Format), nullDate(rep.Published), nullStr(rep.Source.URL),
		nullStr(rep.Source.SHA256), nullStr(rep.ExtractorVersion), Quality(issues), int32(len(issues)),
		nullStr(rep.Source.Title), int32(kept.cells), int32(len(cs)), reason)
	if err != nil {
		return fmt.Errorf("append reports: %w", err)
	}
	for i, c := range cs {
		if err := aps["report_copies"].AppendRow(kept.id, k.agencyKey, year, c.id, nullStr(c.rep.Source.URL),
			nullStr(c.rep.Format), int32(c.cells), int32(c.issues), i == 0, int32(i+1)); err != nil {
			return fmt.Errorf("append report_copies: %w", err)
		}
	}
	return nil
}

// sortCells puts cells in template order (report.SortCells), so rows are
// appended, and exported, in a stable order.
func sortCells(cells []report.Cell) {
	r := report.Report{Cells: cells}
	r.SortCells()
}

// Quality is the quality flag of a report with these issues: error if any
// has severity error, warn if any has severity warn, else ok.
func Quality(issues []report.Issue) string {
	q := "ok"
	for _, is := range issues {
		switch is.Severity {
		case report.SeverityError:
			return "error"
		case report.SeverityWarn:
			q = "warn"
		}
	}
	return q
}

func nullStr(s string) driver.Value {
	if s == "" {
		return nil
	}
	return s
}

func nullFloat(v *float64) driver.Value {
	if v == nil {
		return nil
	}
	return *v
}

func nullDate(s string) driver.Value {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return nil
	}
	return t
}
