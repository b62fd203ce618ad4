package opvolging_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
)

// listFixture: three incidents of Utrecht (a threat a week ago, now
// overdue; a verbal one against a raadslid today; a closed one with an
// aangifte) and one of Amsterdam, with Utrecht's coördinator logged in.
type listFixture struct {
	*fuEnv
	late, fresh, closed, other *incident.Incident
}

func newListFixture(t *testing.T, db *store.DB) *listFixture {
	fe := newFuEnv(t, db)
	reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
	ams := fe.Account("raadslid-ams@example.org", auth.RoleMember, orgAmsterdam)
	coord := fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	f := &listFixture{fuEnv: fe}
	fe.Clk.Add(-7 * 24 * time.Hour)
	f.late = fe.report(reporter, nil)
	fe.Clk.Add(7 * 24 * time.Hour)
	f.fresh = fe.report(reporter, func(in *incident.Incident) {
		in.Kinds, in.VictimRole = []incident.Kind{incident.KindVerbal}, incident.RoleRaadslid
		in.Perpetrator.Kind = incident.PerpetratorUnknownCitizen
	})
	f.closed = fe.report(reporter, func(in *incident.Incident) {
		in.Kinds, in.ReportedToPolice, in.PoliceReference = []incident.Kind{incident.KindDamage}, true, "PL09-1"
	})
	if _, err := fe.inc.AddFollowUp(context.Background(), principal(coord), f.closed.ID,
		incident.FollowUp{Kind: incident.FollowClosed}); err != nil {
		t.Fatal(err)
	}
	f.other = fe.report(ams, nil)
	fe.as("coord@example.org")
	return f
}

func number(inc *incident.Incident) string { return fmt.Sprintf(">Melding %d<", inc.ID) }

func TestFiltersNarrowTheList(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newListFixture(t, db)
		all := []*incident.Incident{f.late, f.fresh, f.closed}
		tests := []struct {
			query string
			want  []*incident.Incident
		}{
			{"", all},
			{"soort=verbale_agressie", []*incident.Incident{f.fresh}},
			{"rol=raadslid", []*incident.Incident{f.fresh}},
			{"status=afgesloten", []*incident.Incident{f.closed}},
			{"status=nieuw", []*incident.Incident{f.late, f.fresh}},
			{"aangifte=ja", []*incident.Incident{f.closed}},
			{"aangifte=nee", []*incident.Incident{f.late, f.fresh}},
			{"te_laat=ja", []*incident.Incident{f.late}},
			{"van=2026-11-20", []*incident.Incident{f.fresh, f.closed}},
			{"tot=2026-11-20", []*incident.Incident{f.late}},
			{"van=20-11-2026&tot=23-11-2026&soort=bedreiging", []*incident.Incident{}},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				r := f.Get("/organisatie/meldingen?" + tt.query)
				webtest.WantStatus(t, r, http.StatusOK)
				for _, inc := range all {
					in := strings.Contains(r.Body, number(inc))
					want := false
					for _, w := range tt.want {
						want = want || w == inc
					}
					if in != want {
						t.Errorf("%s listed = %v, want %v", number(inc), in, want)
					}
				}
				webtest.WantNotInBody(t, r, number(f.other))
				webtest.WantBody(t, r, countHeading(len(tt.want)))
			})
		}
	})
}

func TestListKeepsTheFiltersAndRefusesUnknownValues(t *testing.T) {
	f := newListFixture(t, storetest.SQLite(t))
	r := f.Get("/organisatie/meldingen?soort=bedreiging&te_laat=ja&van=2026-11-01")
	webtest.WantBody(t, r, `<option value="bedreiging" selected>`, `name="te_laat" checked`,
		`value="2026-11-01"`, "Filters wissen", `href="/organisatie/meldingen/export.csv?soort=bedreiging&amp;te_laat=ja&amp;van=2026-11-01"`)
	bad := f.Get("/organisatie/meldingen?soort=kwaad&van=gisteren")
	webtest.WantStatus(t, bad, http.StatusOK)
	webtest.WantBody(t, bad, "Kies een van de mogelijkheden.", "Vul een geldige datum in", "3 meldingen")
}

