package web

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"weerbaar/internal/store/storetest"
)

func TestEveryResponseCarriesTheSecurityHeaders(t *testing.T) {
	e := shellEnv(t)
	responses := map[string]*result{
		"page":         e.get("/login"),
		"404":          e.get("/bestaat-niet"),
		"static file":  e.get("/static/weerbaar-theme.css"),
		"forged POST":  e.post("/login", url.Values{}, "Sec-Fetch-Site", "cross-site"),
		"redirect":     e.get("/"),
		"lang switch":  e.get("/taal/en"),
		"unknown lang": e.get("/taal/fr"),
	}
	for name, r := range responses {
		t.Run(name, func(t *testing.T) {
			h := r.Header
			if got := h.Get("Content-Security-Policy"); got != contentSecurityPolicy {
				t.Errorf("CSP = %q", got)
			}
			if csp := h.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
				t.Errorf("CSP allows inline code: %q", csp)
			}
			for hdr, want := range map[string]string{
				"X-Content-Type-Options": "nosniff",
				"Referrer-Policy":        "no-referrer",
				"X-Frame-Options":        "DENY",
			} {
				if got := h.Get(hdr); got != want {
					t.Errorf("%s = %q, want %q", hdr, got, want)
				}
			}
			if h.Get("Strict-Transport-Security") != "" {
				t.Error("HSTS sent over plain HTTP")
			}
		})
	}
}

func TestHSTSOnlyWhenServedOverTLS(t *testing.T) {
	tlsEnv := newEnv(t, storetest.SQLite(t), true)
	if got := tlsEnv.get("/login").Header.Get("Strict-Transport-Security"); !strings.HasPrefix(got, "max-age=") {
		t.Errorf("over TLS: HSTS = %q", got)
	}
	proxied := shellEnv(t, func(o *Options) { o.HTTPS = true })
	if got := proxied.get("/login").Header.Get("Strict-Transport-Security"); got == "" {
		t.Error("behind a declared HTTPS proxy: no HSTS")
	}
	if got := shellEnv(t).get("/login").Header.Get("Strict-Transport-Security"); got != "" {
		t.Errorf("plain HTTP: HSTS = %q", got)
	}
}

func TestPagesAreNeverStored(t *testing.T) {
	e := shellEnv(t)
	for _, path := range []string{"/login", "/bestaat-niet"} {
		if got := e.get(path).Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control = %q, want no-store", path, got)
		}
	}
}

func TestCrossOriginFormPostIsRefused(t *testing.T) {
	e := shellEnv(t)
	e.account("lid@example.org", "ambtsdrager", "GM0344")
	form := url.Values{"email": {"lid@example.org"}, "wachtwoord": {testPassword}}
	tests := []struct {
		name string
		hdr  []string
		want int
	}{
		{"browser says cross-site", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"browser says same-site other origin", []string{"Sec-Fetch-Site", "same-site"}, http.StatusForbidden},
		{"older browser sends foreign Origin", []string{"Sec-Fetch-Site", "", "Origin", "https://kwaadwillend.example"}, http.StatusForbidden},
		{"same origin", nil, http.StatusSeeOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.post("/login", form, tt.hdr...)
			wantStatus(t, r, tt.want)
			if tt.want == http.StatusForbidden {
				wantBody(t, r, "Verzoek geweigerd", `class="utrecht-page-layout"`)
				if cookie(r, cookieSession) != nil {
					t.Error("refused login still set a session cookie")
				}
			} else if cookie(r, cookieSession) == nil {
				t.Error("same-origin login set no session cookie")
			}
		})
	}
	t.Run("logout from another site", func(t *testing.T) {
		r := e.post("/logout", url.Values{}, "Sec-Fetch-Site", "cross-site")
		wantStatus(t, r, http.StatusForbidden)
		if got := e.get("/"); got.StatusCode != http.StatusOK {
			t.Errorf("session gone after a forged logout: status %d", got.StatusCode)
		}
	})
}

func TestUnknownPageIsADutch404InTheShell(t *testing.T) {
	e := shellEnv(t)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		req, _ := http.NewRequest(method, e.srv.URL+"/geen/pagina", nil)
		r := e.do(req)
		wantStatus(t, r, http.StatusNotFound)
		wantBody(t, r, `<html lang="nl"`, "Pagina niet gevonden", `href="#inhoud"`, `<main`, `<header`, `<footer`)
	}
}

