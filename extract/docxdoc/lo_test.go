package docxdoc

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestLibreOfficeDOCX reads ../pdfdoc/testdata/report.docx, written by
// LibreOffice Writer from the hand-written report.html there: its tables
// use w:gridSpan and w:vMerge as Word does.
func TestLibreOfficeDOCX(t *testing.T) {
	data, err := os.ReadFile("../pdfdoc/testdata/report.docx")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables()) != 3 {
		t.Fatalf("%d tables, want 3", len(doc.Tables()))
	}
	req := doc.Tables()[1]
	if os.Getenv("DOCXDUMP") != "" {
		for _, r := range rowsText(req) {
			fmt.Println(strings.Join(r, " | "))
		}
	}
	got := rowsText(req)
	// rows as report.html draws them: the 3x3 header corner, the vertical
	// 三、本年度办理结果 label (rowspan 23) and （三）不予公开 (rowspan 8)
	want := map[int]string{
		0:  "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|申请人情况|^申请人情况|^申请人情况|^申请人情况|^申请人情况|^申请人情况|^申请人情况",
		2:  "^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|^（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）|^自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|^总计",
		3:  "一、本年新收政府信息公开申请数量|^一、本年新收政府信息公开申请数量|^一、本年新收政府信息公开申请数量|21|0|0|0|0|0|21",
		6:  "^三、本年度办理结果|（二）部分公开（区分处理的，只计这一情形，不计其他情形）|^（二）部分公开（区分处理的，只计这一情形，不计其他情形）|4|0|0|0|0|0|4",
		7:  "^三、本年度办理结果|（三）不予公开|1.属于国家秘密|1|0|0|0|0|0|1",
		14: "^三、本年度办理结果|^（三）不予公开|8.属于行政查询事项|0|0|0|0|0|0|0",
		27: "四、结转下年度继续办理|^四、结转下年度继续办理|^四、结转下年度继续办理|3|0|0|0|0|0|3",
	}
	if len(got) != 28 {
		t.Fatalf("%d rows, want 28 (3 header, 2, 22 outcome rows, 1)", len(got))
	}
	for i, w := range want {
		if g := strings.Join(got[i], "|"); g != w {
			t.Errorf("row %d:\n got %s\nwant %s", i, g, w)
		}
	}
}
