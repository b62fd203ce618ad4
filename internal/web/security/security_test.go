package security_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/security"
	"weerbaar/internal/web/webtest"
)

const newPassword = "een andere lange testzin"

func TestPersonChangesOwnPasswordAndOtherSessionsEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := webtest.Accounts(t, db)
		e.Account("lid@example.org", auth.RoleMember, "GM0344")
		other := e.Browser()
		other.Login("lid@example.org")
		e.Login("lid@example.org")

		wrong := e.Post("/account/wachtwoord", url.Values{"huidig": {"niet mijn wachtwoord"}, "password": {newPassword}, "herhaling": {newPassword}})
		webtest.WantStatus(t, wrong, http.StatusUnprocessableEntity)
		webtest.WantBody(t, wrong, `id="veld-huidig-fout"`, "Uw huidige wachtwoord klopt niet.")
		webtest.WantNotInBody(t, wrong, newPassword)
		short := e.Post("/account/wachtwoord", url.Values{"huidig": {webtest.TestPassword}, "password": {"kort"}, "herhaling": {"kort"}})
		webtest.WantStatus(t, short, http.StatusUnprocessableEntity)
		webtest.WantBody(t, short, `id="veld-password-fout"`, "minstens 12 tekens")
		differ := e.Post("/account/wachtwoord", url.Values{"huidig": {webtest.TestPassword}, "password": {newPassword}, "herhaling": {"iets anders"}})
		webtest.WantStatus(t, differ, http.StatusUnprocessableEntity)
		webtest.WantBody(t, differ, `id="veld-herhaling-fout"`)

		ok := e.Post("/account/wachtwoord", url.Values{"huidig": {webtest.TestPassword}, "password": {newPassword}, "herhaling": {newPassword}})
		webtest.WantLocation(t, ok, security.SecurityPath)
		webtest.WantBody(t, e.Get(security.SecurityPath), "Uw wachtwoord is gewijzigd")
		webtest.WantLocation(t, other.Get(security.SecurityPath), "/login")
		if _, err := e.Auth.Login(t.Context(), "lid@example.org", newPassword, "192.0.2.1:1"); err != nil {
			t.Errorf("login with the new password: %v", err)
		}
		if e.Audits("password.change") != 1 {
			t.Error("password change not audited")
		}
	})
}

var sessionFormRE = regexp.MustCompile(`action="/account/sessies/(\d+)/beeindigen"`)

func TestSessionsAreListedAndEndedOneByOneOrEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := webtest.Accounts(t, db)
		e.Account("lid@example.org", auth.RoleMember, "GM0344")
		laptop := e.Browser()
		laptop.Login("lid@example.org")
		e.Login("lid@example.org")
		page := e.Get(security.SecurityPath)
		webtest.WantStatus(t, page, http.StatusOK)
		webtest.WantBody(t, page, "Waar u bent ingelogd", "(deze browser)", "23-11-2026 10:00")
		ids := sessionFormRE.FindAllStringSubmatch(page.Body, -1)
		if len(ids) != 2 {
			t.Fatalf("%d sessions listed", len(ids))
		}
		// Newest first: this browser logged in last; end the other one.
		webtest.WantLocation(t, e.Post("/account/sessies/"+ids[1][1]+"/beeindigen", url.Values{}), security.SecurityPath)
		webtest.WantLocation(t, laptop.Get(security.SecurityPath), "/login")
		webtest.WantStatus(t, e.Get(security.SecurityPath), http.StatusOK)
		webtest.WantStatus(t, laptop.Post("/account/sessies/"+ids[0][1]+"/beeindigen", url.Values{}), http.StatusSeeOther)
		webtest.WantStatus(t, e.Get(security.SecurityPath), http.StatusOK) // a stranger's session id is not theirs to end

		laptop.Login("lid@example.org")
		everywhere := e.Post("/account/uitloggen-overal", url.Values{})
		webtest.WantLocation(t, everywhere, "/login")
		webtest.WantBody(t, e.Get("/login"), "U bent overal uitgelogd")
		webtest.WantLocation(t, e.Get(security.SecurityPath), "/login")
		webtest.WantLocation(t, laptop.Get(security.SecurityPath), "/login")
		for _, a := range []string{"session.revoke", "logout.everywhere"} {
			if e.Audits(a) != 1 {
				t.Errorf("%s audited %d times", a, e.Audits(a))
			}
		}
	})
}

