package crawl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func globRaw(dir string) ([]string, error) {
	var out []string
	err := filepath.Walk(filepath.Join(dir, "raw"), func(p string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			out = append(out, p)
		}
		return err
	})
	return out, err
}

func TestStore(t *testing.T) {
	dir := t.TempDir()
	st, err := openStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	// SHA-256 of "abc", from FIPS 180-2.
	const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
	var keep bytes.Buffer
	sha, n, err := st.put(strings.NewReader("abc"), 10, &keep)
	if err != nil || sha != abc || n != 3 || keep.String() != "abc" {
		t.Fatalf("put = %s %d %v (kept %q)", sha, n, err, keep.String())
	}
	if want := filepath.Join(dir, "raw", "ba", abc); RawPath(dir, abc) != want {
		t.Errorf("RawPath = %s, want %s", RawPath(dir, abc), want)
	}
	data, err := ReadRaw(dir, abc)
	if err != nil || string(data) != "abc" {
		t.Errorf("ReadRaw = %q %v", data, err)
	}
	// Same content again: stored once.
	if sha2, _, err := st.put(strings.NewReader("abc"), 10, nil); err != nil || sha2 != abc {
		t.Errorf("second put = %s %v", sha2, err)
	}
	// Too large: error, nothing stored, no temporary file left.
	if _, _, err := st.put(strings.NewReader("0123456789ab"), 10, nil); !errors.Is(err, ErrBodyTooLarge) {
		t.Errorf("oversized put err = %v", err)
	}
	files, _ := globRaw(dir)
	if len(files) != 1 {
		t.Errorf("store holds %v, want only the abc body", files)
	}
	if _, err := ReadRaw(dir, "../etc/passwd"); err == nil {
		t.Error("ReadRaw accepted a path")
	}
	// A corrupted body is detected.
	os.WriteFile(RawPath(dir, abc), []byte("abd"), 0o644)
	if _, err := ReadRaw(dir, abc); err == nil {
		t.Error("ReadRaw missed corruption")
	}
}

func TestUnwritableDataDir(t *testing.T) {
	f := filepath.Join(t.TempDir(), "file")
	os.WriteFile(f, []byte("x"), 0o644)
	if _, err := New(testConfig("http://127.0.0.1:1/"), f, nopLog()); err == nil {
		t.Error("New accepted a data dir that is a file")
	}
}

func TestCleanTemp(t *testing.T) {
	dir := t.TempDir()
	st, err := openStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	left := filepath.Join(dir, "raw", "tmp", "body-123")
	os.WriteFile(left, []byte("half a bo"), 0o644)
	st.cleanTemp()
	if _, err := os.Stat(left); !os.IsNotExist(err) {
		t.Errorf("leftover temporary body still there: %v", err)
	}
}
