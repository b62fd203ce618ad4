package security

import (
	"context"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// securityView is the person's own security page: password, second
// factor, recovery codes, sessions and API tokens.
type securityView struct {
	TOTPEnabled  bool
	TOTPOptional bool // the role may go without (ambtsdrager/medewerker)
	RecoveryLeft int
	Sessions     []sessionRow
	Tokens       []tokenRow
}

type sessionRow struct {
	ID                int64
	Created, LastSeen string
	Current           bool
}

type tokenRow struct {
	ID                int64
	Name, Hint        string
	Created, LastUsed string
}

// security shows the page; forms on it post to the actions in
// security_*.go, which come back here with a flash message.
func (s *Server) security(w http.ResponseWriter, r *http.Request) {
	s.renderSecurity(w, r, http.StatusOK, web.NewForm(r))
}

// renderSecurity draws the page with f, the password form (kept values
// and errors after a failed change).
func (s *Server) renderSecurity(w http.ResponseWriter, r *http.Request, status int, f *web.Form) {
	pr := auth.FromContext(r.Context())
	v, err := s.securityData(r.Context(), pr)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	p := s.Page(r, "security.title")
	p.Form = f
	p.Data = v
	s.Render(w, r, status, "security", p)
}

func (s *Server) securityData(ctx context.Context, pr *auth.Principal) (securityView, error) {
	v := securityView{TOTPOptional: !pr.Role.NeedsSecondFactor()}
	acct, err := s.auth.GetAccount(ctx, pr, pr.AccountID)
	if err != nil {
		return v, err
	}
	v.TOTPEnabled = acct.TOTPEnabled
	if v.RecoveryLeft, err = s.auth.RecoveryCodesLeft(ctx, pr); err != nil {
		return v, err
	}
	sessions, err := s.auth.ListSessions(ctx, pr)
	if err != nil {
		return v, err
	}
	for _, x := range sessions {
		v.Sessions = append(v.Sessions, sessionRow{ID: x.ID, Created: web.FmtDateTime(x.CreatedAt),
			LastSeen: web.FmtDateTime(x.LastSeenAt), Current: x.Current})
	}
	tokens, err := s.auth.ListAPITokens(ctx, pr)
	if err != nil {
		return v, err
	}
	for _, t := range tokens {
		v.Tokens = append(v.Tokens, tokenRow{ID: t.ID, Name: t.Name, Hint: t.Hint,
			Created: web.FmtDateTime(t.CreatedAt), LastUsed: web.FmtDateTime(t.LastUsedAt)})
	}
	return v, nil
}