// TestOverdueIsShownInWords: an incident past its first-contact deadline
// says so in text on the list and the start page, not only in colour.
func TestOverdueIsShownInWords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newListFixture(t, db)
		list := f.Get("/organisatie/meldingen")
		webtest.WantBody(t, list, "Eerste contact met de melder: <span class=\"weerbaar-meta weerbaar-meta--urgent\">te laat, was uiterlijk 17-11-2026",
			"Eerste contact met de melder: <span class=\"weerbaar-meta\">uiterlijk 24-11-2026")
		start := f.Get("/")
		webtest.WantStatus(t, start, http.StatusOK)
		webtest.WantBody(t, start, "2 nieuw, 1 met een verstreken termijn.", "Te laat: eerste contact uiterlijk 17-11-2026",
			"eerste contact uiterlijk 24-11-2026", `href="/organisatie/meldingen?te_laat=ja"`, opvolging.CoordIncidentHref(f.late.ID))
		webtest.WantNotInBody(t, start, opvolging.CoordIncidentHref(f.other.ID))
	})
}

func TestListIsPaged(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
	for range incident.PageSize + 3 {
		fe.report(reporter, nil)
	}
	fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	fe.as("coord@example.org")
	first := fe.Get("/organisatie/meldingen?soort=bedreiging")
	webtest.WantBody(t, first, fmt.Sprintf("%d meldingen", incident.PageSize+3), `aria-label="Paginering"`,
		`href="/organisatie/meldingen?pagina=2&amp;soort=bedreiging"`)
	second := fe.Get("/organisatie/meldingen?soort=bedreiging&pagina=2")
	if n := strings.Count(second.Body, `<th class="utrecht-table__header-cell" scope="row">`); n != 3 {
		t.Errorf("page 2 has %d rows, want 3", n)
	}
}

// TestExportAsksReverificationWhenStale: right after logging in the CSV
// comes; a quarter of an hour later the password is asked first, and
// after it the same export (with its filters) comes.
func TestExportAsksReverificationWhenStale(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newListFixture(t, db)
		path := "/organisatie/meldingen/export.csv?soort=bedreiging"
		r := f.Get(path)
		webtest.WantStatus(t, r, http.StatusOK)
		checkCSV(t, r, f.late)

		f.Clk.Add(16 * time.Minute)
		r = f.Get(path)
		webtest.WantStatus(t, r, http.StatusSeeOther)
		loc := r.Header.Get("Location")
		if loc != "/bevestigen?terug="+url.QueryEscape(path) {
			t.Fatalf("stale export: Location %q", loc)
		}
		back := f.Post("/bevestigen", url.Values{"bevestiging": {webtest.TestPassword}, "terug": {path}})
		webtest.WantStatus(t, back, http.StatusSeeOther)
		if got := back.Header.Get("Location"); got != path {
			t.Fatalf("after confirming: Location %q, want %q", got, path)
		}
		r = f.Get(path)
		webtest.WantStatus(t, r, http.StatusOK)
		checkCSV(t, r, f.late)
		if n := f.auditCount("incident.export", fmt.Sprint(f.late.OrgID)); n != 2 {
			t.Errorf("%d exports audited, want 2", n)
		}
	})
}

func checkCSV(t *testing.T, r *webtest.Result, want ...*incident.Incident) {
	t.Helper()
	h := r.Header
	if ct := h.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="meldingen-`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	if cc := h.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	rows, err := csv.NewReader(strings.NewReader(r.Body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(want)+1 {
		t.Fatalf("%d CSV rows, want header and %d:\n%s", len(rows), len(want), r.Body)
	}
	for i, inc := range want {
		if rows[i+1][0] != fmt.Sprint(inc.ID) {
			t.Errorf("row %d is incident %s, want %d", i+1, rows[i+1][0], inc.ID)
		}
	}
	if strings.Contains(r.Body, "weet waar ik woon") {
		t.Error("the export holds free text")
	}
}

func TestOnlyCoordinatorsExport(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	for _, role := range []auth.Role{auth.RoleMember, auth.RoleSupportTeam, auth.RoleAdmin} {
		org := ""
		if role == auth.RoleMember {
			org = orgUtrecht
		}
		email := string(role) + "@example.org"
		fe.Account(email, role, org)
		fe.as(email)
		r := fe.Get("/organisatie/meldingen/export.csv")
		webtest.WantStatus(t, r, http.StatusForbidden)
		if strings.Contains(r.Header.Get("Content-Type"), "csv") {
			t.Errorf("%s got a CSV", role)
		}
	}
}
