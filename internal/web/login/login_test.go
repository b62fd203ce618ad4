package login_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

func TestMemberLogsInWithPasswordAndSeesTheStartPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.Account("lid@example.org", auth.RoleMember, "GM0344")
		r := e.Post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {webtest.TestPassword}, "terug": {"/"}})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("after login to %q", loc)
		}
		c := webtest.Cookie(r, web.CookieSession)
		if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure || c.Path != "/" {
			t.Fatalf("session cookie = %+v", c)
		}
		start := e.Get("/")
		webtest.WantStatus(t, start, http.StatusOK)
		webtest.WantBody(t, start, "Welkom,", "Melding maken", "Mijn meldingen", "Uitloggen", `action="/logout"`,
			"Tip: maak inloggen veiliger met een tweede stap")
		webtest.WantNotInBody(t, e.Get("/"), "Tip: maak inloggen veiliger")
		if got := start.Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("start page Cache-Control = %q", got)
		}
	})
}

func TestWrongPasswordAndUnknownAddressGetTheSameAnswer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.Account("lid@example.org", auth.RoleMember, "GM0344")
		wrong := e.Post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {"niet het goede wachtwoord"}})
		unknown := e.Post("/login", url.Values{"email": {"niemand@example.org"}, "wachtwoord": {"niet het goede wachtwoord"}})
		for _, r := range []*webtest.Result{wrong, unknown} {
			webtest.WantStatus(t, r, http.StatusUnauthorized)
			webtest.WantBody(t, r, "Het e-mailadres of het wachtwoord klopt niet.", `role="alert"`)
			if webtest.Cookie(r, web.CookieSession) != nil {
				t.Error("failed login set a session cookie")
			}
		}
		if strings.ReplaceAll(wrong.Body, "lid@example.org", "X") != strings.ReplaceAll(unknown.Body, "niemand@example.org", "X") {
			t.Error("the pages for a wrong password and an unknown address differ")
		}
	})
}

func TestLoginFormKeepsTheAddressAndMarksMissingFields(t *testing.T) {
	e := webtest.Shell(t)
	r := e.Post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {""}})
	webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
	webtest.WantBody(t, r,
		`value="lid@example.org"`,
		`id="veld-wachtwoord-fout"`, "Vul uw wachtwoord in.",
		`aria-invalid="true" aria-describedby="veld-wachtwoord-fout"`,
		`href="#veld-wachtwoord"`, "utrecht-form-field--invalid")
	pw := e.Post("/login", url.Values{"email": {""}, "wachtwoord": {"geheim wachtwoord"}})
	webtest.WantNotInBody(t, pw, "geheim wachtwoord")
}

func TestRepeatedFailedLoginsAreRateLimitedWithAClearMessage(t *testing.T) {
	e := webtest.Shell(t)
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	bad := url.Values{"email": {"lid@example.org"}, "wachtwoord": {"niet het goede wachtwoord"}}
	for i := 0; i < auth.MaxAccountFailures; i++ {
		webtest.WantStatus(t, e.Post("/login", bad), http.StatusUnauthorized)
	}
	r := e.Post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {webtest.TestPassword}})
	webtest.WantStatus(t, r, http.StatusTooManyRequests)
	webtest.WantBody(t, r, "te vaak geprobeerd")
}

