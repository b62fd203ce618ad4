package api

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// TestServerErrorsGiveNothingAway: when the database is gone the client
// gets a 500 problem without the cause, and the cause is logged.
func TestServerErrorsGiveNothingAway(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		var logged bytes.Buffer
		f.srv.api.deps.Log = slog.New(slog.NewTextHandler(&logged, nil))
		id := itoa(f.submit("member", report()))
		db.Close()
		res := f.as("member", "GET", "/api/v1/meldingen/"+id, nil)
		if res.StatusCode != http.StatusInternalServerError {
			t.Fatalf("status %d, want 500: %s", res.StatusCode, res.body)
		}
		p := res.problem(t)
		for _, leak := range []string{"sql", "closed", "database", "token"} {
			if strings.Contains(strings.ToLower(p.Detail+p.Title), leak) {
				t.Errorf("500 problem mentions %q: %+v", leak, p)
			}
		}
		if !strings.Contains(logged.String(), "closed") {
			t.Errorf("the cause was not logged: %q", logged.String())
		}
	})
}
