package incident

import (
	"context"
	"fmt"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
)

// ListReferred returns the incidents referred to the support team, newest
// first, for the support team only (clear fields; Get opens one).
// ReferredList also says how many could not be read.
func (s *Service) ListReferred(ctx context.Context, p *auth.Principal) ([]Summary, error) {
	l, err := s.ReferredList(ctx, p)
	if err != nil {
		return nil, err
	}
	return l.Items, nil
}

// ReferredList is ListReferred as one page holding all, with the count of
// incidents that could not be read (List.Skipped).
func (s *Service) ReferredList(ctx context.Context, p *auth.Principal) (*List, error) {
	if p == nil || p.Role != auth.RoleSupportTeam || p.AccountID == 0 {
		return nil, s.deny(ctx, p, ActList, nil)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+clearCols+` FROM incidents
		WHERE referred_support AND status <> $1 ORDER BY submitted_at DESC, id DESC`, StatusDraft)
	if err != nil {
		return nil, fmt.Errorf("referred incidents: %w", err)
	}
	items, skipped, err := s.summaries(ctx, rows)
	if err != nil {
		return nil, err
	}
	if err := s.audit.WriteNow(ctx, audit.Event{Actor: p.AccountID, Action: "incident.list",
		Object: "support", Detail: "referred"}); err != nil {
		return nil, fmt.Errorf("referred incidents: audit: %w", err)
	}
	return wholeList(items, skipped), nil
}
