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
	// OCRPageTimeout bounds rendering and recognising one scanned page;
	// 0 means DefaultOCRPageTimeout. It comes on top of Timeout.
	OCRPageTimeout time.Duration
}

// DefaultOCRPageTimeout bounds the OCR of one page.
const DefaultOCRPageTimeout = 120 * time.Second

// MaxOCRPages is how many scanned pages of one document are OCR'd; the
// rest stay needs_ocr.
const MaxOCRPages = 30

// DefaultTimeout bounds one document's read, OCR aside.
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
	tctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	raw, err := readRaw(tctx, data)
	if err != nil {
		return nil, err
	}
	if err := ocrPages(ctx, data, raw.pages, opt); err != nil {
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
