package demoportal

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// jpaasData is dynamic/jpaas.json: the column's records, newest first.
type jpaasData struct {
	ColumnID int      `json:"columnid"`
	UnitID   int      `json:"unitid"`
	WebID    int      `json:"webid"`
	Records  []string `json:"records"`
}

// serveDataproxy answers 大汉's /module/web/jpage/dataproxy.jsp: records
// startrecord..endrecord (1-based, inclusive) of the column named by
// columnid, unitid and webid, taken from the query or a POSTed form as the
// real pages send them. page=N with perpage is accepted too. A request for
// another column gets an empty datastore, as the real server answers.
func (h *handler) serveDataproxy(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return
	}
	num := func(k string, def int) int {
		if v, err := strconv.Atoi(strings.TrimSpace(r.Form.Get(k))); err == nil {
			return v
		}
		return def
	}
	d := h.jpaas
	records := d.Records
	if num("columnid", -1) != d.ColumnID || num("unitid", -1) != d.UnitID || num("webid", -1) != d.WebID {
		records = nil
	}
	per := num("perpage", 15)
	if per < 1 {
		per = 15
	}
	start := num("startrecord", 0)
	end := num("endrecord", 0)
	if start < 1 {
		start = (max(num("page", 1), 1)-1)*per + 1
	}
	if end < start {
		end = start + per - 1
	}
	total := len(records)
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<datastore>\n")
	fmt.Fprintf(&b, "<totalrecord>%d</totalrecord>\n<totalpage>%d</totalpage>\n<recordset>\n", total, (total+per-1)/per)
	for i := start; i <= end && i <= total; i++ {
		fmt.Fprintf(&b, "<record><![CDATA[\n%s\n]]></record>\n", records[i-1])
	}
	b.WriteString("</recordset>\n</datastore>\n")
	serveBytes(w, r, []byte(b.String()), "text/xml;charset=UTF-8")
}
