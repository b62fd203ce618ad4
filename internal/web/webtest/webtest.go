// Package webtest runs the real HTML side (shell and every capability of
// internal/web/site) on a fresh database behind httptest on loopback, with
// a browser-like client, for the tests of the web packages.
package webtest

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/clocktest"
	"weerbaar/internal/i18n"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
	"weerbaar/internal/web"
	"weerbaar/internal/web/site"
)

// TestPassword is long enough and on no list of common passwords.
const TestPassword = "lange testzin voor weerbaar"

// Env is the real web handler with a real auth service on a fresh
// database, served by httptest on loopback, and a browser-like client
// that keeps cookies but does not follow redirects (tests look at them).
type Env struct {
	T      testing.TB
	DB     *store.DB
	Auth   *auth.Service
	Clk    *clocktest.Clock
	Web    *web.Server
	Srv    *httptest.Server
	Client *http.Client
}

// Options are the services and settings of an Env beyond auth; the
// capabilities whose service is nil are left out.
type Options struct {
	web.Options
	site.Deps
	// Clock is the Env's test clock (set before the options run), for
	// options that put a service on it.
	Clock *clocktest.Clock
}

// Option changes the Options of an Env before it starts.
type Option func(*Options)

// New starts an Env on db; tls serves it over HTTPS.
func New(t testing.TB, db *store.DB, tls bool, opts ...Option) *Env {
	t.Helper()
	clk := clocktest.New(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	svc := auth.NewService(db, audit.New(db), auth.Options{Now: clk.Now, Vault: vaulttest.New(t, db),
		Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 1024, Threads: 1}})
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Options: web.Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Catalog: cat, Auth: svc}}
	o.Deps.Auth, o.Clock = svc, clk
	for _, f := range opts {
		f(&o)
	}
	o.Options.Capabilities = site.Capabilities(o.Deps)
	w, err := web.New(o.Options)
	if err != nil {
		t.Fatal(err)
	}
	e := &Env{T: t, DB: db, Auth: svc, Clk: clk, Web: w}
	if tls {
		e.Srv = httptest.NewTLSServer(w)
	} else {
		e.Srv = httptest.NewServer(w)
	}
	t.Cleanup(e.Srv.Close)
	e.Client = e.Srv.Client()
	e.Client.Jar, _ = cookiejar.New(nil)
	e.Client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return e
}

// Shell is an Env on SQLite for tests of the shell itself (headers,
// errors, language), where the database is not what is being tested.
func Shell(t *testing.T, opts ...Option) *Env {
	return New(t, storetest.SQLite(t), false, opts...)
}

// Result is an answer with its body read.
type Result struct {
	*http.Response
	Body string
}

func (e *Env) Do(req *http.Request) *Result {
	e.T.Helper()
	res, err := e.Client.Do(req)
	if err != nil {
		e.T.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.T.Fatal(err)
	}
	return &Result{Response: res, Body: string(b)}
}

// Get fetches path; hdr are extra header name/value pairs.
func (e *Env) Get(path string, hdr ...string) *Result {
	e.T.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.Srv.URL+path, nil)
	SetHeaders(req, hdr)
	return e.Do(req)
}

// Post sends a form as a browser on the same site would (Sec-Fetch-Site:
// same-origin), unless hdr says otherwise.
func (e *Env) Post(path string, form url.Values, hdr ...string) *Result {
	e.T.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.Srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Origin", e.Srv.URL)
	SetHeaders(req, hdr)
	return e.Do(req)
}

func SetHeaders(req *http.Request, hdr []string) {
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
}

// Account creates an account directly in the service.
func (e *Env) Account(email string, role auth.Role, orgCode string) auth.Account {
	e.T.Helper()
	var org int64
	if orgCode != "" {
		if err := e.DB.QueryRowContext(context.Background(), `SELECT id FROM organisations WHERE code = $1`, orgCode).Scan(&org); err != nil {
			e.T.Fatalf("organisation %s: %v", orgCode, err)
		}
	}
	a, err := e.Auth.CreateAccount(context.Background(), nil, auth.NewAccount{Email: email,
		Name: string(role) + " (test)", Role: role, OrgID: org, Password: TestPassword})
	if err != nil {
		e.T.Fatalf("create %s: %v", email, err)
	}
	return a
}

