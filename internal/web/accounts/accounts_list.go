package accounts

import (
	"net/http"
	"strconv"

	"weerbaar/internal/auth"
	"weerbaar/internal/web"
)

// accountsView is the list of accounts and open invitations a
// coördinator (own organisation) or beheerder (all, or one organisation)
// manages.
type accountsView struct {
	Accounts    []accountRow
	Invitations []invitationRow
	IsAdmin     bool
	OrgName     string // the organisation listed, if one
	Picker      orgPicker
	Total       int // accounts in the list, over every page
	Page, Pages int
}

// accountsPerPage keeps the beheerder's list of every account readable.
const accountsPerPage = 50

type accountRow struct {
	ID                        int64
	Name, Email, RoleKey, Org string
	Disabled, TOTP            bool
	LastLogin                 string
}

type invitationRow struct {
	ID                        int64
	Name, Email, RoleKey, Org string
	Expires                   string
}

// accountList shows the accounts. A beheerder may narrow the list to one
// organisation with ?org= (the same picker as the invitation form).
func (s *Server) accountList(w http.ResponseWriter, r *http.Request) {
	pr := auth.FromContext(r.Context())
	f := web.FormOf(r.URL.Query())
	v := accountsView{IsAdmin: pr.Role == auth.RoleAdmin}
	orgID := pr.OrgID
	if v.IsAdmin {
		orgID = 0
		if in := f.Get("org"); in != "" {
			o, problem, err := s.pickOrg(r.Context(), in)
			if err != nil {
				s.Fail(w, r, err)
				return
			}
			if problem != nil {
				f.AddError("org", s.orgMessage(web.Language(r), problem))
			} else {
				orgID, v.OrgName = o.ID, o.DisplayName()
			}
		}
		var err error
		if v.Picker, err = s.orgPicker(r.Context()); err != nil {
			s.Fail(w, r, err)
			return
		}
	}
	v.Page, _ = strconv.Atoi(r.URL.Query().Get("pagina"))
	if err := s.fillAccounts(r, pr, orgID, &v); err != nil {
		s.Fail(w, r, err)
		return
	}
	p := s.Page(r, "accounts.title")
	p.Form = f
	p.Data = v
	s.Render(w, r, http.StatusOK, "accounts", p)
}

func (s *Server) fillAccounts(r *http.Request, pr *auth.Principal, orgID int64, v *accountsView) error {
	list, err := s.auth.ListAccounts(r.Context(), pr, orgID)
	if err != nil {
		return err
	}
	v.Total, v.Pages = len(list), max(1, (len(list)+accountsPerPage-1)/accountsPerPage)
	v.Page = min(max(v.Page, 1), v.Pages)
	for _, a := range list[(v.Page-1)*accountsPerPage : min(len(list), v.Page*accountsPerPage)] {
		v.Accounts = append(v.Accounts, accountRow{ID: a.ID, Name: a.Name, Email: a.Email,
			RoleKey: "role." + string(a.Role), Org: web.OrgDisplay(a.OrgCode, a.OrgName), Disabled: a.Disabled, TOTP: a.TOTPEnabled,
			LastLogin: web.FmtDateTime(a.LastLoginAt)})
		if orgID != 0 && v.OrgName == "" {
			v.OrgName = web.OrgDisplay(a.OrgCode, a.OrgName)
		}
	}
	invs, err := s.auth.ListInvitations(r.Context(), pr, orgID)
	if err != nil {
		return err
	}
	for _, i := range invs {
		v.Invitations = append(v.Invitations, invitationRow{ID: i.ID, Name: i.Name, Email: i.Email,
			RoleKey: "role." + string(i.Role), Org: web.OrgDisplay(i.OrgCode, i.OrgName), Expires: web.FmtDateTime(i.ExpiresAt)})
	}
	return nil
}
