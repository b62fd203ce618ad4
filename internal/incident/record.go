package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"weerbaar/internal/store"
)

// clearCols are the columns lists and figures read; nothing sealed.
const clearCols = `id, org_id, status, mode, reporter_id, key_id, victim_role, occurred_at,
	place_kind, platform, perpetrator_kind, home_partner, home_children, home_others,
	influences_decisions, feels_unsafe, in_danger, reported_employer, reported_police,
	wants_aangifte, wants_support, referred_support, created_at, updated_at, submitted_at,
	closed_at, first_contact_due, first_contact_at, reaction_due, reaction_at, aangifte_due,
	aangifte_at`

// sealedCols are the sealed columns, in sealedFields order.
const sealedCols = `place_enc, link_enc, description_enc, victim_enc, perpetrator_enc,
	witnesses_enc, impact_enc, police_ref_enc, support_enc`

// sealedFields names each sealed column's field (its AAD) and where its
// plain text lives in an Incident.
func sealedFields(inc *Incident) []struct {
	name string
	ptr  *string
} {
	return []struct {
		name string
		ptr  *string
	}{
		{"place", &inc.Place.Detail},
		{"link", &inc.Place.Link},
		{"description", &inc.Description},
		{"victim", &inc.VictimDescription},
		{"perpetrator", &inc.Perpetrator.Description},
		{"witnesses", &inc.Witnesses},
		{"impact", &inc.Impact.Personal},
		{"police_ref", &inc.PoliceReference},
		{"support", &inc.SupportRequest},
	}
}

