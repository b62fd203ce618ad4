// Package api is Weerbaar's JSON API under /api/v1. It follows the NL API
// Design Rules (Logius, 2.1, with the 2.2 rules on kebab-case paths and
// problem details): Dutch resource names in kebab-case, errors as
// application/problem+json, an API-Version header on every response and an
// OpenAPI 3.1 document at /api/v1/openapi.json.
//
// Handlers only translate HTTP: they parse, call a domain service and hand
// the result or error to respond.go, the one place that decides what the
// client sees. Clients authenticate with personal API tokens; session
// cookies are never read here, so the API has no cross-site request
// forgery surface.
package api

import (
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
	"weerbaar/internal/org"
	"weerbaar/internal/ratelimit"
)

const (
	// Prefix is where the API is mounted; the major version is in the URI.
	Prefix = "/api/v1"
	// Version is the full semantic version of the API, sent in the
	// API-Version header and in the OpenAPI document's info.version.
	Version = "1.0.0"
)

// Server answers every request under Prefix.
type Server struct {
	deps     Deps
	mux      *http.ServeMux
	failures *ratelimit.Limiter // failed token attempts per client address
	loc      *time.Location     // where dates in query strings are days
	all      []route            // the core's routes and the capabilities'
	doc      []byte             // the OpenAPI document with the capabilities' parts
}

// New builds the API with its routes and those of d.Capabilities. It fails
// when two parts define the same route, path or component.
func New(d Deps) (*Server, error) {
	d = d.withDefaults()
	s := &Server{deps: d, mux: http.NewServeMux(), failures: newFailureLimiter(d.Now),
		loc: nltime.Location()}
	s.all = s.routes()
	parts := make([][]byte, 0, len(d.Capabilities))
	kit := &Kit{s: s}
	for _, c := range d.Capabilities {
		for _, rt := range c.Routes(kit) {
			s.all = append(s.all, route{method: rt.Method, path: rt.Path, public: rt.Public, handle: rt.Handle})
		}
		parts = append(parts, c.Document())
	}
	doc, err := mergeDocuments(openAPIDoc, parts...)
	if err != nil {
		return nil, err
	}
	s.doc = doc
	seen := map[string]bool{}
	for _, rt := range s.all {
		if seen[rt.pattern()] {
			return nil, fmt.Errorf("api: route %s registered twice", rt.pattern())
		}
		seen[rt.pattern()] = true
		s.mux.Handle(rt.pattern(), s.wrap(rt))
	}
	// Everything else, also other versions under /api/: a problem, never
	// the mux's plain-text 404 or a redirect.
	s.mux.HandleFunc("/", s.notFoundOrMethod)
	return s, nil
}

// Document is the OpenAPI document the API serves.
func (s *Server) Document() []byte { return s.doc }

// Patterns are the routes the API serves ("GET /api/v1/mij").
func (s *Server) Patterns() []string {
	out := make([]string, len(s.all))
	for i, rt := range s.all {
		out[i] = rt.pattern()
	}
	return out
}

// Match is the route pattern req reaches, "" when none.
func (s *Server) Match(req *http.Request) string {
	if _, p := s.mux.Handler(req); p != "/" {
		return p
	}
	return ""
}

// ServeHTTP serves every path under /api/ (internal/app mounts it there). It
// sets the headers every API response carries and refuses paths
// with a trailing slash (or any other unclean form) with 404 instead of
// letting a mux redirect them: the NL API Design Rules want URIs without a
// trailing slash, and a redirect would make a client's mistake invisible.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setCommonHeaders(w, r)
	if p := r.URL.Path; strings.HasSuffix(p, "/") || strings.Contains(p, "//") || strings.Contains(p, "/.") {
		s.problem(w, r, http.StatusNotFound, "api.detail.trailing_slash")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// notFoundOrMethod answers requests that match no route: 405 when the path
// exists with another method, 404 otherwise, both as problem+json.
func (s *Server) notFoundOrMethod(w http.ResponseWriter, r *http.Request) {
	if allow := s.allowedMethods(r); len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		s.problem(w, r, http.StatusMethodNotAllowed, "api.detail.method", strings.Join(allow, ", "))
		return
	}
	s.problem(w, r, http.StatusNotFound, "api.detail.no_route")
}

// allowedMethods lists the methods a route exists for at r's path.
func (s *Server) allowedMethods(r *http.Request) []string {
	var allow []string
	seen := map[string]bool{}
	for _, rt := range s.all {
		if seen[rt.method] {
			continue
		}
		seen[rt.method] = true
		probe := r.Clone(r.Context())
		probe.Method = rt.method
		if _, pattern := s.mux.Handler(probe); pattern != "" && pattern != "/" {
			allow = append(allow, rt.method)
		}
	}
	return allow
}

// Deps is what the API needs from the rest of Weerbaar.
type Deps struct {
	Log       *slog.Logger
	Auth      *auth.Service
	Orgs      *org.Service
	Messages  *i18n.Catalog
	Incidents *incident.Service
	// Anonymous is the anonymous reporting route, shared with the web
	// form so that both count against the same limits; nil leaves the
	// anonymous endpoints answering 404.
	Anonymous *incident.Anonymous
	// Capabilities are the parts of the API in packages of their own.
	Capabilities []Capability
	// Now is the clock of the token failure limiter; nil means time.Now.
	Now func() time.Time
}

func (d Deps) withDefaults() Deps {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Messages == nil {
		// The catalogues are embedded; i18n's own tests prove they load.
		d.Messages, _ = i18n.Load()
	}
	return d
}
