package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

const newPassword = "een andere lange testzin"

func TestPersonChangesOwnPasswordAndOtherSessionsEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("lid@example.org", auth.RoleMember, "GM0344")
		other := e.browser()
		other.login("lid@example.org")
		e.login("lid@example.org")

		wrong := e.post("/account/wachtwoord", url.Values{"huidig": {"niet mijn wachtwoord"}, "password": {newPassword}, "herhaling": {newPassword}})
		wantStatus(t, wrong, http.StatusUnprocessableEntity)
		wantBody(t, wrong, `id="veld-huidig-fout"`, "Uw huidige wachtwoord klopt niet.")
		wantNotInBody(t, wrong, newPassword)
		short := e.post("/account/wachtwoord", url.Values{"huidig": {testPassword}, "password": {"kort"}, "herhaling": {"kort"}})
		wantStatus(t, short, http.StatusUnprocessableEntity)
		wantBody(t, short, `id="veld-password-fout"`, "minstens 12 tekens")
		differ := e.post("/account/wachtwoord", url.Values{"huidig": {testPassword}, "password": {newPassword}, "herhaling": {"iets anders"}})
		wantStatus(t, differ, http.StatusUnprocessableEntity)
		wantBody(t, differ, `id="veld-herhaling-fout"`)

		ok := e.post("/account/wachtwoord", url.Values{"huidig": {testPassword}, "password": {newPassword}, "herhaling": {newPassword}})
		wantLocation(t, ok, securityPath)
		wantBody(t, e.get(securityPath), "Uw wachtwoord is gewijzigd")
		wantLocation(t, other.get("/"), "/login")
		if _, err := e.auth.Login(t.Context(), "lid@example.org", newPassword, "192.0.2.1:1"); err != nil {
			t.Errorf("login with the new password: %v", err)
		}
		if e.audits("password.change") != 1 {
			t.Error("password change not audited")
		}
	})
}

var sessionFormRE = regexp.MustCompile(`action="/account/sessies/(\d+)/beeindigen"`)

func TestSessionsAreListedAndEndedOneByOneOrEverywhere(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("lid@example.org", auth.RoleMember, "GM0344")
		laptop := e.browser()
		laptop.login("lid@example.org")
		e.login("lid@example.org")
		page := e.get(securityPath)
		wantStatus(t, page, http.StatusOK)
		wantBody(t, page, "Waar u bent ingelogd", "(deze browser)", "23-11-2026 10:00")
		ids := sessionFormRE.FindAllStringSubmatch(page.body, -1)
		if len(ids) != 2 {
			t.Fatalf("%d sessions listed", len(ids))
		}
		// Newest first: this browser logged in last; end the other one.
		wantLocation(t, e.post("/account/sessies/"+ids[1][1]+"/beeindigen", url.Values{}), securityPath)
		wantLocation(t, laptop.get("/"), "/login")
		wantStatus(t, e.get("/"), http.StatusOK)
		wantStatus(t, laptop.post("/account/sessies/"+ids[0][1]+"/beeindigen", url.Values{}), http.StatusSeeOther)
		wantStatus(t, e.get("/"), http.StatusOK) // a stranger's session id is not theirs to end

		laptop.login("lid@example.org")
		everywhere := e.post("/account/uitloggen-overal", url.Values{})
		wantLocation(t, everywhere, "/login")
		wantBody(t, e.get("/login"), "U bent overal uitgelogd")
		wantLocation(t, e.get("/"), "/login")
		wantLocation(t, laptop.get("/"), "/login")
		for _, a := range []string{"session.revoke", "logout.everywhere"} {
			if e.audits(a) != 1 {
				t.Errorf("%s audited %d times", a, e.audits(a))
			}
		}
	})
}

var tokenRE = regexp.MustCompile(`id="api-token">(wb_[A-Za-z0-9_-]+)<`)

