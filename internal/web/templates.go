package web

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"strings"
)

// templates: layout.html is the shell, partials/ holds the shared pieces
// (form fields, alerts, pagination, breadcrumb), pages/ the shell's own
// pages (start, error, confirmation). Each capability brings its own
// pages/ and partials/ (see AddPages).
//
//go:embed templates
var templateFS embed.FS

// parseBase parses the layout and the shared partials once.
func parseBase() (*template.Template, error) {
	base, err := template.New("layout.html").ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	return base, nil
}

// AddPages parses every templates/pages/*.html of fsys (a capability's
// embedded templates folder), each on its own copy of the
// layout, the shared partials, its templates/partials/*.html and those of
// each of shared (partials another capability lends, such as the
// meldingen' fact lists). A page is rendered by its file name without
// ".html"; two capabilities may not use the same name.
func (s *Server) AddPages(fsys fs.FS, shared ...fs.FS) error {
	base, err := s.base.Clone()
	if err != nil {
		return err
	}
	for _, p := range append([]fs.FS{fsys}, shared...) {
		if parts, _ := fs.Glob(p, "templates/partials/*.html"); len(parts) > 0 {
			if base, err = base.ParseFS(p, "templates/partials/*.html"); err != nil {
				return fmt.Errorf("web: partials: %w", err)
			}
		}
	}
	files, err := fs.Glob(fsys, "templates/pages/*.html")
	if err != nil {
		return fmt.Errorf("web: templates: %w", err)
	}
	if len(files) == 0 {
		// A capability without pages would answer 500 on every route.
		return fmt.Errorf("web: no templates/pages/*.html in the capability's files")
	}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if _, dup := s.pages[name]; dup {
			return fmt.Errorf("web: page %q is defined twice", name)
		}
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(fsys, f)
		}
		if err != nil {
			return fmt.Errorf("web: template %s: %w", f, err)
		}
		s.pages[name] = t
	}
	return nil
}
