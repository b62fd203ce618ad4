package incident

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// SatisfactionAnswer is the reporter's answer after closing.
type SatisfactionAnswer struct {
	AccountID int64
	Satisfied bool
	Reason    string // sealed
	At        time.Time
}

// AnswerSatisfaction records the reporter's answer to "are you satisfied
// with the follow-up?" on their closed incident. "No" with a reason
// reopens the incident for the coördinator (status heropend, a new
// first-contact deadline). One answer per closing.
func (s *Service) AnswerSatisfaction(ctx context.Context, p *auth.Principal, incidentID int64, satisfied bool, reason string) error {
	e := &valid.Error{}
	checkLengths(e, map[string]lenCheck{"reason": {reason, maxText}})
	if err := e.Err(); err != nil {
		return err
	}
	now := s.now()
	var notes []Notification
	err := s.guardedTx(ctx, p, ActSatisfaction, incidentID, func(tx *sql.Tx, inc *Incident) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM incident_satisfaction
			WHERE incident_id = $1 AND at >= $2`, inc.ID, inc.ClosedAt).Scan(&n); err != nil {
			return fmt.Errorf("incident %d: satisfaction: %w", inc.ID, err)
		}
		if n > 0 {
			return fmt.Errorf("incident %d: already answered: %w", inc.ID, ErrTransition)
		}
		sl := &sealer{ctx: ctx, q: tx, v: s.vault, keyID: inc.KeyID, id: inc.ID}
		sealed := sl.seal("satisfaction_reason", reason)
		if sl.err != nil {
			return sl.err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO incident_satisfaction
			(incident_id, account_id, satisfied, reason_enc, at) VALUES ($1, $2, $3, $4, $5)`,
			inc.ID, p.AccountID, satisfied, sealed, now); err != nil {
			return fmt.Errorf("incident %d: satisfaction: %w", inc.ID, err)
		}
		if !satisfied && reason != "" {
			if err := s.reopen(ctx, tx, inc, p.AccountID); err != nil {
				return err
			}
			var err error
			if notes, err = s.addCoordinatorNotifications(ctx, tx, inc, NoticeReopenedReporter); err != nil {
				return err
			}
		}
		return s.audit.Write(ctx, tx, incidentEvent(p.AccountID, inc, "incident.satisfaction", "satisfied="+strconv.FormatBool(satisfied)))
	})
	if err != nil {
		return err
	}
	s.notify(ctx, notes)
	return nil
}

func (s *Service) loadSatisfaction(ctx context.Context, id int64) ([]SatisfactionAnswer, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT account_id, satisfied, reason_enc, at
		FROM incident_satisfaction WHERE incident_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("incident %d: satisfaction: %w", id, err)
	}
	defer rows.Close()
	op := &opener{ctx: ctx, q: s.db, v: s.vault, id: id}
	var out []SatisfactionAnswer
	for rows.Next() {
		var a SatisfactionAnswer
		var reason []byte
		var at store.Time
		if err := rows.Scan(&a.AccountID, &a.Satisfied, &reason, &at); err != nil {
			return nil, fmt.Errorf("incident %d: satisfaction: %w", id, err)
		}
		a.At = at.T
		a.Reason = op.open("satisfaction_reason", reason)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %d: satisfaction: %w", id, err)
	}
	return out, op.err
}
