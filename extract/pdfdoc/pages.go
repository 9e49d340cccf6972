package pdfdoc

import (
	"errors"
	"fmt"
	"unicode"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/enums"
	pdferrors "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// glyph is one character placed on a page, in top-down page coordinates
// (points from the top-left corner).
type glyph struct {
	r      rune
	x0, x1 float64 // horizontal extent, from the loose char box
	top    float64 // top of the em box: baseline minus font size
	base   float64 // baseline
	size   float64 // font size in points
	// space: a space character (or one pdfium inferred) came before it
	space bool
}

// rule is a drawn line (or thin filled rectangle) in top-down coordinates.
type rule struct {
	x0, y0, x1, y1 float64
}

func (r rule) horizontal() bool { return r.x1-r.x0 > r.y1-r.y0 }

// page is what the layout step needs from one PDF page.
type page struct {
	n      int // 1-based
	w, h   float64
	glyphs []glyph
	rules  []rule
	images int // image objects on the page
	// needsOCR: image-only page left unread (no OCR engine); ocr: the
	// glyphs come from OCR.
	needsOCR, ocr bool
}

// imageOnly reports whether the page is a scan: an image and (almost) no
// text. A few glyphs (a page number stamped on a scan) do not count.
func (p *page) imageOnly() bool { return p.images > 0 && len(p.glyphs) < 10 }

// openDoc opens data in inst, mapping pdfium's errors to clear ones.
func openDoc(inst pdfium.Pdfium, data []byte) (references.FPDF_DOCUMENT, error) {
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	if err != nil {
		switch {
		case errors.Is(err, pdferrors.ErrPassword), errors.Is(err, pdferrors.ErrSecurity):
			return "", ErrEncrypted
		case errors.Is(err, pdferrors.ErrFormat), errors.Is(err, pdferrors.ErrFile):
			return "", fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return "", fmt.Errorf("open pdf: %w", err)
	}
	return doc.Document, nil
}

// loadPage reads the glyphs, rules and image count of page index i.
func loadPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (*page, error) {
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: doc, Index: i})
	if err != nil {
		return nil, fmt.Errorf("load page %d: %w", i+1, err)
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}
	pg := &page{n: i + 1}
	if r, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref}); err == nil {
		pg.w = float64(r.PageWidth)
	}
	if r, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref}); err == nil {
		pg.h = float64(r.PageHeight)
	}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return nil, fmt.Errorf("text of page %d: %w", i+1, err)
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cnt, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return nil, fmt.Errorf("count chars of page %d: %w", i+1, err)
	}
	if cnt.Count > maxCharsPerPage {
		return nil, fmt.Errorf("page %d: %d characters: %w", i+1, cnt.Count, ErrTooLarge)
	}
	space := false
	for c := 0; c < cnt.Count; c++ {
		u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp.TextPage, Index: c})
		if err != nil {
			continue
		}
		r := rune(u.Unicode)
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if r == 0 || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF {
			continue
		}
		// Generated characters (pdfium's inferred spaces and line ends)
		// are whitespace and were skipped above.
		box, err := inst.FPDFText_GetLooseCharBox(&requests.FPDFText_GetLooseCharBox{TextPage: tp.TextPage, Index: c})
		if err != nil {
			continue
		}
		org, err := inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp.TextPage, Index: c})
		if err != nil {
			continue
		}
		// The loose box spans the font's ascent to descent: its height is
		// the em size in page space (the reported font size is in text
		// space and is wrong under a scaled text matrix: Type 3 fonts give
		// hundreds of points).
		size := float64(box.Rect.Top - box.Rect.Bottom)
		if size <= 0 {
			size = 1
		}
		x0, x1 := float64(box.Rect.Left), float64(box.Rect.Right)
		// Some Type 3 fonts give loose boxes hundreds of points wide: then
		// the tight glyph box places the character, and its larger side
		// (a 一 is wide and flat) stands for the em size.
		// (Each call into pdfium costs; the tight box is only asked for
		// when the loose one is implausibly large.)
		if x1-x0 > maxBodyGlyph || size > maxBodyGlyph {
			tb, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp.TextPage, Index: c})
			tw, th := tb.Right-tb.Left, tb.Top-tb.Bottom
			if err == nil && x1-x0 > 3*maxf(tw, th)+6 {
				x0, x1 = tb.Left, tb.Right
				size = maxf(tw, th) * 1.1
				if size < 1 {
					size = 1
				}
			}
		}
		base := pg.h - org.Y
		pg.glyphs = append(pg.glyphs, glyph{
			r:     r,
			x0:    x0,
			x1:    x1,
			base:  base,
			top:   base - size,
			size:  size,
			space: space,
		})
		space = false
	}

	objs, err := inst.FPDFPage_CountObjects(&requests.FPDFPage_CountObjects{Page: ref})
	if err == nil {
		n := objs.Count
		if n > maxObjectsPerPage {
			n = maxObjectsPerPage
		}
		for o := 0; o < n; o++ {
			obj, err := inst.FPDFPage_GetObject(&requests.FPDFPage_GetObject{Page: ref, Index: o})
			if err != nil {
				continue
			}
			typ, err := inst.FPDFPageObj_GetType(&requests.FPDFPageObj_GetType{PageObject: obj.PageObject})
			if err != nil {
				continue
			}
			switch typ.Type {
			case enums.FPDF_PAGEOBJ_IMAGE:
				pg.images++
			case enums.FPDF_PAGEOBJ_PATH:
				b, err := inst.FPDFPageObj_GetBounds(&requests.FPDFPageObj_GetBounds{PageObject: obj.PageObject})
				if err != nil {
					continue
				}
				r := rule{x0: float64(b.Left), x1: float64(b.Right), y0: pg.h - float64(b.Top), y1: pg.h - float64(b.Bottom)}
				// Only thin paths are table rules; boxes and shapes are
				// left out (a cell's rectangle shows as its four edges in
				// the exports measured).
				if r.x1-r.x0 <= maxRuleThickness || r.y1-r.y0 <= maxRuleThickness {
					pg.rules = append(pg.rules, r)
				}
			}
		}
	}
	return pg, nil
}
