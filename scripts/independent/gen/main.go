// Command gen draws random but consistent annual reports and renders each
// in one of many forms real portals publish (Word-paste HTML, CMS tables,
// GBK pages, OCR text, pdftotext -layout text, markdown, and through
// LibreOffice or Chromium DOCX, XLSX, PDF and DOC), writing beside each
// document the expected canonical JSON built from the drawn values.
//
//	go run ./scripts/independent/gen -seed N -out DIR [-n 40]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// entry is one line of DIR/manifest.json.
type entry struct {
	File     string `json:"file"`
	Expected string `json:"expected"`
	Form     string `json:"form"`
	Variant  string `json:"variant"`
}

// forms is the mix of renderings, cycled over the documents.
var forms = []string{
	"html:clean", "html:word", "html:portal-word", "html:fragment", "html-gbk:word",
	"text-ocr", "layout-text", "markdown", "docx", "xlsx",
	"pdf:soffice", "html:portal", "html-gbk:portal", "text-ocr", "layout-text",
	"markdown", "docx", "pdf:chromium", "doc", "html-gbk:clean",
}

func main() {
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", "", "output directory")
	n := flag.Int("n", 40, "number of documents")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := run(*seed, *out, *n); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type conversion struct {
	src, dst, kind string
}

func run(seed uint64, out string, n int) error {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "govreport-indep-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var manifest []entry
	var convs []conversion
	for i := 0; i < n; i++ {
		r := rand.New(rand.NewPCG(seed, uint64(i)))
		rep := drawReport(r)
		s := drawStyle(r, rep)
		form, kind, _ := strings.Cut(forms[(i+int(seed))%len(forms)], ":")
		if form == "layout-text" {
			s.Split = 0 // pdftotext keeps one page grid; a split would not re-layout columns
		}
		bl := rep.blocks(r, s)
		base := fmt.Sprintf("s%d-%02d-%s", seed, i, form)
		var name string
		var data []byte
		switch form {
		case "html", "html-gbk":
			k := htmlKind{Word: strings.Contains(kind, "word"), Portal: strings.HasPrefix(kind, "portal"), Fragment: kind == "fragment", Meta: form == "html", Charset: "utf-8"}
			if k.Word && form == "html" && r.IntN(2) == 0 {
				k.Meta = false // UTF-8 with no declaration at all
			}
			k.BreakLabel = s.BreakLabel
			page := renderHTML(r, rep, s, bl, k)
			name = base + ".html"
			if form == "html-gbk" {
				enc, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(page))
				if err != nil {
					return fmt.Errorf("encode %s: %w", name, err)
				}
				data = enc
			} else {
				data = []byte(page)
			}
		case "text-ocr":
			name, data = base+".txt", []byte(renderOCR(r, bl))
		case "layout-text":
			name, data = base+".txt", []byte(renderLayout(r, bl))
		case "markdown":
			name, data = base+".md", []byte(renderMarkdown(bl))
		default:
			k := htmlKind{Word: r.IntN(2) == 0, Meta: true, Charset: "utf-8"}
			if form == "xlsx" || kind == "soffice" {
				// LibreOffice lays a Word-paste table without column widths out
				// wider than the page; a clean table with widths fits.
				k.Word = false
				k.ColWidths = true
			}
			k.BreakLabel = s.BreakLabel
			page := renderHTML(r, rep, s, bl, k)
			src := filepath.Join(tmp, base+".html")
			if err := os.WriteFile(src, []byte(page), 0o644); err != nil {
				return err
			}
			ext := form
			name = base + "." + ext
			ck := form
			if form == "pdf" {
				ck = "pdf-" + kind
			}
			convs = append(convs, conversion{src: src, dst: filepath.Join(out, name), kind: ck})
			kind = variantKind(k)
		}
		if data != nil {
			if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
				return err
			}
		}
		exp := base + ".expected.json"
		if err := os.WriteFile(filepath.Join(out, exp), expectedJSON(rep), 0o644); err != nil {
			return err
		}
		manifest = append(manifest, entry{File: name, Expected: exp, Form: form, Variant: describe(kind, s, rep)})
	}
	if err := convert(tmp, convs); err != nil {
		return err
	}
	// drop documents whose conversion failed, so the manifest lists only files that exist.
	var kept []entry
	for _, e := range manifest {
		if _, err := os.Stat(filepath.Join(out, e.File)); err == nil {
			kept = append(kept, e)
		} else {
			fmt.Fprintf(os.Stderr, "gen: %s missing (conversion failed?), left out\n", e.File)
			os.Remove(filepath.Join(out, e.Expected))
		}
	}
	mj, _ := json.MarshalIndent(kept, "", " ")
	return os.WriteFile(filepath.Join(out, "manifest.json"), append(mj, '\n'), 0o644)
}

