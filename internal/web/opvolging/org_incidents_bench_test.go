package opvolging_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
)

// coordBench is Utrecht's coördinator, logged in, with n incidents of
// Utrecht on SQLite, and the session cookie.
func coordBench(b *testing.B, n int) (*fuEnv, *http.Cookie, *incident.Incident) {
	fe := newFuEnv(b, storetest.SQLite(b))
	reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
	var last *incident.Incident
	for range n {
		last = fe.report(reporter, nil)
	}
	fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	fe.Login("coord@example.org")
	for _, c := range fe.Client.Jar.Cookies(webtest.MustParse(fe.Srv.URL)) {
		if c.Name == web.CookieSession {
			return fe, c, last
		}
	}
	b.Fatal("no session cookie")
	return nil, nil, nil
}

// benchPage measures the server's time to answer path (session, service
// with its audit row, template), reported as p50 and p99.
func benchPage(b *testing.B, fe *fuEnv, c *http.Cookie, path string) {
	var took []time.Duration
	for b.Loop() {
		r := httptest.NewRequest(http.MethodGet, path, nil)
		r.AddCookie(c)
		w := httptest.NewRecorder()
		start := time.Now()
		fe.Web.ServeHTTP(w, r)
		took = append(took, time.Since(start))
		if w.Code != http.StatusOK {
			b.Fatalf("%s: status %d", path, w.Code)
		}
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds()), "p99-µs")
}

// BenchmarkOrganisationPages: the coördinator's pages with 500 incidents
// of the organisation on SQLite (the list shows 50; the export all 500).
func BenchmarkOrganisationPages(b *testing.B) {
	fe, c, last := coordBench(b, 500)
	for _, p := range []struct{ name, path string }{
		{"list", "/organisatie/meldingen"},
		{"list-filtered-overdue", "/organisatie/meldingen?soort=bedreiging&te_laat=ja"},
		{"incident", opvolging.CoordIncidentHref(last.ID)},
		{"start", "/"},
		{"export-500", "/organisatie/meldingen/export.csv"},
	} {
		b.Run(p.name, func(b *testing.B) { benchPage(b, fe, c, p.path) })
	}
}
