package incident

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
)

// Notification is a notice on a person's start page. TextKey is a message
// catalogue key (the web/mail layer renders it); it names what happened,
// never the content of the incident.
type Notification struct {
	ID         int64
	AccountID  int64
	IncidentID int64
	TextKey    string
	CreatedAt  time.Time
	ReadAt     time.Time // zero while unread
}

// Text keys of the notifications this package creates.
const (
	NoticeClosed   = "incident.notice.closed"   // closed; asks whether the reporter is satisfied
	NoticeReopened = "incident.notice.reopened" // reopened by the coördinator
	// NoticeChainPrefix + step, e.g. "incident.notice.chain.zitting".
	NoticeChainPrefix = "incident.notice.chain."

	// To the organisation's coördinatoren:
	NoticeNew              = "incident.notice.new"                  // a new incident to follow up
	NoticeReopenedReporter = "incident.notice.reopened_by_reporter" // the reporter was not satisfied
)

// addNotification stores a notice for the reporter of inc (none for an
// anonymous reporter: they read their status with the receipt code).
func (s *Service) addNotification(ctx context.Context, q store.Querier, inc *Incident, key string) ([]Notification, error) {
	if inc.ReporterID == 0 {
		return nil, nil
	}
	n, err := s.insertNotification(ctx, q, inc.ReporterID, inc.ID, key)
	if err != nil {
		return nil, err
	}
	return []Notification{n}, nil
}

// addCoordinatorNotifications stores a notice for every active coördinator
// of the incident's organisation (accounts of migration 0005).
func (s *Service) addCoordinatorNotifications(ctx context.Context, q store.Querier, inc *Incident, key string) ([]Notification, error) {
	rows, err := q.QueryContext(ctx, `SELECT id FROM accounts
		WHERE org_id = $1 AND role = $2 AND NOT disabled ORDER BY id`, inc.OrgID, string(auth.RoleCoordinator))
	if err != nil {
		return nil, fmt.Errorf("incident %d: coördinatoren: %w", inc.ID, err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("incident %d: coördinatoren: %w", inc.ID, err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("incident %d: coördinatoren: %w", inc.ID, err)
	}
	var out []Notification
	for _, id := range ids {
		n, err := s.insertNotification(ctx, q, id, inc.ID, key)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

func (s *Service) insertNotification(ctx context.Context, q store.Querier, account, incident int64, key string) (Notification, error) {
	n := Notification{AccountID: account, IncidentID: incident, TextKey: key, CreatedAt: s.now()}
	if err := q.QueryRowContext(ctx, `INSERT INTO notifications (account_id, incident_id, text_key, created_at)
		VALUES ($1, $2, $3, $4) RETURNING id`, n.AccountID, n.IncidentID, n.TextKey, n.CreatedAt).Scan(&n.ID); err != nil {
		return n, fmt.Errorf("incident %d: notification: %w", incident, err)
	}
	return n, nil
}

// notify hands committed notifications to the mail hook, if any.
func (s *Service) notify(ctx context.Context, notes []Notification) {
	if s.opts.Notify == nil {
		return
	}
	for _, n := range notes {
		s.opts.Notify(ctx, n.AccountID, n)
	}
}

// Notifications returns the principal's notifications, unread first, then
// newest first; at most 100.
func (s *Service) Notifications(ctx context.Context, p *auth.Principal) ([]Notification, error) {
	if p == nil || p.AccountID == 0 {
		return nil, ErrForbidden
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, account_id, incident_id, text_key, created_at, read_at
		FROM notifications WHERE account_id = $1
		ORDER BY CASE WHEN read_at IS NULL THEN 0 ELSE 1 END, id DESC LIMIT 100`, p.AccountID)
	if err != nil {
		return nil, fmt.Errorf("notifications: %w", err)
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		var created, read store.Time
		if err := rows.Scan(&n.ID, &n.AccountID, &n.IncidentID, &n.TextKey, &created, &read); err != nil {
			return nil, fmt.Errorf("notifications: %w", err)
		}
		n.CreatedAt, n.ReadAt = created.T, read.T
		out = append(out, n)
	}
	return out, rows.Err()
}

// MarkNotificationRead marks one of the principal's own notifications read.
func (s *Service) MarkNotificationRead(ctx context.Context, p *auth.Principal, id int64) error {
	if p == nil || p.AccountID == 0 {
		return ErrForbidden
	}
	res, err := s.db.ExecContext(ctx, `UPDATE notifications SET read_at = $3
		WHERE id = $1 AND account_id = $2 AND read_at IS NULL`, id, p.AccountID, s.now())
	if err != nil {
		return fmt.Errorf("notification %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		var owner int64
		err := s.db.QueryRowContext(ctx, `SELECT account_id FROM notifications WHERE id = $1`, id).Scan(&owner)
		if errors.Is(err, sql.ErrNoRows) || (err == nil && owner != p.AccountID) {
			return fmt.Errorf("notification %s: %w", strconv.FormatInt(id, 10), ErrNotFound)
		}
	}
	return nil
}