var tokenRE = regexp.MustCompile(`id="api-token">(wb_[A-Za-z0-9_-]+)<`)

func TestAPITokenIsShownOnceAndAsksForRecentVerification(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := webtest.Accounts(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		secret := e.Login("coordinator@example.org")

		empty := e.Post("/account/api-tokens", url.Values{"tokennaam": {""}, "terug": {security.SecurityPath}})
		webtest.WantStatus(t, empty, http.StatusUnprocessableEntity)
		webtest.WantBody(t, empty, `id="veld-tokennaam-fout"`, "Vul dit veld in.")
		made := e.Post("/account/api-tokens", url.Values{"tokennaam": {"Rapportage (test)"}, "terug": {security.SecurityPath}})
		webtest.WantStatus(t, made, http.StatusOK)
		m := tokenRE.FindStringSubmatch(made.Body)
		if m == nil {
			t.Fatalf("no token on the page:\n%s", made.Body)
		}
		if _, err := e.Auth.AuthenticateAPIToken(t.Context(), m[1]); err != nil {
			t.Errorf("the shown token does not work: %v", err)
		}
		page := e.Get(security.SecurityPath)
		webtest.WantBody(t, page, "Rapportage (test)", m[1][:7])
		webtest.WantNotInBody(t, page, m[1])

		e.Clk.Add(16 * time.Minute)
		later := e.Post("/account/api-tokens", url.Values{"tokennaam": {"Nog een"}, "terug": {security.SecurityPath}})
		webtest.WantLocation(t, later, "/bevestigen?terug=%2Faccount%2Fbeveiliging")
		ask := e.Get(later.Header.Get("Location"))
		webtest.WantStatus(t, ask, http.StatusOK)
		webtest.WantBody(t, ask, "Bevestig dat u het bent", `name="terug" value="/account/beveiliging"`)
		wrong := e.Post("/bevestigen", url.Values{"bevestiging": {"000000"}, "terug": {security.SecurityPath}})
		webtest.WantStatus(t, wrong, http.StatusUnprocessableEntity)
		webtest.WantBody(t, wrong, "klopt niet", `id="veld-bevestiging-fout"`)
		webtest.WantLocation(t, e.Post("/bevestigen", url.Values{"bevestiging": {e.Code(secret)}, "terug": {security.SecurityPath}}), security.SecurityPath)
		webtest.WantStatus(t, e.Post("/account/api-tokens", url.Values{"tokennaam": {"Nog een"}, "terug": {security.SecurityPath}}), http.StatusOK)

		id := regexp.MustCompile(`action="/account/api-tokens/(\d+)/intrekken"`).FindAllStringSubmatch(e.Get(security.SecurityPath).Body, -1)
		if len(id) != 2 {
			t.Fatalf("%d tokens listed", len(id))
		}
		webtest.WantLocation(t, e.Post("/account/api-tokens/"+id[1][1]+"/intrekken", url.Values{}), security.SecurityPath)
		if _, err := e.Auth.AuthenticateAPIToken(t.Context(), m[1]); err == nil {
			t.Error("revoked token still works")
		}
		if e.Audits("api_token.create") != 2 || e.Audits("api_token.revoke") != 1 || e.Audits("reverify") != 1 {
			t.Error("token changes or re-verification not audited")
		}
	})
}

var codeItemRE = regexp.MustCompile(`<li class="utrecht-unordered-list__item">([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</li>`)

