package scan

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
)

// Vault seals and opens the answers; *vault.Vault satisfies it.
type Vault interface {
	NewKey(ctx context.Context, q store.Querier) (int64, error)
	SealString(ctx context.Context, q store.Querier, keyID int64, plain, aad string) ([]byte, error)
	OpenString(ctx context.Context, q store.Querier, sealed []byte, aad string) (string, error)
}

// Status of a result.
type Status string

const (
	StatusOpen Status = "open"
	StatusDone Status = "klaar"
)

// Result is one take of a scan.
type Result struct {
	ID         int64
	AccountID  int64
	OrgID      int64
	Audience   Audience
	Scan       string
	Version    int
	Status     Status
	Page       int // the page to continue on
	Answers    Answers
	Shared     bool // shared with the coördinators of OrgID
	StartedAt  time.Time
	UpdatedAt  time.Time
	FinishedAt time.Time
}

// Service runs the scans.
type Service struct {
	db    *store.DB
	vault Vault
	audit *audit.Log
	lib   *Library
	now   func() time.Time
}

// New returns the scans service on db with the embedded definitions; it
// fails when a definition is broken, so a bad file stops the start.
func New(db *store.DB, v Vault, a *audit.Log, now func() time.Time) (*Service, error) {
	lib, err := Load()
	if err != nil {
		return nil, err
	}
	if now == nil {
		now = time.Now
	}
	return &Service{db: db, vault: v, audit: a, lib: lib, now: now}, nil
}

// Library is the scans the service offers.
func (s *Service) Library() *Library { return s.lib }

// Offered lists the scans p may take.
func (s *Service) Offered(p *auth.Principal) []*Definition {
	var out []*Definition
	for _, d := range s.lib.All() {
		if MayTake(p, d.Audience) {
			out = append(out, d)
		}
	}
	return out
}

func (s *Service) clock() time.Time { return s.now().UTC().Truncate(time.Microsecond) }

// deny audits a refusal and returns ErrForbidden.
func (s *Service) deny(ctx context.Context, p *auth.Principal, a Action, r *Result) error {
	var actor, org int64
	if p != nil {
		actor, org = p.AccountID, p.OrgID
	}
	id := ""
	if r != nil && r.ID != 0 {
		id = strconv.FormatInt(r.ID, 10)
	}
	if err := s.audit.WriteNow(ctx, audit.Event{Actor: actor, OrgID: org, Action: "scan.denied",
		Object: "scan_result", ObjectID: id, Detail: string(a)}); err != nil {
		return fmt.Errorf("scan result %s: %s: %w (audit: %v)", id, a, ErrForbidden, err)
	}
	return fmt.Errorf("scan result %s: %s: %w", id, a, ErrForbidden)
}

// Start begins a new take of scan slug and returns the result's id.
func (s *Service) Start(ctx context.Context, p *auth.Principal, slug string) (int64, error) {
	d := s.lib.Get(slug)
	if d == nil {
		return 0, fmt.Errorf("scan %q: %w", slug, ErrNotFound)
	}
	r := &Result{Audience: d.Audience, Scan: d.Slug, Version: d.Version, Status: StatusOpen, Page: 1}
	if p != nil {
		r.AccountID = p.AccountID
		if d.Audience == AudienceOrganisation {
			r.OrgID = p.OrgID
		}
	}
	if !allowed(p, ActStart, r) {
		return 0, s.deny(ctx, p, ActStart, r)
	}
	now := s.clock()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		key, err := s.vault.NewKey(ctx, tx)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO scan_results (account_id, org_id, audience, scan, version,
			status, page, key_id, started_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $8) RETURNING id`,
			r.AccountID, r.OrgID, r.Audience, r.Scan, r.Version, r.Status, key, store.TimeOf(now)).Scan(&r.ID); err != nil {
			return fmt.Errorf("scan %s: start: %w", slug, err)
		}
		return s.audit.Write(ctx, tx, event(p, r, "scan.start"))
	})
	return r.ID, err
}

func event(p *auth.Principal, r *Result, action string) audit.Event {
	return audit.Event{Actor: p.AccountID, OrgID: r.OrgID, Action: action, Object: "scan_result",
		ObjectID: strconv.FormatInt(r.ID, 10), Detail: r.Scan}
}
