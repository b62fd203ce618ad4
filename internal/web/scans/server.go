package scans

import (
	"embed"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
	"weerbaar/internal/web"
)

//go:embed templates
var templates embed.FS

// Server is the scan pages on the shell.
type Server struct {
	*web.Server
	scans *scan.Service
}

// New returns the scan pages on the scans service.
func New(scans *scan.Service) *Server { return &Server{scans: scans} }

// Mount registers the pages and the menu entry.
func (s *Server) Mount(sh *web.Server, mux *http.ServeMux) error {
	s.Server = sh
	if err := sh.AddPages(templates); err != nil {
		return err
	}
	sh.AddMenu(web.MenuItem{Key: "scans.nav", Href: "/scans", Roles: []auth.Role{auth.RoleMember, auth.RoleCoordinator}})
	in := func(h http.HandlerFunc) http.Handler { return s.RequireLogin(h) }
	mux.Handle("GET /scans", in(s.list))
	mux.Handle("POST /scans/{slug}/starten", in(s.start))
	mux.Handle("GET /scans/resultaten/{id}", in(s.result))
	mux.Handle("GET /scans/resultaten/{id}/stap/{n}", in(s.step))
	mux.Handle("POST /scans/resultaten/{id}/stap/{n}", in(s.save))
	mux.Handle("POST /scans/resultaten/{id}/verwijderen", in(s.remove))
	s.mountShare(mux)
	return nil
}

// fail shows a result one may not see as missing, so nobody learns that
// another person's result exists.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, scan.ErrNotFound), errors.Is(err, scan.ErrForbidden):
		s.Fail(w, r, fmt.Errorf("%w: %w", web.ErrNotFound, err))
	case errors.Is(err, scan.ErrFinished):
		s.ErrorPage(w, r, http.StatusConflict, "error.bad_request")
	default:
		s.Fail(w, r, err)
	}
}

// pathInt reads a positive number from the path; 0 when it is none.
func pathInt(r *http.Request, name string) int64 {
	n, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return n
}

func resultHref(id int64) string { return fmt.Sprintf("/scans/resultaten/%d", id) }

func stepHref(id int64, n int) string { return fmt.Sprintf("/scans/resultaten/%d/stap/%d", id, n) }
