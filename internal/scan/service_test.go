package scan_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/valid"
	"weerbaar/internal/vault/vaulttest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var (
	member    = &auth.Principal{AccountID: 11, OrgID: 1, Role: auth.RoleMember}
	colleague = &auth.Principal{AccountID: 12, OrgID: 1, Role: auth.RoleMember}
	coord     = &auth.Principal{AccountID: 21, OrgID: 1, Role: auth.RoleCoordinator}
	coord2    = &auth.Principal{AccountID: 22, OrgID: 1, Role: auth.RoleCoordinator}
	otherOrg  = &auth.Principal{AccountID: 31, OrgID: 2, Role: auth.RoleCoordinator}
	support   = &auth.Principal{AccountID: 41, Role: auth.RoleSupportTeam}
	admin     = &auth.Principal{AccountID: 51, Role: auth.RoleAdmin}
)

func newService(t *testing.T, db *store.DB) *scan.Service {
	t.Helper()
	s, err := scan.New(db, vaulttest.New(t, db), audit.New(db), func() time.Time {
		return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// answerAll answers every shown question of the pages with its first
// answer and returns the finished result.
func answerAll(t *testing.T, s *scan.Service, p *auth.Principal, id int64) *scan.Result {
	t.Helper()
	ctx := context.Background()
	for i := 0; i < 20; i++ {
		r, err := s.Get(ctx, p, id)
		if err != nil {
			t.Fatal(err)
		}
		if r.Status == scan.StatusDone {
			return r
		}
		d, _ := s.Definition(r)
		a := scan.Answers{}
		for _, q := range d.Pages[r.Page-1].Questions {
			a[q.Key] = q.Answers[0].Key
		}
		if _, err := s.SavePage(ctx, p, id, r.Page, a, scan.StepNext); err != nil {
			t.Fatalf("page %d: %v", r.Page, err)
		}
	}
	t.Fatal("scan did not finish")
	return nil
}

func TestPersonalResultIsOnlyTheTakers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		id, err := s.Start(ctx, member, "woningscan")
		if err != nil {
			t.Fatal(err)
		}
		r := answerAll(t, s, member, id)
		if len(r.Answers) == 0 || r.FinishedAt.IsZero() {
			t.Fatalf("finished result %+v", r)
		}
		for name, p := range map[string]*auth.Principal{"colleague": colleague, "own coördinator": coord,
			"other organisation": otherOrg, "support team": support, "admin": admin, "anonymous": nil} {
			if _, err := s.Get(ctx, p, id); !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("%s reads: %v, want ErrForbidden", name, err)
			}
			if _, err := s.SavePage(ctx, p, id, 1, scan.Answers{}, scan.StepPause); !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("%s answers: %v, want ErrForbidden", name, err)
			}
			if err := s.Delete(ctx, p, id); !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("%s deletes: %v, want ErrForbidden", name, err)
			}
			if list, _ := s.List(ctx, p); len(list) != 0 {
				t.Errorf("%s lists %d results", name, len(list))
			}
		}
		var denied int
		db.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log WHERE action = 'scan.denied'`).Scan(&denied)
		if denied == 0 {
			t.Error("refusals not audited")
		}
		// The answers are sealed: the home check's answers are not in the row.
		var raw []byte
		db.QueryRowContext(ctx, `SELECT answers_enc FROM scan_results WHERE id = $1`, id).Scan(&raw)
		if len(raw) == 0 || containsBytes(raw, "sloten-skg") {
			t.Errorf("answers stored in the clear: %q", raw)
		}
		if list, _ := s.List(ctx, member); len(list) != 1 || list[0].Status != scan.StatusDone {
			t.Errorf("own list %+v", list)
		}
		if err := s.Delete(ctx, member, id); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Get(ctx, member, id); !errors.Is(err, scan.ErrNotFound) {
			t.Errorf("after delete: %v", err)
		}
	})
}

func containsBytes(b []byte, s string) bool {
	for i := 0; i+len(s) <= len(b); i++ {
		if string(b[i:i+len(s)]) == s {
			return true
		}
	}
	return false
}

func TestOrganisationScanIsForItsCoordinators(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		for name, p := range map[string]*auth.Principal{"member": member, "support": support, "admin": admin, "anonymous": nil} {
			if _, err := s.Start(ctx, p, "weerbaarheidsscan-organisatie"); !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("%s starts an organisation scan: %v", name, err)
			}
		}
		id, err := s.Start(ctx, coord, "weerbaarheidsscan-organisatie")
		if err != nil {
			t.Fatal(err)
		}
		// A second coördinator of the same organisation continues it.
		if _, err := s.SavePage(ctx, coord2, id, 1, scan.Answers{"vergunningen": "ja"}, scan.StepPause); err != nil {
			t.Fatalf("second coördinator: %v", err)
		}
		r, err := s.Get(ctx, coord, id)
		if err != nil || r.Answers["vergunningen"] != "ja" || r.OrgID != 1 {
			t.Fatalf("get %+v %v", r, err)
		}
		for name, p := range map[string]*auth.Principal{"member of the organisation": member, "other organisation": otherOrg, "support": support} {
			if _, err := s.Get(ctx, p, id); !errors.Is(err, scan.ErrForbidden) {
				t.Errorf("%s reads: %v", name, err)
			}
		}
		if list, _ := s.List(ctx, otherOrg); len(list) != 0 {
			t.Errorf("other organisation lists %d", len(list))
		}
		if list, _ := s.List(ctx, coord2); len(list) != 1 {
			t.Errorf("coördinator lists %d, want 1", len(list))
		}
	})
}

func TestAnsweringPageByPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		id, err := s.Start(ctx, member, "basisscan-integriteit")
		if err != nil {
			t.Fatal(err)
		}
		// Next with a question open: refused at that question, nothing moves.
		_, err = s.SavePage(ctx, member, id, 1, scan.Answers{"schulden": "nee"}, scan.StepNext)
		if v, ok := valid.As(err); !ok || !v.Has("belangen") || !v.Has("nevenfuncties") || v.Has("schulden") {
			t.Fatalf("incomplete page: %v", err)
		}
		if _, err := s.SavePage(ctx, member, id, 1, scan.Answers{"schulden": "misschien"}, scan.StepPause); err == nil {
			t.Fatal("an answer that is no option was accepted")
		}
		// Pause keeps what is answered; the page stays.
		r, err := s.SavePage(ctx, member, id, 1, scan.Answers{"schulden": "nee"}, scan.StepPause)
		if err != nil || r.Page != 1 || r.Answers["schulden"] != "nee" {
			t.Fatalf("pause: %+v %v", r, err)
		}
		// Skipping ahead is not possible.
		if _, err := s.SavePage(ctx, member, id, 3, scan.Answers{}, scan.StepPause); !errors.Is(err, scan.ErrNotFound) {
			t.Fatalf("page 3 before page 1: %v", err)
		}
		// No side jobs: the follow-up question's page is skipped.
		r, err = s.SavePage(ctx, member, id, 1, scan.Answers{"schulden": "nee", "belangen": "nee", "nevenfuncties": "nee"}, scan.StepNext)
		if err != nil || r.Page != 3 {
			t.Fatalf("after page 1: page %d, %v; want 3 (page 2 shows nothing)", r.Page, err)
		}
		r = answerAll(t, s, member, id)
		if _, ok := r.Answers["nevenfuncties-verenigbaar"]; ok {
			t.Error("hidden question answered")
		}
		if _, err := s.SavePage(ctx, member, id, 1, scan.Answers{}, scan.StepPause); !errors.Is(err, scan.ErrFinished) {
			t.Errorf("changing a finished result: %v", err)
		}
		if _, err := s.Start(ctx, member, "bestaat-niet"); !errors.Is(err, scan.ErrNotFound) {
			t.Errorf("unknown scan: %v", err)
		}
	})
}

func TestSecondTakeComparesWithTheFirst(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newService(t, db)
		first, _ := s.Start(ctx, member, "kandidaat-volksvertegenwoordiger")
		r1 := answerAll(t, s, member, first)
		if prev, err := s.Previous(ctx, member, r1); err != nil || prev != nil {
			t.Fatalf("first take has a previous one: %+v %v", prev, err)
		}
		// A colleague's take of the same scan is never compared with.
		other, _ := s.Start(ctx, colleague, "kandidaat-volksvertegenwoordiger")
		answerAll(t, s, colleague, other)
		second, _ := s.Start(ctx, member, "kandidaat-volksvertegenwoordiger")
		r2 := answerAll(t, s, member, second)
		prev, err := s.Previous(ctx, member, r2)
		if err != nil || prev == nil || prev.ID != first {
			t.Fatalf("previous of the second take: %+v %v, want %d", prev, err, first)
		}
		if _, err := s.Previous(ctx, colleague, r2); !errors.Is(err, scan.ErrForbidden) {
			t.Errorf("colleague asks for the previous take: %v", err)
		}
		d, _ := s.Definition(r2)
		before := scan.Score(d, scan.Answers{"belangen-open": "nee"})
		now := scan.Score(d, scan.Answers{"belangen-open": "ja"})
		if c := scan.Compare(before, now)["integriteit"]; c.Diff != 100 || !c.Improved || c.Before != 0 {
			t.Errorf("change %+v, want +100 from 0", c)
		}
		if c := scan.Compare(before, now)["zichtbaarheid"]; c.Before != -1 || c.Improved || c.Worse {
			t.Errorf("unanswered domain: %+v", c)
		}
	})
}
