package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"path"
	"sort"
	"strings"
	"time"
)

// item is one entry of a column listing: a report, a legacy report or a
// decoy.
type item struct {
	Title string
	Path  string // URL path of its page (or an absolute URL off the portal)
	Date  date
	Body  string // page HTML body for decoys; reports render their own
	R     *yearReport
}

const footer = `<div class="footer"><p>主办单位：%s　<a href="http://www.gov.cn/" target="_blank">中国政府网</a>　<a href="/">网站首页</a></p><p>政府网站标识码：3600000000　ICP备案号：赣ICP备05000000号</p></div>`

// --- TRS ---------------------------------------------------------------

const trsListPath = "/trs/xxgk/ndbg/"

func trsReportPath(r *yearReport) string {
	p := r.Published
	return fmt.Sprintf("%s%04d%02d/t%04d%02d%02d_%d.html", trsListPath, p.Y, p.M, p.Y, p.M, p.D, r.ID)
}

func trsPDFPath(r *yearReport) string {
	p := r.Published
	return fmt.Sprintf("%s%04d%02d/P0%04d%02d%02d%d%03d.pdf", trsListPath, p.Y, p.M, p.Y, p.M, p.D, r.ID, 571)
}

func trsPage(title, pubTime, body string) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="SiteName" content="信丰县人民政府">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="%[1]s">
<meta name="PubDate" content="%[2]s">
<title>%[1]s_政府信息公开年报_信丰县人民政府</title>
</head>
<body>
<div class="header"><a href="/">首页</a> <a href="%[4]sindex.html">政府信息公开年报</a></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; <a href="../">政府信息公开年报</a></div>
<div class="article">
<h1 class="title">%[1]s</h1>
<div class="info">发布时间：%[2]s　来源：信丰县人民政府办公室</div>
<div class="article-con"><div class="TRS_Editor">
%[3]s
</div></div>
</div>
`+footer+`
</body>
</html>
`, html.EscapeString(title), pubTime, body, trsListPath, "信丰县人民政府办公室")
}

// trsPager is TRS's pager: a function defined inline and called with the
// page count and the current index; the page holds no plain next link.
const trsPagerFunc = `<script type="text/javascript">
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){
	if(_nPageCount == null || _nPageCount<=1){ return; }
	var nCurrIndex = _nCurrIndex || 0;
	if(nCurrIndex == 0) document.write("<span>首页</span>&nbsp;");
	else document.write("<a href=\""+_sPageName+"."+_sPageExt+"\">首页</a>&nbsp;");
	for(var i=1; i<_nPageCount; i++){
		if(nCurrIndex == i) document.write("<span>"+(i+1)+"</span>&nbsp;");
		else document.write("<a href=\""+_sPageName+"_"+i+"."+_sPageExt+"\">"+(i+1)+"</a>&nbsp;");
	}
}
</script>`

func trsList(items []item, perPage int) map[string]string {
	pages := paginate(items, perPage)
	out := map[string]string{}
	for i, pg := range pages {
		var b strings.Builder
		for _, it := range pg {
			href := it.Path
			if strings.HasPrefix(href, trsListPath) {
				href = "./" + strings.TrimPrefix(href, trsListPath)
			}
			fmt.Fprintf(&b, "<li><a href=\"%s\" title=\"%s\" target=\"_blank\">%s</a><span>%s</span></li>\n",
				href, html.EscapeString(it.Title), html.EscapeString(it.Title), it.Date.ISO())
		}
		name := "index.html"
		if i > 0 {
			name = fmt.Sprintf("index_%d.html", i)
		}
		out[trsListPath+name] = fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="ColumnName" content="政府信息公开年报">
<title>政府信息公开年报_信丰县人民政府</title>
%s
</head>
<body>
<div class="header"><a href="/">首页</a></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="list">
<ul>
%s</ul>
<div class="page"><script type="text/javascript">createPageHTML(%d, %d, "index", "html");</script></div>
</div>
`+footer+`
</body>
</html>
`, trsPagerFunc, b.String(), len(pages), i, "信丰县人民政府办公室")
	}
	return out
}

