package meta

import (
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// squeeze removes all whitespace: Chinese text has none that matters, and
// OCR and Word pastes scatter it inside names and numbers ("2020 年").
func squeeze(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), "")
}

// tidy collapses whitespace runs and drops the spaces that stand next to a
// Chinese character, keeping those between Latin words.
func tidy(s string) string {
	fields := strings.Fields(s)
	var b strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev, _ := utf8.DecodeLastRuneInString(fields[i-1])
			next, _ := utf8.DecodeRuneInString(f)
			if prev < utf8.RuneSelf && next < utf8.RuneSelf {
				b.WriteByte(' ')
			}
		}
		b.WriteString(f)
	}
	return b.String()
}

// digitsOf maps the characters that stand for a digit in years and dates:
// ASCII and full-width digits, Chinese numerals, and the O, o and 〇 that
// typists and OCR put for zero.
func digitOf(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	switch r {
	case '〇', '○', '零', 'O', 'o', 'Ｏ', 'Ο':
		return 0, true
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// yearChars is a character class of everything digitOf reads.
const yearChars = `0-9０-９〇○零OoＯΟ一二三四五六七八九`

var (
	// yearRe finds "2020年", "二〇二〇年", "二O二O年" in squeezed text.
	yearRe = regexp.MustCompile(`([` + yearChars + `]{4})年`)
	// numRe is a month or day in Arabic or Chinese numerals (十二, 二十一).
	numPart = `([0-9０-９]{1,2}|[一二三四五六七八九十廿卅]{1,3})`
	dateRe  = regexp.MustCompile(`([` + yearChars + `]{4})年` + numPart + `月` + numPart + `日`)
	// isoRe is a date written with separators, as in page headers and meta
	// tags: 2022-02-08, 2022/2/8, 2022.02.08, 2022年02月08日.
	isoRe = regexp.MustCompile(`((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})`)
)

// year reads a four-character year; ok only for a plausible report year.
func year(s string) (int, bool) {
	y, n := 0, 0
	for _, r := range s {
		d, ok := digitOf(r)
		if !ok {
			return 0, false
		}
		y = y*10 + d
		n++
	}
	if n != 4 || y < 1990 || y > 2100 {
		return 0, false
	}
	return y, true
}

// smallNumber reads a month or day: 1-31 in Arabic digits or Chinese
// numerals (三, 十, 十二, 二十, 二十一, 三十一, 廿五).
func smallNumber(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	r, _ := utf8.DecodeRuneInString(s)
	if (r >= '0' && r <= '9') || (r >= '０' && r <= '９') {
		n := 0
		for _, r := range s {
			d, ok := digitOf(r)
			if !ok {
				return 0, false
			}
			n = n*10 + d
		}
		return n, true
	}
	rs := []rune(s)
	// 廿 and 卅 are twenty and thirty (廿五日, 卅一日).
	if len(rs) <= 2 && (rs[0] == '廿' || rs[0] == '卅') {
		n := 20
		if rs[0] == '卅' {
			n = 30
		}
		if len(rs) == 1 {
			return n, true
		}
		d, ok := digitOf(rs[1])
		return n + d, ok && d > 0
	}
	switch {
	case len(rs) == 1 && rs[0] == '十':
		return 10, true
	case len(rs) == 1:
		d, ok := digitOf(rs[0])
		return d, ok && d > 0
	case len(rs) == 2 && rs[0] == '十':
		d, ok := digitOf(rs[1])
		return 10 + d, ok && d > 0
	case len(rs) == 2 && rs[1] == '十':
		d, ok := digitOf(rs[0])
		return d * 10, ok && d > 1
	case len(rs) == 3 && rs[1] == '十':
		a, ok1 := digitOf(rs[0])
		b, ok2 := digitOf(rs[2])
		return a*10 + b, ok1 && ok2 && a > 1 && b > 0
	}
	return 0, false
}

// isoDate validates y-m-d and formats it; ok is false for 2021-02-30.
func isoDate(y, m, d int) (string, bool) {
	if y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), true
}

// chineseDate reads the first "2021年1月28日" or "二〇二一年一月二十日" in
// squeezed text, returning the ISO date and the match's byte span.
func chineseDate(s string) (iso string, start, end int, ok bool) {
	for _, m := range dateRe.FindAllStringSubmatchIndex(s, -1) {
		y, ok1 := year(s[m[2]:m[3]])
		mo, ok2 := smallNumber(s[m[4]:m[5]])
		d, ok3 := smallNumber(s[m[6]:m[7]])
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if iso, ok := isoDate(y, mo, d); ok {
			return iso, m[0], m[1], true
		}
	}
	return "", 0, 0, false
}

// anyDate reads the first date in a page header or meta tag value, in
// either the separator form or the Chinese form.
func anyDate(s string) (string, bool) {
	if m := isoRe.FindStringSubmatch(s); m != nil {
		var y, mo, d int
		fmt.Sscanf(m[1]+" "+m[2]+" "+m[3], "%d %d %d", &y, &mo, &d)
		if iso, ok := isoDate(y, mo, d); ok {
			return iso, true
		}
	}
	if iso, _, _, ok := chineseDate(squeeze(s)); ok {
		return iso, true
	}
	return "", false
}

// firstYear returns the first plausible "YYYY年" of squeezed text.
func firstYear(s string) (int, bool) {
	for _, m := range yearRe.FindAllStringSubmatch(s, -1) {
		if y, ok := year(m[1]); ok {
			return y, true
		}
	}
	return 0, false
}
