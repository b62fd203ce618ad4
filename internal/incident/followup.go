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

// FollowUpKind is one kind of follow-up the coördinator records.
type FollowUpKind string

const (
	FollowTalk            FollowUpKind = "gesprek_gevoerd"
	FollowAangifte        FollowUpKind = "aangifte_gedaan"
	FollowPoliceReport    FollowUpKind = "melding_politie"
	FollowEmployerFiled   FollowUpKind = "werkgever_aangifte" // employer filed on the victim's behalf
	FollowMeasure         FollowUpKind = "maatregel"
	FollowReaction        FollowUpKind = "reactie_dader" // VPT: within 48 hours
	FollowAftercare       FollowUpKind = "nazorg_aangeboden"
	FollowReferredSupport FollowUpKind = "doorverwezen_ondersteuningsteam"
	FollowClosed          FollowUpKind = "afgesloten"
	FollowReopened        FollowUpKind = "heropend"
	FollowNote            FollowUpKind = "notitie"
)

// FollowUpKinds lists every follow-up kind in form order.
var FollowUpKinds = []FollowUpKind{FollowTalk, FollowAangifte, FollowPoliceReport,
	FollowEmployerFiled, FollowMeasure, FollowReaction, FollowAftercare, FollowReferredSupport,
	FollowClosed, FollowReopened, FollowNote}

// ReactionForm is how the employer reacted toward the perpetrator.
type ReactionForm string

const (
	ReactionLetter       ReactionForm = "brief"
	ReactionConversation ReactionForm = "gesprek"
	ReactionBan          ReactionForm = "verbod" // e.g. a ban from the town hall
)

// ReactionForms lists every reaction form.
var ReactionForms = []ReactionForm{ReactionLetter, ReactionConversation, ReactionBan}

// FollowUp is one append-only follow-up entry; never edited.
type FollowUp struct {
	ID           int64
	IncidentID   int64
	Kind         FollowUpKind
	ReactionForm ReactionForm // only for FollowReaction
	DoneAt       time.Time    // when it happened
	ActorID      int64        // who recorded it
	RecordedAt   time.Time
	Note         string // sealed
}

// AddFollowUp records one follow-up on an incident of the coördinator's
// organisation and returns it. It is never edited afterwards. The status
// follows: the first real follow-up moves nieuw (or heropend) to in
// behandeling; "afgesloten" closes (and asks the reporter whether they are
// satisfied); "heropend" reopens a closed incident. A note changes
// nothing. Deadlines are met by it: first contact by a talk or aftercare,
// the reaction by "reactie naar dader", the aangifte reminder by an
// aangifte or police report.
func (s *Service) AddFollowUp(ctx context.Context, p *auth.Principal, incidentID int64, in FollowUp) (*FollowUp, error) {
	now := s.now()
	f := FollowUp{IncidentID: incidentID, Kind: in.Kind, ReactionForm: in.ReactionForm,
		DoneAt: in.DoneAt.UTC().Truncate(time.Microsecond), Note: in.Note, RecordedAt: now}
	if p != nil {
		f.ActorID = p.AccountID
	}
	if f.DoneAt.IsZero() {
		f.DoneAt = now
	}
	if err := checkFollowUp(&f, now); err != nil {
		return nil, err
	}
	var notes []Notification
	err := s.guardedTx(ctx, p, ActFollowUp, incidentID, func(tx *sql.Tx, inc *Incident) error {
		if err := s.insertFollowUp(ctx, tx, inc, &f); err != nil {
			return err
		}
		var err error
		if notes, err = s.followUpEffects(ctx, tx, inc, &f); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, incidentEvent(f.ActorID, inc, "incident.followup", string(f.Kind)))
	})
	if err != nil {
		return nil, err
	}
	s.notify(ctx, notes)
	return &f, nil
}

func checkFollowUp(f *FollowUp, now time.Time) error {
	e := &valid.Error{}
	if !oneOf(f.Kind, FollowUpKinds) {
		e.Add("kind", "unknown")
	}
	if f.Kind == FollowReaction && !oneOf(f.ReactionForm, ReactionForms) {
		e.Add("reactionForm", "required")
	}
	if f.Kind != FollowReaction && f.ReactionForm != "" {
		e.Add("reactionForm", "not_applicable")
	}
	checkMoment(e, "doneAt", f.DoneAt, now)
	if f.Kind == FollowNote && f.Note == "" {
		e.Add("note", "required")
	}
	checkLengths(e, map[string]lenCheck{"note": {f.Note, maxText}})
	return e.Err()
}