func TestCoordinatorSetsUpTOTPThenLogsInWithACode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		r := e.Post("/login", url.Values{"email": {"coordinator@example.org"}, "wachtwoord": {webtest.TestPassword}, "terug": {"/"}})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); !strings.HasPrefix(loc, "/login/totp") {
			t.Fatalf("coordinator without TOTP sent to %q", loc)
		}
		if webtest.Cookie(r, web.CookieSession) != nil {
			t.Fatal("session before the second factor")
		}
		setup := e.Get(r.Header.Get("Location"))
		webtest.WantStatus(t, setup, http.StatusOK)
		webtest.WantBody(t, setup, "otpauth://totp/", `src="data:image/png;base64,`, "Geheime sleutel")
		secret := webtest.SecretRE.FindStringSubmatch(setup.Body)[1]

		wrong := e.Post("/login/totp", url.Values{"code": {"000000"}, "geheim": {secret}, "koppeling": {"otpauth://totp/x"}})
		webtest.WantStatus(t, wrong, http.StatusUnprocessableEntity)
		webtest.WantBody(t, wrong, "Deze code klopt niet", secret)

		done := e.Post("/login/totp", url.Values{"code": {e.Code(secret)}, "geheim": {secret}, "koppeling": {"otpauth://totp/x"}, "terug": {"/"}})
		webtest.WantStatus(t, done, http.StatusOK)
		webtest.WantBody(t, done, "Uw herstelcodes")
		if webtest.Cookie(done, web.CookieSession) == nil {
			t.Fatal("no session after TOTP set-up")
		}
		webtest.WantBody(t, e.Get("/"), "Meldingen van de organisatie")

		webtest.WantStatus(t, e.Post("/logout", url.Values{}), http.StatusSeeOther)
		e.Clk.Add(time.Minute) // the set-up code may not be used again
		again := e.Post("/login", url.Values{"email": {"coordinator@example.org"}, "wachtwoord": {webtest.TestPassword}})
		if loc := again.Header.Get("Location"); !strings.HasPrefix(loc, "/login/code") {
			t.Fatalf("second login sent to %q", loc)
		}
		webtest.WantBody(t, e.Get("/login/code"), "Code invoeren", `autocomplete="one-time-code"`)
		bad := e.Post("/login/code", url.Values{"code": {"000000"}})
		webtest.WantStatus(t, bad, http.StatusUnprocessableEntity)
		webtest.WantBody(t, bad, "Deze code klopt niet")
		ok := e.Post("/login/code", url.Values{"code": {e.Code(secret)}, "terug": {"/"}})
		webtest.WantStatus(t, ok, http.StatusSeeOther)
		if webtest.Cookie(ok, web.CookieSession) == nil {
			t.Fatal("no session after the code")
		}
		webtest.WantStatus(t, e.Get("/"), http.StatusOK)
	})
}

func TestCodeStepWithoutPasswordStepStartsOver(t *testing.T) {
	e := webtest.Shell(t)
	for _, r := range []*webtest.Result{e.Get("/login/code"), e.Post("/login/code", url.Values{"code": {"123456"}}), e.Get("/login/totp")} {
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/login" {
			t.Errorf("%s sends to %q", r.Request.URL.Path, loc)
		}
	}
	webtest.WantBody(t, e.Get("/login"), "Het inloggen duurde te lang")
}

func TestLogoutEndsTheSessionAndSaysSoOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newEnv(t, db, false)
		e.Account("lid@example.org", auth.RoleMember, "GM0344")
		e.Login("lid@example.org")
		u, _ := url.Parse(e.Srv.URL)
		token := e.Client.Jar.Cookies(u)[0].Value

		r := e.Post("/logout", url.Values{})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if c := webtest.Cookie(r, web.CookieSession); c == nil || c.MaxAge >= 0 {
			t.Errorf("session cookie not removed: %+v", c)
		}
		webtest.WantBody(t, e.Get("/login"), "U bent uitgelogd.")
		webtest.WantNotInBody(t, e.Get("/login"), "U bent uitgelogd.")
		if _, err := e.Auth.Authenticate(t.Context(), token); err == nil {
			t.Error("the old session token still works")
		}
		if r := e.Get("/account/beveiliging"); r.StatusCode != http.StatusSeeOther {
			t.Errorf("own page after logout: status %d", r.StatusCode)
		}
	})
}

func TestOwnPagesSendAnonymousVisitorsToLoginAndBack(t *testing.T) {
	e := webtest.Shell(t)
	r := e.Get("/account/beveiliging")
	webtest.WantStatus(t, r, http.StatusSeeOther)
	if loc := r.Header.Get("Location"); loc != "/login?terug=%2Faccount%2Fbeveiliging" {
		t.Errorf("Location = %q", loc)
	}
	webtest.WantBody(t, e.Get("/login?terug=%2Faccount%2Fbeveiliging"), `name="terug" value="/account/beveiliging"`)
}

func TestCookiesOverTLSUseTheHostPrefixAndSecure(t *testing.T) {
	e := newEnv(t, storetest.SQLite(t), true)
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	r := e.Post("/login", url.Values{"email": {"lid@example.org"}, "wachtwoord": {webtest.TestPassword}})
	webtest.WantStatus(t, r, http.StatusSeeOther)
	c := webtest.Cookie(r, "__Host-"+web.CookieSession)
	if c == nil {
		t.Fatalf("no __Host- session cookie; got %v", r.Cookies())
	}
	if !c.Secure || !c.HttpOnly || c.Path != "/" || c.Domain != "" || c.SameSite != http.SameSiteLaxMode {
		t.Errorf("session cookie over TLS = %+v", c)
	}
	webtest.WantStatus(t, e.Get("/"), http.StatusOK)
	lang := webtest.Cookie(e.Get("/taal/en"), "__Host-"+web.CookieLang)
	if lang == nil || !lang.Secure {
		t.Errorf("language cookie over TLS = %+v", lang)
	}
}
