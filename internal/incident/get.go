package incident

import (
	"context"
	"errors"
	"fmt"

	"weerbaar/internal/auth"
)

// Get returns the full incident with its timeline (status history,
// follow-up, aangifte records, criminal chain, satisfaction answers), the
// sealed fields opened. Every successful read is audited as
// "incident.read"; a refused one as "incident.denied".
func (s *Service) Get(ctx context.Context, p *auth.Principal, id int64) (*Incident, error) {
	head, err := loadHead(ctx, s.db, id)
	if err != nil && !errors.Is(err, ErrUnreadable) {
		return nil, err
	}
	// Who may not read it is refused as always, also when it is damaged:
	// ErrUnreadable must not tell an outsider that an id exists.
	if !allowed(p, ActRead, head) {
		return nil, s.deny(ctx, p, ActRead, head)
	}
	inc, err := s.loadIncident(ctx, s.db, id)
	if errors.Is(err, ErrUnreadable) {
		s.flagBad(ctx, "incidents", id, true)
	}
	if err != nil {
		return nil, err
	}
	if err := s.loadTimeline(ctx, inc); err != nil {
		return nil, err
	}
	if err := s.audit.WriteNow(ctx, incidentEvent(p.AccountID, inc, "incident.read", "")); err != nil {
		return nil, fmt.Errorf("incident %d: audit read: %w", id, err)
	}
	return inc, nil
}

func (s *Service) loadTimeline(ctx context.Context, inc *Incident) error {
	var err error
	if inc.History, err = loadHistory(ctx, s.db, inc.ID); err != nil {
		return err
	}
	if inc.FollowUps, err = s.loadFollowUps(ctx, inc.ID); err != nil {
		return err
	}
	if inc.Aangiftes, err = s.loadAangiftes(ctx, inc.ID); err != nil {
		return err
	}
	if inc.Chain, err = s.loadChain(ctx, inc.ID); err != nil {
		return err
	}
	inc.Satisfaction, err = s.loadSatisfaction(ctx, inc.ID)
	return err
}
