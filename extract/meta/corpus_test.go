package meta

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/htmldoc"
	"github.com/govreport/govreport/extract/pdfdoc"
	"github.com/govreport/govreport/extract/textdoc"
	"github.com/govreport/govreport/report"
)

// expected is the metadata part of a corpus or seed expected JSON, whose
// values were written by hand from the documents (../shared/corpus/README.md).
type expected struct {
	Year      int             `json:"year"`
	Agency    string          `json:"agency"`
	Region    report.Region   `json:"region"`
	RegionAlt []report.Region `json:"region_alt"`
	Published *string         `json:"published"`
}

func readDoc(t *testing.T, path string) *document.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Skipf("not present: %s", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	var doc *document.Document
	switch filepath.Ext(path) {
	case ".txt":
		doc, err = textdoc.Read(data)
	case ".html":
		doc, err = htmldoc.Read(data)
	case ".pdf":
		if testing.Short() {
			t.Skip("PDF reading is slow; skipped with -short")
		}
		doc, err = pdfdoc.Read(data)
	}
	if err != nil {
		// The readers are written alongside; a reader that cannot read the
		// file yet is not this package's failure.
		t.Skipf("reader: %v", err)
	}
	return doc
}

func TestFindCorpus(t *testing.T) {
	files := []string{
		"../../../shared/seed/shibi-2020.txt",
		"../../../shared/corpus/pingtan-2019.html",
		"../../../shared/corpus/pingtan-2020.html",
		"../../../shared/corpus/pingtan-2021.html",
		"../../../shared/corpus/shanghai-gov-office-2019.html",
		"../../../shared/corpus/hongze-2023.pdf",
		"../../../shared/corpus/huaian-2024.pdf",
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			js, err := os.ReadFile(strings.TrimSuffix(f, filepath.Ext(f)) + ".expected.json")
			if errors.Is(err, os.ErrNotExist) {
				t.Skipf("not present: %s", f)
			}
			if err != nil {
				t.Fatal(err)
			}
			var want expected
			if err := json.Unmarshal(js, &want); err != nil {
				t.Fatal(err)
			}
			doc := readDoc(t, f)
			got := Find(doc, Hints{})
			if !got.IsReport {
				t.Errorf("IsReport = false (%s)", got.Reason)
			}
			if got.Year != want.Year {
				t.Errorf("Year = %d, want %d", got.Year, want.Year)
			}
			if got.Agency != want.Agency {
				t.Errorf("Agency = %q, want %q", got.Agency, want.Agency)
			}
			wantPub := ""
			if want.Published != nil {
				wantPub = *want.Published
			}
			if got.Published != wantPub {
				t.Errorf("Published = %q, want %q", got.Published, wantPub)
			}
			r := got.Region
			r.Code = ""
			ok := r == want.Region
			for _, alt := range want.RegionAlt {
				ok = ok || r == alt
			}
			if !ok {
				t.Errorf("Region = %+v, want %+v (or one of %+v)", r, want.Region, want.RegionAlt)
			}
		})
	}
}
