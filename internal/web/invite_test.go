package web

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
)

func TestCoordinatorInvitesAMemberWhoSetsUpTheirAccount(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.login("coordinator@example.org")
		form := e.get("/accounts/uitnodigen")
		wantStatus(t, form, http.StatusOK)
		wantBody(t, form, "Utrecht", `<option value="ambtsdrager" selected`, `<option value="coordinator"`)
		wantNotInBody(t, form, `<option value="beheerder"`, `name="org"`)

		created := e.post("/accounts/uitnodigen", url.Values{"name": {"Wethouder (test)"}, "email": {"wethouder@example.org"},
			"role": {"ambtsdrager"}, "org": {"GM0363"}})
		wantStatus(t, created, http.StatusOK)
		wantBody(t, created, "Uitnodiging gemaakt", "Wethouder (test)", "30-11-2026")
		wantNotInBody(t, created, "per e-mail verstuurd")
		link := strings.TrimPrefix(inviteLinkRE.FindStringSubmatch(created.body)[1], e.srv.URL)
		wantBody(t, e.get("/accounts"), "wethouder@example.org", "Openstaande uitnodigingen")

		invitee := e.browser()
		page := invitee.get(link)
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, "Uw account instellen", "wethouder@example.org", `value="Wethouder (test)"`,
			"ambtsdrager of medewerker", "Utrecht")
		done := invitee.post(link, url.Values{"name": {"Wethouder Utrecht (test)"}, "password": {testPassword}, "herhaling": {testPassword}})
		wantLocation(t, done, "/")
		if cookie(done, cookieSession) == nil {
			t.Fatal("no session after accepting")
		}
		start := invitee.get("/")
		wantStatus(t, start, http.StatusOK)
		wantBody(t, start, "Welkom bij Weerbaar", "Wethouder Utrecht (test)")
		if a := e.accountOf("wethouder@example.org"); a.OrgCode != "GM0344" || a.Role != auth.RoleMember {
			t.Errorf("account %+v: a coördinator's invitation must be for their own organisation", a)
		}

		again := e.browser().get(link)
		wantStatus(t, again, http.StatusGone)
		wantBody(t, again, "Deze uitnodiging is al gebruikt")
		wantNotInBody(t, e.get("/accounts"), "Openstaande uitnodigingen</h2>\n<table")
		for _, a := range []string{"invitation.create", "invitation.accept"} {
			if e.audits(a) != 1 {
				t.Errorf("%s audited %d times", a, e.audits(a))
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
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.login("coordinator@example.org")
		for _, role := range []string{"beheerder", "ondersteuningsteam", "secretariaat", "netwerkpartner"} {
			r := e.post("/accounts/uitnodigen", url.Values{"name": {"X"}, "email": {"x@example.org"}, "role": {role}})
			wantStatus(t, r, http.StatusForbidden)
		}
		if n := e.invitations(); n != 0 {
			t.Errorf("%d invitations made", n)
		}
	})
}

func TestInvitedCoordinatorSetsUpTOTPAndSeesRecoveryCodesOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("beheerder@example.org", auth.RoleAdmin, "")
		e.login("beheerder@example.org")
		form := e.get("/accounts/uitnodigen")
		wantBody(t, form, `list="veld-org-lijst"`, `<option value="Gemeente Amsterdam (GM0363)">`, `<option value="beheerder"`)
		link := e.invite(url.Values{"name": {"Griffier (test)"}, "email": {"griffier@example.org"},
			"role": {"coordinator"}, "org": {"Amsterdam (GM0363)"}})

		b := e.browser()
		wantBody(t, b.get(link), "tweede stap bij het inloggen verplicht")
		accepted := b.post(link, url.Values{"name": {"Griffier (test)"}, "password": {testPassword}, "herhaling": {testPassword}})
		wantLocation(t, accepted, "/login/totp")
		if cookie(accepted, cookieSession) != nil && cookie(accepted, cookieSession).MaxAge >= 0 {
			t.Fatal("session before the second factor is set up")
		}
		setup := b.get(accepted.Header.Get("Location"))
		wantStatus(t, setup, http.StatusOK)
		secret := secretRE.FindStringSubmatch(setup.body)[1]
		codes := b.post("/login/totp", url.Values{"code": {b.code(secret)}, "geheim": {secret}, "koppeling": {"otpauth://totp/x"}, "terug": {"/"}})
		wantStatus(t, codes, http.StatusOK)
		wantBody(t, codes, "Uw herstelcodes")
		wantBody(t, b.get("/"), "Griffier (test)", "Meldingen van de organisatie")
		if a := e.accountOf("griffier@example.org"); !a.TOTPEnabled || a.OrgCode != "GM0363" || a.Role != auth.RoleCoordinator {
			t.Errorf("account %+v", a)
		}
	})
}

