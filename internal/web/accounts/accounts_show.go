package accounts

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// accountView is one account with the forms to change its role, disable
// it and (beheerder) reset its second factor, or, when it is disabled, to
// enable it again.
type accountView struct {
	Account  auth.Account
	RoleKey  string
	Roles    []web.Option
	IsAdmin  bool
	Self     bool // one's own account: changed on the security page, not here
	Picker   orgPicker
	OrgLabel string
}

// accountShow shows the account when the policy lets the person see it:
// a coördinator only those of their own organisation.
func (s *Server) accountShow(w http.ResponseWriter, r *http.Request) {
	id, ok := web.PathID(r)
	if !ok {
		s.NotFound(w, r)
		return
	}
	a, err := s.auth.GetAccount(r.Context(), auth.FromContext(r.Context()), id)
	if err != nil {
		s.Fail(w, r, err)
		return
	}
	f := web.FormOf(map[string][]string{"role": {string(a.Role)}})
	if a.OrgCode != "" {
		f.Values.Set("org", web.OrgDisplay(a.OrgCode, a.OrgName)+" ("+a.OrgCode+")")
	}
	s.renderAccount(w, r, http.StatusOK, f, a)
}

func (s *Server) renderAccount(w http.ResponseWriter, r *http.Request, status int, f *web.Form, a auth.Account) {
	pr := auth.FromContext(r.Context())
	v := accountView{Account: a, RoleKey: "role." + string(a.Role), IsAdmin: pr.Role == auth.RoleAdmin,
		Self: a.ID == pr.AccountID, Roles: s.grantableRoles(r, pr)}
	if v.IsAdmin {
		var err error
		if v.Picker, err = s.orgPicker(r.Context()); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	p := s.Page(r, "accounts.show.title")
	p.Form = f
	p.Data = v
	s.Render(w, r, status, "account", p)
}

// grantableRoles are the roles the person may give within their reach,
// as the policy says (a coördinator: ambtsdrager/medewerker and
// coördinator of their own organisation; a beheerder: every role).
func (s *Server) grantableRoles(r *http.Request, pr *auth.Principal) []web.Option {
	var out []web.Option
	for _, role := range auth.Roles {
		if auth.Allowed(pr, auth.ActionCreateAccount, auth.Target{OrgID: pr.OrgID, Role: role}) {
			out = append(out, web.Option{Value: string(role), Label: s.Catalog().T(web.Language(r), "role."+string(role))})
		}
	}
	return out
}
