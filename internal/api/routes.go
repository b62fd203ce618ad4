package api

import (
	"net/http"
)

// handler is one endpoint: it writes a success response itself and returns
// any error for respond.go to turn into a problem.
type handler func(w http.ResponseWriter, r *http.Request) error

// route is one endpoint of the API. The OpenAPI document describes exactly
// these (TestEveryRouteIsDocumented).
type route struct {
	method string
	path   string // below Prefix, in net/http pattern syntax: "/meldingen/{id}"
	public bool   // served without a token
	handle handler
}

func (rt route) pattern() string { return rt.method + " " + Prefix + rt.path }

// routes lists every endpoint. To add one: write its handler in a file of
// its own, add a line here and describe it in openapi.json; the tests fail
// until the document and this table agree.
func (s *Server) routes() []route {
	return []route{
		{method: "GET", path: "/openapi.json", public: true, handle: s.openAPI},
		{method: "GET", path: "/mij", handle: s.me},
		{method: "GET", path: "/api-tokens", handle: s.listTokens},
		{method: "POST", path: "/api-tokens", handle: s.createToken},
		{method: "DELETE", path: "/api-tokens/{id}", handle: s.revokeToken},
		{method: "GET", path: "/meldingen", handle: s.listOwnIncidents},
		{method: "POST", path: "/meldingen", handle: s.createIncident},
		{method: "GET", path: "/meldingen/{id}", handle: s.showIncident},
		{method: "GET", path: "/meldingen/{id}/opvolgingen", handle: s.listFollowUps},
		{method: "POST", path: "/meldingen/{id}/opvolgingen", handle: s.createFollowUp},
		{method: "GET", path: "/organisaties/{code}/meldingen", handle: s.listOrgIncidents},
		{method: "GET", path: "/organisaties/{code}/meldingen/export", handle: s.exportOrgIncidents},
	}
}

// wrap authenticates a non-public route and sends a handler's error.
func (s *Server) wrap(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !rt.public {
			ctx, err := s.authenticate(r)
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			r = r.WithContext(ctx)
		}
		if err := rt.handle(w, r); err != nil {
			s.writeError(w, r, err)
		}
	})
}
