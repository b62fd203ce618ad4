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
		lang := s.readCookie(r, cookieLang)
		if !i18n.Supported(lang) {
			lang = i18n.Default
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), langKey{}, lang)))
	})
}

// language returns the language of the request.
func language(r *http.Request) string {
	if lang, ok := r.Context().Value(langKey{}).(string); ok {
		return lang
	}
	return i18n.Default
}

// switchLanguage remembers the chosen language for a year and goes back to
// the page the person came from (?terug=, local paths only).
func (s *Server) switchLanguage(w http.ResponseWriter, r *http.Request) {
	lang := r.PathValue("lang")
	if !i18n.Supported(lang) {
		s.notFound(w, r)
		return
	}
	s.setCookie(w, r, cookieLang, lang, 365*24*time.Hour)
	http.Redirect(w, r, localPath(r.URL.Query().Get("terug")), http.StatusSeeOther)
}

// localPath returns p when it is a path on this site, and "/" otherwise, so
// a crafted ?terug= cannot send a person to another site.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") {
		return "/"
	}
	u, err := url.Parse(p)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "/"
	}
	return u.String()
}
