package incident

import (
	"context"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestSubmitRefusesMissingFieldsFutureDateAndUnknownKind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		p := f.member(1, f.orgA)

		_, err := f.svc.Submit(ctx, p, &Incident{}, "")
		codes := fieldCodes(t, err)
		for _, field := range []string{"occurredAt", "placeKind", "description", "kinds", "victimRole", "perpetratorKind"} {
			if codes[field] != "required" {
				t.Errorf("%s: code %q, want required", field, codes[field])
			}
		}

		bad := f.report()
		bad.OccurredAt = f.clock.t.Add(24 * time.Hour)
		bad.Kinds = []Kind{KindThreat, "hacking"}
		bad.Place = Place{Kind: PlaceOnline}
		_, err = f.svc.Submit(ctx, p, bad, "")
		codes = fieldCodes(t, err)
		want := map[string]string{"occurredAt": "future", "kinds": "unknown", "platform": "required"}
		for field, code := range want {
			if codes[field] != code {
				t.Errorf("%s: code %q, want %q", field, codes[field], code)
			}
		}
		if list, _ := f.svc.ListOwn(ctx, p); len(list) != 0 {
			t.Errorf("a refused report must store nothing, found %d", len(list))
		}
	})
}

func TestSubmittedReportIsNewWithHistoryAndDeadlines(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		p := f.member(1, f.orgA)
		inc := f.submit(t, p, f.report())
		got, err := f.svc.Get(ctx, p, inc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != StatusNew || got.OrgID != f.orgA || got.ReporterID != 1 || got.SubmittedAt.IsZero() {
			t.Errorf("got status %s org %d reporter %d submitted %v", got.Status, got.OrgID, got.ReporterID, got.SubmittedAt)
		}
		if len(got.History) != 1 || got.History[0].From != StatusDraft || got.History[0].To != StatusNew {
			t.Errorf("history %+v, want concept -> nieuw", got.History)
		}
		if len(got.Kinds) != 2 || got.Kinds[0] != KindVerbal || got.Kinds[1] != KindThreat {
			t.Errorf("kinds %v, want in form order [verbale_agressie bedreiging]", got.Kinds)
		}
		wantFirst := time.Date(2026, 11, 25, 0, 0, 0, 0, amsterdam) // end of Tuesday
		if !got.Deadlines.FirstContact.Due.Equal(wantFirst) {
			t.Errorf("first contact due %v, want %v", got.Deadlines.FirstContact.Due, wantFirst)
		}
		if want := f.clock.t.Add(48 * time.Hour); !got.Deadlines.Reaction.Due.Equal(want) {
			t.Errorf("reaction due %v, want %v (48 hours: the perpetrator is known)", got.Deadlines.Reaction.Due, want)
		}
		if want := time.Date(2026, 11, 26, 0, 0, 0, 0, amsterdam); !got.Deadlines.Aangifte.Due.Equal(want) {
			t.Errorf("aangifte reminder %v, want %v (2 working days after the incident)", got.Deadlines.Aangifte.Due, want)
		}
	})
}

func TestNoReactionDeadlineForAnonymousPerpetratorAndNoReminderWhenReported(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		in := f.report()
		in.Perpetrator = Perpetrator{Kind: PerpetratorAnonymous}
		in.ReportedToPolice, in.PoliceReference = true, "PL0900-2026123456"
		got := f.submit(t, f.member(1, f.orgA), in)
		if !got.Deadlines.Reaction.Due.IsZero() {
			t.Error("no reaction toward an anonymous account is possible: no 48-hour deadline")
		}
		if !got.Deadlines.Aangifte.Due.IsZero() {
			t.Error("already reported to the police: no aangifte reminder")
		}
	})
}

