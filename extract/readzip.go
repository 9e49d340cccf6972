package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/govreport/govreport/extract/document"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Limits on a zip archive of attachments.
const (
	maxZipEntries = 1000
	maxZipMember  = 64 << 20
)

// readZIP reads the most report-like member of a zip archive of
// attachments: a member whose name says 年度报告 first, then by format
// (PDF, Word, Excel, HTML, text). Other members are ignored; the archive
// name of the member read is kept in Meta["zip_member"].
func readZIP(data []byte, depth int) (*document.Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("zip: %w", err)
	}
	if len(zr.File) > maxZipEntries {
		return nil, fmt.Errorf("zip: %d entries: %w", len(zr.File), ErrUnsupported)
	}
	rank := map[string]int{".pdf": 1, ".docx": 2, ".doc": 3, ".wps": 3, ".xlsx": 4, ".xls": 5, ".et": 5,
		".html": 6, ".htm": 6, ".txt": 7, ".rtf": 3}
	var best *zip.File
	bestName, bestScore := "", 1<<30
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		name := zipName(f)
		r, ok := rank[strings.ToLower(path.Ext(name))]
		if !ok {
			continue
		}
		score := r
		if !strings.Contains(name, "年度报告") && !strings.Contains(name, "年报") {
			score += 10
		}
		if score < bestScore {
			best, bestName, bestScore = f, name, score
		}
	}
	if best == nil {
		return nil, fmt.Errorf("zip: no report-like member: %w", ErrUnsupported)
	}
	if best.UncompressedSize64 > maxZipMember {
		return nil, fmt.Errorf("zip member %s: %d bytes: too large", bestName, best.UncompressedSize64)
	}
	rc, err := best.Open()
	if err != nil {
		return nil, fmt.Errorf("zip member %s: %w", bestName, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxZipMember+1))
	if err != nil {
		return nil, fmt.Errorf("zip member %s: %w", bestName, err)
	}
	if len(b) > maxZipMember {
		return nil, fmt.Errorf("zip member %s: over %d bytes: too large", bestName, maxZipMember)
	}
	doc, err := read(bestName, b, depth+1)
	if err != nil {
		return nil, fmt.Errorf("zip member %s: %w", bestName, err)
	}
	if doc.Meta == nil {
		doc.Meta = map[string]string{}
	}
	doc.Meta["zip_member"] = bestName
	return doc, nil
}

// zipName decodes a member name: Chinese archivers write GBK names without
// the UTF-8 flag.
func zipName(f *zip.File) string {
	if f.NonUTF8 || !utf8.ValidString(f.Name) {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name); err == nil {
			return s
		}
	}
	return f.Name
}
