package opvolging_test

import (
	"context"
	"net/http"
	"net/url"
	"slices"
	"testing"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
)

// coordWithIncident logs in Utrecht's coördinator with one incident of
// Utrecht, reported by a wethouder.
func coordWithIncident(t *testing.T, db *store.DB, edit func(*incident.Incident)) (*fuEnv, auth.Account, *incident.Incident) {
	fe := newFuEnv(t, db)
	reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
	inc := fe.report(reporter, edit)
	fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	fe.as("coord@example.org")
	return fe, reporter, inc
}

func TestFollowUpIsAppendedAndShownOnTheTimeline(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, _, inc := coordWithIncident(t, db, nil)
		page := opvolging.CoordIncidentHref(inc.ID)
		r := fe.Post(page+"/opvolging", url.Values{"kind": {"gesprek_gevoerd"}, "doneAt": {""},
			"note": {"Gebeld met de wethouder; volgende week opnieuw."}})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != page {
			t.Errorf("Location %q", loc)
		}
		show := fe.Get(page)
		webtest.WantStatus(t, show, http.StatusOK)
		webtest.WantBody(t, show, "De opvolging is vastgelegd.", "Gesprek gevoerd", "ambtsdrager (test) (wethouder@example.org)",
			"Gebeld met de wethouder; volgende week opnieuw.", "Status: In behandeling",
			"Eerste contact met de melder: <span class=\"weerbaar-meta\">gedaan op 23-11-2026 10:00",
			"coordinator (test)")

		webtest.WantStatus(t, fe.Post(page+"/opvolging", url.Values{"kind": {"notitie"}, "note": {"Tweede notitie."}}),
			http.StatusSeeOther)
		show = fe.Get(page)
		webtest.WantBody(t, show, "Gebeld met de wethouder", "Tweede notitie.")
	})
}

func TestFollowUpProblemsComeBackNextToTheFieldsWithValuesKept(t *testing.T) {
	fe, _, inc := coordWithIncident(t, storetest.SQLite(t), nil)
	page := opvolging.CoordIncidentHref(inc.ID)
	tests := []struct {
		name string
		form url.Values
		want []string
	}{
		{"no kind", url.Values{"note": {"bewaard blijft dit"}}, []string{"Kies een van de mogelijkheden.", "bewaard blijft dit"}},
		{"reaction without its form", url.Values{"kind": {"reactie_dader"}, "note": {"brief volgt"}},
			[]string{"Kies de vorm van de reactie.", `id="veld-reactionForm"`, "brief volgt"}},
		{"date in the future", url.Values{"kind": {"maatregel"}, "doneAt": {"2027-01-05"}},
			[]string{"Deze datum ligt in de toekomst.", `value="2027-01-05"`}},
		{"unreadable date", url.Values{"kind": {"maatregel"}, "doneAt": {"morgen"}},
			[]string{"Vul een geldige datum in"}},
		{"note without text", url.Values{"kind": {"notitie"}}, []string{"Vul dit veld in."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := fe.Post(page+"/opvolging", tt.form)
			webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
			webtest.WantBody(t, r, append(tt.want, "Controleer het formulier")...)
		})
	}
	got, err := fe.inc.Get(context.Background(), principal(fe.mustAccount("coord@example.org")), inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.FollowUps) != 0 {
		t.Errorf("refused forms stored %d follow-ups", len(got.FollowUps))
	}
}

