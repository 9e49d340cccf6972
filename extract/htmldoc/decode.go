package htmldoc

import (
	"bytes"

	"github.com/govreport/govreport/extract/textenc"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// prescan is how far into the page a <meta> charset declaration is looked
// for. The HTML standard says 1024 bytes; portals put long <head>s of
// scripts and meta tags first, so look further.
const prescan = 64 << 10

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
		if textenc.MostlyUTF8(data) {
			return data, "utf-8"
		}
		return textenc.GB18030(data)
	case "gbk", "gb18030":
		return textenc.GB18030(data)
	}
	s, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return textenc.GB18030(data)
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
	// An XHTML page may name its encoding in the XML declaration.
	if t := bytes.TrimLeft(head, " \t\r\n"); bytes.HasPrefix(t, []byte("<?xml")) {
		decl := t
		if end := bytes.Index(decl, []byte("?>")); end >= 0 {
			decl = decl[:end]
		}
		if i := indexFold(decl, "encoding"); i >= 0 {
			label := charsetLabel([]byte("charset" + string(decl[i+len("encoding"):])))
			if enc, name := charset.Lookup(label); enc != nil {
				return enc, name
			}
		}
	}
	for tries := 0; tries < 8; tries++ {
		i := indexFold(head, "<meta")
		if i < 0 {
			break
		}
		head = head[i+5:]
		tag := head
		if end := bytes.IndexByte(tag, '>'); end >= 0 {
			tag = tag[:end]
		}
		if enc, name := charset.Lookup(charsetLabel(tag)); enc != nil {
			return enc, name
		}
	}
	return nil, ""
}

// charsetLabel returns the value after "charset=" in a meta tag's
// attributes, for both <meta charset="x"> and <meta http-equiv
// content="text/html; charset=x">.
func charsetLabel(tag []byte) string {
	i := indexFold(tag, "charset")
	if i < 0 {
		return ""
	}
	v := bytes.TrimLeft(tag[i+len("charset"):], " \t\r\n")
	if len(v) == 0 || v[0] != '=' {
		return ""
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n\"'")
	end := 0
	for end < len(v) && end < 40 {
		c := v[end] | 0x20
		if !(c >= 'a' && c <= 'z' || v[end] >= '0' && v[end] <= '9' || v[end] == '-' || v[end] == '_' || v[end] == '.' || v[end] == ':') {
			break
		}
		end++
	}
	return string(v[:end])
}

// indexFold finds the lower-case ASCII string sub in b, ignoring case.
func indexFold(b []byte, sub string) int {
	for i := 0; i+len(sub) <= len(b); i++ {
		if b[i]|0x20 != sub[0] {
			continue
		}
		j := 1
		for j < len(sub) && b[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}
