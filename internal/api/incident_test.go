package api

import (
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

type incidentView struct {
	ID           int64
	Status       string
	Mode         string
	Organisation struct{ Code, Name string }
	ReporterID   *int64
	OccurredAt   string
	CreatedAt    string
	SubmittedAt  *string
	Description  string
	Kinds        []string
	UrgentAdvice *string
	History      []struct{ From, To, At string }
	FollowUps    []struct {
		Kind string
		Note string
	}
	Deadlines struct{ FirstContact struct{ State string } }
}

func TestReporterCreatesAndReadsAnIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		body := report()
		res := f.as("member", "POST", "/api/v1/meldingen", body)
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("status %d: %s", res.StatusCode, res.body)
		}
		var created incidentView
		res.decode(t, &created)
		if loc := res.Header.Get("Location"); loc != "/api/v1/meldingen/"+itoa(created.ID) {
			t.Errorf("Location %q", loc)
		}
		if res.Header.Get("Cache-Control") != "no-store" {
			t.Errorf("Cache-Control %q on personal data", res.Header.Get("Cache-Control"))
		}
		if created.Status != "nieuw" || created.Mode != "self" || created.Organisation.Code != "GM0344" ||
			created.ReporterID == nil || *created.ReporterID != f.account["member"].ID || created.UrgentAdvice != nil {
			t.Errorf("created %+v", created)
		}

		res = f.as("member", "GET", "/api/v1/meldingen/"+itoa(created.ID), nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("read: status %d: %s", res.StatusCode, res.body)
		}
		var read incidentView
		res.decode(t, &read)
		if read.Description != body["description"] || strings.Join(read.Kinds, ",") != "verbale_agressie,bedreiging" {
			t.Errorf("read back %q %v", read.Description, read.Kinds)
		}
		if len(read.History) != 1 || read.History[0].To != "nieuw" {
			t.Errorf("history %+v", read.History)
		}
		// Dates are RFC 3339 with a time zone.
		for _, s := range []string{read.OccurredAt, read.CreatedAt, *read.SubmittedAt, read.History[0].At} {
			if _, err := time.Parse(time.RFC3339, s); err != nil {
				t.Errorf("date %q is not RFC 3339 with zone: %v", s, err)
			}
		}
		if read.OccurredAt != body["occurredAt"] {
			t.Errorf("occurredAt %q, sent %q", read.OccurredAt, body["occurredAt"])
		}

		res = f.as("member", "GET", "/api/v1/meldingen", nil)
		var own struct{ Items []struct{ ID int64 } }
		res.decode(t, &own)
		if len(own.Items) != 1 || own.Items[0].ID != created.ID {
			t.Errorf("own list %+v", own.Items)
		}
		res = f.as("member2", "GET", "/api/v1/meldingen", nil)
		res.decode(t, &own)
		if len(own.Items) != 0 {
			t.Errorf("another member's own list shows %d incidents", len(own.Items))
		}
	})
}

func TestReporterInDangerIsToldToCall112(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		body := report()
		body["inDanger"] = true
		res := f.as("member", "POST", "/api/v1/meldingen", body)
		var created incidentView
		res.decode(t, &created)
		if created.UrgentAdvice == nil || !strings.Contains(*created.UrgentAdvice, "112") {
			t.Errorf("urgentAdvice %v", created.UrgentAdvice)
		}
		res = f.as("member", "POST", "/api/v1/meldingen", body, "Accept-Language", "en-GB, nl;q=0.5")
		res.decode(t, &created)
		if created.UrgentAdvice == nil || *created.UrgentAdvice != f.cat.T("en", "api.urgent_advice") {
			t.Errorf("urgentAdvice in English %v", created.UrgentAdvice)
		}
	})
}

// TestInvalidIncidentNamesEveryFieldInDutch: a 400 problem lists each
// field with the catalogue's reason, Dutch unless the client asks English.
func TestInvalidIncidentNamesEveryFieldInDutch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		body := report()
		delete(body, "description")
		body["kinds"] = []string{"bedreiging", "ruzie"}
		body["occurredAt"] = time.Now().Add(48 * time.Hour).Format(time.RFC3339)
		for _, lang := range []string{"nl", "en"} {
			res := f.as("member", "POST", "/api/v1/meldingen", body, "Accept-Language", lang+";q=0.9")
			if res.StatusCode != http.StatusBadRequest {
				t.Fatalf("status %d: %s", res.StatusCode, res.body)
			}
			p := res.problem(t)
			want := map[string]string{
				"description": f.cat.T(lang, "valid.required"),
				"kinds":       f.cat.T(lang, "valid.unknown", "ruzie"),
				"occurredAt":  f.cat.T(lang, "valid.future"),
			}
			got := map[string]string{}
			for _, ip := range p.InvalidParams {
				got[ip.Name] = ip.Reason
			}
			for name, reason := range want {
				if got[name] != reason {
					t.Errorf("%s: %s: reason %q, want %q", lang, name, got[name], reason)
				}
			}
		}
		res := f.as("member", "GET", "/api/v1/meldingen", nil)
		if strings.Contains(string(res.body), `"id"`) {
			t.Errorf("an invalid report was stored: %s", res.body)
		}
	})
}