// --- GBK (an older ASP portal, GB2312/GBK encoded) ---------------------

const gbkListPath = "/gbk/zwgk/ndbg/"

func gbkReportPath(r *yearReport) string {
	p := r.Published
	return fmt.Sprintf("%s%04d/%02d%02d/%d.html", gbkListPath, p.Y, p.M, p.D, r.ID)
}

func gbkHead(title string, meta bool) string {
	m := ""
	if meta {
		m = `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` + "\n"
	}
	return fmt.Sprintf("<html>\n<head>\n%s<title>%s-洛阳市财政局</title>\n</head>\n", m, html.EscapeString(title))
}

func gbkPage(title, pubTime, body string, meta bool) string {
	return gbkHead(title, meta) + fmt.Sprintf(`<body>
<table width="980" align="center"><tr><td><a href="/">首页</a> &gt;&gt; <a href="%[4]slist.asp">政务公开</a> &gt;&gt; 政府信息公开年报</td></tr></table>
<table width="980" align="center" class="content">
<tr><td align="center" class="title"><b>%[1]s</b></td></tr>
<tr><td align="center">发布时间：%[2]s　　来源：洛阳市财政局办公室</td></tr>
<tr><td class="text">
%[3]s
</td></tr>
</table>
<table width="980" align="center"><tr><td align="center">洛阳市财政局 版权所有　<a href="http://www.gov.cn/" target="_blank">中国政府网</a></td></tr></table>
</body>
</html>
`, html.EscapeString(title), pubTime, body, gbkListPath)
}

// gbkList renders list.asp?page=N as the files list_N.htm, with plain
// 首页/上一页/下一页/尾页 anchors. Only the first page declares gb2312.
func gbkList(items []item, perPage int) map[string]string {
	pages := paginate(items, perPage)
	out := map[string]string{}
	n := len(pages)
	for i, pg := range pages {
		cur := i + 1
		var b strings.Builder
		for _, it := range pg {
			href := strings.TrimPrefix(it.Path, gbkListPath)
			fmt.Fprintf(&b, "<tr><td class=\"list_title\">·<a href=\"%s\" target=\"_blank\">%s</a></td><td width=\"90\">%s</td></tr>\n",
				href, html.EscapeString(it.Title), it.Date.ISO())
		}
		nav := fmt.Sprintf("共%d条记录　第%d/%d页　", len(items), cur, n)
		if cur > 1 {
			nav += `<a href="list.asp?page=1">首页</a> ` + fmt.Sprintf(`<a href="list.asp?page=%d">上一页</a> `, cur-1)
		} else {
			nav += "首页 上一页 "
		}
		if cur < n {
			nav += fmt.Sprintf(`<a href="list.asp?page=%d">下一页</a> <a href="list.asp?page=%d">尾页</a>`, cur+1, n)
		} else {
			nav += "下一页 尾页"
		}
		out[fmt.Sprintf("%slist_%d.htm", gbkListPath, cur)] = gbkHead("政府信息公开年报", cur == 1) + fmt.Sprintf(`<body>
<table width="980" align="center"><tr><td><a href="/">首页</a> &gt;&gt; 政务公开 &gt;&gt; 政府信息公开年报</td></tr></table>
<table width="980" align="center" class="list">
%s</table>
<table width="980" align="center"><tr><td align="center" class="pages">%s</td></tr></table>
<table width="980" align="center"><tr><td align="center">洛阳市财政局 版权所有</td></tr></table>
</body>
</html>
`, b.String(), nav)
	}
	return out
}

// --- jpaas (大汉) -------------------------------------------------------

const (
	jpaasColumn = 1234
	jpaasUnit   = 7845
	jpaasWeb    = 21
	jpaasName   = "湖州市吴兴区人民政府"
)

// jpaasDownload is 大汉's attachment URL; the file is served from
// jpaasDownloadDir.
const (
	jpaasDownload    = "/module/download/downfile.jsp?classid=0&filename="
	jpaasDownloadDir = "/module/download/"
)

