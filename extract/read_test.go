package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/officedoc"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestReadFormats(t *testing.T) {
	pdf, err := os.ReadFile("pdfdoc/testdata/report.pdf")
	if err != nil {
		t.Fatal(err)
	}
	docx, err := os.ReadFile("pdfdoc/testdata/report.docx")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("officedoc/testdata/report.doc")
	if err != nil {
		t.Fatal(err)
	}
	// a zip of attachments (GBK member names are common; this one is UTF-8)
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("附件1.txt")
	w.Write([]byte("说明"))
	w, _ = zw.Create("示例县2023年政府信息公开工作年度报告.docx")
	w.Write(docx)
	zw.Close()

	for _, c := range []struct {
		name   string
		data   []byte
		format string
	}{
		{"report.pdf", pdf, "pdf"},
		{"report.docx", docx, "docx"},
		{"attachments.zip", zbuf.Bytes(), "docx"},
	} {
		d, err := Read(c.name, c.data)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if d.Format != c.format {
			t.Errorf("%s: format %s, want %s", c.name, d.Format, c.format)
		}
		// every reader finds the review row typed in report.html
		if !strings.Contains(d.Text(), "10\t1\t0\t0\t11\t2\t0\t0\t1\t3\t5\t0\t0\t0\t5") {
			t.Errorf("%s: review row not found in\n%s", c.name, d.Text())
		}
	}
	if Sniff("x.doc", doc) != FormatOLE || Sniff("x.rtf", []byte(`{\rtf1 x}`)) != FormatRTF {
		t.Error("sniff ole/rtf")
	}
	_, err = Read("report.doc", doc)
	if officedoc.Binary() == "" {
		if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "LibreOffice") {
			t.Errorf("doc without LibreOffice: %v", err)
		}
	} else if err != nil {
		t.Errorf("doc: %v", err)
	}
}

// TestReadZIPGBKName: Chinese archivers write member names in GBK without
// the UTF-8 flag; the report member is still found by its name.
func TestReadZIPGBKName(t *testing.T) {
	name, err := simplifiedchinese.GBK.NewEncoder().String("2023年度报告.txt")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.CreateHeader(&zip.FileHeader{Name: "readme.txt", Method: zip.Deflate})
	w.Write([]byte("not this one"))
	w, _ = zw.CreateHeader(&zip.FileHeader{Name: name, NonUTF8: true, Method: zip.Deflate})
	w.Write([]byte("一、总体情况\n本年度收到申请21件。\n"))
	zw.Close()
	doc, err := Read("files.zip", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta["zip_member"] != "2023年度报告.txt" || !strings.Contains(doc.Text(), "本年度收到申请21件") {
		t.Errorf("member %q text %q", doc.Meta["zip_member"], doc.Text())
	}
}

// TestReadRTF: RTF goes through LibreOffice like old Word files.
func TestReadRTF(t *testing.T) {
	rtf := []byte(`{\rtf1\ansi\ansicpg936 {\fonttbl{\f0 SimSun;}}\f0 \u19968?\u12289?\u24635?\u20307?\u24773?\u20917?\par 21\par}`)
	doc, err := Read("report.rtf", rtf)
	if officedoc.Binary() == "" {
		if !errors.Is(err, ErrUnsupported) {
			t.Errorf("rtf without LibreOffice: %v", err)
		}
		t.Skip("LibreOffice not installed")
	}
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text(), "一、总体情况") {
		t.Errorf("text %q", doc.Text())
	}
}
