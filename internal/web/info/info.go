// Package info holds the public pages a Dutch government service is
// expected to have: the privacy statement, the accessibility statement in
// the government's model form, and contact. They need no account and are
// linked from the footer of every page.
//
//	GET /privacy           privacyverklaring
//	GET /toegankelijkheid  toegankelijkheidsverklaring
//	GET /contact           contact
package info

import (
	"embed"
	"net/http"

	"weerbaar/internal/web"
)

//go:embed templates
var templates embed.FS

// Server is the statement pages on the shell.
type Server struct{ *web.Server }

// New returns the statement pages.
func New() *Server { return &Server{} }

// section is one heading of a statement with its paragraphs and, when
// given, a list; all catalogue keys.
type section struct {
	Heading    string
	Paragraphs []string
	List       []string
}

// statement is a page of sections under its title.
type statement struct {
	Intro    string
	Sections []section
}

// Mount registers the pages as public ones (indexable, no login).
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(templates); err != nil {
		return err
	}
	sh.AddPublic("/privacy", "/toegankelijkheid", "/contact")
	mux.HandleFunc("GET /privacy", s.page("info.privacy.title", privacy))
	mux.HandleFunc("GET /toegankelijkheid", s.page("info.a11y.title", accessibility))
	mux.HandleFunc("GET /contact", s.page("info.contact.title", contact))
	return nil
}

func (s *Server) page(title string, st statement) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := s.Page(r, title)
		p.Data = st
		s.Render(w, r, http.StatusOK, "info_statement", p)
	}
}
