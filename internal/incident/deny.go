package incident

import (
	"context"
	"database/sql"
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

// guardedTx runs fn in one transaction with the incident's head, loaded
// inside it, once p may do a to it. A refusal leaves the transaction as
// errDenied and is audited after the rollback (see denied).
func (s *Service) guardedTx(ctx context.Context, p *auth.Principal, a Action, incidentID int64, fn func(tx *sql.Tx, inc *Incident) error) error {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		inc, err := loadHead(ctx, tx, incidentID)
		if err != nil && !errors.Is(err, ErrUnreadable) {
			return err
		}
		if !allowed(p, a, inc) {
			return errDenied{inc}
		}
		if err != nil {
			s.flagBad(ctx, "incidents", incidentID, true)
			return err
		}
		return fn(tx, inc)
	})
	return s.denied(ctx, p, a, err)
}
