// Package store opens Weerbaar's database (embedded SQLite or PostgreSQL),
// applies the embedded schema migrations and runs transactions: Tx for one
// caller, Group for many callers sharing one transaction and one fsync
// (group commit, group.go). On SQLite statements are prepared once per
// connection (stmtcache.go). Domain packages keep their own SQL; this
// package only gives them a connection.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite", pure Go, no cgo
)

// Dialect names the SQL dialect of an open database.
type Dialect string

const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// Querier is what *sql.DB and *sql.Tx have in common, so domain code can run
// the same statement inside or outside a transaction.
type Querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// DB is an open Weerbaar database.
type DB struct {
	*sql.DB
	Dialect Dialect
	// DSN is the address the database was opened with, without password.
	DSN string
	// writer lines up this process's SQLite transactions in Go. SQLite
	// allows one writer at a time; without this, waiting writers poll in
	// SQLite's busy handler, which sleeps in growing steps and turns a
	// millisecond wait into a long tail. PostgreSQL needs no such line.
	writer chan struct{}
	group  group        // the group-commit writer (group.go)
	stmts  sync.Map     // query text -> *sql.Stmt (stmtcache.go)
	cached atomic.Int64 // entries in stmts
}

// Open opens the database named by dsn: "sqlite:path/to/file.db" (or a path
// ending in .db) or a "postgres://" URL. It does not migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return openPostgres(ctx, dsn)
	case strings.HasPrefix(dsn, "sqlite:"):
		return openSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	default:
		return nil, fmt.Errorf("onbekende database %q: gebruik sqlite:pad/naar/bestand.db of postgres://gebruiker@host/naam", dsn)
	}
}

// openSQLite sets every SQLite setting in one place, each for a reason:
//   - WAL lets readers run while one writer commits;
//   - synchronous=FULL fsyncs every commit: a report that was answered as
//     saved must survive a power cut;
//   - foreign_keys enforces the references the schema declares;
//   - secure_delete overwrites deleted content, so an erased record or
//     data key does not linger in free pages;
//   - busy_timeout makes a second writer wait instead of failing;
//   - _txlock=immediate takes the write lock at BEGIN, so two transactions
//     that read then write cannot deadlock on the upgrade.
func openSQLite(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("sqlite: geen bestandsnaam opgegeven (gebruik sqlite:weerbaar.db)")
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("sqlite: map %s: %w", dir, err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(ON)", "secure_delete(ON)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	q.Set("_time_format", "sqlite")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	// Keep every connection open: database/sql keeps only 2 idle by
	// default, and opening a SQLite connection (the pragmas, the schema
	// parse) cost 15 % of the intake's CPU in the profile.
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite %s: %w", path, err)
	}
	return &DB{DB: db, Dialect: SQLite, DSN: "sqlite:" + path, writer: make(chan struct{}, 1)}, nil
}

func openPostgres(ctx context.Context, dsn string) (*DB, error) {
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	// Every request holds a connection briefly (the token check, reads)
	// and each group writer one for its batch. Idle ones are kept: the
	// default of 2 idle closed and reopened connections under load (a
	// connection costs a backend start and statements prepared again),
	// which is how 64 clients made fewer reports than 1.
	db.SetMaxOpenConns(64)
	db.SetMaxIdleConns(64)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres %s: %w", redact(dsn), err)
	}
	return &DB{DB: db, Dialect: Postgres, DSN: redact(dsn)}, nil
}

func redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}

// Tx runs fn in a transaction and commits when fn returns nil. On SQLite
// transactions of this process run one at a time (they take the write lock
// at BEGIN anyway); fn must not start another Tx.
func (db *DB) Tx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.writer != nil {
		select {
		case db.writer <- struct{}{}:
			defer db.unlockWriter()
		case <-ctx.Done():
			return fmt.Errorf("begin: %w", ctx.Err())
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// lockWriter takes the SQLite writer line (nothing on PostgreSQL).
func (db *DB) lockWriter() {
	if db.writer != nil {
		db.writer <- struct{}{}
	}
}

func (db *DB) unlockWriter() {
	if db.writer != nil {
		<-db.writer
	}
}