func TestBeheerderPicksTheOrganisationWithoutJavaScript(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("beheerder@example.org", auth.RoleAdmin, "")
		e.login("beheerder@example.org")
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
			r := e.post("/accounts/uitnodigen", url.Values{"name": {"Genodigde (test)"}, "email": {email}, "role": {c.role}, "org": {c.org}})
			if r.StatusCode == http.StatusOK {
				var code string
				db.QueryRowContext(t.Context(), `SELECT COALESCE(o.code, '') FROM invitations i LEFT JOIN organisations o
					ON o.id = i.org_id WHERE i.email = $1`, email).Scan(&code)
				if code != c.want {
					t.Errorf("%q: invited for %q, want %q", c.org, code, c.want)
				}
				continue
			}
			if r.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(r.body, c.want) {
				t.Errorf("%q as %s: status %d, want the message %q", c.org, c.role, r.StatusCode, c.want)
			}
			wantBody(t, r, `id="veld-org-fout"`, `value="`+email+`"`, `value="Genodigde (test)"`)
		}
	})
}

func TestInviteFormKeepsValuesAndShowsTheProblemNextToTheField(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.account("bestaand@example.org", auth.RoleMember, "GM0344")
		e.login("coordinator@example.org")
		r := e.post("/accounts/uitnodigen", url.Values{"name": {"Raadslid (test)"}, "email": {"raadslid@@example"}, "role": {"coordinator"}})
		wantStatus(t, r, http.StatusUnprocessableEntity)
		wantBody(t, r, `value="Raadslid (test)"`, `value="raadslid@@example"`, `<option value="coordinator" selected`,
			`id="veld-email-fout"`, "Vul een geldig e-mailadres in", `href="#veld-email"`, `aria-invalid="true"`)
		taken := e.post("/accounts/uitnodigen", url.Values{"name": {"X"}, "email": {"Bestaand@example.org"}, "role": {"ambtsdrager"}})
		wantStatus(t, taken, http.StatusUnprocessableEntity)
		wantBody(t, taken, "Er is al een account met dit e-mailadres.")
	})
}

func TestAcceptFormKeepsTheNameAndExplainsThePasswordRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.login("coordinator@example.org")
		link := e.invite(url.Values{"name": {"Raadslid"}, "email": {"raadslid@example.org"}, "role": {"ambtsdrager"}})
		b := e.browser()
		short := b.post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {"kort"}, "herhaling": {"kort"}})
		wantStatus(t, short, http.StatusUnprocessableEntity)
		wantBody(t, short, `value="Raadslid Utrecht"`, `id="veld-password-fout"`, "minstens 12 tekens")
		wantNotInBody(t, short, `value="kort"`)
		common := b.post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {"contortionist"}, "herhaling": {"contortionist"}})
		wantStatus(t, common, http.StatusUnprocessableEntity)
		wantBody(t, common, "veel gebruikt")
		differ := b.post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {testPassword}, "herhaling": {testPassword + "x"}})
		wantStatus(t, differ, http.StatusUnprocessableEntity)
		wantBody(t, differ, `id="veld-herhaling-fout"`, "niet gelijk")
		if _, err := e.auth.FindAccountByEmail(t.Context(), nil, "raadslid@example.org"); err == nil {
			t.Error("account made from a refused form")
		}
		wantLocation(t, b.post(link, url.Values{"name": {"Raadslid Utrecht"}, "password": {testPassword}, "herhaling": {testPassword}}), "/")
	})
}

