package pdfdoc

import (
	"sort"
	"strings"
	"unicode"
)

// line is a run of glyphs sharing a baseline, left to right.
type line struct {
	glyphs    []glyph
	x0, x1    float64
	top, base float64
	size      float64
}

// groupLines groups glyphs into lines: sorted by baseline, a glyph starts a
// new line when its baseline is lower than the current line's by more than
// a fraction of the font size. Digits set in another font sit a point or
// so off the CJK baseline, so the tolerance is relative, not zero.
func groupLines(gs []glyph) []line {
	if len(gs) == 0 {
		return nil
	}
	sorted := append([]glyph(nil), gs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].base != sorted[j].base {
			return sorted[i].base < sorted[j].base
		}
		return sorted[i].x0 < sorted[j].x0
	})
	var lines []line
	var cur []glyph
	curBase, curSize := 0.0, 0.0
	flush := func() {
		if len(cur) > 0 {
			lines = append(lines, makeLine(cur))
		}
		cur = nil
	}
	for _, g := range sorted {
		if len(cur) > 0 {
			tol := 0.35 * maxf(curSize, g.size)
			if g.base-curBase > tol {
				flush()
			}
		}
		if len(cur) == 0 {
			curBase, curSize = g.base, g.size
		}
		cur = append(cur, g)
	}
	flush()
	return lines
}

func makeLine(gs []glyph) line {
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].x0 < gs[j].x0 })
	l := line{glyphs: gs, x0: gs[0].x0, x1: gs[0].x1, top: gs[0].top, base: gs[0].base}
	for _, g := range gs {
		l.x0 = minf(l.x0, g.x0)
		l.x1 = maxf(l.x1, g.x1)
		l.top = minf(l.top, g.top)
		l.base = maxf(l.base, g.base)
		l.size = maxf(l.size, g.size)
	}
	return l
}

// text joins a line's glyphs. A space goes between two Latin letters or
// digits separated by a visible gap; CJK text never gets one (the gaps in
// justified Chinese lines are typesetting, not word breaks).
func (l line) text() string {
	var sb strings.Builder
	for i, g := range l.glyphs {
		if i > 0 {
			p := l.glyphs[i-1]
			if g.x0 < p.x1-0.5*p.size && g.r == p.r {
				continue // a duplicated glyph drawn twice for boldness
			}
			if (g.space || g.x0-p.x1 > 0.25*maxf(g.size, p.size)) && latin(p.r) && latin(g.r) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteRune(g.r)
	}
	return sb.String()
}

func latin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ',' || r == '%')
}

// joinLines joins the lines of one cell or paragraph: no separator between
// CJK (a line break inside a Chinese word is only layout), a space between
// Latin words.
func joinLines(parts []string) string {
	var sb strings.Builder
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if sb.Len() > 0 {
			prev := []rune(sb.String())
			last := prev[len(prev)-1]
			first := []rune(p)[0]
			if latin(last) && latin(first) && unicode.IsLetter(last) && unicode.IsLetter(first) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(p)
	}
	return sb.String()
}

func minf(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}

func maxf(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
