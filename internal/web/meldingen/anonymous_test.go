package meldingen_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/webtest"
)

var receiptRE = regexp.MustCompile(`<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</code>`)

func orgID(t testing.TB, db *store.DB, code string) int64 {
	t.Helper()
	var id int64
	if err := db.QueryRowContext(context.Background(), `SELECT id FROM organisations WHERE code = $1`, code).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

func anonFields(org int64) map[string]string {
	return map[string]string{"orgId": strconv.FormatInt(org, 10), "occurredAt": "2026-11-22T21:00",
		"placeKind": "online", "platform": "Instagram", "description": "Een account dreigt mijn huis te bezoeken.",
		"kinds": "bedreiging", "victimRole": "wethouder", "perpetratorKind": "anoniem_online",
		"impact": "Ik ben bang.", "feelsUnsafe": "ja"}
}

// wantAnonymousHeaders: never cached, never a Referer, no cookie set.
func wantAnonymousHeaders(t *testing.T, r *webtest.Result) {
	t.Helper()
	if cc := r.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("%s: Cache-Control %q", r.Request.URL.Path, cc)
	}
	if rp := r.Header.Get("Referrer-Policy"); rp != "no-referrer" {
		t.Errorf("%s: Referrer-Policy %q", r.Request.URL.Path, rp)
	}
	if sc := r.Header.Values("Set-Cookie"); len(sc) > 0 {
		t.Errorf("%s: sets cookies %q", r.Request.URL.Path, sc)
	}
}

func TestAnonymousReportEndToEndWithTheReceiptCode(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		form := e.Get("/anoniem-melden")
		webtest.WantStatus(t, form, http.StatusOK)
		wantAnonymousHeaders(t, form)
		webtest.WantBody(t, form, "Anoniem melden", "Utrecht", "<optgroup", "Bel 112")

		utrecht := orgID(t, db, "GM0344")
		done := e.upload("/anoniem-melden", [][2]string{{"schermafdruk.txt", "Ik weet waar je woont.\n"}}, anonFields(utrecht))
		webtest.WantStatus(t, done, http.StatusOK)
		wantAnonymousHeaders(t, done)
		m := receiptRE.FindStringSubmatch(done.Body)
		if m == nil {
			t.Fatalf("no receipt code on the confirmation:\n%s", done.Body)
		}
		code := m[1]
		webtest.WantBody(t, done, "Schrijf deze code nu op", "1 bijlage(n) toegevoegd.")

		// The coördinator sees it and answers.
		coord := e.coordinator("griffier@example.org", "GM0344")
		list, err := e.svc.ListForOrg(t.Context(), coord, coord.OrgID, incident.Filter{})
		if err != nil || len(list.Items) != 1 || list.Items[0].Mode != incident.ModeAnonymous {
			t.Fatalf("coördinator list: %+v, %v", list, err)
		}
		id := list.Items[0].ID
		if _, err := e.svc.SendMessage(t.Context(), coord, id, "Dank voor uw melding. Wilt u het account noemen?"); err != nil {
			t.Fatal(err)
		}

		status := e.Post("/anoniem-volgen", url.Values{"code": {strings.ToLower(code)}, "actie": {"open"}})
		webtest.WantStatus(t, status, http.StatusOK)
		wantAnonymousHeaders(t, status)
		webtest.WantBody(t, status, "Nieuw", "Een account dreigt mijn huis te bezoeken.", "Wilt u het account noemen?",
			"schermafdruk.txt")
		sent := e.Post("/anoniem-volgen", url.Values{"code": {code}, "actie": {"bericht"}, "body": {"Het account heet @voorbeeld."}})
		webtest.WantStatus(t, sent, http.StatusOK)
		webtest.WantBody(t, sent, "Uw bericht is verstuurd.", "Het account heet @voorbeeld.")
		msgs, err := e.svc.Messages(t.Context(), coord, id)
		if err != nil || len(msgs) != 2 || msgs[1].Body != "Het account heet @voorbeeld." {
			t.Fatalf("handler reads %+v, %v", msgs, err)
		}

		wrong := e.Post("/anoniem-volgen", url.Values{"code": {"0000-0000-0000-0000-0000"}, "actie": {"open"}})
		webtest.WantStatus(t, wrong, http.StatusUnprocessableEntity)
		webtest.WantBody(t, wrong, "Deze ontvangstcode is niet bekend")
		webtest.WantNotInBody(t, wrong, "Een account dreigt")

		wantNoAddressStored(t, db, "127.0.0.1")
		var reporter int64
		if err := db.QueryRowContext(t.Context(), `SELECT reporter_id FROM incidents WHERE id = $1`, id).Scan(&reporter); err != nil || reporter != 0 {
			t.Errorf("anonymous incident has reporter %d (%v)", reporter, err)
		}
	})
}

