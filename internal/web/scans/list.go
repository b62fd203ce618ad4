package scans

import (
	"net/http"

	"weerbaar/internal/scan"
)

// resultRow is one of the person's results.
type resultRow struct {
	Title, Href, Started, Finished string
	Open                           bool
	Page, Pages                    int
	Organisation                   bool
}

// list shows the scans the person may take and their own results.
func (s *Server) list(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.title")
	results, err := s.scans.List(r.Context(), p.Principal)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rows := make([]resultRow, 0, len(results))
	for _, res := range results {
		row := resultRow{Title: res.Title, Href: resultHref(res.ID), Started: p.FmtDate(res.StartedAt),
			Open: res.Status == scan.StatusOpen, Page: res.Page, Pages: res.Pages,
			Organisation: res.Audience == scan.AudienceOrganisation}
		if row.Open {
			row.Href = stepHref(res.ID, res.Page)
		} else {
			row.Finished = p.FmtDate(res.FinishedAt)
		}
		rows = append(rows, row)
	}
	p.Data = struct {
		Scans   []*scan.Definition
		Results []resultRow
	}{s.scans.Offered(p.Principal), rows}
	s.Render(w, r, http.StatusOK, "scans_list", p)
}

// start begins a new take of the scan and opens its first page.
func (s *Server) start(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.title")
	id, err := s.scans.Start(r.Context(), p.Principal, r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, stepHref(id, 1), http.StatusSeeOther)
}

// remove deletes one of the person's results.
func (s *Server) remove(w http.ResponseWriter, r *http.Request) {
	if err := s.scans.Delete(r.Context(), s.Page(r, "scans.title").Principal, pathInt(r, "id")); err != nil {
		s.fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.scans.deleted")
	http.Redirect(w, r, "/scans", http.StatusSeeOther)
}
