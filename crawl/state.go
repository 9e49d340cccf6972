package crawl

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // registers the "duckdb" driver

	"github.com/govreport/govreport/schema"
)

// DBFile is the DuckDB database under the data directory.
const DBFile = "govreport.duckdb"

// Document kinds stored in documents.kind.
const (
	KindList       = "list"
	KindReport     = "report"
	KindAttachment = "attachment"
)

// docRow is one row of the documents table. Zero values stand for NULL.
type docRow struct {
	URL          string
	Source       string
	Kind         string
	Status       int
	ContentType  string
	Charset      string
	ETag         string
	LastModified string
	SHA256       string
	Bytes        int64
	Title        string
	Referrer     string
	FinalURL     string
	FetchedAt    time.Time
	Error        string
}

// stored reports whether the row holds a complete body from a successful
// fetch.
func (r *docRow) stored() bool { return r != nil && r.SHA256 != "" && r.Error == "" }

// state is the crawl state in DuckDB. Every finished fetch is written at
// once, in one transaction with the links it revealed, so a kill loses at
// most the requests in flight.
type state struct {
	db       *sql.DB
	mu       sync.Mutex
	rows     map[string]*docRow  // by URL, as of the last write
	children map[string][]string // referrer URL → URLs it linked to
	// indexErr says why the url index could not be built (nil when it
	// was); the crawl works without it, only slower.
	indexErr error
}

// urlIndexDDL indexes the documents table by url.
const urlIndexDDL = "CREATE INDEX IF NOT EXISTS documents_url ON documents(url)"

const docColumns = "url, source, kind, status, content_type, charset, etag, last_modified, sha256, bytes, title, referrer, final_url, fetched_at, error"

func openState(dataDir string) (*state, error) {
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return nil, fmt.Errorf("data dir: %w", err)
	}
	path := filepath.Join(dataDir, DBFile)
	db, err := sql.Open("duckdb", path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// One connection: DuckDB serialises writers anyway, and one
	// connection keeps the file's single-writer rule obvious.
	db.SetMaxOpenConns(1)
	ddl, err := schema.Documents.DDL()
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := db.Exec(ddl); err != nil {
		db.Close()
		return nil, fmt.Errorf("create documents in %s: %w", path, err)
	}
	// Every write looks the page's row up by url (UPDATE, then INSERT
	// when there was none); without an index that is a scan of the whole
	// table.
	// It is rebuilt at every open: an index replayed from the write-ahead
	// log of a killed run can miss rows, and a lookup through it would
	// then miss the row and insert a second one; rebuilding from the table
	// costs milliseconds. It is not UNIQUE, so that a state file that
	// already holds a url twice still opens. If it cannot be built the
	// crawl goes on without it, only slower.
	st := &state{db: db, rows: map[string]*docRow{}, children: map[string][]string{}}
	if _, err := db.Exec("DROP INDEX IF EXISTS documents_url"); err != nil {
		st.indexErr = fmt.Errorf("rebuild index documents.url in %s: %w", path, err)
	} else if _, err := db.Exec(urlIndexDDL); err != nil {
		st.indexErr = fmt.Errorf("index documents.url in %s: %w", path, err)
	}
	if err := st.load(); err != nil {
		db.Close()
		return nil, fmt.Errorf("read documents from %s: %w", path, err)
	}
	return st, nil
}

func (st *state) load() error {
	rs, err := st.db.Query("SELECT " + docColumns + " FROM documents")
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		var (
			r                                                 docRow
			status                                            sql.NullInt64
			ctype, cs, etag, lm, sha, title, ref, final, errs sql.NullString
			nbytes                                            sql.NullInt64
			at                                                sql.NullTime
		)
		if err := rs.Scan(&r.URL, &r.Source, &r.Kind, &status, &ctype, &cs, &etag, &lm, &sha, &nbytes, &title, &ref, &final, &at, &errs); err != nil {
			return err
		}
		r.Status = int(status.Int64)
		r.ContentType, r.Charset, r.ETag, r.LastModified = ctype.String, cs.String, etag.String, lm.String
		r.SHA256, r.Bytes, r.Title, r.Referrer = sha.String, nbytes.Int64, title.String, ref.String
		r.FinalURL, r.Error = final.String, errs.String
		if at.Valid {
			r.FetchedAt = at.Time
		}
		st.rows[r.URL] = &r
		if r.Referrer != "" {
			st.children[r.Referrer] = append(st.children[r.Referrer], r.URL)
		}
	}
	return rs.Err()
}

