package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestMemberLogsInWithPasswordAndSeesTheStartPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.account("lid@example.org", auth.RoleMember, "GM0344")
		r := e.post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {testPassword}, "terug": {"/"}})
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("after login to %q", loc)
		}
		c := cookie(r, cookieSession)
		if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" {
			t.Fatalf("session cookie = %+v", c)
		}
		start := e.get("/")
		wantStatus(t, start, http.StatusOK)
		wantBody(t, start, "Welkom,", "Melding maken", "Mijn meldingen", "Uitloggen", `action="/logout"`,
			"Tip: maak inloggen veiliger met een tweede stap")
		wantNotInBody(t, e.get("/"), "Tip: maak inloggen veiliger")
		if got := start.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("start page Cache-Control = %q", got)
		}
	})
}

func TestWrongPasswordAndUnknownAddressGetTheSameAnswer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.account("lid@example.org", auth.RoleMember, "GM0344")
		wrong := e.post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {"niet het goede wachtwoord"}})
		unknown := e.post("/login", url.Values{"email": {"niemand@example.org"}, "wachtwoord": {"niet het goede wachtwoord"}})
		for _, r := range []*result{wrong, unknown} {
			wantStatus(t, r, http.StatusUnauthorized)
			wantBody(t, r, "Het e-mailadres of het wachtwoord klopt niet.", `role="alert"`)
			if cookie(r, cookieSession) != nil {
				t.Error("failed login set a session cookie")
			}
		}
		if strings.ReplaceAll(wrong.body, "lid@example.org", "X") != strings.ReplaceAll(unknown.body, "niemand@example.org", "X") {
			t.Error("the pages for a wrong password and an unknown address differ")
		}
	})
}

func TestLoginFormKeepsTheAddressAndMarksMissingFields(t *testing.T) {
	e := shellEnv(t)
	r := e.post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {""}})
	wantStatus(t, r, http.StatusUnprocessableEntity)
	wantBody(t, r,
		`value="lid@example.org"`,
		`id="veld-wachtwoord-fout"`, "Vul uw wachtwoord in.",
		`aria-invalid="true" aria-describedby="veld-wachtwoord-fout"`,
		`href="#veld-wachtwoord"`, "utrecht-form-field--invalid")
	pw := e.post("/login", url.Values{"email": {""}, "wachtwoord": {"geheim wachtwoord"}})
	wantNotInBody(t, pw, "geheim wachtwoord")
}

func TestRepeatedFailedLoginsAreRateLimitedWithAClearMessage(t *testing.T) {
	e := shellEnv(t)
	e.account("lid@example.org", auth.RoleMember, "GM0344")
	bad := url.Values{"email": {"lid@example.org"}, "wachtwoord": {"niet het goede wachtwoord"}}
	for i := 0; i < auth.MaxAccountFailures; i++ {
		wantStatus(t, e.post("/login", bad), http.StatusUnauthorized)
	}
	r := e.post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {testPassword}})
	wantStatus(t, r, http.StatusTooManyRequests)
	wantBody(t, r, "te vaak geprobeerd")
}

