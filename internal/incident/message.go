package incident

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"weerbaar/internal/auth"
	"weerbaar/internal/store"
	"weerbaar/internal/valid"
)

// Sender is the side of the conversation a message comes from.
type Sender string

const (
	// SenderReporter: the reporter, with an account or anonymously with
	// the receipt code.
	SenderReporter Sender = "reporter"
	// SenderHandler: the coördinator of the incident's organisation.
	SenderHandler Sender = "handler"
)

// NoticeMessage is the notification a reporter with an account gets when
// the handler writes to them, and the organisation's coördinatoren get
// when the reporter writes.
const NoticeMessage = "incident.notice.message"

// maxMessage bounds one message; longer accounts belong in an attachment.
const maxMessage = 10000

// Message is one message between reporter and handler. Body is sealed at
// rest. ReadAt is when the other side read it; zero while unread.
type Message struct {
	ID         int64
	IncidentID int64
	Sender     Sender
	AuthorID   int64 // account of the author; 0 for an anonymous reporter
	Body       string
	CreatedAt  time.Time
	ReadAt     time.Time
}

// Unread reports whether the other side has not read m yet.
func (m Message) Unread() bool { return m.ReadAt.IsZero() }

func messageAAD(incidentID, messageID int64) string {
	return fmt.Sprintf("incident:%d:message:%d", incidentID, messageID)
}

// Messages returns the conversation of an incident, oldest first, to
// anyone allowed to read the incident, and marks the other side's messages
// read when the reader is a party to it (the reporter or the handling
// coördinator; the support team reading a referred incident marks
// nothing). Audited as "incident.messages.read".
func (s *Service) Messages(ctx context.Context, p *auth.Principal, incidentID int64) ([]Message, error) {
	head, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return nil, err
	}
	if !allowed(p, ActRead, head) {
		return nil, s.deny(ctx, p, ActRead, head)
	}
	side, party := partyOf(p, head)
	var msgs []Message
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		if msgs, err = s.readConversation(ctx, tx, head, side, party); err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, incidentEvent(p.AccountID, head, "incident.messages.read", ""))
	})
	return msgs, err
}

// SendMessage adds a message from p: as the reporter when it is their own
// incident, as the handler when p is the coördinator who follows it up.
// A handler's message stays unread for the reporter until they read it; a
// reporter with an account also gets a notification, and so do the
// organisation's coördinatoren when the reporter writes.
func (s *Service) SendMessage(ctx context.Context, p *auth.Principal, incidentID int64, body string) (*Message, error) {
	head, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return nil, err
	}
	var side Sender
	switch {
	case head.ReporterID != 0 && p != nil && p.AccountID == head.ReporterID && allowed(p, ActRead, head):
		side = SenderReporter
	case allowed(p, ActFollowUp, head):
		side = SenderHandler
	default:
		return nil, s.deny(ctx, p, ActFollowUp, head)
	}
	return s.send(ctx, head, side, p.AccountID, body)
}

// UnreadMessages counts the messages p has not read yet on an incident:
// the handler's for the reporter, the reporter's for the coördinator.
func (s *Service) UnreadMessages(ctx context.Context, p *auth.Principal, incidentID int64) (int, error) {
	head, err := loadHead(ctx, s.db, incidentID)
	if err != nil {
		return 0, err
	}
	if !allowed(p, ActRead, head) {
		return 0, s.deny(ctx, p, ActRead, head)
	}
	side, _ := partyOf(p, head)
	return countUnread(ctx, s.db, incidentID, side)
}

// partyOf is the side p reads the conversation from, and whether p is a
// party to it (so reading marks the other side's messages read).
func partyOf(p *auth.Principal, inc *Incident) (Sender, bool) {
	if inc.ReporterID != 0 && p.AccountID == inc.ReporterID {
		return SenderReporter, true
	}
	return SenderHandler, allowed(p, ActFollowUp, inc)
}

