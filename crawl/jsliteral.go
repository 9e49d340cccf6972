package crawl

import (
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// jsValueAfter finds `key:` (or "key": / 'key':) in text after position
// from and returns the JavaScript literal that follows it (an object,
// array, string or number), as source text.
func jsValueAfter(text, key string, from int) (string, bool) {
	for i := from; i < len(text); {
		j := strings.Index(text[i:], key)
		if j < 0 {
			return "", false
		}
		k := i + j + len(key)
		start := i + j
		i = k
		// The key must stand alone: not part of a longer identifier.
		if start > 0 && isIdentByte(text[start-1]) {
			continue
		}
		if k < len(text) && (text[k] == '"' || text[k] == '\'') {
			k++
		}
		k = skipSpace(text, k)
		if k >= len(text) || (text[k] != ':' && text[k] != '=') {
			continue
		}
		k = skipSpace(text, k+1)
		if end, ok := jsLiteralEnd(text, k); ok {
			return text[k:end], true
		}
	}
	return "", false
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func skipSpace(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
		i++
	}
	return i
}

// jsLiteralEnd returns the end of the literal starting at i: a balanced
// {…} or […] (strings inside are skipped), a quoted string, or a bare
// token up to a comma or closing bracket.
func jsLiteralEnd(s string, i int) (int, bool) {
	if i >= len(s) {
		return 0, false
	}
	switch s[i] {
	case '"', '\'', '`':
		return jsStringEnd(s, i)
	case '{', '[':
		depth := 0
		for k := i; k < len(s); k++ {
			switch s[k] {
			case '"', '\'', '`':
				e, ok := jsStringEnd(s, k)
				if !ok {
					return 0, false
				}
				k = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return k + 1, true
				}
			}
		}
		return 0, false
	}
	k := i
	for k < len(s) && !strings.ContainsRune(",}]\n;", rune(s[k])) {
		k++
	}
	return k, k > i
}

// jsStringEnd returns the index just after the string literal at i.
func jsStringEnd(s string, i int) (int, bool) {
	q := s[i]
	for k := i + 1; k < len(s); k++ {
		switch s[k] {
		case '\\':
			k++
		case q:
			return k + 1, true
		}
	}
	return 0, false
}

// jsToJSON rewrites a JavaScript object or array literal as JSON: single-
// quoted strings become double-quoted, bare keys get quotes, trailing
// commas go. It is enough for the configuration objects portals embed; it
// is not a JavaScript parser.
func jsToJSON(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '"' || c == '\'' || c == '`':
			end, ok := jsStringEnd(src, i)
			if !ok {
				end = len(src)
			}
			s, _ := jsUnquote(src[i:end])
			q, _ := json.Marshal(s)
			b.Write(q)
			i = end
		case c == ',':
			k := skipSpace(src, i+1)
			if k < len(src) && (src[k] == '}' || src[k] == ']') {
				i = k // trailing comma
				continue
			}
			b.WriteByte(c)
			i++
		case c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'):
			k := i
			for k < len(src) && isIdentByte(src[k]) {
				k++
			}
			word := src[i:k]
			n := skipSpace(src, k)
			switch {
			case n < len(src) && src[n] == ':':
				q, _ := json.Marshal(word)
				b.Write(q)
			case word == "true" || word == "false" || word == "null":
				b.WriteString(word)
			default:
				b.WriteString("null") // undefined, variables, function calls
			}
			i = k
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

// jsUnquote decodes a JavaScript string literal, quotes included.
func jsUnquote(lit string) (string, bool) {
	if len(lit) < 2 {
		return "", false
	}
	body := lit[1 : len(lit)-1]
	var b strings.Builder
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			r, n := utf8.DecodeRuneInString(body[i:])
			b.WriteRune(r)
			i += n
			continue
		}
		e := body[i+1]
		i += 2
		switch e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b', 'f', 'v', '0':
		case 'u':
			if i+4 <= len(body) {
				if v, err := strconv.ParseUint(body[i:i+4], 16, 32); err == nil {
					r := rune(v)
					i += 4
					// Surrogate pair.
					if r >= 0xD800 && r < 0xDC00 && i+6 <= len(body) && body[i] == '\\' && body[i+1] == 'u' {
						if lo, err := strconv.ParseUint(body[i+2:i+6], 16, 32); err == nil && lo >= 0xDC00 && lo < 0xE000 {
							r = (r-0xD800)<<10 + (rune(lo) - 0xDC00) + 0x10000
							i += 6
						}
					}
					b.WriteRune(r)
					continue
				}
			}
			b.WriteByte('u')
		case 'x':
			if i+2 <= len(body) {
				if v, err := strconv.ParseUint(body[i:i+2], 16, 8); err == nil {
					b.WriteRune(rune(v))
					i += 2
					continue
				}
			}
			b.WriteByte('x')
		default:
			b.WriteByte(e)
		}
	}
	return b.String(), true
}

// jsDecode parses a JavaScript literal (object, array, string or number)
// into Go values as encoding/json would.
func jsDecode(src string) (any, bool) {
	src = strings.TrimSpace(src)
	if src == "" {
		return nil, false
	}
	if src[0] == '\'' || src[0] == '"' || src[0] == '`' {
		s, ok := jsUnquote(src)
		return s, ok
	}
	var v any
	if err := json.Unmarshal([]byte(src), &v); err == nil {
		return v, true
	}
	if err := json.Unmarshal([]byte(jsToJSON(src)), &v); err == nil {
		return v, true
	}
	return nil, false
}
