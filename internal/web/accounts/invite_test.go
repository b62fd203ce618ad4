package accounts_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

func TestCoordinatorInvitesAMemberWhoSetsUpTheirAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Login("coordinator@example.org")
		form := e.Get("/accounts/uitnodigen")
		webtest.WantStatus(t, form, http.StatusOK)
		webtest.WantBody(t, form, "Utrecht", `<option value="ambtsdrager" selected`, `<option value="coordinator"`)
		webtest.WantNotInBody(t, form, `<option value="beheerder"`, `name="org"`)

		created := e.Post("/accounts/uitnodigen", url.Values{"name": {"Wethouder (test)"}, "email": {"wethouder@example.org"},
			"role": {"ambtsdrager"}, "org": {"GM0363"}})
		webtest.WantStatus(t, created, http.StatusOK)
		webtest.WantBody(t, created, "Uitnodiging gemaakt", "Wethouder (test)", "30-11-2026")
		webtest.WantNotInBody(t, created, "per e-mail verstuurd")
		link := strings.TrimPrefix(inviteLinkRE.FindStringSubmatch(created.Body)[1], e.Srv.URL)
		webtest.WantBody(t, e.Get("/accounts"), "wethouder@example.org", "Openstaande uitnodigingen")

		invitee := e.Browser()
		page := invitee.Get(link)
		webtest.WantStatus(t, page, http.StatusOK)
		webtest.WantBody(t, page, "Uw account instellen", "wethouder@example.org", `value="Wethouder (test)"`,
			"ambtsdrager of medewerker", "Utrecht")
		done := invitee.Post(link, url.Values{"name": {"Wethouder Utrecht (test)"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword}})
		webtest.WantLocation(t, done, "/")
		if webtest.Cookie(done, web.CookieSession) == nil {
			t.Fatal("no session after accepting")
		}
		start := invitee.Get("/")
		webtest.WantStatus(t, start, http.StatusOK)
		webtest.WantBody(t, start, "Welkom bij Weerbaar", "Wethouder Utrecht (test)")
		if a := e.AccountOf("wethouder@example.org"); a.OrgCode != "GM0344" || a.Role != auth.RoleMember {
			t.Errorf("account %+v: a coördinator's invitation must be for their own organisation", a)
		}

		again := e.Browser().Get(link)
		webtest.WantStatus(t, again, http.StatusGone)
		webtest.WantBody(t, again, "Deze uitnodiging is al gebruikt")
		webtest.WantNotInBody(t, e.Get("/accounts"), "Openstaande uitnodigingen</h2>\n<table")
		for _, a := range []string{"invitation.create", "invitation.accept"} {
			if e.Audits(a) != 1 {
				t.Errorf("%s audited %d times", a, e.Audits(a))
			}
		}
		var byInviter int
		db.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM audit_log WHERE action = 'account.create' AND actor_id = $1`,
			e.accountID("coordinator@example.org")).Scan(&byInviter)
		if byInviter != 1 {
			t.Errorf("account.create by the inviter audited %d times", byInviter)
		}
	})
}

func TestCoordinatorCannotInviteABeheerder(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Login("coordinator@example.org")
		for _, role := range []string{"beheerder", "ondersteuningsteam", "secretariaat", "netwerkpartner"} {
			r := e.Post("/accounts/uitnodigen", url.Values{"name": {"X"}, "email": {"x@example.org"}, "role": {role}})
			webtest.WantStatus(t, r, http.StatusForbidden)
		}
		if n := e.invitations(); n != 0 {
			t.Errorf("%d invitations made", n)
		}
	})
}

func TestInvitedCoordinatorSetsUpTOTPAndSeesRecoveryCodesOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("beheerder@example.org", auth.RoleAdmin, "")
		e.Login("beheerder@example.org")
		form := e.Get("/accounts/uitnodigen")
		webtest.WantBody(t, form, `list="veld-org-lijst"`, `<option value="Gemeente Amsterdam (GM0363)">`, `<option value="beheerder"`)
		link := e.invite(url.Values{"name": {"Griffier (test)"}, "email": {"griffier@example.org"},
			"role": {"coordinator"}, "org": {"Amsterdam (GM0363)"}})

		b := e.Browser()
		webtest.WantBody(t, b.Get(link), "tweede stap bij het inloggen verplicht")
		accepted := b.Post(link, url.Values{"name": {"Griffier (test)"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword}})
		webtest.WantLocation(t, accepted, "/login/totp")
		if webtest.Cookie(accepted, web.CookieSession) != nil && webtest.Cookie(accepted, web.CookieSession).MaxAge >= 0 {
			t.Fatal("session before the second factor is set up")
		}
		setup := b.Get(accepted.Header.Get("Location"))
		webtest.WantStatus(t, setup, http.StatusOK)
		secret := webtest.SecretRE.FindStringSubmatch(setup.Body)[1]
		codes := b.Post("/login/totp", url.Values{"code": {b.Code(secret)}, "geheim": {secret}, "koppeling": {"otpauth://totp/x"}, "terug": {"/"}})
		webtest.WantStatus(t, codes, http.StatusOK)
		webtest.WantBody(t, codes, "Uw herstelcodes")
		webtest.WantBody(t, b.Get("/"), "Griffier (test)", "Meldingen van de organisatie")
		if a := e.AccountOf("griffier@example.org"); !a.TOTPEnabled || a.OrgCode != "GM0363" || a.Role != auth.RoleCoordinator {
			t.Errorf("account %+v", a)
		}
	})
}

func TestBeheerderPicksTheOrganisationWithoutJavaScript(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("beheerder@example.org", auth.RoleAdmin, "")
		e.Login("beheerder@example.org")
		cases := []struct {
			org, role string
			want      string // code of the organisation, or the message
		}{
			{"Utrecht (GM0344)", "coordinator", "GM0344"},
			{"gm0363", "coordinator", "GM0363"},
			{"Gemeente Utrecht", "coordinator", "GM0344"},
			{"provincie utrecht", "coordinator", "PV26"},
			{"Súdwest-Fryslân", "coordinator", "GM1900"},
			{"NVvR", "netwerkpartner", "NVvR"},
			{"", "ondersteuningsteam", ""},
			{"Nergenshuizen", "coordinator", "Geen organisatie gevonden"},
			{"Be", "coordinator", "Meer dan één organisatie past hierbij: Gemeente Be"},
			{"", "coordinator", "Kies de organisatie bij deze rol."},
			{"Utrecht (GM0344)", "beheerder", "Deze rol hoort niet bij een organisatie."},
		}
		for i, c := range cases {
			email := "genodigde" + string(rune('a'+i)) + "@example.org"
			r := e.Post("/accounts/uitnodigen", url.Values{"name": {"Genodigde (test)"}, "email": {email}, "role": {c.role}, "org": {c.org}})
			if r.StatusCode == http.StatusOK {
				var code string
				db.QueryRowContext(t.Context(), `SELECT COALESCE(o.code, '') FROM invitations i LEFT JOIN organisations o
					ON o.id = i.org_id WHERE i.email = $1`, email).Scan(&code)
				if code != c.want {
					t.Errorf("%q: invited for %q, want %q", c.org, code, c.want)
				}
				continue
			}
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.Body, c.want) {
				t.Errorf("%q as %s: status %d, want the message %q", c.org, c.role, r.StatusCode, c.want)
			}
			webtest.WantBody(t, r, `id="veld-org-fout"`, `value="`+email+`"`, `value="Genodigde (test)"`)
		}
	})
}

func TestInviteFormKeepsValuesAndShowsTheProblemNextToTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Account("bestaand@example.org", auth.RoleMember, "GM0344")
		e.Login("coordinator@example.org")
		r := e.Post("/accounts/uitnodigen", url.Values{"name": {"Raadslid (test)"}, "email": {"raadslid@@example"}, "role": {"coordinator"}})
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		webtest.WantBody(t, r, `value="Raadslid (test)"`, `value="raadslid@@example"`, `<option value="coordinator" selected`,
			`id="veld-email-fout"`, "Vul een geldig e-mailadres in", `href="#veld-email"`, `aria-invalid="true"`)
		taken := e.Post("/accounts/uitnodigen", url.Values{"name": {"X"}, "email": {"Bestaand@example.org"}, "role": {"ambtsdrager"}})
		webtest.WantStatus(t, taken, http.StatusUnprocessableEntity)
		webtest.WantBody(t, taken, "Er is al een account met dit e-mailadres.")
	})
}

func TestAcceptFormKeepsTheNameAndExplainsThePasswordRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Login("coordinator@example.org")
		link := e.invite(url.Values{"name": {"Raadslid"}, "email": {"raadslid@example.org"}, "role": {"ambtsdrager"}})
		b := e.Browser()
		short := b.Post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {"kort"}, "herhaling": {"kort"}})
		webtest.WantStatus(t, short, http.StatusUnprocessableEntity)
		webtest.WantBody(t, short, `value="Raadslid Utrecht"`, `id="veld-password-fout"`, "minstens 12 tekens")
		webtest.WantNotInBody(t, short, `value="kort"`)
		common := b.Post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {"contortionist"}, "herhaling": {"contortionist"}})
		webtest.WantStatus(t, common, http.StatusUnprocessableEntity)
		webtest.WantBody(t, common, "veel gebruikt")
		differ := b.Post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword + "x"}})
		webtest.WantStatus(t, differ, http.StatusUnprocessableEntity)
		webtest.WantBody(t, differ, `id="veld-herhaling-fout"`, "niet gelijk")
		if _, err := e.Auth.FindAccountByEmail(t.Context(), nil, "raadslid@example.org"); err == nil {
			t.Error("account made from a refused form")
		}
		webtest.WantLocation(t, b.Post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword}}), "/")
	})
}
