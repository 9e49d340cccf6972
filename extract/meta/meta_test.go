package meta

import (
	"strings"
	"testing"
	"time"

	"github.com/govreport/govreport/extract/document"
	"github.com/govreport/govreport/report"
)

// doc builds a Document of paragraphs, one per line.
func doc(lines ...string) *document.Document {
	d := &document.Document{Format: "text"}
	for _, l := range lines {
		d.Blocks = append(d.Blocks, document.Paragraph(l, ""))
	}
	return d
}

// body is a report's middle: sections and a table, nothing metadata-like.
var body = []string{
	"一、总体情况",
	"本年度，我单位认真贯彻落实《中华人民共和国政府信息公开条例》，依法做好政府信息公开工作。",
	"二、主动公开政府信息情况",
	"五、存在的主要问题及改进情况",
	"一是公开内容还不够全面。",
	"六、其他需要报告的事项",
	"无。",
}

func lines(head []string, tail ...string) []string {
	out := append(append([]string(nil), head...), body...)
	return append(out, tail...)
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		doc  *document.Document
		h    Hints
		want Meta
	}{
		{"seed layout: name line, short-name title with spaces, signature",
			doc(lines([]string{"广州市番禺区人民政府石壁街道办事处", "石壁街道办事处关于 2020 年政府信息公开 工作年度报告"},
				"石壁街道办事处 2020年1月20日", "(联系人: 某某; 联系电话: 39906616)", "公开方式: 主动公开")...),
			Hints{},
			Meta{Year: 2020, Agency: "广州市番禺区人民政府石壁街道办事处",
				Region:    report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"},
				Published: "2020-01-20", Title: "石壁街道办事处关于2020年政府信息公开工作年度报告", IsReport: true}},
		{"portal page: full name on its own line above the article's repeat of a short-name title",
			doc(lines([]string{"首页", "政务公开", "政府信息公开年报", "当前位置：首页 > 政务公开 > 年报",
				"雁塔区人民政府2022年度政府信息公开工作年度报告", "发布时间：2023-01-14 来源：雁塔区人民政府",
				"西安市雁塔区人民政府", "雁塔区人民政府2022年度政府信息公开工作年度报告"})...),
			Hints{},
			Meta{Year: 2022, Agency: "西安市雁塔区人民政府",
				Region:    report.Region{Province: "陕西省", City: "西安市", County: "雁塔区", Code: "610113"},
				Published: "2023-01-14", Title: "雁塔区人民政府2022年度政府信息公开工作年度报告", IsReport: true}},
		{"portal page: full name with its city opening the first paragraph",
			doc(append([]string{"首页", "政务公开", "政府信息公开年报", "长安区人民政府", "当前位置：首页 > 年报",
				"雁塔区人民政府2022年度政府信息公开工作年度报告",
				"如对本报告有疑问，请与雁塔区人民政府办公室联系。",
				"2022年，西安市雁塔区人民政府坚持以人民为中心，做好政府信息公开工作。"}, body...)...),
			Hints{},
			Meta{Year: 2022, Agency: "西安市雁塔区人民政府",
				Region: report.Region{Province: "陕西省", City: "西安市", County: "雁塔区", Code: "610113"},
				Title:  "雁塔区人民政府2022年度政府信息公开工作年度报告", IsReport: true}},
		{"portal page: no place before the short name in the text, a sidebar body, a 转发 of another's document: short name kept",
			doc(append([]string{"首页", "政务公开", "西安市碑林区人民政府", "当前位置：首页 > 年报",
				"雁塔区人民政府2022年度政府信息公开工作年度报告",
				"如对本报告有疑问，请与雁塔区人民政府联系。",
				"本年度转发陕西省人民政府办公厅文件12件。"}, body...)...),
			Hints{},
			Meta{Year: 2022, Agency: "雁塔区人民政府",
				Region: report.Region{Province: "陕西省", City: "西安市", County: "雁塔区", Code: "610113"},
				Title:  "雁塔区人民政府2022年度政府信息公开工作年度报告", IsReport: true}},
		{"a title naming its city is complete: a province before it in the text is not added",
			doc(append([]string{"首页", "政务公开", "政府信息公开年报", "当前位置：首页 > 年报",
				"西安市雁塔区人民政府2022年度政府信息公开工作年度报告",
				"2022年，陕西省西安市雁塔区人民政府坚持以人民为中心。"}, body...)...),
			Hints{},
			Meta{Year: 2022, Agency: "西安市雁塔区人民政府",
				Region: report.Region{Province: "陕西省", City: "西安市", County: "雁塔区", Code: "610113"},
				Title:  "西安市雁塔区人民政府2022年度政府信息公开工作年度报告", IsReport: true}},
		{"title with 工作的报告 instead of 工作年度报告",
			doc(lines([]string{"厦门市自然资源和规划局关于2021年度政府信息公开工作的报告"}, "2022年3月25日")...),
			Hints{},
			Meta{Year: 2021, Agency: "厦门市自然资源和规划局",
				Region:    report.Region{Province: "福建省", City: "厦门市", Code: "350200"},
				Published: "2022-03-25", Title: "厦门市自然资源和规划局关于2021年度政府信息公开工作的报告", IsReport: true}},
		{"year before the agency, page date header",
			doc(lines([]string{"2019年上海市人民政府办公厅政府信息公开工作年度报告", "发布日期：2020-01-31"})...),
			Hints{},
			Meta{Year: 2019, Agency: "上海市人民政府办公厅",
				Region:    report.Region{Province: "上海市", City: "上海市", Code: "310100"},
				Published: "2020-01-31", Title: "2019年上海市人民政府办公厅政府信息公开工作年度报告", IsReport: true}},
		{"agency on the line above a title without one, no date",
			doc(lines([]string{"洪泽区人民政府", "2023年政府信息公开工作年度报告"})...),
			Hints{},
			Meta{Year: 2023, Agency: "洪泽区人民政府",
				Region: report.Region{Province: "江苏省", City: "淮安市", County: "洪泽区", Code: "320813"},
				Title:  "2023年政府信息公开工作年度报告", IsReport: true}},
		{"Chinese-numeral year and signature date",
			doc(lines([]string{"淮安市人民政府二〇二〇年政府信息公开工作年度报告"}, "淮安市人民政府", "二〇二一年一月二十日")...),
			Hints{},
			Meta{Year: 2020, Agency: "淮安市人民政府",
				Region:    report.Region{Province: "江苏省", City: "淮安市", Code: "320800"},
				Published: "2021-01-20", Title: "淮安市人民政府二〇二〇年政府信息公开工作年度报告", IsReport: true}},
		{"full name on the signature line above the date",
			doc(lines([]string{"石壁街道办事处2021年政府信息公开工作年度报告"}, "广州市番禺区人民政府石壁街道办事处", "2022年1月25日")...),
			Hints{},
			Meta{Year: 2021, Agency: "广州市番禺区人民政府石壁街道办事处",
				Region:    report.Region{Province: "广东省", City: "广州市", County: "番禺区", Code: "440113"},
				Published: "2022-01-25", Title: "石壁街道办事处2021年政府信息公开工作年度报告", IsReport: true}},
		{"二O二O with letter O, date alone on the last line",
			doc(lines([]string{"昆山市人民政府二O二O年度政府信息公开工作年度报告"}, "2021年1月28日")...),
			Hints{},
			Meta{Year: 2020, Agency: "昆山市人民政府",
				Region:    report.Region{Province: "江苏省", City: "苏州市", County: "昆山市", Code: "320583"},
				Published: "2021-01-28", Title: "昆山市人民政府二O二O年度政府信息公开工作年度报告", IsReport: true}},
		{"title without a year: statistics period sentence",
			doc(append([]string{"广东省教育厅政府信息公开工作年度报告",
				"本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。本报告于2021年1月发布。"}, body...)...),
			Hints{},
			Meta{Year: 2020, Agency: "广东省教育厅", Region: report.Region{Province: "广东省", Code: "440000"},
				Title: "广东省教育厅政府信息公开工作年度报告", IsReport: true}},
		{"title without a year: first 年度 of the opening",
			doc(append([]string{"福州市鼓楼区人民政府政府信息公开工作年度报告", "2021年1月，根据要求，现将2020年度工作报告如下。"}, body...)...),
			Hints{},
			Meta{Year: 2020, Agency: "福州市鼓楼区人民政府",
				Region: report.Region{Province: "福建省", City: "福州市", County: "鼓楼区", Code: "350102"},
				Title:  "福州市鼓楼区人民政府政府信息公开工作年度报告", IsReport: true}},
		{"portal page: navigation first, meta date, page title",
			&document.Document{Format: "html",
				Title: "平潭综合实验区2019年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会",
				Meta:  map[string]string{"pubdate": "2020-01-20 15:22"},
				Blocks: []document.Block{
					document.Paragraph("首页", ""), document.Paragraph("市政府办公室", ""),
					document.Paragraph("政府信息公开年报", ""),
					document.Paragraph("平潭综合实验区2019年度政府信息公开工作年度报告", ""),
					document.Paragraph("来源：平潭县人民政府", ""),
					document.Paragraph("一、总体情况", ""),
					document.Paragraph("转发《江苏省政府信息公开申请办理答复规范》。", ""),
				}},
			Hints{},
			Meta{Year: 2019, Agency: "平潭综合实验区",
				Region:    report.Region{Province: "福建省", City: "福州市", County: "平潭县", Code: "350128"},
				Published: "2020-01-20", Title: "平潭综合实验区2019年度政府信息公开工作年度报告", IsReport: true}},
		{"sidebar lists another year's report before the heading",
			&document.Document{Format: "html",
				Title: "洪泽区人民政府2021年政府信息公开工作年度报告 - 淮安市洪泽区人民政府",
				Blocks: []document.Block{
					document.Paragraph("相关文章", ""),
					document.Paragraph("洪泽区人民政府2020年政府信息公开工作年度报告", ""),
					document.Paragraph("洪泽区人民政府2021年政府信息公开工作年度报告", ""),
					document.Paragraph("发布时间：2022-01-25", ""),
					document.Paragraph("一、总体情况", ""),
				}},
			Hints{},
			Meta{Year: 2021, Agency: "洪泽区人民政府",
				Region:    report.Region{Province: "江苏省", City: "淮安市", County: "洪泽区", Code: "320813"},
				Published: "2022-01-25", Title: "洪泽区人民政府2021年政府信息公开工作年度报告", IsReport: true}},
		{"page 时间 label when no meta tag",
			doc("区政府门户网站", "平潭综合实验区2020年度政府信息公开工作年度报告", "来源：平潭县人民政府", "时间：2021-03-05 08:58", "一、总体情况"),
			Hints{},
			Meta{Year: 2020, Agency: "平潭综合实验区",
				Region:    report.Region{Province: "福建省", City: "福州市", County: "平潭县", Code: "350128"},
				Published: "2021-03-05", Title: "平潭综合实验区2020年度政府信息公开工作年度报告", IsReport: true}},
		{"the title's 关于 and 《》 are stripped",
			doc(lines([]string{"《南京市鼓楼区人民政府关于2021年度政府信息公开工作年度报告》"})...),
			Hints{},
			Meta{Year: 2021, Agency: "南京市鼓楼区人民政府",
				Region: report.Region{Province: "江苏省", City: "南京市", County: "鼓楼区", Code: "320106"},
				Title:  "《南京市鼓楼区人民政府关于2021年度政府信息公开工作年度报告》", IsReport: true}},
		{"heading broken over two lines",
			doc(lines([]string{"北京市朝阳区人民政府2021年政府信息公开", "工作年度报告"})...),
			Hints{},
			Meta{Year: 2021, Agency: "北京市朝阳区人民政府",
				Region: report.Region{Province: "北京市", City: "北京市", County: "朝阳区", Code: "110105"},
				Title:  "北京市朝阳区人民政府2021年政府信息公开工作年度报告", IsReport: true}},
		{"document silent: hints fill agency and region",
			doc(lines([]string{"2022年政府信息公开工作年度报告"})...),
			Hints{Agency: "某某镇人民政府", Region: report.Region{Province: "江苏省", City: "苏州市", County: "昆山市"}},
			Meta{Year: 2022, Agency: "某某镇人民政府",
				Region: report.Region{Province: "江苏省", City: "苏州市", County: "昆山市", Code: "320583"},
				Title:  "2022年政府信息公开工作年度报告", IsReport: true}},
		{"hint title when the document has no heading",
			doc("一、总体情况", "2021年，我局依法做好政府信息公开工作。"),
			Hints{Title: "淮安市教育局2021年政府信息公开工作年度报告"},
			Meta{Year: 2021, Agency: "淮安市教育局", Region: report.Region{Province: "江苏省", City: "淮安市", Code: "320800"},
				Title: "淮安市教育局2021年政府信息公开工作年度报告", IsReport: true}},
		{"legacy title 工作报告 and 信息公开年报",
			doc(lines([]string{"2009年昆山市人民政府信息公开年报"})...),
			Hints{},
			Meta{Year: 2009, Agency: "昆山市人民政府",
				Region: report.Region{Province: "江苏省", City: "苏州市", County: "昆山市", Code: "320583"},
				Title:  "2009年昆山市人民政府信息公开年报", IsReport: true}},
		{"a notice about reports is not a report",
			doc("关于报送2020年政府信息公开工作年度报告的通知", "各区政府："),
			Hints{},
			Meta{Year: 2020, Title: "关于报送2020年政府信息公开工作年度报告的通知",
				Reason: "title names a document about or beside the annual report (通知): 关于报送2020年政府信息公开工作年度报告的通知"}},
		{"the rule-of-law annual report is not a disclosure report",
			doc("上海市人民政府2020年法治政府建设年度报告", "一、总体情况"),
			Hints{},
			// The region still comes from the body: harmless, and logged.
			Meta{Year: 0, Title: "", Region: report.Region{Province: "上海市", City: "上海市", Code: "310100"},
				Reason: "no title naming a 政府信息公开工作年度报告"}},
		{"a final accounts page is not a report",
			doc("某某局2020年度部门决算"),
			Hints{Title: "某某局2020年度部门决算"},
			Meta{Year: 2020, Title: "某某局2020年度部门决算",
				Reason: "title does not name a 政府信息公开工作年度报告: 某某局2020年度部门决算"}},
		{"publication date's year is never the report year",
			doc("某某街道政府信息公开工作年度报告", "发布时间：2021-01-15"),
			Hints{},
			Meta{Year: 0, Agency: "某某街道", Published: "2021-01-15",
				Title: "某某街道政府信息公开工作年度报告", IsReport: true}},
		{"invalid signature date is dropped",
			doc(lines([]string{"淮安市人民政府2020年政府信息公开工作年度报告"}, "2021年2月30日")...),
			Hints{},
			Meta{Year: 2020, Agency: "淮安市人民政府",
				Region: report.Region{Province: "江苏省", City: "淮安市", Code: "320800"},
				Title:  "淮安市人民政府2020年政府信息公开工作年度报告", IsReport: true}},
		// Legacy reports (2008-2018): free format, no 其他需要报告的事项
		// section, the date printed at the end.
		{"legacy: name and date, then a contact line and an attachment list",
			doc(legacy("洛阳市财政局", "2016年3月25日", "联系电话：0379-63222222", "附件：1.主动公开信息目录")...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: date before a long attachment",
			doc(legacy(append([]string{"洛阳市财政局", "二〇一六年三月二十五日", "附件", "洛阳市财政局2015年主动公开信息目录"},
				strings.Split(strings.Repeat("2015年3月财政收支情况;", 20), ";")...)...)...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: 廿 in the day",
			doc(legacy("洛阳市财政局", "二〇一六年三月廿五日")...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: labelled and bracketed dates",
			doc(legacy("洛阳市财政局", "日期：2016年3月25日")...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: date in brackets",
			doc(legacy("洛阳市财政局", "（二〇一六年三月二十五日）")...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: date written with separators",
			doc(legacy("洛阳市财政局", "2016-3-25")...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: name and date run on after the last sentence",
			doc(legacy("我们将不断提高政府信息公开工作水平。洛阳市财政局 2016年3月25日")...),
			Hints{}, luoyang("2016-03-25")},
		{"legacy: a date inside the last sentence is not a signature",
			doc(legacy("以上情况统计至2016年3月25日")...),
			Hints{}, luoyang("")},
		{"empty document", &document.Document{}, Hints{},
			Meta{Reason: "no title naming a 政府信息公开工作年度报告"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Find(tt.doc, tt.h); got != tt.want {
				t.Errorf("Find =\n %+v\nwant\n %+v", got, tt.want)
			}
		})
	}
}

// legacy builds a free-format report of 2015 (洛阳市财政局) ending with tail.
func legacy(tail ...string) []string {
	out := []string{"洛阳市财政局2015年政府信息公开工作年度报告",
		"根据《中华人民共和国政府信息公开条例》规定，现公布洛阳市财政局2015年政府信息公开工作年度报告。",
		"一、概述", "2015年，我局认真贯彻落实《条例》，政府信息公开工作取得了较好成效。",
		"六、存在的主要问题和改进措施", "下一步，我们将进一步完善工作机制。"}
	return append(out, tail...)
}

// luoyang is the Meta of legacy's report published on date.
func luoyang(date string) Meta {
	return Meta{Year: 2015, Agency: "洛阳市财政局", Region: report.Region{Province: "河南省", City: "洛阳市", Code: "410300"},
		Published: date, Title: "洛阳市财政局2015年政府信息公开工作年度报告", IsReport: true}
}

func TestFindNil(t *testing.T) {
	if got := Find(nil, Hints{}); got.IsReport || got.Year != 0 {
		t.Errorf("Find(nil) = %+v", got)
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"2020年1月20日", "2020-01-20"},
		{"2021年12月31日", "2021-12-31"},
		{"二〇二一年一月二十日", "2021-01-20"},
		{"二〇二一年十二月三十一日", "2021-12-31"},
		{"二O二一年十月十日", "2021-10-10"},
		{"二零二二年二月八日", "2022-02-08"},
		{"２０２２年２月８日", "2022-02-08"},
		{"2021年2月29日", ""},
		{"2021年13月1日", ""},
		{"二〇二一年一月三十二日", ""},
		{"二〇二一年一月十十日", ""},
		{"1899年1月1日", ""},
	}
	for _, tt := range tests {
		got, _, _, _ := chineseDate(tt.in)
		if got != tt.want {
			t.Errorf("chineseDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	for _, tt := range []struct{ in, want string }{
		{"2022-02-08 16:34", "2022-02-08"},
		{"2022/2/8", "2022-02-08"},
		{"2020.01.31", "2020-01-31"},
		{"2020年01月31日 10:00", "2020-01-31"},
		{"2022-02-30", ""},
		{"昨天", ""},
	} {
		if got, _ := anyDate(tt.in); got != tt.want {
			t.Errorf("anyDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAgencyFromTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"石壁街道办事处关于 2020 年政府信息公开 工作年度报告", "石壁街道办事处"},
		{"2019年上海市人民政府办公厅政府信息公开工作年度报告", "上海市人民政府办公厅"},
		{"平潭综合实验区2019年度政府信息公开工作年度报告", "平潭综合实验区"},
		{"淮安市人民政府（2024年度）政府信息公开工作年度报告", "淮安市人民政府"},
		{"本机关2020年政府信息公开工作年度报告", "机关"},
		{"2023年政府信息公开工作年度报告", ""},
		{"关于2020年政府信息公开工作年度报告", ""},
		{"政府信息公开工作年度报告", ""},
	}
	for _, tt := range tests {
		if got := agencyFromTitle(tt.in); got != tt.want {
			t.Errorf("agencyFromTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("广州市番禺区人民政府石壁街道办事处\n石壁街道办事处关于 2020 年政府信息公开 工作年度报告\n六、其他需要报告的事项\n石壁街道办事处 2020年1月20日", "2020-01-20 15:22")
	f.Add("二〇二〇年政府信息公开工作年度报告\n统计期限自二O二O年1月1日起\n二〇二一年一月二十日", "")
	f.Add("发布时间：2022-02-08\n2019年年报信息公开年度报告", "2022/2/8")
	f.Add("年年年年月日\n二二二二年十十月三十一日\n9999年99月99日", "0000-00-00")
	f.Fuzz(func(t *testing.T, text, pub string) {
		d := doc(strings.Split(text, "\n")...)
		d.Meta = map[string]string{"pubdate": pub}
		d.Title = text
		m := Find(d, Hints{Title: text, Agency: text})
		if m.Year != 0 && (m.Year < 1990 || m.Year > 2100) {
			t.Errorf("Year %d out of range", m.Year)
		}
		if m.Published != "" {
			if _, err := time.Parse("2006-01-02", m.Published); err != nil {
				t.Errorf("Published %q is not ISO: %v", m.Published, err)
			}
		}
		if !m.IsReport && m.Reason == "" {
			t.Error("not a report without a reason")
		}
	})
}

func BenchmarkFind(b *testing.B) {
	d := doc(lines([]string{"广州市番禺区人民政府石壁街道办事处", "石壁街道办事处关于 2020 年政府信息公开 工作年度报告"},
		"石壁街道办事处 2020年1月20日")...)
	b.ReportAllocs()
	for b.Loop() {
		Find(d, Hints{})
	}
}
