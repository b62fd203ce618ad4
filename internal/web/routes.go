package web

import "net/http"

// routes are the shell's own: static files, the language switch, the
// confirmation of identity, logout-free pages of the shell and the start
// page. Capabilities add theirs in Mount; the 404 page catches the rest.
// Patterns are the standard library's: "METHOD /path/{param}".
func (s *Server) routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.assets)
	mux.HandleFunc("GET /taal/{lang}", s.switchLanguage)
	mux.HandleFunc("GET /{$}", s.start)
	mux.HandleFunc("GET /robots.txt", s.robots)
	mux.Handle("GET /bevestigen", s.RequireLogin(http.HandlerFunc(s.reverifyForm)))
	mux.Handle("POST /bevestigen", s.RequireLogin(http.HandlerFunc(s.reverifySubmit)))
	// Everything else is a 404 page in the shell, for every method.
	mux.HandleFunc("/", s.NotFound)
	return mux
}
