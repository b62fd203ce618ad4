package org

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
	"weerbaar/internal/store"
)

const orgColumns = `id, code, name, kind, province_code, valid_from, valid_until, source`

// validAt is true for rows that existed on the date in $1 (YYYY-MM-DD).
const validAt = `valid_from <= $1 AND (valid_until IS NULL OR valid_until > $1)`

// searchLimit is how many matches a picker gets.
const searchLimit = 20

// List returns the organisations of kind (every kind when empty) that
// existed on day at, by name.
func (s *Service) List(ctx context.Context, kind Kind, at time.Time) ([]Organisation, error) {
	q := `SELECT ` + orgColumns + ` FROM organisations WHERE ` + validAt
	args := []any{dateArg(at)}
	if kind != "" {
		if !kind.Valid() {
			return nil, fmt.Errorf("organisaties: onbekende soort %q", kind)
		}
		q += ` AND kind = $2`
		args = append(args, string(kind))
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY name, code`, args...)
	if err != nil {
		return nil, fmt.Errorf("organisaties %s: %w", kind, err)
	}
	return scanOrganisations(rows)
}

// Get returns the organisation with id, also one that no longer exists.
func (s *Service) Get(ctx context.Context, id int64) (Organisation, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organisations WHERE id = $1`, id)
	o, err := scanOrganisation(row)
	if err != nil {
		return o, fmt.Errorf("organisatie %d: %w", id, err)
	}
	return o, nil
}

// ByCode returns the organisation with code (GM0363, PV26, BZK), case as stored.
func (s *Service) ByCode(ctx context.Context, code string) (Organisation, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+orgColumns+` FROM organisations WHERE code = $1`, code)
	o, err := scanOrganisation(row)
	if err != nil {
		return o, fmt.Errorf("organisatie %s: %w", code, err)
	}
	return o, nil
}

// Search returns up to 20 organisations that exist today and have a word
// in their name or code starting with prefix, ignoring case and accents:
// "den h" finds Den Helder, "fryslan" Súdwest-Fryslân, "bzk" the ministry.
// Names that start with prefix come first.
func (s *Service) Search(ctx context.Context, prefix string) ([]Organisation, error) {
	key := searchKey(prefix)
	if key == "" {
		return nil, nil
	}
	q := `SELECT ` + orgColumns + ` FROM organisations WHERE ` + validAt + `
		AND (search_key LIKE $2 OR search_key LIKE $3)
		ORDER BY CASE WHEN search_key LIKE $2 THEN 0 ELSE 1 END, name, code
		LIMIT ` + fmt.Sprint(searchLimit)
	rows, err := s.db.QueryContext(ctx, q, dateArg(s.now()), key+"%", "% "+key+"%")
	if err != nil {
		return nil, fmt.Errorf("organisaties zoeken %q: %w", prefix, err)
	}
	return scanOrganisations(rows)
}

// dateArg passes a day as YYYY-MM-DD: compared as DATE by PostgreSQL and,
// since SQLite keeps DATE as such text, in the same order there.
func dateArg(t time.Time) string { return t.Format(time.DateOnly) }

func scanOrganisations(rows *sql.Rows) ([]Organisation, error) {
	defer rows.Close()
	var out []Organisation
	for rows.Next() {
		o, err := scanOrganisation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

type scanner interface{ Scan(dst ...any) error }

func scanOrganisation(r scanner) (Organisation, error) {
	var o Organisation
	var province sql.NullString
	var from, until store.Date
	err := r.Scan(&o.ID, &o.Code, &o.Name, &o.Kind, &province, &from, &until, &o.Source)
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	if err != nil {
		return o, err
	}
	o.ProvinceCode, o.ValidFrom, o.ValidUntil = province.String, from.T, until.T
	return o, nil
}