// send validates and stores one message; the caller has checked access.
func (s *Service) send(ctx context.Context, head *Incident, side Sender, author int64, body string) (*Message, error) {
	body = strings.TrimSpace(body)
	e := &valid.Error{}
	switch {
	case body == "":
		e.Add("body", "required")
	case !valid.TextOK(body):
		e.Add("body", "invalid_text")
	case utf8.RuneCountInString(body) > maxMessage:
		e.Add("body", "too_long", maxMessage)
	}
	if err := e.Err(); err != nil {
		return nil, err
	}
	if head.Status == StatusDraft {
		// Nobody handles a draft yet; the reporter submits it first.
		return nil, fmt.Errorf("incident %d: message on a draft: %w", head.ID, ErrTransition)
	}
	m := &Message{IncidentID: head.ID, Sender: side, AuthorID: author, Body: body, CreatedAt: s.now()}
	var notes []Notification
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := s.insertMessage(ctx, tx, head, m); err != nil {
			return err
		}
		var err error
		if side == SenderHandler {
			notes, err = s.addNotification(ctx, tx, head, NoticeMessage)
		} else {
			notes, err = s.addCoordinatorNotifications(ctx, tx, head, NoticeMessage)
		}
		if err != nil {
			return err
		}
		return s.audit.Write(ctx, tx, incidentEvent(author, head, "incident.message", "sender="+string(side)))
	})
	if err != nil {
		return nil, err
	}
	s.notify(ctx, notes)
	return m, nil
}

// insertMessage writes m: the row first (for its id), then the body sealed
// with additional data naming incident and message.
func (s *Service) insertMessage(ctx context.Context, tx *sql.Tx, head *Incident, m *Message) error {
	err := tx.QueryRowContext(ctx, `INSERT INTO incident_messages
		(incident_id, sender, author_id, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		head.ID, m.Sender, m.AuthorID, m.CreatedAt).Scan(&m.ID)
	if err != nil {
		return fmt.Errorf("incident %d: message: %w", head.ID, err)
	}
	sealed, err := s.vault.SealString(ctx, tx, head.KeyID, m.Body, messageAAD(head.ID, m.ID))
	if err != nil {
		return fmt.Errorf("incident %d: seal message: %w", head.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE incident_messages SET body_enc = $2 WHERE id = $1`, m.ID, sealed); err != nil {
		return fmt.Errorf("incident %d: message: %w", head.ID, err)
	}
	return nil
}

// readConversation loads every message, opened, and when party marks the
// other side's unread messages read (returning them still marked unread,
// so the reader sees which are new).
func (s *Service) readConversation(ctx context.Context, q store.Querier, head *Incident, side Sender, party bool) ([]Message, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, sender, author_id, body_enc, created_at, read_at
		FROM incident_messages WHERE incident_id = $1 ORDER BY id`, head.ID)
	if err != nil {
		return nil, fmt.Errorf("incident %d: messages: %w", head.ID, err)
	}
	var msgs []Message
	var sealed [][]byte
	for rows.Next() {
		var m Message
		var body []byte
		var created, read store.Time
		if err := rows.Scan(&m.ID, &m.Sender, &m.AuthorID, &body, &created, &read); err != nil {
			rows.Close()
			return nil, fmt.Errorf("incident %d: messages: %w", head.ID, err)
		}
		m.IncidentID, m.CreatedAt, m.ReadAt = head.ID, created.T, read.T
		msgs, sealed = append(msgs, m), append(sealed, body)
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	for i := range msgs {
		if msgs[i].Body, err = s.vault.OpenString(ctx, q, sealed[i], messageAAD(head.ID, msgs[i].ID)); err != nil {
			return nil, fmt.Errorf("incident %d: open message %d: %w", head.ID, msgs[i].ID, err)
		}
	}
	if party {
		if _, err := q.ExecContext(ctx, `UPDATE incident_messages SET read_at = $3
			WHERE incident_id = $1 AND sender <> $2 AND read_at IS NULL`, head.ID, side, s.now()); err != nil {
			return nil, fmt.Errorf("incident %d: mark read: %w", head.ID, err)
		}
	}
	return msgs, nil
}

func countUnread(ctx context.Context, q store.Querier, incidentID int64, side Sender) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM incident_messages
		WHERE incident_id = $1 AND sender <> $2 AND read_at IS NULL`, incidentID, side).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("incident %d: unread: %w", incidentID, err)
	}
	return n, nil
}
