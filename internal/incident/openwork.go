package incident

import (
	"context"
	"fmt"

	"weerbaar/internal/auth"
)

// openWorkMax bounds what the start page reads; the list page pages the rest.
const openWorkMax = 200

// OpenWork returns the organisation's submitted incidents that are not
// closed, oldest deadline first, for the coördinator's start page: clear
// fields only (numbers, kinds, status, deadlines), so the view is not
// audited — unlike ListForOrg (the list page) and Get (every incident).
// Auditing each start page would add a durable write to every visit.
func (s *Service) OpenWork(ctx context.Context, p *auth.Principal, orgID int64) ([]Summary, error) {
	target := &Incident{OrgID: orgID}
	if !allowed(p, ActList, target) {
		return nil, s.deny(ctx, p, ActList, target)
	}
	where, args := s.orgWhere(orgID, Filter{})
	args = append(args, StatusClosed)
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf(`SELECT %s FROM incidents i WHERE %s AND i.status <> $%d
		ORDER BY submitted_at ASC, id ASC LIMIT %d`, clearCols, where, len(args), openWorkMax), args...)
	if err != nil {
		return nil, fmt.Errorf("org %d open work: %w", orgID, err)
	}
	items, _, err := s.summaries(ctx, rows)
	return items, err
}
