package scan

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
)

const resultColumns = `id, account_id, org_id, audience, scan, version, status, page, key_id,
	answers_enc, shared, started_at, updated_at, finished_at`

// row is a stored result before its answers are opened.
type row struct {
	Result
	keyID  int64
	sealed []byte
}

func scanRow(sc interface{ Scan(...any) error }) (*row, error) {
	var r row
	var started, updated, finished store.Time
	if err := sc.Scan(&r.ID, &r.AccountID, &r.OrgID, &r.Audience, &r.Scan, &r.Version, &r.Status, &r.Page,
		&r.keyID, &r.sealed, &r.Shared, &started, &updated, &finished); err != nil {
		return nil, err
	}
	r.StartedAt, r.UpdatedAt, r.FinishedAt = started.T, updated.T, finished.T
	return &r, nil
}

func answersAAD(id int64) string { return fmt.Sprintf("scan:%d:answers", id) }

// load reads result id without opening its answers.
func load(ctx context.Context, q store.Querier, id int64) (*row, error) {
	r, err := scanRow(q.QueryRowContext(ctx, `SELECT `+resultColumns+` FROM scan_results WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("scan result %d: %w", id, ErrNotFound)
	}
	return r, err
}

// open fills r.Answers from the sealed column.
func (s *Service) open(ctx context.Context, q store.Querier, r *row) error {
	r.Answers = Answers{}
	if len(r.sealed) == 0 {
		return nil
	}
	plain, err := s.vault.OpenString(ctx, q, r.sealed, answersAAD(r.ID))
	if err != nil {
		return fmt.Errorf("scan result %d: open answers: %w", r.ID, err)
	}
	return json.Unmarshal([]byte(plain), &r.Answers)
}

// Get returns result id with its answers, when p may read it; the read is
// audited. A result p may not see answers ErrForbidden (audited).
func (s *Service) Get(ctx context.Context, p *auth.Principal, id int64) (*Result, error) {
	r, err := load(ctx, s.db, id)
	if err != nil {
		return nil, err
	}
	if !allowed(p, ActRead, &r.Result) {
		return nil, s.deny(ctx, p, ActRead, &r.Result)
	}
	if err := s.open(ctx, s.db, r); err != nil {
		return nil, err
	}
	if err := s.audit.WriteNow(ctx, event(p, &r.Result, "scan.read")); err != nil {
		return nil, err
	}
	return &r.Result, nil
}

// Definition returns the definition r was taken with.
func (s *Service) Definition(r *Result) (*Definition, error) {
	d := s.lib.Get(r.Scan)
	if d == nil || d.Version != r.Version {
		// Only the current version is carried; an older result keeps its
		// answers but cannot be scored until its version is embedded.
		return nil, fmt.Errorf("scan %s version %d: %w", r.Scan, r.Version, ErrNotFound)
	}
	return d, nil
}

// Summary is a result in a list (no answers).
type Summary struct {
	ID         int64
	Scan       string
	Title      string
	Audience   Audience
	Status     Status
	Page       int
	Pages      int
	StartedAt  time.Time
	FinishedAt time.Time
}

// List returns the results p may see: their own personal results and, for
// a coördinator, their organisation's organisation scans; newest first.
func (s *Service) List(ctx context.Context, p *auth.Principal) ([]Summary, error) {
	if p == nil || p.AccountID == 0 {
		return nil, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+resultColumns+` FROM scan_results
		WHERE (audience = 'person' AND account_id = $1) OR (audience = 'organisation' AND org_id = $2 AND $2 <> 0)
		ORDER BY started_at DESC, id DESC`, p.AccountID, p.OrgID)
	if err != nil {
		return nil, fmt.Errorf("scan results: %w", err)
	}
	defer rows.Close()
	var out []Summary
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, fmt.Errorf("scan results: %w", err)
		}
		if !allowed(p, ActRead, &r.Result) {
			continue
		}
		sm := Summary{ID: r.ID, Scan: r.Scan, Title: r.Scan, Audience: r.Audience, Status: r.Status, Page: r.Page,
			StartedAt: r.StartedAt, FinishedAt: r.FinishedAt}
		if d := s.lib.Get(r.Scan); d != nil {
			sm.Title, sm.Pages = d.Title, len(d.Pages)
		}
		out = append(out, sm)
	}
	return out, rows.Err()
}

// Delete removes result id for good, when it is p's to delete.
func (s *Service) Delete(ctx context.Context, p *auth.Principal, id int64) error {
	r, err := load(ctx, s.db, id)
	if err != nil {
		return err
	}
	if !allowed(p, ActDelete, &r.Result) {
		return s.deny(ctx, p, ActDelete, &r.Result)
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM scan_results WHERE id = $1`, id); err != nil {
			return fmt.Errorf("scan result %d: delete: %w", id, err)
		}
		return s.audit.Write(ctx, tx, event(p, &r.Result, "scan.delete"))
	})
}
