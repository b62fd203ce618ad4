package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"weerbaar/internal/i18n"
)

type langKey struct{}

// withLanguage puts the chosen language (cookie, else Dutch) in the
// request context.
func (s *Server) withLanguage(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := s.ReadCookie(r, CookieLang)
		if !i18n.Supported(lang) {
			lang = i18n.Default
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey{}, lang)))
	})
}

// Language returns the language of the request.
func Language(r *http.Request) string { return LanguageOf(r.Context()) }

// LanguageOf returns the language of the request that ctx belongs to,
// for code that has the context only (start-page sections).
func LanguageOf(ctx context.Context) string {
	if lang, ok := ctx.Value(langKey{}).(string); ok {
		return lang
	}
	return i18n.Default
}

// switchLanguage remembers the chosen language for a year and goes back to
// the page the person came from (?terug=, local paths only).
func (s *Server) switchLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	if !i18n.Supported(lang) {
		s.NotFound(w, r)
		return
	}
	s.SetCookie(w, r, CookieLang, lang, 365*24*time.Hour)
	http.Redirect(w, r, LocalPath(r.URL.Query().Get("terug")), http.StatusSeeOther)
}

// LocalPath returns p when it is a path on this site, and "/" otherwise, so
// a crafted ?terug= cannot send a person to another site.
func LocalPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return u.String()
}
