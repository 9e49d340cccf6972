package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedUpToDate regenerates the portal into a temporary directory
// and compares it with the committed files: a spec change without
// `go run ./crawl/demoportal/gen` fails here. (PDFs are made by makepdf.sh
// and only their print sources are compared.)
func TestGeneratedUpToDate(t *testing.T) {
	tmp := t.TempDir()
	if err := run(tmp); err != nil {
		t.Fatal(err)
	}
	pairs := map[string]string{
		filepath.Join(tmp, "site"):       "../site",
		filepath.Join(tmp, "dynamic"):    "../dynamic",
		filepath.Join(tmp, "expected"):   "../expected",
		filepath.Join(tmp, "gen", "pdf"): "pdf",
	}
	for fresh, committed := range pairs {
		seen := map[string]bool{}
		err := filepath.WalkDir(fresh, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(fresh, p)
			seen[rel] = true
			want, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got, err := os.ReadFile(filepath.Join(committed, rel))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s is stale or missing: run go run ./crawl/demoportal/gen", filepath.Join(committed, rel))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		_ = filepath.WalkDir(committed, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, ".pdf") {
				return err
			}
			rel, _ := filepath.Rel(committed, p)
			if !seen[rel] {
				t.Errorf("%s is no longer generated", p)
			}
			return nil
		})
	}
}