func TestAPITokenIsShownOnceAndAsksForRecentVerification(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		secret := e.login("coordinator@example.org")

		empty := e.post("/account/api-tokens", url.Values{"tokennaam": {""}, "terug": {securityPath}})
		wantStatus(t, empty, http.StatusUnprocessableEntity)
		wantBody(t, empty, `id="veld-tokennaam-fout"`, "Vul dit veld in.")
		made := e.post("/account/api-tokens", url.Values{"tokennaam": {"Rapportage (test)"}, "terug": {securityPath}})
		wantStatus(t, made, http.StatusOK)
		m := tokenRE.FindStringSubmatch(made.body)
		if m == nil {
			t.Fatalf("no token on the page:\n%s", made.body)
		}
		if _, err := e.auth.AuthenticateAPIToken(t.Context(), m[1]); err != nil {
			t.Errorf("the shown token does not work: %v", err)
		}
		page := e.get(securityPath)
		wantBody(t, page, "Rapportage (test)", m[1][:7])
		wantNotInBody(t, page, m[1])

		e.clk.Add(16 * time.Minute)
		later := e.post("/account/api-tokens", url.Values{"tokennaam": {"Nog een"}, "terug": {securityPath}})
		wantLocation(t, later, "/bevestigen?terug=%2Faccount%2Fbeveiliging")
		ask := e.get(later.Header.Get("Location"))
		wantStatus(t, ask, http.StatusOK)
		wantBody(t, ask, "Bevestig dat u het bent", `name="terug" value="/account/beveiliging"`)
		wrong := e.post("/bevestigen", url.Values{"bevestiging": {"000000"}, "terug": {securityPath}})
		wantStatus(t, wrong, http.StatusUnprocessableEntity)
		wantBody(t, wrong, "klopt niet", `id="veld-bevestiging-fout"`)
		wantLocation(t, e.post("/bevestigen", url.Values{"bevestiging": {e.code(secret)}, "terug": {securityPath}}), securityPath)
		wantStatus(t, e.post("/account/api-tokens", url.Values{"tokennaam": {"Nog een"}, "terug": {securityPath}}), http.StatusOK)

		id := regexp.MustCompile(`action="/account/api-tokens/(\d+)/intrekken"`).FindAllStringSubmatch(e.get(securityPath).body, -1)
		if len(id) != 2 {
			t.Fatalf("%d tokens listed", len(id))
		}
		wantLocation(t, e.post("/account/api-tokens/"+id[1][1]+"/intrekken", url.Values{}), securityPath)
		if _, err := e.auth.AuthenticateAPIToken(t.Context(), m[1]); err == nil {
			t.Error("revoked token still works")
		}
		if e.audits("api_token.create") != 2 || e.audits("api_token.revoke") != 1 || e.audits("reverify") != 1 {
			t.Error("token changes or re-verification not audited")
		}
	})
}

var codeItemRE = regexp.MustCompile(`<li class="utrecht-unordered-list__item">([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})</li>`)

func TestMemberSetsUpTOTPAndMakesNewRecoveryCodesAfterReverifying(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := accountsEnv(t, db)
		e.account("lid@example.org", auth.RoleMember, "GM0344")
		e.login("lid@example.org")
		wantBody(t, e.get(securityPath), "Tweede stap instellen")
		setup := e.get(totpPath)
		wantStatus(t, setup, http.StatusOK)
		secret := secretRE.FindStringSubmatch(setup.body)[1]
		bad := e.post(totpPath, url.Values{"code": {"000000"}, "geheim": {secret}})
		wantStatus(t, bad, http.StatusUnprocessableEntity)
		wantBody(t, bad, "Deze code klopt niet", secret)
		done := e.post(totpPath, url.Values{"code": {e.code(secret)}, "geheim": {secret}})
		wantStatus(t, done, http.StatusOK)
		first := codeItemRE.FindAllStringSubmatch(done.body, -1)
		if len(first) != auth.RecoveryCodeCount {
			t.Fatalf("%d recovery codes shown", len(first))
		}
		wantBody(t, e.get(securityPath), "De tweede stap staat aan", "nog 10 ongebruikte herstelcodes")

		e.clk.Add(20 * time.Minute)
		wantLocation(t, e.post("/account/herstelcodes", url.Values{}), "/bevestigen?terug=%2Faccount%2Fbeveiliging")
		wantLocation(t, e.get(totpPath), "/bevestigen?terug=%2Faccount%2Ftweede-factor")
		wantLocation(t, e.post("/account/tweede-factor/uitzetten", url.Values{}), "/bevestigen")
		wantLocation(t, e.post("/bevestigen", url.Values{"bevestiging": {testPassword}, "terug": {securityPath}}), securityPath)
		again := e.post("/account/herstelcodes", url.Values{})
		wantStatus(t, again, http.StatusOK)
		second := codeItemRE.FindAllStringSubmatch(again.body, -1)
		if len(second) != auth.RecoveryCodeCount || second[0][1] == first[0][1] {
			t.Fatalf("new codes: %v", second)
		}
		wantLocation(t, e.post("/account/tweede-factor/uitzetten", url.Values{}), securityPath)
		if e.accountOf("lid@example.org").TOTPEnabled {
			t.Error("TOTP still on")
		}
		for _, a := range []string{"totp.set", "recovery_codes.new", "totp.reset"} {
			if e.audits(a) != 1 {
				t.Errorf("%s audited %d times", a, e.audits(a))
			}
		}
	})
}

