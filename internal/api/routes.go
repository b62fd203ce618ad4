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

// routes lists the core's endpoints (accounts, tokens, meldingen); a new
// capability brings its own in a package of its own (capability.go,
// CONTRIBUTING.md). To add one to the core:
//  1. write its handler in a file of its own: parse (decodeJSON, pathID,
//     query), call the domain service with auth.FromContext, then
//     s.writeJSON on success or return the error;
//  2. add a line here (public only for what needs no token);
//  3. describe it in openapi.json: path, operationId, 2xx response with
//     the API-Version header, error responses from components/responses,
//     schemas for its JSON (property names as the Go json tags);
//  4. if its domain has new sentinel errors, map them in classify.go.
//
// TestEveryRouteIsDocumented, TestDocumentedPathsReachTheirRoute,
// TestSchemasMatchWhatTheCodeSends (add the new shapes to its table) and
// the Spectral lint fail until the document, this table and the code agree.
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
		{method: "POST", path: "/anonieme-meldingen", public: true, handle: s.createAnonymous},
		{method: "POST", path: "/anonieme-meldingen/status", public: true, handle: s.anonymousStatus},
		{method: "POST", path: "/anonieme-meldingen/berichten", public: true, handle: s.anonymousMessage},
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
