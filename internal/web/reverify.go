package web

import (
	"errors"
	"net/http"
	"strings"

	"weerbaar/internal/auth"
)

// reverifyView carries where to go once the person has confirmed.
type reverifyView struct {
	Back string
}

// RequireRecentVerification lets a request through only when the person
// confirmed their password or second factor in the last 15 minutes
// (auth.ReverifyWindow); otherwise it sends them to /bevestigen, which
// brings them back. A GET comes back to the same address; a POST cannot
// be replayed, so it comes back to the form's hidden field "terug" (the
// page the form is on), or the start page. Wrap pages that show the most
// sensitive data (home addresses, exports):
//
//	mux.Handle("GET /export", s.RequireRecentVerification(http.HandlerFunc(s.export)))
func (s *Server) RequireRecentVerification(next http.Handler) http.Handler {
	return s.RequireLogin(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth.FromContext(r.Context()).RecentlyVerified(s.Now()) {
			next.ServeHTTP(w, r)
			return
		}
		back := r.URL.RequestURI()
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			back = LocalPath(r.PostFormValue("terug"))
		}
		s.AskReverify(w, r, back)
	}))
}

// AskReverify sends the person to confirm who they are, then to back.
func (s *Server) AskReverify(w http.ResponseWriter, r *http.Request, back string) {
	Redirect(w, r, "/bevestigen?terug="+URLQuery(LocalPath(back)))
}

// reverifyForm asks for the password or a code from the app.
func (s *Server) reverifyForm(w http.ResponseWriter, r *http.Request) {
	s.renderReverify(w, r, http.StatusOK, NewForm(r), LocalPath(r.URL.Query().Get("terug")))
}

func (s *Server) renderReverify(w http.ResponseWriter, r *http.Request, status int, f *Form, back string) {
	p := s.Page(r, "reverify.title")
	p.Form = f
	p.Data = reverifyView{Back: back}
	s.Render(w, r, status, "reverify", p)
}

// reverifySubmit checks the answer and returns to where the person was
// going (a path on this site only).
func (s *Server) reverifySubmit(w http.ResponseWriter, r *http.Request) {
	f := NewForm(r)
	back := LocalPath(f.Get("terug"))
	lang := Language(r)
	answer := strings.TrimSpace(f.Get("bevestiging"))
	if answer == "" {
		f.AddError("bevestiging", s.Catalog().T(lang, "reverify.missing"))
		s.renderReverify(w, r, http.StatusUnprocessableEntity, f, back)
		return
	}
	err := s.auth.Reverify(r.Context(), auth.FromContext(r.Context()), answer)
	switch {
	case errors.Is(err, auth.ErrInvalidCredentials):
		f.AddError("bevestiging", s.Catalog().T(lang, "reverify.wrong"))
		s.renderReverify(w, r, http.StatusUnprocessableEntity, f, back)
	case errors.Is(err, auth.ErrRateLimited):
		f.AddError("", s.Catalog().T(lang, "login.rate_limited"))
		s.renderReverify(w, r, http.StatusTooManyRequests, f, back)
	case err != nil:
		s.Fail(w, r, err)
	default:
		Redirect(w, r, back)
	}
}
