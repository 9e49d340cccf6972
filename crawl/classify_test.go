package crawl

import (
	"net/url"
	"testing"
)

func TestIsReportTitle(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  bool
	}{
		// Reports, in the many ways portals name them.
		{"广州市番禺区人民政府2023年政府信息公开工作年度报告", true},
		{"番禺区2022年度政府信息公开工作年度报告", true},
		{"2021年政府信息公开年度报告", true},
		{"市财政局2020年信息公开年报", true},
		{"洛阳市财政局2019年政务公开年度报告", true},
		{"某某县2018年政府信息公开工作报告", true},
		{"二〇二三年政府信息公开工作年度报告", true},
		{"二零二二年度政府信息公开工作年度报告", true},
		{"２０２３年政府信息公开工作年度报告", true},
		{"2024 年 政府信息公开 工作年度报告", true},
		{"石壁街道2019年政府信息公开工作年度报告（更新版）", true},
		{"江苏省人民政府办公厅2008年政府信息公开年度报告", true},
		{"XX区教育局政府信息公开工作年度报告（2023年）", true},
		{"2030年政务公开工作年度报告", true},
		{"国家税务总局某某市税务局2022年政府信息公开年报", true},
		{"2023年度信息公开工作年度报告.pdf", true},
		// Notices and other documents about the reports.
		{"关于报送2023年政府信息公开工作年度报告的通知", false},
		{"关于做好2023年政府信息公开工作年度报告编制和发布工作的通知", false},
		{"关于公布2022年度政府信息公开工作年度报告的公告", false},
		{"关于征集2023年政府信息公开工作年度报告意见的公告", false},
		{"关于报送政府信息公开工作年度报告的函", false},
		{"图解：2023年政府信息公开工作年度报告", false},
		{"一图读懂2023年政府信息公开工作年度报告", false},
		{"2023年政府信息公开工作年度报告格式模板", false},
		{"2022年度政府信息公开工作年度报告第三方评估情况", false},
		// Other annual reports and lists.
		{"某某区2023年法治政府建设年度报告", false},
		{"某某区2023年度法治政府建设工作报告", false},
		{"2023年部门决算公开", false},
		{"2024年部门预算", false},
		{"政府信息公开工作人员名单", false},
		{"2023年政府信息公开工作机构人员一览表", false},
		// No year, or a year out of range.
		{"政府信息公开工作年度报告", false},
		{"2007年政府信息公开工作年度报告", false},
		{"2031年政府信息公开工作年度报告", false},
		{"政府信息公开指南", false},
		{"2023年政府工作报告", false},
		{"2023年国民经济和社会发展统计公报", false},
		{"20231年政府信息公开工作年度报告", false},
	} {
		if got := IsReportTitle(tc.title); got != tc.want {
			t.Errorf("IsReportTitle(%q) = %v, want %v", tc.title, got, tc.want)
		}
	}
}

func TestTitleYear(t *testing.T) {
	for in, want := range map[string]int{
		"2023年": 2023, "二〇一九年": 2019, "二○二一年度": 2021, "编号202312年": 0, "2008": 2008, "文号2005，2019年": 2019,
	} {
		if got := titleYear(normTitle(in)); got != want {
			t.Errorf("titleYear(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestReportColumnAndTruncated(t *testing.T) {
	if !isReportColumn("政府信息公开年报") || !isReportColumn("政府信息公开工作年度报告") || isReportColumn("2023年政府信息公开工作年度报告") || isReportColumn("政府信息公开年报编制通知") {
		t.Error("isReportColumn wrong")
	}
	if !candidateTitle("番禺区2023年政府信息公开工...") || !candidateTitle("番禺区2023年政府信息公开工…") ||
		candidateTitle("番禺区2023年政府信息公开工") || candidateTitle("关于2023年政府信息公开通知…") {
		t.Error("candidateTitle wrong on truncated titles")
	}
	for title, want := range map[string]bool{
		"2023年": true, "2023年度": true, "二〇二三年": true, "2023年度报告": true, "番禺区2023年年报": true,
		"2023年政府信息公开工作年度报告": false, // a report outright, not a candidate
		"2023年法治政府建设年度报告":   false, "2023年部门决算报告": false, "2023年工作总结": false, "年报": false,
		"2023年第一季度": false,
	} {
		if got := candidateTitle(title); got != want {
			t.Errorf("candidateTitle(%q) = %v, want %v", title, got, want)
		}
	}
}

func TestIsAttachment(t *testing.T) {
	for _, tc := range []struct {
		href, text string
		want       bool
	}{
		{"/a/b/P0201.pdf", "", true},
		{"/a/b/report.DOCX", "", true},
		{"/a/b/t.et", "", true},
		{"/a/b/t.wps", "", true},
		{"/a/b/t.xls", "", true},
		{"/a/b/t.zip", "", true},
		{"/a/b/t.txt", "", true},
		{"/module/download/downfile.jsp?classid=0&filename=1a2b.pdf", "", true},
		{"/download?id=42", "2023年报告全文.docx", true},
		{"/a/b/c.html", "", false},
		{"/a/b/c.jpg", "图片", false},
		{"/download?id=42", "下载", false},
	} {
		u, _ := url.Parse("https://x.gov.cn" + tc.href)
		if got := isAttachment(u, tc.text); got != tc.want {
			t.Errorf("isAttachment(%s, %q) = %v, want %v", tc.href, tc.text, got, tc.want)
		}
	}
}
