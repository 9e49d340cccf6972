package load

import (
	"context"
	"crypto/sha256"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
	"github.com/govreport/govreport/report"
)

// ExtractedDir is where `extract --data` writes one report per document:
// DIR/extracted/<sha256>.json, or <sha256>.skip.json for a document that is
// not a report.
const ExtractedDir = "extracted"

// putBatch is how many reports one transaction loads.
const putBatch = 500

// Stats are the counts of one LoadDir.
type Stats struct {
	Files   int // report files in the extracted directory
	Changed int // files new or changed since the last load
	Removed int // files gone since the last load
	Errors  int // files that could not be loaded
	Loaded  int // reports (re)written
	Reports int64
	Issues  int64
}

// fileRec is one row of extracted_files.
type fileRec struct {
	sha       string
	size      int64
	mtime     int64
	hash      string
	version   string
	agencyKey string
	year      int
	err       string
}

func (f fileRec) key() (keyOf, bool) {
	return keyOf{f.agencyKey, f.year}, f.err == "" && f.agencyKey != ""
}

// header is the part of an extracted report that decides its key.
type header struct {
	Year             *int          `json:"year"`
	Agency           *string       `json:"agency"`
	Region           report.Region `json:"region"`
	ExtractorVersion string        `json:"extractor_version"`
	Source           report.Source `json:"source"`
}

// LoadDir loads the extracted reports of dir (DIR/extracted) that changed
// since the last load: a file is re-read when its size or modification
// time changed, and reloaded when its content did. Every (agency_key,
// year) touched by a change is rebuilt from all its copies; files that
// disappeared take their rows with them. A file that cannot be read is
// counted and recorded in extracted_files, and the load goes on. Reconcile
// runs at the end. With force every file is reloaded.
func (w *Warehouse) LoadDir(ctx context.Context, dir string, force bool) (Stats, error) {
	var st Stats
	known, err := w.knownFiles(ctx)
	if err != nil {
		return st, fmt.Errorf("load %s: %w", dir, err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return st, fmt.Errorf("load %s: %w", dir, err)
	}
	affected := map[keyOf]bool{}
	state := make(map[string]fileRec, len(known))
	for sha, r := range known {
		state[sha] = r
	}
	var changed []fileRec // new bookkeeping rows
	var gone []string     // bookkeeping rows to delete
	present := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".skip.json") || strings.HasPrefix(name, ".") {
			continue
		}
		sha := strings.TrimSuffix(name, ".json")
		present[sha] = true
		st.Files++
		info, err := e.Info()
		if err != nil {
			continue // removed while listing: the next load sees it gone
		}
		old, seen := known[sha]
		if seen && !force && old.size == info.Size() && old.mtime == info.ModTime().UnixNano() {
			continue
		}
		rec, err := readHeader(filepath.Join(dir, name), sha)
		rec.size, rec.mtime = info.Size(), info.ModTime().UnixNano()
		if err != nil {
			rec.err = err.Error()
		}
		if seen && !force && old.hash == rec.hash && old.err == rec.err {
			// Touched, not changed: only the fingerprint moves.
			changed = append(changed, rec)
			gone = append(gone, sha)
			state[sha] = rec
			continue
		}
		st.Changed++
		if rec.err != "" {
			st.Errors++
		}
		if k, ok := old.key(); seen && ok {
			affected[k] = true
		}
		if k, ok := rec.key(); ok {
			affected[k] = true
		}
		changed = append(changed, rec)
		if seen {
			gone = append(gone, sha)
		}
		state[sha] = rec
	}
	for sha, r := range known {
		if !present[sha] {
			st.Removed++
			gone = append(gone, sha)
			delete(state, sha)
			if k, ok := r.key(); ok {
				affected[k] = true
			}
		}
	}

	// Rebuild every affected key from all its copies, in key order.
	copiesOf := map[keyOf][]string{}
	for sha, r := range state {
		if k, ok := r.key(); ok && affected[k] {
			copiesOf[k] = append(copiesOf[k], sha)
		}
	}
	keys := make([]keyOf, 0, len(affected))
	for k := range affected {
		keys = append(keys, k)
	}
	sortKeys(keys)
	groups := map[keyOf][]copyInfo{}
	var batch []keyOf
	n := 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if err := w.replace(ctx, batch, groups); err != nil {
			return err
		}
		batch, groups, n = nil, map[keyOf][]copyInfo{}, 0
		return nil
	}
	for _, k := range keys {
		shas := copiesOf[k]
		sort.Strings(shas)
		var cs []copyInfo
		for _, sha := range shas {
			rep, err := readReport(filepath.Join(dir, sha+".json"), sha)
			if err != nil {
				st.Errors++
				r := state[sha]
				r.err = err.Error()
				changed = append(changed, r)
				gone = append(gone, sha)
				continue
			}
			cs = append(cs, newCopy(rep))
		}
		batch = append(batch, k)
		groups[k] = cs
		if len(cs) > 0 {
			st.Loaded++
		}
		if n += len(cs); n >= putBatch {
			if err := flush(); err != nil {
				return st, fmt.Errorf("load %s: %w", dir, err)
			}
		}
	}
	if err := flush(); err != nil {
		return st, fmt.Errorf("load %s: %w", dir, err)
	}
	if err := w.saveFiles(ctx, gone, changed); err != nil {
		return st, fmt.Errorf("load %s: %w", dir, err)
	}
	if err := w.Reconcile(ctx); err != nil {
		return st, err
	}
	if err := w.db.QueryRowContext(ctx, "SELECT (SELECT count(*) FROM reports), (SELECT count(*) FROM issues)").Scan(&st.Reports, &st.Issues); err != nil {
		return st, fmt.Errorf("load %s: count: %w", dir, err)
	}
	return st, nil
}

