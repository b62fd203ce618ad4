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
	Sorts     []coordSortLink
}

// coordSortLink is one order of the list, as a link that keeps the filters.
type coordSortLink struct {
	Key     string
	Href    string
	Current bool
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
	Unsafe    bool // feels unsafe now
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
		Filtered: flt != (incident.Filter{Page: flt.Page, Sort: flt.Sort}), ExportURL: coordExportURL(r),
		Sorts: coordSortLinks(r, flt.Sort)}
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
		InDanger: it.InDanger, Unsafe: it.FeelsUnsafe, Overdue: it.Overdue(now), Deadlines: coordDeadlines(t, it.Deadlines, it.Status, now)}
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

// coordSortLinks are the orders of the list, each keeping the filters and
// starting at the first page.
func coordSortLinks(r *http.Request, current incident.SortOrder) []coordSortLink {
	var out []coordSortLink
	for _, o := range incident.SortOrders {
		q := r.URL.Query()
		q.Del("pagina")
		q.Del("volgorde")
		if o != incident.SortNewest {
			q.Set("volgorde", string(o))
		}
		href := "/organisatie/meldingen"
		if len(q) > 0 {
			href += "?" + q.Encode()
		}
		key := "followup.sort.newest"
		if o != incident.SortNewest {
			key = "followup.sort." + string(o)
		}
		out = append(out, coordSortLink{Key: key, Href: href, Current: o == current})
	}
	return out
}
