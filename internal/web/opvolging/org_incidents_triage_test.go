package opvolging_test

import (
	"net/http"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
)

// position is where the incident's number first appears in body, -1 when
// absent.
func position(body string, inc *incident.Incident) int { return strings.Index(body, number(inc)) }

// TestListSortsOnUrgencyAndDeadline: newest first by default; by urgency
// the fresh incident in acute danger comes before the overdue one, by
// deadline the overdue one (the earliest deadline) comes first; the closed
// one is last in both. The orders keep the filters.
func TestListSortsOnUrgencyAndDeadline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newListFixture(t, db)
		reporter := f.Account("tweede@example.org", auth.RoleMember, orgUtrecht)
		danger := f.report(reporter, func(in *incident.Incident) { in.InDanger = true })
		inOrder := func(path string, want ...*incident.Incident) {
			t.Helper()
			r := f.Get(path)
			webtest.WantStatus(t, r, http.StatusOK)
			for i := 1; i < len(want); i++ {
				if a, b := position(r.Body, want[i-1]), position(r.Body, want[i]); a < 0 || b < 0 || a > b {
					t.Errorf("%s: melding %d (at %d) should come before melding %d (at %d)", path, want[i-1].ID, a, want[i].ID, b)
				}
			}
		}
		inOrder("/organisatie/meldingen", danger, f.closed, f.fresh, f.late)
		inOrder("/organisatie/meldingen?volgorde=urgentie", danger, f.late, f.fresh, f.closed)
		inOrder("/organisatie/meldingen?volgorde=termijn", f.late, f.fresh, f.closed)
		r := f.Get("/organisatie/meldingen?soort=bedreiging&volgorde=termijn")
		webtest.WantBody(t, r, `href="/organisatie/meldingen?soort=bedreiging&amp;volgorde=urgentie"`,
			`aria-current="true">Eerstvolgende termijn`)
		webtest.WantNotInBody(t, f.Get("/organisatie/meldingen?volgorde=termijn"), "Filters wissen")
	})
}

// TestListMarksDangerAndFeelingUnsafe: the row of an incident says in
// words that the reporter was in acute danger or feels unsafe now.
func TestListMarksDangerAndFeelingUnsafe(t *testing.T) {
	f := newListFixture(t, storetest.SQLite(t))
	r := f.Get("/organisatie/meldingen")
	webtest.WantBody(t, r, `utrecht-status-badge--warning">Voelt zich nu onveilig`)
	show := f.Get(opvolging.CoordIncidentHref(f.late.ID))
	webtest.WantBody(t, show, "In het kort", "Volgende stap:", "Neem contact op met de melder",
		`href="/organisatie/meldingen/`, "?open=aangifte#aangifte", "dagen te laat", "Wanneer en waar", "In de openbare ruimte")
	open := f.Get(opvolging.CoordIncidentHref(f.late.ID) + "?open=aangifte")
	webtest.WantBody(t, open, `id="aangifte" name="handeling" open`)
	webtest.WantNotInBody(t, open, `id="opvolging" name="handeling" open`)
}
