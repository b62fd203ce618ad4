package web

import (
	"context"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
)

// accountsEnv is the real web handler with organisations (for the
// picker) and the web's clock set to the test clock, so re-verification
// ages with it.
func accountsEnv(t *testing.T, db *store.DB, opts ...envOption) *env {
	t.Helper()
	opts = append([]envOption{func(o *Options) { o.Orgs = org.New(db) }}, opts...)
	e := newEnv(t, db, false, opts...)
	e.web.now = e.clk.Now
	return e
}

// browser is a second browser on the same server: its own cookies.
func (e *env) browser() *env {
	e.t.Helper()
	b := *e
	jar, _ := cookiejar.New(nil)
	b.client = &http.Client{Transport: e.srv.Client().Transport, Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &b
}

var inviteLinkRE = regexp.MustCompile(`id="uitnodigingslink">([^<]+)<`)

// invite posts the invitation form and returns the path of the link.
func (e *env) invite(form url.Values) string {
	e.t.Helper()
	r := e.post("/accounts/uitnodigen", form)
	if r.StatusCode != http.StatusOK {
		e.t.Fatalf("invite: status %d\n%s", r.StatusCode, r.body)
	}
	m := inviteLinkRE.FindStringSubmatch(r.body)
	if m == nil {
		e.t.Fatalf("no link on the page:\n%s", r.body)
	}
	if !strings.HasPrefix(m[1], e.srv.URL+"/uitnodiging/") {
		e.t.Fatalf("link %q is not on this server", m[1])
	}
	return strings.TrimPrefix(m[1], e.srv.URL)
}

// accountID returns the id of the account with email.
func (e *env) accountID(email string) int64 {
	e.t.Helper()
	a, err := e.auth.FindAccountByEmail(context.Background(), nil, email)
	if err != nil {
		e.t.Fatalf("account %s: %v", email, err)
	}
	return a.ID
}

// accountOf returns the account with email as stored.
func (e *env) accountOf(email string) auth.Account {
	e.t.Helper()
	a, err := e.auth.FindAccountByEmail(context.Background(), nil, email)
	if err != nil {
		e.t.Fatalf("account %s: %v", email, err)
	}
	return a
}

// audits counts audit rows with action.
func (e *env) audits(action string) int {
	e.t.Helper()
	var n int
	if err := e.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log WHERE action = $1`, action).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// invitations counts invitation rows.
func (e *env) invitations() int {
	e.t.Helper()
	var n int
	if err := e.db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM invitations`).Scan(&n); err != nil {
		e.t.Fatal(err)
	}
	return n
}

func wantLocation(t *testing.T, r *result, prefix string) {
	t.Helper()
	if loc := r.Header.Get("Location"); r.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		t.Fatalf("%s %s: status %d to %q, want 303 to %q…\n%s", r.Request.Method, r.Request.URL.Path,
			r.StatusCode, loc, prefix, r.body)
	}
}
