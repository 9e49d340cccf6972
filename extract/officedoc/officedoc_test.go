package officedoc

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/govreport/govreport/extract/document"
)

func TestDetect(t *testing.T) {
	doc, err := os.ReadFile("testdata/report.doc")
	if err != nil {
		t.Fatal(err)
	}
	xls, err := os.ReadFile("testdata/table.xls")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		data []byte
		want Kind
	}{
		{"report.doc", doc, KindText},
		{"misnamed.xls", doc, KindText}, // the streams win over the name
		{"table.xls", xls, KindSpreadsheet},
		{"table.doc", xls, KindSpreadsheet},
		{"broken.et", []byte("\xD0\xCF\x11\xE0garbage"), KindSpreadsheet},
		{"broken.wps", []byte("\xD0\xCF\x11\xE0garbage"), KindText},
	}
	for _, c := range cases {
		if got := Detect(c.name, c.data); got != c.want {
			t.Errorf("Detect(%s) = %s, want %s", c.name, got, c.want)
		}
	}
}

// cellTexts returns the table's origin cell texts row by row.
func cellTexts(t *document.Table) []string {
	var out []string
	for _, r := range t.Rows {
		var cs []string
		for _, c := range r {
			if !c.Copy {
				cs = append(cs, c.Text)
			}
		}
		out = append(out, strings.Join(cs, "|"))
	}
	return out
}

func TestRead(t *testing.T) {
	doc, _ := os.ReadFile("testdata/report.doc")
	xls, _ := os.ReadFile("testdata/table.xls")
	if Binary() == "" {
		_, err := Read(context.Background(), "report.doc", doc, KindText)
		if !errors.Is(err, ErrNoLibreOffice) || !strings.Contains(err.Error(), "apt-get install libreoffice-writer-nogui") {
			t.Errorf("without LibreOffice: %v", err)
		}
		t.Skip("LibreOffice not installed: conversion not tested")
	}
	d, err := Read(context.Background(), "report.doc", doc, KindText)
	if err != nil {
		t.Fatal(err)
	}
	if d.Format != "docx" || d.Meta["converted_from"] != "doc" {
		t.Errorf("format %s meta %v", d.Format, d.Meta)
	}
	var review *document.Table
	for _, tb := range d.Tables() {
		if strings.Contains(tb.Rows[0][0].Text, "行政复议") {
			review = tb
		}
	}
	if review == nil {
		t.Fatal("review table not found")
	}
	// numbers typed in ../pdfdoc/testdata/report.html
	if got := cellTexts(review)[3]; got != "10|1|0|0|11|2|0|0|1|3|5|0|0|0|5" {
		t.Errorf("review row %q", got)
	}
	x, err := Read(context.Background(), "table.xls", xls, KindSpreadsheet)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(cellTexts(x.Tables()[0]), "\n")
	want := "第二十条第（一）项\n信息内容|本年制发件数\n规章|3\n行政事业性收费|7730.28"
	if got != want {
		t.Errorf("xls table\n%s\nwant\n%s", got, want)
	}
}

func TestReadTimeout(t *testing.T) {
	if Binary() == "" {
		t.Skip("LibreOffice not installed")
	}
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	doc, _ := os.ReadFile("testdata/report.doc")
	if _, err := Read(ctx, "report.doc", doc, KindText); err == nil {
		t.Error("cancelled conversion succeeded")
	}
}

// TestMissing: with LibreOffice off PATH the error names the package to
// install and wraps ErrNoLibreOffice.
func TestMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	for _, c := range []struct {
		name string
		kind Kind
		want string
	}{
		{"report.doc", KindText, "reading .doc needs LibreOffice (soffice), not installed: apt-get install libreoffice-writer-nogui"},
		{"table.et", KindSpreadsheet, "reading .et needs LibreOffice (soffice), not installed: apt-get install libreoffice-calc-nogui"},
	} {
		_, err := Read(context.Background(), c.name, []byte("\xD0\xCF\x11\xE0"), c.kind)
		if !errors.Is(err, ErrNoLibreOffice) || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
}
