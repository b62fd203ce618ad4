package web

import (
	"net/http"
	"slices"
	"strings"
)

// The public pages are the ones a search engine may list: the start page,
// logging in, reporting anonymously, and the pages a capability adds with
// AddPublic (the statements, contact). Every other page says noindex and
// robots.txt disallows it; an anonymous reporter's status page must never
// turn up in a search.
var shellPublic = []string{"/", "/login", "/anoniem-melden"}

// AddPublic makes the paths public pages.
func (s *Server) AddPublic(paths ...string) {
	for _, p := range paths {
		s.public[p] = true
	}
}

// Indexable reports whether the page is a public one search engines may
// list (layout.html writes noindex on every other page).
func (p *Page) Indexable() bool {
	path, _, _ := strings.Cut(p.Path, "?")
	return p.public[path]
}

// robots answers /robots.txt: the public pages allowed, everything else
// disallowed.
func (s *Server) robots(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	b.WriteString("User-agent: *\n")
	paths := make([]string, 0, len(s.public))
	for p := range s.public {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		if p == "/" {
			p = "/$" // the start page only, not everything under it
		}
		b.WriteString("Allow: " + p + "$\n")
	}
	b.WriteString("Disallow: /\n")
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte(strings.ReplaceAll(b.String(), "$$", "$")))
}
