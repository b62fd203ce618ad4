package api

import (
	"context"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/vault/vaulttest"
)

// testPassword is long enough and on no list of common passwords.
const testPassword = "lange testzin voor de api van weerbaar"

// fixture is the API on a fresh database with the real services, and
// accounts with API tokens: two ambtsdragers and a coördinator in Utrecht,
// a coördinator in Amsterdam, and someone of the support team.
type fixture struct {
	t     testing.TB
	ctx   context.Context
	db    *store.DB
	auth  *auth.Service
	cat   *i18n.Catalog
	srv   *testServer
	clock *testClock

	utrecht, amsterdam int64
	// tokens and accounts by name: member, member2, coordinator,
	// coordinatorAmsterdam, supportTeam.
	token   map[string]string
	account map[string]auth.Account
}

type testClock struct{ t time.Time }

func (c *testClock) now() time.Time { return c.t }

func newFixture(t testing.TB, db *store.DB) *fixture {
	t.Helper()
	ctx := context.Background()
	v := vaulttest.New(t, db)
	log := audit.New(db)
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, ctx: ctx, db: db, cat: cat, clock: &testClock{t: time.Now()},
		auth:  auth.NewService(db, log, auth.Options{Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 1024, Threads: 1}, Vault: v}),
		token: map[string]string{}, account: map[string]auth.Account{}}
	orgs := org.New(db)
	f.utrecht, f.amsterdam = f.org(orgs, "GM0344"), f.org(orgs, "GM0363")
	f.srv = newTestServer(t, Deps{Auth: f.auth, Orgs: orgs, Messages: cat, Now: f.clock.now,
		Incidents: incident.New(db, v, log, incident.Options{})})
	f.person("member", auth.RoleMember, f.utrecht)
	f.person("member2", auth.RoleMember, f.utrecht)
	f.person("coordinator", auth.RoleCoordinator, f.utrecht)
	f.person("coordinatorAmsterdam", auth.RoleCoordinator, f.amsterdam)
	f.person("supportTeam", auth.RoleSupportTeam, 0)
	return f
}

func (f *fixture) org(orgs *org.Service, code string) int64 {
	f.t.Helper()
	o, err := orgs.ByCode(f.ctx, code)
	if err != nil {
		f.t.Fatalf("organisation %s: %v", code, err)
	}
	return o.ID
}

// person creates an account (named by role, no invented people) and a
// personal API token for it.
func (f *fixture) person(name string, role auth.Role, orgID int64) {
	f.t.Helper()
	a, err := f.auth.CreateAccount(f.ctx, nil, auth.NewAccount{Email: name + "@example.nl",
		Name: string(role) + " (test " + name + ")", Role: role, OrgID: orgID, Password: testPassword})
	if err != nil {
		f.t.Fatalf("account %s: %v", name, err)
	}
	token, _, err := f.auth.CreateAPIToken(f.ctx, &auth.Principal{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}, "test")
	if err != nil {
		f.t.Fatalf("token %s: %v", name, err)
	}
	f.account[name], f.token[name] = a, token
}

// as sends a request with name's token.
func (f *fixture) as(name, method, path string, body any, header ...string) response {
	f.t.Helper()
	return f.srv.do(f.t, method, path, f.token[name], body, header...)
}

// report is a complete, valid incident body.
func report() map[string]any {
	return map[string]any{
		"occurredAt":      time.Now().Add(-2 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339),
		"placeKind":       "werk",
		"placeDetail":     "Stadhuis, balie",
		"description":     "Een bezoeker dreigde de wethouder iets aan te doen.",
		"kinds":           []string{"bedreiging", "verbale_agressie"},
		"victimRole":      "wethouder",
		"perpetratorKind": "burger_onbekend",
		"impact":          "Slecht geslapen.",
		"wantsAangifte":   true,
	}
}

// submit reports an incident as name and returns its id.
func (f *fixture) submit(name string, body map[string]any) int64 {
	f.t.Helper()
	res := f.as(name, "POST", "/api/v1/meldingen", body)
	if res.StatusCode != 201 {
		f.t.Fatalf("submit as %s: status %d: %s", name, res.StatusCode, res.body)
	}
	var doc struct{ ID int64 }
	res.decode(f.t, &doc)
	return doc.ID
}
