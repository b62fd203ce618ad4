package accounts_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/accounts"
	"weerbaar/internal/web/webtest"
)

func TestOnlyCoordinatorsAndBeheerdersReachTheAccountPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		other := e.Account("ander@example.org", auth.RoleMember, "GM0344")
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
		anonymous := e.Browser()
		for _, p := range paths {
			r := anonymous.Request(p.method, p.path)
			webtest.WantLocation(t, r, "/login?terug=")
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
			b := e.Browser()
			e.Account(who.email, who.role, who.org)
			b.Login(who.email)
			for _, p := range paths {
				r := b.Request(p.method, p.path)
				webtest.WantStatus(t, r, http.StatusForbidden)
				webtest.WantBody(t, r, "Geen toegang")
			}
		}
		if e.AccountOf("ander@example.org").Disabled {
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
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		own := e.Account("raadslid@example.org", auth.RoleMember, "GM0344")
		other := e.Account("wethouder.amsterdam@example.org", auth.RoleMember, "GM0363")
		e.Login("coordinator@example.org")

		list := e.Get("/accounts")
		webtest.WantStatus(t, list, http.StatusOK)
		webtest.WantBody(t, list, "raadslid@example.org", "Utrecht")
		webtest.WantNotInBody(t, list, "wethouder.amsterdam@example.org")

		for _, r := range []*webtest.Result{
			e.Get(fmt.Sprintf("/accounts/%d", other.ID)),
			e.Post(fmt.Sprintf("/accounts/%d/uitschakelen", other.ID), url.Values{}),
			e.Post(fmt.Sprintf("/accounts/%d/rol", other.ID), url.Values{"role": {"coordinator"}}),
			e.Get("/accounts/999999"),
		} {
			webtest.WantStatus(t, r, http.StatusForbidden)
		}
		if a := e.AccountOf(other.Email); a.Disabled || a.Role != auth.RoleMember {
			t.Errorf("account of another organisation changed: %+v", a)
		}

		beheerder := e.Post(fmt.Sprintf("/accounts/%d/rol", own.ID), url.Values{"role": {"beheerder"}})
		webtest.WantStatus(t, beheerder, http.StatusForbidden)
		if e.AccountOf(own.Email).Role != auth.RoleMember {
			t.Fatal("a coördinator made a beheerder")
		}

		show := e.Get(fmt.Sprintf("/accounts/%d", own.ID))
		webtest.WantStatus(t, show, http.StatusOK)
		webtest.WantBody(t, show, `<option value="coordinator"`, `<option value="ambtsdrager" selected`)
		webtest.WantNotInBody(t, show, `<option value="beheerder"`, `list="veld-org-lijst"`)

		role := e.Post(fmt.Sprintf("/accounts/%d/rol", own.ID), url.Values{"role": {"coordinator"}, "org": {"GM0363"}})
		webtest.WantLocation(t, role, fmt.Sprintf("/accounts/%d", own.ID))
		webtest.WantBody(t, e.Get(role.Header.Get("Location")), "De rol is gewijzigd")
		if a := e.AccountOf(own.Email); a.Role != auth.RoleCoordinator || a.OrgCode != "GM0344" {
			t.Errorf("after the role change: %+v (the organisation must stay the coördinator's own)", a)
		}
		webtest.WantLocation(t, e.Post(fmt.Sprintf("/accounts/%d/uitschakelen", own.ID), url.Values{}), "/accounts/")
		if !e.AccountOf(own.Email).Disabled {
			t.Error("account not disabled")
		}
		for _, a := range []string{"account.role", "account.disable", "account.denied"} {
			if e.Audits(a) == 0 {
				t.Errorf("%s not in the audit log", a)
			}
		}
	})
}

func TestBeheerderListsEveryAccountAndFiltersByOrganisation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("beheerder@example.org", auth.RoleAdmin, "")
		e.Account("raadslid@example.org", auth.RoleMember, "GM0344")
		e.Account("wethouder.amsterdam@example.org", auth.RoleMember, "GM0363")
		e.Login("beheerder@example.org")
		all := e.Get("/accounts")
		webtest.WantStatus(t, all, http.StatusOK)
		webtest.WantBody(t, all, "raadslid@example.org", "wethouder.amsterdam@example.org", `<datalist id="veld-org-lijst">`,
			`<option value="Gemeente Utrecht (GM0344)">`, `<option value="Provincie Utrecht (PV26)">`)
		one := e.Get("/accounts?org=" + url.QueryEscape("Utrecht (GM0344)"))
		webtest.WantBody(t, one, "raadslid@example.org", "Accounts van Gemeente Utrecht")
		webtest.WantNotInBody(t, one, "wethouder.amsterdam@example.org")
		bad := e.Get("/accounts?org=Nergenshuizen")
		webtest.WantBody(t, bad, "Geen organisatie gevonden", `value="Nergenshuizen"`)
	})
}

