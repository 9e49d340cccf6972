package extract

import (
	"errors"
	"fmt"

	"github.com/govreport/govreport/report"
)

// Version is recorded with every extracted report; raising it makes
// `extract --data` re-extract everything already stored.
const Version = "0.1.0"

// ErrNotReport is returned for a document that is not an annual report.
var ErrNotReport = errors.New("not an annual report")

// Hints are what the crawler knows of a document, used only where the
// document itself is silent.
type Hints struct {
	URL    string
	Title  string
	Agency string
	Region report.Region
}

// Extract reads one document and returns its canonical report. The report
// carries every broken identity as an issue; an error means the document
// could not be read or is not a report.
func Extract(name string, data []byte, hints Hints) (*report.Report, error) {
	doc, err := Read(name, data)
	if err != nil {
		return nil, err
	}
	_ = doc
	return nil, fmt.Errorf("extract: not implemented")
}
