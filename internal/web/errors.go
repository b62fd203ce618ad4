package web

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"

	"weerbaar/internal/auth"
	"weerbaar/internal/valid"
)

// ErrNotFound and ErrForbidden let a handler say what went wrong without
// choosing the page itself; fail turns them into 404 and 403.
var (
	ErrNotFound  = errors.New("niet gevonden")
	ErrForbidden = errors.New("geen toegang")
)

// Fail is the one place that decides how an error reaches a person: which
// status, which page, what is logged. Handlers call it with whatever the
// service returned; domain errors that mean "not found" or "not allowed"
// should wrap ErrNotFound / ErrForbidden or be added to statusOf.
func (s *Server) Fail(w http.ResponseWriter, r *http.Request, err error) {
	switch status := statusOf(err); status {
	case http.StatusNotFound:
		s.NotFound(w, r)
	case http.StatusForbidden:
		s.Log().Info("geweigerd", "path", r.URL.Path, "err", err)
		s.ErrorPage(w, r, status, "error.forbidden")
	case http.StatusBadRequest:
		s.ErrorPage(w, r, status, "error.bad_request")
	default:
		s.ServerError(w, r, err)
	}
}

// statusOf maps an error to the HTTP status a person gets.
func statusOf(err error) int {
	if _, ok := valid.As(err); ok {
		return http.StatusBadRequest
	}
	switch {
	case errors.Is(err, ErrNotFound), errors.Is(err, auth.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, ErrForbidden), errors.Is(err, auth.ErrForbidden):
		return http.StatusForbidden
	}
	return http.StatusInternalServerError
}

// NotFound renders the 404 page.
func (s *Server) NotFound(w http.ResponseWriter, r *http.Request) {
	s.ErrorPage(w, r, http.StatusNotFound, "error.not_found")
}

// ServerError logs err with the request and renders the 500 page, which
// never shows the error itself.
func (s *Server) ServerError(w http.ResponseWriter, r *http.Request, err error) {
	s.Log().Error("fout bij verzoek", "method", r.Method, "path", r.URL.Path, "err", err)
	s.ErrorPage(w, r, http.StatusInternalServerError, "error.server")
}

// crossOriginDenied answers a state-changing request from another site.
func (s *Server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.Log().Warn("verzoek van andere herkomst geweigerd", "method", r.Method, "path", r.URL.Path,
		"origin", r.Header.Get("Origin"), "sec-fetch-site", r.Header.Get("Sec-Fetch-Site"))
	s.ErrorPage(w, r, http.StatusForbidden, "error.cross_origin")
}

// ErrorPage renders the error template with the message under key.
// If that fails too, a plain Dutch sentence is all that is left to send.
func (s *Server) ErrorPage(w http.ResponseWriter, r *http.Request, status int, key string) {
	p := s.Page(r, key+".title")
	p.Data = errorView{Status: status, Key: key}
	if err := s.Write(w, status, "error", p); err != nil {
		s.Log().Error("foutpagina tonen mislukt", "err", err)
		http.Error(w, "Er ging iets mis. Probeer het later opnieuw.", status)
	}
}

type errorView struct {
	Status int
	Key    string // catalogue prefix: Key+".title", Key+".text"
}

// recoverPanics turns a panic in a handler into the 500 page; the stack
// goes to the log, never to the person.
func (s *Server) recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Log().Error("paniek in handler", "path", r.URL.Path, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
				s.ErrorPage(w, r, http.StatusInternalServerError, "error.server")
			}
		}()
		next.ServeHTTP(w, r)
	})
}