func TestIncidentRequestsMustBeStrictJSON(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		withField := report()
		withField["colour"] = "rood"
		badDate := report()
		badDate["occurredAt"] = "2026-11-20 14:00"
		badType := report()
		badType["kinds"] = "bedreiging"
		badOrg := report()
		badOrg["organisationCode"] = "GM9999"
		cases := []struct {
			name      string
			body      any
			header    []string
			status    int
			paramName string
		}{
			{"unknown field", withField, nil, 400, "colour"},
			{"date without zone", badDate, nil, 400, "occurredAt"},
			{"wrong type", badType, nil, 400, "kinds"},
			{"unknown organisation", badOrg, nil, 400, "organisationCode"},
			{"not JSON", "description=x", []string{"Content-Type", "application/x-www-form-urlencoded"}, 415, ""},
			{"broken JSON", `{"description": `, nil, 400, ""},
			{"two values", `{} {}`, nil, 400, ""},
			{"too large", `{"description": "` + strings.Repeat("x", maxBody) + `"}`, nil, 413, ""},
			{"idempotency key too long", report(), []string{"Idempotency-Key", strings.Repeat("k", 201)}, 400, "Idempotency-Key"},
		}
		for _, c := range cases {
			res := f.as("member", "POST", "/api/v1/meldingen", c.body, c.header...)
			if res.StatusCode != c.status {
				t.Errorf("%s: status %d, want %d: %s", c.name, res.StatusCode, c.status, res.body)
				continue
			}
			p := res.problem(t)
			if c.paramName != "" && (len(p.InvalidParams) == 0 || p.InvalidParams[0].Name != c.paramName || p.InvalidParams[0].Reason == "") {
				t.Errorf("%s: invalidParams %+v, want %s", c.name, p.InvalidParams, c.paramName)
			}
		}
	})
}

// TestRetriedReportWithIdempotencyKeyNeverMakesTwo covers a plain retry,
// concurrent retries, and a key reused for a different report.
func TestRetriedReportWithIdempotencyKeyNeverMakesTwo(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		body := report()
		key := []string{"Idempotency-Key", "melding-2026-11-23-001"}
		first := f.as("member", "POST", "/api/v1/meldingen", body, key...)
		again := f.as("member", "POST", "/api/v1/meldingen", body, key...)
		if first.StatusCode != 201 || again.StatusCode != 201 {
			t.Fatalf("status %d then %d: %s", first.StatusCode, again.StatusCode, again.body)
		}
		var a, b incidentView
		first.decode(t, &a)
		again.decode(t, &b)
		if a.ID != b.ID {
			t.Errorf("retry made incident %d after %d", b.ID, a.ID)
		}

		var wg sync.WaitGroup
		ids := make([]int64, 8)
		body2 := report()
		body2["description"] = "Dreigende berichten via de mail."
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res := f.srv.do(t, "POST", "/api/v1/meldingen", f.token["member"], body2, "Idempotency-Key", "gelijktijdig")
				var v incidentView
				if res.StatusCode == 201 {
					_ = jsonUnmarshal(res.body, &v)
				}
				ids[i] = v.ID
			}()
		}
		wg.Wait()
		for i, id := range ids {
			if id == 0 || id != ids[0] {
				t.Errorf("concurrent retry %d got incident %d, first got %d", i, id, ids[0])
			}
		}

		changed := report()
		changed["description"] = "Een heel andere melding."
		res := f.as("member", "POST", "/api/v1/meldingen", changed, key...)
		if res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("same key, other body: status %d, want 422: %s", res.StatusCode, res.body)
		}
		res.problem(t)

		// The key is per account: another person's same key is theirs.
		if res := f.as("member2", "POST", "/api/v1/meldingen", body, key...); res.StatusCode != 201 {
			t.Errorf("other account, same key: status %d", res.StatusCode)
		}
		var own struct{ Items []struct{ ID int64 } }
		f.as("member", "GET", "/api/v1/meldingen", nil).decode(t, &own)
		if len(own.Items) != 2 {
			t.Errorf("member has %d incidents, want 2 (one per key)", len(own.Items))
		}
	})
}
