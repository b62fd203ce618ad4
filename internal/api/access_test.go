package api

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/nltime"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// TestIncidentEndpointsFollowTheAccessRules asks every endpoint as every
// kind of person, own and other organisation, denials included. The rules
// live in the incident service; this proves the API passes them on
// unchanged (403 for a refusal of an organisation-wide action, 404 for
// what does not exist and for one melding the person may not see, so ids
// cannot be probed).
func TestIncidentEndpointsFollowTheAccessRules(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		id := itoa(f.submit("member", report()))
		talk := map[string]any{"kind": "gesprek_gevoerd", "note": "Gesprek op het stadhuis."}
		cases := []struct {
			who, method, path string
			body              any
			status            int
		}{
			{"supportTeam", "POST", "/api/v1/meldingen", report(), 403},
			{"coordinator", "POST", "/api/v1/meldingen", report(), 201},
			{"member", "GET", "/api/v1/meldingen/" + id, nil, 200},
			{"member2", "GET", "/api/v1/meldingen/" + id, nil, 404},
			{"coordinator", "GET", "/api/v1/meldingen/" + id, nil, 200},
			{"coordinatorAmsterdam", "GET", "/api/v1/meldingen/" + id, nil, 404},
			{"supportTeam", "GET", "/api/v1/meldingen/" + id, nil, 404},
			{"member", "GET", "/api/v1/meldingen/999999", nil, 404},

			{"member", "POST", "/api/v1/meldingen/" + id + "/opvolgingen", talk, 404},
			{"coordinatorAmsterdam", "POST", "/api/v1/meldingen/" + id + "/opvolgingen", talk, 404},
			{"supportTeam", "POST", "/api/v1/meldingen/" + id + "/opvolgingen", talk, 404},
			{"coordinator", "POST", "/api/v1/meldingen/999999/opvolgingen", talk, 404},
			{"coordinator", "POST", "/api/v1/meldingen/" + id + "/opvolgingen", talk, 201},
			{"member", "GET", "/api/v1/meldingen/" + id + "/opvolgingen", nil, 200},
			{"member2", "GET", "/api/v1/meldingen/" + id + "/opvolgingen", nil, 404},
			{"coordinatorAmsterdam", "GET", "/api/v1/meldingen/" + id + "/opvolgingen", nil, 404},

			{"coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen", nil, 200},
			{"coordinatorAmsterdam", "GET", "/api/v1/organisaties/GM0344/meldingen", nil, 403},
			{"member", "GET", "/api/v1/organisaties/GM0344/meldingen", nil, 403},
			{"supportTeam", "GET", "/api/v1/organisaties/GM0344/meldingen", nil, 403},
			{"coordinator", "GET", "/api/v1/organisaties/GM9999/meldingen", nil, 404},

			{"coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen/export", nil, 200},
			{"coordinatorAmsterdam", "GET", "/api/v1/organisaties/GM0344/meldingen/export", nil, 403},
			{"member", "GET", "/api/v1/organisaties/GM0344/meldingen/export", nil, 403},
		}
		for _, c := range cases {
			res := f.as(c.who, c.method, c.path, c.body)
			if res.StatusCode != c.status {
				t.Errorf("%s %s as %s: status %d, want %d: %s", c.method, c.path, c.who, res.StatusCode, c.status, res.body)
				continue
			}
			if res.Header.Get("API-Version") != Version || res.Header.Get("Cache-Control") != "no-store" {
				t.Errorf("%s %s as %s: API-Version %q Cache-Control %q", c.method, c.path, c.who,
					res.Header.Get("API-Version"), res.Header.Get("Cache-Control"))
			}
			if c.status >= 400 {
				p := res.problem(t)
				if strings.Contains(p.Detail, "Een bezoeker dreigde") {
					t.Errorf("%s %s as %s: a refusal leaks content", c.method, c.path, c.who)
				}
			}
		}
	})
}

