package api

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func countIncidents(t testing.TB, db *store.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM incidents`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Issue 16, exactly as reported: year 0 was stored, answered 500, and
// then every list of the organisation failed.
func TestYearZeroIsRefusedAtItsFieldAndNothingIsStored(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		f.submit("member", report())
		before := countIncidents(t, db)
		body := report()
		body["occurredAt"] = "0000-01-01T00:00:00+01:00"
		res := f.as("member", "POST", "/api/v1/meldingen", body)
		if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
			t.Fatalf("status %d, want 400 or 422: %s", res.StatusCode, res.body)
		}
		p := res.problem(t)
		if len(p.InvalidParams) != 1 || p.InvalidParams[0].Name != "occurredAt" || !strings.Contains(p.InvalidParams[0].Reason, "1-1-2000") {
			t.Errorf("invalid params %+v, want occurredAt before 1-1-2000", p.InvalidParams)
		}
		if after := countIncidents(t, db); after != before {
			t.Errorf("%d incidents stored, want %d: a refused report left a row", after, before)
		}
		for who, path := range map[string]string{"coordinator": "/api/v1/organisaties/GM0344/meldingen",
			"member": "/api/v1/meldingen"} {
			if res := f.as(who, "GET", path, nil); res.StatusCode != http.StatusOK {
				t.Errorf("GET %s: %d: %s", path, res.StatusCode, res.body)
			}
		}
	})
}

// A coördinator of another organisation gets for an existing melding
// exactly what they get for an id that does not exist.
func TestAnotherOrganisationsMeldingLooksLikeOneThatDoesNotExist(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		id := itoa(f.submit("member", report()))
		talk := map[string]any{"kind": "gesprek_gevoerd", "note": "Gesprek."}
		for _, c := range []struct {
			method, path string
			body         any
		}{
			{"GET", "/api/v1/meldingen/%s", nil},
			{"GET", "/api/v1/meldingen/%s/opvolgingen", nil},
			{"POST", "/api/v1/meldingen/%s/opvolgingen", talk},
		} {
			other := f.as("coordinatorAmsterdam", c.method, strings.Replace(c.path, "%s", id, 1), c.body)
			none := f.as("coordinatorAmsterdam", c.method, strings.Replace(c.path, "%s", "999999", 1), c.body)
			po, pn := other.problem(t), none.problem(t)
			if other.StatusCode != http.StatusNotFound || none.StatusCode != http.StatusNotFound ||
				po.Detail != pn.Detail || po.Title != pn.Title || len(po.InvalidParams) != len(pn.InvalidParams) {
				t.Errorf("%s %s: other organisation %d %+v; non-existent %d %+v", c.method, c.path,
					other.StatusCode, po, none.StatusCode, pn)
			}
		}
	})
}

// A malformed path with a large body gets its 400 over a connection that
// stays usable, not a reset while the client is still sending. The client
// is a plain one over TCP that sends its whole request, then reads the
// answer, then sends the next request on the same connection.
func TestBadPathWithALargeBodyGetsACleanAnswer(t *testing.T) {
	f := newFixture(t, storetest.SQLite(t))
	body := bytes.Repeat([]byte(`{"note":"`+strings.Repeat("x", 1000)+`"}`), 2<<10) // ~2 MB
	conn, err := net.Dial("tcp", strings.TrimPrefix(f.srv.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	rd := bufio.NewReader(conn)
	for i := range 3 {
		head := fmt.Sprintf("POST /api/v1/meldingen/abc/opvolgingen HTTP/1.1\r\nHost: test\r\n"+
			"Content-Type: application/json\r\nAuthorization: Bearer %s\r\nContent-Length: %d\r\n\r\n",
			f.token["coordinator"], len(body))
		if _, err := conn.Write(append([]byte(head), body...)); err != nil {
			t.Fatalf("attempt %d: sending: %v", i, err)
		}
		res, err := http.ReadResponse(rd, nil)
		if err != nil {
			t.Fatalf("attempt %d: reading the answer: %v", i, err)
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatalf("attempt %d: reading the answer: %v", i, err)
		}
		if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `"name":"id"`) || res.Close {
			t.Fatalf("attempt %d: %d (close %v) %s", i, res.StatusCode, res.Close, b)
		}
	}
}

// One damaged row: the lists and the export show the rest and say how
// many are missing; the damaged one alone answers a clear problem.
func TestListsLeaveOutADamagedMeldingAndSaySo(t *testing.T) {
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	good := f.submit("member", report())
	bad := f.submit("member", report())
	if _, err := db.ExecContext(f.ctx, `UPDATE incidents SET occurred_at = '-0001-12-31 23:40:28+00:00' WHERE id = $1`, bad); err != nil {
		t.Fatal(err)
	}
	var page struct {
		Items         []struct{ ID int64 }
		Skipped       int
		SkippedDetail *string
	}
	for who, path := range map[string]string{"coordinator": "/api/v1/organisaties/GM0344/meldingen", "member": "/api/v1/meldingen"} {
		res := f.as(who, "GET", path, nil)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, res.StatusCode, res.body)
		}
		page.SkippedDetail = nil
		res.decode(t, &page)
		if len(page.Items) != 1 || page.Items[0].ID != good || page.Skipped != 1 || page.SkippedDetail == nil {
			t.Errorf("GET %s: %s", path, res.body)
		}
	}
	res := f.as("coordinator", "GET", "/api/v1/organisaties/GM0344/meldingen/export", nil)
	if res.StatusCode != http.StatusOK || res.Header.Get("Skipped-Count") != "1" || strings.Count(string(res.body), "\n") != 2 {
		t.Errorf("export: %d, Skipped-Count %q:\n%s", res.StatusCode, res.Header.Get("Skipped-Count"), res.body)
	}
	res = f.as("coordinator", "GET", "/api/v1/meldingen/"+itoa(bad), nil)
	if p := res.problem(t); res.StatusCode != http.StatusInternalServerError || !strings.Contains(p.Detail, "beschadigd") {
		t.Errorf("damaged detail: %d %+v", res.StatusCode, p)
	}
	if res := f.as("coordinatorAmsterdam", "GET", "/api/v1/meldingen/"+itoa(bad), nil); res.StatusCode != http.StatusNotFound {
		t.Errorf("damaged detail for another organisation: %d, want 404", res.StatusCode)
	}
	if res := f.as("coordinator", "GET", "/api/v1/meldingen/"+itoa(good), nil); res.StatusCode != http.StatusOK {
		t.Errorf("good detail: %d", res.StatusCode)
	}
}
