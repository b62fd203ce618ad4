package incident

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// Aangifte is the police report as the ELA/VPT agreements need it
// registered. A correction is recorded as a new one; the newest counts.
type Aangifte struct {
	ID         int64
	IncidentID int64
	Type       ReportType // melding or aangifte
	FiledBy    FiledBy    // victim, or employer (the victim then a witness)
	VPTAsked   bool       // the VPT label was asked for
	VPTApplied Answer     // the police applied the VPT label
	// Address is the address the report uses: the organisation's address
	// or a chosen domicile; never the home address, because the suspect
	// can read the file.
	Address AddressChoice
	// Domicile is the chosen address (a lawyer's office, say) when Address
	// is AddressDomicile, one line each; sealed, and empty otherwise.
	Domicile    string
	UnderNumber bool      // filed "onder nummer" through the OM victim desk
	FiledOn     time.Time // date (day precision)
	PoliceUnit  string
	PVNumber    string // proces-verbaal number, sealed
	PVPlace     string // place of the aangifte, sealed
	ActorID     int64
	RecordedAt  time.Time
}

// ReportType is a melding (registered, counts for repeat offenders) or a
// full aangifte.
type ReportType string

const (
	ReportMelding  ReportType = "melding"
	ReportAangifte ReportType = "aangifte"
)

// FiledBy is who filed the report.
type FiledBy string

const (
	FiledByVictim   FiledBy = "victim"
	FiledByEmployer FiledBy = "employer"
)

// Answer is yes, no or not known (yet).
type Answer string

const (
	Yes     Answer = "yes"
	No      Answer = "no"
	Unknown Answer = "unknown"
)

// AddressChoice is the address the aangifte uses.
type AddressChoice string

const (
	AddressOrganisation AddressChoice = "organisation"
	AddressDomicile     AddressChoice = "domicile"
	// AddressHome exists only so the form can offer it and be refused with
	// a clear message ("home_address_refused").
	AddressHome AddressChoice = "home"
)

// RecordAangifte registers a police report for an incident: by its
// reporter, or by the coördinator of its organisation. It meets the
// aangifte reminder. The home address is refused as the address used.
func (s *Service) RecordAangifte(ctx context.Context, p *auth.Principal, incidentID int64, in Aangifte) (*Aangifte, error) {
	now := s.now()
	a := in
	a.ID, a.IncidentID, a.RecordedAt = 0, incidentID, now
	a.FiledOn = dateOnly(in.FiledOn)
	if p != nil {
		a.ActorID = p.AccountID
	}
	if a.VPTApplied == "" {
		a.VPTApplied = Unknown
	}
	a.Domicile = strings.TrimSpace(a.Domicile)
	if a.Address != AddressDomicile {
		// Only the chosen address is kept: an address typed before the
		// choice changed is not the one the report uses.
		a.Domicile = ""
	}
	if err := checkAangifte(&a, now); err != nil {
		return nil, err
	}
	err := s.guardedTx(ctx, p, ActAangifte, incidentID, func(tx *sql.Tx, inc *Incident) error {
		sl := &sealer{ctx: ctx, q: tx, v: s.vault, keyID: inc.KeyID, id: inc.ID}
		pv, place := sl.seal("pv_number", a.PVNumber), sl.seal("pv_place", a.PVPlace)
		domicile := sl.seal("domicile", a.Domicile)
		if sl.err != nil {
			return sl.err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO incident_aangiftes (incident_id, report_type,
			filed_by, vpt_asked, vpt_applied, address_used, under_number, filed_on, police_unit,
			pv_number_enc, pv_place_enc, actor_id, recorded_at, domicile_enc)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
			inc.ID, a.Type, a.FiledBy, a.VPTAsked, a.VPTApplied, a.Address, a.UnderNumber,
			store.DateOf(a.FiledOn), a.PoliceUnit, pv, place, a.ActorID, a.RecordedAt, domicile).Scan(&a.ID); err != nil {
			return fmt.Errorf("incident %d: aangifte: %w", inc.ID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE incidents SET aangifte_at = $2
			WHERE id = $1 AND aangifte_at IS NULL`, inc.ID, now); err != nil {
			return fmt.Errorf("incident %d: aangifte: %w", inc.ID, err)
		}
		return s.audit.Write(ctx, tx, incidentEvent(a.ActorID, inc, "incident.aangifte", string(a.Type)))
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

func checkAangifte(a *Aangifte, now time.Time) error {
	e := &valid.Error{}
	if !oneOf(a.Type, []ReportType{ReportMelding, ReportAangifte}) {
		e.Add("type", "required")
	}
	if !oneOf(a.FiledBy, []FiledBy{FiledByVictim, FiledByEmployer}) {
		e.Add("filedBy", "required")
	}
	if !oneOf(a.VPTApplied, []Answer{Yes, No, Unknown}) {
		e.Add("vptApplied", "unknown")
	}
	switch a.Address {
	case AddressOrganisation:
	case AddressDomicile:
		if a.Domicile == "" {
			e.Add("domicile", "required")
		}
	case AddressHome:
		// The suspect can read the file: never the home address.
		e.Add("address", "home_address_refused")
	default:
		e.Add("address", "required")
	}
	if a.FiledOn.IsZero() {
		e.Add("filedOn", "required")
	} else {
		valid.Window(e, "filedOn", a.FiledOn, earliest, now, "future")
	}
	checkLengths(e, map[string]lenCheck{"policeUnit": {a.PoliceUnit, maxShort},
		"pvNumber": {a.PVNumber, maxShort}, "pvPlace": {a.PVPlace, maxShort},
		"domicile": {a.Domicile, maxShort}})
	return e.Err()
}

// dateOnly keeps the calendar day of t (as given) at midnight UTC.
func dateOnly(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func (s *Service) loadAangiftes(ctx context.Context, id int64) ([]Aangifte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, report_type, filed_by, vpt_asked, vpt_applied,
		address_used, under_number, filed_on, police_unit, pv_number_enc, pv_place_enc, actor_id,
		recorded_at, domicile_enc FROM incident_aangiftes WHERE incident_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("incident %d: aangiftes: %w", id, err)
	}
	defer rows.Close()
	op := &opener{ctx: ctx, q: s.db, v: s.vault, id: id}
	var out []Aangifte
	for rows.Next() {
		a := Aangifte{IncidentID: id}
		var pv, place, domicile []byte
		var filed store.Date
		var recorded store.Time
		if err := rows.Scan(&a.ID, &a.Type, &a.FiledBy, &a.VPTAsked, &a.VPTApplied, &a.Address,
			&a.UnderNumber, &filed, &a.PoliceUnit, &pv, &place, &a.ActorID, &recorded,
			&domicile); err != nil {
			return nil, fmt.Errorf("incident %d: aangiftes: %w", id, err)
		}
		a.FiledOn, a.RecordedAt = filed.T, recorded.T
		s.flagBad(ctx, "aangifte", a.ID, filed.Bad || recorded.Bad)
		a.PVNumber, a.PVPlace = op.open("pv_number", pv), op.open("pv_place", place)
		a.Domicile = op.open("domicile", domicile)
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %d: aangiftes: %w", id, err)
	}
	return out, op.err
}
