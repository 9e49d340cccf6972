package pdfdoc

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"os"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/ocr"
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
)

// imagePDF writes a one-page PDF (A4) whose only content is img as a JPEG:
// what a scanner produces.
func imagePDF(t testing.TB, img image.Image) []byte {
	var jb bytes.Buffer
	if err := jpeg.Encode(&jb, img, &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	var offs []int
	obj := func(head string, stream []byte) {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s", len(offs), head)
		if stream != nil {
			b.WriteString("\nstream\n")
			b.Write(stream)
			b.WriteString("\nendstream")
		}
		b.WriteString("\nendobj\n")
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	content := []byte("q 595 0 0 842 0 0 cm /Im1 Do Q")
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>", nil)
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>", w, h, jb.Len()), jb.Bytes())
	obj(fmt.Sprintf("<< /Length %d >>", len(content)), content)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

// scanOf renders page n of a PDF at 200 dpi and wraps the image as a scan.
func scanOf(t *testing.T, path string, n int) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []byte
	err = withInstance(context.Background(), func(inst pdfium.Pdfium) error {
		doc, err := openDoc(inst, data)
		if err != nil {
			return err
		}
		defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc})
		r, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
			Page: requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: n - 1}}, DPI: 200})
		if err != nil {
			return err
		}
		defer r.Cleanup()
		out = imagePDF(t, r.Result.Image)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestScannedPage(t *testing.T) {
	scan := scanOf(t, "testdata/report.pdf", 3)
	// without OCR: flagged, nothing invented
	doc, err := ReadContext(context.Background(), scan, Options{NoOCR: true})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["needs_ocr"] != "true" || doc.Meta["needs_ocr_pages"] != "1" || strings.TrimSpace(doc.Text()) != "" {
		t.Errorf("no-OCR read: meta %v text %q", doc.Meta, doc.Text())
	}
	if !ocr.Available() {
		t.Skip("tesseract with chi_sim not installed: OCR not tested")
	}
	if testing.Short() {
		t.Skip("OCR takes seconds: skipped in -short")
	}
	doc, err = Read(scan)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["ocr"] != "tesseract" || doc.Meta["needs_ocr"] != "" {
		t.Errorf("meta %v", doc.Meta)
	}
	text := doc.Text()
	// the scanned review table is rebuilt from the rules in the image:
	// one grid of 15 columns, as in report.html
	if rev, n := tableWith(doc, "行政诉讼"); n != 1 || rev.Width() != 15 {
		t.Errorf("scanned review table: %d tables, width %d", n, rev.Width())
	}
	// page 3 of report.html: the review heading and the review row
	for _, want := range []string{"行政复议", "五、存在的主要问题"} {
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), want) {
			t.Errorf("OCR text lacks %q", want)
		}
	}
}
