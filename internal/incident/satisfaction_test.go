package incident

import (
	"context"
	"errors"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestNotSatisfiedWithReasonReopensTheIncident(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		coord := f.coordinator(f.orgA)
		inc := f.submit(t, reporter, f.report())

		if err := f.svc.AnswerSatisfaction(ctx, reporter, inc.ID, false, "te vroeg"); !errors.Is(err, ErrForbidden) {
			t.Errorf("before closing: %v, want ErrForbidden", err)
		}
		f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowTalk})
		f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowClosed})
		notes, _ := f.svc.Notifications(ctx, reporter)
		if len(notes) != 1 || notes[0].TextKey != NoticeClosed {
			t.Errorf("closing asks the reporter: %+v", notes)
		}
		if err := f.svc.AnswerSatisfaction(ctx, coord, inc.ID, false, "x"); !errors.Is(err, ErrForbidden) {
			t.Errorf("the coördinator cannot answer for the reporter: %v", err)
		}
		f.clock.advance(3600e9)
		if err := f.svc.AnswerSatisfaction(ctx, reporter, inc.ID, false, "Niemand heeft de dader aangesproken."); err != nil {
			t.Fatal(err)
		}
		got, _ := f.svc.Get(ctx, coord, inc.ID)
		if got.Status != StatusReopened || !got.ClosedAt.IsZero() {
			t.Errorf("status %s closed %v, want heropend", got.Status, got.ClosedAt)
		}
		if len(got.Satisfaction) != 1 || got.Satisfaction[0].Reason != "Niemand heeft de dader aangesproken." {
			t.Errorf("answers %+v", got.Satisfaction)
		}
		if !got.Deadlines.FirstContact.Done.IsZero() || !got.Deadlines.FirstContact.Due.After(f.clock.t) {
			t.Errorf("reopening restarts first contact: %+v", got.Deadlines.FirstContact)
		}
	})
}

func TestSatisfiedOrNoReasonKeepsItClosedAndAnswersOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		reporter := f.member(1, f.orgA)
		coord := f.coordinator(f.orgA)
		for _, answer := range []bool{true, false} {
			inc := f.submit(t, reporter, f.report())
			f.svc.AddFollowUp(ctx, coord, inc.ID, FollowUp{Kind: FollowClosed})
			if err := f.svc.AnswerSatisfaction(ctx, reporter, inc.ID, answer, ""); err != nil {
				t.Fatal(err)
			}
			got, _ := f.svc.Get(ctx, reporter, inc.ID)
			if got.Status != StatusClosed {
				t.Errorf("satisfied=%v without reason: status %s, want afgesloten", answer, got.Status)
			}
			if err := f.svc.AnswerSatisfaction(ctx, reporter, inc.ID, false, "toch niet"); !errors.Is(err, ErrTransition) {
				t.Errorf("second answer: %v, want ErrTransition", err)
			}
		}
	})
}
