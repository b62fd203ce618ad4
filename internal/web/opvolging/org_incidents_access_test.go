package opvolging_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/web/opvolging"
	"weerbaar/internal/web/webtest"
)

// TestEveryRoleAgainstOwnAndOtherOrganisationsIncidentPages walks each
// role over the organisation's pages of an incident of Utrecht: only
// Utrecht's coördinator reads and follows it up; Amsterdam's coördinator
// gets "not found" (its existence is not theirs to know); other roles get
// "no access" without any of its content; the support team only reads it
// once it is referred.
func TestEveryRoleAgainstOwnAndOtherOrganisationsIncidentPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe := newFuEnv(t, db)
		reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
		inc := fe.report(reporter, nil)
		page := opvolging.CoordIncidentHref(inc.ID)
		secret := "weet waar ik woon"
		tests := []struct {
			email, org string
			role       auth.Role
			list, show int
			post       int
		}{
			{"coord-utrecht@example.org", orgUtrecht, auth.RoleCoordinator, 200, 200, http.StatusSeeOther},
			{"coord-amsterdam@example.org", orgAmsterdam, auth.RoleCoordinator, 200, 404, 404},
			{"lid@example.org", orgUtrecht, auth.RoleMember, 403, 403, 403},
			{"team@example.org", "", auth.RoleSupportTeam, 403, 403, 403},
			{"partner@example.org", "BZK", auth.RolePartner, 403, 403, 403},
			{"secretariaat@example.org", "", auth.RoleSecretariat, 403, 403, 403},
			{"beheer@example.org", "", auth.RoleAdmin, 403, 403, 403},
		}
		for _, tt := range tests {
			t.Run(string(tt.role)+"-"+tt.org, func(t *testing.T) {
				fe.Account(tt.email, tt.role, tt.org)
				fe.as(tt.email)
				list := fe.Get("/organisatie/meldingen")
				webtest.WantStatus(t, list, tt.list)
				show := fe.Get(page)
				webtest.WantStatus(t, show, tt.show)
				post := fe.Post(page+"/opvolging", url.Values{"kind": {"notitie"}, "note": {"bekeken door " + tt.email}})
				webtest.WantStatus(t, post, tt.post)
				if tt.show != http.StatusOK {
					webtest.WantNotInBody(t, show, secret)
					webtest.WantNotInBody(t, list, "Melding "+strconv.FormatInt(inc.ID, 10))
				} else {
					webtest.WantBody(t, show, secret)
				}
			})
		}
		got, err := fe.inc.Get(context.Background(), &auth.Principal{AccountID: reporter.ID, OrgID: reporter.OrgID,
			Role: auth.RoleMember}, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.FollowUps) != 1 {
			t.Errorf("follow-ups = %d, want only the Utrecht coördinator's", len(got.FollowUps))
		}
	})
}

func TestAnonymousVisitorIsSentToLogin(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	for _, path := range []string{"/organisatie/meldingen", "/organisatie/meldingen/1", "/organisatie/protocol",
		"/organisatie/meldingen/export.csv", "/ondersteuningsteam/zonder-protocol"} {
		r := fe.Get(path)
		webtest.WantStatus(t, r, http.StatusSeeOther)
		if loc := r.Header.Get("Location"); loc != "/login?terug="+url.QueryEscape(path) {
			t.Errorf("%s: Location %q", path, loc)
		}
	}
}

// TestSupportTeamReadsOnlyReferredIncidentsWithoutForms: before the
// coördinator refers it, the support team gets "not found"; after, a
// read-only page without any form.
func TestSupportTeamReadsOnlyReferredIncidentsWithoutForms(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe := newFuEnv(t, db)
		reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
		coord := fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
		inc := fe.report(reporter, nil)
		fe.Account("team@example.org", auth.RoleSupportTeam, "")
		fe.as("team@example.org")
		webtest.WantStatus(t, fe.Get(opvolging.SupportIncidentHref(inc.ID)), http.StatusNotFound)
		list := fe.Get("/ondersteuningsteam/meldingen")
		webtest.WantStatus(t, list, http.StatusOK)
		webtest.WantNotInBody(t, list, fmt.Sprintf("Melding %d", inc.ID))

		if _, err := fe.inc.AddFollowUp(context.Background(), principal(coord), inc.ID,
			incident.FollowUp{Kind: incident.FollowReferredSupport}); err != nil {
			t.Fatal(err)
		}
		list = fe.Get("/ondersteuningsteam/meldingen")
		webtest.WantBody(t, list, fmt.Sprintf("Melding %d", inc.ID), opvolging.SupportIncidentHref(inc.ID))
		show := fe.Get(opvolging.SupportIncidentHref(inc.ID))
		webtest.WantStatus(t, show, http.StatusOK)
		webtest.WantBody(t, show, "weet waar ik woon", "Doorverwezen naar het Ondersteuningsteam", "Bekend bij de coördinator van de organisatie")
		webtest.WantNotInBody(t, show, "wethouder@example.org")
		webtest.WantNotInBody(t, show, "<form method=\"post\" action=\"/organisatie", "/opvolging")
		webtest.WantStatus(t, fe.Post(opvolging.CoordIncidentHref(inc.ID)+"/opvolging", url.Values{"kind": {"notitie"}, "note": {"x"}}),
			http.StatusForbidden)
	})
}

