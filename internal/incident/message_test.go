package incident

import (
	"context"
	"errors"
	"strings"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestOnlyPeopleWhoMaySeeTheIncidentReadItsMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		if _, err := f.svc.SendMessage(ctx, reporter, inc.ID, "Er is vandaag een nieuwe brief gekomen."); err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name     string
			p        *auth.Principal
			read     bool
			send     bool
			wantSide Sender
		}{
			{"the reporter", reporter, true, true, SenderReporter},
			{"the coördinator of the organisation", f.coordinator(f.orgA), true, true, SenderHandler},
			{"a coördinator of another organisation", f.coordinator(f.orgB), false, false, ""},
			{"a colleague in the same organisation", f.member(2, f.orgA), false, false, ""},
			{"the support team, not referred", f.role(auth.RoleSupportTeam, 0), false, false, ""},
			{"a network partner", f.role(auth.RolePartner, f.orgA), false, false, ""},
			{"the secretariat", f.role(auth.RoleSecretariat, 0), false, false, ""},
			{"a beheerder", f.role(auth.RoleAdmin, 0), false, false, ""},
			{"nobody", nil, false, false, ""},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				msgs, err := f.svc.Messages(ctx, c.p, inc.ID)
				if c.read != (err == nil) {
					t.Fatalf("read: err %v, want allowed=%v", err, c.read)
				}
				if !c.read && !errors.Is(err, ErrForbidden) {
					t.Fatalf("read refused with %v, want ErrForbidden", err)
				}
				if c.read && (len(msgs) == 0 || msgs[0].Body != "Er is vandaag een nieuwe brief gekomen.") {
					t.Fatalf("messages: %+v", msgs)
				}
				m, err := f.svc.SendMessage(ctx, c.p, inc.ID, "bericht van "+c.name)
				if c.send != (err == nil) {
					t.Fatalf("send: err %v, want allowed=%v", err, c.send)
				}
				if c.send && m.Sender != c.wantSide {
					t.Fatalf("sent as %s, want %s", m.Sender, c.wantSide)
				}
			})
		}
		// Every refusal is audited.
		if n := countAudit(t, db, "incident.denied", inc.ID); n < 14 {
			t.Fatalf("%d refusals audited, want at least 14", n)
		}
	})
}

func TestSupportTeamReadsButDoesNotWriteOnAReferredIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		if _, err := f.svc.SendMessage(ctx, reporter, inc.ID, "Graag hulp."); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ExecContext(ctx, `UPDATE incidents SET referred_support = TRUE WHERE id = $1`, inc.ID); err != nil {
			t.Fatal(err)
		}
		team := f.role(auth.RoleSupportTeam, 0)
		if _, err := f.svc.Messages(ctx, team, inc.ID); err != nil {
			t.Fatalf("support team reads a referred incident's messages: %v", err)
		}
		// Reading as a bystander marks nothing read for the handler.
		if n, _ := f.svc.UnreadMessages(ctx, f.coordinator(f.orgA), inc.ID); n != 1 {
			t.Fatalf("coördinator unread = %d after the team read, want 1", n)
		}
		if _, err := f.svc.SendMessage(ctx, team, inc.ID, "x"); !errors.Is(err, ErrForbidden) {
			t.Fatalf("support team writes: %v, want ErrForbidden", err)
		}
	})
}

func TestHandlersReplyIsUnreadForTheReporterAndNotifiesThem(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		coord := f.coordinator(f.orgA)
		if _, err := f.svc.SendMessage(ctx, coord, inc.ID, "Zullen we morgen bellen?"); err != nil {
			t.Fatal(err)
		}
		if n, err := f.svc.UnreadMessages(ctx, reporter, inc.ID); err != nil || n != 1 {
			t.Fatalf("reporter unread = %d, %v; want 1", n, err)
		}
		if n, _ := f.svc.UnreadMessages(ctx, coord, inc.ID); n != 0 {
			t.Fatalf("own message counted unread for the coördinator: %d", n)
		}
		notes, err := f.svc.Notifications(ctx, reporter)
		if err != nil || len(notes) != 1 || notes[0].TextKey != NoticeMessage || notes[0].IncidentID != inc.ID {
			t.Fatalf("notifications: %+v, %v", notes, err)
		}
		if len(f.notes) != 1 {
			t.Fatalf("mail hook got %d notifications, want 1", len(f.notes))
		}
		msgs, _ := f.svc.Messages(ctx, reporter, inc.ID)
		if len(msgs) != 1 || !msgs[0].Unread() {
			t.Fatal("the reply should show as new in the view that reads it")
		}
		if n, _ := f.svc.UnreadMessages(ctx, reporter, inc.ID); n != 0 {
			t.Fatalf("reporter unread after reading = %d", n)
		}
		if n := countAudit(t, db, "incident.message", inc.ID); n != 1 {
			t.Fatalf("%d message audit rows, want 1", n)
		}
	})
}

func TestMessageBodyIsRequiredAndBounded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		inc := f.submit(t, reporter, f.report())
		for body, code := range map[string]string{
			"   ":                             "required",
			strings.Repeat("a", maxMessage+1): "too_long",
		} {
			_, err := f.svc.SendMessage(ctx, reporter, inc.ID, body)
			if got := fieldCodes(t, err)["body"]; got != code {
				t.Errorf("body of %d chars: %q, want %q", len(body), got, code)
			}
		}
		draft, err := f.svc.SaveDraft(ctx, reporter, f.report())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.SendMessage(ctx, reporter, draft, "hallo"); !errors.Is(err, ErrTransition) {
			t.Fatalf("message on a draft: %v, want ErrTransition", err)
		}
	})
}

func TestSealedMessageDoesNotOpenOnAnotherIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newFixture(t, db)
		reporter := f.member(1, f.orgA)
		a := f.submit(t, reporter, f.report())
		b := f.submit(t, reporter, f.report())
		if _, err := f.svc.SendMessage(ctx, reporter, a.ID, "geheim"); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.SendMessage(ctx, reporter, b.ID, "ander"); err != nil {
			t.Fatal(err)
		}
		// Copy a's sealed body over b's message.
		if _, err := db.ExecContext(ctx, `UPDATE incident_messages SET body_enc =
			(SELECT body_enc FROM incident_messages WHERE incident_id = $1) WHERE incident_id = $2`, a.ID, b.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Messages(ctx, reporter, b.ID); err == nil {
			t.Fatal("a message sealed for another incident opened")
		}
	})
}
