package security

import (
	"errors"
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
	"weerbaar/internal/valid"
	"weerbaar/internal/web"
)

// secretView shows something once: new recovery codes or an API token.
type secretView struct {
	TitleKey, IntroKey string
	Codes              []string
	Token              string
	Back               string
}

// securityCreateToken makes a personal API token and shows it once. The
// route asks for a recent re-verification first: a token is a lasting key.
func (s *Server) securityCreateToken(w http.ResponseWriter, r *http.Request) {
	f := web.NewForm(r)
	token, _, err := s.auth.CreateAPIToken(r.Context(), auth.FromContext(r.Context()), f.Get("tokennaam"))
	if v, ok := valid.As(err); ok {
		for _, p := range v.Problems {
			f.AddError("tokennaam", s.ProblemMessage(web.Language(r), p))
		}
		s.renderSecurity(w, r, http.StatusUnprocessableEntity, f)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := s.Page(r, "security.token.created.title")
	p.Data = secretView{TitleKey: "security.token.created.title", IntroKey: "security.token.created.intro",
		Token: token, Back: securityPath}
	s.Render(w, r, http.StatusOK, "security_secret", p)
}

// securityRevokeToken revokes one of the person's own tokens.
func (s *Server) securityRevokeToken(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		s.NotFound(w, r)
		return
	}
	err = s.auth.RevokeAPIToken(r.Context(), auth.FromContext(r.Context()), id)
	if errors.Is(err, auth.ErrNotFound) {
		s.NotFound(w, r)
		return
	}
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	s.SetFlash(w, r, "ok", "flash.token_revoked")
	web.Redirect(w, r, securityPath)
}