func TestBeheerderMovesAnAccountAndResetsItsSecondFactor(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("beheerder@example.org", auth.RoleAdmin, "")
		c := e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Browser().Login("coordinator@example.org") // sets up TOTP
		e.Login("beheerder@example.org")
		move := e.Post(fmt.Sprintf("/accounts/%d/rol", c.ID), url.Values{"role": {"coordinator"}, "org": {"Amsterdam (GM0363)"}})
		webtest.WantLocation(t, move, "/accounts/")
		if a := e.AccountOf(c.Email); a.OrgCode != "GM0363" {
			t.Errorf("not moved: %+v", a)
		}
		national := e.Post(fmt.Sprintf("/accounts/%d/rol", c.ID), url.Values{"role": {"beheerder"}, "org": {"GM0363"}})
		webtest.WantStatus(t, national, http.StatusUnprocessableEntity)
		webtest.WantBody(t, national, "Deze rol hoort niet bij een organisatie.", `value="GM0363"`)
		if !e.AccountOf(c.Email).TOTPEnabled {
			t.Fatal("coördinator has no TOTP to reset")
		}
		webtest.WantLocation(t, e.Post(fmt.Sprintf("/accounts/%d/tweede-factor-herstellen", c.ID), url.Values{}), "/accounts/")
		if e.AccountOf(c.Email).TOTPEnabled {
			t.Error("TOTP still on after reset")
		}
		if e.Audits("totp.reset") != 1 {
			t.Error("reset not audited")
		}
	})
}

func TestForgedCrossOriginPostsAreRefused(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Login("coordinator@example.org")
		link := e.invite(url.Values{"name": {"Raadslid"}, "email": {"raadslid@example.org"}, "role": {"ambtsdrager"}})
		before := e.invitations()
		forged := []string{"Origin", "https://aanvaller.example", "Sec-Fetch-Site", "cross-site"}
		for _, c := range []struct {
			path string
			form url.Values
		}{
			{"/accounts/uitnodigen", url.Values{"name": {"X"}, "email": {"x@example.org"}, "role": {"coordinator"}}},
			{link, url.Values{"name": {"X"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword}}},
			{"/account/uitloggen-overal", url.Values{}},
			{"/account/wachtwoord", url.Values{"huidig": {webtest.TestPassword}, "password": {"nog een lange testzin"}, "herhaling": {"nog een lange testzin"}}},
		} {
			r := e.Post(c.path, c.form, forged...)
			webtest.WantStatus(t, r, http.StatusForbidden)
			webtest.WantBody(t, r, "Verzoek geweigerd")
		}
		if n := e.invitations(); n != before {
			t.Errorf("forged invitation stored: %d → %d", before, n)
		}
		webtest.WantStatus(t, e.Get(link), http.StatusOK) // the link still works
		webtest.WantStatus(t, e.Get("/accounts"), http.StatusOK)
		if !strings.Contains(e.Get("/accounts").Body, "raadslid@example.org") {
			t.Error("the open invitation is not listed")
		}
	})
}

func TestLongAccountListIsPaged(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.Account("beheerder@example.org", auth.RoleAdmin, "")
	for i := range accounts.AccountsPerPage + 5 {
		e.Account(fmt.Sprintf("lid%03d@example.org", i), auth.RoleMember, "GM0344")
	}
	e.Login("beheerder@example.org")
	first := e.Get("/accounts?org=GM0344")
	webtest.WantBody(t, first, "lid000@example.org", `href="/accounts?org=GM0344&amp;pagina=2"`)
	webtest.WantNotInBody(t, first, "lid054@example.org")
	second := e.Get("/accounts?org=GM0344&pagina=2")
	webtest.WantBody(t, second, "lid054@example.org", `aria-current="page"`)
	webtest.WantNotInBody(t, second, "lid000@example.org")
	webtest.WantStatus(t, e.Get("/accounts?pagina=999"), http.StatusOK)
}
