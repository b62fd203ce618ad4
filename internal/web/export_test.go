package web

import (
	"io"
	"log/slog"
	"net/http"
)

// The shell's internals that its tests look at.
var (
	TemplateFS            = templateFS
	Static                = static
	ContentSecurityPolicy = contentSecurityPolicy
)

// WithSession is the session middleware alone.
func (s *Server) WithSession(next http.Handler) http.Handler { return s.withSession(next) }

// WithLanguage is the language middleware alone.
func (s *Server) WithLanguage(next http.Handler) http.Handler { return s.withLanguage(next) }

// SecurityHeaders is the header middleware alone.
func (s *Server) SecurityHeaders(next http.Handler) http.Handler { return s.securityHeaders(next) }

// RecoverPanics is the panic middleware alone.
func (s *Server) RecoverPanics(next http.Handler) http.Handler { return s.recoverPanics(next) }

// SetLog replaces the shell's logger.
func (s *Server) SetLog(l *slog.Logger) { s.log = l }

// Partial executes one shared template (from the error page's set).
func (s *Server) Partial(w io.Writer, name string, data any) error {
	return s.pages["error"].ExecuteTemplate(w, name, data)
}
