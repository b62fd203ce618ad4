package api

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"weerbaar/internal/incident"
)

// filterKeys are the query keys of an organisation's list (lowerCamel, NL
// API Design Rules /core/query-keys-camel-case); page only for the list.
var filterKeys = []string{"from", "to", "kind", "victimRole", "status", "aangifte", "overdue"}

// parseFilter reads the list filters from the query string. Unknown keys
// and malformed values are refused with 400, each named, rather than
// ignored: a client with a typo would otherwise get the wrong list.
func (s *Server) parseFilter(r *http.Request, paged bool) (incident.Filter, error) {
	var f incident.Filter
	var params []paramProblem
	bad := func(name, reason string) { params = append(params, paramProblem{name: name, reason: reason}) }
	q := r.URL.Query()
	for key := range q {
		if !slices.Contains(filterKeys, key) && (!paged || key != "page") {
			bad(key, "api.reason.unknown_param")
		}
	}
	date := func(key string) time.Time {
		v := q.Get(key)
		if v == "" {
			return time.Time{}
		}
		t, err := time.ParseInLocation(time.DateOnly, v, s.loc)
		if err != nil {
			bad(key, "api.reason.date")
		}
		return t
	}
	f.From = date("from")
	if to := date("to"); !to.IsZero() {
		f.To = to.AddDate(0, 0, 1) // "to" includes its day; the service's To is exclusive
	}
	unknownValue := func(key string) { bad(key, "valid.unknown") }
	if v := incident.Kind(q.Get("kind")); v != "" {
		if !v.Valid() {
			unknownValue("kind")
		}
		f.Kind = v
	}
	if v := incident.VictimRole(q.Get("victimRole")); v != "" {
		if !slices.Contains(incident.VictimRoles, v) {
			unknownValue("victimRole")
		}
		f.VictimRole = v
	}
	if v := incident.Status(q.Get("status")); v != "" {
		if !v.Valid() {
			unknownValue("status")
		}
		f.Status = v
	}
	if v := q.Get("aangifte"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			bad("aangifte", "api.reason.bool")
		}
		f.Aangifte = map[bool]incident.Answer{true: incident.Yes, false: incident.No}[b]
	}
	if v := q.Get("overdue"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			bad("overdue", "api.reason.bool")
		}
		f.Overdue = b
	}
	if v := q.Get("page"); paged && v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			bad("page", "api.reason.page")
		}
		f.Page = n
	}
	if len(params) > 0 {
		return f, badRequest("api.detail.invalid_query", params...)
	}
	return f, nil
}
