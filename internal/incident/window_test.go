package incident

import (
	"context"
	"testing"
	"time"
	"weerbaar/internal/store/storetest"
)

// Every moment from outside has a window; text must be storable. The
// same rules hold for the form and the API because they are here.
func TestDatesOutsideTheirWindowAndUnstorableTextAreFieldProblems(t *testing.T) {
	db := storetest.SQLite(t)
	f := newFixture(t, db)
	ctx := context.Background()
	member, coord := f.member(1, f.orgA), f.coordinator(f.orgA)
	year0 := time.Date(0, 1, 1, 0, 0, 0, 0, amsterdam)

	for name, c := range map[string]struct {
		edit        func(*Incident)
		field, code string
	}{
		"year 0":            {func(i *Incident) { i.OccurredAt = year0 }, "occurredAt", "too_early"},
		"1999":              {func(i *Incident) { i.OccurredAt = time.Date(1999, 12, 31, 23, 59, 0, 0, time.UTC) }, "occurredAt", "too_early"},
		"future":            {func(i *Incident) { i.OccurredAt = f.clock.t.Add(6 * time.Minute) }, "occurredAt", "future"},
		"invalid utf-8":     {func(i *Incident) { i.Description = "a\xffb" }, "description", "invalid_text"},
		"nul":               {func(i *Incident) { i.Witnesses = "a\x00b" }, "witnesses", "invalid_text"},
		"nul in a platform": {func(i *Incident) { i.Place.Platform = "X\x00" }, "platform", "invalid_text"},
	} {
		in := f.report()
		c.edit(in)
		_, err := f.svc.Submit(ctx, member, in, "")
		if got := fieldCodes(t, err); got[c.field] != c.code {
			t.Errorf("%s: %v, want %s %s", name, got, c.field, c.code)
		}
		if _, err := NewAnonymous(f.svc, AnonymousLimits{}).Report(ctx, "192.0.2.1", withOrg(in, f.orgA)); fieldCodes(t, err)[c.field] != c.code {
			t.Errorf("%s anonymously: %v", name, err)
		}
	}
	if _, err := f.svc.Submit(ctx, member, f.report(), "key\x00"); fieldCodes(t, err)["idempotencyKey"] != "invalid_text" {
		t.Errorf("idempotency key with NUL: %v", err)
	}
	edge := f.report()
	edge.OccurredAt = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	inc := f.submit(t, member, edge)

	for name, c := range map[string]struct {
		fu          FollowUp
		field, code string
	}{
		"done in 1999":  {FollowUp{Kind: FollowTalk, DoneAt: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)}, "doneAt", "too_early"},
		"done tomorrow": {FollowUp{Kind: FollowTalk, DoneAt: f.clock.t.AddDate(0, 0, 1)}, "doneAt", "future"},
		"note bytes":    {FollowUp{Kind: FollowNote, Note: "\xc3"}, "note", "invalid_text"},
	} {
		_, err := f.svc.AddFollowUp(ctx, coord, inc.ID, c.fu)
		if got := fieldCodes(t, err); got[c.field] != c.code {
			t.Errorf("%s: %v", name, got)
		}
	}
	for name, c := range map[string]struct {
		step        ChainStep
		field, code string
	}{
		"decision in 1999":   {ChainStep{Step: ChainDecision, On: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)}, "on", "too_early"},
		"decision tomorrow":  {ChainStep{Step: ChainDecision, On: f.clock.t.AddDate(0, 0, 2)}, "on", "future"},
		"hearing in 6 years": {ChainStep{Step: ChainHearing, On: f.clock.t.AddDate(6, 0, 0)}, "on", "too_late"},
		"outcome nul":        {ChainStep{Step: ChainDecision, On: f.clock.t, Outcome: "\x00"}, "outcome", "invalid_text"},
	} {
		_, err := f.svc.AddChainStep(ctx, coord, inc.ID, c.step)
		if got := fieldCodes(t, err); got[c.field] != c.code {
			t.Errorf("%s: %v", name, got)
		}
	}
	if _, err := f.svc.AddChainStep(ctx, coord, inc.ID, ChainStep{Step: ChainHearing, On: f.clock.t.AddDate(1, 0, 0)}); err != nil {
		t.Errorf("hearing next year: %v", err)
	}
	for name, c := range map[string]struct {
		f           Filter
		field, code string
	}{
		"from 1999":   {Filter{From: time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC)}, "from", "too_early"},
		"to 2101":     {Filter{To: time.Date(2101, 1, 2, 0, 0, 0, 0, time.UTC)}, "to", "too_late"},
		"to < from":   {Filter{From: f.clock.t, To: f.clock.t.AddDate(0, -1, 0)}, "to", "before_from"},
		"from year 0": {Filter{From: year0}, "from", "too_early"},
	} {
		_, err := f.svc.ListForOrg(ctx, coord, f.orgA, c.f)
		if got := fieldCodes(t, err); got[c.field] != c.code {
			t.Errorf("list %s: %v", name, got)
		}
	}
}

func withOrg(in *Incident, org int64) *Incident {
	c := *in
	c.OrgID = org
	return &c
}
