package meldingen_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"

	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/meldingen"
	"weerbaar/internal/web/webtest"
)

func TestAnotherPersonsIncidentIsNotFound(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		e := newReportEnv(t, db)
		e.member("raadslid@example.org")
		sent := e.reportComplete()
		files := e.upload(webtest.MeldingHref(sent, "/bijlagen"), [][2]string{{"bewijs.txt", "bewijs\n"}}, nil)
		webtest.WantStatus(t, files, http.StatusSeeOther)
		draft := e.startReport("nee")

		e.Client.Jar, _ = cookiejar.New(nil)
		e.member("wethouder@example.org") // same organisation, other person
		gets := []string{webtest.MeldingHref(sent, ""), webtest.MeldingHref(sent, "/ontvangen"), webtest.MeldingHref(sent, "/aangifte"),
			webtest.MeldingHref(sent, "/aangifte.pdf"), webtest.MeldingHref(sent, "/bijlagen/1"), meldingen.StepHref(draft, 1), meldingen.StepHref(draft, 8)}
		for _, path := range gets {
			r := e.Get(path)
			if r.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want 404", path, r.StatusCode)
			}
			webtest.WantNotInBody(t, r, "Na de vergadering", "bewijs")
		}
		posts := map[string]url.Values{
			webtest.MeldingHref(sent, "/berichten"):    {"body": {"Ik lees mee"}},
			webtest.MeldingHref(sent, "/tevredenheid"): {"satisfied": {"nee"}, "reason": {"x"}},
			meldingen.StepHref(draft, 2):               {"placeKind": {"werk"}, "actie": {"volgende"}},
			meldingen.StepHref(draft, 8):               {"idempotencyKey": {"x"}, "actie": {"indienen"}},
		}
		for path, form := range posts {
			if r := e.Post(path, form); r.StatusCode != http.StatusNotFound {
				t.Errorf("POST %s: status %d, want 404", path, r.StatusCode)
			}
		}
		if list := e.Get("/meldingen"); strings.Contains(list.Body, webtest.MeldingHref(sent, "")) {
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
		empty := e.Post(webtest.MeldingHref(id, "/berichten"), url.Values{"body": {"  "}})
		webtest.WantStatus(t, empty, http.StatusUnprocessableEntity)
		if webtest.FieldError(empty.Body, "body") == "" {
			t.Error("an empty message gets no error next to the field")
		}
		sent := e.Post(webtest.MeldingHref(id, "/berichten"), url.Values{"body": {"Kunt u mij bellen?"}})
		webtest.WantStatus(t, sent, http.StatusSeeOther)
		webtest.WantBody(t, e.Get(webtest.MeldingHref(id, "")), "Uw bericht is verstuurd.", "Kunt u mij bellen?")
		if _, err := e.svc.SendMessage(t.Context(), coord, id, "Ik bel u morgen om tien uur."); err != nil {
			t.Fatal(err)
		}
		start := e.Get("/")
		webtest.WantBody(t, start, "Nieuw in uw meldingen", "Nieuw bericht bij melding")
		page := e.Get(webtest.MeldingHref(id, ""))
		webtest.WantBody(t, page, "Kunt u mij bellen?", "Ik bel u morgen om tien uur.", "nieuw")
		// Seen on the incident page: the notice is gone from the start page.
		webtest.WantNotInBody(t, e.Get("/"), "Nieuw bericht bij melding")
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
		start := e.Get("/")
		webtest.WantBody(t, start, "Nieuwe stap in de strafzaak bij uw melding: zitting")
		i := strings.Index(start.Body, `href="/notificaties/`)
		if i < 0 {
			t.Fatal("no notice link on the start page")
		}
		link := start.Body[i+6 : i+6+strings.Index(start.Body[i+6:], `"`)]
		open := e.Get(link)
		if open.StatusCode != http.StatusSeeOther || open.Header.Get("Location") != webtest.MeldingHref(id, "") {
			t.Fatalf("notice: %d to %q", open.StatusCode, open.Header.Get("Location"))
		}
		webtest.WantNotInBody(t, e.Get("/"), "Nieuwe stap in de strafzaak")
		page := e.Get(webtest.MeldingHref(id, ""))
		webtest.WantBody(t, page, "De strafzaak", "Zitting", "politierechter")
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
		page := e.Get(webtest.MeldingHref(id, ""))
		webtest.WantBody(t, page, "Bent u tevreden over de opvolging?", "Gesprek gevoerd", "Afgesloten")
		noReason := e.Post(webtest.MeldingHref(id, "/tevredenheid"), url.Values{"satisfied": {"nee"}})
		webtest.WantStatus(t, noReason, http.StatusUnprocessableEntity)
		if !strings.Contains(webtest.FieldError(noReason.Body, "reason"), "Geef een reden") {
			t.Errorf("no reason asked for: %q", webtest.FieldError(noReason.Body, "reason"))
		}
		e.iclk.Add(60 * 1e9)
		r := e.Post(webtest.MeldingHref(id, "/tevredenheid"), url.Values{"satisfied": {"nee"}, "reason": {"Niemand belde terug."}})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		after := e.Get(webtest.MeldingHref(id, ""))
		webtest.WantBody(t, after, "Uw melding is heropend", "Heropend")
		webtest.WantNotInBody(t, after, "Bent u tevreden over de opvolging?")
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
		webtest.WantBody(t, e.Get("/"), "Aangifte nog niet gedaan")
		form := url.Values{"form": {"aangifte"}, "type": {"aangifte"}, "filedBy": {"victim"}, "filedOn": {"2026-11-22"},
			"address": {"home"}, "vptAsked": {"ja"}, "vptApplied": {"unknown"}, "policeUnit": {"Midden-Nederland"}}
		home := e.Post(webtest.MeldingHref(id, "/aangifte"), form)
		webtest.WantStatus(t, home, http.StatusUnprocessableEntity)
		if !strings.Contains(webtest.FieldError(home.Body, "address"), "de verdachte kan het dossier inzien") {
			t.Errorf("home address: %q", webtest.FieldError(home.Body, "address"))
		}
		webtest.WantBody(t, home, `value="Midden-Nederland"`, "<details class=\"weerbaar-details\" open>")
		form.Set("address", "organisation")
		ok := e.Post(webtest.MeldingHref(id, "/aangifte"), form)
		webtest.WantStatus(t, ok, http.StatusSeeOther)
		webtest.WantBody(t, e.Get(webtest.MeldingHref(id, "")), "Uw aangifte is vastgelegd.", "Vastgelegd: Aangifte op 22-11-2026.")
		webtest.WantNotInBody(t, e.Get("/"), "Aangifte nog niet gedaan")
	})
}