func variantKind(k htmlKind) string {
	if k.Word {
		return "from-word-html"
	}
	return "from-clean-html"
}

func describe(kind string, s style, rep *report) string {
	var p []string
	if kind != "" {
		p = append(p, kind)
	}
	p = append(p, fmt.Sprintf("num=%d sub=%d flat=%d money=%d sig=%d title=%d", s.Numbering, s.SubNum, s.FlatLabels, s.Money, s.Sig, s.Title))
	if s.Reword {
		p = append(p, "reword")
	}
	if s.Phantom {
		p = append(p, "phantom")
		if s.PhantomMid {
			p = append(p, "phantom-mid")
		}
	}
	if s.FullWidth {
		p = append(p, "fullwidth")
	}
	if s.FlatReview {
		p = append(p, "flat-review")
	}
	if s.BreakLabel {
		p = append(p, "break-label")
	}
	if s.Split > 0 {
		p = append(p, "split@"+strconv.Itoa(s.Split))
		if s.SplitEmpty {
			p = append(p, "split-empty-cell")
		}
	}
	if s.ProSplit {
		p = append(p, "pro-split")
	}
	if s.ProMerge && rep.Template == "2019" {
		p = append(p, "pro-merge")
	}
	if s.Thousands {
		p = append(p, "thousands")
	}
	if s.ShortTitle {
		p = append(p, "short-title")
	}
	if rep.Single6 {
		p = append(p, "single-six")
	}
	if len(rep.ReqRows) < 25 && rep.Template == "2021" || len(rep.ReqRows) < 23 && rep.Template == "2019" {
		p = append(p, "rows-dropped")
	}
	p = append(p, "level="+rep.Body.Level)
	return strings.Join(p, " ")
}

