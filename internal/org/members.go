package org

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"weerbaar/internal/store"
)

// Members returns the partners of the Netwerk Weerbaar Bestuur on day at
// (joined on or before it and not yet left), with their stated interest,
// by name.
func (s *Service) Members(ctx context.Context, at time.Time) ([]Member, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT o.id, o.code, o.name, o.kind, o.province_code,
			o.valid_from, o.valid_until, o.source, m.joined_on, m.left_on, m.interest, m.source
		FROM network_partners m JOIN organisations o ON o.id = m.org_id
		WHERE m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on > $1)
		ORDER BY o.name, o.code`, dateArg(at))
	if err != nil {
		return nil, fmt.Errorf("netwerkpartners: %w", err)
	}
	defer rows.Close()
	var out []Member
	for rows.Next() {
		var m Member
		var province sql.NullString
		var from, until, joined, left store.Date
		if err := rows.Scan(&m.ID, &m.Code, &m.Name, &m.Kind, &province, &from, &until,
			&m.Organisation.Source, &joined, &left, &m.Interest, &m.MembershipSource); err != nil {
			return nil, fmt.Errorf("netwerkpartners: %w", err)
		}
		m.ProvinceCode, m.ValidFrom, m.ValidUntil = province.String, from.T, until.T
		m.JoinedOn, m.LeftOn = joined.T, left.T
		out = append(out, m)
	}
	return out, rows.Err()
}