func (s *Service) insertFollowUp(ctx context.Context, tx *sql.Tx, inc *Incident, f *FollowUp) error {
	sl := &sealer{ctx: ctx, q: tx, v: s.vault, keyID: inc.KeyID, id: inc.ID}
	note := sl.seal("followup_note", f.Note)
	if sl.err != nil {
		return sl.err
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO incident_followups
		(incident_id, kind, reaction_form, done_at, actor_id, recorded_at, note_enc)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, inc.ID, f.Kind, f.ReactionForm,
		store.TimeOf(f.DoneAt), f.ActorID, f.RecordedAt, note).Scan(&f.ID)
	if err != nil {
		return fmt.Errorf("incident %d: follow-up: %w", inc.ID, err)
	}
	return nil
}

// followUpEffects applies what a follow-up means for status, deadlines and
// the support team's access, and returns the notifications it creates.
func (s *Service) followUpEffects(ctx context.Context, tx *sql.Tx, inc *Incident, f *FollowUp) ([]Notification, error) {
	switch f.Kind {
	case FollowNote:
		return nil, nil
	case FollowClosed:
		if err := changeStatus(ctx, tx, inc, StatusClosed, f.ActorID, f.RecordedAt); err != nil {
			return nil, err
		}
		return s.addNotification(ctx, tx, inc, NoticeClosed)
	case FollowReopened:
		if err := s.reopen(ctx, tx, inc, f.ActorID); err != nil {
			return nil, err
		}
		return s.addNotification(ctx, tx, inc, NoticeReopened)
	}
	if inc.Status == StatusClosed {
		return nil, fmt.Errorf("incident %d: %s on a closed incident: %w", inc.ID, f.Kind, ErrTransition)
	}
	if inc.Status == StatusNew || inc.Status == StatusReopened {
		if err := changeStatus(ctx, tx, inc, StatusInProgress, f.ActorID, f.RecordedAt); err != nil {
			return nil, err
		}
	}
	if col := deadlineColumn(f.Kind); col != "" {
		if _, err := tx.ExecContext(ctx, `UPDATE incidents SET `+col+` = $2
			WHERE id = $1 AND `+col+` IS NULL`, inc.ID, store.TimeOf(f.DoneAt)); err != nil {
			return nil, fmt.Errorf("incident %d: deadline: %w", inc.ID, err)
		}
	}
	if f.Kind == FollowReferredSupport {
		if _, err := tx.ExecContext(ctx, `UPDATE incidents SET referred_support = TRUE WHERE id = $1`, inc.ID); err != nil {
			return nil, fmt.Errorf("incident %d: refer: %w", inc.ID, err)
		}
	}
	return nil, nil
}

// deadlineColumn is the deadline a follow-up kind meets, if any.
func deadlineColumn(k FollowUpKind) string {
	switch k {
	case FollowTalk, FollowAftercare:
		return "first_contact_at"
	case FollowReaction:
		return "reaction_at"
	case FollowAangifte, FollowPoliceReport, FollowEmployerFiled:
		return "aangifte_at"
	}
	return ""
}

// reopen moves a closed incident to heropend and restarts the first-contact
// promise: someone talks to the reporter again within the working days.
func (s *Service) reopen(ctx context.Context, tx *sql.Tx, inc *Incident, actor int64) error {
	now := s.now()
	if err := changeStatus(ctx, tx, inc, StatusReopened, actor, now); err != nil {
		return err
	}
	days, err := s.firstContactDays(ctx, tx, inc.OrgID)
	if err != nil {
		return err
	}
	due := s.workingDaysAfter(now, days)
	if _, err := tx.ExecContext(ctx, `UPDATE incidents SET first_contact_due = $2,
		first_contact_at = NULL, closed_at = NULL WHERE id = $1`, inc.ID, due); err != nil {
		return fmt.Errorf("incident %d: reopen: %w", inc.ID, err)
	}
	inc.Deadlines.FirstContact = Deadline{Due: due}
	inc.ClosedAt = time.Time{}
	return nil
}

func (s *Service) loadFollowUps(ctx context.Context, id int64) ([]FollowUp, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, kind, reaction_form, done_at, actor_id,
		recorded_at, note_enc FROM incident_followups WHERE incident_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("incident %d: follow-up: %w", id, err)
	}
	defer rows.Close()
	op := &opener{ctx: ctx, q: s.db, v: s.vault, id: id}
	var out []FollowUp
	for rows.Next() {
		f := FollowUp{IncidentID: id}
		var note []byte
		var done, recorded store.Time
		if err := rows.Scan(&f.ID, &f.Kind, &f.ReactionForm, &done, &f.ActorID,
			&recorded, &note); err != nil {
			return nil, fmt.Errorf("incident %d: follow-up: %w", id, err)
		}
		f.DoneAt, f.RecordedAt = done.T, recorded.T
		s.flagBad(ctx, "followup", f.ID, done.Bad || recorded.Bad)
		f.Note = op.open("followup_note", note)
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %d: follow-up: %w", id, err)
	}
	return out, op.err
}