// convert runs LibreOffice (one process per target kind, all files at
// once, since its start-up dominates) and Chromium for the office forms.
func convert(tmp string, convs []conversion) error {
	byKind := map[string][]conversion{}
	for _, cv := range convs {
		byKind[cv.kind] = append(byKind[cv.kind], cv)
	}
	filters := map[string][]string{
		"docx":        {"--convert-to", "docx:MS Word 2007 XML"},
		"doc":         {"--convert-to", "doc:MS Word 97"},
		"pdf-soffice": {"--convert-to", "pdf:writer_pdf_Export"},
		"xlsx":        {"--infilter=HTML (StarCalc)", "--convert-to", "xlsx:Calc MS Excel 2007 XML"},
	}
	for kind, list := range byKind {
		outDir := filepath.Join(tmp, "out-"+kind)
		os.MkdirAll(outDir, 0o755)
		if kind == "pdf-chromium" {
			bin, err := exec.LookPath("chromium")
			if err != nil {
				fmt.Fprintln(os.Stderr, "gen: chromium not found, pdf:chromium documents left out")
				continue
			}
			for _, cv := range list {
				cmd := exec.Command(bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf="+cv.dst, "file://"+cv.src)
				if o, err := cmd.CombinedOutput(); err != nil {
					fmt.Fprintf(os.Stderr, "gen: chromium %s: %v\n%s", cv.src, err, o)
				}
			}
			continue
		}
		bin, err := exec.LookPath("soffice")
		if err != nil {
			fmt.Fprintf(os.Stderr, "gen: soffice not found, %s documents left out\n", kind)
			continue
		}
		srcs := make([]string, len(list))
		for i, cv := range list {
			srcs[i] = cv.src
		}
		if kind == "pdf-soffice" {
			// A PDF as Word exports it: HTML into a Writer document first
			// (Writer/Web's own PDF export cuts wide tables at the page edge).
			stage := filepath.Join(tmp, "stage-pdf")
			os.MkdirAll(stage, 0o755)
			soffice(bin, tmp, filters["docx"], stage, srcs)
			for i, s := range srcs {
				srcs[i] = filepath.Join(stage, strings.TrimSuffix(filepath.Base(s), ".html")+".docx")
			}
		}
		soffice(bin, tmp, filters[kind], outDir, srcs)
		for _, cv := range list {
			ext := strings.TrimPrefix(filepath.Ext(cv.dst), ".")
			stem := strings.TrimSuffix(filepath.Base(cv.src), ".html")
			got := filepath.Join(outDir, stem+"."+ext)
			if b, err := os.ReadFile(got); err == nil {
				os.WriteFile(cv.dst, b, 0o644)
			}
		}
	}
	return nil
}

// expectedJSON writes the canonical form of SCHEMA.md from the drawn values,
// keys in template order.
func expectedJSON(rep *report) []byte {
	var b bytes.Buffer
	q := func(s string) string { j, _ := json.Marshal(s); return string(j) }
	v := func(x val) string {
		if x.Blank {
			return "null"
		}
		return strconv.FormatFloat(x.N, 'f', -1, 64)
	}
	fmt.Fprintf(&b, "{\n \"template\": %q,\n \"year\": %d,\n \"agency\": %s,\n \"region\": {", rep.Template, rep.Year, q(rep.Body.Agency))
	var reg []string
	if rep.Body.Province != "" {
		reg = append(reg, "\"province\": "+q(rep.Body.Province))
	}
	if rep.Body.City != "" {
		reg = append(reg, "\"city\": "+q(rep.Body.City))
	}
	if rep.Body.County != "" {
		reg = append(reg, "\"county\": "+q(rep.Body.County))
	}
	b.WriteString(strings.Join(reg, ", ") + "},\n")
	if rep.Published == "" {
		b.WriteString(" \"published\": null,\n")
	} else {
		fmt.Fprintf(&b, " \"published\": %q,\n", rep.Published)
	}
	proCols := map[string][]string{}
	if rep.Template == "2019" {
		for _, row := range []string{"regulations", "normative_docs"} {
			proCols[row] = []string{"new_made", "new_published", "total_published"}
		}
		for _, row := range []string{"licensing", "other_mgmt_services", "penalty", "coercion"} {
			proCols[row] = []string{"prev_items", "change", "decisions"}
		}
		proCols["admin_fees"] = []string{"prev_items", "change"}
		proCols["central_procurement"] = []string{"projects", "amount_10k_yuan"}
	} else {
		for _, row := range []string{"regulations", "normative_docs"} {
			proCols[row] = []string{"issued", "repealed", "in_force"}
		}
		for _, row := range []string{"licensing", "penalty", "coercion"} {
			proCols[row] = []string{"decisions"}
		}
		proCols["admin_fees"] = []string{"amount_10k_yuan"}
	}
	b.WriteString(" \"proactive\": {\n")
	for i, row := range rep.ProRows {
		var kv []string
		for _, col := range proCols[row] {
			kv = append(kv, fmt.Sprintf("%q: %s", col, v(rep.Proactive[row][col])))
		}
		sep := ","
		if i == len(rep.ProRows)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "  %q: {%s}%s\n", row, strings.Join(kv, ", "), sep)
	}
	b.WriteString(" },\n \"requests\": {\n")
	for i, row := range rep.ReqRows {
		var kv []string
		for _, col := range reqCols {
			kv = append(kv, fmt.Sprintf("%q: %s", col, v(rep.Requests[row][col])))
		}
		sep := ","
		if i == len(rep.ReqRows)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "  %q: {%s}%s\n", row, strings.Join(kv, ", "), sep)
	}
	b.WriteString(" },\n \"review_litigation\": {")
	var kv []string
	for _, g := range reviewGroups {
		for _, o := range reviewOutcomes {
			kv = append(kv, fmt.Sprintf("%q: %s", g+"_"+o, v(rep.Review[g+"_"+o])))
		}
	}
	b.WriteString(strings.Join(kv, ", ") + "}\n}\n")
	return b.Bytes()
}

// soffice runs one LibreOffice conversion of many files into outDir.
func soffice(bin, tmp string, filter []string, outDir string, srcs []string) {
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(tmp, "lo-profile")}, filter...)
	args = append(args, "--outdir", outDir)
	args = append(args, srcs...)
	cmd := exec.Command(bin, args...)
	var eb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &eb, &eb
	if err := cmd.Run(); err != nil {
		fmt.Fprintf(os.Stderr, "gen: soffice %v: %v\n%s", filter, err, eb.String())
	}
}
