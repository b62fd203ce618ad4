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

// maxIdemKey bounds the idempotency key a client may send.
const maxIdemKey = 200

// Submit validates a complete report and submits it: status nieuw, the
// deadlines set, the status history started. in.ID 0 reports directly;
// otherwise the reporter's draft in.ID is overwritten with in and
// submitted.
//
// idemKey (optional; the API's Idempotency-Key) makes retries safe: a key
// the same account used before returns the incident it made then, and
// never makes a second one.
func (s *Service) Submit(ctx context.Context, p *auth.Principal, in *Incident, idemKey string) (*Incident, error) {
	inc := s.prepare(p, in)
	if !allowed(p, ActCreate, inc) {
		return nil, s.deny(ctx, p, ActCreate, inc)
	}
	e := &valid.Error{}
	if len(idemKey) > maxIdemKey {
		e.Add("idempotencyKey", "too_long", maxIdemKey)
	} else {
		valid.Text(e, "idempotencyKey", idemKey)
	}
	if e.Has("idempotencyKey") {
		return nil, e // checked before it is looked up: the database may refuse it
	}
	if id, ok, err := s.idempotent(ctx, s.db, p, idemKey); err != nil || ok {
		return s.firstSubmission(ctx, p, id, err)
	}
	checkFormat(inc, s.now(), e)
	checkSubmit(inc, e)
	if err := e.Err(); err != nil {
		return nil, err
	}
	var firstID int64
	var notes []Notification
	var done *Incident
	// Group commit: this report shares a transaction (and its fsync) with
	// the reports arriving at the same time, and Group returns only once
	// that transaction is on disk. The closure may run again when the
	// shared commit failed, so it works on a copy of inc each time.
	err := s.db.Group(ctx, func(ctx context.Context, q store.Querier) error {
		firstID, notes, done = 0, nil, nil
		id, ok, err := s.idempotent(ctx, q, p, idemKey)
		if err != nil || ok {
			firstID = id
			return err
		}
		if err := s.checkOrg(ctx, q, inc.OrgID); err != nil {
			return err
		}
		cur := *inc
		if err := s.submitTx(ctx, q, p, &cur, idemKey); err != nil {
			return err
		}
		if notes, err = s.addCoordinatorNotifications(ctx, q, &cur, NoticeNew); err != nil {
			return err
		}
		done = &cur
		return nil
	})
	if errors.Is(err, ErrForbidden) {
		return nil, s.deny(ctx, p, ActEditDraft, inc)
	}
	if err != nil && idemKey != "" {
		// A concurrent request with the same key may have won the race
		// (PostgreSQL: unique violation on the key); answer with its result.
		if id, ok, lerr := s.idempotent(ctx, s.db, p, idemKey); lerr == nil && ok {
			return s.firstSubmission(ctx, p, id, nil)
		}
	}
	if err != nil {
		return nil, err
	}
	if firstID != 0 {
		return s.firstSubmission(ctx, p, firstID, nil)
	}
	s.notify(ctx, notes)
	return done, nil
}

func (s *Service) submitTx(ctx context.Context, tx store.Querier, p *auth.Principal, inc *Incident, idemKey string) error {
	now := s.now()
	days, err := s.firstContactDays(ctx, tx, inc.OrgID)
	if err != nil {
		return err
	}
	if inc.ID == 0 {
		inc.SubmittedAt = now
		s.computeDeadlines(inc, days)
		if err := s.insertSubmitted(ctx, tx, inc, now); err != nil {
			return err
		}
		if err := writeKinds(ctx, tx, inc.ID, inc.Kinds, true); err != nil {
			return err
		}
		return s.submitted(ctx, tx, p, inc, idemKey, now)
	}
	if err := s.openDraft(ctx, tx, p, inc); err != nil {
		return err
	}
	if err := s.writeContent(ctx, tx, inc, false); err != nil {
		return err
	}
	inc.SubmittedAt = now
	s.computeDeadlines(inc, days)
	if !inc.Status.CanBecome(StatusNew) {
		return fmt.Errorf("incident %d: %s -> %s: %w", inc.ID, inc.Status, StatusNew, ErrTransition)
	}
	// The deadlines and the status in one statement (changeStatus's
	// guard included: the row must still be the draft we read).
	d := inc.Deadlines
	res, err := tx.ExecContext(ctx, `UPDATE incidents SET submitted_at = $2, first_contact_due = $3,
		reaction_due = $4, aangifte_due = $5, status = $6, updated_at = $2 WHERE id = $1 AND status = $7`,
		inc.ID, now, nullTime(d.FirstContact.Due), nullTime(d.Reaction.Due), nullTime(d.Aangifte.Due),
		StatusNew, inc.Status)
	if err != nil {
		return fmt.Errorf("incident %d: submit: %w", inc.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("incident %d: status changed meanwhile: %w", inc.ID, ErrTransition)
	}
	return s.submitted(ctx, tx, p, inc, idemKey, now)
}

// submitted records what every submission records once its row says
// nieuw: the history row, the idempotency key, the audit row.
func (s *Service) submitted(ctx context.Context, tx store.Querier, p *auth.Principal, inc *Incident, idemKey string, now time.Time) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO incident_status_history
		(incident_id, from_status, to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5)`,
		inc.ID, inc.Status, StatusNew, p.AccountID, now); err != nil {
		return fmt.Errorf("incident %d: history: %w", inc.ID, err)
	}
	inc.Status, inc.UpdatedAt = StatusNew, now
	if idemKey != "" {
		if _, err := tx.ExecContext(ctx, `INSERT INTO incident_idempotency
			(account_id, idem_key, incident_id, created_at) VALUES ($1, $2, $3, $4)`,
			p.AccountID, idemKey, inc.ID, now); err != nil {
			return fmt.Errorf("incident %d: idempotency key: %w", inc.ID, err)
		}
	}
	return s.audit.Write(ctx, tx, incidentEvent(p.AccountID, inc, "incident.submit", "mode="+string(inc.Mode)))
}

// idempotent looks up the incident an earlier Submit with key made.
func (s *Service) idempotent(ctx context.Context, q store.Querier, p *auth.Principal, key string) (int64, bool, error) {
	if key == "" {
		return 0, false, nil
	}
	var id int64
	err := q.QueryRowContext(ctx, `SELECT incident_id FROM incident_idempotency
		WHERE account_id = $1 AND idem_key = $2`, p.AccountID, key).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("incident: idempotency key: %w", err)
	}
	return id, true, nil
}

// firstSubmission answers a repeated key with the incident made the first
// time, read as its reporter (and audited as a read).
func (s *Service) firstSubmission(ctx context.Context, p *auth.Principal, id int64, err error) (*Incident, error) {
	if err != nil {
		return nil, err
	}
	return s.Get(ctx, p, id)
}

// checkOrg refuses an organisation that does not exist as a field problem
// rather than a foreign-key failure.
func (s *Service) checkOrg(ctx context.Context, q store.Querier, orgID int64) error {
	if orgID == 0 {
		e := &valid.Error{}
		e.Add("orgId", "required")
		return e
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = $1`, orgID).Scan(&n); err != nil {
		return fmt.Errorf("organisation %d: %w", orgID, err)
	}
	if n == 0 {
		e := &valid.Error{}
		e.Add("orgId", "unknown")
		return e
	}
	return nil
}