func TestPanicShowsTheServerErrorPageWithoutDetails(t *testing.T) {
	e := shellEnv(t)
	var logged strings.Builder
	e.web.log = slog.New(slog.NewTextHandler(&logged, nil))
	h := e.web.securityHeaders(e.web.withLanguage(e.web.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("geheime interne toestand")
	}))))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != http.StatusInternalServerError {
		t.Fatalf("status %d", rec.Code)
	}
	if strings.Contains(string(body), "geheime") || strings.Contains(string(body), "goroutine") {
		t.Error("the error page shows the panic")
	}
	if !strings.Contains(string(body), "Er ging iets mis") || rec.Header().Get("Content-Security-Policy") == "" {
		t.Error("no Dutch 500 page with headers")
	}
	if !strings.Contains(logged.String(), "geheime interne toestand") {
		t.Error("the panic was not logged")
	}
}

func TestLanguageSwitchIsRememberedOnEveryPage(t *testing.T) {
	e := shellEnv(t)
	nl := e.get("/login")
	wantBody(t, nl, `<html lang="nl"`, "Inloggen", `href="/taal/en?terug=%2Flogin"`, `hreflang="en"`)

	sw := e.get("/taal/en?terug=/login")
	wantStatus(t, sw, http.StatusSeeOther)
	if loc := sw.Header.Get("Location"); loc != "/login" {
		t.Errorf("back to %q, want /login", loc)
	}
	if c := cookie(sw, cookieLang); c == nil || c.Value != "en" || !c.HttpOnly || c.MaxAge < 300*24*3600 {
		t.Errorf("language cookie = %+v", c)
	}
	en := e.get("/login")
	wantBody(t, en, `<html lang="en"`, "Log in", "E-mail address", `lang="nl" hreflang="nl"`)
	wantBody(t, e.get("/weg"), "Page not found")

	e.get("/taal/nl")
	wantBody(t, e.get("/login"), `<html lang="nl"`)
}

func TestLanguageSwitchOnlyReturnsToThisSite(t *testing.T) {
	e := shellEnv(t)
	for _, back := range []string{"https://kwaadwillend.example/", "//kwaadwillend.example", "/\\kwaadwillend.example", "javascript:alert(1)"} {
		r := e.get("/taal/en?terug=" + url.QueryEscape(back))
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("terug=%q sends to %q, want /", back, loc)
		}
	}
}

func TestStaticFilesHaveContentHashesAndLongCache(t *testing.T) {
	e := shellEnv(t)
	page := e.get("/login")
	m := regexp.MustCompile(`href="(/static/weerbaar-theme\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(page.body)
	if m == nil {
		t.Fatalf("no hashed theme link in:\n%s", page.body)
	}
	r := e.get(m[1])
	wantStatus(t, r, http.StatusOK)
	if cc := r.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
		t.Errorf("hashed file Cache-Control = %q", cc)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("Content-Type = %q", ct)
	}
	etag := r.Header.Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	wantStatus(t, e.get(m[1], "If-None-Match", etag), http.StatusNotModified)
	plain := e.get("/static/weerbaar-theme.css")
	if cc := plain.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("unhashed file Cache-Control = %q, want no-cache (revalidate)", cc)
	}
	wantStatus(t, e.get("/static/geen.css"), http.StatusNotFound)
}

func TestStaticFilesAreSentCompressed(t *testing.T) {
	e := shellEnv(t)
	// The default transport asks for gzip and unpacks it for us, so ask
	// explicitly to see what goes over the wire.
	r := e.get("/static/weerbaar-theme.css", "Accept-Encoding", "gzip")
	if r.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q", r.Header.Get("Content-Encoding"))
	}
	if r.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("Vary = %q", r.Header.Get("Vary"))
	}
	identity := e.get("/static/weerbaar-theme.css", "Accept-Encoding", "identity")
	if len(r.body) >= len(identity.body) {
		t.Errorf("gzip %d bytes, plain %d bytes", len(r.body), len(identity.body))
	}
}
