package web_test

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
	"weerbaar/internal/web"
	"weerbaar/internal/web/webtest"
)

func TestEveryResponseCarriesTheSecurityHeaders(t *testing.T) {
	e := webtest.Shell(t)
	responses := map[string]*webtest.Result{
		"page":         e.Get("/login"),
		"404":          e.Get("/bestaat-niet"),
		"static file":  e.Get("/static/weerbaar-theme.css"),
		"forged POST":  e.Post("/login", url.Values{}, "Sec-Fetch-Site", "cross-site"),
		"redirect":     e.Get("/"),
		"lang switch":  e.Get("/taal/en"),
		"unknown lang": e.Get("/taal/fr"),
	}
	for name, r := range responses {
		t.Run(name, func(t *testing.T) {
			h := r.Header
			if got := h.Get("Content-Security-Policy"); got != web.ContentSecurityPolicy {
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
	if got := tlsEnv.Get("/login").Header.Get("Strict-Transport-Security"); !strings.HasPrefix(got, "max-age=") {
		t.Errorf("over TLS: HSTS = %q", got)
	}
	proxied := webtest.Shell(t, func(o *webtest.Options) { o.HTTPS = true })
	if got := proxied.Get("/login").Header.Get("Strict-Transport-Security"); got == "" {
		t.Error("behind a declared HTTPS proxy: no HSTS")
	}
	if got := webtest.Shell(t).Get("/login").Header.Get("Strict-Transport-Security"); got != "" {
		t.Errorf("plain HTTP: HSTS = %q", got)
	}
}

func TestPagesAreNeverStored(t *testing.T) {
	e := webtest.Shell(t)
	for _, path := range []string{"/login", "/bestaat-niet"} {
		if got := e.Get(path).Header.Get("Cache-Control"); got != "no-store" {
			t.Errorf("%s: Cache-Control = %q, want no-store", path, got)
		}
	}
}

func TestCrossOriginFormPostIsRefused(t *testing.T) {
	e := webtest.Shell(t)
	e.Account("lid@example.org", "ambtsdrager", "GM0344")
	form := url.Values{"email": {"lid@example.org"}, "wachtwoord": {webtest.TestPassword}}
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
			r := e.Post("/login", form, tt.hdr...)
			webtest.WantStatus(t, r, tt.want)
			if tt.want == http.StatusForbidden {
				webtest.WantBody(t, r, "Verzoek geweigerd", `class="utrecht-page-layout"`)
				if webtest.Cookie(r, web.CookieSession) != nil {
					t.Error("refused login still set a session cookie")
				}
			} else if webtest.Cookie(r, web.CookieSession) == nil {
				t.Error("same-origin login set no session cookie")
			}
		})
	}
	t.Run("logout from another site", func(t *testing.T) {
		r := e.Post("/logout", url.Values{}, "Sec-Fetch-Site", "cross-site")
		webtest.WantStatus(t, r, http.StatusForbidden)
		if got := e.Get("/"); got.StatusCode != http.StatusOK {
			t.Errorf("session gone after a forged logout: status %d", got.StatusCode)
		}
	})
}

func TestUnknownPageIsADutch404InTheShell(t *testing.T) {
	e := webtest.Shell(t)
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		req, _ := http.NewRequest(method, e.Srv.URL+"/geen/pagina", nil)
		r := e.Do(req)
		webtest.WantStatus(t, r, http.StatusNotFound)
		webtest.WantBody(t, r, `<html lang="nl"`, "Pagina niet gevonden", `href="#inhoud"`, `<main`, `<header`, `<footer`)
	}
}

func TestPanicShowsTheServerErrorPageWithoutDetails(t *testing.T) {
	e := webtest.Shell(t)
	var logged strings.Builder
	e.Web.SetLog(slog.New(slog.NewTextHandler(&logged, nil)))
	h := e.Web.SecurityHeaders(e.Web.WithLanguage(e.Web.RecoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
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
	e := webtest.Shell(t)
	nl := e.Get("/login")
	webtest.WantBody(t, nl, `<html lang="nl"`, "Inloggen", `href="/taal/en?terug=%2Flogin"`, `hreflang="en"`)

	sw := e.Get("/taal/en?terug=/login")
	webtest.WantStatus(t, sw, http.StatusSeeOther)
	if loc := sw.Header.Get("Location"); loc != "/login" {
		t.Errorf("back to %q, want /login", loc)
	}
	if c := webtest.Cookie(sw, web.CookieLang); c == nil || c.Value != "en" || !c.HttpOnly || c.MaxAge < 300*24*3600 {
		t.Errorf("language cookie = %+v", c)
	}
	en := e.Get("/login")
	webtest.WantBody(t, en, `<html lang="en"`, "Log in", "E-mail address", `lang="nl" hreflang="nl"`)
	webtest.WantBody(t, e.Get("/weg"), "Page not found")

	e.Get("/taal/nl")
	webtest.WantBody(t, e.Get("/login"), `<html lang="nl"`)
}

func TestLanguageSwitchOnlyReturnsToThisSite(t *testing.T) {
	e := webtest.Shell(t)
	for _, back := range []string{"https://kwaadwillend.example/", "//kwaadwillend.example", "/\\kwaadwillend.example", "javascript:alert(1)"} {
		r := e.Get("/taal/en?terug=" + url.QueryEscape(back))
		if loc := r.Header.Get("Location"); loc != "/" {
			t.Errorf("terug=%q sends to %q, want /", back, loc)
		}
	}
}

func TestStaticFilesHaveContentHashesAndLongCache(t *testing.T) {
	e := webtest.Shell(t)
	page := e.Get("/login")
	m := regexp.MustCompile(`href="(/static/weerbaar-theme\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(page.Body)
	if m == nil {
		t.Fatalf("no hashed theme link in:\n%s", page.Body)
	}
	r := e.Get(m[1])
	webtest.WantStatus(t, r, http.StatusOK)
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
	webtest.WantStatus(t, e.Get(m[1], "If-None-Match", etag), http.StatusNotModified)
	plain := e.Get("/static/weerbaar-theme.css")
	if cc := plain.Header.Get("Cache-Control"); cc != "no-cache" {
		t.Errorf("unhashed file Cache-Control = %q, want no-cache (revalidate)", cc)
	}
	webtest.WantStatus(t, e.Get("/static/geen.css"), http.StatusNotFound)
}

func TestStaticFilesAreSentCompressed(t *testing.T) {
	e := webtest.Shell(t)
	// The default transport asks for gzip and unpacks it for us, so ask
	// explicitly to see what goes over the wire.
	r := e.Get("/static/weerbaar-theme.css", "Accept-Encoding", "gzip")
	if r.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("Content-Encoding = %q", r.Header.Get("Content-Encoding"))
	}
	if r.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("Vary = %q", r.Header.Get("Vary"))
	}
	identity := e.Get("/static/weerbaar-theme.css", "Accept-Encoding", "identity")
	if len(r.Body) >= len(identity.Body) {
		t.Errorf("gzip %d bytes, plain %d bytes", len(r.Body), len(identity.Body))
	}
}
