package demo_test

import (
	"context"
	"errors"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/demo"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

func deps(t *testing.T, db *store.DB) demo.Deps {
	t.Helper()
	v := vaulttest.New(t, db)
	a := audit.New(db)
	return demo.Deps{
		DB:        db,
		Auth:      auth.NewService(db, a, auth.Options{Vault: v}),
		Orgs:      org.New(db),
		Incidents: incident.New(db, v, a, incident.Options{}),
	}
}

// The printed demo logins work, and each role sees what it should: the
// Utrecht griffier the Utrecht incidents only, the raadslid their own.
func TestDemoLoginsWorkAndCoordinatorSeesOwnOrganisationOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		d := deps(t, db)
		logins, err := demo.Load(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		if len(logins) != len(demo.Logins()) {
			t.Fatalf("%d logins, want %d", len(logins), len(demo.Logins()))
		}
		step, err := d.Auth.Login(ctx, "raadslid@utrecht.example.org", demo.Password, "127.0.0.1")
		if err != nil || step.Session == "" {
			t.Fatalf("raadslid login: %+v %v", step, err)
		}
		raadslid, err := d.Auth.Authenticate(ctx, step.Session)
		if err != nil {
			t.Fatal(err)
		}
		own, err := d.Incidents.ListOwn(ctx, raadslid)
		if err != nil || len(own) != 2 {
			t.Fatalf("raadslid sees %d own incidents (%v), want 2", len(own), err)
		}
		step, err = d.Auth.Login(ctx, "griffier@utrecht.example.org", demo.Password, "127.0.0.1")
		if err != nil || !step.NeedsTOTPSetup {
			t.Fatalf("griffier must set up a second factor first: %+v %v", step, err)
		}
		utrecht, _ := d.Orgs.ByCode(ctx, "GM0344")
		amsterdam, _ := d.Orgs.ByCode(ctx, "GM0363")
		griffier := &auth.Principal{AccountID: accountID(t, db, "griffier@utrecht.example.org"), OrgID: utrecht.ID, Role: auth.RoleCoordinator}
		list, err := d.Incidents.ListForOrg(ctx, griffier, utrecht.ID, incident.Filter{})
		if err != nil || len(list.Items) != 3 {
			t.Fatalf("griffier sees %v incidents (%v), want 3", list, err)
		}
		if _, err := d.Incidents.ListForOrg(ctx, griffier, amsterdam.ID, incident.Filter{}); !errors.Is(err, incident.ErrForbidden) {
			t.Fatalf("griffier of Utrecht listing Amsterdam: %v, want ErrForbidden", err)
		}
	})
}

func TestDemoLoadsOnlyIntoAnEmptyDatabase(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		d := deps(t, db)
		if _, err := demo.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Load(ctx, d); !errors.Is(err, demo.ErrNotEmpty) {
			t.Fatalf("second load: %v, want ErrNotEmpty", err)
		}
	})
}

func accountID(t *testing.T, db *store.DB, email string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRowContext(context.Background(), `SELECT id FROM accounts WHERE email = $1`, email).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
