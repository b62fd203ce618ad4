package opvolging_test

import (
	"context"
	"net/http/cookiejar"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/vault/vaulttest"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
)

// Organisations of the follow-up tests: two gemeenten from the reference
// data.
const (
	orgUtrecht   = "GM0344"
	orgAmsterdam = "GM0363"
)

// fuEnv is the real web handler with the meldingen service on the same
// database and the same clock as the web server and auth, and a fake
// Notify that records what would be e-mailed.
type fuEnv struct {
	*env
	inc *incident.Service

	mu     sync.Mutex
	mailed []incident.Notification
}

func newFuEnv(t testing.TB, db *store.DB) *fuEnv {
	t.Helper()
	fe := &fuEnv{}
	now := func() time.Time { return fe.Clk.Now() }
	fe.inc = incident.New(db, vaulttest.New(t, db), audit.New(db), incident.Options{Now: now,
		Notify: func(_ context.Context, _ int64, n incident.Notification) {
			fe.mu.Lock()
			fe.mailed = append(fe.mailed, n)
			fe.mu.Unlock()
		}})
	fe.env = newEnv(t, db, false, func(o *webtest.Options) {
		o.Incidents, o.Orgs, o.Now = fe.inc, org.New(db), now
		o.Sections = opvolging.FollowUpSections(fe.inc, o.Catalog, now)
	})
	return fe
}

// principal is the auth.Principal of an account, for calling the service
// directly the way a logged-in request would.
func principal(a auth.Account) *auth.Principal {
	return &auth.Principal{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role, Name: a.Name, Email: a.Email}
}

// report submits a complete report by reporter at the env's clock; edit
// changes it first.
func (fe *fuEnv) report(reporter auth.Account, edit func(*incident.Incident)) *incident.Incident {
	fe.T.Helper()
	in := &incident.Incident{
		Mode: incident.ModeSelf, VictimRole: incident.RoleWethouder,
		OccurredAt:  fe.Clk.Now().Add(-2 * time.Hour),
		Place:       incident.Place{Kind: incident.PlacePublic, Detail: "Markt, bij het stadhuis"},
		Description: "Een inwoner schreeuwde dat hij weet waar ik woon.",
		Kinds:       []incident.Kind{incident.KindThreat},
		Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorKnown, Description: "Bekend van de inspraakavond"},
		Impact:      incident.Impact{Personal: "Ik slaap slecht.", FeelsUnsafe: true},
	}
	if edit != nil {
		edit(in)
	}
	got, err := fe.inc.Submit(context.Background(), principal(reporter), in, "")
	if err != nil {
		fe.T.Fatalf("submit: %v", err)
	}
	return got
}

// as logs in a fresh browser as email.
func (fe *fuEnv) as(email string) {
	fe.T.Helper()
	fe.Client.Jar, _ = cookiejar.New(nil)
	fe.Login(email)
}

// notifications returns the text keys of an account's notifications.
func (fe *fuEnv) notifications(accountID int64) []string {
	fe.T.Helper()
	rows, err := fe.DB.QueryContext(context.Background(),
		`SELECT text_key FROM notifications WHERE account_id = $1 ORDER BY id`, accountID)
	if err != nil {
		fe.T.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			fe.T.Fatal(err)
		}
		out = append(out, k)
	}
	return out
}

// auditCount counts audit rows with action about object id.
func (fe *fuEnv) auditCount(action, objectID string) int {
	fe.T.Helper()
	var n int
	if err := fe.DB.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log
		WHERE action = $1 AND object_id = $2`, action, objectID).Scan(&n); err != nil {
		fe.T.Fatal(err)
	}
	return n
}
