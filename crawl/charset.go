package crawl

import (
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

var (
	metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_\-]+)`)
	xmlEncoding = regexp.MustCompile(`(?i)^\s*<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_\-]+)["']`)
)

// decodeText turns a text body into UTF-8. The charset comes from the
// Content-Type header, else a <meta> or XML declaration; a body that
// declares nothing and is not valid UTF-8 is read as GB18030 (which covers
// GBK and GB2312), the usual case on Chinese portals. A body declared UTF-8
// that is not valid UTF-8 is read as GB18030 too, since that mislabel is
// common. It returns the text and the charset name used.
func decodeText(body []byte, contentType string) (string, string) {
	name := declaredCharset(body, contentType)
	if name == "" {
		if utf8.Valid(body) {
			return strings.TrimPrefix(string(body), "\uFEFF"), "utf-8"
		}
		return decodeWith(simplifiedchinese.GB18030, body, "gb18030")
	}
	enc, canon := charset.Lookup(name)
	switch {
	case enc == nil:
		if utf8.Valid(body) {
			return string(body), "utf-8"
		}
		return decodeWith(simplifiedchinese.GB18030, body, "gb18030")
	case canon == "utf-8":
		if utf8.Valid(body) {
			return strings.TrimPrefix(string(body), "\uFEFF"), "utf-8"
		}
		return decodeWith(simplifiedchinese.GB18030, body, "gb18030")
	case canon == "gbk" || canon == "gb18030":
		// GB18030 is a superset of GBK and GB2312: decode with it so
		// characters outside GBK survive.
		return decodeWith(simplifiedchinese.GB18030, body, canon)
	}
	return decodeWith(enc, body, canon)
}

func declaredCharset(body []byte, contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		return strings.ToLower(strings.Trim(params["charset"], `"' `))
	}
	head := body[:min(len(body), 2048)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	if m := metaCharset.FindSubmatch(head); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

func decodeWith(enc encoding.Encoding, body []byte, name string) (string, string) {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return string(body), name
	}
	return string(out), name
}
