package web

import (
	"net/http"
	"strings"
)

// Flash is a one-time message shown on the next page, after a redirect:
// "U bent uitgelogd", "Het account is aangemaakt". Kind is the alert
// variant (ok, info, warning, error); Key a catalogue key under "flash.".
type Flash struct {
	Kind string
	Key  string
}

// flashKind reports whether k is an alert variant a flash may use.
func flashKind(k string) bool {
	switch k {
	case "ok", "info", "warning", "error":
		return true
	}
	return false
}

// SetFlash remembers a message for the next page this browser shows. Only
// the key travels in the cookie, so a planted cookie can at most show one
// of our own messages.
func (s *Server) SetFlash(w http.ResponseWriter, r *http.Request, kind, key string) {
	s.SetCookie(w, r, cookieFlash, kind+":"+key, 0)
}

// takeFlash returns the waiting message, if any, and removes it.
func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request) *Flash {
	v := s.ReadCookie(r, cookieFlash)
	if v == "" {
		return nil
	}
	s.ClearCookie(w, r, cookieFlash)
	kind, key, ok := strings.Cut(v, ":")
	if !ok || !flashKind(kind) || !strings.HasPrefix(key, "flash.") || !s.Catalog().Has(Language(r), key) {
		return nil
	}
	return &Flash{Kind: kind, Key: key}
}
