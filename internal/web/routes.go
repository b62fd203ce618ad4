package web

import "net/http"

// routes lists every page. Add one line per page or action; wrap it in
// s.requireLogin (any signed-in person) or s.requireRole (some roles).
// Patterns are the standard library's: "METHOD /path/{param}".
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /static/", s.assets)
	mux.HandleFunc("GET /taal/{lang}", s.switchLanguage)

	mux.HandleFunc("GET /login", s.loginForm)
	mux.HandleFunc("POST /login", s.loginSubmit)
	mux.HandleFunc("GET /login/code", s.loginCodeForm)
	mux.HandleFunc("POST /login/code", s.loginCodeSubmit)
	mux.HandleFunc("GET /login/totp", s.totpSetupForm)
	mux.HandleFunc("POST /login/totp", s.totpSetupSubmit)
	mux.HandleFunc("POST /logout", s.logout)

	mux.Handle("GET /{$}", s.requireLogin(http.HandlerFunc(s.start)))
	s.accountRoutes(mux)
	s.followUpRoutes(mux)
	s.reportRoutes(mux)

	// Everything else is a 404 page in the shell, for every method.
	mux.HandleFunc("/", s.notFound)
	return mux
}
