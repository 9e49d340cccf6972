package textdoc

import (
	"bytes"

	"github.com/govreport/govreport/extract/textenc"
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
	if textenc.MostlyUTF8(data) {
		return string(data), "utf-8"
	}
	s, name := textenc.GB18030(data)
	return string(s), name
}
