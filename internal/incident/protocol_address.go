package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"weerbaar/internal/auth"
)

// OrgPostalAddress is the postal address of the incident's organisation
// as its current protocol gives it, for the address block of the
// aangifte: "" when the organisation has no protocol or gave no address.
// Whoever may read the incident may read it (a witness may report about
// someone of another organisation, so the protocol's own rule would not
// do).
func (s *Service) OrgPostalAddress(ctx context.Context, p *auth.Principal, incidentID int64) (string, error) {
	inc, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return "", err
	}
	if !allowed(p, ActRead, inc) {
		return "", s.deny(ctx, p, ActRead, inc)
	}
	var addr string
	err = s.db.QueryRowContext(ctx, `SELECT postal_address FROM org_protocols
		WHERE org_id = $1 ORDER BY version DESC LIMIT 1`, inc.OrgID).Scan(&addr)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("incident %d: postal address: %w", incidentID, err)
	}
	return addr, nil
}
