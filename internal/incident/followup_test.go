package incident

import (
	"context"
	"errors"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestFollowUpMovesStatusAndIsAppendOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		coord := f.coordinator(f.orgA)
		inc := f.submit(t, reporter, f.report())

		steps := []struct {
			kind FollowUpKind
			want Status
		}{
			{FollowNote, StatusNew}, // a note changes nothing
			{FollowTalk, StatusInProgress},
			{FollowMeasure, StatusInProgress},
			{FollowClosed, StatusClosed},
			{FollowNote, StatusClosed},
			{FollowReopened, StatusReopened},
			{FollowAftercare, StatusInProgress},
			{FollowClosed, StatusClosed},
		}
		for i, st := range steps {
			fu := FollowUp{Kind: st.kind}
			if st.kind == FollowNote {
				fu.Note = "Notitie (demo)"
			}
			if _, err := f.svc.AddFollowUp(ctx, coord, inc.ID, fu); err != nil {
				t.Fatalf("step %d %s: %v", i, st.kind, err)
			}
			got, err := f.svc.Get(ctx, coord, inc.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != st.want {
				t.Fatalf("step %d %s: status %s, want %s", i, st.kind, got.Status, st.want)
			}
		}
		got, _ := f.svc.Get(ctx, coord, inc.ID)
		if len(got.FollowUps) != len(steps) || got.FollowUps[0].Note != "Notitie (demo)" || got.FollowUps[1].ActorID != coord.AccountID {
			t.Errorf("follow-ups %+v", got.FollowUps)
		}
		wantHistory := []Status{StatusNew, StatusInProgress, StatusClosed, StatusReopened, StatusInProgress, StatusClosed}
		if len(got.History) != len(wantHistory) {
			t.Fatalf("history %+v", got.History)
		}
		for i, h := range got.History {
			if h.To != wantHistory[i] {
				t.Errorf("history %d: %s, want %s", i, h.To, wantHistory[i])
			}
		}
		// Refused: closing a closed incident, a measure on a closed one.
		for _, k := range []FollowUpKind{FollowClosed, FollowMeasure} {
			if _, err := f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: k}); !errors.Is(err, ErrTransition) {
				t.Errorf("%s on a closed incident: %v, want ErrTransition", k, err)
			}
		}
		after, _ := f.svc.Get(ctx, coord, inc.ID)
		if len(after.FollowUps) != len(steps) {
			t.Error("a refused follow-up must not be stored")
		}
	})
}

func TestFollowUpValidation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coord := f.coordinator(f.orgA)
		inc := f.submit(t, f.member(1, f.orgA), f.report())
		tests := []struct {
			in    FollowUp
			field string
			code  string
		}{
			{FollowUp{Kind: "koffie"}, "kind", "unknown"},
			{FollowUp{Kind: FollowReaction}, "reactionForm", "required"},
			{FollowUp{Kind: FollowTalk, ReactionForm: ReactionBan}, "reactionForm", "not_applicable"},
			{FollowUp{Kind: FollowTalk, DoneAt: f.clock.t.Add(48 * time.Hour)}, "doneAt", "future"},
			{FollowUp{Kind: FollowNote}, "note", "required"},
		}
		for _, tt := range tests {
			_, err := f.svc.AddFollowUp(ctx, coord, inc.ID, tt.in)
			if codes := fieldCodes(t, err); codes[tt.field] != tt.code {
				t.Errorf("%+v: %v, want %s %s", tt.in, codes, tt.field, tt.code)
			}
		}
	})
}

func TestDeadlinesBecomeOverdueAndAreMetByFollowUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		coord := f.coordinator(f.orgA)
		inc := f.submit(t, f.member(1, f.orgA), f.report()) // Monday 10:00
		quiet := f.report()
		quiet.Perpetrator.Kind, quiet.WantsAangifte = PerpetratorUnknownCitizen, false
		handled := f.submit(t, f.member(2, f.orgA), quiet)
		if _, err := f.svc.AddFollowUp(ctx, coord, handled.ID, FollowUp{Kind: FollowTalk}); err != nil {
			t.Fatal(err)
		}

		overdue := func() []int64 {
			l, err := f.svc.ListForOrg(ctx, coord, f.orgA, Filter{Overdue: true})
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, s := range l.Items {
				ids = append(ids, s.ID)
			}
			return ids
		}
		if ids := overdue(); len(ids) != 0 {
			t.Fatalf("nothing is overdue on Monday, got %v", ids)
		}
		f.clock.t = time.Date(2026, 11, 25, 9, 0, 0, 0, amsterdam) // Wednesday
		if ids := overdue(); len(ids) != 1 || ids[0] != inc.ID {
			t.Fatalf("Wednesday: overdue %v, want only %d (first contact was due Tuesday)", ids, inc.ID)
		}
		l, _ := f.svc.ListForOrg(ctx, coord, f.orgA, Filter{})
		for _, s := range l.Items {
			want := s.ID == inc.ID
			if s.Overdue(f.clock.t) != want {
				t.Errorf("incident %d: Overdue = %v, want %v", s.ID, !want, want)
			}
		}
		// Talk held: first contact met late; the reaction (48 h, till
		// Wednesday 10:00) and the aangifte reminder are still open.
		f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowTalk})
		if ids := overdue(); len(ids) != 0 {
			t.Errorf("after the talk: overdue %v", ids)
		}
		got, _ := f.svc.Get(ctx, coord, inc.ID)
		if st := got.Deadlines.FirstContact.State(f.clock.t); st != DeadlineLate {
			t.Errorf("first contact: %s, want met_late", st)
		}
		f.clock.advance(2 * time.Hour) // Wednesday 11:00: reaction overdue
		if ids := overdue(); len(ids) != 1 {
			t.Errorf("reaction to the perpetrator is overdue after 48 hours, got %v", ids)
		}
		f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowReaction, ReactionForm: ReactionLetter})
		f.clock.t = time.Date(2026, 11, 26, 9, 0, 0, 0, amsterdam) // Thursday: aangifte reminder due
		if ids := overdue(); len(ids) != 1 {
			t.Errorf("no aangifte 2 working days after the incident: want the reminder overdue, got %v", ids)
		}
		if _, err := f.svc.RecordAangifte(ctx, coord, inc.ID, Aangifte{Type: ReportAangifte,
			FiledBy: FiledByEmployer, Address: AddressOrganisation, FiledOn: f.clock.t}); err != nil {
			t.Fatal(err)
		}
		if ids := overdue(); len(ids) != 0 {
			t.Errorf("all deadlines met, overdue %v", ids)
		}
	})
}

func TestOrganisationProtocolSetsFirstContactDays(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		pr := demoProtocol()
		pr.FirstContactDays = 3
		if _, err := f.svc.SaveProtocol(ctx, f.coordinator(f.orgA), f.orgA, pr); err != nil {
			t.Fatal(err)
		}
		inc := f.submit(t, f.member(1, f.orgA), f.report())
		want := time.Date(2026, 11, 27, 0, 0, 0, 0, amsterdam) // end of Thursday
		if !inc.Deadlines.FirstContact.Due.Equal(want) {
			t.Errorf("due %v, want %v (3 working days)", inc.Deadlines.FirstContact.Due.In(amsterdam), want)
		}
	})
}
