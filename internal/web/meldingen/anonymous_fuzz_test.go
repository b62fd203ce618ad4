package meldingen_test

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

// TestImpossibleDateIsRefusedAtTheFieldAndTheListStaysReadable is the
// report that took an organisation's list down: an anonymous report dated
// in the year 0. It is refused next to the date, nothing is stored, and
// the coördinator's list and a correct report after it still work.
func TestImpossibleDateIsRefusedAtTheFieldAndTheListStaysReadable(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
		e.Login("coordinator@example.org")
		for _, when := range []string{"0000-01-01T00:00", "1999-12-31T23:59", "9999-12-31T23:59"} {
			f := anonFields(orgID(t, db, "GM0344"))
			f["occurredAt"] = when
			r := e.upload("/anoniem-melden", nil, f)
			webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
			if webtest.FieldError(r.Body, "occurredAt") == "" {
				t.Errorf("%s: no message next to the date", when)
			}
		}
		if n := countRows(t, e, "incidents"); n != 0 {
			t.Fatalf("%d incidents stored, want none", n)
		}
		webtest.WantStatus(t, e.upload("/anoniem-melden", nil, anonFields(orgID(t, db, "GM0344"))), http.StatusOK)
		list := e.Get("/organisatie/meldingen")
		webtest.WantStatus(t, list, http.StatusOK)
		webtest.WantBody(t, list, "Melding ")
	})
}

func countRows(t testing.TB, e *reportEnv, table string) int {
	t.Helper()
	var n int
	if err := e.DB.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// FuzzAnonymousForm sends any text in the anonymous form's fields: either
// the form is refused (4xx) and nothing is stored, or it is accepted and
// the coördinator reads the report in the list and on its page. With plain
// `go test` the seeds run; `make fuzz` explores for a bounded time.
func FuzzAnonymousForm(f *testing.F) {
	f.Add("0000-01-01T00:00", "x", "bedreiging", "Instagram", "wethouder")
	f.Add("2026-11-22T21:00", "geldige tekst", "bedreiging", "X", "raadslid")
	f.Add("22-11-2026 21:00", "nul\x00byte", "doxing", "", "burgemeester")
	f.Add("2000-01-01T00:00", "ongeldig \xff\xfe utf-8", "bedreiging", "a\x00b", "wethouder")
	f.Add("2026-02-30T10:00", "februari", "onbekend", "", "geen-rol")
	f.Add("+002026-11-22T21:00", "jaar met teken", "bedreiging", "", "wethouder")
	e := newReportEnv(f, storetest.SQLite(f))
	e.Account("coordinator@example.org", auth.RoleCoordinator, "GM0344")
	e.Login("coordinator@example.org")
	org := strconv.FormatInt(orgID(f, e.DB, "GM0344"), 10)
	f.Fuzz(func(t *testing.T, occurredAt, description, kind, platform, role string) {
		e.T = t
		before := countRows(t, e, "incidents")
		fields := anonFields(0)
		fields["orgId"], fields["occurredAt"], fields["description"] = org, occurredAt, description
		fields["kinds"], fields["platform"], fields["victimRole"] = kind, platform, role
		r := e.upload("/anoniem-melden", nil, fields)
		after := countRows(t, e, "incidents")
		switch {
		case r.StatusCode >= 400 && r.StatusCode < 500:
			if after != before {
				t.Fatalf("refused with %d, yet %d incident(s) stored", r.StatusCode, after-before)
			}
		case r.StatusCode == http.StatusOK:
			if after != before+1 {
				t.Fatalf("accepted, but %d incidents stored", after-before)
			}
			var id int64
			if err := e.DB.QueryRowContext(t.Context(), `SELECT MAX(id) FROM incidents`).Scan(&id); err != nil {
				t.Fatal(err)
			}
			webtest.WantStatus(t, e.Get("/organisatie/meldingen"), http.StatusOK)
			webtest.WantStatus(t, e.Get(fmt.Sprintf("/organisatie/meldingen/%d", id)), http.StatusOK)
		default:
			t.Fatalf("status %d for %q", r.StatusCode, fields)
		}
	})
}
