package incident

import (
	"context"
	"fmt"
	"time"

	"weerbaar/internal/store"
)

// changeStatus moves inc to next when the transition table allows it and
// appends the change to the history; the history is never updated.
func changeStatus(ctx context.Context, q store.Querier, inc *Incident, next Status, actor int64, at time.Time) error {
	if !inc.Status.CanBecome(next) {
		return fmt.Errorf("incident %d: %s -> %s: %w", inc.ID, inc.Status, next, ErrTransition)
	}
	closed := nullTime(inc.ClosedAt)
	if next == StatusClosed {
		closed = nullTime(at)
	}
	res, err := q.ExecContext(ctx, `UPDATE incidents SET status = $2, closed_at = $3, updated_at = $4
		WHERE id = $1 AND status = $5`, inc.ID, next, closed, at, inc.Status)
	if err != nil {
		return fmt.Errorf("incident %d: status: %w", inc.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		// Someone else changed the status between our read and write.
		return fmt.Errorf("incident %d: status changed meanwhile: %w", inc.ID, ErrTransition)
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO incident_status_history
		(incident_id, from_status, to_status, actor_id, at) VALUES ($1, $2, $3, $4, $5)`,
		inc.ID, inc.Status, next, actor, at); err != nil {
		return fmt.Errorf("incident %d: history: %w", inc.ID, err)
	}
	inc.Status = next
	if next == StatusClosed {
		inc.ClosedAt = at
	}
	return nil
}

func loadHistory(ctx context.Context, q store.Querier, id int64) ([]StatusChange, error) {
	rows, err := q.QueryContext(ctx, `SELECT from_status, to_status, actor_id, at
		FROM incident_status_history WHERE incident_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("incident %d: history: %w", id, err)
	}
	defer rows.Close()
	var out []StatusChange
	for rows.Next() {
		var c StatusChange
		var at store.Time
		if err := rows.Scan(&c.From, &c.To, &c.ActorID, &at); err != nil {
			return nil, fmt.Errorf("incident %d: history: %w", id, err)
		}
		c.At = at.T
		out = append(out, c)
	}
	return out, rows.Err()
}
