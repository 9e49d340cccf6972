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
// in a table that already holds 10,000 or 50,000 rows: the DELETE by url of
// every write is what an index on url speeds up.
func BenchmarkStateRecord(b *testing.B) {
	for _, size := range []int{10000, 50000} {
		b.Run(fmt.Sprintf("rows=%d", size), func(b *testing.B) { benchStateRecord(b, size) })
	}
}

func benchStateRecord(b *testing.B, size int) {
	st, err := openState(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer st.close()
	row := func(i int) docRow {
		return docRow{URL: fmt.Sprintf("https://a.cn/p/%d.html", i), Source: "a", Kind: KindReport, Status: 200, SHA256: "ab", FetchedAt: time.Now()}
	}
	// Fill in bulk: one transaction per 1,000 rows.
	for i := 0; i < size; i += 1000 {
		var found []docRow
		for j := 1; j < 1000; j++ {
			found = append(found, row(i+j))
		}
		if err := st.record(row(i), found); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		var found []docRow
		for j := range 5 {
			found = append(found, row(1000000+i*10+j))
		}
		if err := st.record(row(i%size), found); err != nil {
			b.Fatal(err)
		}
	}
}
