package incident

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/audit"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// PageSize is how many incidents one page of a list holds.
const PageSize = 50

// Filter narrows an organisation's list. Zero fields do not filter.
type Filter struct {
	From, To   time.Time // occurred_at in [From, To)
	Kind       Kind
	VictimRole VictimRole
	Status     Status
	Aangifte   Answer // Yes: police report known; No: none known
	Overdue    bool   // only incidents with a deadline past due and unmet
	Page       int    // 1-based; 0 is the first page
	Sort       SortOrder
}

// List is one page of summaries.
type List struct {
	Items    []Summary
	Total    int // matching incidents over all pages, skipped ones included
	Page     int
	PageSize int
	// Skipped counts the stored incidents of this page that could not be
	// read (a damaged time, say) and are left out of Items; each is logged
	// by id. Show the reader that the list is incomplete when it is not 0.
	Skipped int
}

// ListOwn returns the principal's own reports, drafts included, newest
// first. Lists hold clear fields only; nothing is decrypted. OwnList also
// says how many could not be read.
func (s *Service) ListOwn(ctx context.Context, p *auth.Principal) ([]Summary, error) {
	l, err := s.OwnList(ctx, p)
	if err != nil {
		return nil, err
	}
	return l.Items, nil
}

// OwnList is ListOwn as one page holding all, with the count of reports
// that could not be read (List.Skipped).
func (s *Service) OwnList(ctx context.Context, p *auth.Principal) (*List, error) {
	if p == nil || p.AccountID == 0 {
		return nil, s.deny(ctx, p, ActRead, nil)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+clearCols+` FROM incidents
		WHERE reporter_id = $1 ORDER BY created_at DESC, id DESC`, p.AccountID)
	if err != nil {
		return nil, fmt.Errorf("own incidents: %w", err)
	}
	items, skipped, err := s.summaries(ctx, rows)
	if err != nil {
		return nil, err
	}
	return wholeList(items, skipped), nil
}

// wholeList is an unpaged list as one page.
func wholeList(items []Summary, skipped int) *List {
	return &List{Items: items, Total: len(items) + skipped, Page: 1, PageSize: len(items) + skipped, Skipped: skipped}
}

