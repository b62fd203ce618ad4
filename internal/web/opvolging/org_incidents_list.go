package opvolging

import (
	"net/http"
	"time"

	"weerbaar/internal/incident"
)

// coordListView is the coördinator's list of the organisation's meldingen.
type coordListView struct {
	OrgName   string
	Rows      []coordRow
	Total     int
	Page      int
	Pages     int
	Filtered  bool
	Options   coordFilterOptions
	ExportURL string
}

// coordRow is one incident in the list: clear fields only.
type coordRow struct {
	ID        int64
	Href      string
	StatusKey string
	Occurred  string
	Submitted string
	KindKeys  []string
	RoleKey   string
	Aangifte  bool
	InDanger  bool
	Overdue   bool
	Deadlines []coordDeadline
}

// coordIncidents lists the incidents of the coördinator's organisation,
// filtered and paged (the service audits the view).
func (s *Server) coordIncidents(w http.ResponseWriter, r *http.Request) {
	if s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	p := s.Page(r, "followup.list.title")
	flt, form := s.coordFilter(r)
	list, err := s.incidents.ListForOrg(r.Context(), p.Principal, p.Principal.OrgID, flt)
	if err != nil {
		s.coordFail(w, r, err, false)
		return
	}
	now := s.Now()
	v := coordListView{OrgName: s.coordOrgName(r, p.Principal.OrgID), Total: list.Total, Page: list.Page,
		Pages: (list.Total + list.PageSize - 1) / list.PageSize, Options: s.coordFilterChoices(p.Lang),
		Filtered: flt != (incident.Filter{Page: flt.Page}), ExportURL: coordExportURL(r)}
	for _, it := range list.Items {
		v.Rows = append(v.Rows, coordRowOf(p.T, it, now))
	}
	p.Form, p.Data, p.Skipped = form, v, list.Skipped
	s.Render(w, r, http.StatusOK, "org_incidents", p)
}

func coordRowOf(t func(string, ...any) string, it incident.Summary, now time.Time) coordRow {
	return coordRow{ID: it.ID, Href: coordIncidentHref(it.ID), StatusKey: coordStatusKey(it.Status),
		Occurred: coordDate(it.OccurredAt), Submitted: coordDateTime(it.SubmittedAt),
		KindKeys: coordKindKeys(it.Kinds), RoleKey: coordRoleKey(it.VictimRole), Aangifte: it.Aangifte,
		InDanger: it.InDanger, Overdue: it.Overdue(now), Deadlines: coordDeadlines(t, it.Deadlines, it.Status, now)}
}

// coordExportURL is the CSV export with the list's filters, without the page.
func coordExportURL(r *http.Request) string {
	q := r.URL.Query()
	q.Del("pagina")
	if len(q) == 0 {
		return "/organisatie/meldingen/export.csv"
	}
	return "/organisatie/meldingen/export.csv?" + q.Encode()
}