// TestReactionTowardThePerpetratorShowsIts48HourDeadline: a known
// perpetrator carries the VPT reaction deadline; the form says by when,
// and recording the reaction meets it.
func TestReactionTowardThePerpetratorShowsIts48HourDeadline(t *testing.T) {
	fe, _, inc := coordWithIncident(t, storetest.SQLite(t), nil)
	page := opvolging.CoordIncidentHref(inc.ID)
	show := fe.Get(page)
	webtest.WantBody(t, show, "Reactie naar de dader (binnen 48 uur): <span class=\"weerbaar-meta\">uiterlijk 25-11-2026 10:00",
		"Bij deze melding: uiterlijk 25-11-2026 10:00", `<option value="reactie_dader">Reactie naar de dader</option>`)
	start := fe.Get("/")
	webtest.WantBody(t, start, "Reactie naar de dader", "reactie uiterlijk 25-11-2026 10:00")

	webtest.WantStatus(t, fe.Post(page+"/opvolging", url.Values{"kind": {"reactie_dader"}, "reactionForm": {"brief"}}),
		http.StatusSeeOther)
	show = fe.Get(page)
	webtest.WantBody(t, show, "Reactie naar de dader (binnen 48 uur): <span class=\"weerbaar-meta\">gedaan op", "Vorm: Brief")
	webtest.WantNotInBody(t, fe.Get("/"), "reactie uiterlijk")
}

// TestRefusedStatusChangeIsExplained: closing twice, or following up a
// closed incident, is refused with a clear message and stores nothing;
// reopening makes it possible again.
func TestRefusedStatusChangeIsExplained(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, _, inc := coordWithIncident(t, db, nil)
		page := opvolging.CoordIncidentHref(inc.ID)
		webtest.WantStatus(t, fe.Post(page+"/opvolging", url.Values{"kind": {"afgesloten"}}), http.StatusSeeOther)
		show := fe.Get(page)
		webtest.WantBody(t, show, "Status: Afgesloten", `<option value="heropend">Heropend</option>`)
		webtest.WantNotInBody(t, show, `<option value="afgesloten">`)

		for _, kind := range []string{"afgesloten", "gesprek_gevoerd"} {
			r := fe.Post(page+"/opvolging", url.Values{"kind": {kind}, "note": {"te laat gezien"}})
			webtest.WantStatus(t, r, http.StatusConflict)
			webtest.WantBody(t, r, "Dit kan niet bij de huidige status van de melding", "te laat gezien")
		}
		webtest.WantStatus(t, fe.Post(page+"/opvolging", url.Values{"kind": {"heropend"}}), http.StatusSeeOther)
		webtest.WantStatus(t, fe.Post(page+"/opvolging", url.Values{"kind": {"gesprek_gevoerd"}}), http.StatusSeeOther)
		webtest.WantBody(t, fe.Get(page), "Status: In behandeling")
	})
}

func TestHomeAddressInTheAangifteIsRefusedWithTheReason(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, _, inc := coordWithIncident(t, db, nil)
		page := opvolging.CoordIncidentHref(inc.ID)
		form := url.Values{"type": {"aangifte"}, "filedBy": {"employer"}, "vptAsked": {"ja"}, "vptApplied": {"yes"},
			"address": {"home"}, "filedOn": {"2026-11-23"}, "policeUnit": {"Midden-Nederland"},
			"pvNumber": {"PL0900-2026112301"}, "pvPlace": {"Utrecht"}}
		r := fe.Post(page+"/aangifte", form)
		webtest.WantStatus(t, r, http.StatusUnprocessableEntity)
		webtest.WantBody(t, r, "Adres in de aangifte: Gebruik hier niet het woonadres: de verdachte kan het dossier inzien.",
			`href="#veld-address"`, `value="PL0900-2026112301"`, `value="Midden-Nederland"`)

		form.Set("address", "organisation")
		webtest.WantStatus(t, fe.Post(page+"/aangifte", form), http.StatusSeeOther)
		show := fe.Get(page)
		webtest.WantBody(t, show, "De aangifte is vastgelegd.", "Adres van de organisatie", "PL0900-2026112301",
			"De werkgever (wie het trof is getuige)", "VPT-label gevraagd")
	})
}

