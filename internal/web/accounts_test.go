package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestOnlyCoordinatorsAndBeheerdersReachTheAccountPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		other := e.account("ander@example.org", auth.RoleMember, "GM0344")
		paths := []struct{ method, path string }{
			{"GET", "/accounts"},
			{"GET", "/accounts/uitnodigen"},
			{"POST", "/accounts/uitnodigen"},
			{"GET", fmt.Sprintf("/accounts/%d", other.ID)},
			{"POST", fmt.Sprintf("/accounts/%d/rol", other.ID)},
			{"POST", fmt.Sprintf("/accounts/%d/uitschakelen", other.ID)},
			{"POST", fmt.Sprintf("/accounts/%d/inschakelen", other.ID)},
			{"POST", fmt.Sprintf("/accounts/%d/tweede-factor-herstellen", other.ID)},
		}
		anonymous := e.browser()
		for _, p := range paths {
			r := anonymous.request(p.method, p.path)
			wantLocation(t, r, "/login?terug=")
		}
		for _, who := range []struct {
			email string
			role  auth.Role
			org   string
		}{
			{"lid@example.org", auth.RoleMember, "GM0344"},
			{"otwb@example.org", auth.RoleSupportTeam, ""},
			{"partner@example.org", auth.RolePartner, "VNG"},
			{"secretariaat@example.org", auth.RoleSecretariat, ""},
		} {
			b := e.browser()
			e.account(who.email, who.role, who.org)
			b.login(who.email)
			for _, p := range paths {
				r := b.request(p.method, p.path)
				wantStatus(t, r, http.StatusForbidden)
				wantBody(t, r, "Geen toegang")
			}
		}
		if e.accountOf("ander@example.org").Disabled {
			t.Error("a refused request disabled the account")
		}
		if n := e.invitations(); n != 0 {
			t.Errorf("%d invitations made by refused requests", n)
		}
	})
}

func TestCoordinatorSeesAndManagesOnlyOwnOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		own := e.account("raadslid@example.org", auth.RoleMember, "GM0344")
		other := e.account("wethouder.amsterdam@example.org", auth.RoleMember, "GM0363")
		e.login("coordinator@example.org")

		list := e.get("/accounts")
		wantStatus(t, list, http.StatusOK)
		wantBody(t, list, "raadslid@example.org", "Utrecht")
		wantNotInBody(t, list, "wethouder.amsterdam@example.org")

		for _, r := range []*result{
			e.get(fmt.Sprintf("/accounts/%d", other.ID)),
			e.post(fmt.Sprintf("/accounts/%d/uitschakelen", other.ID), url.Values{}),
			e.post(fmt.Sprintf("/accounts/%d/rol", other.ID), url.Values{"role": {"coordinator"}}),
			e.get("/accounts/999999"),
		} {
			wantStatus(t, r, http.StatusForbidden)
		}
		if a := e.accountOf(other.Email); a.Disabled || a.Role != auth.RoleMember {
			t.Errorf("account of another organisation changed: %+v", a)
		}

		beheerder := e.post(fmt.Sprintf("/accounts/%d/rol", own.ID), url.Values{"role": {"beheerder"}})
		wantStatus(t, beheerder, http.StatusForbidden)
		if e.accountOf(own.Email).Role != auth.RoleMember {
			t.Fatal("a coördinator made a beheerder")
		}

		show := e.get(fmt.Sprintf("/accounts/%d", own.ID))
		wantStatus(t, show, http.StatusOK)
		wantBody(t, show, `<option value="coordinator"`, `<option value="ambtsdrager" selected`)
		wantNotInBody(t, show, `<option value="beheerder"`, `list="veld-org-lijst"`)

		role := e.post(fmt.Sprintf("/accounts/%d/rol", own.ID), url.Values{"role": {"coordinator"}, "org": {"GM0363"}})
		wantLocation(t, role, fmt.Sprintf("/accounts/%d", own.ID))
		wantBody(t, e.get(role.Header.Get("Location")), "De rol is gewijzigd")
		if a := e.accountOf(own.Email); a.Role != auth.RoleCoordinator || a.OrgCode != "GM0344" {
			t.Errorf("after the role change: %+v (the organisation must stay the coördinator's own)", a)
		}
		wantLocation(t, e.post(fmt.Sprintf("/accounts/%d/uitschakelen", own.ID), url.Values{}), "/accounts/")
		if !e.accountOf(own.Email).Disabled {
			t.Error("account not disabled")
		}
		for _, a := range []string{"account.role", "account.disable", "account.denied"} {
			if e.audits(a) == 0 {
				t.Errorf("%s not in the audit log", a)
			}
		}
	})
}

