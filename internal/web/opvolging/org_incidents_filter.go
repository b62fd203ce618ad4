package opvolging

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
	"weerbaar/internal/web"
)

// The filters of the organisation's list travel in the query string, so
// the form is a plain GET that works without JavaScript, a filtered list
// can be bookmarked, and the CSV export takes the same filters:
//
//	/organisatie/meldingen?van=2026-11-01&tot=2026-11-30&soort=bedreiging
//	  &rol=wethouder&status=nieuw&aangifte=ja&te_laat=ja&volgorde=urgentie&pagina=2
//
// "tot" is the last day included.

// coordFilter reads the filters of r into an incident.Filter. Values that
// are not one of the choices are left out of the filter and reported in
// the returned form, next to their field.
func (s *Server) coordFilter(r *http.Request) (incident.Filter, *web.Form) {
	q := r.URL.Query()
	f := web.FormOf(url.Values{})
	for k, v := range q {
		f.Values[k] = v
	}
	lang := web.Language(r)
	bad := func(field string) { f.AddError(field, s.Catalog().T(lang, "valid.unknown")) }
	var flt incident.Filter
	if v := q.Get("van"); v != "" {
		if d, ok := coordParseDay(v); ok {
			flt.From = d
		} else {
			f.AddError("van", s.Catalog().T(lang, "followup.filter.date_invalid"))
		}
	}
	if v := q.Get("tot"); v != "" {
		if d, ok := coordParseDay(v); ok {
			flt.To = d.AddDate(0, 0, 1)
		} else {
			f.AddError("tot", s.Catalog().T(lang, "followup.filter.date_invalid"))
		}
	}
	if !flt.From.IsZero() && !flt.To.IsZero() && !flt.To.After(flt.From) {
		f.AddError("tot", s.Catalog().T(lang, "followup.filter.date_order"))
		flt.To = time.Time{}
	}
	if v := incident.Kind(q.Get("soort")); v != "" {
		if slices.Contains(incident.Kinds(), v) {
			flt.Kind = v
		} else {
			bad("soort")
		}
	}
	if v := incident.VictimRole(q.Get("rol")); v != "" {
		if slices.Contains(incident.VictimRoles, v) {
			flt.VictimRole = v
		} else {
			bad("rol")
		}
	}
	if v := incident.Status(q.Get("status")); v != "" {
		if v.Valid() && v != incident.StatusDraft {
			flt.Status = v
		} else {
			bad("status")
		}
	}
	switch q.Get("aangifte") {
	case "":
	case "ja":
		flt.Aangifte = incident.Yes
	case "nee":
		flt.Aangifte = incident.No
	default:
		bad("aangifte")
	}
	flt.Overdue = q.Get("te_laat") == "ja"
	if v := incident.SortOrder(q.Get("volgorde")); slices.Contains(incident.SortOrders, v) {
		flt.Sort = v
	}
	if n, err := strconv.Atoi(q.Get("pagina")); err == nil && n > 0 {
		flt.Page = n
	}
	return flt, f
}

// coordParseDay reads a date as a date field sends it (2026-11-23), or as
// people type it (23-11-2026), as the start of that day in Dutch time.
func coordParseDay(s string) (time.Time, bool) {
	for _, layout := range []string{time.DateOnly, "02-01-2006", "2-1-2006"} {
		if d, err := time.ParseInLocation(layout, s, nltime.Location()); err == nil {
			return d, true
		}
	}
	return time.Time{}, false
}

// coordFilterOptions are the choices of the filter form, each with an
// "all" choice first.
type coordFilterOptions struct {
	Kinds, Roles, Statuses, Aangifte []web.Option
}

func (s *Server) coordFilterChoices(lang string) coordFilterOptions {
	all := func() []web.Option {
		return []web.Option{{Value: "", Label: s.Catalog().T(lang, "followup.filter.all")}}
	}
	o := coordFilterOptions{Kinds: all(), Roles: all(), Statuses: all(), Aangifte: all()}
	for _, k := range incident.Kinds() {
		o.Kinds = append(o.Kinds, web.Option{Value: string(k), Label: s.Catalog().T(lang, coordKindKey(k))})
	}
	for _, r := range incident.VictimRoles {
		o.Roles = append(o.Roles, web.Option{Value: string(r), Label: s.Catalog().T(lang, coordRoleKey(r))})
	}
	for _, st := range incident.Statuses {
		if st != incident.StatusDraft {
			o.Statuses = append(o.Statuses, web.Option{Value: string(st), Label: s.Catalog().T(lang, coordStatusKey(st))})
		}
	}
	o.Aangifte = append(o.Aangifte, web.Option{Value: "ja", Label: s.Catalog().T(lang, "followup.filter.aangifte.yes")},
		web.Option{Value: "nee", Label: s.Catalog().T(lang, "followup.filter.aangifte.no")})
	return o
}