func TestCoordinatorSetsUpTOTPThenLogsInWithACode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		r := e.post("/login", url.Values{"email": {"coordinator@example.org"}, "wachtwoord": {testPassword}, "terug": {"/"}})
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); !strings.HasPrefix(loc, "/login/totp") {
			t.Fatalf("coordinator without TOTP sent to %q", loc)
		}
		if cookie(r, cookieSession) != nil {
			t.Fatal("session before the second factor")
		}
		setup := e.get(r.Header.Get("Location"))
		wantStatus(t, setup, http.StatusOK)
		wantBody(t, setup, "otpauth://totp/", `src="data:image/png;base64,`, "Geheime sleutel")
		secret := secretRE.FindStringSubmatch(setup.body)[1]

		wrong := e.post("/login/totp", url.Values{"code": {"000000"}, "geheim": {secret}, "koppeling": {"otpauth://totp/x"}})
		wantStatus(t, wrong, http.StatusUnprocessableEntity)
		wantBody(t, wrong, "Deze code klopt niet", secret)

		done := e.post("/login/totp", url.Values{"code": {e.code(secret)}, "geheim": {secret}, "koppeling": {"otpauth://totp/x"}, "terug": {"/"}})
		wantStatus(t, done, http.StatusOK)
		wantBody(t, done, "Uw herstelcodes")
		if cookie(done, cookieSession) == nil {
			t.Fatal("no session after TOTP set-up")
		}
		wantBody(t, e.get("/"), "Meldingen van de organisatie")

		wantStatus(t, e.post("/logout", url.Values{}), http.StatusSeeOther)
		e.clk.Add(time.Minute) // the set-up code may not be used again
		again := e.post("/login", url.Values{"email": {"coordinator@example.org"}, "wachtwoord": {testPassword}})
		if loc := again.Header.Get("Location"); !strings.HasPrefix(loc, "/login/code") {
			t.Fatalf("second login sent to %q", loc)
		}
		wantBody(t, e.get("/login/code"), "Code invoeren", `autocomplete="one-time-code"`)
		bad := e.post("/login/code", url.Values{"code": {"000000"}})
		wantStatus(t, bad, http.StatusUnprocessableEntity)
		wantBody(t, bad, "Deze code klopt niet")
		ok := e.post("/login/code", url.Values{"code": {e.code(secret)}, "terug": {"/"}})
		wantStatus(t, ok, http.StatusSeeOther)
		if cookie(ok, cookieSession) == nil {
			t.Fatal("no session after the code")
		}
		wantStatus(t, e.get("/"), http.StatusOK)
	})
}

func TestCodeStepWithoutPasswordStepStartsOver(t *testing.T) {
	e := shellEnv(t)
	for _, r := range []*result{e.get("/login/code"), e.post("/login/code", url.Values{"code": {"123456"}}), e.get("/login/totp")} {
		wantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/login" {
			t.Errorf("%s sends to %q", r.Request.URL.Path, loc)
		}
	}
	wantBody(t, e.get("/login"), "Het inloggen duurde te lang")
}

func TestLogoutEndsTheSessionAndSaysSoOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.account("lid@example.org", auth.RoleMember, "GM0344")
		e.login("lid@example.org")
		u, _ := url.Parse(e.srv.URL)
		token := e.client.Jar.Cookies(u)[0].Value

		r := e.post("/logout", url.Values{})
		wantStatus(t, r, http.StatusSeeOther)
		if c := cookie(r, cookieSession); c == nil || c.MaxAge >= 0 {
			t.Errorf("session cookie not removed: %+v", c)
		}
		wantBody(t, e.get("/login"), "U bent uitgelogd.")
		wantNotInBody(t, e.get("/login"), "U bent uitgelogd.")
		if _, err := e.auth.Authenticate(t.Context(), token); err == nil {
			t.Error("the old session token still works")
		}
		if r := e.get("/"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("start page after logout: status %d", r.StatusCode)
		}
	})
}

func TestStartPageSendsAnonymousVisitorsToLoginAndBack(t *testing.T) {
	e := shellEnv(t)
	r := e.get("/")
	wantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/login?terug=%2F" {
		t.Errorf("Location = %q", loc)
	}
	wantBody(t, e.get("/login?terug=%2F"), `name="terug" value="/"`)
}

func TestCookiesOverTLSUseTheHostPrefixAndSecure(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t), true)
	e.account("lid@example.org", auth.RoleMember, "GM0344")
	r := e.post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {testPassword}})
	wantStatus(t, r, http.StatusSeeOther)
	c := cookie(r, "__Host-"+cookieSession)
	if c == nil {
		t.Fatalf("no __Host- session cookie; got %v", r.Cookies())
	}
	if !c.Secure || !c.HttpOnly || c.Path != "/" || c.Domain != "" || c.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie over TLS = %+v", c)
	}
	wantStatus(t, e.get("/"), http.StatusOK)
	lang := cookie(e.get("/taal/en"), "__Host-"+cookieLang)
	if lang == nil || !lang.Secure {
		t.Errorf("language cookie over TLS = %+v", lang)
	}
}
