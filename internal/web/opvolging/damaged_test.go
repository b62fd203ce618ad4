package opvolging_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

// One melding stored damaged (a moment neither database driver can read,
// as issue 16's year 0 left behind) must not take the organisation's
// follow-up down: the list and the export show the others and warn that
// one is missing, and only the damaged melding's own page fails, clearly.
func TestADamagedMeldingLeavesTheListReadableAndSaysSo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newListFixture(t, db)
		if _, err := db.ExecContext(context.Background(),
			`UPDATE incidents SET occurred_at = '-0001-12-31 23:40:28+00:00' WHERE id = $1`, f.late.ID); err != nil {
			t.Skipf("this database refuses the damaged value itself: %v", err)
		}
		r := f.Get("/organisatie/meldingen")
		webtest.WantStatus(t, r, http.StatusOK)
		webtest.WantBody(t, r, "Eén melding kon niet worden gelezen", number(f.fresh), number(f.closed))
		webtest.WantNotInBody(t, r, number(f.late))

		r = f.Get("/organisatie/meldingen/export.csv")
		webtest.WantStatus(t, r, http.StatusOK)
		if got := r.Header.Get("Skipped-Count"); got != "1" {
			t.Errorf("export Skipped-Count = %q, want 1", got)
		}

		r = f.Get("/organisatie/meldingen/" + strconv.FormatInt(f.late.ID, 10))
		webtest.WantStatus(t, r, http.StatusInternalServerError)
		webtest.WantBody(t, r, "Deze melding kan nu niet worden getoond")
		webtest.WantStatus(t, f.Get("/organisatie/meldingen/"+strconv.FormatInt(f.fresh.ID, 10)), http.StatusOK)

		f.as("wethouder@example.org")
		r = f.Get("/meldingen")
		webtest.WantStatus(t, r, http.StatusOK)
		webtest.WantBody(t, r, "Eén melding kon niet worden gelezen")
	})
}
