// Package textenc is the charset rule the text and HTML readers share for
// bytes that declare nothing: (almost) valid UTF-8 is UTF-8, anything else
// is GB18030, the superset of GBK and GB2312 that Chinese Windows tools and
// portals write. Never windows-1252, the usual detectors' fallback.
package textenc

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// MostlyUTF8 reports whether data is UTF-8: valid, or with a few stray
// bytes among many multi-byte characters (a file cut mid-character, one
// corrupt byte). GB-encoded Chinese is almost never valid UTF-8 for more
// than a few characters in a row, so the ratio tells them apart.
func MostlyUTF8(data []byte) bool {
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

// GB18030 decodes data as GB18030 and names the charset used. GB18030 maps
// every byte sequence, so failure is not expected; should it happen, the
// bytes are kept as they are rather than failing the document.
func GB18030(data []byte) ([]byte, string) {
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return data, "utf-8"
	}
	return s, "gb18030"
}
