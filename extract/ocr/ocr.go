package ocr

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
)

// ErrUnavailable is returned when tesseract or its chi_sim data is missing.
var ErrUnavailable = errors.New("tesseract with chi_sim not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)")

// Word is one recognised word with its box in image pixels.
type Word struct {
	Text       string
	X, Y, W, H int
	// Conf is tesseract's confidence, 0-100.
	Conf float64
	// Block, Par, Line identify the line the word belongs to, as
	// tesseract segmented the page.
	Block, Par, Line int
}

// Lang is the tesseract language used: simplified Chinese plus English for
// digits and Latin text.
const Lang = "chi_sim+eng"

var (
	availOnce sync.Once
	availPath string
)

// Available reports whether tesseract with chi_sim can be run.
func Available() bool {
	availOnce.Do(func() {
		p, err := exec.LookPath("tesseract")
		if err != nil {
			return
		}
		out, err := exec.Command(p, "--list-langs").CombinedOutput()
		if err != nil || !bytes.Contains(out, []byte("chi_sim")) {
			return
		}
		availPath = p
	})
	return availPath != ""
}

// Recognize runs tesseract on img and returns its words. The image is
// written to a temporary file (tesseract reads files); ctx bounds the run.
func Recognize(ctx context.Context, img image.Image) ([]Word, error) {
	if !Available() {
		return nil, ErrUnavailable
	}
	f, err := os.CreateTemp("", "govreport-ocr-*.png")
	if err != nil {
		return nil, fmt.Errorf("ocr temp file: %w", err)
	}
	defer os.Remove(f.Name())
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return nil, fmt.Errorf("ocr encode png: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("ocr temp file: %w", err)
	}
	// psm 6 would force one block; the default (3, automatic) keeps
	// columns apart, which tables need. dpi matches the render.
	cmd := exec.CommandContext(ctx, availPath, f.Name(), "stdout", "-l", Lang, "--dpi", "200", "tsv")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("tesseract: %w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return ParseTSV(out)
}

// ParseTSV parses tesseract's TSV output (level, page_num, block_num,
// par_num, line_num, word_num, left, top, width, height, conf, text) and
// returns the words (level 5) with text.
func ParseTSV(data []byte) ([]Word, error) {
	var words []Word
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			if strings.HasPrefix(line, "level") {
				continue
			}
		}
		f := strings.Split(line, "\t")
		if len(f) < 12 || f[0] != "5" {
			continue
		}
		text := strings.TrimSpace(f[11])
		if text == "" {
			continue
		}
		var n [9]int
		ok := true
		for i := 0; i < 9; i++ {
			v, err := strconv.Atoi(f[i+1])
			if err != nil {
				ok = false
				break
			}
			n[i] = v
		}
		if !ok || n[7] <= 0 || n[8] <= 0 {
			continue
		}
		conf, _ := strconv.ParseFloat(f[10], 64)
		words = append(words, Word{Text: text, Block: n[1], Par: n[2], Line: n[3],
			X: n[5], Y: n[6], W: n[7], H: n[8], Conf: conf})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("parse tesseract tsv: %w", err)
	}
	return words, nil
}
