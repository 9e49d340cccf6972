// Package htmldoc reads HTML report pages (whole portal pages or CMS
// fragments, in UTF-8 or GB encodings) into the Document model.
package htmldoc

import (
	"errors"

	"github.com/govreport/govreport/extract/document"
)

// Read parses an HTML page.
func Read(data []byte) (*document.Document, error) {
	return nil, errors.New("htmldoc: not implemented")
}
