package textdoc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// decode turns the bytes of a text file into a string and names the
// charset it used. A BOM decides; otherwise valid (or almost entirely
// valid) UTF-8 is UTF-8 and anything else is taken as GB18030, the
// superset of GBK and GB2312 that Chinese Windows tools write.
func decode(data []byte) (string, string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(data[3:]), "utf-8"
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		s, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(s), "utf-16le"
		}
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(data)
		if err == nil {
			return string(s), "utf-16be"
		}
	}
	if mostlyUTF8(data) {
		return string(data), "utf-8"
	}
	s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		// GB18030 maps every byte sequence, so this is not expected;
		// keep the bytes as they are rather than fail the document.
		return string(data), "utf-8"
	}
	return string(s), "gb18030"
}

// mostlyUTF8 reports whether data is UTF-8: valid, or with a few stray
// bytes among many multi-byte characters (a file cut mid-character, one
// corrupt byte). GB-encoded Chinese text is almost never valid UTF-8 for
// more than a few characters in a row, so the ratio tells them apart.
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