// TestEveryViewOfAnIncidentIsAudited: the page is a read of the incident
// and of its messages, each in the audit log.
func TestEveryViewOfAnIncidentIsAudited(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
	inc := fe.report(reporter, nil)
	fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	fe.as("coord@example.org")
	id := strconv.FormatInt(inc.ID, 10)
	for i := 1; i <= 2; i++ {
		webtest.WantStatus(t, fe.Get(opvolging.CoordIncidentHref(inc.ID)), http.StatusOK)
		if n := fe.auditCount("incident.read", id); n != i {
			t.Errorf("after %d views: %d incident.read rows", i, n)
		}
		if n := fe.auditCount("incident.messages.read", id); n != i {
			t.Errorf("after %d views: %d incident.messages.read rows", i, n)
		}
	}
	fe.Account("coord-ams@example.org", auth.RoleCoordinator, orgAmsterdam)
	fe.as("coord-ams@example.org")
	webtest.WantStatus(t, fe.Get(opvolging.CoordIncidentHref(inc.ID)), http.StatusNotFound)
	if n := fe.auditCount("incident.denied", id); n != 1 {
		t.Errorf("refused view: %d incident.denied rows, want 1", n)
	}
}

// TestForgedCrossOriginPostIsRefused: a form posted from another site
// does nothing.
func TestForgedCrossOriginPostIsRefused(t *testing.T) {
	fe := newFuEnv(t, storetest.SQLite(t))
	reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
	inc := fe.report(reporter, nil)
	fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
	fe.as("coord@example.org")
	for _, path := range []string{"/opvolging", "/strafrechtketen", "/berichten", "/aangifte"} {
		r := fe.Post(opvolging.CoordIncidentHref(inc.ID)+path, url.Values{"kind": {"afgesloten"}, "step": {"zitting"},
			"on": {"2026-12-01"}, "body": {"hallo"}}, "Sec-Fetch-Site", "cross-site", "Origin", "https://aanvaller.example")
		webtest.WantStatus(t, r, http.StatusForbidden)
	}
	r := fe.Post("/organisatie/protocol", url.Values{"norm": {"x"}}, "Sec-Fetch-Site", "cross-site",
		"Origin", "https://aanvaller.example")
	webtest.WantStatus(t, r, http.StatusForbidden)
	got, err := fe.inc.Get(context.Background(), principal(reporter), inc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != incident.StatusNew || len(got.FollowUps)+len(got.Chain) != 0 {
		t.Errorf("forged posts changed the incident: status %s, %d follow-ups, %d chain steps",
			got.Status, len(got.FollowUps), len(got.Chain))
	}
}

// TestEvidenceIsDownloadedOnlyByThoseWhoMayReadTheIncident: the
// coördinator gets the file as a download (audited); another
// organisation's coördinator gets "not found".
func TestEvidenceIsDownloadedOnlyByThoseWhoMayReadTheIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		fe := newFuEnv(t, db)
		reporter := fe.Account("wethouder@example.org", auth.RoleMember, orgUtrecht)
		inc := fe.report(reporter, nil)
		files, err := fe.inc.Attach(context.Background(), principal(reporter), inc.ID,
			[]incident.Upload{{Filename: "verslag.txt", Data: []byte("Verslag van de inspraakavond.")}})
		if err != nil {
			t.Fatal(err)
		}
		href := fmt.Sprintf("%s/bijlagen/%d", opvolging.CoordIncidentHref(inc.ID), files[0].ID)
		fe.Account("coord@example.org", auth.RoleCoordinator, orgUtrecht)
		fe.as("coord@example.org")
		webtest.WantBody(t, fe.Get(opvolging.CoordIncidentHref(inc.ID)), `href="`+href+`"`, "verslag.txt")
		r := fe.Get(href)
		webtest.WantStatus(t, r, http.StatusOK)
		if r.Body != "Verslag van de inspraakavond." {
			t.Errorf("file = %q", r.Body)
		}
		if cd := r.Header.Get("Content-Disposition"); cd != `attachment; filename=verslag.txt` {
			t.Errorf("Content-Disposition %q", cd)
		}
		if n := fe.auditCount("attachment.download", strconv.FormatInt(files[0].ID, 10)); n != 1 {
			t.Errorf("%d downloads audited, want 1", n)
		}
		fe.Account("coord-ams@example.org", auth.RoleCoordinator, orgAmsterdam)
		fe.as("coord-ams@example.org")
		webtest.WantStatus(t, fe.Get(href), http.StatusNotFound)
	})
}
