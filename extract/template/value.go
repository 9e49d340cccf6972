package template

import (
	"strconv"
	"strings"
	"unicode"
)

// Unit of a money value as printed.
type unit int

const (
	unitNone unit = iota // nothing printed: the template's own unit
	unitYuan             // 元
	unitWan              // 万元
)

// value is what a cell holds once read.
type value struct {
	num   string // decimal digits with optional sign and point, "" when blank
	unit  unit
	blank bool // a blank or a dash/slash/无: the document gives no value
	ok    bool // readable as a value (a number or a blank)
}

// nullTokens are what publishers print for "nothing": read as blank (null),
// never as 0, since the document does not say 0.
var nullTokens = map[string]bool{
	"": true, "-": true, "--": true, "—": true, "——": true, "–": true, "/": true,
	"\\": true, "无": true, "空": true, "一": true, "×": true, "…": true,
}

// countSuffixes are measure words printed after counts.
var countSuffixes = []string{"件", "个", "项", "次", "条", "人", "家", "宗", "份"}

// toASCII folds full-width forms and odd spaces to ASCII.
func toASCII(s string) string {
	plain := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '\t' {
			plain = false
			break
		}
	}
	if plain {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000 || r == 0xA0 || r == '\t' || r == 0x2002 || r == 0x2003 || r == 0x200B:
			return ' '
		case r == '−' || r == '－':
			return '-'
		case r == '﹢':
			return '+'
		case r == '，':
			return ','
		case r == '．' || r == '。':
			return '.'
		}
		return r
	}, s)
}

// parseValue reads a cell's text as a number. It accepts signs, decimals,
// thousands separators, full-width digits, a unit suffix (元, 万元, 万) or a
// measure word, and OCR's U/O/o/D/〇 for the digit 0; it returns ok=false
// for anything else, which is then a label or an unreadable cell.
func parseValue(s string) value {
	if isDigits(s) {
		// The common cell: a plain count, read as is.
		return value{num: s, ok: true}
	}
	if hasWordChar(s) {
		return value{}
	}
	s = strings.TrimSpace(toASCII(s))
	// Emphasis kept by markdown archives: **12**, _3_, `0`.
	s = strings.TrimSpace(strings.Trim(s, "*_`"))
	if nullTokens[s] {
		return value{blank: true, ok: true}
	}
	u := unitNone
	for _, suf := range []string{"(万元)", "(元)", "万元", "元", "万"} {
		if strings.HasSuffix(s, suf) {
			if strings.Contains(suf, "万") {
				u = unitWan
			} else {
				u = unitYuan
			}
			s = strings.TrimSpace(strings.TrimSuffix(s, suf))
			break
		}
	}
	if u == unitNone {
		for _, suf := range countSuffixes {
			if strings.HasSuffix(s, suf) {
				s = strings.TrimSpace(strings.TrimSuffix(s, suf))
				break
			}
		}
	}
	if s == "" {
		return value{}
	}
	// A change written in words: 增加14, 减少2, 持平.
	for _, w := range []struct{ word, sign string }{{"增加", "+"}, {"减少", "-"}, {"增", "+"}, {"减", "-"}, {"上升", "+"}, {"下降", "-"}} {
		if rest, ok := strings.CutPrefix(s, w.word); ok && rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			s = w.sign + rest
			break
		}
	}
	if s == "持平" || s == "不变" || s == "无变化" {
		return value{num: "0", ok: true}
	}
	sign := ""
	switch s[0] {
	case '+':
		s = strings.TrimSpace(s[1:])
	case '-':
		sign = "-"
		s = strings.TrimSpace(s[1:])
	}
	if s == "" {
		return value{}
	}
	var b strings.Builder
	digits, commas, points := 0, 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
			digits++
		case r == 'U' || r == 'O' || r == 'o' || r == 'D' || r == '〇':
			b.WriteByte('0')
			digits++
		case r == ',':
			b.WriteByte(',')
			commas++
		case r == '.':
			b.WriteByte('.')
			points++
		default:
			return value{}
		}
	}
	num := b.String()
	if digits == 0 || points > 1 || strings.HasPrefix(num, ".") || strings.HasSuffix(num, ".") {
		return value{}
	}
	if commas > 0 {
		if !thousands(num) {
			return value{}
		}
		num = strings.ReplaceAll(num, ",", "")
	}
	return value{num: sign + num, unit: u, ok: true}
}

// isDigits reports whether s is one or more ASCII digits and nothing else.
func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// thousands reports whether commas in num group digits by three.
func thousands(num string) bool {
	intPart, _, _ := strings.Cut(num, ".")
	groups := strings.Split(intPart, ",")
	if len(groups[0]) < 1 || len(groups[0]) > 3 {
		return false
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return false
		}
	}
	return !strings.Contains(num[len(intPart):], ",")
}

// float returns the value in the column's unit; money printed in 元 is
// moved to 万元 by shifting the decimal point in the text, so that
// 75394432.52 元 becomes exactly the float of "7539.443252".
func (v value) float(money bool, headerUnit unit) float64 {
	num := v.num
	u := v.unit
	if u == unitNone {
		u = headerUnit
	}
	if money && u == unitYuan {
		num = shiftDecimal(num, 4)
	}
	if !money && v.unit == unitWan {
		// "1.2万"件: a count written in ten-thousands.
		num = shiftDecimal(num, -4)
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0
	}
	return f
}

// shiftDecimal divides (places > 0) or multiplies (places < 0) a decimal
// string by a power of ten without rounding.
func shiftDecimal(num string, places int) string {
	sign := ""
	if strings.HasPrefix(num, "-") {
		sign, num = "-", num[1:]
	}
	intPart, frac, _ := strings.Cut(num, ".")
	digits := intPart + frac
	point := len(intPart) - places
	for point <= 0 {
		digits = "0" + digits
		point++
	}
	for point > len(digits) {
		digits += "0"
	}
	out := digits[:point]
	if point < len(digits) {
		out += "." + digits[point:]
	}
	return sign + out
}

// isInteger reports whether the value has no fractional part.
func (v value) isInteger() bool {
	_, frac, ok := strings.Cut(v.num, ".")
	return !ok || strings.Trim(frac, "0") == ""
}

// unitOnly reports whether a cell holds only a unit, printed in a cell or
// span of its own after the number.
func unitOnly(s string) (unit, bool) {
	s = strings.TrimSpace(toASCII(s))
	s = strings.Trim(s, "()")
	switch s {
	case "元":
		return unitYuan, true
	case "万元", "万":
		return unitWan, true
	}
	return unitNone, false
}

// splitTail splits a cell that ends a label and starts the values, as OCR
// text does when a tab is lost ("费 0"): the label part and the value
// text, when the cell ends in a space-separated number.
func splitTail(s string) (label, val string, ok bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i <= 0 {
		return "", "", false
	}
	head, tail := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i:])
	if !hasHan(head) {
		return "", "", false
	}
	if v := parseValue(tail); !v.ok || v.blank {
		return "", "", false
	}
	return head, tail, true
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// valueWords are the Han characters a value cell may print: units, measure
// words, the words for nothing and for a change.
const valueWords = "元万件个项次条人家宗份无空一〇增加减少上升下降持平不变化"

// hasWordChar reports whether s holds a Han character no value prints, so
// that label cells are turned away before any parsing.
func hasWordChar(s string) bool {
	for _, r := range s {
		if isHan(r) && !strings.ContainsRune(valueWords, r) {
			return true
		}
	}
	return false
}
