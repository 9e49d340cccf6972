package pdfdoc

import (
	"context"
	"fmt"
	"image"
	"strconv"
	"strings"
	"time"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/ocr"
)

// Options tune Read.
type Options struct {
	// Timeout bounds the whole read of one document; 0 means
	// DefaultTimeout.
	Timeout time.Duration
	// OCR, when set, recognises image-only pages; nil means the
	// default, tesseract (extract/ocr) when it is installed.
	OCR func(ctx context.Context, img image.Image) ([]ocr.Word, error)
	// NoOCR disables OCR even when tesseract is installed.
	NoOCR bool
}

// DefaultTimeout bounds one document's read.
const DefaultTimeout = 60 * time.Second

// Read reads a PDF with the default options.
func Read(data []byte) (*document.Document, error) {
	return ReadContext(context.Background(), data, Options{})
}

// ReadContext reads a PDF into a Document: ruled tables as grids, the rest
// as paragraphs. Image-only pages are OCR'd when an OCR engine is
// available, else the Document carries Meta["needs_ocr"]="true".
func ReadContext(ctx context.Context, data []byte, opt Options) (*document.Document, error) {
	if !strings.HasPrefix(string(data[:min(len(data), 1024)]), "%PDF") && !strings.Contains(string(data[:min(len(data), 1024)]), "%PDF-") {
		return nil, fmt.Errorf("no %%PDF header: %w", ErrDamaged)
	}
	timeout := opt.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	raw, err := readRaw(ctx, data, opt)
	if err != nil {
		return nil, err
	}
	doc := &document.Document{Format: "pdf", Meta: raw.meta, Title: raw.meta["title"]}
	doc.Blocks = layoutPages(raw.pages)
	var need, done []string
	for _, pg := range raw.pages {
		if pg.needsOCR {
			need = append(need, strconv.Itoa(pg.n))
		}
		if pg.ocr {
			done = append(done, strconv.Itoa(pg.n))
		}
	}
	if len(need) > 0 {
		doc.Meta["needs_ocr"] = "true"
		doc.Meta["needs_ocr_pages"] = strings.Join(need, ",")
	}
	if len(done) > 0 {
		doc.Meta["ocr"] = "tesseract"
		doc.Meta["ocr_pages"] = strings.Join(done, ",")
	}
	return doc, nil
}
