package incident

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/valid"
	"weerbaar/internal/vault/vaulttest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// clock is a settable test clock.
type clock struct{ t time.Time }

func (c *clock) now() time.Time          { return c.t }
func (c *clock) advance(d time.Duration) { c.t = c.t.Add(d) }

// fixture is one service on one database with two real organisations
// (from the reference data) and a principal for every role.
type fixture struct {
	db    *store.DB
	svc   *Service
	clock *clock
	orgA  int64
	orgB  int64
	notes []Notification // what Options.Notify received
}

var amsterdam = mustLoc("Europe/Amsterdam")

func mustLoc(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// monday10 is Monday 23 November 2026, 10:00 in the Netherlands.
var monday10 = time.Date(2026, 11, 23, 10, 0, 0, 0, amsterdam)

func newFixture(t testing.TB, db *store.DB) *fixture {
	t.Helper()
	f := &fixture{db: db, clock: &clock{t: monday10}}
	f.svc = New(db, vaulttest.New(t, db), audit.New(db), Options{
		Now:    f.clock.now,
		Notify: func(_ context.Context, _ int64, n Notification) { f.notes = append(f.notes, n) },
	})
	rows, err := db.QueryContext(context.Background(),
		`SELECT id FROM organisations WHERE kind = 'gemeente' ORDER BY id LIMIT 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	if len(ids) != 2 {
		t.Fatalf("need two gemeenten in the reference data, got %d", len(ids))
	}
	f.orgA, f.orgB = ids[0], ids[1]
	return f
}

// Principals: account ids 1.. by role and organisation.
func (f *fixture) member(id int64, org int64) *auth.Principal {
	return &auth.Principal{AccountID: id, OrgID: org, Role: auth.RoleMember}
}
func (f *fixture) coordinator(org int64) *auth.Principal {
	return &auth.Principal{AccountID: 100 + org, OrgID: org, Role: auth.RoleCoordinator}
}
func (f *fixture) role(r auth.Role, org int64) *auth.Principal {
	return &auth.Principal{AccountID: 900 + int64(len(r)) + org, OrgID: org, Role: r}
}

// report is a complete, valid report by the victim themselves.
func (f *fixture) report() *Incident {
	return &Incident{
		Mode:          ModeSelf,
		VictimRole:    RoleWethouder,
		OccurredAt:    f.clock.t.Add(-2 * time.Hour),
		Place:         Place{Kind: PlacePublic, Detail: "Markt, bij het stadhuis"},
		Description:   "Een inwoner schreeuwde dat hij weet waar ik woon.",
		Kinds:         []Kind{KindThreat, KindVerbal},
		Perpetrator:   Perpetrator{Kind: PerpetratorKnown, Description: "Man, ongeveer 50, bekend van de inspraakavond"},
		Witnesses:     "Bode van het stadhuis (demo)",
		Impact:        Impact{Personal: "Ik slaap slecht.", FeelsUnsafe: true},
		WantsAangifte: true,
	}
}

func (f *fixture) submit(t testing.TB, p *auth.Principal, inc *Incident) *Incident {
	t.Helper()
	got, err := f.svc.Submit(context.Background(), p, inc, "")
	if err != nil {
		t.Fatalf("submit: %v", err)
	}
	return got
}

func fieldCodes(t *testing.T, err error) map[string]string {
	t.Helper()
	v, ok := valid.As(err)
	if !ok {
		t.Fatalf("want valid.Error, got %v", err)
	}
	out := map[string]string{}
	for _, p := range v.Problems {
		out[p.Field] = p.Code
	}
	return out
}

func wantForbidden(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, ErrForbidden) {
		t.Fatalf("want ErrForbidden, got %v", err)
	}
}

func countAudit(t testing.TB, db *store.DB, action string, id int64) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM audit_log
		WHERE action = $1 AND object_id = $2`, action, itoa(id)).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func itoa(id int64) string {
	if id == 0 {
		return ""
	}
	return strconv.FormatInt(id, 10)
}
