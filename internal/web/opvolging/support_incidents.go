package opvolging

import (
	"net/http"
	"strconv"
)

// supportIncidentHref is the support team's read-only page of a referred
// incident.
func supportIncidentHref(id int64) string {
	return "/ondersteuningsteam/meldingen/" + strconv.FormatInt(id, 10)
}

// supportReferred lists the incidents coördinatoren referred to the
// support team (the service audits the view). Read-only: the
// organisation follows them up.
func (s *Server) supportReferred(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := s.Page(r, "followup.support.referred.title")
	list, err := s.incidents.ReferredList(r.Context(), p.Principal)
	if err != nil {
		s.coordFail(w, r, err, false)
		return
	}
	now := s.Now()
	var rows []coordRow
	for _, it := range list.Items {
		row := coordRowOf(p.T, it, now)
		row.Href = supportIncidentHref(it.ID)
		rows = append(rows, row)
	}
	p.Data, p.Skipped = rows, list.Skipped
	s.Render(w, r, http.StatusOK, "support_referred", p)
}

// supportIncident shows one referred incident to the support team,
// without the forms (the service refuses any other incident).
func (s *Server) supportIncident(w http.ResponseWriter, r *http.Request) {
	s.coordShowPage(w, r, s.Page(r, "followup.show.title"), http.StatusOK, "")
}
