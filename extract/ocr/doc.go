// Package ocr runs the tesseract command-line OCR engine on page images and
// parses its TSV output into positioned words.
//
// tesseract is optional: Available reports whether the binary and its
// simplified-Chinese data (chi_sim; Debian: tesseract-ocr-chi-sim) are
// installed. Without it, scanned reports cannot be read; callers mark them
// needs_ocr instead of inventing text.
package ocr
