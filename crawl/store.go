package crawl

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ErrBodyTooLarge is returned when a body exceeds max_body; nothing is stored.
var ErrBodyTooLarge = errors.New("body exceeds max_body")

// RawPath is where the body with the given SHA-256 (hex) lives under dataDir:
// dataDir/raw/<first two hex digits>/<sha>.
func RawPath(dataDir, sha string) string {
	if len(sha) < 2 {
		return filepath.Join(dataDir, "raw", sha)
	}
	return filepath.Join(dataDir, "raw", sha[:2], sha)
}

// ReadRaw returns the stored body with the given SHA-256 (hex) and checks
// that it still hashes to it.
func ReadRaw(dataDir, sha string) ([]byte, error) {
	if !validSHA(sha) {
		return nil, fmt.Errorf("read raw %q: not a SHA-256 hex digest", sha)
	}
	data, err := os.ReadFile(RawPath(dataDir, sha))
	if err != nil {
		return nil, fmt.Errorf("read raw %s: %w", sha, err)
	}
	sum := sha256.Sum256(data)
	if hex.EncodeToString(sum[:]) != sha {
		return nil, fmt.Errorf("read raw %s: content does not match its SHA-256 (corrupt store)", sha)
	}
	return data, nil
}

func validSHA(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// store is the content-addressed raw store.
type store struct{ dir string }

func openStore(dataDir string) (*store, error) {
	st := &store{dir: dataDir}
	if err := os.MkdirAll(filepath.Join(dataDir, "raw", "tmp"), 0o755); err != nil {
		return nil, fmt.Errorf("raw store: %w", err)
	}
	// Probe writability now, so an unwritable data dir fails the run
	// before any request.
	f, err := os.CreateTemp(filepath.Join(dataDir, "raw", "tmp"), "probe-*")
	if err != nil {
		return nil, fmt.Errorf("raw store not writable: %w", err)
	}
	f.Close()
	os.Remove(f.Name())
	return st, nil
}

// put streams r into the store, at most max bytes, and returns the SHA-256
// and size. The body goes to a temporary file first and is renamed into
// place only when complete, so a kill never leaves a half-written body
// under its final name. keep, when not nil, receives a copy of the body
// (for pages that are parsed after storing).
func (st *store) put(r io.Reader, max int64, keep io.Writer) (sha string, n int64, err error) {
	f, err := os.CreateTemp(filepath.Join(st.dir, "raw", "tmp"), "body-*")
	if err != nil {
		return "", 0, fmt.Errorf("raw store: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	h := sha256.New()
	w := io.MultiWriter(f, h)
	if keep != nil {
		w = io.MultiWriter(f, h, keep)
	}
	n, err = io.Copy(w, io.LimitReader(r, max+1))
	if err != nil {
		return "", n, fmt.Errorf("read body: %w", err)
	}
	if n > max {
		return "", n, fmt.Errorf("%w (%d bytes)", ErrBodyTooLarge, max)
	}
	if err = f.Close(); err != nil {
		return "", n, fmt.Errorf("raw store: %w", err)
	}
	sha = hex.EncodeToString(h.Sum(nil))
	final := RawPath(st.dir, sha)
	if err = os.MkdirAll(filepath.Dir(final), 0o755); err != nil {
		return "", n, fmt.Errorf("raw store: %w", err)
	}
	if _, statErr := os.Stat(final); statErr == nil {
		os.Remove(tmp) // same content already stored
		return sha, n, nil
	}
	if err = os.Rename(tmp, final); err != nil {
		return "", n, fmt.Errorf("raw store: %w", err)
	}
	return sha, n, nil
}

// cleanTemp removes temporary bodies left by a crawl that was killed while
// writing them. Only called while the crawl state is open, which DuckDB's
// file lock makes exclusive, so no running crawl loses a file.
func (st *store) cleanTemp() {
	dir := filepath.Join(st.dir, "raw", "tmp")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		os.Remove(filepath.Join(dir, e.Name()))
	}
}

// has reports whether a body with this SHA-256 is stored.
func (st *store) has(sha string) bool {
	if !validSHA(sha) {
		return false
	}
	_, err := os.Stat(RawPath(st.dir, sha))
	return err == nil
}

// readLimited copies at most max bytes of r into w; more is an error.
func readLimited(r io.Reader, max int64, w io.Writer) (int64, error) {
	n, err := io.Copy(w, io.LimitReader(r, max+1))
	if err != nil {
		return n, fmt.Errorf("read body: %w", err)
	}
	if n > max {
		return n, fmt.Errorf("%w (%d bytes)", ErrBodyTooLarge, max)
	}
	return n, nil
}
