package api

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
)

var receiptCodeRE = regexp.MustCompile(`^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$`)

// anonServer is the API with the anonymous route on db; wrongCodes is its
// limit of wrong receipt codes per address.
func anonServer(t *testing.T, db *store.DB, wrongCodes int) (*testServer, *incident.Service) {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	svc := incident.New(db, vaulttest.New(t, db), audit.New(db), incident.Options{})
	return newTestServer(t, Deps{Orgs: org.New(db), Messages: cat, Incidents: svc,
		Anonymous: incident.NewAnonymous(svc, incident.AnonymousLimits{WrongCodes: wrongCodes})}), svc
}

func anonReport() map[string]any {
	b := report()
	delete(b, "wantsAangifte")
	b["organisationCode"] = "GM0344"
	return b
}

func countRows(t *testing.T, db *store.DB, table string) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAnonymousReportThroughTheAPIIsFollowedWithItsReceiptCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		srv, _ := anonServer(t, db, 10)
		res := srv.do(t, "POST", "/api/v1/anonieme-meldingen", "", anonReport())
		if res.StatusCode != http.StatusCreated {
			t.Fatalf("status %d: %s", res.StatusCode, res.body)
		}
		for h, want := range map[string]string{"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "Location": ""} {
			if got := res.Header.Get(h); got != want {
				t.Errorf("%s = %q, want %q", h, got, want)
			}
		}
		var got struct{ ReceiptCode, Notice string }
		res.decode(t, &got)
		if !receiptCodeRE.MatchString(got.ReceiptCode) || !strings.Contains(got.Notice, "één keer") {
			t.Fatalf("answer %s", res.body)
		}
		var mode string
		var reporter *int64 // NULL or 0: no account
		if err := db.QueryRowContext(t.Context(), `SELECT mode, reporter_id FROM incidents`).Scan(&mode, &reporter); err != nil {
			t.Fatal(err)
		}
		if mode != string(incident.ModeAnonymous) || (reporter != nil && *reporter != 0) {
			t.Errorf("stored as mode %q, reporter %v; want anonymous without account", mode, reporter)
		}
		wantNothingHolds(t, db, "127.0.0.1", "Go-http-client")

		st := srv.do(t, "POST", "/api/v1/anonieme-meldingen/status", "", map[string]any{"receiptCode": got.ReceiptCode})
		if st.StatusCode != http.StatusOK || st.Header.Get("Cache-Control") != "no-store" {
			t.Fatalf("status: %d %s", st.StatusCode, st.body)
		}
		var view struct {
			Status       string
			Organisation struct{ Code string }
			Description  string
			Messages     []struct{ Sender, Body string }
		}
		st.decode(t, &view)
		if view.Status != "nieuw" || view.Organisation.Code != "GM0344" || view.Description != report()["description"] {
			t.Errorf("status view %s", st.body)
		}
		msg := srv.do(t, "POST", "/api/v1/anonieme-meldingen/berichten", "",
			map[string]any{"receiptCode": strings.ToLower(got.ReceiptCode), "body": "Hij stond vanavond weer voor de deur."})
		if msg.StatusCode != http.StatusCreated {
			t.Fatalf("message: %d %s", msg.StatusCode, msg.body)
		}
		srv.do(t, "POST", "/api/v1/anonieme-meldingen/status", "", map[string]any{"receiptCode": got.ReceiptCode}).decode(t, &view)
		if len(view.Messages) != 1 || view.Messages[0].Sender != "reporter" {
			t.Errorf("messages after sending: %+v", view.Messages)
		}
	})
}

// wantNothingHolds fails when any text column of the incident tables or
// the audit log holds one of the values (the caller's address or agent).
func wantNothingHolds(t *testing.T, db *store.DB, values ...string) {
	t.Helper()
	for _, table := range []string{"incidents", "incident_receipts", "audit_log", "incident_status_history", "incident_messages"} {
		rows, err := db.QueryContext(t.Context(), `SELECT * FROM `+table)
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, v := range vals {
				for _, bad := range values {
					if s, ok := v.(string); ok && strings.Contains(s, bad) {
						t.Errorf("%s.%s holds %q", table, cols[i], bad)
					}
					if b, ok := v.([]byte); ok && strings.Contains(string(b), bad) {
						t.Errorf("%s.%s holds %q", table, cols[i], bad)
					}
				}
			}
		}
		rows.Close()
	}
}

func TestAnonymousAPIRefusesWrongCodesAndThenRateLimits(t *testing.T) {
	srv, _ := anonServer(t, storetest.SQLite(t), 3)
	res := srv.do(t, "POST", "/api/v1/anonieme-meldingen", "", anonReport())
	var got struct{ ReceiptCode string }
	res.decode(t, &got)
	for i, code := range []string{"AAAA-BBBB-CCCC-DDDD-EEEE", "geen code", ""} {
		r := srv.do(t, "POST", "/api/v1/anonieme-meldingen/status", "", map[string]any{"receiptCode": code})
		p := r.problem(t)
		if r.StatusCode != http.StatusBadRequest || len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "receiptCode" {
			t.Fatalf("wrong code %d: %d %s", i, r.StatusCode, r.body)
		}
	}
	r := srv.do(t, "POST", "/api/v1/anonieme-meldingen/status", "", map[string]any{"receiptCode": got.ReceiptCode})
	if r.StatusCode != http.StatusTooManyRequests || r.Header.Get("Retry-After") == "" {
		t.Fatalf("after three wrong codes, the right one: %d %s (want 429 with Retry-After)", r.StatusCode, r.body)
	}
	m := srv.do(t, "POST", "/api/v1/anonieme-meldingen/berichten", "", map[string]any{"receiptCode": got.ReceiptCode, "body": "x"})
	if m.StatusCode != http.StatusTooManyRequests {
		t.Errorf("message while blocked: %d", m.StatusCode)
	}
}

func TestInvalidAnonymousReportNamesTheFieldsAndStoresNothing(t *testing.T) {
	db := storetest.SQLite(t)
	srv, _ := anonServer(t, db, 10)
	body := anonReport()
	delete(body, "organisationCode")
	delete(body, "description")
	res := srv.do(t, "POST", "/api/v1/anonieme-meldingen", "", body)
	p := res.problem(t)
	names := map[string]bool{}
	for _, ip := range p.InvalidParams {
		names[ip.Name] = true
	}
	if res.StatusCode != http.StatusBadRequest || !names["organisationCode"] || !names["description"] {
		t.Fatalf("%d %s", res.StatusCode, res.body)
	}
	body = anonReport()
	body["organisationCode"] = "GM9999" // no such gemeente
	if r := srv.do(t, "POST", "/api/v1/anonieme-meldingen", "", body); r.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown organisation: %d", r.StatusCode)
	}
	if n := countRows(t, db, "incidents"); n != 0 {
		t.Errorf("%d incidents stored, want none", n)
	}
}