func TestCoordinatorFollowsUpAndTheReporterSeesIt(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		id := itoa(f.submit("member", report()))
		res := f.as("coordinator", "POST", "/api/v1/meldingen/"+id+"/opvolgingen",
			map[string]any{"kind": "gesprek_gevoerd", "note": "Gesprek gevoerd.", "doneAt": f.clock.t.Add(-time.Hour).Format(time.RFC3339)})
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("follow-up: status %d: %s", res.StatusCode, res.body)
		}
		var fu struct {
			Kind, Note   string
			ReactionForm *string
			ActorID      int64
		}
		res.decode(t, &fu)
		if fu.Kind != "gesprek_gevoerd" || fu.Note != "Gesprek gevoerd." || fu.ReactionForm != nil || fu.ActorID != f.account["coordinator"].ID {
			t.Errorf("follow-up %+v", fu)
		}
		var inc incidentView
		f.as("member", "GET", "/api/v1/meldingen/"+id, nil).decode(t, &inc)
		if inc.Status != "in_behandeling" || len(inc.FollowUps) != 1 || inc.Deadlines.FirstContact.State != "met" {
			t.Errorf("after a talk: status %s, follow-ups %d, first contact %s", inc.Status, len(inc.FollowUps), inc.Deadlines.FirstContact.State)
		}

		// A follow-up the domain refuses names its field.
		res = f.as("coordinator", "POST", "/api/v1/meldingen/"+id+"/opvolgingen", map[string]any{"kind": "reactie_dader"})
		if res.StatusCode != http.StatusBadRequest {
			t.Fatalf("reaction without form: status %d", res.StatusCode)
		}
		if p := res.problem(t); len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "reactionForm" {
			t.Errorf("reaction without form: %+v", p.InvalidParams)
		}

		// Closed is closed: more follow-up is a conflict, not an error.
		f.as("coordinator", "POST", "/api/v1/meldingen/"+id+"/opvolgingen", map[string]any{"kind": "afgesloten"})
		res = f.as("coordinator", "POST", "/api/v1/meldingen/"+id+"/opvolgingen", map[string]any{"kind": "maatregel"})
		if res.StatusCode != http.StatusConflict {
			t.Fatalf("follow-up on a closed incident: status %d, want 409: %s", res.StatusCode, res.body)
		}
		res.problem(t)
	})
}

func TestCoordinatorListFiltersPagesAndExports(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.submit("member", report())
		online := report()
		online["placeKind"], online["platform"], online["kinds"] = "online", "X", []string{"online_haat"}
		f.submit("member2", online)
		councillor := report()
		councillor["victimRole"], councillor["wantsAangifte"] = "raadslid", false
		f.submit("member", councillor)

		type page struct {
			Items []struct {
				ID    int64
				Kinds []string
			}
			Page, PageSize, Total int
		}
		list := func(query string) page {
			t.Helper()
			res := f.as("coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen"+query, nil)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d: %s", query, res.StatusCode, res.body)
			}
			var p page
			res.decode(t, &p)
			return p
		}
		if p := list(""); p.Total != 3 || len(p.Items) != 3 || p.Page != 1 || p.PageSize != 50 {
			t.Errorf("all: %+v", p)
		}
		if p := list("?kind=online_haat"); p.Total != 1 || p.Items[0].Kinds[0] != "online_haat" {
			t.Errorf("kind filter: %+v", p)
		}
		if p := list("?victimRole=raadslid&aangifte=false"); p.Total != 1 {
			t.Errorf("victimRole filter: %+v", p)
		}
		// The reports happened two hours ago (report()): the Dutch day of
		// that moment, which is yesterday just after midnight.
		day := time.Now().Add(-2 * time.Hour).In(nltime.Location()).Format("2006-01-02")
		if p := list("?from=" + day + "&to=" + day); p.Total != 3 {
			t.Errorf("the day they happened: %+v", p)
		}
		if p := list("?to=2020-01-01"); p.Total != 0 {
			t.Errorf("before 2020: %+v", p)
		}
		if p := list("?page=2"); p.Total != 3 || len(p.Items) != 0 || p.Page != 2 {
			t.Errorf("page 2: %+v", p)
		}

		for query, param := range map[string]string{
			"?kind=ruzie": "kind", "?from=23-11-2026": "from", "?page=0": "page",
			"?aangifte=misschien": "aangifte", "?page_size=10": "page_size", "?status=open": "status",
		} {
			res := f.as("coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen"+query, nil)
			if res.StatusCode != http.StatusBadRequest {
				t.Errorf("%s: status %d, want 400", query, res.StatusCode)
				continue
			}
			if p := res.problem(t); len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != param {
				t.Errorf("%s: invalidParams %+v, want %s", query, p.InvalidParams, param)
			}
		}

		res := f.as("coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen/export?kind=online_haat", nil)
		if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Fatalf("export Content-Type %q", ct)
		}
		lines := strings.Split(strings.TrimSpace(string(res.body)), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "id,") || !strings.Contains(lines[1], "online_haat") {
			t.Errorf("export:\n%s", res.body)
		}
		if strings.Contains(string(res.body), "dreigde") {
			t.Error("the export holds free text")
		}
		if cd := res.Header.Get("Content-Disposition"); !strings.Contains(cd, "attachment") || !strings.Contains(cd, ".csv") {
			t.Errorf("Content-Disposition %q", cd)
		}
		if res := f.as("coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen/export?page=2", nil); res.StatusCode != 400 {
			t.Errorf("export with page: status %d, want 400", res.StatusCode)
		}
	})
}
