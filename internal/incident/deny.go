package incident

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
)

// deny records a refused attempt in the audit log and returns ErrForbidden.
// Refusals are worth remembering: a coördinator probing other
// organisations' incidents is exactly what the audit log is for.
func (s *Service) deny(ctx context.Context, p *auth.Principal, a Action, inc *Incident) error {
	var actor int64
	var org int64
	if p != nil {
		actor, org = p.AccountID, p.OrgID
	}
	id := ""
	if inc != nil && inc.ID != 0 {
		id = strconv.FormatInt(inc.ID, 10)
	}
	if err := s.audit.WriteNow(ctx, audit.Event{Actor: actor, OrgID: org, Action: "incident.denied",
		Object: "incident", ObjectID: id, Detail: string(a)}); err != nil {
		return fmt.Errorf("incident %s: %s: %w (audit: %v)", id, a, ErrForbidden, err)
	}
	return fmt.Errorf("incident %s: %s: %w", id, a, ErrForbidden)
}

// errDenied carries a refusal found inside a transaction out of it, so the
// refusal is audited after the rollback (an audit row written inside the
// transaction would be rolled back with it).
type errDenied struct{ inc *Incident }

func (e errDenied) Error() string { return ErrForbidden.Error() }
func (e errDenied) Unwrap() error { return ErrForbidden }

// denied turns an errDenied from a transaction into an audited refusal
// and passes any other error through.
func (s *Service) denied(ctx context.Context, p *auth.Principal, a Action, err error) error {
	var d errDenied
	if errors.As(err, &d) {
		return s.deny(ctx, p, a, d.inc)
	}
	return err
}
