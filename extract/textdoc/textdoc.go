// Package textdoc reads plain text reports (OCR output, tab-separated
// tables, markdown pipe tables) into the Document model.
package textdoc

import (
	"errors"

	"github.com/govreport/govreport/extract/document"
)

// Read parses a text document.
func Read(data []byte) (*document.Document, error) {
	return nil, errors.New("textdoc: not implemented")
}