func TestBeheerderListsEveryAccountAndFiltersByOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("beheerder@example.org", auth.RoleAdmin, "")
		e.account("raadslid@example.org", auth.RoleMember, "GM0344")
		e.account("wethouder.amsterdam@example.org", auth.RoleMember, "GM0363")
		e.login("beheerder@example.org")
		all := e.get("/accounts")
		wantStatus(t, all, http.StatusOK)
		wantBody(t, all, "raadslid@example.org", "wethouder.amsterdam@example.org", `<datalist id="veld-org-lijst">`,
			`<option value="Gemeente Utrecht (GM0344)">`, `<option value="Provincie Utrecht (PV26)">`)
		one := e.get("/accounts?org=" + url.QueryEscape("Utrecht (GM0344)"))
		wantBody(t, one, "raadslid@example.org", "Accounts van Gemeente Utrecht")
		wantNotInBody(t, one, "wethouder.amsterdam@example.org")
		bad := e.get("/accounts?org=Nergenshuizen")
		wantBody(t, bad, "Geen organisatie gevonden", `value="Nergenshuizen"`)
	})
}

func TestBeheerderMovesAnAccountAndResetsItsSecondFactor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("beheerder@example.org", auth.RoleAdmin, "")
		c := e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.browser().login("coordinator@example.org") // sets up TOTP
		e.login("beheerder@example.org")
		move := e.post(fmt.Sprintf("/accounts/%d/rol", c.ID), url.Values{"role": {"coordinator"}, "org": {"Amsterdam (GM0363)"}})
		wantLocation(t, move, "/accounts/")
		if a := e.accountOf(c.Email); a.OrgCode != "GM0363" {
			t.Errorf("not moved: %+v", a)
		}
		national := e.post(fmt.Sprintf("/accounts/%d/rol", c.ID), url.Values{"role": {"beheerder"}, "org": {"GM0363"}})
		wantStatus(t, national, http.StatusUnprocessableEntity)
		wantBody(t, national, "Deze rol hoort niet bij een organisatie.", `value="GM0363"`)
		if !e.accountOf(c.Email).TOTPEnabled {
			t.Fatal("coördinator has no TOTP to reset")
		}
		wantLocation(t, e.post(fmt.Sprintf("/accounts/%d/tweede-factor-herstellen", c.ID), url.Values{}), "/accounts/")
		if e.accountOf(c.Email).TOTPEnabled {
			t.Error("TOTP still on after reset")
		}
		if e.audits("totp.reset") != 1 {
			t.Error("reset not audited")
		}
	})
}

func TestForgedCrossOriginPostsAreRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.login("coordinator@example.org")
		link := e.invite(url.Values{"name": {"Raadslid"}, "email": {"raadslid@example.org"}, "role": {"ambtsdrager"}})
		before := e.invitations()
		forged := []string{"Origin", "https://aanvaller.example", "Sec-Fetch-Site", "cross-site"}
		for _, c := range []struct {
			path string
			form url.Values
		}{
			{"/accounts/uitnodigen", url.Values{"name": {"X"}, "email": {"x@example.org"}, "role": {"coordinator"}}},
			{link, url.Values{"name": {"X"}, "password": {testPassword}, "herhaling": {testPassword}}},
			{"/account/uitloggen-overal", url.Values{}},
			{"/account/wachtwoord", url.Values{"huidig": {testPassword}, "password": {"nog een lange testzin"}, "herhaling": {"nog een lange testzin"}}},
		} {
			r := e.post(c.path, c.form, forged...)
			wantStatus(t, r, http.StatusForbidden)
			wantBody(t, r, "Verzoek geweigerd")
		}
		if n := e.invitations(); n != before {
			t.Errorf("forged invitation stored: %d → %d", before, n)
		}
		wantStatus(t, e.get(link), http.StatusOK) // the link still works
		wantStatus(t, e.get("/accounts"), http.StatusOK)
		if !strings.Contains(e.get("/accounts").body, "raadslid@example.org") {
			t.Error("the open invitation is not listed")
		}
	})
}

// request sends method to path: a same-site form post for POST.
func (e *env) request(method, path string) *result {
	e.t.Helper()
	if method == http.MethodPost {
		return e.post(path, url.Values{})
	}
	return e.get(path)
}

func TestLongAccountListIsPaged(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.account("beheerder@example.org", auth.RoleAdmin, "")
	for i := range accountsPerPage + 5 {
		e.account(fmt.Sprintf("lid%03d@example.org", i), auth.RoleMember, "GM0344")
	}
	e.login("beheerder@example.org")
	first := e.get("/accounts?org=GM0344")
	wantBody(t, first, "lid000@example.org", `href="/accounts?org=GM0344&amp;pagina=2"`)
	wantNotInBody(t, first, "lid054@example.org")
	second := e.get("/accounts?org=GM0344&pagina=2")
	wantBody(t, second, "lid054@example.org", `aria-current="page"`)
	wantNotInBody(t, second, "lid000@example.org")
	wantStatus(t, e.get("/accounts?pagina=999"), http.StatusOK)
}
