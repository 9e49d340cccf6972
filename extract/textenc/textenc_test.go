package textenc

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestMostlyUTF8(t *testing.T) {
	text := "政府信息公开工作年度报告，本年新收政府信息公开申请数量"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	// A file cut mid-character: two stray bytes among 78 characters, well
	// under the one stray byte per 20 characters allowed.
	cut := []byte(text + text + text)
	cut = cut[:len(cut)-1]
	for _, tt := range []struct {
		name string
		data []byte
		want bool
	}{
		{"ascii", []byte("2021 report"), true},
		{"utf-8", []byte(text), true},
		{"utf-8 cut mid-character", cut, true},
		{"gbk", []byte(gbk), false},
	} {
		if got := MostlyUTF8(tt.data); got != tt.want {
			t.Errorf("%s: MostlyUTF8 = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGB18030(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("洛阳市财政局")
	if err != nil {
		t.Fatal(err)
	}
	got, name := GB18030([]byte(gbk))
	if string(got) != "洛阳市财政局" || name != "gb18030" {
		t.Errorf("GB18030 = %q, %q; want 洛阳市财政局, gb18030", got, name)
	}
}
