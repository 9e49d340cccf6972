package crawl

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/govreport/govreport/schema"
)

// readDB opens the crawl database the way a query after `govreport run`
// does (its own database/sql handle in the same process), reads every row
// of documents and closes it.
func readDB(t *testing.T, dir string) int {
	t.Helper()
	// As load.Open does: a memory limit, and every table of the
	// warehouse created if missing (a write before the read).
	db, err := sql.Open("duckdb", filepath.Join(dir, DBFile)+"?memory_limit=512MB")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, tab := range schema.Tables {
		ddl, err := tab.DDL()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(ddl); err != nil {
			t.Fatal(err)
		}
	}
	rs, err := db.Query("SELECT url, sha256 FROM documents ORDER BY url")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	n := 0
	for rs.Next() {
		var u string
		var sha sql.NullString
		if err := rs.Scan(&u, &sha); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestCrawlTwiceWithReadBetween: two crawls in one process on one data
// directory, with the database opened and read by another handle in
// between (what `govreport run` followed by a query does). The second
// crawl rewrites every row it already has (304s) and must neither fail
// nor duplicate rows.
func TestCrawlTwiceWithReadBetween(t *testing.T) {
	site, other := newTestSite(t), newTestSite(t)
	buildPortal(t, site, other)
	dir := t.TempDir()
	cfg := testConfig(site.starts()...)
	for i := range 3 {
		if _, err := runCrawl(t, context.Background(), cfg, dir); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		n := readDB(t, dir)
		if n == 0 {
			t.Fatalf("run %d stored nothing", i)
		}
		if got := len(docs(t, dir)); got != n {
			t.Errorf("run %d: documents has %d rows for %d URLs", i, n, got)
		}
	}
}

// TestRecordRewritesAfterForeignRead: rows written by one state, read by
// another handle, then rewritten by a new state in the same process are
// updated in place: one row per url, holding the last write.
func TestRecordRewritesAfterForeignRead(t *testing.T) {
	dir := t.TempDir()
	const n = 50
	page := func(i, status int) docRow {
		return docRow{URL: fmt.Sprintf("https://a.cn/p/%d.html", i), Source: "a", Kind: KindList, Status: status,
			SHA256: fmt.Sprintf("%064x", i), Bytes: int64(i + 1), FetchedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}
	}
	for round, status := range []int{200, 304, 304} {
		st, err := openState(dir)
		if err != nil {
			t.Fatal(err)
		}
		if st.indexErr != nil {
			t.Fatalf("round %d: %v", round, st.indexErr)
		}
		for i := range n {
			// Each page links to the next one, which the first round
			// sees as a new pending row before it is recorded itself.
			next := docRow{URL: fmt.Sprintf("https://a.cn/p/%d.html", i+1), Source: "a", Kind: KindList, Referrer: page(i, 0).URL}
			if err := st.record(page(i, status), []docRow{next}); err != nil {
				t.Fatalf("round %d: %v", round, err)
			}
		}
		if err := st.close(); err != nil {
			t.Fatal(err)
		}
		if got := readDB(t, dir); got != n+1 {
			t.Errorf("round %d: %d rows, want %d (one per url)", round, got, n+1)
		}
	}
	got := docs(t, dir)
	for i := range n {
		r := got[page(i, 0).URL]
		if r.Status != 304 || r.SHA256 != page(i, 0).SHA256 || r.Bytes != int64(i+1) {
			t.Errorf("page %d = %+v, want status 304 and its body", i, r)
		}
	}
	if r := got[page(n, 0).URL]; r.Status != 0 || r.SHA256 != "" || r.Referrer != page(n-1, 0).URL {
		t.Errorf("pending link = %+v", r)
	}
}
