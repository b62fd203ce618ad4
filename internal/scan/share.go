package scan

import (
	"context"
	"fmt"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
)

// MinShared is how many people must have shared a scan before the
// coördinator sees the anonymous overview of it, so no one is recognised.
const MinShared = 5

// Share shares a finished personal result with the coördinators of p's
// organisation (on) or stops sharing it.
func (s *Service) Share(ctx context.Context, p *auth.Principal, id int64, on bool) error {
	r, err := load(ctx, s.db, id)
	if err != nil {
		return err
	}
	if !allowed(p, ActShare, &r.Result) {
		return s.deny(ctx, p, ActShare, &r.Result)
	}
	org, action := p.OrgID, "scan.share"
	if !on {
		org, action = 0, "scan.unshare"
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE scan_results SET shared = $1, org_id = $2 WHERE id = $3`,
		on, org, id); err != nil {
		return fmt.Errorf("scan result %d: share: %w", id, err)
	}
	r.OrgID = p.OrgID
	return s.audit.WriteNow(ctx, event(p, &r.Result, action))
}

// Overview is the anonymous picture of one personal scan in an
// organisation: how many people shared it, and (from MinShared on) the
// mean score per domain of each person's latest shared take.
type Overview struct {
	Scan       *Definition
	People     int
	Suppressed bool
	Domains    []DomainScore // Score is the mean over those who answered; Answered the number of people
}

// Overviews gives a coördinator the overview of every personal scan for
// their organisation.
func (s *Service) Overviews(ctx context.Context, p *auth.Principal) ([]Overview, error) {
	probe := &Result{Audience: AudiencePerson}
	if p != nil {
		probe.OrgID = p.OrgID
	}
	if !allowed(p, ActOverview, probe) {
		return nil, s.deny(ctx, p, ActOverview, nil)
	}
	var out []Overview
	for _, d := range s.lib.All() {
		if d.Audience != AudiencePerson {
			continue
		}
		o, err := s.overview(ctx, p, d)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, s.audit.WriteNow(ctx, audit.Event{Actor: p.AccountID, OrgID: p.OrgID, Action: "scan.overview", Object: "organisation"})
}

func (s *Service) overview(ctx context.Context, p *auth.Principal, d *Definition) (Overview, error) {
	o := Overview{Scan: d}
	rows, err := s.db.QueryContext(ctx, `SELECT `+resultColumns+` FROM scan_results WHERE audience = 'person'
		AND shared AND status = 'klaar' AND org_id = $1 AND scan = $2 AND version = $3
		ORDER BY account_id, finished_at DESC, id DESC`, p.OrgID, d.Slug, d.Version)
	if err != nil {
		return o, fmt.Errorf("scan %s: overview: %w", d.Slug, err)
	}
	var latest []*row
	seen := map[int64]bool{}
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			rows.Close()
			return o, err
		}
		if !seen[r.AccountID] {
			seen[r.AccountID] = true
			latest = append(latest, r)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return o, err
	}
	o.People = len(latest)
	if o.People < MinShared {
		o.Suppressed = true
		return o, nil
	}
	sum, n := map[string]int{}, map[string]int{}
	for _, r := range latest {
		if err := s.open(ctx, s.db, r); err != nil {
			return o, err
		}
		for _, ds := range Score(d, r.Answers).Domains {
			if ds.Score >= 0 {
				sum[ds.Key] += ds.Score
				n[ds.Key]++
			}
		}
	}
	for _, dm := range d.Domains {
		ds := DomainScore{Key: dm.Key, Title: dm.Title, Threshold: dm.Threshold, Score: -1, Answered: n[dm.Key]}
		if n[dm.Key] > 0 {
			ds.Score = (2*sum[dm.Key] + n[dm.Key]) / (2 * n[dm.Key])
			ds.Attention = ds.Score < dm.Threshold
		}
		o.Domains = append(o.Domains, ds)
	}
	return o, nil
}
