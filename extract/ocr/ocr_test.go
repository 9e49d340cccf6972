package ocr

import (
	"context"
	"image"
	"image/color"
	"testing"
)

func TestParseTSV(t *testing.T) {
	tsv := "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n" +
		"1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n" +
		"4\t1\t1\t1\t1\t0\t100\t200\t300\t40\t-1\t\n" +
		"5\t1\t1\t1\t1\t1\t100\t200\t120\t40\t91.5\t予以公开\n" +
		"5\t1\t1\t1\t1\t2\t400\t202\t30\t38\t88\t12\n" +
		"5\t1\t1\t1\t1\t3\t500\t202\t0\t38\t88\tbad\n" +
		"5\t1\t1\t1\t1\t4\t600\t202\t30\t38\t88\t \n" +
		"garbage line\n"
	words, err := ParseTSV([]byte(tsv))
	if err != nil {
		t.Fatal(err)
	}
	want := []Word{
		{Text: "予以公开", X: 100, Y: 200, W: 120, H: 40, Conf: 91.5, Block: 1, Par: 1, Line: 1},
		{Text: "12", X: 400, Y: 202, W: 30, H: 38, Conf: 88, Block: 1, Par: 1, Line: 1},
	}
	if len(words) != len(want) {
		t.Fatalf("got %d words %+v, want %d", len(words), words, len(want))
	}
	for i := range want {
		if words[i] != want[i] {
			t.Errorf("word %d = %+v, want %+v", i, words[i], want[i])
		}
	}
}

func FuzzParseTSV(f *testing.F) {
	f.Add([]byte("level\tpage_num\n5\t1\t1\t1\t1\t1\t1\t2\t3\t4\t90\tx\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		words, err := ParseTSV(data)
		if err != nil {
			return
		}
		for _, w := range words {
			if w.W <= 0 || w.H <= 0 || w.Text == "" {
				t.Fatalf("bad word %+v", w)
			}
		}
	})
}

// TestRecognize runs tesseract on a blank image: it must return no words
// and no error. Skipped when tesseract is not installed.
func TestRecognize(t *testing.T) {
	if !Available() {
		t.Skip("tesseract with chi_sim not installed")
	}
	img := image.NewGray(image.Rect(0, 0, 200, 100))
	for i := range img.Pix {
		img.Pix[i] = 255
	}
	img.Set(0, 0, color.Black)
	words, err := Recognize(context.Background(), img)
	if err != nil {
		t.Fatal(err)
	}
	if len(words) > 1 {
		t.Errorf("blank image gave words %+v", words)
	}
}