// ListForOrg returns one page of an organisation's submitted incidents for
// its coördinator, newest first. The list view is audited once.
func (s *Service) ListForOrg(ctx context.Context, p *auth.Principal, orgID int64, f Filter) (*List, error) {
	target := &Incident{OrgID: orgID}
	if !allowed(p, ActList, target) {
		return nil, s.deny(ctx, p, ActList, target)
	}
	if err := checkFilter(f); err != nil {
		return nil, err
	}
	where, args := s.orgWhere(orgID, f)
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM incidents i WHERE `+where, args...).Scan(&total); err != nil {
		return nil, fmt.Errorf("org %d incidents: count: %w", orgID, err)
	}
	page := max(f.Page, 1)
	rows, err := s.db.QueryContext(ctx, `SELECT `+clearCols+` FROM incidents i WHERE `+where+
		orderBy(f.Sort)+` LIMIT `+strconv.Itoa(PageSize)+
		` OFFSET `+strconv.Itoa((page-1)*PageSize), args...)
	if err != nil {
		return nil, fmt.Errorf("org %d incidents: %w", orgID, err)
	}
	items, skipped, err := s.summaries(ctx, rows)
	if err != nil {
		return nil, err
	}
	if err := s.audit.WriteNow(ctx, audit.Event{Actor: p.AccountID, OrgID: orgID,
		Action: "incident.list", Object: "organisation", ObjectID: strconv.FormatInt(orgID, 10),
		Detail: "page=" + strconv.Itoa(page)}); err != nil {
		return nil, fmt.Errorf("org %d incidents: audit: %w", orgID, err)
	}
	return &List{Items: items, Total: total, Page: page, PageSize: PageSize, Skipped: skipped}, nil
}

// Filter dates outside these bounds are a mistake, not a question: the
// platform holds nothing before 2000, and a far date would only make the
// databases compare nonsense.
var (
	filterEarliest = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	filterLatest   = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
)

// checkFilter refuses filter dates out of range, or To before From, as
// field problems ("from", "to").
func checkFilter(f Filter) error {
	e := &valid.Error{}
	valid.Window(e, "from", f.From, filterEarliest, filterLatest)
	valid.Window(e, "to", f.To, filterEarliest, filterLatest.AddDate(0, 0, 1))
	if !e.Has("from") && !e.Has("to") && !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		e.Add("to", "before_from")
	}
	return e.Err()
}

// orgWhere builds the WHERE clause of an organisation's list; drafts are
// never part of it.
func (s *Service) orgWhere(orgID int64, f Filter) (string, []any) {
	args := []any{orgID, StatusDraft}
	conds := []string{"i.org_id = $1", "i.status <> $2"}
	add := func(cond string, v any) {
		args = append(args, v)
		conds = append(conds, strings.ReplaceAll(cond, "?", "$"+strconv.Itoa(len(args))))
	}
	if !f.From.IsZero() {
		add("i.occurred_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		add("i.occurred_at < ?", f.To.UTC())
	}
	if f.Kind != "" {
		add("EXISTS (SELECT 1 FROM incident_kinds k WHERE k.incident_id = i.id AND k.kind = ?)", f.Kind)
	}
	if f.VictimRole != "" {
		add("i.victim_role = ?", f.VictimRole)
	}
	if f.Status != "" {
		add("i.status = ?", f.Status)
	}
	switch f.Aangifte {
	case Yes:
		conds = append(conds, "(i.reported_police OR i.aangifte_at IS NOT NULL)")
	case No:
		conds = append(conds, "NOT (i.reported_police OR i.aangifte_at IS NOT NULL)")
	}
	if f.Overdue {
		add(`i.status <> '`+string(StatusClosed)+`' AND (
			(i.first_contact_at IS NULL AND i.first_contact_due < ?) OR
			(i.reaction_at IS NULL AND i.reaction_due < ?) OR
			(i.aangifte_at IS NULL AND i.aangifte_due < ?))`, s.now())
	}
	return strings.Join(conds, " AND "), args
}

// summaries reads clearCols rows into summaries with their kinds. A row
// that cannot be read is logged by id (never its content) and skipped, so
// one damaged row never takes a list down; skipped counts them.
func (s *Service) summaries(ctx context.Context, rows interface {
	Next() bool
	Scan(...any) error
	Err() error
	Close() error
}) (out []Summary, skipped int, err error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var inc Incident
		if err := scanClear(rows, &inc); err != nil {
			// The id is the first column: it is read even when a later
			// column fails. The error itself is not logged: a conversion
			// error quotes the stored value.
			reason := "column"
			if errors.Is(err, ErrUnreadable) {
				reason = "time"
			}
			s.opts.Log.WarnContext(ctx, "incident: stored row unreadable, left out of the list",
				"table", "incidents", "id", inc.ID, "reason", reason)
			skipped++
			continue
		}
		out = append(out, summarise(&inc))
		ids = append(ids, inc.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("incidents: %w", err)
	}
	rows.Close()
	kinds, err := loadKinds(ctx, s.db, ids)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Kinds = kinds[out[i].ID]
	}
	return out, skipped, nil
}

func summarise(inc *Incident) Summary {
	return Summary{ID: inc.ID, OrgID: inc.OrgID, Status: inc.Status, Mode: inc.Mode,
		VictimRole: inc.VictimRole, PlaceKind: inc.Place.Kind, Platform: inc.Place.Platform, OccurredAt: inc.OccurredAt,
		SubmittedAt: inc.SubmittedAt, InDanger: inc.InDanger, FeelsUnsafe: inc.Impact.FeelsUnsafe,
		Aangifte:  inc.ReportedToPolice || !inc.Deadlines.Aangifte.Done.IsZero(),
		Deadlines: inc.Deadlines}
}

// kindsBatch bounds the ids per query, well under both databases' limit
// on bound parameters, so an export of any size works.
const kindsBatch = 500

// loadKinds returns the kinds of each incident in ids, in form order.
func loadKinds(ctx context.Context, q store.Querier, ids []int64) (map[int64][]Kind, error) {
	out := make(map[int64][]Kind, len(ids))
	for start := 0; start < len(ids); start += kindsBatch {
		if err := loadKindsBatch(ctx, q, ids[start:min(start+kindsBatch, len(ids))], out); err != nil {
			return nil, err
		}
	}
	for id := range out {
		out[id] = inFormOrder(out[id])
	}
	return out, nil
}

func loadKindsBatch(ctx context.Context, q store.Querier, ids []int64, out map[int64][]Kind) error {
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i] = "$" + strconv.Itoa(i+1)
		args[i] = id
	}
	rows, err := q.QueryContext(ctx, `SELECT incident_id, kind FROM incident_kinds
		WHERE incident_id IN (`+strings.Join(ph, ",")+`)`, args...)
	if err != nil {
		return fmt.Errorf("incident kinds: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var k Kind
		if err := rows.Scan(&id, &k); err != nil {
			return fmt.Errorf("incident kinds: %w", err)
		}
		out[id] = append(out[id], k)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("incident kinds: %w", err)
	}
	return nil
}

func inFormOrder(ks []Kind) []Kind {
	var out []Kind
	for _, k := range Kinds() {
		if oneOf(k, ks) {
			out = append(out, k)
		}
	}
	return out
}