func TestDraftCanBeSavedIncompleteAndSubmittedLater(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		p := f.member(1, f.orgA)
		id, err := f.svc.SaveDraft(ctx, p, &Incident{Description: "Half verhaal"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := f.svc.Get(ctx, p, id)
		if err != nil || d.Status != StatusDraft || d.Description != "Half verhaal" {
			t.Fatalf("draft: %+v, %v", d, err)
		}
		if _, err := f.svc.Get(ctx, f.coordinator(f.orgA), id); err == nil {
			t.Error("the coördinator must not see a draft before it is submitted")
		}
		if _, err := f.svc.SaveDraft(ctx, p, &Incident{ID: id, Kinds: []Kind{"onzin"}}); err == nil {
			t.Error("a draft with an unknown kind must be refused")
		}
		full := f.report()
		full.ID = id
		got, err := f.svc.Submit(ctx, p, full, "")
		if err != nil {
			t.Fatal(err)
		}
		if got.ID != id || got.Status != StatusNew {
			t.Errorf("submitted %d %s, want draft %d as nieuw", got.ID, got.Status, id)
		}
		_, err = f.svc.SaveDraft(ctx, p, &Incident{ID: id, Description: "anders"})
		wantForbidden(t, err) // submitted: no longer a draft
		otherDraft, err := f.svc.SaveDraft(ctx, f.member(2, f.orgA), &Incident{Description: "van een ander"})
		if err != nil {
			t.Fatal(err)
		}
		steal := f.report()
		steal.ID = otherDraft
		_, err = f.svc.Submit(ctx, p, steal, "")
		wantForbidden(t, err)
		_, err = f.svc.SaveDraft(ctx, p, steal)
		wantForbidden(t, err)
		theirs, err := f.svc.Get(ctx, f.member(2, f.orgA), otherDraft)
		if err != nil || theirs.Description != "van een ander" || theirs.Status != StatusDraft {
			t.Errorf("the other draft was changed: %+v %v", theirs, err)
		}
	})
}

func TestSubmitWithSameIdempotencyKeyReturnsFirstIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		p := f.member(1, f.orgA)
		first, err := f.svc.Submit(ctx, p, f.report(), "key-1")
		if err != nil {
			t.Fatal(err)
		}
		again, err := f.svc.Submit(ctx, p, f.report(), "key-1")
		if err != nil || again.ID != first.ID {
			t.Fatalf("retry: id %v err %v, want the first incident %d", again, err, first.ID)
		}
		// Concurrent retries still make one incident.
		var wg sync.WaitGroup
		ids := make([]int64, 8)
		errs := make([]error, 8)
		for i := range ids {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, err := f.svc.Submit(ctx, p, f.report(), "key-2")
				errs[i] = err
				if got != nil {
					ids[i] = got.ID
				}
			}()
		}
		wg.Wait()
		for i := range ids {
			if errs[i] != nil || ids[i] != ids[0] {
				t.Errorf("concurrent %d: id %d err %v, want %d", i, ids[i], errs[i], ids[0])
			}
		}
		// The same key from another account is another request.
		other, err := f.svc.Submit(ctx, f.member(2, f.orgA), f.report(), "key-1")
		if err != nil || other.ID == first.ID {
			t.Errorf("another account's key-1 made %v (%v)", other, err)
		}
		list, _ := f.svc.ListOwn(ctx, p)
		if len(list) != 2 {
			t.Errorf("account 1 has %d incidents, want 2 (one per key)", len(list))
		}
	})
}

func TestOnBehalfRecordsReporterAndVictim(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		griffier := f.coordinator(f.orgA)
		in := f.report()
		in.Mode, in.VictimRole = ModeOnBehalf, RoleRaadslid
		_, err := f.svc.Submit(ctx, griffier, in, "")
		if codes := fieldCodes(t, err); codes["victimDescription"] != "required" {
			t.Errorf("on behalf without saying for whom: %v", codes)
		}
		in.VictimDescription = "Raadslid (demo), fractie A"
		got := f.submit(t, griffier, in)
		read, err := f.svc.Get(ctx, griffier, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if read.ReporterID != griffier.AccountID || read.Mode != ModeOnBehalf || read.VictimDescription != "Raadslid (demo), fractie A" {
			t.Errorf("got reporter %d mode %s victim %q", read.ReporterID, read.Mode, read.VictimDescription)
		}
	})
}

func TestWitnessReportDoesNotIdentifyTheTarget(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		in := f.report()
		in.Mode, in.VictimRole, in.OrgID = ModeWitness, RoleAmbtenaar, f.orgB
		in.VictimDescription = "Naam van de collega"
		_, err := f.svc.Submit(ctx, f.member(1, f.orgA), in, "")
		if codes := fieldCodes(t, err); codes["victimDescription"] != "witness_no_identity" {
			t.Errorf("witness naming the target: %v", codes)
		}
		in.VictimDescription = ""
		got := f.submit(t, f.member(1, f.orgA), in)
		if got.OrgID != f.orgB || got.VictimRole != RoleAmbtenaar {
			t.Errorf("witness report: org %d role %s, want the target's organisation and role", got.OrgID, got.VictimRole)
		}
		if _, err := f.svc.Get(ctx, f.coordinator(f.orgB), got.ID); err != nil {
			t.Errorf("the target's organisation follows it up: %v", err)
		}
	})
}
