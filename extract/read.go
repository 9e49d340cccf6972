package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/docxdoc"
	"github.com/govreport/govreport/extract/htmldoc"
	"github.com/govreport/govreport/extract/officedoc"
	"github.com/govreport/govreport/extract/pdfdoc"
	"github.com/govreport/govreport/extract/textdoc"
	"github.com/govreport/govreport/extract/xlsxdoc"
)

// ErrUnsupported is returned for a format no reader handles (yet, or on
// this machine: an optional tool may be missing).
var ErrUnsupported = errors.New("unsupported format")

// Format names what Sniff recognises.
const (
	FormatHTML     = "html"
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatPDF      = "pdf"
	FormatDOCX     = "docx"
	FormatXLSX     = "xlsx"
	FormatZIP      = "zip"
	FormatOLE      = "ole" // .doc, .xls, .wps, .et: Microsoft compound file
	FormatRTF      = "rtf"
)

// Sniff tells a document's format from its first bytes, using the file
// name only to tell apart formats that share a container.
func Sniff(name string, data []byte) string {
	ext := strings.ToLower(filepath.Ext(name))
	head := data
	if len(head) > 2048 {
		head = head[:2048]
	}
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return FormatPDF
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		switch {
		case bytes.Contains(data, []byte("word/document.xml")) || ext == ".docx":
			return FormatDOCX
		case bytes.Contains(data, []byte("xl/workbook.xml")) || ext == ".xlsx":
			return FormatXLSX
		}
		return FormatZIP
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return FormatOLE
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return FormatRTF
	}
	lower := bytes.ToLower(head)
	if ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".jsp" ||
		bytes.Contains(lower, []byte("<html")) || bytes.Contains(lower, []byte("<table")) ||
		bytes.Contains(lower, []byte("<p")) || bytes.Contains(lower, []byte("<div")) ||
		bytes.Contains(lower, []byte("<!doctype")) {
		return FormatHTML
	}
	if ext == ".md" || ext == ".markdown" {
		return FormatMarkdown
	}
	return FormatText
}

// Read reads a document of any supported format into the Document model.
func Read(name string, data []byte) (*document.Document, error) {
	return read(name, data, 0)
}

func read(name string, data []byte, depth int) (*document.Document, error) {
	format := Sniff(name, data)
	var (
		doc *document.Document
		err error
	)
	switch format {
	case FormatHTML:
		doc, err = htmldoc.Read(data)
	case FormatText, FormatMarkdown:
		doc, err = textdoc.Read(data)
	case FormatPDF:
		doc, err = pdfdoc.Read(data)
	case FormatDOCX:
		doc, err = docxdoc.Read(data)
	case FormatXLSX:
		doc, err = xlsxdoc.Read(data)
	case FormatOLE, FormatRTF:
		kind := officedoc.KindText
		if format == FormatOLE {
			kind = officedoc.Detect(name, data)
		}
		doc, err = officedoc.Read(context.Background(), name, data, kind)
		if errors.Is(err, officedoc.ErrNoLibreOffice) {
			return nil, fmt.Errorf("%w: %w", ErrUnsupported, err)
		}
	case FormatZIP:
		if depth > 0 {
			return nil, fmt.Errorf("%w: zip inside zip", ErrUnsupported)
		}
		doc, err = readZIP(data, depth)
	default:
		return nil, fmt.Errorf("%w: %s", ErrUnsupported, format)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", format, err)
	}
	return doc, nil
}
