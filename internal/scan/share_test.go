package scan_test

import (
	"context"
	"errors"
	"testing"

	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestSharedResultsOverviewOnlyFromFivePeople(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		open, _ := s.Start(ctx, member, "woningscan")
		if err := s.Share(ctx, member, open, true); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("sharing an unfinished take: %v", err)
		}
		share := func(p *auth.Principal) int64 {
			id, _ := s.Start(ctx, p, "woningscan")
			answerAll(t, s, p, id)
			if err := s.Share(ctx, colleague, id, true); p != colleague && !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("someone else shares: %v", err)
			}
			if err := s.Share(ctx, p, id, true); err != nil {
				t.Fatal(err)
			}
			return id
		}
		first := share(member)
		// Shared: the own coördinator reads it, nobody else; not the other organisation.
		if _, err := s.Get(ctx, coord, first); err != nil {
			t.Errorf("coördinator reads a shared result: %v", err)
		}
		if _, err := s.Get(ctx, otherOrg, first); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("other organisation reads a shared result: %v", err)
		}
		if _, err := s.SavePage(ctx, coord, first, 1, scan.Answers{}, scan.StepPause); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("coördinator changes a shared result: %v", err)
		}
		if err := s.Delete(ctx, coord, first); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("coördinator deletes a shared result: %v", err)
		}
		overview := func() scan.Overview {
			list, err := s.Overviews(ctx, coord)
			if err != nil {
				t.Fatal(err)
			}
			for _, o := range list {
				if o.Scan.Slug == "woningscan" {
					return o
				}
			}
			t.Fatal("no woningscan overview")
			return scan.Overview{}
		}
		// The same person twice is one person.
		share(member)
		for i := int64(0); i < 3; i++ {
			share(&auth.Principal{AccountID: 100 + i, OrgID: 1, Role: auth.RoleMember})
		}
		if o := overview(); o.People != 4 || !o.Suppressed || o.Domains != nil {
			t.Fatalf("four people: %+v, want suppressed", o)
		}
		share(colleague)
		o := overview()
		if o.People != 5 || o.Suppressed || len(o.Domains) == 0 || o.Domains[0].Score != 100 || o.Domains[0].Answered != 5 {
			t.Fatalf("five people: %+v", o)
		}
		if err := s.Share(ctx, colleague, first+0, false); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("colleague unshares another's result: %v", err)
		}
		if err := s.Share(ctx, member, first, false); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, coord, first); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("after unsharing the coördinator still reads it: %v", err)
		}
		for name, p := range map[string]*auth.Principal{"member": member, "support": support, "anonymous": nil} {
			if _, err := s.Overviews(ctx, p); !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("%s sees the overview: %v", name, err)
			}
		}
		if o := func() scan.Overview { l, _ := s.Overviews(ctx, otherOrg); return l[0] }(); o.People != 0 {
			t.Errorf("other organisation's overview counts %d", o.People)
		}
	})
}
