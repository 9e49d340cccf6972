package pdfdoc

import (
	"context"
	"fmt"
	"image"
	"image/draw"
	"strings"
	"time"

	"github.com/govreport/govreport/extract/ocr"
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
)

// rawDoc is what pdfium gives back for a document.
type rawDoc struct {
	pages []*page
	meta  map[string]string
}

// readRaw opens data and reads every page's glyphs and rules.
func readRaw(ctx context.Context, data []byte) (*rawDoc, error) {
	out := &rawDoc{meta: map[string]string{}}
	err := withInstance(ctx, func(inst pdfium.Pdfium) error {
		doc, err := openDoc(inst, data)
		if err != nil {
			return err
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
		pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
		if err != nil {
			return fmt.Errorf("page count: %w", err)
		}
		if pc.PageCount > MaxPages {
			return fmt.Errorf("too many pages (%d > %d): %w", pc.PageCount, MaxPages, ErrTooLarge)
		}
		if pc.PageCount == 0 {
			return fmt.Errorf("no pages: %w", ErrDamaged)
		}
		out.meta["pages"] = fmt.Sprint(pc.PageCount)
		for _, tag := range []string{"Title", "Producer", "Creator", "CreationDate", "ModDate"} {
			if m, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: doc, Tag: tag}); err == nil && m.Value != "" {
				out.meta[lowerFirst(tag)] = m.Value
			}
		}
		for i := 0; i < pc.PageCount; i++ {
			if err := ctx.Err(); err != nil {
				return err
			}
			pg, err := loadPage(inst, doc, i)
			if err != nil {
				return err
			}
			pg.needsOCR = pg.imageOnly()
			out.pages = append(out.pages, pg)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ocrDPI is the resolution pages are rendered at for OCR: tesseract does
// best with glyphs 20-30 px high, which 200 dpi gives for body text.
const ocrDPI = 200

// ocrPages recognises the image-only pages of a document, each with its
// own time budget (OCR takes seconds a page, far more than reading text):
// the page is rendered in a short pdfium session, the instance is given
// back, and tesseract runs outside it. Without an OCR engine the pages stay
// marked needsOCR.
func ocrPages(ctx context.Context, data []byte, pages []*page, opt Options) error {
	recognize := opt.OCR
	if recognize == nil && !opt.NoOCR && ocr.Available() {
		recognize = ocr.Recognize
	}
	if recognize == nil {
		return nil
	}
	budget := opt.OCRPageTimeout
	if budget <= 0 {
		budget = DefaultOCRPageTimeout
	}
	done := 0
	for _, pg := range pages {
		if !pg.needsOCR || done >= MaxOCRPages {
			continue
		}
		done++
		if err := ocrOne(ctx, data, pg, recognize, budget); err != nil {
			return err
		}
	}
	return nil
}

func ocrOne(ctx context.Context, data []byte, pg *page, recognize func(context.Context, image.Image) ([]ocr.Word, error), budget time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	var img *image.Gray
	err := withInstance(ctx, func(inst pdfium.Pdfium) error {
		doc, err := openDoc(inst, data)
		if err != nil {
			return err
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
		r, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: pg.n - 1}},
			DPI:  ocrDPI,
		})
		if err != nil {
			return fmt.Errorf("render page %d for ocr: %w", pg.n, err)
		}
		defer r.Cleanup()
		// copy out of Wasm memory (freed by Cleanup), as grey: a quarter
		// of the size, all that OCR and rule finding need
		src := r.Result.Image
		img = image.NewGray(src.Bounds())
		draw.Draw(img, img.Bounds(), src, src.Bounds().Min, draw.Src)
		return nil
	})
	if err != nil {
		return err
	}
	words, err := recognize(ctx, img)
	if err != nil {
		return fmt.Errorf("ocr page %d: %w", pg.n, err)
	}
	pg.glyphs = wordsToGlyphs(words, 72.0/ocrDPI)
	pg.rules = imageRules(img, 72.0/ocrDPI)
	pg.needsOCR = false
	pg.ocr = true
	return nil
}

// wordsToGlyphs spreads each OCR word's characters evenly over its box so
// the OCR'd page goes through the same line and column layout as text.
func wordsToGlyphs(words []ocr.Word, scale float64) []glyph {
	var out []glyph
	for _, w := range words {
		// tesseract reads table rules as | and brackets; a report has
		// no such characters of its own.
		rs := []rune(strings.Map(func(r rune) rune {
			if r == '|' || r == '[' || r == ']' {
				return -1
			}
			return r
		}, w.Text))
		if len(rs) == 0 {
			continue
		}
		x0 := float64(w.X) * scale
		cw := float64(w.W) * scale / float64(len(rs))
		top := float64(w.Y) * scale
		h := float64(w.H) * scale
		for i, r := range rs {
			out = append(out, glyph{r: r, x0: x0 + float64(i)*cw, x1: x0 + float64(i+1)*cw,
				top: top, base: top + h, size: h})
		}
	}
	return out
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}