// get returns a copy of the stored row for u, or nil.
func (st *state) get(u string) *docRow {
	st.mu.Lock()
	defer st.mu.Unlock()
	if r := st.rows[u]; r != nil {
		c := *r
		return &c
	}
	return nil
}

// childrenOf returns the rows a page linked to when it was last parsed.
func (st *state) childrenOf(u string) []docRow {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []docRow
	for _, c := range st.children[u] {
		if r := st.rows[c]; r != nil && r.Referrer == u {
			out = append(out, *r)
		}
	}
	return out
}

// record writes the outcome of one fetch, and the links it revealed that
// the state does not know yet (as pending rows: no status, no body), in one
// transaction.
func (st *state) record(page docRow, found []docRow) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	tx, err := st.db.Begin()
	if err != nil {
		return fmt.Errorf("record %s: %w", page.URL, err)
	}
	defer tx.Rollback()
	if err := upsertRow(tx, &page); err != nil {
		return fmt.Errorf("record %s: %w", page.URL, err)
	}
	var added []docRow
	for i := range found {
		f := &found[i]
		if _, known := st.rows[f.URL]; known || f.URL == page.URL {
			continue
		}
		if err := insertRow(tx, f); err != nil {
			return fmt.Errorf("record link %s: %w", f.URL, err)
		}
		added = append(added, *f)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("record %s: %w", page.URL, err)
	}
	st.put(page)
	for _, f := range added {
		st.put(f)
	}
	return nil
}

// forget removes the row of a URL that turned out not to be worth
// keeping (a page whose own title is not a report). Rows with a stored
// body are never removed.
func (st *state) forget(u string) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if r := st.rows[u]; r == nil || r.SHA256 != "" {
		return nil
	}
	if _, err := st.db.Exec("DELETE FROM documents WHERE url = ? AND sha256 IS NULL", u); err != nil {
		return fmt.Errorf("forget %s: %w", u, err)
	}
	delete(st.rows, u)
	return nil
}

func (st *state) put(r docRow) {
	old := st.rows[r.URL]
	st.rows[r.URL] = &r
	if r.Referrer != "" && (old == nil || old.Referrer != r.Referrer) {
		st.children[r.Referrer] = append(st.children[r.Referrer], r.URL)
	}
}

// upsertRow updates the row of r.URL in place, or inserts it when the
// table has none. It never deletes: a DELETE and INSERT of one url in one
// transaction is what DuckDB's index on url has refused ("Duplicate key …
// violates unique constraint"), and an UPDATE that leaves url alone does
// not touch that index at all. INSERT … ON CONFLICT would need the index
// to be UNIQUE, which a state file holding duplicate urls from an older
// version could not get.
func upsertRow(tx *sql.Tx, r *docRow) error {
	res, err := tx.Exec("UPDATE documents SET source = ?, kind = ?, status = ?, content_type = ?, charset = ?, etag = ?, last_modified = ?, sha256 = ?, bytes = ?, title = ?, referrer = ?, final_url = ?, fetched_at = ?, error = ? WHERE url = ?",
		r.Source, r.Kind, nullInt(int64(r.Status)), nullStr(r.ContentType), nullStr(r.Charset),
		nullStr(r.ETag), nullStr(r.LastModified), nullStr(r.SHA256), nullBytes(r), nullStr(r.Title),
		nullStr(r.Referrer), nullStr(r.FinalURL), nullTime(r.FetchedAt), nullStr(r.Error), r.URL)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("rows updated: %w", err)
	}
	if n > 0 {
		return nil
	}
	return insertRow(tx, r)
}

func insertRow(tx *sql.Tx, r *docRow) error {
	_, err := tx.Exec("INSERT INTO documents ("+docColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		r.URL, r.Source, r.Kind, nullInt(int64(r.Status)), nullStr(r.ContentType), nullStr(r.Charset),
		nullStr(r.ETag), nullStr(r.LastModified), nullStr(r.SHA256), nullBytes(r), nullStr(r.Title),
		nullStr(r.Referrer), nullStr(r.FinalURL), nullTime(r.FetchedAt), nullStr(r.Error))
	return err
}

func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nullInt(v int64) any {
	if v == 0 {
		return nil
	}
	return v
}

func nullBytes(r *docRow) any {
	if r.SHA256 == "" {
		return nil
	}
	return r.Bytes
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

func (st *state) close() error {
	if st == nil || st.db == nil {
		return nil
	}
	err := st.db.Close()
	st.db = nil
	return err
}