func TestStaffCannotTurnTheSecondFactorOff(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.login("coordinator@example.org")
	wantNotInBody(t, e.get(securityPath), "/account/tweede-factor/uitzetten")
	wantStatus(t, e.post("/account/tweede-factor/uitzetten", url.Values{}), http.StatusForbidden)
	if !e.accountOf("coordinator@example.org").TOTPEnabled {
		t.Error("TOTP turned off for a coördinator")
	}
}

func TestSecurityPagesNeedALogin(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	for _, r := range []*result{e.get(securityPath), e.get(totpPath), e.get("/bevestigen"),
		e.post("/account/wachtwoord", url.Values{}), e.post("/account/api-tokens", url.Values{}),
		e.post("/account/uitloggen-overal", url.Values{}), e.post("/bevestigen", url.Values{})} {
		wantLocation(t, r, "/login?terug=")
	}
}

func TestReverificationReturnsOnlyToPathsOnThisSite(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.account("lid@example.org", auth.RoleMember, "GM0344")
	e.login("lid@example.org")
	for _, back := range []string{"https://aanvaller.example/", "//aanvaller.example/x", "/\\aanvaller.example", "javascript:alert(1)"} {
		r := e.post("/bevestigen", url.Values{"bevestiging": {testPassword}, "terug": {back}})
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("terug=%q sends to %q", back, loc)
		}
	}
	r := e.post("/bevestigen", url.Values{"bevestiging": {testPassword}, "terug": {"/meldingen/12?tab=adres"}})
	wantLocation(t, r, "/meldingen/12?tab=adres")
}

func TestRequireRecentVerificationAsksAgainAfterFifteenMinutes(t *testing.T) {
	e := accountsEnv(t, storetest.SQLite(t))
	e.account("lid@example.org", auth.RoleMember, "GM0344")
	e.login("lid@example.org")
	// A page wrapped as exports and home addresses will be.
	h := e.web.withSession(e.web.requireRecentVerification(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "woonadres")
	})))
	send := func(method, target string, form url.Values) *http.Response {
		req, _ := http.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for _, c := range e.client.Jar.Cookies(mustParse(e.srv.URL)) {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	if res := send("GET", "/export?jaar=2026", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("just after login: status %d", res.StatusCode)
	}
	e.clk.Add(15*time.Minute + time.Second)
	res := send("GET", "/export?jaar=2026", nil)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/bevestigen?terug=%2Fexport%3Fjaar%3D2026" {
		t.Fatalf("after 15 minutes: %d to %q", res.StatusCode, loc)
	}
	post := send("POST", "/export", url.Values{"terug": {"/export?jaar=2026"}})
	if loc := post.Header.Get("Location"); loc != "/bevestigen?terug=%2Fexport%3Fjaar%3D2026" {
		t.Errorf("POST after 15 minutes sent to %q", loc)
	}
	wantLocation(t, e.post("/bevestigen", url.Values{"bevestiging": {testPassword}, "terug": {"/export?jaar=2026"}}), "/export?jaar=2026")
	if res := send("GET", "/export?jaar=2026", nil); res.StatusCode != http.StatusOK {
		t.Errorf("after confirming: status %d", res.StatusCode)
	}
}
