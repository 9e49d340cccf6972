package demoportal

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// gkmlptData is dynamic/gkmlpt.json: the directory's categories and their
// articles, newest first.
type gkmlptData struct {
	SID        string `json:"sid"`
	PerPage    int    `json:"per_page"`
	Categories []struct {
		ID       int    `json:"id"`
		Name     string `json:"name"`
		Parent   int    `json:"parent"`
		Articles []struct {
			ID          int    `json:"id"`
			Title       string `json:"title"`
			Path        string `json:"path"`
			PublishTime int64  `json:"publish_time"`
		} `json:"articles"`
	} `json:"categories"`
}

type gkmlptArticle struct {
	ID                 int    `json:"id"`
	Title              string `json:"title"`
	URL                string `json:"url"`
	PostURL            string `json:"post_url"`
	PublishTime        int64  `json:"publish_time"`
	DisplayPublishTime int64  `json:"display_publish_time"`
	CreatedAt          string `json:"created_at"`
	Date               int64  `json:"date"`
}

var cst = time.FixedZone("CST", 8*3600)

// serveGkmlptAPI answers /gkmlpt/api/all/{category}?page=N&sid=SID with
// one page of the category's articles (category 0 is every category), their
// URLs absolute on the request's own host, as the platform writes them.
// A missing or wrong sid is refused.
func (h *handler) serveGkmlptAPI(w http.ResponseWriter, r *http.Request) {
	d := h.gkmlpt
	q := r.URL.Query()
	if q.Get("sid") != d.SID {
		serveJSON(w, r, http.StatusBadRequest, map[string]any{"code": 400, "msg": "sid error"})
		return
	}
	cat, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/gkmlpt/api/all/"))
	if err != nil {
		serveJSON(w, r, http.StatusNotFound, map[string]any{"code": 404, "msg": "classify not found"})
		return
	}
	page, err := strconv.Atoi(q.Get("page"))
	if err != nil || page < 1 {
		page = 1
	}
	classify := map[string]any{"id": cat, "name": "全部", "parent": 0}
	var arts []gkmlptArticle
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	found := cat == 0
	for _, c := range d.Categories {
		if cat != 0 && c.ID != cat {
			continue
		}
		if cat != 0 {
			found = true
			classify = map[string]any{"id": c.ID, "name": c.Name, "parent": c.Parent}
		}
		for _, a := range c.Articles {
			u := scheme + "://" + r.Host + a.Path
			arts = append(arts, gkmlptArticle{ID: a.ID, Title: a.Title, URL: u, PostURL: u, PublishTime: a.PublishTime,
				DisplayPublishTime: a.PublishTime, Date: a.PublishTime,
				CreatedAt: time.Unix(a.PublishTime, 0).In(cst).Format(time.DateTime)})
		}
	}
	if !found {
		serveJSON(w, r, http.StatusNotFound, map[string]any{"code": 404, "msg": "classify not found"})
		return
	}
	classify["post_count"] = len(arts)
	per := d.PerPage
	lo := min((page-1)*per, len(arts))
	hi := min(lo+per, len(arts))
	pageArts := arts[lo:hi]
	if pageArts == nil {
		pageArts = []gkmlptArticle{}
	}
	serveJSON(w, r, http.StatusOK, map[string]any{
		"classify": classify, "articles": pageArts, "total": len(arts), "page": page, "per_page": per,
	})
}
