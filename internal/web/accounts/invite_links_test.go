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
	"weerbaar/internal/web/webtest"
)

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
