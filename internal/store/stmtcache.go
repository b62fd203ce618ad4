package store

import (
	"context"
	"database/sql"
	"strings"
)

// maxCached bounds the statement cache: SQL text built at run time (a
// list's filters) may make many variants; past the bound they are simply
// parsed each time, as before.
const maxCached = 512

// On SQLite every statement run through DB (or a Querier from Cached) is
// prepared once per connection and kept: database/sql keeps a prepared
// Stmt per connection it ran on. Parsing the SQL again on every request
// was 17 % of the intake's CPU. PostgreSQL needs none of this: pgx keeps
// its own per-connection statement cache.

// ExecContext runs query, prepared once (SQLite).
func (db *DB) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := db.stmt(ctx, query); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return db.DB.ExecContext(ctx, query, args...)
}

// QueryContext runs query, prepared once (SQLite).
func (db *DB) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := db.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return db.DB.QueryContext(ctx, query, args...)
}

// QueryRowContext runs query, prepared once (SQLite).
func (db *DB) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := db.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return db.DB.QueryRowContext(ctx, query, args...)
}

// Cached is tx as a Querier whose statements are the cached prepared ones
// (SQLite; on PostgreSQL tx itself).
func (db *DB) Cached(tx *sql.Tx) Querier {
	if db.Dialect != SQLite {
		return tx
	}
	return cachedTx{tx: tx, db: db}
}

type cachedTx struct {
	tx *sql.Tx
	db *DB
}

func (c cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := c.db.stmt(ctx, query); st != nil {
		return c.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return c.tx.ExecContext(ctx, query, args...)
}

func (c cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := c.db.stmt(ctx, query); st != nil {
		return c.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return c.tx.QueryContext(ctx, query, args...)
}

func (c cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := c.db.stmt(ctx, query); st != nil {
		return c.tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return c.tx.QueryRowContext(ctx, query, args...)
}

// stmt returns the prepared statement of query, preparing it the first
// time, or nil when it is not to be cached: PostgreSQL, text with more
// than one statement, a full cache, or a query that does not prepare (the
// caller then runs it plainly and gets the error there).
func (db *DB) stmt(ctx context.Context, query string) *sql.Stmt {
	if db.Dialect != SQLite {
		return nil
	}
	if st, ok := db.stmts.Load(query); ok {
		return st.(*sql.Stmt)
	}
	if strings.Contains(query, ";") || db.cached.Load() >= maxCached {
		return nil
	}
	st, err := db.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	if prev, loaded := db.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt)
	}
	db.cached.Add(1)
	return st
}