func sortKeys(keys []keyOf) {
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].agencyKey != keys[j].agencyKey {
			return keys[i].agencyKey < keys[j].agencyKey
		}
		return keys[i].year < keys[j].year
	})
}

// readHeader reads a file's fingerprint and key.
func readHeader(path, sha string) (fileRec, error) {
	rec := fileRec{sha: sha}
	b, err := os.ReadFile(path)
	if err != nil {
		return rec, err
	}
	sum := sha256.Sum256(b)
	rec.hash = hex.EncodeToString(sum[:])
	var h header
	if err := json.Unmarshal(b, &h); err != nil {
		return rec, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	rec.version = h.ExtractorVersion
	if h.Year == nil || *h.Year == 0 {
		return rec, fmt.Errorf("%s: report has no year", filepath.Base(path))
	}
	agency := ""
	if h.Agency != nil {
		agency = *h.Agency
	}
	// The report_id of a report from the store is its document's SHA-256,
	// the file's name (readReport fills it in when the JSON lacks it).
	id := sha
	if h.Source.SHA256 != "" {
		id = h.Source.SHA256
	}
	rec.agencyKey, rec.year = reportKey(agency, h.Region, id), *h.Year
	return rec, nil
}

// readReport reads one extracted report; the document's SHA-256 comes from
// the file name when the report does not carry it.
func readReport(path, sha string) (*report.Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var rep report.Report
	if err := json.Unmarshal(b, &rep); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Base(path), err)
	}
	if rep.Source.SHA256 == "" {
		rep.Source.SHA256 = sha
	}
	if rep.Year == 0 {
		return nil, fmt.Errorf("%s: report has no year", filepath.Base(path))
	}
	return &rep, nil
}

func (w *Warehouse) knownFiles(ctx context.Context) (map[string]fileRec, error) {
	rows, err := w.db.QueryContext(ctx, "SELECT sha256, size, mtime_ns, file_sha256, coalesce(extractor_version, ''), coalesce(agency_key, ''), coalesce(year, 0), coalesce(error, '') FROM extracted_files")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string]fileRec{}
	for rows.Next() {
		var r fileRec
		if err := rows.Scan(&r.sha, &r.size, &r.mtime, &r.hash, &r.version, &r.agencyKey, &r.year, &r.err); err != nil {
			return nil, err
		}
		m[r.sha] = r
	}
	return m, rows.Err()
}

// saveFiles replaces the bookkeeping rows of the given files.
func (w *Warehouse) saveFiles(ctx context.Context, gone []string, recs []fileRec) error {
	if len(gone) == 0 && len(recs) == 0 {
		return nil
	}
	// The last record of a file wins (a read error found while loading
	// replaces the header read).
	last := map[string]fileRec{}
	for _, r := range recs {
		last[r.sha] = r
		gone = append(gone, r.sha)
	}
	conn, err := w.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return inTx(ctx, conn, func() error {
		for i := 0; i < len(gone); i += 1000 {
			j := min(i+1000, len(gone))
			if _, err := conn.ExecContext(ctx, fmt.Sprintf("DELETE FROM extracted_files WHERE sha256 IN (%s)", quoteList(gone[i:j]))); err != nil {
				return fmt.Errorf("extracted_files: %w", err)
			}
		}
		shas := make([]string, 0, len(last))
		for sha := range last {
			shas = append(shas, sha)
		}
		sort.Strings(shas)
		return conn.Raw(func(dc any) error {
			drv, ok := dc.(driver.Conn)
			if !ok {
				return errors.New("not a database/sql driver connection")
			}
			a, err := duckdb.NewAppenderFromConn(drv, "", "extracted_files")
			if err != nil {
				return err
			}
			for _, sha := range shas {
				r := last[sha]
				var year driver.Value
				if r.year != 0 && r.err == "" {
					year = int32(r.year)
				}
				ak := nullStr(r.agencyKey)
				if r.err != "" {
					ak = nil
				}
				if err := a.AppendRow(r.sha, r.size, r.mtime, r.hash, nullStr(r.version), ak, year, nullStr(r.err)); err != nil {
					a.Close()
					return err
				}
			}
			return a.Close()
		})
	})
}
