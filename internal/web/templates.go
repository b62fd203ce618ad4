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
// (form fields, alerts, pagination, breadcrumb), pages/ one file per page
// defining the block "main" (and optionally "breadcrumb").
//
//go:embed templates
var templateFS embed.FS

// parsePages parses every page once, each on its own copy of the layout and
// partials, keyed by the page file name without ".html".
func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("layout.html").ParseFS(templateFS, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	files, err := fs.Glob(templateFS, "templates/pages/*.html")
	if err != nil {
		return nil, fmt.Errorf("web: templates: %w", err)
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		t, err := base.Clone()
		if err == nil {
			t, err = t.ParseFS(templateFS, f)
		}
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", f, err)
		}
		pages[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return pages, nil
}
