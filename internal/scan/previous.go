package scan

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
)

// Previous returns the take of the same scan finished before r by the
// same owner (the person, or the organisation), so a second take shows
// what changed; nil when there is none or it was taken with another
// version. p must be allowed to read r (and so the earlier take).
func (s *Service) Previous(ctx context.Context, p *auth.Principal, r *Result) (*Result, error) {
	if r == nil || r.Status != StatusDone || !allowed(p, ActRead, r) {
		return nil, s.deny(ctx, p, ActRead, r)
	}
	owner, col := r.AccountID, "account_id"
	if r.Audience == AudienceOrganisation {
		owner, col = r.OrgID, "org_id"
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM scan_results WHERE `+col+` = $1 AND audience = $2
		AND scan = $3 AND version = $4 AND status = 'klaar' AND (finished_at < $6 OR (finished_at = $6 AND id < $5))
		ORDER BY finished_at DESC, id DESC LIMIT 1`, owner, r.Audience, r.Scan, r.Version, r.ID,
		store.TimeOf(r.FinishedAt)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("scan result %d: previous: %w", r.ID, err)
	}
	return s.Get(ctx, p, id)
}

// Change is how one domain moved between two takes.
type Change struct {
	Key      string
	Before   int // -1: not answered then
	Now      int
	Diff     int
	Improved bool
	Worse    bool
}

// Compare gives per domain the score before and now.
func Compare(before, now Outcome) map[string]Change {
	out := map[string]Change{}
	prev := map[string]int{}
	for _, ds := range before.Domains {
		prev[ds.Key] = ds.Score
	}
	for _, ds := range now.Domains {
		b, ok := prev[ds.Key]
		if !ok {
			b = -1
		}
		c := Change{Key: ds.Key, Before: b, Now: ds.Score}
		if b >= 0 && ds.Score >= 0 {
			c.Diff = ds.Score - b
			c.Improved, c.Worse = c.Diff > 0, c.Diff < 0
		}
		out[ds.Key] = c
	}
	return out
}