func TestMemberSetsUpTOTPAndMakesNewRecoveryCodesAfterReverifying(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := webtest.Accounts(t, db)
		e.Account("lid@example.org", auth.RoleMember, "GM0344")
		e.Login("lid@example.org")
		webtest.WantBody(t, e.Get(security.SecurityPath), "Tweede stap instellen")
		setup := e.Get(security.TOTPPath)
		webtest.WantStatus(t, setup, http.StatusOK)
		secret := webtest.SecretRE.FindStringSubmatch(setup.Body)[1]
		bad := e.Post(security.TOTPPath, url.Values{"code": {"000000"}, "geheim": {secret}})
		webtest.WantStatus(t, bad, http.StatusUnprocessableEntity)
		webtest.WantBody(t, bad, "Deze code klopt niet", secret)
		done := e.Post(security.TOTPPath, url.Values{"code": {e.Code(secret)}, "geheim": {secret}})
		webtest.WantStatus(t, done, http.StatusOK)
		first := codeItemRE.FindAllStringSubmatch(done.Body, -1)
		if len(first) != auth.RecoveryCodeCount {
			t.Fatalf("%d recovery codes shown", len(first))
		}
		webtest.WantBody(t, e.Get(security.SecurityPath), "De tweede stap staat aan", "nog 10 ongebruikte herstelcodes")

		e.Clk.Add(20 * time.Minute)
		webtest.WantLocation(t, e.Post("/account/herstelcodes", url.Values{}), "/bevestigen?terug=%2Faccount%2Fbeveiliging")
		webtest.WantLocation(t, e.Get(security.TOTPPath), "/bevestigen?terug=%2Faccount%2Ftweede-factor")
		webtest.WantLocation(t, e.Post("/account/tweede-factor/uitzetten", url.Values{}), "/bevestigen")
		webtest.WantLocation(t, e.Post("/bevestigen", url.Values{"bevestiging": {webtest.TestPassword}, "terug": {security.SecurityPath}}), security.SecurityPath)
		again := e.Post("/account/herstelcodes", url.Values{})
		webtest.WantStatus(t, again, http.StatusOK)
		second := codeItemRE.FindAllStringSubmatch(again.Body, -1)
		if len(second) != auth.RecoveryCodeCount || second[0][1] == first[0][1] {
			t.Fatalf("new codes: %v", second)
		}
		webtest.WantLocation(t, e.Post("/account/tweede-factor/uitzetten", url.Values{}), security.SecurityPath)
		if e.AccountOf("lid@example.org").TOTPEnabled {
			t.Error("TOTP still on")
		}
		for _, a := range []string{"totp.set", "recovery_codes.new", "totp.reset"} {
			if e.Audits(a) != 1 {
				t.Errorf("%s audited %d times", a, e.Audits(a))
			}
		}
	})
}

func TestStaffCannotTurnTheSecondFactorOff(t *testing.T) {
	e := webtest.Accounts(t, storetest.SQLite(t))
	e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.Login("coordinator@example.org")
	webtest.WantNotInBody(t, e.Get(security.SecurityPath), "/account/tweede-factor/uitzetten")
	webtest.WantStatus(t, e.Post("/account/tweede-factor/uitzetten", url.Values{}), http.StatusForbidden)
	if !e.AccountOf("coordinator@example.org").TOTPEnabled {
		t.Error("TOTP turned off for a coördinator")
	}
}

func TestSecurityPagesNeedALogin(t *testing.T) {
	e := webtest.Accounts(t, storetest.SQLite(t))
	for _, r := range []*webtest.Result{e.Get(security.SecurityPath), e.Get(security.TOTPPath), e.Get("/bevestigen"),
		e.Post("/account/wachtwoord", url.Values{}), e.Post("/account/api-tokens", url.Values{}),
		e.Post("/account/uitloggen-overal", url.Values{}), e.Post("/bevestigen", url.Values{})} {
		webtest.WantLocation(t, r, "/login?terug=")
	}
}

func TestReverificationReturnsOnlyToPathsOnThisSite(t *testing.T) {
	e := webtest.Accounts(t, storetest.SQLite(t))
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	e.Login("lid@example.org")
	for _, back := range []string{"https://aanvaller.example/", "//aanvaller.example/x", "/\\aanvaller.example", "javascript:alert(1)"} {
		r := e.Post("/bevestigen", url.Values{"bevestiging": {webtest.TestPassword}, "terug": {back}})
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("terug=%q sends to %q", back, loc)
		}
	}
	r := e.Post("/bevestigen", url.Values{"bevestiging": {webtest.TestPassword}, "terug": {"/meldingen/12?tab=adres"}})
	webtest.WantLocation(t, r, "/meldingen/12?tab=adres")
}
