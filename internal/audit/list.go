package audit

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"weerbaar/internal/store"
)

// Entry is one row of the audit log as read back.
type Entry struct {
	Seq int64
	At  time.Time
	Event
}

// Filter selects entries for List. Zero fields do not filter.
type Filter struct {
	Actor        int64
	OrgID        int64
	Object       string // e.g. "incident"
	ObjectID     string // only with Object
	ActionPrefix string // e.g. "login" matches "login" and "login.failed"; case-sensitive
	BeforeSeq    int64  // for paging: only entries older than this seq
	Limit        int    // default 100, at most 1000
}

// List returns the entries matching q, newest first.
func (l *Log) List(ctx context.Context, q Filter) ([]Entry, error) {
	var where []string
	var args []any
	add := func(cond string, vals ...any) {
		for _, v := range vals {
			args = append(args, v)
			cond = strings.Replace(cond, "?", "$"+strconv.Itoa(len(args)), 1)
		}
		where = append(where, cond)
	}
	if q.Actor != 0 {
		add("actor_id = ?", q.Actor)
	}
	if q.OrgID != 0 {
		add("org_id = ?", q.OrgID)
	}
	if q.Object != "" {
		add("object = ?", q.Object)
	}
	if q.ObjectID != "" {
		add("object_id = ?", q.ObjectID)
	}
	if q.ActionPrefix != "" {
		// substr, not LIKE: exact and case-sensitive on both databases.
		add("substr(action, 1, ?) = ?", utf8.RuneCountInString(q.ActionPrefix), q.ActionPrefix)
	}
	if q.BeforeSeq > 0 {
		add("seq < ?", q.BeforeSeq)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	limit = min(limit, 1000)
	query := `SELECT seq, at, actor_id, org_id, action, object, object_id, detail FROM audit_log`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY seq DESC LIMIT " + strconv.Itoa(limit)
	rows, err := l.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("audit list: %w", err)
	}
	defer rows.Close()
	var out []Entry
	for rows.Next() {
		var e Entry
		var at store.Time
		if err := rows.Scan(&e.Seq, &at, &e.Actor, &e.OrgID, &e.Action, &e.Object, &e.ObjectID, &e.Detail); err != nil {
			return nil, fmt.Errorf("audit list: %w", err)
		}
		e.At = at.T
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("audit list: %w", err)
	}
	return out, nil
}
