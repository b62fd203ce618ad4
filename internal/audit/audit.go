// Package audit keeps Weerbaar's append-only, hash-chained audit log: who
// did what to which record, including every read of sensitive data. Each
// row carries the hash of the row before it, so altering or deleting any
// row breaks the chain, which Verify finds.
package audit

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/store"
)

// Event is one thing worth remembering. Actor is the account id, 0 for the
// system or an anonymous reporter (never an address).
type Event struct {
	Actor    int64
	OrgID    int64
	Action   string // e.g. "login", "login.failed", "incident.read"
	Object   string // e.g. "incident", "account"
	ObjectID string
	Detail   string
}

// Log writes and verifies the audit chain.
type Log struct {
	db  *store.DB
	now func() time.Time
}

// New returns the audit log kept in db.
func New(db *store.DB) *Log { return &Log{db: db, now: time.Now} }

// Write appends e inside the caller's transaction q, so the audit row is
// committed together with the change it records (or not at all).
//
// The chain head is read and extended under the database's write lock
// (SQLite takes it at BEGIN; PostgreSQL locks the head row), so concurrent
// writers line up and the chain never forks. In a store.Group batch the
// rows of all its calls are appended together at the end of the batch
// (store.Collect): the head is read and written once per batch, and its
// lock is held only from there to the commit.
func (l *Log) Write(ctx context.Context, q store.Querier, e Event) error {
	p := pending{at: l.now().UTC().Truncate(time.Microsecond), e: e}
	return store.Collect(ctx, q, l, p, l.append)
}

// pending is an event waiting to be appended, with the time it happened.
type pending struct {
	at time.Time
	e  Event
}

// appendChunk is the most rows one INSERT appends.
const appendChunk = 16

// append extends the chain with items (pending events) in their order.
func (l *Log) append(ctx context.Context, q store.Querier, items []any) error {
	lock := `SELECT seq, hash FROM audit_head WHERE id = 1`
	if l.db.Dialect == store.Postgres {
		lock += ` FOR UPDATE`
	}
	var seq int64
	var prev string
	if err := q.QueryRowContext(ctx, lock).Scan(&seq, &prev); err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	for len(items) > 0 {
		chunk := items[:min(len(items), appendChunk)]
		items = items[len(chunk):]
		var sb strings.Builder
		sb.WriteString(`INSERT INTO audit_log
		(seq, at, actor_id, org_id, action, object, object_id, detail, prev_hash, hash) VALUES `)
		args := make([]any, 0, 10*len(chunk))
		for i, it := range chunk {
			p := it.(pending)
			seq++
			hash := chainHash(prev, seq, p.at, p.e)
			if i > 0 {
				sb.WriteString(", ")
			}
			n := len(args)
			fmt.Fprintf(&sb, "($%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d, $%d)",
				n+1, n+2, n+3, n+4, n+5, n+6, n+7, n+8, n+9, n+10)
			args = append(args, seq, p.at, p.e.Actor, p.e.OrgID, p.e.Action, p.e.Object, p.e.ObjectID, p.e.Detail, prev, hash)
			prev = hash
		}
		if _, err := q.ExecContext(ctx, sb.String(), args...); err != nil {
			return fmt.Errorf("audit %s: %w", chunk[0].(pending).e.Action, err)
		}
	}
	if _, err := q.ExecContext(ctx, `UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, seq, prev); err != nil {
		return fmt.Errorf("audit head: %w", err)
	}
	return nil
}

// WriteNow appends e in a transaction of its own.
func (l *Log) WriteNow(ctx context.Context, e Event) error {
	return l.db.Tx(ctx, func(tx *sql.Tx) error { return l.Write(ctx, tx, e) })
}

// chainHash is SHA-256 over the previous hash and every field of the row,
// each length-prefixed so no two rows can encode alike.
func chainHash(prev string, seq int64, at time.Time, e Event) string {
	h := sha256.New()
	for _, f := range []string{prev, strconv.FormatInt(seq, 10), at.Format(time.RFC3339Nano),
		strconv.FormatInt(e.Actor, 10), strconv.FormatInt(e.OrgID, 10),
		e.Action, e.Object, e.ObjectID, e.Detail} {
		fmt.Fprintf(h, "%d:%s;", len(f), f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ErrBroken is returned by Verify when the chain does not hold.
var ErrBroken = errors.New("audit chain broken")
