package htmldoc

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/govreport/govreport/extract/document"
)

// gridOf returns a table's texts, copies prefixed with ^ so that tests show
// the Copy flags next to the text.
func gridOf(t *document.Table) [][]string {
	out := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = []string{}
		for _, c := range r {
			s := c.Text
			if c.Copy {
				s = "^" + s
			}
			out[i] = append(out[i], s)
		}
	}
	return out
}

func paragraphs(d *document.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if b.Table == nil {
			out = append(out, b.Text)
		}
	}
	return out
}

func tables(d *document.Document) [][][]string {
	var out [][][]string
	for _, t := range d.Tables() {
		out = append(out, gridOf(t))
	}
	return out
}

func encode(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustRead(t *testing.T, data []byte) *document.Document {
	t.Helper()
	d, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCharset(t *testing.T) {
	const body = "<p>政府信息公开工作年度报告</p><p>朱镕基𠀀</p>"
	tests := []struct {
		name    string
		in      []byte
		charset string
		want    []string
	}{
		{"GBK page without any declaration", encode(t, "<html><body><p>政府信息公开工作年度报告</p></body></html>"), "gb18030", []string{"政府信息公开工作年度报告"}},
		{"gb2312 declared, GBK and four-byte GB18030 characters inside",
			encode(t, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>`+body+`</body></html>`),
			"gb18030", []string{"政府信息公开工作年度报告", "朱镕基𠀀"}},
		{"meta charset=gbk", encode(t, `<meta charset="GBK">`+body), "gb18030", []string{"政府信息公开工作年度报告", "朱镕基𠀀"}},
		{"UTF-8 BOM wins over a wrong meta", append([]byte{0xEF, 0xBB, 0xBF}, []byte(`<meta charset="gbk">`+body)...), "utf-8", []string{"政府信息公开工作年度报告", "朱镕基𠀀"}},
		{"undeclared UTF-8", []byte(body), "utf-8", []string{"政府信息公开工作年度报告", "朱镕基𠀀"}},
		{"Latin-1 declared on a GB page is not believed", append([]byte(`<meta charset="iso-8859-1">`), encode(t, body)...), "gb18030", []string{"政府信息公开工作年度报告", "朱镕基𠀀"}},
		{"UTF-8 declared on a GB page", append([]byte(`<meta charset="utf-8">`), encode(t, body)...), "gb18030", []string{"政府信息公开工作年度报告", "朱镕基𠀀"}},
		{"XML declaration names the encoding", []byte("<?xml version=\"1.0\" encoding=\"Big5\"?>\n<html><body><p>\xa4\xa4\xa4\xe5</p></body></html>"), "big5", []string{"中文"}},
		{"big5 declared is honoured", []byte("<meta charset=big5><p>\xa4\xa4\xa4\xe5</p>"), "big5", []string{"中文"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustRead(t, tc.in)
			if d.Meta["charset"] != tc.charset {
				t.Errorf("charset %q, want %q", d.Meta["charset"], tc.charset)
			}
			if got := paragraphs(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("paragraphs %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTables(t *testing.T) {
	tests := []struct {
		name   string
		html   string
		tables [][][]string
		paras  []string
	}{
		{
			name: "rowspan and colspan expanded, copies marked",
			html: `<table>
<tr><td colspan="2" rowspan="2">信息内容</td><td colspan="2">申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>6</td><td>7</td></tr>
<tr><td>（二）部分公开</td><td>1</td><td>2</td></tr>
</table>`,
			tables: [][][]string{{
				{"信息内容", "^信息内容", "申请人情况", "^申请人情况"},
				{"^信息内容", "^信息内容", "自然人", "总计"},
				{"三、本年度办理结果", "（一）予以公开", "6", "7"},
				{"^三、本年度办理结果", "（二）部分公开", "1", "2"},
			}},
		},
		{
			name: "cell text joined across p, br and spans; nbsp and full-width spaces trimmed",
			html: `<table><tr>
<td><p class="MsoNormal"><span>（二）部分公开</span></p><p><span>（区分处理的，只计这一情形）</span></p></td>
<td><span lang="EN-US">2</span><span lang="EN-US">0</span></td>
<td><p>1</p>
<p>5</p></td>
<td>&nbsp;</td>
<td>　<span>&nbsp;</span>　</td>
<td>Open<br>Data</td>
<td>社会<br/>公益<br>组织</td>
<td><o:p>&nbsp;</o:p></td>
</tr><tr><td>a</td><td>+ 14</td><td>1 ,234. 5</td><td>95 %</td><td>- 2</td><td>1</td><td>1</td><td>1</td></tr></table>`,
			tables: [][][]string{{
				{"（二）部分公开（区分处理的，只计这一情形）", "20", "15", "", "", "Open Data", "社会公益组织", ""},
				{"a", "+14", "1,234.5", "95%", "-2", "1", "1", "1"},
			}},
		},
		{
			name: "column empty in every row dropped, and a blank spacer row",
			html: `<table>
<tr><td>规章</td><td></td><td>0</td></tr>
<tr><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>
<tr><td>规范性文件</td><td> </td><td>2</td></tr>
</table>`,
			tables: [][][]string{{{"规章", "0"}, {"规范性文件", "2"}}},
		},
		{
			// The Word paste of pingtan-2021: a sliver of grid under a
			// border that does not line up. Column 3 (0-based 2) holds
			// only halves of cells spanning into a neighbour.
			name: "phantom column of cells that all span into a neighbour dropped",
			html: `<table>
<tr><td rowspan="2">项目</td><td colspan="2">自然人</td><td colspan="2">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>&nbsp;</td><td colspan="2">商业企业</td><td>其他</td></tr>
<tr><td>一、本年新收</td><td>64</td><td colspan="2">0</td><td>4</td><td>70</td></tr>
</table>`,
			tables: [][][]string{{
				{"项目", "自然人", "法人或其他组织", "^法人或其他组织", "总计"},
				{"^项目", "", "商业企业", "其他", "^总计"},
				{"一、本年新收", "64", "0", "4", "70"},
			}},
		},
		{
			name: "table cut by a page break joined, rowspan label columns refilled as copies",
			html: `<p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="3">项目</td><td>自然人</td><td>总计</td></tr>
<tr><td rowspan="3">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>6</td><td>7</td></tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td></tr>
<tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>1</td></tr>
</table>
<p class="MsoNormal"><span><br clear="all" style="page-break-before:always"></span></p>
<p>&nbsp;</p>
<table>
<tr><td>3.危及“三安全一稳定”</td><td>0</td><td>0</td></tr>
<tr><td>4.保护第三方合法权益</td><td>2</td><td>2</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>`,
			paras: []string{"三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况"},
			tables: [][][]string{{
				{"项目", "^项目", "^项目", "自然人", "总计"},
				{"三、本年度办理结果", "（一）予以公开", "^（一）予以公开", "6", "7"},
				{"^三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0", "0"},
				{"^三、本年度办理结果", "^（三）不予公开", "2.其他法律行政法规禁止公开", "1", "1"},
				{"^三、本年度办理结果", "^（三）不予公开", "3.危及“三安全一稳定”", "0", "0"},
				{"^三、本年度办理结果", "^（三）不予公开", "4.保护第三方合法权益", "2", "2"},
			}},
		},
		{
			name: "page-break part: rows right-aligned by grid width, a value column blank in every row of the part kept",
			html: `<table>
<tr><td colspan="3">项目</td><td>自然人</td><td>法人</td><td>总计</td></tr>
<tr><td colspan="3">一、本年新收</td><td>4</td><td>1</td><td>5</td></tr>
<tr><td rowspan="4">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>2</td><td>1</td><td>3</td></tr>
<tr><td rowspan="2">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>0</td></tr>
</table>
<p><br clear="all" style="page-break-before:always"></p>
<table>
<tr><td>2.其他法律行政法规禁止公开</td><td>1</td><td>&nbsp;</td><td>1</td></tr>
<tr><td colspan="2">（七）总计</td><td>3</td><td>&nbsp;</td><td>4</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td><td>0</td><td>&nbsp;</td><td>&nbsp;</td></tr>
</table>`,
			tables: [][][]string{{
				{"项目", "^项目", "^项目", "自然人", "法人", "总计"},
				{"一、本年新收", "^一、本年新收", "^一、本年新收", "4", "1", "5"},
				{"三、本年度办理结果", "（一）予以公开", "^（一）予以公开", "2", "1", "3"},
				{"^三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0", "0", "0"},
				{"^三、本年度办理结果", "^（三）不予公开", "2.其他法律行政法规禁止公开", "1", "", "1"},
				{"^三、本年度办理结果", "（七）总计", "^（七）总计", "3", "", "4"},
				{"四、结转下年度继续办理", "^四、结转下年度继续办理", "^四、结转下年度继续办理", "0", "", ""},
			}},
		},
		{
			name: "page-break part with the phantom column of the first: joined, then the phantom dropped; a row short of trailing cells placed by its label",
			html: `<table>
<tr><td colspan="3">项目</td><td>自然人</td><td>总计</td><td>&nbsp;</td></tr>
<tr><td rowspan="5">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>6</td><td>7</td><td>&nbsp;</td></tr>
<tr><td rowspan="3">（三）不予公开</td><td>1.属于国家秘密</td><td>0</td><td>0</td><td>&nbsp;</td></tr>
</table>
<p>&nbsp;</p>
<table>
<tr><td>2.其他法律行政法规禁止公开</td><td>&nbsp;</td><td>1</td><td>&nbsp;</td></tr>
<tr><td>3.危及“三安全一稳定”</td><td>2</td><td>2</td></tr>
<tr><td colspan="2">（七）总计</td><td>8</td><td>10</td><td>&nbsp;</td></tr>
<tr><td colspan="3">四、结转下年度继续办理</td><td>&nbsp;</td><td>0</td><td>&nbsp;</td></tr>
</table>`,
			tables: [][][]string{{
				{"项目", "^项目", "^项目", "自然人", "总计"},
				{"三、本年度办理结果", "（一）予以公开", "^（一）予以公开", "6", "7"},
				{"^三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0", "0"},
				{"^三、本年度办理结果", "^（三）不予公开", "2.其他法律行政法规禁止公开", "", "1"},
				{"^三、本年度办理结果", "^（三）不予公开", "3.危及“三安全一稳定”", "2", "2"},
				{"^三、本年度办理结果", "（七）总计", "^（七）总计", "8", "10"},
				{"四、结转下年度继续办理", "^四、结转下年度继续办理", "^四、结转下年度继续办理", "", "0"},
			}},
		},
		{
			name: "a 续表 caption between the parts does not keep them apart",
			html: `<table><tr><td>项目</td><td>自然人</td></tr><tr><td>一、本年新收</td><td>5</td></tr></table>
<p align="center">（续表）</p>
<table><tr><td>二、上年结转</td><td>1</td></tr></table>`,
			tables: [][][]string{{{"项目", "自然人"}, {"一、本年新收", "5"}, {"二、上年结转", "1"}}},
		},
		{
			name: "a heading between two tables keeps them apart",
			html: `<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>2</td></tr></table>
<p>三、收到和处理</p>
<table><tr><td>一、本年新收</td><td>5</td></tr></table>`,
			paras:  []string{"三、收到和处理"},
			tables: [][][]string{{{"规章", "0"}, {"规范性文件", "2"}}, {{"一、本年新收", "5"}}},
		},
		{
			name: "a table opening with a header row is a table of its own",
			html: `<table><tr><td>信息内容</td><td>本年制发件数</td><td>现行有效件数</td></tr><tr><td>规章</td><td>0</td><td>3</td></tr></table>
<p><br style="page-break-before:always"></p>
<table><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>2293</td></tr></table>`,
			tables: [][][]string{
				{{"信息内容", "本年制发件数", "现行有效件数"}, {"规章", "0", "3"}},
				{{"信息内容", "本年处理决定数量"}, {"行政许可", "2293"}},
			},
		},
		{
			name: "a header repeated on the next page is dropped when joining",
			html: `<table><tr><td>项目</td><td>自然人</td></tr><tr><td>一、本年新收</td><td>5</td></tr></table>
<table><tr><td>项目</td><td>自然人</td></tr><tr><td>二、上年结转</td><td>1</td></tr></table>`,
			tables: [][][]string{{{"项目", "自然人"}, {"一、本年新收", "5"}, {"二、上年结转", "1"}}},
		},
		{
			name: "layout table around the article: cells read as blocks",
			html: `<table width="100%"><tr><td><a href="/">首页</a></td></tr><tr><td>
<p>二、主动公开政府信息情况</p>
<table><tr><td>规章</td><td>0</td><td>1</td></tr><tr><td>规范性文件</td><td>2</td><td>3</td></tr></table>
</td></tr></table>`,
			paras:  []string{"二、主动公开政府信息情况"},
			tables: [][][]string{{{"规章", "0", "1"}, {"规范性文件", "2", "3"}}},
		},
		{
			name: "large layout table around a smaller data grid",
			html: `<table>
<tr><td><a href="/">首页</a></td><td><a href="/1">政务公开</a></td><td><a href="/2">办事服务</a></td><td><a href="/3">互动交流</a></td></tr>
<tr><td><a href="/4">a</a></td><td><a href="/5">b</a></td><td><a href="/6">c</a></td><td><a href="/7">d</a></td></tr>
<tr><td colspan="4"><p>二、主动公开政府信息情况</p>
<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>2</td></tr></table></td></tr>
<tr><td colspan="4">版权所有</td></tr>
</table>`,
			paras:  []string{"二、主动公开政府信息情况", "版权所有"},
			tables: [][][]string{{{"规章", "0"}, {"规范性文件", "2"}}},
		},
		{
			name:  "legacy report laid out in a table cell: paragraphs, not a grid",
			html:  `<table width="760"><tr><td width="20"></td><td><p>` + strings.Repeat("本机关依照条例规定公开政府信息。", 30) + `</p><p>二〇一二年三月</p></td></tr></table>`,
			paras: []string{strings.Repeat("本机关依照条例规定公开政府信息。", 30), "二〇一二年三月"},
		},
		{
			name: "small table pasted inside a data cell: its text joins the cell",
			html: `<table>
<tr><td>项目</td><td>数量</td><td>备注</td></tr>
<tr><td><table><tr><td>行政</td><td>许可</td></tr></table></td><td>3</td><td>无</td></tr>
<tr><td>行政处罚</td><td>4</td><td>无</td></tr>
</table>`,
			tables: [][][]string{{{"项目", "数量", "备注"}, {"行政许可", "3", "无"}, {"行政处罚", "4", "无"}}},
		},
		{
			name:   "rowspan=0 runs to the end; rowspan past the end is cut",
			html:   `<table><tr><td rowspan="0">甲</td><td>1</td></tr><tr><td>2</td></tr><tr><td rowspan="9">3</td></tr></table>`,
			tables: [][][]string{{{"甲", "1"}, {"^甲", "2"}, {"^甲", "3"}}},
		},
		{
			name:   "scripts, styles, hidden elements and caption",
			html:   `<style>p{}</style><script>var a="<p>x</p>";</script><div style="display: none">隐藏</div><p>正文<noscript>请启用</noscript></p><table><caption>表一</caption><tr><td>a</td><td>1</td></tr></table>`,
			paras:  []string{"正文", "表一"},
			tables: [][][]string{{{"a", "1"}}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustRead(t, []byte(tc.html))
			if got := tables(d); !reflect.DeepEqual(got, tc.tables) {
				t.Errorf("tables:\n got %q\nwant %q", got, tc.tables)
			}
			if got := paragraphs(d); !reflect.DeepEqual(got, tc.paras) {
				t.Errorf("paragraphs:\n got %q\nwant %q", got, tc.paras)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"fragment without <html>", `<p style='text-align: center'>2019年上海市人民政府办公厅政府信息公开工作年度报告</p>	<p>发布日期：2020-01-31</p>`,
			[]string{"2019年上海市人民政府办公厅政府信息公开工作年度报告", "发布日期：2020-01-31"}},
		{"spans join; a line wrap inside Chinese joins; a space next to a number or a Latin word is kept, collapsed",
			"<p><span>平潭综合</span><span>实验区</span><span>20</span><span>20</span>年度政府信息\n公开</p><p><span>石壁街道办事处</span>\n<span>2020</span>\u3000年</p><p>see   the\nreport</p><p>时间：2021-03-05 08:58</p>",
			[]string{"平潭综合实验区2020年度政府信息公开", "石壁街道办事处 2020 年", "see the report", "时间：2021-03-05 08:58"}},
		{"br splits paragraphs, headings and list items are blocks", "<h1>标题</h1><div>甲<br>乙</div><ul><li>一</li><li>二</li></ul>",
			[]string{"标题", "甲", "乙", "一", "二"}},
		{"link-only paragraphs (navigation) dropped", `<div><a href="/">首页</a> <a href="/a">政务公开</a></div><p>附件：<a href="/x.pdf">年报.pdf</a></p>`,
			[]string{"附件：年报.pdf"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := mustRead(t, []byte(tc.html))
			if got := paragraphs(d); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPortalPage reads a whole portal page written by hand in the shape
// of the TRS-based portals: navigation, breadcrumbs and footer around a
// TRS_Editor body, meta tags in the head.
func TestPortalPage(t *testing.T) {
	d := mustRead(t, readTestdata(t, "portal-2021.html"))
	if d.Title != "某某县2021年政府信息公开工作年度报告_年报专栏_某某县人民政府" {
		t.Errorf("title %q", d.Title)
	}
	for k, v := range map[string]string{"articletitle": "某某县2021年政府信息公开工作年度报告", "pubdate": "2022-01-25 10:30", "columnname": "年报专栏", "sitename": "某某县人民政府", "charset": "utf-8"} {
		if d.Meta[k] != v {
			t.Errorf("meta %s = %q, want %q", k, d.Meta[k], v)
		}
	}
	paras := paragraphs(d)
	if len(paras) == 0 || paras[0] != "某某县2021年政府信息公开工作年度报告" {
		t.Errorf("first paragraph should be the article title, got %q", paras)
	}
	joined := strings.Join(paras, "\n")
	for _, want := range []string{"发布时间：2022-01-25 10:30", "一、总体情况", "六、其他需要报告的事项", "某某县人民政府办公室\n2022年1月20日"} {
		if !strings.Contains(joined, want) {
			t.Errorf("paragraphs lack %q", want)
		}
	}
	for _, junk := range []string{"首页", "网站地图", "版权所有", "var "} {
		if strings.Contains(joined, junk) {
			t.Errorf("paragraphs keep page chrome %q", junk)
		}
	}
	ts := d.Tables()
	if len(ts) != 3 {
		t.Fatalf("got %d tables, want 3", len(ts))
	}
	// The requests table is cut by a page break after 3.危及 in the
	// page; joined it has the template's 10 columns and 28 rows.
	req := gridOf(ts[1])
	if len(req) != 28 || len(req[0]) != 10 {
		t.Fatalf("requests table is %dx%d, want 28x10", len(req), len(req[0]))
	}
	if got := req[3][3:]; !reflect.DeepEqual(got, []string{"12", "3", "", "1", "", "", "16"}) {
		t.Errorf("new_received row values %q", got)
	}
	if got := req[12][:3]; !reflect.DeepEqual(got, []string{"^三、本年度办理结果", "^（三）不予公开", "6.属于四类过程性信息"}) {
		t.Errorf("continuation row labels %q", got)
	}
	if got := req[27][:4]; !reflect.DeepEqual(got, []string{"四、结转下年度继续办理", "^四、结转下年度继续办理", "^四、结转下年度继续办理", "2"}) {
		t.Errorf("a new top-level row after the break keeps its own label: %q", got)
	}
	if got := req[26][:4]; !reflect.DeepEqual(got, []string{"^三、本年度办理结果", "（七）总计", "^（七）总计", "11"}) {
		t.Errorf("（七）总计 row after the break: %q", got)
	}
	if got := ts[1].Rows[3][3].Locator; got != "t2/r4/c4" {
		t.Errorf("locator %q, want t2/r4/c4", got)
	}
}

// TestSidebarLinkTable: a table of links in a sidebar is navigation; it
// does not stop the article body from being found.
func TestSidebarLinkTable(t *testing.T) {
	page := `<html><body>
<div class="side"><table><tr><td><a href="/1">2020年报</a></td><td><a href="/2">2019年报</a></td></tr>
<tr><td><a href="/3">2018年报</a></td><td><a href="/4">2017年报</a></td></tr></table></div>
<div class="main"><div class="TRS_Editor"><p>` + strings.Repeat("本机关认真贯彻落实条例。", 20) + `</p>
<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>2</td></tr></table></div></div>
<div class="footer"><p>版权所有：某某县人民政府 地址：某某路1号 电话：0000-1234567</p><p>网站标识码：0000000000 某ICP备00000000号</p></div>
</body></html>`
	d := mustRead(t, []byte(page))
	if got := tables(d); !reflect.DeepEqual(got, [][][]string{{{"规章", "0"}, {"规范性文件", "2"}}}) {
		t.Errorf("tables %q", got)
	}
	if got := paragraphs(d); len(got) != 1 || strings.Contains(got[0], "版权所有") {
		t.Errorf("paragraphs %q", got)
	}
}

// TestArticleHeader: the article's title and date above the CMS body and
// its signature after it are kept; the navigation and footer around the
// article are not.
func TestArticleHeader(t *testing.T) {
	page := `<html><body><ul class="nav"><li><a href="/">首页</a></li><li><a href="/a">信息公开</a></li></ul>
<div class="article"><h1>某某局2020年政府信息公开工作年度报告</h1><div class="info">发布日期：2021-01-28</div>
<div id="zoom"><p>` + strings.Repeat("本局认真贯彻落实条例。", 30) + `</p>
<table><tr><td>规章</td><td>0</td></tr><tr><td>规范性文件</td><td>2</td></tr></table></div>
<div class="sign">某某局 2021年1月20日</div></div>
<div class="footer"><p>主办单位：某某市某某局 地址：某某路1号 联系电话：0000-1234567 网站标识码：0000000000 某ICP备00000000号</p></div>
</body></html>`
	got := paragraphs(mustRead(t, []byte(page)))
	want := []string{"某某局2020年政府信息公开工作年度报告", "发布日期：2021-01-28", strings.Repeat("本局认真贯彻落实条例。", 30), "某某局 2021年1月20日"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", got, want)
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// corpus reads a real report from ../shared/corpus (relative to the
// repository root), skipping when the corpus is not there.
func corpus(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "corpus", name))
	if err != nil {
		t.Skipf("corpus file %s not available: %v", name, err)
	}
	return data
}

// TestCorpus checks structural facts of the real pages, read by hand from
// the HTML and cross-checked against the corpus' expected JSON.
func TestCorpus(t *testing.T) {
	tests := []struct {
		file        string
		reqRows     int
		newReceived []string // the 一、本年新收 row, seven applicant columns
		totalRow    []string // the （七）总计 row
		proRows     int
		fragment    bool
	}{
		{"pingtan-2019.html", 26, []string{"23", "0", "0", "0", "0", "0", "23"}, []string{"23", "0", "0", "0", "0", "0", "23"}, 18, false},
		// The source's own slip: new 21 + carried 0 but handled 20+1.
		{"pingtan-2020.html", 26, []string{"20", "0", "0", "0", "0", "1", "21"}, []string{"20", "0", "0", "0", "0", "1", "21"}, 18, false},
		// 11 grid columns in the page, one of them phantom: 10 read.
		{"pingtan-2021.html", 28, []string{"64", "0", "0", "2", "0", "4", "70"}, []string{"63", "0", "0", "2", "0", "4", "69"}, 14, false},
		// Blank (&nbsp;) cells stay blank; the 总计 column is blank in
		// the outcome rows.
		{"shanghai-gov-office-2019.html", 26, []string{"821", "35", "", "", "2", "1", "859"}, []string{"767", "35", "", "", "2", "1", "805"}, 18, true},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			d := mustRead(t, corpus(t, tc.file))
			if d.Meta["charset"] != "utf-8" {
				t.Errorf("charset %q", d.Meta["charset"])
			}
			ts := d.Tables()
			if len(ts) != 3 {
				t.Fatalf("got %d tables, want 3", len(ts))
			}
			if len(ts[0].Rows) != tc.proRows || ts[0].Width() != 4 {
				t.Errorf("proactive table %dx%d, want %dx4", len(ts[0].Rows), ts[0].Width(), tc.proRows)
			}
			req := ts[1]
			if len(req.Rows) != tc.reqRows || req.Width() != 10 {
				t.Fatalf("requests table %dx%d, want %dx10", len(req.Rows), req.Width(), tc.reqRows)
			}
			row := func(label string) []string {
				for _, r := range req.Rows {
					if strings.HasPrefix(r[0].Text, label) || strings.HasPrefix(r[1].Text, label) {
						var out []string
						for _, c := range r[3:] {
							out = append(out, c.Text)
						}
						return out
					}
				}
				t.Fatalf("no row %s", label)
				return nil
			}
			if got := row("一、本年新收"); !reflect.DeepEqual(got, tc.newReceived) {
				t.Errorf("新收 row %q, want %q", got, tc.newReceived)
			}
			if got := row("（七）总计"); !reflect.DeepEqual(got, tc.totalRow) {
				t.Errorf("总计 row %q, want %q", got, tc.totalRow)
			}
			header := gridOf(req)[2][3:]
			want := []string{"^自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "^总计"}
			if tc.file == "pingtan-2021.html" {
				want[0] = "" // the page's own blank cell under 自然人
			}
			if !reflect.DeepEqual(header, want) {
				t.Errorf("applicant header %q, want %q", header, want)
			}
			rev := ts[2]
			if len(rev.Rows) != 4 || rev.Width() != 15 {
				t.Errorf("review table %dx%d, want 4x15", len(rev.Rows), rev.Width())
			}
			paras := strings.Join(paragraphs(d), "\n")
			for _, want := range []string{"一、总体情况", "六、其他需要报告的事项"} {
				if !strings.Contains(paras, want) {
					t.Errorf("paragraphs lack %q", want)
				}
			}
			if !tc.fragment {
				if !strings.Contains(d.Meta["articletitle"], "政府信息公开工作年度报告") || d.Meta["pubdate"] == "" {
					t.Errorf("meta %v", d.Meta)
				}
				for _, junk := range []string{"友情链接", "人民网", "闽政通APP"} {
					if strings.Contains(paras, junk) {
						t.Errorf("paragraphs keep portal chrome %q", junk)
					}
				}
			}
		})
	}
}

// TestBounds feeds hostile spans: work and memory stay bounded and the
// grid stays rectangular.
func TestBounds(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("<table>")
	for i := 0; i < 50; i++ {
		sb.WriteString(`<tr><td rowspan="99999999" colspan="99999999">x</td><td colspan="1000">1</td></tr>`)
	}
	sb.WriteString("</table>")
	d := mustRead(t, []byte(sb.String()))
	for _, tb := range d.Tables() {
		if tb.Width() > maxCols {
			t.Errorf("width %d beyond cap %d", tb.Width(), maxCols)
		}
		for _, r := range tb.Rows {
			if len(r) != tb.Width() {
				t.Fatalf("ragged row")
			}
		}
	}
	// Nesting beyond the parser's limit (512 open elements) is an error
	// for the document, not a crash; below it the text is read.
	deep := strings.Repeat("<div><span>", 5000) + "深" + strings.Repeat("</span></div>", 5000)
	if _, err := Read([]byte(deep)); err == nil {
		t.Errorf("5000-deep nesting read without error")
	}
	// A broken page: 600 <span>s never closed, then the report.
	broken := "<p>" + strings.Repeat("<span style='font-size:12pt'>", 600) + "报告</p><table><tr><td>规章</td><td>0</td></tr></table>"
	if d := mustRead(t, []byte(broken)); !reflect.DeepEqual(tables(d), [][][]string{{{"规章", "0"}}}) || !reflect.DeepEqual(paragraphs(d), []string{"报告"}) {
		t.Errorf("unclosed spans: %q %q", paragraphs(d), tables(d))
	}
	deep = strings.Repeat("<div><span>", 200) + "深" + strings.Repeat("</span></div>", 200)
	if got := paragraphs(mustRead(t, []byte(deep))); !reflect.DeepEqual(got, []string{"深"}) {
		t.Errorf("deep nesting: %q", got)
	}
}

// TestPortalPageGBK reads the hand-made portal page re-encoded as GBK
// with its charset declaration removed: the same document must come out.
func TestPortalPageGBK(t *testing.T) {
	page := readTestdata(t, "portal-2021.html")
	utf := mustRead(t, page)
	undeclared := strings.Replace(string(page), `<meta charset="utf-8">`, "", 1)
	if undeclared == string(page) {
		t.Fatal("testdata page lost its charset declaration")
	}
	gb := mustRead(t, encode(t, undeclared))
	if gb.Meta["charset"] != "gb18030" {
		t.Errorf("charset %q, want gb18030", gb.Meta["charset"])
	}
	if !reflect.DeepEqual(paragraphs(gb), paragraphs(utf)) || !reflect.DeepEqual(tables(gb), tables(utf)) {
		t.Errorf("GBK page reads differently from the UTF-8 one")
	}
	if gb.Title != utf.Title {
		t.Errorf("title %q, want %q", gb.Title, utf.Title)
	}
}
