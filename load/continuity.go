package load

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/govreport/govreport/extract/validate"
	"github.com/govreport/govreport/report"
)

// Reconcile runs the checks that need more than one report, once a load is
// complete: carryover_continuity (SCHEMA.md identity 5, with
// validate.Continuity) between the reports of each agency_key for
// consecutive years, raised on the later year's report. It recomputes them
// all, so a report fixed in year Y−1 clears the issue of year Y, and then
// refreshes n_issues and quality of every report.
func (w *Warehouse) Reconcile(ctx context.Context) error {
	found, err := w.continuityIssues(ctx)
	if err != nil {
		return fmt.Errorf("reconcile: %w", err)
	}
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("reconcile: %w", err)
	}
	defer conn.Close()
	err = inTx(ctx, conn, func() error {
		if _, err := conn.ExecContext(ctx, "DELETE FROM issues WHERE stage = 'load' AND rule = ?", report.RuleCarryoverContinuity); err != nil {
			return err
		}
		next, err := nextSeq(ctx, conn)
		if err != nil {
			return err
		}
		if len(found) > 0 {
			err = conn.Raw(func(dc any) error {
				drv, ok := dc.(driver.Conn)
				if !ok {
					return errors.New("not a database/sql driver connection")
				}
				a, err := duckdb.NewAppenderFromConn(drv, "", "issues")
				if err != nil {
					return err
				}
				for _, f := range found {
					is := f.issue
					seq := next[f.reportID]
					next[f.reportID] = seq + 1
					if err := a.AppendRow(f.reportID, int32(f.year), is.Rule, is.Severity, is.Message,
						nullStr(strings.Join(is.Cells, ",")), nullFloat(is.Expected), nullFloat(is.Actual), seq, "load"); err != nil {
						a.Close()
						return err
					}
				}
				return a.Close()
			})
			if err != nil {
				return fmt.Errorf("append issues: %w", err)
			}
		}
		_, err = conn.ExecContext(ctx, `UPDATE reports SET
  n_issues = s.n,
  quality = s.q
FROM (
  SELECT r.report_id, count(i.report_id)::INTEGER AS n,
    CASE WHEN bool_or(i.severity = 'error') THEN 'error'
         WHEN bool_or(i.severity = 'warn') THEN 'warn'
         ELSE 'ok' END AS q
  FROM reports r LEFT JOIN issues i ON i.report_id = r.report_id
  GROUP BY r.report_id
) s
WHERE reports.report_id = s.report_id AND (reports.n_issues <> s.n OR reports.quality <> s.q)`)
		return err
	})
	if err != nil {
		return fmt.Errorf("reconcile: %w", err)
	}
	return nil
}

type foundIssue struct {
	reportID string
	year     int
	issue    report.Issue
}

// continuityChunk is how many bodies one continuity query covers: the
// driver materialises each result, so the bodies are taken in key ranges
// to keep memory bounded whatever the corpus.
const continuityChunk = 2000

// continuityIssues reads the carried_over and carried_forward rows of every
// report, body by body and year by year, and checks each pair of
// consecutive years.
func (w *Warehouse) continuityIssues(ctx context.Context) ([]foundIssue, error) {
	keys, err := w.agencyKeys(ctx)
	if err != nil {
		return nil, err
	}
	var found []foundIssue
	for i := 0; i < len(keys); i += continuityChunk {
		j := min(i+continuityChunk, len(keys)) - 1
		got, err := w.continuityRange(ctx, keys[i], keys[j])
		if err != nil {
			return nil, err
		}
		found = append(found, got...)
	}
	return found, nil
}

func (w *Warehouse) agencyKeys(ctx context.Context) ([]string, error) {
	rows, err := w.db.QueryContext(ctx, "SELECT DISTINCT agency_key FROM reports ORDER BY agency_key")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}

// continuityRange checks the bodies whose keys lie in [lo, hi].
func (w *Warehouse) continuityRange(ctx context.Context, lo, hi string) ([]foundIssue, error) {
	rows, err := w.db.QueryContext(ctx, `
SELECT r.agency_key, r.year, r.report_id, c.row_code, c.col_code, c.value
FROM reports r JOIN cells c ON c.report_id = r.report_id
WHERE r.agency_key BETWEEN ? AND ?
  AND c.table_name = 'requests' AND c.row_code IN ('carried_over', 'carried_forward')
ORDER BY r.agency_key, r.year, c.row_code, c.col_code`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		found     []foundIssue
		prev, cur *report.Report
		prevKey   string
		curKey    string
		curID     string
	)
	finish := func() {
		if cur == nil {
			return
		}
		if prev != nil && prevKey == curKey {
			for _, is := range validate.Continuity(prev, cur) {
				found = append(found, foundIssue{reportID: curID, year: cur.Year, issue: is})
			}
		}
		prev, prevKey = cur, curKey
	}
	for rows.Next() {
		var (
			key, id, row, col string
			year              int
			v                 *float64
		)
		if err := rows.Scan(&key, &year, &id, &row, &col, &v); err != nil {
			return nil, err
		}
		if cur == nil || key != curKey || year != cur.Year {
			finish()
			cur, curKey, curID = &report.Report{Year: year}, key, id
		}
		cur.Cells = append(cur.Cells, report.Cell{Table: report.TableRequests, Row: row, Col: col, Value: v})
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	finish()
	return found, nil
}

// nextSeq returns, per report, the seq its next issue takes.
func nextSeq(ctx context.Context, conn *sql.Conn) (map[string]int32, error) {
	rows, err := conn.QueryContext(ctx, "SELECT report_id, max(seq) + 1 FROM issues GROUP BY report_id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]int32{}
	for rows.Next() {
		var id string
		var n int32
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		m[id] = n
	}
	return m, rows.Err()
}
