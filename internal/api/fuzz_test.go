package api

import (
	"encoding/json"
	"net/http"
	"testing"

	"weerbaar/internal/store/storetest"
)

// FuzzCreateIncidentJSON sends any body to POST /meldingen. Whatever it
// is, the answer is either a 4xx with nothing stored, or a 2xx whose
// melding reads back through the detail and the organisation's list. A
// 5xx, or a refusal that left a row behind, is the bug of issue 16.
// `make fuzz` runs it for a while; `go test` runs the seeds.
func FuzzCreateIncidentJSON(f *testing.F) {
	valid, _ := json.Marshal(report())
	f.Add(string(valid))
	for _, at := range []string{"0000-01-01T00:00:00+01:00", "0000-01-01T00:00", "-0001-12-31T23:40:28Z",
		"1999-12-31T23:59:59Z", "2000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
		"2000-01-01T00:00:00+14:00", "nu"} {
		body := report()
		body["occurredAt"] = at
		b, _ := json.Marshal(body)
		f.Add(string(b))
	}
	f.Add(`{"description":"a\u0000b","placeKind":"werk","kinds":["bedreiging"],"victimRole":"wethouder","perpetratorKind":"anders","occurredAt":"2024-01-01T10:00:00Z"}`)
	f.Add("{\"description\":\"\xff\xfe\",\"placeKind\":\"werk\",\"kinds\":[\"bedreiging\"],\"victimRole\":\"wethouder\",\"perpetratorKind\":\"anders\",\"occurredAt\":\"2024-01-01T10:00:00Z\"}")
	f.Add("{\"platform\":\"X\x00\"}")
	f.Add(`{"kinds":["bedreiging","bedreiging"]}`)
	f.Add(`{"organisationCode":"\u0000"}`)
	f.Add(`[]`)
	f.Add(`null`)
	f.Add(``)
	f.Add(`{"occurredAt":12}`)
	f.Add(`{} {}`)

	fx := newFixture(f, storetest.SQLite(f))
	token := fx.token["member"]
	f.Fuzz(func(t *testing.T, body string) {
		before := countIncidents(t, fx.db)
		res := fx.srv.do(t, "POST", "/api/v1/meldingen", token, body)
		after := countIncidents(t, fx.db)
		switch {
		case res.StatusCode >= 200 && res.StatusCode < 300:
			if after != before+1 {
				t.Fatalf("%d: %d incidents stored, want %d", res.StatusCode, after-before, 1)
			}
			var doc struct{ ID int64 }
			res.decode(t, &doc)
			if got := fx.srv.get(t, "/api/v1/meldingen/"+itoa(doc.ID), token); got.StatusCode != http.StatusOK {
				t.Fatalf("detail of the new melding: %d %s", got.StatusCode, got.body)
			}
			list := fx.srv.get(t, "/api/v1/organisaties/GM0344/meldingen", fx.token["coordinator"])
			var page struct {
				Items   []struct{ ID int64 }
				Skipped int
			}
			if list.StatusCode != http.StatusOK {
				t.Fatalf("org list: %d %s", list.StatusCode, list.body)
			}
			list.decode(t, &page)
			if len(page.Items) == 0 || page.Items[0].ID != doc.ID || page.Skipped != 0 {
				t.Fatalf("org list does not start with the new melding %d: %s", doc.ID, list.body)
			}
		case res.StatusCode >= 400 && res.StatusCode < 500:
			if after != before {
				t.Fatalf("%d but %d incidents stored: %s", res.StatusCode, after-before, res.body)
			}
			res.problem(t)
		default:
			t.Fatalf("status %d for %q: %s", res.StatusCode, body, res.body)
		}
	})
}
