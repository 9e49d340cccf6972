package htmldoc

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// prescan is how far into the page a <meta> charset declaration is looked
// for. The HTML standard says 1024 bytes; portals put long <head>s of
// scripts and meta tags first, so look further.
const prescan = 64 << 10

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:\-]+)`)

// decode returns the page as UTF-8 and the name of the charset read.
func decode(data []byte) ([]byte, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return data[3:], "utf-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		if s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data); err == nil {
			return s, "utf-16le"
		}
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if s, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data); err == nil {
			return s, "utf-16be"
		}
	}
	enc, declared := declaredCharset(data)
	switch declared {
	case "", "utf-8", "windows-1252", "iso-8859-1", "us-ascii", "utf-16le", "utf-16be", "x-user-defined", "replacement":
		// Undeclared, UTF-8, or a Latin default some CMS writes into
		// every template: the bytes decide. A Chinese page labelled
		// Latin-1 is never really Latin-1.
		if mostlyUTF8(data) {
			return data, "utf-8"
		}
		return gb18030(data)
	case "gbk", "gb18030":
		return gb18030(data)
	}
	s, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return gb18030(data)
	}
	return s, declared
}

// declaredCharset returns the encoding and canonical (WHATWG) name of the
// charset a <meta charset> or <meta http-equiv content="...; charset=">
// declares near the top of the page (gb2312 is named gbk), or "".
func declaredCharset(data []byte) (encoding.Encoding, string) {
	head := data
	if len(head) > prescan {
		head = head[:prescan]
	}
	for _, m := range metaCharset.FindAllSubmatch(head, 4) {
		label := strings.ToLower(string(m[1]))
		if enc, name := charset.Lookup(label); enc != nil {
			return enc, name
		}
	}
	return nil, ""
}

func gb18030(data []byte) ([]byte, string) {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return data, "utf-8"
	}
	return s, "gb18030"
}

// mostlyUTF8 reports whether data is UTF-8: valid, or with a few stray
// bytes among many multi-byte characters (a page cut mid-character, one
// corrupt byte). GB-encoded Chinese is almost never valid UTF-8 for more
// than a few characters in a row, so the ratio tells them apart.
func mostlyUTF8(data []byte) bool {
	if utf8.Valid(data) {
		return true
	}
	multi, bad := 0, 0
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			bad++
			i++
			continue
		}
		multi++
		i += n
	}
	return multi >= 20*bad
}
