package crawl

import (
	"fmt"
	"testing"
	"time"
)

func TestStateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	st, err := openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	page := docRow{URL: "https://a.cn/l", Source: "a", Kind: KindList, Status: 200, ContentType: "text/html", Charset: "gbk",
		ETag: `"x"`, LastModified: "Mon, 02 Jan 2026 03:04:05 GMT", SHA256: "ab", Bytes: 12, FetchedAt: at}
	found := []docRow{{URL: "https://a.cn/r", Source: "a", Kind: KindReport, Title: "甲2023年政府信息公开工作年度报告", Referrer: page.URL}}
	if err := st.record(page, found); err != nil {
		t.Fatal(err)
	}
	// Recording the page again replaces its row; a known link is not
	// overwritten by a pending row.
	page.Status = 304
	if err := st.record(page, found); err != nil {
		t.Fatal(err)
	}
	st.close()
	st, err = openState(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.close()
	if len(st.rows) != 2 {
		t.Fatalf("rows = %d", len(st.rows))
	}
	got := st.rows[page.URL]
	if got.Status != 304 || got.Charset != "gbk" || got.ETag != `"x"` || !got.FetchedAt.Equal(at) || got.Bytes != 12 {
		t.Errorf("page row = %+v", got)
	}
	kids := st.childrenOf(page.URL)
	if len(kids) != 1 || kids[0].Kind != KindReport || kids[0].Status != 0 || kids[0].Title != found[0].Title {
		t.Errorf("children = %+v", kids)
	}
	if err := st.forget("https://a.cn/r"); err != nil || st.get("https://a.cn/r") != nil {
		t.Errorf("forget: %v", err)
	}
	if err := st.forget(page.URL); err != nil || st.get(page.URL) == nil {
		t.Errorf("a stored row must never be forgotten: %v", err)
	}
}

// BenchmarkStateRecord measures one fetch's write (page row + 5 new links)
// in a table that already holds 10,000 or 50,000 rows, with and without
// the index on url; lookup is the point query alone (what the DELETE of
// every write has to find).
func BenchmarkStateRecord(b *testing.B) {
	for _, size := range []int{10000, 50000} {
		for _, index := range []bool{false, true} {
			name := fmt.Sprintf("rows=%d/index=%v", size, index)
			b.Run(name+"/record", func(b *testing.B) { benchStateRecord(b, size, index, false) })
			b.Run(name+"/lookup", func(b *testing.B) { benchStateRecord(b, size, index, true) })
		}
	}
}

func benchStateRecord(b *testing.B, size int, index, lookup bool) {
	st, err := openState(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.close()
	if !index {
		// The state as it was before the index: measured side by side.
		if _, err := st.db.Exec("DROP INDEX documents_url"); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := st.db.Exec(`INSERT INTO documents (url, source, kind, status, sha256, fetched_at)
		SELECT 'https://a.cn/p/' || i || '.html', 'a', 'report', 200, 'ab', now() FROM range(?) t(i)`, size); err != nil {
		b.Fatal(err)
	}
	row := func(i int) docRow {
		return docRow{URL: fmt.Sprintf("https://a.cn/p/%d.html", i), Source: "a", Kind: KindReport, Status: 200, SHA256: "ab", FetchedAt: time.Now()}
	}
	i := 0
	for b.Loop() {
		i++
		if lookup {
			var n int
			if err := st.db.QueryRow("SELECT count(*) FROM documents WHERE url = ?", row(i%size).URL).Scan(&n); err != nil || n != 1 {
				b.Fatalf("lookup: %d rows, %v", n, err)
			}
			continue
		}
		var found []docRow
		for j := range 5 {
			found = append(found, row(1000000+i*10+j))
		}
		if err := st.record(row(i%size), found); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenState measures opening a state of 50,000 rows: reading
// them into memory and rebuilding the url index.
func BenchmarkOpenState(b *testing.B) {
	dir := b.TempDir()
	st, err := openState(dir)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := st.db.Exec(`INSERT INTO documents (url, source, kind, status, sha256, fetched_at)
		SELECT 'https://a.cn/p/' || i || '.html', 'a', 'report', 200, 'ab', now() FROM range(50000) t(i)`); err != nil {
		b.Fatal(err)
	}
	st.close()
	for b.Loop() {
		st, err := openState(dir)
		if err != nil || len(st.rows) != 50000 || st.indexErr != nil {
			b.Fatalf("open: %d rows, %v, index %v", len(st.rows), err, st.indexErr)
		}
		st.close()
	}
}
