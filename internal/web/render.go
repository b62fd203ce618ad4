package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
)

// Page is what every template gets: the shell's needs (language,
// principal, flash, title) plus the page's own Data and, for forms, Form.
// Templates reach text through {{.T "key"}} (inside range: {{$.T "key"}}).
type Page struct {
	Lang      string
	TitleKey  string // catalogue key of the <title> and usually the <h1>
	Principal *auth.Principal
	Path      string // this page's path and query, to come back after a language switch
	Flash     *Flash
	Form      *Form
	Data      any
	// Skipped counts stored items this page could not read and leaves
	// out; the layout says so above the content.
	Skipped int

	cat    *i18n.Catalog
	assets *assets
	menu   []MenuItem
	public map[string]bool
}

// Page starts the Page for r. Handlers set Form and Data and call render.
func (s *Server) Page(r *http.Request, titleKey string) *Page {
	return &Page{
		Lang:      Language(r),
		TitleKey:  titleKey,
		Principal: auth.FromContext(r.Context()),
		Path:      r.URL.RequestURI(),
		cat:       s.Catalog(),
		assets:    s.assets,
		menu:      s.menu,
		public:    s.public,
	}
}

// T translates key into the page's language.
func (p *Page) T(key string, args ...any) string { return p.cat.T(p.Lang, key, args...) }

// Has reports whether the catalogue has key in the page's language.
func (p *Page) Has(key string) bool { return p.cat.Has(p.Lang, key) }

// Asset returns the content-hashed URL of a static file.
func (p *Page) Asset(name string) string { return p.assets.url(name) }

// HasVendorCSS reports whether the NL Design System CSS was built in.
func (p *Page) HasVendorCSS() bool { return p.assets.hasVendor() }

// LangLink is one entry of the language switch.
type LangLink struct {
	Lang, Name, Href string
	Current          bool
}

// Languages lists the language switch, each language named in itself.
func (p *Page) Languages() []LangLink {
	var out []LangLink
	for _, l := range i18n.Langs() {
		out = append(out, LangLink{
			Lang: l, Name: p.cat.T(l, "lang.name"), Current: l == p.Lang,
			Href: "/taal/" + l + "?terug=" + url.QueryEscape(p.Path),
		})
	}
	return out
}

// Render writes page name with status. Every page is personal or a form,
// so none may be stored by a browser or proxy (Cache-Control: no-store).
// A flash message waiting in a cookie is shown once and removed.
func (s *Server) Render(w http.ResponseWriter, r *http.Request, status int, name string, p *Page) {
	if p.Flash == nil {
		p.Flash = s.takeFlash(w, r)
	}
	if err := s.Write(w, status, name, p); err != nil {
		s.ServerError(w, r, err)
	}
}

// Write executes the template into a buffer first, so a template error
// can still become a clean 500 page instead of half a page.
func (s *Server) Write(w http.ResponseWriter, status int, name string, p *Page) error {
	t, ok := s.pages[name]
	if !ok {
		return fmt.Errorf("web: no template %q", name)
	}
	// The error summary sits above the fields, so the labels it names
	// them by are only known once the page has been drawn: draw it once
	// to learn them (only for a form with problems).
	if p.Form != nil && p.Form.needsLabels() {
		if err := t.ExecuteTemplate(io.Discard, "layout", p); err != nil {
			return fmt.Errorf("web: render %s: %w", name, err)
		}
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("web: render %s: %w", name, err)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes()) // an error here means the person went away
	return nil
}

// Redirect sends the browser to a local path after a POST (303, so a
// reload does not post again).
func Redirect(w http.ResponseWriter, r *http.Request, path string) {
	http.Redirect(w, r, LocalPath(path), http.StatusSeeOther)
}

// URLQuery escapes s for use as a query value.
func URLQuery(s string) string { return url.QueryEscape(s) }

// TArgs is T with the values in a slice, for templates that hold them so.
func (p *Page) TArgs(key string, args []any) string { return p.cat.T(p.Lang, key, args...) }