// insertIncident creates the row of a new incident (status and mode as set
// in inc) with a vault key of its own, and sets inc.ID, KeyID, CreatedAt
// and UpdatedAt. The content is written by writeFields.
func (s *Service) insertIncident(ctx context.Context, q store.Querier, inc *Incident) error {
	keyID, err := s.vault.NewKey(ctx, q)
	if err != nil {
		return fmt.Errorf("incident: new key: %w", err)
	}
	now := s.now()
	err = q.QueryRowContext(ctx, `INSERT INTO incidents
		(org_id, status, mode, reporter_id, key_id, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
		inc.OrgID, inc.Status, inc.Mode, inc.ReporterID, keyID, now).Scan(&inc.ID)
	if err != nil {
		return fmt.Errorf("incident: insert: %w", err)
	}
	inc.KeyID, inc.CreatedAt, inc.UpdatedAt = keyID, now, now
	return nil
}

// writeFields stores the reporter's content of inc: clear columns, sealed
// columns and kinds. It does not touch status, deadlines or history.
func (s *Service) writeFields(ctx context.Context, q store.Querier, inc *Incident) error {
	return s.writeContent(ctx, q, inc, false)
}

// writeContent is writeFields; fresh says the row was inserted in this
// transaction, so it has no kinds to delete.
func (s *Service) writeContent(ctx context.Context, q store.Querier, inc *Incident, fresh bool) error {
	sl := &sealer{ctx: ctx, q: q, v: s.vault, keyID: inc.KeyID, id: inc.ID}
	fields := sealedFields(inc)
	sealed := make([]any, len(fields))
	for i, f := range fields {
		sealed[i] = sl.seal(f.name, *f.ptr)
	}
	if sl.err != nil {
		return sl.err
	}
	inc.UpdatedAt = s.now()
	args := append([]any{inc.ID, inc.OrgID, inc.Mode, inc.VictimRole, nullTime(inc.OccurredAt),
		inc.Place.Kind, inc.Place.Platform, inc.Perpetrator.Kind, inc.HomeFront.Partner,
		inc.HomeFront.Children, inc.HomeFront.Others, inc.Impact.InfluencesDecisions,
		inc.Impact.FeelsUnsafe, inc.InDanger, inc.ReportedToEmployer, inc.ReportedToPolice,
		inc.WantsAangifte, inc.WantsSupport, inc.UpdatedAt}, sealed...)
	_, err := q.ExecContext(ctx, `UPDATE incidents SET org_id = $2, mode = $3, victim_role = $4,
		occurred_at = $5, place_kind = $6, platform = $7, perpetrator_kind = $8,
		home_partner = $9, home_children = $10, home_others = $11, influences_decisions = $12,
		feels_unsafe = $13, in_danger = $14, reported_employer = $15, reported_police = $16,
		wants_aangifte = $17, wants_support = $18, updated_at = $19,
		place_enc = $20, link_enc = $21, description_enc = $22, victim_enc = $23,
		perpetrator_enc = $24, witnesses_enc = $25, impact_enc = $26, police_ref_enc = $27,
		support_enc = $28
		WHERE id = $1`, args...)
	if err != nil {
		return fmt.Errorf("incident %d: write: %w", inc.ID, err)
	}
	return writeKinds(ctx, q, inc.ID, inc.Kinds, fresh)
}

// writeKinds replaces the kinds of incident id in one INSERT (a row that
// is fresh has none to delete first).
func writeKinds(ctx context.Context, q store.Querier, id int64, kinds []Kind, fresh bool) error {
	if !fresh {
		if _, err := q.ExecContext(ctx, `DELETE FROM incident_kinds WHERE incident_id = $1`, id); err != nil {
			return fmt.Errorf("incident %d: kinds: %w", id, err)
		}
	}
	if len(kinds) == 0 {
		return nil
	}
	var sb strings.Builder
	args := []any{id}
	sb.WriteString(`INSERT INTO incident_kinds (incident_id, kind) VALUES `)
	for i, k := range kinds {
		if i > 0 {
			sb.WriteString(", ")
		}
		args = append(args, k)
		fmt.Fprintf(&sb, "($1, $%d)", len(args))
	}
	if _, err := q.ExecContext(ctx, sb.String(), args...); err != nil {
		return fmt.Errorf("incident %d: kinds %v: %w", id, kinds, err)
	}
	return nil
}

// rowScanner is *sql.Row or *sql.Rows.
type rowScanner interface{ Scan(dest ...any) error }

// scanClear reads clearCols into inc. A time column that cannot be
// decoded leaves inc filled as far as it goes (its times zero) and returns
// ErrUnreadable, so a caller can still check the policy on the head and a
// list can skip the one row.
func scanClear(r rowScanner, inc *Incident, extra ...any) error {
	var created, updated, occurred, submitted, closed, fcDue, fcAt, rDue, rAt, aDue, aAt store.Time
	dest := append([]any{&inc.ID, &inc.OrgID, &inc.Status, &inc.Mode, &inc.ReporterID,
		&inc.KeyID, &inc.VictimRole, &occurred, &inc.Place.Kind, &inc.Place.Platform,
		&inc.Perpetrator.Kind, &inc.HomeFront.Partner, &inc.HomeFront.Children,
		&inc.HomeFront.Others, &inc.Impact.InfluencesDecisions, &inc.Impact.FeelsUnsafe,
		&inc.InDanger, &inc.ReportedToEmployer, &inc.ReportedToPolice, &inc.WantsAangifte,
		&inc.WantsSupport, &inc.ReferredToSupport, &created, &updated, &submitted,
		&closed, &fcDue, &fcAt, &rDue, &rAt, &aDue, &aAt}, extra...)
	if err := r.Scan(dest...); err != nil {
		return err
	}
	inc.OccurredAt, inc.SubmittedAt, inc.ClosedAt = occurred.T, submitted.T, closed.T
	inc.CreatedAt, inc.UpdatedAt = created.T, updated.T
	inc.Deadlines = Deadlines{
		FirstContact: Deadline{Due: fcDue.T, Done: fcAt.T},
		Reaction:     Deadline{Due: rDue.T, Done: rAt.T},
		Aangifte:     Deadline{Due: aDue.T, Done: aAt.T},
	}
	for _, t := range []store.Time{created, updated, occurred, submitted, closed, fcDue, fcAt, rDue, rAt, aDue, aAt} {
		if t.Bad {
			return fmt.Errorf("incident %d: a stored time: %w", inc.ID, ErrUnreadable)
		}
	}
	return nil
}

// loadIncident reads one incident with its sealed fields opened and its
// kinds, but without history and follow-up. ErrNotFound when absent.
func (s *Service) loadIncident(ctx context.Context, q store.Querier, id int64) (*Incident, error) {
	inc := &Incident{}
	fields := sealedFields(inc)
	sealed := make([][]byte, len(fields))
	extra := make([]any, len(fields))
	for i := range sealed {
		extra[i] = &sealed[i]
	}
	row := q.QueryRowContext(ctx, `SELECT `+clearCols+`, `+sealedCols+` FROM incidents WHERE id = $1`, id)
	if err := scanClear(row, inc, extra...); errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("incident %d: %w", id, ErrNotFound)
	} else if errors.Is(err, ErrUnreadable) {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("incident %d: load: %w", id, err)
	}
	op := &opener{ctx: ctx, q: q, v: s.vault, id: inc.ID}
	for i, f := range fields {
		*f.ptr = op.open(f.name, sealed[i])
	}
	if op.err != nil {
		return nil, unreadableSeal(op.err)
	}
	kinds, err := loadKinds(ctx, q, []int64{id})
	if err != nil {
		return nil, err
	}
	inc.Kinds = kinds[id]
	return inc, nil
}

// loadHead reads the clear columns of one incident: enough for the policy
// and status checks, without opening anything. With ErrUnreadable it also
// returns the head as far as it could be read, so the caller can check
// the policy before saying the record is damaged.
func loadHead(ctx context.Context, q store.Querier, id int64) (*Incident, error) {
	inc := &Incident{}
	row := q.QueryRowContext(ctx, `SELECT `+clearCols+` FROM incidents WHERE id = $1`, id)
	if err := scanClear(row, inc); errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("incident %d: %w", id, ErrNotFound)
	} else if errors.Is(err, ErrUnreadable) {
		return inc, err // the head is enough to check who may know
	} else if err != nil {
		return nil, fmt.Errorf("incident %d: load: %w", id, err)
	}
	return inc, nil
}

// nullTime is t as written to a time column: UTC microseconds, NULL when zero.
func nullTime(t time.Time) store.Time { return store.TimeOf(t) }

// insertSubmitted writes a report submitted without a draft as one row,
// already nieuw with its deadlines: its id is reserved first because the
// sealed fields name it (their AAD). inc.Status stays what the report
// came from (concept), for the history row. Sets inc.ID, KeyID,
// CreatedAt and UpdatedAt.
func (s *Service) insertSubmitted(ctx context.Context, q store.Querier, inc *Incident, now time.Time) error {
	id, err := store.NextID(ctx, s.db, q, "incidents")
	if err != nil {
		return fmt.Errorf("incident: %w", err)
	}
	keyID, err := s.vault.NewKey(ctx, q)
	if err != nil {
		return fmt.Errorf("incident: new key: %w", err)
	}
	sl := &sealer{ctx: ctx, q: q, v: s.vault, keyID: keyID, id: id}
	fields := sealedFields(inc)
	sealed := make([]any, len(fields))
	for i, f := range fields {
		sealed[i] = sl.seal(f.name, *f.ptr)
	}
	if sl.err != nil {
		return sl.err
	}
	d := inc.Deadlines
	args := append([]any{id, inc.OrgID, StatusNew, inc.Mode, inc.ReporterID, keyID, now,
		inc.VictimRole, nullTime(inc.OccurredAt), inc.Place.Kind, inc.Place.Platform, inc.Perpetrator.Kind,
		inc.HomeFront.Partner, inc.HomeFront.Children, inc.HomeFront.Others, inc.Impact.InfluencesDecisions,
		inc.Impact.FeelsUnsafe, inc.InDanger, inc.ReportedToEmployer, inc.ReportedToPolice,
		inc.WantsAangifte, inc.WantsSupport, nullTime(d.FirstContact.Due), nullTime(d.Reaction.Due),
		nullTime(d.Aangifte.Due)}, sealed...)
	if _, err := q.ExecContext(ctx, `INSERT INTO incidents (id, org_id, status, mode, reporter_id, key_id,
		created_at, updated_at, submitted_at, victim_role, occurred_at, place_kind, platform, perpetrator_kind,
		home_partner, home_children, home_others, influences_decisions, feels_unsafe, in_danger,
		reported_employer, reported_police, wants_aangifte, wants_support,
		first_contact_due, reaction_due, aangifte_due,
		place_enc, link_enc, description_enc, victim_enc, perpetrator_enc, witnesses_enc, impact_enc,
		police_ref_enc, support_enc)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
		$19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34)`, args...); err != nil {
		return fmt.Errorf("incident: insert: %w", err)
	}
	inc.ID, inc.KeyID, inc.CreatedAt, inc.UpdatedAt = id, keyID, now, now
	return nil
}
