package extract

import (
	"errors"
	"fmt"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/template"
	"github.com/govreport/govreport/extract/validate"
	"github.com/govreport/govreport/report"
)

// Version is recorded with every extracted report; raising it makes
// `extract --data` re-extract everything already stored.
const Version = "0.2.0"

// ErrNotReport is returned for a document that is not an annual report.
var ErrNotReport = errors.New("not an annual report")

// RuleTemplateUnknown names the issue of a report whose template could not
// be told: no national table and no year.
const RuleTemplateUnknown = "template_unknown"

// RuleNeedsOCR names the issue of a document whose scanned pages could not
// be read because no OCR engine is installed.
const RuleNeedsOCR = "needs_ocr"

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
	return FromDocument(doc, hints)
}

// FromDocument codes a document already read: metadata first (the year
// decides the template where the labels are silent, and 2008–2018 means
// the legacy free format), then the tables, then the identities.
func FromDocument(doc *document.Document, hints Hints) (*report.Report, error) {
	if doc == nil {
		return nil, fmt.Errorf("%w: empty document", ErrNotReport)
	}
	m := findMeta(doc, hints)
	res := template.Code(doc, m.Year)
	r := &report.Report{
		Template:         res.Template,
		Year:             m.Year,
		Agency:           m.Agency,
		Region:           m.Region,
		Published:        m.Published,
		Cells:            res.Cells,
		Issues:           res.Issues,
		Format:           doc.Format,
		ExtractorVersion: Version,
	}
	if doc.Meta["needs_ocr"] == "true" {
		// Scanned pages the reader could not read (no OCR engine here):
		// nothing is invented from them.
		r.Issues = append(r.Issues, report.Issue{Rule: RuleNeedsOCR, Severity: report.SeverityWarn,
			Message: fmt.Sprintf("pages %s are images without text and no OCR engine is installed; their values are missing", doc.Meta["needs_ocr_pages"])})
	}
	if len(res.Cells) == 0 {
		if !m.IsReport && doc.Meta["needs_ocr"] != "true" {
			reason := m.Reason
			if reason == "" {
				reason = "no national table and no report heading found"
			}
			return nil, fmt.Errorf("%w: %s", ErrNotReport, reason)
		}
		if r.Template == "" {
			// A report by its heading, but with neither tables nor a year
			// that would name its template: kept as free format, flagged.
			r.Template = report.TemplateLegacy
			r.Issues = append(r.Issues, report.Issue{Rule: RuleTemplateUnknown, Severity: report.SeverityWarn,
				Message: "no national table found and no report year: stored as legacy (free format)"})
		}
	}
	if doc.Meta["ocr"] != "" {
		checkOCR(r)
	}
	if r.Template != report.TemplateLegacy {
		validate.Check(r)
	}
	r.SortCells()
	return r, nil
}