func TestAnonymousFormKeepsWhatWasTyped(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		f := anonFields(orgID(t, db, "GM0344"))
		delete(f, "description")
		f["platform"] = "Telegram"
		r := e.upload("/anoniem-melden", nil, f)
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		wantAnonymousHeaders(t, r)
		if webtest.FieldError(r.Body, "description") != "Vul dit veld in." {
			t.Errorf("description error %q", webtest.FieldError(r.Body, "description"))
		}
		webtest.WantBody(t, r, `value="Telegram"`, `value="bedreiging" `, "checked", `selected>Utrecht</option>`)
	})
}

func TestWrongReceiptCodesAreRateLimited(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		for i := 0; i < 10; i++ {
			r := e.Post("/anoniem-volgen", url.Values{"code": {fmt.Sprintf("0000-0000-0000-0000-%04d", i)}})
			webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		}
		r := e.Post("/anoniem-volgen", url.Values{"code": {"0000-0000-0000-0000-0011"}})
		webtest.WantStatus(t, r, http.StatusTooManyRequests)
		webtest.WantBody(t, r, "te veel meldingen of pogingen")
	})
}

// wantNoAddressStored scans every text value of every table for addr.
func wantNoAddressStored(t *testing.T, db *store.DB, addr string) {
	t.Helper()
	ctx := context.Background()
	q := `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`
	if db.Dialect == store.SQLite {
		q = `SELECT name FROM sqlite_master WHERE type = 'table'`
	}
	rows, err := db.QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	if len(tables) < 10 {
		t.Fatalf("only %d tables found; is the scan broken?", len(tables))
	}
	for _, tbl := range tables {
		rows, err := db.QueryContext(ctx, `SELECT * FROM `+tbl)
		if err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			for i, v := range vals {
				var s string
				switch x := v.(type) {
				case string:
					s = x
				case []byte:
					s = string(x)
				}
				if strings.Contains(s, addr) {
					t.Errorf("table %s column %s holds %q", tbl, cols[i], addr)
				}
			}
		}
		rows.Close()
	}
}

func TestAnonymousReportLeavesNoTraceInTheSession(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		var before string
		seen := func() string {
			var at any
			if err := db.QueryRowContext(t.Context(), `SELECT last_seen_at FROM sessions`).Scan(&at); err != nil {
				t.Fatal(err)
			}
			return fmt.Sprint(at)
		}
		before = seen()
		e.Clk.Add(10 * 60 * 1e9) // ten minutes later, still signed in
		form := e.Get("/anoniem-melden")
		webtest.WantNotInBody(t, form, "ambtsdrager (test)", "Uitloggen")
		done := e.upload("/anoniem-melden", nil, anonFields(orgID(t, db, "GM0344")))
		webtest.WantStatus(t, done, http.StatusOK)
		if after := seen(); after != before {
			t.Errorf("the session was touched by the anonymous report: last seen %s, then %s", before, after)
		}
		// The session itself still works elsewhere.
		webtest.WantStatus(t, e.Get("/meldingen"), http.StatusOK)
	})
}

func TestAnonymousReportsAreRateLimitedWithoutLosingTheForm(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnvLimits(t, db, incident.AnonymousLimits{Reports: 2})
		f := anonFields(orgID(t, db, "GM0344"))
		for i := 0; i < 2; i++ {
			webtest.WantStatus(t, e.upload("/anoniem-melden", nil, f), http.StatusOK)
		}
		r := e.upload("/anoniem-melden", nil, f)
		webtest.WantStatus(t, r, http.StatusTooManyRequests)
		wantAnonymousHeaders(t, r)
		webtest.WantBody(t, r, "Probeer het over een uur opnieuw", "Een account dreigt mijn huis te bezoeken.")
		webtest.WantNotInBody(t, r, "<code>")
	})
}

// TestAnonymousFormSentURLEncodedIsRefusedClearly: a client that posts the
// anonymous form url-encoded (no browser does) learns that the form must
// be multipart, with 415 rather than "too large", and nothing is stored.
func TestAnonymousFormSentURLEncodedIsRefusedClearly(t *testing.T) {
	e := newReportEnv(t, storetest.SQLite(t))
	form := url.Values{}
	for k, v := range anonFields(orgID(t, e.DB, "GM0344")) {
		form.Set(k, v)
	}
	r := e.Post("/anoniem-melden", form)
	webtest.WantStatus(t, r, http.StatusUnsupportedMediaType)
	wantAnonymousHeaders(t, r)
	webtest.WantBody(t, r, "multipart/form-data", `action="/anoniem-melden"`)
	webtest.WantNotInBody(t, r, "te groot")
	var n int
	if err := e.DB.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM incidents`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d incidents stored (%v), want none", n, err)
	}
}
