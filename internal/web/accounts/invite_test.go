package accounts_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/mail"
	"weerbaar/internal/mail/mailtest"
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

func TestInvitationLinksThatNoLongerWorkSaySoInDutch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Login("coordinator@example.org")
		expiring := e.invite(url.Values{"name": {"A"}, "email": {"a@example.org"}, "role": {"ambtsdrager"}})
		revoked := e.invite(url.Values{"name": {"B"}, "email": {"b@example.org"}, "role": {"ambtsdrager"}})
		list := e.Get("/accounts")
		id := e.openInvitationID("b@example.org")
		webtest.WantBody(t, list, "/accounts/uitnodigingen/"+id+"/intrekken")
		webtest.WantLocation(t, e.Post("/accounts/uitnodigingen/"+id+"/intrekken", url.Values{}), "/accounts")

		b := e.Browser()
		r := b.Get(revoked)
		webtest.WantStatus(t, r, http.StatusGone)
		webtest.WantBody(t, r, "Deze uitnodiging is ingetrokken")
		r = b.Get("/uitnodiging/" + strings.Repeat("x", 43))
		webtest.WantStatus(t, r, http.StatusNotFound)
		webtest.WantBody(t, r, "Deze uitnodigingslink klopt niet")

		e.Clk.Add(7*24*time.Hour + time.Minute)
		for _, r := range []*webtest.Result{b.Get(expiring), b.Post(expiring, url.Values{"name": {"A"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword}})} {
			webtest.WantStatus(t, r, http.StatusGone)
			webtest.WantBody(t, r, "Deze uitnodiging is verlopen", "7 dagen geldig")
		}
		if _, err := e.Auth.FindAccountByEmail(t.Context(), nil, "a@example.org"); err == nil {
			t.Error("account made from an expired link")
		}
	})
}

func TestInvitationIsMailedWhenSMTPIsConfigured(t *testing.T) {
	smtp := mailtest.Start(t, nil)
	e := accountsEnv(t, storetest.SQLite(t), func(o *webtest.Options) {
		o.Mail = mail.New(mail.Options{Addr: smtp.Addr, From: "weerbaar@example.nl"})
		o.BaseURL = "https://weerbaar.example.nl/"
	})
	e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.Login("coordinator@example.org")
	r := e.Post("/accounts/uitnodigen", url.Values{"name": {"Wethouder (test)"}, "email": {"wethouder@example.org"}, "role": {"ambtsdrager"}})
	webtest.WantStatus(t, r, http.StatusOK)
	webtest.WantBody(t, r, "per e-mail verstuurd naar wethouder@example.org")
	link := inviteLinkRE.FindStringSubmatch(r.Body)[1]
	if !strings.HasPrefix(link, "https://weerbaar.example.nl/uitnodiging/") {
		t.Fatalf("link %q not on the base URL", link)
	}
	msgs := smtp.Messages()
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	m := msgs[0]
	if len(m.To) != 1 || m.To[0] != "wethouder@example.org" || m.Subject != "Uitnodiging voor Weerbaar" {
		t.Errorf("to %v subject %q", m.To, m.Subject)
	}
	for _, want := range []string{"Beste Wethouder (test),", "coordinator (test) nodigt u uit", "ambtsdrager of medewerker bij Gemeente Utrecht",
		"\n" + link + "\n", "7 dagen geldig"} {
		if !strings.Contains(m.Body, want) {
			t.Errorf("mail lacks %q:\n%s", want, m.Body)
		}
	}
	// The link in the mail works (on this server's path).
	webtest.WantStatus(t, e.Browser().Get(strings.TrimPrefix(link, "https://weerbaar.example.nl")), http.StatusOK)
}

func TestFailingMailStillShowsTheLink(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t), func(o *webtest.Options) {
		o.Mail = mail.New(mail.Options{Addr: "127.0.0.1:1", From: "weerbaar@example.nl", Timeout: time.Second})
	})
	e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.Login("coordinator@example.org")
	r := e.Post("/accounts/uitnodigen", url.Values{"name": {"W"}, "email": {"w@example.org"}, "role": {"ambtsdrager"}})
	webtest.WantStatus(t, r, http.StatusOK)
	webtest.WantBody(t, r, "kon niet worden verstuurd", `id="uitnodigingslink"`)
}

// openInvitationID is the id of the open invitation for email.
func (e *env) openInvitationID(email string) string {
	e.T.Helper()
	var id string
	if err := e.DB.QueryRowContext(e.T.(*testing.T).Context(), `SELECT CAST(id AS TEXT) FROM invitations
		WHERE email = $1 AND revoked_at IS NULL AND accepted_at IS NULL`, email).Scan(&id); err != nil {
		e.T.Fatal(err)
	}
	return id
}

func TestAcceptingInABrowserWhereSomeoneIsLoggedInEndsTheirSession(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.Login("coordinator@example.org")
	link := e.invite(url.Values{"name": {"Raadslid"}, "email": {"raadslid@example.org"}, "role": {"ambtsdrager"}})
	done := e.Post(link, url.Values{"name": {"Raadslid (test)"}, "password": {webtest.TestPassword}, "herhaling": {webtest.TestPassword}})
	webtest.WantLocation(t, done, "/")
	start := e.Get("/")
	webtest.WantBody(t, start, "Raadslid (test)", "Bescherm het extra met een tweede stap")
	webtest.WantNotInBody(t, start, "coordinator (test)")
	if n := e.Audits("logout"); n != 1 {
		t.Errorf("the coördinator's session was not ended (logout audited %d times)", n)
	}
}

func TestOwnAccountPageOffersNoWayToLockOneselfOut(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	c := e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.Login("coordinator@example.org")
	r := e.Get(fmt.Sprintf("/accounts/%d", c.ID))
	webtest.WantStatus(t, r, http.StatusOK)
	webtest.WantBody(t, r, "Dit is uw eigen account", `href="/account/beveiliging"`)
	webtest.WantNotInBody(t, r, "/uitschakelen", "/rol")
}
