package web

import (
	"context"
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
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// testPassword is long enough and on no list of common passwords.
const testPassword = "lange testzin voor weerbaar"

// env is the real web handler with a real auth service on a fresh
// database, served by httptest on loopback, and a browser-like client
// that keeps cookies but does not follow redirects (tests look at them).
type env struct {
	t      testing.TB
	db     *store.DB
	auth   *auth.Service
	clk    *clocktest.Clock
	web    *Server
	srv    *httptest.Server
	client *http.Client
}

type envOption func(*Options)

func newEnv(t testing.TB, db *store.DB, tls bool, opts ...envOption) *env {
	t.Helper()
	clk := clocktest.New(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	svc := auth.NewService(db, audit.New(db), auth.Options{Now: clk.Now, Vault: vaulttest.New(t, db),
		Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 1024, Threads: 1}})
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	o := Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Catalog: cat, Auth: svc}
	for _, f := range opts {
		f(&o)
	}
	w, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, db: db, auth: svc, clk: clk, web: w}
	if tls {
		e.srv = httptest.NewTLSServer(w)
	} else {
		e.srv = httptest.NewServer(w)
	}
	t.Cleanup(e.srv.Close)
	e.client = e.srv.Client()
	e.client.Jar, _ = cookiejar.New(nil)
	e.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return e
}

// shellEnv is an env on SQLite for tests of the shell itself (headers,
// errors, language), where the database is not what is being tested.
func shellEnv(t *testing.T, opts ...envOption) *env {
	return newEnv(t, storetest.SQLite(t), false, opts...)
}

type result struct {
	*http.Response
	body string
}

func (e *env) do(req *http.Request) *result {
	e.t.Helper()
	res, err := e.client.Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	return &result{Response: res, body: string(b)}
}

// get fetches path; hdr are extra header name/value pairs.
func (e *env) get(path string, hdr ...string) *result {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
	setHeaders(req, hdr)
	return e.do(req)
}

// post sends a form as a browser on the same site would (Sec-Fetch-Site:
// same-origin), unless hdr says otherwise.
func (e *env) post(path string, form url.Values, hdr ...string) *result {
	e.t.Helper()
	req, _ := http.NewRequest(http.MethodPost, e.srv.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.Header.Set("Origin", e.srv.URL)
	setHeaders(req, hdr)
	return e.do(req)
}

func setHeaders(req *http.Request, hdr []string) {
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			req.Header.Del(hdr[i])
			continue
		}
		req.Header.Set(hdr[i], hdr[i+1])
	}
}

// account creates an account directly in the service.
func (e *env) account(email string, role auth.Role, orgCode string) auth.Account {
	e.t.Helper()
	var org int64
	if orgCode != "" {
		if err := e.db.QueryRowContext(context.Background(), `SELECT id FROM organisations WHERE code = $1`, orgCode).Scan(&org); err != nil {
			e.t.Fatalf("organisation %s: %v", orgCode, err)
		}
	}
	a, err := e.auth.CreateAccount(context.Background(), nil, auth.NewAccount{Email: email,
		Name: string(role) + " (test)", Role: role, OrgID: org, Password: testPassword})
	if err != nil {
		e.t.Fatalf("create %s: %v", email, err)
	}
	return a
}

// code is the TOTP code of secret at the test clock's time.
func (e *env) code(secret string) string {
	e.t.Helper()
	c, err := totp.GenerateCode(secret, e.clk.Now())
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

var secretRE = regexp.MustCompile(`name="geheim" value="([A-Z2-7]+)"`)

// login logs in through the pages, setting up TOTP when the role needs
// it, and returns the TOTP secret ("" when none was set up).
func (e *env) login(email string) string {
	e.t.Helper()
	r := e.post("/login", url.Values{"email": {email}, "wachtwoord": {testPassword}})
	switch loc := r.Header.Get("Location"); {
	case r.StatusCode != http.StatusSeeOther:
		e.t.Fatalf("login %s: status %d", email, r.StatusCode)
	case strings.HasPrefix(loc, "/login/totp"):
		page := e.get(loc)
		m := secretRE.FindStringSubmatch(page.body)
		if m == nil {
			e.t.Fatalf("no secret on the set-up page:\n%s", page.body)
		}
		done := e.post("/login/totp", url.Values{"code": {e.code(m[1])}, "geheim": {m[1]},
			"koppeling": {"otpauth://totp/x"}, "terug": {"/"}})
		if done.StatusCode != http.StatusOK {
			e.t.Fatalf("totp set-up: status %d", done.StatusCode)
		}
		return m[1]
	}
	return ""
}

// cookie returns the Set-Cookie of r named name, or nil.
func cookie(r *result, name string) *http.Cookie {
	for _, c := range r.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func wantStatus(t *testing.T, r *result, want int) {
	t.Helper()
	if r.StatusCode != want {
		t.Fatalf("%s %s: status %d, want %d\n%s", r.Request.Method, r.Request.URL.Path, r.StatusCode, want, r.body)
	}
}

func wantBody(t *testing.T, r *result, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(r.body, p) {
			t.Errorf("%s %s: body lacks %q", r.Request.Method, r.Request.URL.Path, p)
		}
	}
}

func wantNotInBody(t *testing.T, r *result, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if strings.Contains(r.body, p) {
			t.Errorf("%s %s: body has %q", r.Request.Method, r.Request.URL.Path, p)
		}
	}
}

func mustParse(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
