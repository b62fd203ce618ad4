package scans

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
)

// share shares a result with the organisation's coördinators, or stops.
func (s *Server) share(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.title")
	id, on := pathInt(r, "id"), r.PostFormValue("delen") == "ja"
	if err := s.scans.Share(r.Context(), p.Principal, id, on); err != nil {
		s.fail(w, r, err)
		return
	}
	key := "flash.scans.unshared"
	if on {
		key = "flash.scans.shared"
	}
	s.SetFlash(w, r, "ok", key)
	http.Redirect(w, r, resultHref(id), http.StatusSeeOther)
}

// overview is the coördinator's anonymous picture of shared results.
func (s *Server) overview(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "scans.overview.title")
	list, err := s.scans.Overviews(r.Context(), p.Principal)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Data = struct {
		Overviews []scan.Overview
		Min       int
	}{list, scan.MinShared}
	s.Render(w, r, http.StatusOK, "scans_overview", p)
}

// mountShare adds the sharing routes.
func (s *Server) mountShare(mux *http.ServeMux) {
	mux.Handle("POST /scans/resultaten/{id}/delen", s.RequireLogin(http.HandlerFunc(s.share)))
	mux.Handle("GET /scans/overzicht", s.RequireRole(http.HandlerFunc(s.overview), auth.RoleCoordinator))
}
