package meldingen

import (
	"net/http"

	"weerbaar/internal/incident"
)

// myIncidentRow is one of the person's own reports or drafts.
type myIncidentRow struct {
	ID       int64
	Href     string
	Occurred string
	Kinds    string
	Status   incident.Status
	Draft    bool
	Unread   int
}

// myIncidents lists the person's own reports, drafts included (a draft
// links back into the form to continue).
func (s *Server) myIncidents(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "mine.title")
	list, err := s.incidents.OwnList(r.Context(), p.Principal)
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	rows := make([]myIncidentRow, 0, len(list.Items))
	for _, it := range list.Items {
		row := myIncidentRow{ID: it.ID, Href: reportHref(it.ID), Occurred: p.FmtDate(it.OccurredAt),
			Kinds: p.Lbls("incident.kind.", it.Kinds), Status: it.Status, Draft: it.Status == incident.StatusDraft}
		if row.Draft {
			row.Href = stepHref(it.ID, 1)
		} else if n, err := s.incidents.UnreadMessages(r.Context(), p.Principal, it.ID); err == nil {
			row.Unread = n
		}
		rows = append(rows, row)
	}
	p.Data = struct {
		Rows      []myIncidentRow
		MayReport bool
	}{rows, mayReport(p.Principal)}
	p.Skipped = list.Skipped
	s.Render(w, r, http.StatusOK, "myincidents", p)
}