// TestChainStepNotifiesTheReporter: the reporter gets a notice on their
// start page and the e-mail hook is called for them.
func TestChainStepNotifiesTheReporter(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe, reporter, inc := coordWithIncident(t, db, nil)
		page := opvolging.CoordIncidentHref(inc.ID)
		r := fe.Post(page+"/strafrechtketen", url.Values{"step": {"zitting"}, "outcome": {"politierechter"},
			"on": {"2027-02-10"}, "stepNote": {"Zaal 3, rechtbank Midden-Nederland."}})
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if got := fe.notifications(reporter.ID); !slices.Contains(got, "incident.notice.chain.zitting") {
			t.Errorf("reporter's notifications = %v", got)
		}
		fe.mu.Lock()
		mailed := slices.ContainsFunc(fe.mailed, func(n incident.Notification) bool {
			return n.AccountID == reporter.ID && n.TextKey == "incident.notice.chain.zitting"
		})
		fe.mu.Unlock()
		if !mailed {
			t.Errorf("Notify was not called for the reporter: %+v", fe.mailed)
		}
		show := fe.Get(page)
		webtest.WantBody(t, show, "De stap is toegevoegd. De melder krijgt er bericht van.", "Zitting", "politierechter",
			"Zaal 3, rechtbank Midden-Nederland.", "10-02-2027")

		bad := fe.Post(page+"/strafrechtketen", url.Values{"step": {"uitspraak"}, "on": {"2027-02-10"},
			"stepNote": {"nog niet gebeurd"}})
		webtest.WantStatus(t, bad, http.StatusUnprocessableEntity)
		webtest.WantBody(t, bad, "Deze datum ligt in de toekomst.", "nog niet gebeurd")
	})
}

func TestMessageToTheReporterIsShownAndNotifies(t *testing.T) {
	fe, reporter, inc := coordWithIncident(t, storetest.SQLite(t), nil)
	page := opvolging.CoordIncidentHref(inc.ID)
	webtest.WantStatus(t, fe.Post(page+"/berichten", url.Values{"body": {"   "}}), http.StatusUnprocessableEntity)
	webtest.WantStatus(t, fe.Post(page+"/berichten", url.Values{"body": {"Kunnen we morgen bellen?"}}), http.StatusSeeOther)
	webtest.WantBody(t, fe.Get(page), "Kunnen we morgen bellen?", "Uw bericht is verstuurd.")
	if got := fe.notifications(reporter.ID); !slices.Contains(got, incident.NoticeMessage) {
		t.Errorf("reporter's notifications = %v", got)
	}
}

func TestMessageToAnAnonymousReporter(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	anon := incident.NewAnonymous(fe.inc, incident.AnonymousLimits{})
	var orgID int64
	if err := fe.DB.QueryRowContext(context.Background(), `SELECT id FROM organisations WHERE code = $1`,
		orgUtrecht).Scan(&orgID); err != nil {
		t.Fatal(err)
	}
	code, err := anon.Report(context.Background(), "127.0.0.1", &incident.Incident{OrgID: orgID,
		VictimRole: incident.RoleRaadslid, OccurredAt: fe.Clk.Now().Add(-time.Hour),
		Place: incident.Place{Kind: incident.PlaceOnline, Platform: "X"}, Description: "Dreigende berichten.",
		Kinds: []incident.Kind{incident.KindOnlineHate}, Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorAnonymous}})
	if err != nil {
		t.Fatal(err)
	}
	view, err := anon.Status(context.Background(), "127.0.0.1", code.String())
	if err != nil {
		t.Fatal(err)
	}
	fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	fe.as("coord@example.org")
	page := opvolging.CoordIncidentHref(view.Incident.ID)
	webtest.WantBody(t, fe.Get(page), "De melder is anoniem.", "Anoniem: alleen bereikbaar via de berichten hieronder")
	webtest.WantStatus(t, fe.Post(page+"/berichten", url.Values{"body": {"Wilt u contact met ons opnemen?"}}), http.StatusSeeOther)
	again, err := anon.Status(context.Background(), "127.0.0.1", code.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Messages) != 1 || again.Messages[0].Body != "Wilt u contact met ons opnemen?" {
		t.Errorf("anonymous reporter reads %+v", again.Messages)
	}
}

func (fe *fuEnv) mustAccount(email string) auth.Account {
	fe.T.Helper()
	a, err := fe.Auth.FindAccountByEmail(context.Background(), nil, email)
	if err != nil {
		fe.T.Fatal(err)
	}
	return a
}