func TestInvitationLinksThatNoLongerWorkSaySoInDutch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.login("coordinator@example.org")
		expiring := e.invite(url.Values{"name": {"A"}, "email": {"a@example.org"}, "role": {"ambtsdrager"}})
		revoked := e.invite(url.Values{"name": {"B"}, "email": {"b@example.org"}, "role": {"ambtsdrager"}})
		list := e.get("/accounts")
		id := e.openInvitationID("b@example.org")
		wantBody(t, list, "/accounts/uitnodigingen/"+id+"/intrekken")
		wantLocation(t, e.post("/accounts/uitnodigingen/"+id+"/intrekken", url.Values{}), "/accounts")

		b := e.browser()
		r := b.get(revoked)
		wantStatus(t, r, http.StatusGone)
		wantBody(t, r, "Deze uitnodiging is ingetrokken")
		r = b.get("/uitnodiging/" + strings.Repeat("x", 43))
		wantStatus(t, r, http.StatusNotFound)
		wantBody(t, r, "Deze uitnodigingslink klopt niet")

		e.clk.Add(7*24*time.Hour + time.Minute)
		for _, r := range []*result{b.get(expiring), b.post(expiring, url.Values{"name": {"A"}, "password": {testPassword}, "herhaling": {testPassword}})} {
			wantStatus(t, r, http.StatusGone)
			wantBody(t, r, "Deze uitnodiging is verlopen", "7 dagen geldig")
		}
		if _, err := e.auth.FindAccountByEmail(t.Context(), nil, "a@example.org"); err == nil {
			t.Error("account made from an expired link")
		}
	})
}

func TestInvitationIsMailedWhenSMTPIsConfigured(t *testing.T) {
	smtp := mailtest.Start(t, nil)
	e := accountsEnv(t, storetest.SQLite(t), func(o *Options) {
		o.Mail = mail.New(mail.Options{Addr: smtp.Addr, From: "weerbaar@example.nl"})
		o.BaseURL = "https://weerbaar.example.nl/"
	})
	e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.login("coordinator@example.org")
	r := e.post("/accounts/uitnodigen", url.Values{"name": {"Wethouder (test)"}, "email": {"wethouder@example.org"}, "role": {"ambtsdrager"}})
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "per e-mail verstuurd naar wethouder@example.org")
	link := inviteLinkRE.FindStringSubmatch(r.body)[1]
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
	wantStatus(t, e.browser().get(strings.TrimPrefix(link, "https://weerbaar.example.nl")), http.StatusOK)
}

func TestFailingMailStillShowsTheLink(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t), func(o *Options) {
		o.Mail = mail.New(mail.Options{Addr: "127.0.0.1:1", From: "weerbaar@example.nl", Timeout: time.Second})
	})
	e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.login("coordinator@example.org")
	r := e.post("/accounts/uitnodigen", url.Values{"name": {"W"}, "email": {"w@example.org"}, "role": {"ambtsdrager"}})
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "kon niet worden verstuurd", `id="uitnodigingslink"`)
}

// openInvitationID is the id of the open invitation for email.
func (e *env) openInvitationID(email string) string {
	e.t.Helper()
	var id string
	if err := e.db.QueryRowContext(e.t.(*testing.T).Context(), `SELECT CAST(id AS TEXT) FROM invitations
		WHERE email = $1 AND revoked_at IS NULL AND accepted_at IS NULL`, email).Scan(&id); err != nil {
		e.t.Fatal(err)
	}
	return id
}

func TestAcceptingInABrowserWhereSomeoneIsLoggedInEndsTheirSession(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.login("coordinator@example.org")
	link := e.invite(url.Values{"name": {"Raadslid"}, "email": {"raadslid@example.org"}, "role": {"ambtsdrager"}})
	done := e.post(link, url.Values{"name": {"Raadslid (test)"}, "password": {testPassword}, "herhaling": {testPassword}})
	wantLocation(t, done, "/")
	start := e.get("/")
	wantBody(t, start, "Raadslid (test)", "Bescherm het extra met een tweede stap")
	wantNotInBody(t, start, "coordinator (test)")
	if n := e.audits("logout"); n != 1 {
		t.Errorf("the coördinator's session was not ended (logout audited %d times)", n)
	}
}

func TestOwnAccountPageOffersNoWayToLockOneselfOut(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	c := e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.login("coordinator@example.org")
	r := e.get(fmt.Sprintf("/accounts/%d", c.ID))
	wantStatus(t, r, http.StatusOK)
	wantBody(t, r, "Dit is uw eigen account", `href="/account/beveiliging"`)
	wantNotInBody(t, r, "/uitschakelen", "/rol")
}
