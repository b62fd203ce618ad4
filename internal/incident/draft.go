package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// SaveDraft stores an incomplete report as a draft (status concept) that
// only its reporter sees, and returns its id. in.ID 0 creates a draft;
// otherwise the reporter's own draft in.ID is overwritten. Only format
// problems are refused here (unknown choices, a future date, too long);
// required fields are checked by Submit.
func (s *Service) SaveDraft(ctx context.Context, p *auth.Principal, in *Incident) (int64, error) {
	draft := s.prepare(p, in)
	if !allowed(p, ActCreate, draft) {
		return 0, s.deny(ctx, p, ActCreate, draft)
	}
	e := &valid.Error{}
	checkFormat(draft, s.now(), e)
	if err := e.Err(); err != nil {
		return 0, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.checkOrg(ctx, tx, draft.OrgID); err != nil {
			return err
		}
		if err := s.openDraft(ctx, tx, p, draft); err != nil {
			return err
		}
		if err := s.writeFields(ctx, tx, draft); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, incidentEvent(p.AccountID, draft, "incident.draft", ""))
	})
	if errors.Is(err, ErrForbidden) {
		return 0, s.deny(ctx, p, ActEditDraft, draft)
	}
	if err != nil {
		return 0, err
	}
	return draft.ID, nil
}

// prepare copies the reporter's input and fills what the account decides:
// the reporter, the draft status, and (when reporting for oneself and no
// organisation was chosen) the account's organisation.
func (s *Service) prepare(p *auth.Principal, in *Incident) *Incident {
	c := &Incident{}
	if in != nil {
		*c = *in
	}
	if p != nil {
		c.ReporterID = p.AccountID
		if c.OrgID == 0 {
			c.OrgID = p.OrgID
		}
	}
	if c.Mode == "" {
		c.Mode = ModeSelf
	}
	c.Status = StatusDraft
	c.ReferredToSupport = false
	// As stored: UTC at microsecond precision, so what Submit returns is
	// what a later read gives.
	c.OccurredAt = c.OccurredAt.UTC().Truncate(time.Microsecond)
	c.History, c.FollowUps, c.Aangiftes, c.Chain, c.Satisfaction = nil, nil, nil, nil, nil
	return c
}

// openDraft creates the row for a new draft, or checks that draft.ID is the
// principal's own draft and takes over its key.
func (s *Service) openDraft(ctx context.Context, tx store.Querier, p *auth.Principal, draft *Incident) error {
	if draft.ID == 0 {
		return s.insertIncident(ctx, tx, draft)
	}
	cur, err := loadHead(ctx, tx, draft.ID)
	if err != nil {
		return err
	}
	if !allowed(p, ActEditDraft, cur) {
		return fmt.Errorf("incident %d: edit draft: %w", draft.ID, ErrForbidden)
	}
	draft.KeyID, draft.CreatedAt = cur.KeyID, cur.CreatedAt
	return nil
}
