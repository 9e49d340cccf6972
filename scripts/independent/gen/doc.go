package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// block is a paragraph or a table of the rendered document.
type block struct {
	Para    string
	Table   table
	IsTable bool
	Heading bool
	Title   bool
	Sign    bool // signature block line (right-aligned)
}

func para(s string) block    { return block{Para: s} }
func heading(s string) block { return block{Para: s, Heading: true} }
func tab(t table) block      { return block{Table: t, IsTable: true} }

var cnDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

func cnYear(y int) string {
	var b strings.Builder
	for _, ch := range strconv.Itoa(y) {
		b.WriteString(cnDigits[ch-'0'])
	}
	return b.String()
}

func cnNum(n int) string {
	switch {
	case n < 10:
		return cnDigits[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + cnDigits[n-10]
	case n%10 == 0:
		return cnDigits[n/10] + "十"
	}
	return cnDigits[n/10] + "十" + cnDigits[n%10]
}

func dateText(iso string, sig int) string {
	y, _ := strconv.Atoi(iso[:4])
	m, _ := strconv.Atoi(iso[5:7])
	d, _ := strconv.Atoi(iso[8:10])
	switch sig {
	case 1:
		return cnYear(y) + "年" + cnNum(m) + "月" + cnNum(d) + "日"
	case 2:
		return fmt.Sprintf("%d年%02d月%02d日", y, m, d)
	}
	return fmt.Sprintf("%d年%d月%d日", y, m, d)
}

func (rep *report) title(s style) string {
	a := rep.Body.Agency
	if s.ShortTitle {
		a = rep.Body.Short
	}
	y := strconv.Itoa(rep.Year)
	switch s.Title {
	case 1:
		return a + y + "年度政府信息公开工作年度报告"
	case 2:
		return a + "关于" + y + "年政府信息公开工作年度报告"
	case 3:
		return a + y + "年政府信息公开工作年度报告（政务公开）"
	case 4:
		return a + "关于" + y + "年度政府信息公开工作的报告"
	}
	return a + y + "年政府信息公开工作年度报告"
}

// blocks lays out the whole report: title, the six parts, signature.
func (rep *report) blocks(r *rand.Rand, s style) []block {
	y := rep.Year
	a := rep.Body.Agency
	var out []block
	if s.ShortTitle {
		out = append(out, block{Para: a, Title: true})
	}
	out = append(out, block{Para: rep.title(s), Title: true})
	doc := "国办公开办函〔2021〕30号"
	if rep.Template == "2019" {
		doc = "国办公开办函〔2019〕60号"
	}
	out = append(out, para(fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（%s）要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。本报告电子版可在“%s”下载。如对本报告有疑问，请与%s联系。", doc, y, y, rep.Body.Site, rep.Body.Short)))
	out = append(out, heading("一、总体情况"))
	n := 100 + r.IntN(3000)
	out = append(out, para(fmt.Sprintf("%d年，%s坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》和上级关于政务公开工作的部署要求，围绕中心工作，不断加大政府信息公开力度。全年通过门户网站主动公开政府信息%d条，较%d年增长%d%%。", y, a, n, y-1, r.IntN(30))))
	out = append(out, para(fmt.Sprintf("（一）主动公开。围绕重点领域信息公开，及时发布政策文件、财政预决算、重大建设项目等信息%d条。（二）依申请公开。严格按照法定时限答复，全年未发生超期答复情况。", n/3)))
	out = append(out, heading("二、主动公开政府信息情况"))
	out = append(out, proactiveTables(rep, s)...)
	out = append(out, heading("三、收到和处理政府信息公开申请情况"))
	parts := requestsTables(rep, s)
	for i, t := range parts {
		if i > 0 && r.IntN(2) == 0 {
			out = append(out, para(fmt.Sprintf("- %d -", 3+r.IntN(3))))
		}
		out = append(out, tab(t))
	}
	out = append(out, heading("四、政府信息公开行政复议、行政诉讼情况"))
	out = append(out, tab(reviewTable(rep, s)))
	out = append(out, heading("五、存在的主要问题及改进情况"))
	out = append(out, para(fmt.Sprintf("%d年，我单位政府信息公开工作取得了一定成效，但也存在公开内容不够全面、解读形式较为单一等问题。%d年，我们将进一步加强业务培训，提升信息发布质量。", y, y+1)))
	out = append(out, heading("六、其他需要报告的事项"))
	if rep.Template == "2021" {
		out = append(out, para("依据《政府信息公开信息处理费管理办法》收取信息处理费的情况：本年度未收取信息处理费。"))
	} else {
		out = append(out, para("无。"))
	}
	switch s.SigName {
	case 0:
		out = append(out, block{Para: a, Sign: true})
	case 1:
		out = append(out, block{Para: rep.Body.Short, Sign: true})
	}
	if rep.Published != "" {
		out = append(out, block{Para: dateText(rep.Published, s.Sig), Sign: true})
	}
	return out
}
