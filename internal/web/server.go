package web

import (
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/httpx"
	"weerbaar/internal/i18n"
)

// Options is what the shell needs from the rest of Weerbaar.
type Options struct {
	Log     *slog.Logger
	Catalog *i18n.Catalog
	// Auth turns session cookies into principals; nil runs without
	// sessions (every visitor anonymous).
	Auth *auth.Service
	// HTTPS says people reach Weerbaar over HTTPS even when the request
	// arrives without TLS (TLS ends at a proxy the operator runs). The app
	// sets it when --base-url starts with https://. Requests with r.TLS set
	// count as HTTPS regardless.
	HTTPS bool
	// Capabilities are the rooms of the site: each mounts its own pages,
	// templates, menu entries and start-page sections (see Capability).
	Capabilities []Capability
	// Sections fill the start page after the built-in tasks and the
	// capabilities' own sections, before the links everyone has.
	Sections []Section
	// Now is the clock for re-verification; default time.Now.
	Now func() time.Time
}

// Capability is one room of the site, such as the meldingen pages or the
// accounts. Mount registers its templates (AddPages), routes (on mux),
// menu entries (AddMenu) and start-page sections (AddSections) on the
// shell; it keeps s to render with. A new capability is a package under
// internal/web with one Mount, added to the list in internal/web/site.
type Capability interface {
	Mount(s *Server, mux *http.ServeMux) error
}

// Server is the shell of the HTML side: page layout and rendering, forms,
// sessions and cookies, flash messages, navigation, error pages, headers,
// static files and language. Capabilities mount their pages on it. It is
// an http.Handler.
type Server struct {
	log      *slog.Logger
	cat      *i18n.Catalog
	auth     *auth.Service
	https    bool
	pages    map[string]*template.Template
	base     *template.Template // layout and shared partials
	assets   *assets
	sections []Section
	features []Section // start-page sections added by capabilities
	menu     []MenuItem
	// sessionless paths never look at the session cookie (the anonymous
	// pages: touching it would leave a signed-in reporter's timestamp
	// beside their report).
	sessionless map[string]bool
	public      map[string]bool // pages search engines may list (robots.go)
	handler     http.Handler
	clock       func() time.Time
	helpHref    string // the public page that answers "where do I go?"
}

// Now is the shell's clock (Options.Now).
func (s *Server) Now() time.Time { return s.clock() }

// Log is the shell's logger.
func (s *Server) Log() *slog.Logger { return s.log }

// Catalog holds every interface text.
func (s *Server) Catalog() *i18n.Catalog { return s.cat }

// New parses the templates, prepares the static files and mounts every
// capability once. It fails when a template does not parse, so a broken
// page stops the start.
func New(o Options) (*Server, error) {
	if o.Log == nil || o.Catalog == nil {
		return nil, fmt.Errorf("web: Log and Catalog are required")
	}
	s := &Server{log: o.Log, cat: o.Catalog, auth: o.Auth, https: o.HTTPS, clock: o.Now,
		pages: map[string]*template.Template{}, sessionless: map[string]bool{}, public: map[string]bool{}}
	s.AddPublic(shellPublic...)
	if s.clock == nil {
		s.clock = time.Now
	}
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if !s.assets.hasVendor() {
		o.Log.Warn("NL Design System-stijlen ontbreken in deze build; voer `make assets` uit en bouw opnieuw om ze toe te voegen")
	}
	if s.base, err = parseBase(); err != nil {
		return nil, err
	}
	if err := s.AddPages(templateFS); err != nil {
		return nil, err
	}
	mux := s.routes()
	for _, c := range o.Capabilities {
		if err := c.Mount(s, mux); err != nil {
			return nil, err
		}
	}
	s.sections = orderSections(append(s.features, o.Sections...))
	// The session and language middleware copy the request, which hides
	// the mux's r.Pattern from the access log and metrics outside; Routed
	// carries it back out.
	s.handler = s.middleware(httpx.Routed(mux))
	return s, nil
}

// AddSections adds start-page sections, in the order given.
func (s *Server) AddSections(secs ...Section) { s.features = append(s.features, secs...) }

// SetHelp makes the "find help" link of the public start page lead to
// href (a capability such as the catalogue sets it in Mount).
func (s *Server) SetHelp(href string) { s.helpHref = href }

// WithoutSession makes the paths run without the session, even for a
// signed-in person.
func (s *Server) WithoutSession(paths ...string) {
	for _, p := range paths {
		s.sessionless[p] = true
	}
}

// ServeHTTP answers one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.handler.ServeHTTP(w, r)
}

// middleware wraps the routes, outermost first: headers on every answer
// (errors and panics too), language, cross-origin forgery protection on
// every state-changing request, then the session.
func (s *Server) middleware(mux http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	h := s.withSession(mux)
	h = cop.Handler(h)
	h = s.withLanguage(h)
	h = s.recoverPanics(h)
	return s.securityHeaders(h)
}