func jpaasColPath() string { return fmt.Sprintf("/col/col%d/index.html", jpaasColumn) }

func jpaasArtPath(p date, id int) string {
	return fmt.Sprintf("/art/%d/%d/%d/art_%d_%d.html", p.Y, p.M, p.D, jpaasColumn, id)
}

func jpaasRecord(it item) string {
	return fmt.Sprintf(`<li><a href="%s" title="%s" target="_blank">%s</a><span class="bt-data-time">%s</span></li>`,
		it.Path, html.EscapeString(it.Title), html.EscapeString(it.Title), it.Date.ISO())
}

func jpaasPage(title, pubTime, body string) string {
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="SiteName" content="%[4]s">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ArticleTitle" content="%[1]s">
<meta name="PubDate" content="%[2]s">
<title>%[1]s</title>
</head>
<body>
<div class="bt-position"><a href="/">首页</a> &gt; <a href="%[5]s">政府信息公开年报</a></div>
<div class="article">
<h1>%[1]s</h1>
<div class="info">发布日期：%[2]s　信息来源：吴兴区人民政府办公室</div>
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
<div id="zoom">
%[3]s
</div>
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
<div class="footer">主办：%[4]s办公室　<a href="http://www.gov.cn/" target="_blank">中国政府网</a></div>
</body>
</html>
`, html.EscapeString(title), pubTime, body, jpaasName, jpaasColPath())
}

// jpaasColumnPage embeds the first records in a <script type="text/xml">
// datastore, as 大汉 column pages do, and the jpage call whose ajaxParam
// carries columnid, unitid and webid for dataproxy.jsp.
func jpaasColumnPage(items []item, embedded, perPage int) string {
	var rec strings.Builder
	for i, it := range items {
		if i >= embedded {
			break
		}
		fmt.Fprintf(&rec, "<record><![CDATA[\n%s\n]]></record>\n", jpaasRecord(it))
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="SiteName" content="%[1]s">
<meta name="ColumnName" content="政府信息公开年报">
<meta name="ColumnType" content="政府信息公开年报">
<title>政府信息公开年报 %[1]s</title>
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div class="bt-position"><a href="/">首页</a> &gt; 信息公开 &gt; 政府信息公开年报</div>
<div class="bt-list">
<div id="%[2]d">
<script type="text/xml">
<datastore>
<recordset>
%[3]s</recordset>
</datastore>
</script>
</div>
<script type="text/javascript" src="/module/jslib/jquery/jpage/jquery.jpage.js"></script>
<script type="text/javascript">
$(function(){
	$('#%[2]d').jpage({
		dataStore: null,
		perPage: %[4]d,
		totalRecord: %[5]d,
		proxyUrl: '/module/web/jpage/dataproxy.jsp',
		groupSize: 3,
		barPosition: 'bottom',
		ajaxParam: {col: 1, appid: 1, webid: %[6]d, path: '/', columnid: %[7]d, sourceContentType: 1, unitid: '%[2]d', webname: '%[1]s', permissiontype: 0}
	});
});
</script>
</div>
<div class="footer">主办：%[1]s办公室　<a href="http://www.gov.cn/" target="_blank">中国政府网</a></div>
</body>
</html>
`, jpaasName, jpaasUnit, rec.String(), perPage, len(items), jpaasWeb, jpaasColumn)
}

// --- gkmlpt (广东省政府信息公开目录管理平台) -----------------------------

const gkmlptSID = "200062"

func gkmlptContentPath(id int) string {
	return fmt.Sprintf("/gkmlpt/content/%d/%d/post_%d.html", id/1000000, id/1000, id)
}

// gkmlptTree is the category tree of window._CONFIG.TREE.
func gkmlptTree() []map[string]any {
	return []map[string]any{
		{"id": 2800, "name": "政府信息公开", "parent": 0, "post_count": 9, "children": []map[string]any{
			{"id": 2801, "name": "政府信息公开年报", "parent": 2800, "post_count": 8, "children": []any{}},
			{"id": 2802, "name": "财政预决算", "parent": 2800, "post_count": 1, "children": []any{}},
		}},
		{"id": 2810, "name": "政务服务", "parent": 0, "jump_url": "https://www.gdzwfw.gov.cn/", "children": []any{}},
	}
}

