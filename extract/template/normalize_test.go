package template

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// normalizeRef is Normalize as first written (rune slices, the map looked
// up for every rune): the fast version must give the same result for any
// input.
func normalizeRef(s string) string {
	if !mayHaveHan(s) {
		return ""
	}
	rs := []rune(s)
	if indexRune(rs, '<') >= 0 {
		kept := rs[:0:0]
		for i := 0; i < len(rs); i++ {
			if rs[i] == '<' {
				if j := indexRune(rs[i:], '>'); j > 0 {
					i += j
					continue
				}
			}
			kept = append(kept, rs[i])
		}
		rs = kept
	}
	out := make([]rune, 0, len(rs))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if n := skipNumbering(rs, i); n > 0 {
			i += n - 1
			continue
		}
		if m, ok := confusables[r]; ok {
			r = m
		}
		if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
			out = append(out, r)
		}
	}
	return string(out)
}

func TestIsHanMatchesUnicodeTable(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := isHan(r), r >= 0x2E80 && unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHan(%U) = %v, want %v", r, got, want)
		}
		// hasHan and hasWordChar used the table alone: no Han lies below
		// U+2E80, so isHan is the same test for them.
		if got, want := isHan(r), unicode.Is(unicode.Han, r); got != want {
			t.Fatalf("isHan(%U) = %v, unicode.Is(Han) = %v", r, got, want)
		}
	}
}

func TestUnconfuseMatchesMap(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := r
		if m, ok := confusables[r]; ok {
			want = m
		}
		if got := unconfuse(r); got != want {
			t.Fatalf("unconfuse(%U) = %U, want %U", r, got, want)
		}
	}
}

// normalizeCases are the hard inputs: numbering in all its printed and
// OCR'd forms, markup, confusables, invalid UTF-8, and labels longer than
// the stack buffers.
var normalizeCases = []string{
	"", "abc", "=", "（一）予以公开", "(-)属于国家秘密", "(<u>=</u>)不予公开", "一、总体情况",
	"三. 收到和处理", "Ξ、行政复议", "増加 / 減少", "1.属于国家秘密", "（ 二 ）部分公开",
	"<b>规章</b>", "<<>>规章<", "规章>", "(一", "十一、其他", "二十一、", "\xff\xfe规章\x80",
	"本年新收政府信息公开申请数量\t12\t3", "　全角空格　规章　", "(=)＝、≡",
	strings.Repeat("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 8),
	strings.Repeat("(一)<i>x</i>增", 60),
}

func TestNormalizeMatchesReference(t *testing.T) {
	for _, s := range normalizeCases {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
	// Random strings over an alphabet of the characters the rules turn on.
	alphabet := []rune("()（）一二三四五六七八九十Ξ=＝-－—_、.．,， \t　<>/ab1２予以公开増減開處請國规章\uFFFD")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		rs := make([]rune, rng.IntN(40))
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(rs)
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range normalizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeRef(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	for b.Loop() {
		for _, s := range normalizeCases[:22] {
			Normalize(s)
		}
	}
}
