package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

func TestRequireRecentVerificationAsksAgainAfterFifteenMinutes(t *testing.T) {
	e := webtest.Accounts(t, storetest.SQLite(t))
	e.Account("lid@example.org", auth.RoleMember, "GM0344")
	e.Login("lid@example.org")
	// A page wrapped as exports and home addresses will be.
	h := e.Web.WithSession(e.Web.RequireRecentVerification(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "woonadres")
	})))
	send := func(method, target string, form url.Values) *http.Response {
		req, _ := http.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for _, c := range e.Client.Jar.Cookies(webtest.MustParse(e.Srv.URL)) {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Result()
	}
	if res := send("GET", "/export?jaar=2026", nil); res.StatusCode != http.StatusOK {
		t.Fatalf("just after login: status %d", res.StatusCode)
	}
	e.Clk.Add(15*time.Minute + time.Second)
	res := send("GET", "/export?jaar=2026", nil)
	if loc := res.Header.Get("Location"); res.StatusCode != http.StatusSeeOther || loc != "/bevestigen?terug=%2Fexport%3Fjaar%3D2026" {
		t.Fatalf("after 15 minutes: %d to %q", res.StatusCode, loc)
	}
	post := send("POST", "/export", url.Values{"terug": {"/export?jaar=2026"}})
	if loc := post.Header.Get("Location"); loc != "/bevestigen?terug=%2Fexport%3Fjaar%3D2026" {
		t.Errorf("POST after 15 minutes sent to %q", loc)
	}
	webtest.WantLocation(t, e.Post("/bevestigen", url.Values{"bevestiging": {webtest.TestPassword}, "terug": {"/export?jaar=2026"}}), "/export?jaar=2026")
	if res := send("GET", "/export?jaar=2026", nil); res.StatusCode != http.StatusOK {
		t.Errorf("after confirming: status %d", res.StatusCode)
	}
}