func gkmlptIndex() string {
	tree, _ := json.Marshal(gkmlptTree())
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="SiteName" content="%[1]s">
<title>%[1]s政府信息公开目录</title>
</head>
<body>
<div id="app"></div>
<script>
    window._CONFIG = {
        SID: '%[2]s',
        SITE_NAME: '%[1]s',
        TREE: %[3]s,
        SERVICE_AREA_ID: 0,
        ROOT_PATH: '/gkmlpt/',
        THEME: 'default'
    };
</script>
<script src="/gkmlpt/gkml/pc/js/chunk-vendors.js"></script>
<script src="/gkmlpt/gkml/pc/js/app.js"></script>
</body>
</html>
`, shibi.Agency, gkmlptSID, tree)
}

// jsJSON marshals v as a JavaScript literal the way PHP's json_encode
// writes it: <, >, & and / escaped, so "</script>" cannot end the block.
func jsJSON(v any) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	_ = enc.Encode(v)
	return strings.ReplaceAll(strings.TrimSpace(b.String()), "/", `\/`)
}

func gkmlptContent(id int, title string, p date, content string) string {
	ts := time.Date(p.Y, time.Month(p.M), p.D, 10, 30, 0, 0, time.FixedZone("CST", 8*3600)).Unix()
	detail := map[string]any{
		"id": id, "title": title, "publisher": shibi.Agency, "date": ts, "created_at": ts,
		"display_publish_time": ts, "identifier": fmt.Sprintf("11440113MB2C%06d/%d-%05d", id%1000000, p.Y, id%100000),
		"content": content, "attachment": []any{}, "classify_main_name": "政府信息公开年报",
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="ArticleTitle" content="%[1]s">
<meta name="PubDate" content="%[2]s 10:30">
<title>%[1]s - %[3]s</title>
</head>
<body>
<div id="app"></div>
<script>
    window._CONFIG = {
        SID: '%[4]s',
        SITE_NAME: '%[3]s',
        ROOT_PATH: '/gkmlpt/',
        DETAIL: %[5]s,
        SERVICE_AREA_ID: 0
    };
</script>
<script src="/gkmlpt/gkml/pc/js/chunk-vendors.js"></script>
<script src="/gkmlpt/gkml/pc/js/app.js"></script>
</body>
</html>
`, html.EscapeString(title), p.ISO(), shibi.Agency, gkmlptSID, jsJSON(detail))
}

// --- helpers ---------------------------------------------------------------

// sortItems orders a column newest first, as portals list them.
func sortItems(items []item) {
	sort.SliceStable(items, func(i, j int) bool { return items[i].Date.ISO() > items[j].Date.ISO() })
}

func paginate(items []item, per int) [][]item {
	var out [][]item
	for i := 0; i < len(items); i += per {
		out = append(out, items[i:min(i+per, len(items))])
	}
	return out
}

func homePage(columns [][2]string) string {
	var b strings.Builder
	for _, c := range columns {
		fmt.Fprintf(&b, "<li><a href=\"%s\">%s</a></li>\n", c[0], html.EscapeString(c[1]))
	}
	return fmt.Sprintf(`<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>govreport 演示门户</title></head>
<body>
<h1>govreport 演示门户</h1>
<p>本站点模拟四类政府网站栏目（TRS、GBK 编码的旧网站、大汉 jpaas、广东 gkmlpt），供 govreport 演示与测试使用。</p>
<ul>
%s</ul>
<p><a href="http://www.gov.cn/zhengce/xxgk/index.htm">中国政府网 政府信息公开专栏</a></p>
</body>
</html>
`, b.String())
}

func decoyBody(paras ...string) string {
	var b strings.Builder
	for _, p := range paras {
		fmt.Fprintf(&b, "<p style=\"text-indent:2em;\">%s</p>\n", html.EscapeString(p))
	}
	return b.String()
}

func dir(p string) string { return path.Dir(p) + "/" }
