package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// Protocol is one version of an organisation's norm and aggression
// protocol. Versions are never changed; saving makes a new one.
type Protocol struct {
	OrgID               int64
	Version             int
	Norm                string // what the organisation will not accept
	ReportTo            string // who to tell, and how
	Steps               string // what happens after a report
	ConfidentialAdviser string // the vertrouwenspersoon and how to reach them
	Contacts            string // other contacts (police, support team, ...)
	FirstContactDays    int    // working days to first contact with a reporter
	// PostalAddress is where police, OM and court write about an aangifte
	// instead of the victim's home (one line each). Optional; public, so
	// not sealed.
	PostalAddress string
	AuthorID      int64
	CreatedAt     time.Time
}

// maxFirstContactDays: a promise longer than two weeks is no promise.
const maxFirstContactDays = 10

const protocolCols = `org_id, version, norm, report_to, steps, confidential_adviser, contacts,
	first_contact_days, author_id, created_at, postal_address`

// SaveProtocol stores a new version of the organisation's protocol
// (coördinatoren of that organisation only) and returns it. A zero
// FirstContactDays takes the service default.
func (s *Service) SaveProtocol(ctx context.Context, p *auth.Principal, orgID int64, in Protocol) (*Protocol, error) {
	target := &Incident{OrgID: orgID}
	if !allowed(p, ActProtocolEdit, target) {
		return nil, s.deny(ctx, p, ActProtocolEdit, target)
	}
	pr := in
	pr.OrgID, pr.AuthorID, pr.CreatedAt = orgID, p.AccountID, s.now()
	if pr.FirstContactDays == 0 {
		pr.FirstContactDays = s.opts.FirstContactDays
	}
	if err := checkProtocol(&pr); err != nil {
		return nil, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) + 1 FROM org_protocols
			WHERE org_id = $1`, orgID).Scan(&pr.Version); err != nil {
			return fmt.Errorf("protocol org %d: version: %w", orgID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_protocols (`+protocolCols+`)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, pr.OrgID, pr.Version, pr.Norm,
			pr.ReportTo, pr.Steps, pr.ConfidentialAdviser, pr.Contacts, pr.FirstContactDays,
			pr.AuthorID, pr.CreatedAt, pr.PostalAddress); err != nil {
			return fmt.Errorf("protocol org %d: save: %w", orgID, err)
		}
		return s.audit.Write(ctx, tx, audit.Event{Actor: p.AccountID, OrgID: orgID,
			Action: "protocol.save", Object: "org_protocol", ObjectID: strconv.FormatInt(orgID, 10),
			Detail: "version=" + strconv.Itoa(pr.Version)})
	})
	if err != nil {
		return nil, err
	}
	return &pr, nil
}

func checkProtocol(pr *Protocol) error {
	e := &valid.Error{}
	for _, f := range []struct{ name, v string }{
		{"norm", pr.Norm}, {"reportTo", pr.ReportTo}, {"steps", pr.Steps},
		{"confidentialAdviser", pr.ConfidentialAdviser},
	} {
		if f.v == "" {
			e.Add(f.name, "required")
		}
	}
	checkLengths(e, map[string]lenCheck{
		"norm": {pr.Norm, maxText}, "reportTo": {pr.ReportTo, maxText}, "steps": {pr.Steps, maxText},
		"confidentialAdviser": {pr.ConfidentialAdviser, maxText}, "contacts": {pr.Contacts, maxText},
		"postalAddress": {pr.PostalAddress, maxShort},
	})
	if pr.FirstContactDays < 1 || pr.FirstContactDays > maxFirstContactDays {
		e.Add("firstContactDays", "range", 1, maxFirstContactDays)
	}
	return e.Err()
}

// Protocol returns the organisation's current protocol, ErrNotFound when it
// has none. Everyone in the organisation may read it, and the support team.
func (s *Service) Protocol(ctx context.Context, p *auth.Principal, orgID int64) (*Protocol, error) {
	target := &Incident{OrgID: orgID}
	if !allowed(p, ActProtocolRead, target) {
		return nil, s.deny(ctx, p, ActProtocolRead, target)
	}
	list, err := s.protocols(ctx, orgID, 1)
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, fmt.Errorf("protocol org %d: %w", orgID, ErrNotFound)
	}
	return &list[0], nil
}

// ProtocolHistory returns every version, newest first.
func (s *Service) ProtocolHistory(ctx context.Context, p *auth.Principal, orgID int64) ([]Protocol, error) {
	target := &Incident{OrgID: orgID}
	if !allowed(p, ActProtocolRead, target) {
		return nil, s.deny(ctx, p, ActProtocolRead, target)
	}
	return s.protocols(ctx, orgID, -1)
}

func (s *Service) protocols(ctx context.Context, orgID int64, limit int) ([]Protocol, error) {
	query := `SELECT ` + protocolCols + ` FROM org_protocols WHERE org_id = $1 ORDER BY version DESC`
	if limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(limit)
	}
	rows, err := s.db.QueryContext(ctx, query, orgID)
	if err != nil {
		return nil, fmt.Errorf("protocol org %d: %w", orgID, err)
	}
	defer rows.Close()
	var out []Protocol
	for rows.Next() {
		var pr Protocol
		var created store.Time
		if err := rows.Scan(&pr.OrgID, &pr.Version, &pr.Norm, &pr.ReportTo, &pr.Steps,
			&pr.ConfidentialAdviser, &pr.Contacts, &pr.FirstContactDays, &pr.AuthorID,
			&created, &pr.PostalAddress); err != nil {
			return nil, fmt.Errorf("protocol org %d: %w", orgID, err)
		}
		pr.CreatedAt = created.T
		out = append(out, pr)
	}
	return out, rows.Err()
}

// firstContactDays is the organisation's own promise from its current
// protocol, or the service default.
func (s *Service) firstContactDays(ctx context.Context, q store.Querier, orgID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT first_contact_days FROM org_protocols
		WHERE org_id = $1 ORDER BY version DESC LIMIT 1`, orgID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return s.opts.FirstContactDays, nil
	}
	if err != nil {
		return 0, fmt.Errorf("protocol org %d: %w", orgID, err)
	}
	return n, nil
}

// OrgRef names an organisation in the support team's gap list.
type OrgRef struct {
	ID   int64
	Code string
	Name string
	Kind string
}

// OrganisationsWithoutProtocol lists every current gemeente, provincie and
// waterschap that has no norm and aggression protocol yet, for the
// support team, by kind and name.
func (s *Service) OrganisationsWithoutProtocol(ctx context.Context, p *auth.Principal) ([]OrgRef, error) {
	if !allowed(p, ActProtocolGaps, &Incident{}) {
		return nil, s.deny(ctx, p, ActProtocolGaps, nil)
	}
	today := s.now().In(s.opts.Location).Format(time.DateOnly)
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.code, o.name, o.kind FROM organisations o
		WHERE o.kind IN ('gemeente', 'provincie', 'waterschap')
		AND (o.valid_until IS NULL OR o.valid_until > $1)
		AND NOT EXISTS (SELECT 1 FROM org_protocols p WHERE p.org_id = o.id)
		ORDER BY o.kind, o.name`, today)
	if err != nil {
		return nil, fmt.Errorf("organisations without protocol: %w", err)
	}
	defer rows.Close()
	var out []OrgRef
	for rows.Next() {
		var o OrgRef
		if err := rows.Scan(&o.ID, &o.Code, &o.Name, &o.Kind); err != nil {
			return nil, fmt.Errorf("organisations without protocol: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
