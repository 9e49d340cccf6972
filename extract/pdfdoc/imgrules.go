package pdfdoc

import (
	"image"
)

// Minimum run lengths (pixels at ocrDPI) for a dark run to count as a
// ruling line in a scanned page: longer than any stroke of body text.
const (
	minHRun = 100
	minVRun = 50
)

// imageRules finds the ruling lines of a rendered (scanned) page: long
// horizontal and vertical runs of dark pixels, adjacent runs merged into
// one line. scale converts pixels to points. With them, a scanned table
// goes through the same grid reconstruction as a born-digital one.
func imageRules(img image.Image, scale float64) []rule {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 || w*h > 40_000_000 {
		return nil
	}
	dark := make([]bool, w*h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, bl, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
			// luminance below 3/4: ink (thin rules render light grey)
			dark[y*w+x] = (299*r+587*g+114*bl)/1000 < 0xC000
		}
	}
	type run struct{ pos, lo, hi int }
	var hs, vs []run
	for y := 0; y < h; y++ {
		x := 0
		for x < w {
			if !dark[y*w+x] {
				x++
				continue
			}
			s := x
			for x < w && (dark[y*w+x] || (x+2 < w && (dark[y*w+x+1] || dark[y*w+x+2]))) {
				x++
			}
			if x-s >= minHRun {
				hs = append(hs, run{y, s, x})
			}
		}
	}
	for x := 0; x < w; x++ {
		y := 0
		for y < h {
			if !dark[y*w+x] {
				y++
				continue
			}
			s := y
			for y < h && (dark[y*w+x] || (y+2 < h && (dark[(y+1)*w+x] || dark[(y+2)*w+x]))) {
				y++
			}
			if y-s >= minVRun {
				vs = append(vs, run{x, s, y})
			}
		}
	}
	// merge runs on adjacent rows (columns) that overlap: one thick line
	merge := func(rs []run) []run {
		var out []run
		for _, r := range rs {
			merged := false
			for i := len(out) - 1; i >= 0 && r.pos-out[i].pos <= 4; i-- {
				o := &out[i]
				if r.lo < o.hi && o.lo < r.hi {
					o.pos = r.pos
					o.lo, o.hi = min(o.lo, r.lo), max(o.hi, r.hi)
					merged = true
					break
				}
			}
			if !merged {
				out = append(out, r)
			}
		}
		return out
	}
	var rules []rule
	if len(hs) > 20000 || len(vs) > 20000 {
		return nil // a photo, not a table
	}
	for _, r := range merge(hs) {
		y := float64(r.pos) * scale
		rules = append(rules, rule{x0: float64(r.lo) * scale, x1: float64(r.hi) * scale, y0: y - 0.5, y1: y + 0.5})
	}
	for _, r := range merge(vs) {
		x := float64(r.pos) * scale
		rules = append(rules, rule{x0: x - 0.5, x1: x + 0.5, y0: float64(r.lo) * scale, y1: float64(r.hi) * scale})
	}
	return rules
}
