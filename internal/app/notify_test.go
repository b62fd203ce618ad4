package app

import (
	"context"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/mail"
	"weerbaar/internal/mail/mailtest"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
)

type noticeFixture struct {
	inc      *incident.Service
	notices  *noticeMail
	reporter auth.Account
	coord    auth.Account
}

func newNoticeFixture(t *testing.T, db *store.DB, smtpAddr string) *noticeFixture {
	t.Helper()
	v, al := vaulttest.New(t, db), audit.New(db)
	authSvc := auth.NewService(db, al, auth.Options{Vault: v, Argon2: auth.Argon2Params{Time: 1, MemoryKiB: 1024, Threads: 1}})
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	f := &noticeFixture{}
	f.notices = newNoticeMail(mail.New(mail.Options{Addr: smtpAddr, From: "weerbaar@example.org", Log: log}),
		authSvc, cat, "https://weerbaar.example.org/", log)
	f.inc = incident.New(db, v, al, incident.Options{Notify: f.notices.Notify})
	var org int64
	if err := db.QueryRowContext(context.Background(), `SELECT id FROM organisations WHERE code = 'GM0344'`).Scan(&org); err != nil {
		t.Fatal(err)
	}
	for _, a := range []struct {
		dst   *auth.Account
		email string
		role  auth.Role
	}{{&f.reporter, "wethouder@example.org", auth.RoleMember}, {&f.coord, "coord@example.org", auth.RoleCoordinator}} {
		if *a.dst, err = authSvc.CreateAccount(context.Background(), nil, auth.NewAccount{Email: a.email,
			Name: string(a.role) + " (test)", Role: a.role, OrgID: org, Password: "lange testzin voor weerbaar"}); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

func (f *noticeFixture) principal(a auth.Account) *auth.Principal {
	return &auth.Principal{AccountID: a.ID, OrgID: a.OrgID, Role: a.Role}
}

func (f *noticeFixture) submit(t *testing.T) *incident.Incident {
	t.Helper()
	inc, err := f.inc.Submit(context.Background(), f.principal(f.reporter), &incident.Incident{
		Mode: incident.ModeSelf, VictimRole: incident.RoleWethouder, OccurredAt: time.Now().Add(-time.Hour),
		Place: incident.Place{Kind: incident.PlaceWork}, Description: "Geheime beschrijving van het voorval.",
		Kinds: []incident.Kind{incident.KindThreat}, Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorKnown},
	}, "")
	if err != nil {
		t.Fatal(err)
	}
	return inc
}

// TestChainStepIsEmailedToTheReporterWithoutContent: with SMTP set, the
// coördinator's chain step reaches the reporter by e-mail, with a link to
// their own page and nothing of the incident; the new incident reached
// the coördinator with a link to the organisation's page.
func TestChainStepIsEmailedToTheReporterWithoutContent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		smtp := mailtest.Start(t, nil)
		f := newNoticeFixture(t, db, smtp.Addr)
		inc := f.submit(t)
		if _, err := f.inc.AddChainStep(context.Background(), f.principal(f.coord), inc.ID, incident.ChainStep{
			Step: incident.ChainHearing, Outcome: "politierechter", On: time.Now().AddDate(0, 1, 0),
			Note: "Geheime toelichting."}); err != nil {
			t.Fatal(err)
		}
		f.notices.Wait()
		msgs := smtp.Messages()
		byTo := map[string]mailtest.Message{}
		for _, m := range msgs {
			byTo[strings.Join(m.To, ",")] = m
		}
		rep, ok := byTo["wethouder@example.org"]
		if !ok {
			t.Fatalf("no e-mail to the reporter; got %d messages", len(msgs))
		}
		if rep.Subject != "Weerbaar: Nieuwe stap in de strafzaak bij uw melding: zitting" {
			t.Errorf("subject %q", rep.Subject)
		}
		wantLink := "https://weerbaar.example.org/meldingen/" + strconv.FormatInt(inc.ID, 10)
		if !strings.Contains(rep.Body, wantLink) {
			t.Errorf("body lacks %s:\n%s", wantLink, rep.Body)
		}
		coord, ok := byTo["coord@example.org"]
		if !ok || !strings.Contains(coord.Body, "https://weerbaar.example.org/organisatie/meldingen/"+strconv.FormatInt(inc.ID, 10)) {
			t.Errorf("coördinator's e-mail about the new incident: %+v", coord)
		}
		for _, m := range msgs {
			for _, secret := range []string{"Geheime", "politierechter"} {
				if strings.Contains(m.Data, secret) || strings.Contains(m.Body, secret) {
					t.Errorf("e-mail to %v holds %q", m.To, secret)
				}
			}
		}
	})
}

func TestWithoutSMTPNoticesAreOnlyOnTheStartPage(t *testing.T) {
	f := newNoticeFixture(t, storetest.SQLite(t), "")
	inc := f.submit(t)
	if _, err := f.inc.AddChainStep(context.Background(), f.principal(f.coord), inc.ID, incident.ChainStep{
		Step: incident.ChainDecision, On: time.Now()}); err != nil {
		t.Fatal(err)
	}
	f.notices.Wait()
	notes, err := f.inc.Notifications(context.Background(), f.principal(f.reporter))
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) != 1 || notes[0].TextKey != "incident.notice.chain.beslissing_om" {
		t.Errorf("reporter's notices = %+v", notes)
	}
}
