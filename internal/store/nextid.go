package store

import (
	"context"
	"fmt"
)

// NextID reserves the id the next row of table (an {{id}} column named
// id) gets, inside the caller's write transaction q, so a row can be
// inserted whole when something in it (a sealed field's AAD) needs its
// own id. On SQLite the transaction holds the write lock from BEGIN, so
// the AUTOINCREMENT counter cannot move under it and an id is never
// reused; on PostgreSQL the identity's sequence hands it out (a rolled
// back transaction leaves a gap, as with any identity).
func NextID(ctx context.Context, db *DB, q Querier, table string) (int64, error) {
	query := `SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = $1), 0) + 1`
	if db.Dialect == Postgres {
		query = `SELECT nextval(pg_get_serial_sequence($1, 'id'))`
	}
	var id int64
	if err := q.QueryRowContext(ctx, query, table).Scan(&id); err != nil {
		return 0, fmt.Errorf("%s: next id: %w", table, err)
	}
	return id, nil
}
