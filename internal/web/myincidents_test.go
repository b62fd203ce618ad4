package web

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestAnotherPersonsIncidentIsNotFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		sent := e.reportComplete()
		files := e.upload(hrefOf(sent, "/bijlagen"), [][2]string{{"bewijs.txt", "bewijs\n"}}, nil)
		wantStatus(t, files, http.StatusSeeOther)
		draft := e.startReport("nee")

		e.client.Jar, _ = cookiejar.New(nil)
		e.member("wethouder@example.org") // same organisation, other person
		gets := []string{hrefOf(sent, ""), hrefOf(sent, "/ontvangen"), hrefOf(sent, "/aangifte"),
			hrefOf(sent, "/aangifte.pdf"), hrefOf(sent, "/bijlagen/1"), stepHref(draft, 1), stepHref(draft, 8)}
		for _, path := range gets {
			r := e.get(path)
			if r.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404", path, r.StatusCode)
			}
			wantNotInBody(t, r, "Na de vergadering", "bewijs")
		}
		posts := map[string]url.Values{
			hrefOf(sent, "/berichten"):    {"body": {"Ik lees mee"}},
			hrefOf(sent, "/tevredenheid"): {"satisfied": {"nee"}, "reason": {"x"}},
			stepHref(draft, 2):            {"placeKind": {"werk"}, "actie": {"volgende"}},
			stepHref(draft, 8):            {"idempotencyKey": {"x"}, "actie": {"indienen"}},
		}
		for path, form := range posts {
			if r := e.post(path, form); r.StatusCode != http.StatusNotFound {
				t.Errorf("POST %s: status %d, want 404", path, r.StatusCode)
			}
		}
		if list := e.get("/meldingen"); strings.Contains(list.body, hrefOf(sent, "")) {
			t.Error("another person's incident is in Mijn meldingen")
		}
	})
}

func TestReporterAndHandlerExchangeMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		coord := e.coordinator("griffier@example.org", "GM0344")
		e.member("raadslid@example.org")
		id := e.reportComplete()
		empty := e.post(hrefOf(id, "/berichten"), url.Values{"body": {"  "}})
		wantStatus(t, empty, http.StatusUnprocessableEntity)
		if fieldError(empty.body, "body") == "" {
			t.Error("an empty message gets no error next to the field")
		}
		sent := e.post(hrefOf(id, "/berichten"), url.Values{"body": {"Kunt u mij bellen?"}})
		wantStatus(t, sent, http.StatusSeeOther)
		wantBody(t, e.get(hrefOf(id, "")), "Uw bericht is verstuurd.", "Kunt u mij bellen?")
		if _, err := e.svc.SendMessage(t.Context(), coord, id, "Ik bel u morgen om tien uur."); err != nil {
			t.Fatal(err)
		}
		start := e.get("/")
		wantBody(t, start, "Nieuw in uw meldingen", "Nieuw bericht bij melding")
		page := e.get(hrefOf(id, ""))
		wantBody(t, page, "Kunt u mij bellen?", "Ik bel u morgen om tien uur.", "nieuw")
		// Seen on the incident page: the notice is gone from the start page.
		wantNotInBody(t, e.get("/"), "Nieuw bericht bij melding")
	})
}

func TestNotificationOpensTheIncidentAndIsMarkedRead(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		coord := e.coordinator("griffier@example.org", "GM0344")
		e.member("raadslid@example.org")
		id := e.reportComplete()
		if _, err := e.svc.AddChainStep(t.Context(), coord, id, incident.ChainStep{Step: incident.ChainHearing,
			On: e.iclk.Now().AddDate(0, 1, 0), Outcome: "politierechter"}); err != nil {
			t.Fatal(err)
		}
		start := e.get("/")
		wantBody(t, start, "Nieuwe stap in de strafzaak bij uw melding: zitting")
		i := strings.Index(start.body, `href="/notificaties/`)
		if i < 0 {
			t.Fatal("no notice link on the start page")
		}
		link := start.body[i+6 : i+6+strings.Index(start.body[i+6:], `"`)]
		open := e.get(link)
		if open.StatusCode != http.StatusSeeOther || open.Header.Get("Location") != hrefOf(id, "") {
			t.Fatalf("notice: %d to %q", open.StatusCode, open.Header.Get("Location"))
		}
		wantNotInBody(t, e.get("/"), "Nieuwe stap in de strafzaak")
		page := e.get(hrefOf(id, ""))
		wantBody(t, page, "De strafzaak", "Zitting", "politierechter")
	})
}

func TestNotSatisfiedWithAReasonReopens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		coord := e.coordinator("griffier@example.org", "GM0344")
		e.member("raadslid@example.org")
		id := e.reportComplete()
		if _, err := e.svc.AddFollowUp(t.Context(), coord, id, incident.FollowUp{Kind: incident.FollowTalk}); err != nil {
			t.Fatal(err)
		}
		e.iclk.Add(60 * 1e9)
		if _, err := e.svc.AddFollowUp(t.Context(), coord, id, incident.FollowUp{Kind: incident.FollowClosed}); err != nil {
			t.Fatal(err)
		}
		page := e.get(hrefOf(id, ""))
		wantBody(t, page, "Bent u tevreden over de opvolging?", "Gesprek gevoerd", "Afgesloten")
		noReason := e.post(hrefOf(id, "/tevredenheid"), url.Values{"satisfied": {"nee"}})
		wantStatus(t, noReason, http.StatusUnprocessableEntity)
		if !strings.Contains(fieldError(noReason.body, "reason"), "Geef een reden") {
			t.Errorf("no reason asked for: %q", fieldError(noReason.body, "reason"))
		}
		e.iclk.Add(60 * 1e9)
		r := e.post(hrefOf(id, "/tevredenheid"), url.Values{"satisfied": {"nee"}, "reason": {"Niemand belde terug."}})
		wantStatus(t, r, http.StatusSeeOther)
		after := e.get(hrefOf(id, ""))
		wantBody(t, after, "Uw melding is heropend", "Heropend")
		wantNotInBody(t, after, "Bent u tevreden over de opvolging?")
		inc, err := e.svc.Get(t.Context(), coord, id)
		if err != nil || inc.Status != incident.StatusReopened {
			t.Fatalf("status %v (%v), want heropend", inc.Status, err)
		}
	})
}

func TestReporterRecordsTheirAangifteButNeverWithTheHomeAddress(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		id := e.reportComplete()
		wantBody(t, e.get("/"), "Aangifte nog niet gedaan")
		form := url.Values{"form": {"aangifte"}, "type": {"aangifte"}, "filedBy": {"victim"}, "filedOn": {"2026-11-22"},
			"address": {"home"}, "vptAsked": {"ja"}, "vptApplied": {"unknown"}, "policeUnit": {"Midden-Nederland"}}
		home := e.post(hrefOf(id, "/aangifte"), form)
		wantStatus(t, home, http.StatusUnprocessableEntity)
		if !strings.Contains(fieldError(home.body, "address"), "de verdachte kan het dossier inzien") {
			t.Errorf("home address: %q", fieldError(home.body, "address"))
		}
		wantBody(t, home, `value="Midden-Nederland"`, "<details class=\"weerbaar-details\" open>")
		form.Set("address", "organisation")
		ok := e.post(hrefOf(id, "/aangifte"), form)
		wantStatus(t, ok, http.StatusSeeOther)
		wantBody(t, e.get(hrefOf(id, "")), "Uw aangifte is vastgelegd.", "Vastgelegd: Aangifte op 22-11-2026.")
		wantNotInBody(t, e.get("/"), "Aangifte nog niet gedaan")
	})
}
