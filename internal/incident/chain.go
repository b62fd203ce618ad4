package incident

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// ChainStepKind is a step in the criminal chain (strafrechtketen).
type ChainStepKind string

const (
	ChainAangifte ChainStepKind = "aangifte"
	ChainDecision ChainStepKind = "beslissing_om" // outcome: seponering, dagvaarding, strafbeschikking, ...
	ChainHearing  ChainStepKind = "zitting"
	ChainVerdict  ChainStepKind = "uitspraak"
	ChainMeasure  ChainStepKind = "maatregel" // outcome: contactverbod, gebiedsverbod, ...
)

// ChainSteps lists every step kind in the order of the chain.
var ChainSteps = []ChainStepKind{ChainAangifte, ChainDecision, ChainHearing, ChainVerdict, ChainMeasure}

// ChainStep is one dated step on the timeline the reporter sees.
type ChainStep struct {
	ID         int64
	IncidentID int64
	Step       ChainStepKind
	Outcome    string    // short clear code or text, e.g. "seponering", "contactverbod"
	On         time.Time // date of the step
	Note       string    // sealed
	ActorID    int64
	RecordedAt time.Time
}

// AddChainStep adds a step to the criminal-chain timeline (coördinator of
// the organisation) and notifies the reporter: on their start page, and by
// e-mail through Options.Notify. A hearing may be dated ahead (it is
// scheduled); other steps have happened.
func (s *Service) AddChainStep(ctx context.Context, p *auth.Principal, incidentID int64, in ChainStep) (*ChainStep, error) {
	now := s.now()
	c := ChainStep{IncidentID: incidentID, Step: in.Step, Outcome: in.Outcome,
		On: dateOnly(in.On), Note: in.Note, RecordedAt: now}
	if p != nil {
		c.ActorID = p.AccountID
	}
	if err := checkChainStep(&c, now); err != nil {
		return nil, err
	}
	var notes []Notification
	err := s.guardedTx(ctx, p, ActFollowUp, incidentID, func(tx *sql.Tx, inc *Incident) error {
		sl := &sealer{ctx: ctx, q: tx, v: s.vault, keyID: inc.KeyID, id: inc.ID}
		note := sl.seal("chain_note", c.Note)
		if sl.err != nil {
			return sl.err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO incident_chain_steps
			(incident_id, step, outcome, step_on, note_enc, actor_id, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, inc.ID, c.Step, c.Outcome, store.DateOf(c.On),
			note, c.ActorID, c.RecordedAt).Scan(&c.ID); err != nil {
			return fmt.Errorf("incident %d: chain step: %w", inc.ID, err)
		}
		if c.Step == ChainAangifte {
			// The aangifte is the chain's first step: the reminder is met.
			if _, err := tx.ExecContext(ctx, `UPDATE incidents SET aangifte_at = $2
				WHERE id = $1 AND aangifte_at IS NULL`, inc.ID, now); err != nil {
				return fmt.Errorf("incident %d: chain step: %w", inc.ID, err)
			}
		}
		var err error
		if notes, err = s.addNotification(ctx, tx, inc, NoticeChainPrefix+string(c.Step)); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, incidentEvent(c.ActorID, inc, "incident.chain", string(c.Step)))
	})
	if err != nil {
		return nil, err
	}
	s.notify(ctx, notes)
	return &c, nil
}

func checkChainStep(c *ChainStep, now time.Time) error {
	e := &valid.Error{}
	if !oneOf(c.Step, ChainSteps) {
		e.Add("step", "unknown")
	}
	if c.On.IsZero() {
		e.Add("on", "required")
	} else if c.Step == ChainHearing {
		valid.Window(e, "on", c.On, earliest, now.Add(hearingAhead))
	} else {
		valid.Window(e, "on", c.On, earliest, now, "future")
	}
	checkLengths(e, map[string]lenCheck{"outcome": {c.Outcome, maxShort}, "note": {c.Note, maxText}})
	return e.Err()
}

func (s *Service) loadChain(ctx context.Context, id int64) ([]ChainStep, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, step, outcome, step_on, note_enc, actor_id,
		recorded_at FROM incident_chain_steps WHERE incident_id = $1 ORDER BY step_on, id`, id)
	if err != nil {
		return nil, fmt.Errorf("incident %d: chain: %w", id, err)
	}
	defer rows.Close()
	op := &opener{ctx: ctx, q: s.db, v: s.vault, id: id}
	var out []ChainStep
	for rows.Next() {
		c := ChainStep{IncidentID: id}
		var note []byte
		var on store.Date
		var recorded store.Time
		if err := rows.Scan(&c.ID, &c.Step, &c.Outcome, &on, &note, &c.ActorID, &recorded); err != nil {
			return nil, fmt.Errorf("incident %d: chain: %w", id, err)
		}
		c.On, c.RecordedAt = on.T, recorded.T
		s.flagBad(ctx, "chain_step", c.ID, on.Bad || recorded.Bad)
		c.Note = op.open("chain_note", note)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %d: chain: %w", id, err)
	}
	return out, op.err
}
