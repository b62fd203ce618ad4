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
	"weerbaar/internal/incident"
	"weerbaar/internal/mail"
	"weerbaar/internal/org"
)

// Options is what the web layer needs from the rest of Weerbaar.
type Options struct {
	Log     *slog.Logger
	Catalog *i18n.Catalog
	Auth    *auth.Service
	// HTTPS says people reach Weerbaar over HTTPS even when the request
	// arrives without TLS (TLS ends at a proxy the operator runs). The app
	// sets it when --base-url starts with https://. Requests with r.TLS set
	// count as HTTPS regardless.
	HTTPS bool
	// Sections fill the start page, in order, after the built-in tasks
	// (StartSections) and before the links everyone has (EveryoneSections).
	// Features add theirs in internal/app.
	Sections []Section
	// Incidents and Orgs serve the meldingen pages; Anonymous is the
	// anonymous reporting route (made once per process: it holds the rate
	// limiters). Pages whose service is nil answer 404.
	Incidents *incident.Service
	Orgs      *org.Service
	Anonymous *incident.Anonymous
	// Mail sends invitation links; nil or without SMTP, the link is only
	// shown to the inviter. BaseURL is where people open Weerbaar, for
	// links in e-mail (empty: taken from the request).
	Mail    *mail.Sender
	BaseURL string
	// Now is the clock for re-verification; default time.Now.
	Now func() time.Time
}

// Server is the HTML side of Weerbaar: every page, the static files and the
// middleware that guards them. It is an http.Handler.
type Server struct {
	log      *slog.Logger
	cat      *i18n.Catalog
	auth     *auth.Service
	https    bool
	pages    map[string]*template.Template
	assets   *assets
	sections []Section
	handler  http.Handler

	incidents *incident.Service
	orgs      *org.Service
	anon      *incident.Anonymous

	mail    *mail.Sender
	baseURL string
	now     func() time.Time
}

// New parses the templates and prepares the static files once. It fails
// when a template does not parse, so a broken page stops the start.
func New(o Options) (*Server, error) {
	if o.Log == nil || o.Catalog == nil {
		return nil, fmt.Errorf("web: Log and Catalog are required")
	}
	s := &Server{log: o.Log, cat: o.Catalog, auth: o.Auth, https: o.HTTPS,
		incidents: o.Incidents, orgs: o.Orgs, anon: o.Anonymous,
		mail: o.Mail, baseURL: o.BaseURL, now: o.Now}
	if s.now == nil {
		s.now = time.Now
	}
	s.sections = orderSections(o.Sections)
	var err error
	if s.assets, err = loadAssets(); err != nil {
		return nil, err
	}
	if !s.assets.hasVendor() {
		o.Log.Warn("NL Design System-stijlen ontbreken in deze build; voer `make assets` uit en bouw opnieuw om ze toe te voegen")
	}
	if s.pages, err = parsePages(); err != nil {
		return nil, err
	}
	// The session and language middleware copy the request, which hides
	// the mux's r.Pattern from the access log and metrics outside; Routed
	// carries it back out.
	s.handler = s.middleware(httpx.Routed(s.routes()))
	return s, nil
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