// Code is the TOTP code of secret at the test clock's time.
func (e *Env) Code(secret string) string {
	e.T.Helper()
	c, err := totp.GenerateCode(secret, e.Clk.Now())
	if err != nil {
		e.T.Fatal(err)
	}
	return c
}

// SecretRE finds the TOTP secret on the set-up page.
var SecretRE = regexp.MustCompile(`name="geheim" value="([A-Z2-7]+)"`)

// Login logs in through the pages, setting up TOTP when the role needs
// it, and returns the TOTP secret ("" when none was set up).
func (e *Env) Login(email string) string {
	e.T.Helper()
	r := e.Post("/login", url.Values{"email": {email}, "wachtwoord": {TestPassword}})
	switch loc := r.Header.Get("Location"); {
	case r.StatusCode != http.StatusSeeOther:
		e.T.Fatalf("login %s: status %d", email, r.StatusCode)
	case strings.HasPrefix(loc, "/login/totp"):
		page := e.Get(loc)
		m := SecretRE.FindStringSubmatch(page.Body)
		if m == nil {
			e.T.Fatalf("no secret on the set-up page:\n%s", page.Body)
		}
		done := e.Post("/login/totp", url.Values{"code": {e.Code(m[1])}, "geheim": {m[1]},
			"koppeling": {"otpauth://totp/x"}, "terug": {"/"}})
		if done.StatusCode != http.StatusOK {
			e.T.Fatalf("totp set-up: status %d", done.StatusCode)
		}
		return m[1]
	}
	return ""
}

func MustParse(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}

// OnTestClock puts the web's clock on the test clock, so re-verification
// ages with it.
func OnTestClock(o *Options) { o.Now = o.Clock.Now }

// Accounts is an Env with the organisations (for the picker) and the web
// on the test clock.
func Accounts(t testing.TB, db *store.DB, opts ...Option) *Env {
	t.Helper()
	opts = append([]Option{func(o *Options) { o.Orgs = org.New(db) }, OnTestClock}, opts...)
	return New(t, db, false, opts...)
}

// WantLocation fails unless r is a 303 to a path starting with prefix.
func WantLocation(t *testing.T, r *Result, prefix string) {
	t.Helper()
	if loc := r.Header.Get("Location"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s %s: status %d to %q, want 303 to %q…\n%s", r.Request.Method, r.Request.URL.Path,
			r.StatusCode, loc, prefix, r.Body)
	}
}

// Browser is a second browser on the same server: its own cookies.
func (e *Env) Browser() *Env {
	e.T.Helper()
	b := *e
	jar, _ := cookiejar.New(nil)
	b.Client = &http.Client{Transport: e.Srv.Client().Transport, Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &b
}

// Request sends an empty form for POST, or a GET.
func (e *Env) Request(method, path string) *Result {
	e.T.Helper()
	if method == http.MethodPost {
		return e.Post(path, url.Values{})
	}
	return e.Get(path)
}

// AccountOf returns the account with email as stored.
func (e *Env) AccountOf(email string) auth.Account {
	e.T.Helper()
	a, err := e.Auth.FindAccountByEmail(context.Background(), nil, email)
	if err != nil {
		e.T.Fatalf("account %s: %v", email, err)
	}
	return a
}

// Audits counts audit rows with action.
func (e *Env) Audits(action string) int {
	e.T.Helper()
	var n int
	if err := e.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		e.T.Fatal(err)
	}
	return n
}

// FieldError is the error message shown next to field on a page.
func FieldError(body, field string) string {
	re := regexp.MustCompile(`id="veld-` + regexp.QuoteMeta(field) + `-fout">(.*?)</div>`)
	if m := re.FindStringSubmatch(body); m != nil {
		return m[1]
	}
	return ""
}

// MeldingHref is the reporter's path of melding id, followed by rest.
func MeldingHref(id int64, rest string) string { return fmt.Sprintf("/meldingen/%d%s", id, rest) }
