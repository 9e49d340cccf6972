// Package htmldoc reads HTML report pages into the Document model: whole
// portal pages (navigation, scripts, footers around a CMS article body) and
// CMS fragments without an <html> wrapper, in UTF-8 or the GB encodings.
//
// What it recovers is structure: paragraphs in reading order and tables as
// rectangular grids, with rowspan and colspan expanded (positions filled
// from a merged cell are marked Copy), text inside a cell joined across the
// spans, <p> and <br> that Word and WPS pastes scatter through it, tables
// that a page break cut in two joined back, and grid columns or rows that
// hold no cell of their own (a Word paste's phantom columns) dropped.
//
// Guangdong's gkmlpt (政府信息公开目录管理平台) content pages carry the
// article only as a JavaScript string, window._CONFIG.DETAIL.content,
// which a script renders into an empty <div id="app">: such a page is
// read from that decoded string, its DETAIL title opening the article and
// its publication time kept as Meta["publishdate"] (gkmlpt.go).
//
// Charset: a BOM, then a <meta> declaration, then the bytes themselves:
// valid UTF-8 is UTF-8, anything else GB18030 (the superset of GBK and
// GB2312). A declared GB2312 or GBK is read as GB18030 too, since pages
// that declare it routinely contain characters only GBK/GB18030 define.
// The generic detector's windows-1252 fallback is never used: a Chinese
// government page is not Latin-1.
package htmldoc
