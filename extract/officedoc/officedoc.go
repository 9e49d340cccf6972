package officedoc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/extract/docxdoc"
	"github.com/govreport/govreport/extract/xlsxdoc"
	"github.com/richardlehane/mscfb"
)

// Kind is what an OLE file holds.
type Kind string

// Kinds of old Office documents.
const (
	KindText        Kind = "doc" // Word or WPS text: convert to docx
	KindSpreadsheet Kind = "xls" // Excel or WPS spreadsheet: convert to xlsx
)

// ErrNoLibreOffice: the converter is not installed.
var ErrNoLibreOffice = errors.New("LibreOffice (soffice) not installed")

// DefaultTimeout bounds one conversion.
const DefaultTimeout = 120 * time.Second

// MaxInput bounds the size of a file handed to LibreOffice.
const MaxInput = 64 << 20

// Detect tells a text document from a spreadsheet by the OLE stream names
// (WordDocument; Workbook or Book), falling back to the file extension.
func Detect(name string, data []byte) Kind {
	if r, err := mscfb.New(bytes.NewReader(data)); err == nil {
		for i := 0; i < 10000; i++ {
			f, err := r.Next()
			if err != nil {
				break
			}
			switch f.Name {
			case "WordDocument":
				return KindText
			case "Workbook", "Book":
				return KindSpreadsheet
			}
		}
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xls", ".et", ".ett", ".xlt":
		return KindSpreadsheet
	}
	return KindText
}

// Binary returns the LibreOffice command found on PATH, or "".
func Binary() string {
	for _, b := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(b); err == nil {
			return p
		}
	}
	return ""
}

// Read converts an old Office (or RTF) file and reads the result.
func Read(ctx context.Context, name string, data []byte, kind Kind) (*document.Document, error) {
	bin := Binary()
	if bin == "" {
		pkg := "libreoffice-writer-nogui"
		if kind == KindSpreadsheet {
			pkg = "libreoffice-calc-nogui"
		}
		ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(name)), ".")
		if ext == "" {
			ext = string(kind)
		}
		return nil, fmt.Errorf("reading .%s needs LibreOffice (soffice), not installed: apt-get install %s: %w", ext, pkg, ErrNoLibreOffice)
	}
	if len(data) > MaxInput {
		return nil, fmt.Errorf("%d bytes: too large to convert", len(data))
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
	}
	dir, err := os.MkdirTemp("", "govreport-office-*")
	if err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	defer os.RemoveAll(dir)
	inExt, target := ".doc", "docx"
	if kind == KindSpreadsheet {
		inExt, target = ".xls", "xlsx"
	}
	if strings.HasPrefix(string(data[:min(len(data), 8)]), `{\rtf`) {
		inExt = ".rtf"
	}
	in := filepath.Join(dir, "in"+inExt)
	if err := os.WriteFile(in, data, 0o600); err != nil {
		return nil, fmt.Errorf("convert: %w", err)
	}
	outDir := filepath.Join(dir, "out")
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile"))
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile,
		"--headless", "--norestore", "--nolockcheck", "--convert-to", target, "--outdir", outDir, in)
	setProcessGroup(cmd)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("libreoffice convert: %w", ctx.Err())
		}
		return nil, fmt.Errorf("libreoffice convert: %w: %s", err, strings.TrimSpace(out.String()))
	}
	result, err := os.ReadFile(filepath.Join(outDir, "in."+target))
	if err != nil {
		return nil, fmt.Errorf("libreoffice produced no %s (%s): %w", target, strings.TrimSpace(out.String()), err)
	}
	var doc *document.Document
	if target == "xlsx" {
		doc, err = xlsxdoc.Read(result)
	} else {
		doc, err = docxdoc.Read(result)
	}
	if err != nil {
		return nil, fmt.Errorf("read converted %s: %w", target, err)
	}
	if doc.Meta == nil {
		doc.Meta = map[string]string{}
	}
	doc.Meta["converted_from"] = strings.TrimPrefix(inExt, ".")
	doc.Meta["converter"] = "libreoffice"
	return doc, nil
}
