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
	rot    int // /Rotate in quarter turns clockwise
	// needsOCR: image-only page left unread (no OCR engine); ocr: the
	// glyphs come from OCR.
	needsOCR, ocr bool
}

// point maps a point of PDF user space (y up, unrotated) to the page as
// displayed, in points from the top-left corner. w and h are the displayed
// size (pdfium swaps them for a quarter turn).
func (p *page) point(x, y float64) (float64, float64) {
	switch p.rot {
	case 1: // 90° clockwise: user bottom-left is display top-left
		return y, x
	case 2:
		return p.w - x, y
	case 3:
		return p.w - y, p.h - x
	}
	return x, p.h - y
}

// box maps a user-space rectangle to a display one (x0 < x1, y0 < y1).
func (p *page) box(left, bottom, right, top float64) (x0, y0, x1, y1 float64) {
	ax, ay := p.point(left, bottom)
	bx, by := p.point(right, top)
	return minf(ax, bx), minf(ay, by), maxf(ax, bx), maxf(ay, by)
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

	if r, err := inst.FPDFPage_GetRotation(&requests.FPDFPage_GetRotation{Page: ref}); err == nil {
		pg.rot = int(r.PageRotation) & 3
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
		left, right := float64(box.Rect.Left), float64(box.Rect.Right)
		bottom, top := float64(box.Rect.Bottom), float64(box.Rect.Top)
		// Some Type 3 fonts give loose boxes hundreds of points wide: then
		// the tight glyph box places the character, and its larger side
		// (a 一 is wide and flat) stands for the em size.
		// (Each call into pdfium costs; the tight box is only asked for
		// when the loose one is implausibly large.)
		if right-left > maxBodyGlyph || top-bottom > maxBodyGlyph {
			tb, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp.TextPage, Index: c})
			tw, th := tb.Right-tb.Left, tb.Top-tb.Bottom
			if err == nil && right-left > 3*maxf(tw, th)+6 {
				left, right = tb.Left, tb.Right
				mid, em := (tb.Top+tb.Bottom)/2, maxf(tw, th)*1.1
				bottom, top = mid-em/2, mid+em/2
			}
		}
		// to display space, top-down: the loose box gives x and the em
		// size, the origin the baseline
		x0, y0, x1, y1 := pg.box(left, bottom, right, top)
		_, base := pg.point(org.X, org.Y)
		size := y1 - y0
		if size <= 0 {
			size = 1
		}
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
				x0, y0, x1, y1 := pg.box(float64(b.Left), float64(b.Bottom), float64(b.Right), float64(b.Top))
				r := rule{x0: x0, y0: y0, x1: x1, y1: y1}
				// Only thin paths are table rules; boxes and shapes are
				// left out (a cell's rectangle shows as its four edges in
				// the exports measured).
				if r.x1-r.x0 <= maxRuleThickness || r.y1-r.y0 <= maxRuleThickness {
					pg.rules = append(pg.rules, r)
				} else if len(pg.rules) < maxRulesPerPage {
					pg.rules = append(pg.rules, strokedLines(inst, obj.PageObject, pg)...)
				}
			}
		}
	}
	return pg, nil
}

// strokedLines returns the axis-aligned straight segments of a stroked path
// object: some generators draw a whole table grid, or each cell's box, as
// one path whose bounds are not thin.
func strokedLines(inst pdfium.Pdfium, obj references.FPDF_PAGEOBJECT, pg *page) []rule {
	dm, err := inst.FPDFPath_GetDrawMode(&requests.FPDFPath_GetDrawMode{PageObject: obj})
	if err != nil || !dm.Stroke {
		return nil
	}
	n, err := inst.FPDFPath_CountSegments(&requests.FPDFPath_CountSegments{PageObject: obj})
	if err != nil || n.Count > maxPathSegments {
		return nil
	}
	m, err := inst.FPDFPageObj_GetMatrix(&requests.FPDFPageObj_GetMatrix{PageObject: obj})
	if err != nil {
		return nil
	}
	tr := func(x, y float64) (float64, float64) {
		ux := float64(m.Matrix.A)*x + float64(m.Matrix.C)*y + float64(m.Matrix.E)
		uy := float64(m.Matrix.B)*x + float64(m.Matrix.D)*y + float64(m.Matrix.F)
		return pg.point(ux, uy)
	}
	var out []rule
	add := func(ax, ay, bx, by float64) {
		switch {
		case abs(ay-by) <= 0.5 && abs(ax-bx) > maxRuleThickness:
			out = append(out, rule{x0: minf(ax, bx), x1: maxf(ax, bx), y0: ay - 0.25, y1: ay + 0.25})
		case abs(ax-bx) <= 0.5 && abs(ay-by) > maxRuleThickness:
			out = append(out, rule{x0: ax - 0.25, x1: ax + 0.25, y0: minf(ay, by), y1: maxf(ay, by)})
		}
	}
	var cx, cy, sx, sy float64
	for i := 0; i < n.Count; i++ {
		seg, err := inst.FPDFPath_GetPathSegment(&requests.FPDFPath_GetPathSegment{PageObject: obj, Index: i})
		if err != nil {
			return out
		}
		pt, err1 := inst.FPDFPathSegment_GetPoint(&requests.FPDFPathSegment_GetPoint{PathSegment: seg.PathSegment})
		typ, err2 := inst.FPDFPathSegment_GetType(&requests.FPDFPathSegment_GetType{PathSegment: seg.PathSegment})
		if err1 != nil || err2 != nil {
			return out
		}
		x, y := tr(float64(pt.X), float64(pt.Y))
		switch typ.Type {
		case enums.FPDF_SEGMENT_MOVETO:
			sx, sy = x, y
		case enums.FPDF_SEGMENT_LINETO:
			add(cx, cy, x, y)
		}
		cx, cy = x, y
		if cl, err := inst.FPDFPathSegment_GetClose(&requests.FPDFPathSegment_GetClose{PathSegment: seg.PathSegment}); err == nil && cl.IsClose {
			add(cx, cy, sx, sy)
			cx, cy = sx, sy
		}
	}
	return out
}
