package audit

import (
	"context"
	"database/sql"
	"fmt"
	"time"
	"weerbaar/internal/store"
)

// Problem names what is wrong at the first broken link of the chain.
type Problem string

const (
	// HashMismatch: a row's content no longer matches its hash (altered).
	HashMismatch Problem = "hash-mismatch"
	// MissingRow: a seq number is missing (a row was deleted).
	MissingRow Problem = "missing-row"
	// PrevHashMismatch: a row does not point at the hash of the row before it
	// (a row was replaced or rows were reordered).
	PrevHashMismatch Problem = "prev-hash-mismatch"
	// HeadMismatch: the chain's recorded tip does not match its last row
	// (the newest rows were deleted, or rows were added behind the log's back).
	HeadMismatch Problem = "head-mismatch"
)

// Break is the first broken link found.
type Break struct {
	Seq     int64     // the seq where the chain breaks
	At      time.Time // time of the row at or nearest to Seq; zero when none
	Problem Problem
	Detail  string // English, for logs
}

// Report is the outcome of Verify.
type Report struct {
	Rows     int64  // rows checked
	HeadSeq  int64  // the chain's tip as recorded
	HeadHash string // hash of the tip; worth noting down outside the system
	Broken   *Break // nil when the chain holds
}

type row struct {
	seq            int64
	at             time.Time
	e              Event
	prevHash, hash string
}

// Verify walks the chain in seq order, recomputes every hash and reports
// the first broken link. A broken chain returns the report and an error
// wrapping ErrBroken; other errors are database failures.
//
// Rows written while Verify runs are not checked: it reads the tip first
// and walks up to it.
func (l *Log) Verify(ctx context.Context) (Report, error) {
	var rep Report
	if err := l.db.QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).
		Scan(&rep.HeadSeq, &rep.HeadHash); err != nil {
		return rep, fmt.Errorf("audit verify: head: %w", err)
	}
	rows, err := l.db.QueryContext(ctx, `SELECT seq, at, actor_id, org_id, action, object, object_id,
		detail, prev_hash, hash FROM audit_log WHERE seq <= $1 ORDER BY seq`, rep.HeadSeq)
	if err != nil {
		return rep, fmt.Errorf("audit verify: %w", err)
	}
	defer rows.Close()
	last := row{}
	for rows.Next() {
		var r row
		var at store.Time // unreadable: zero, and the hash check fails for that row
		if err := rows.Scan(&r.seq, &at, &r.e.Actor, &r.e.OrgID, &r.e.Action, &r.e.Object,
			&r.e.ObjectID, &r.e.Detail, &r.prevHash, &r.hash); err != nil {
			return rep, fmt.Errorf("audit verify: %w", err)
		}
		r.at = at.T
		rep.Rows++
		if b := checkLink(last, r); b != nil {
			rep.Broken = b
			return rep, fmt.Errorf("%w at seq %d: %s", ErrBroken, b.Seq, b.Detail)
		}
		last = r
	}
	if err := rows.Err(); err != nil {
		return rep, fmt.Errorf("audit verify: %w", err)
	}
	if b, err := l.checkHead(ctx, rep, last); err != nil || b != nil {
		if err == nil {
			rep.Broken = b
			err = fmt.Errorf("%w at seq %d: %s", ErrBroken, b.Seq, b.Detail)
		}
		return rep, err
	}
	return rep, nil
}

// checkLink checks row r against the row before it (zero for the first).
func checkLink(prev, r row) *Break {
	if r.seq != prev.seq+1 {
		return &Break{Seq: prev.seq + 1, At: r.at, Problem: MissingRow,
			Detail: fmt.Sprintf("seq %d follows seq %d", r.seq, prev.seq)}
	}
	if r.prevHash != prev.hash {
		return &Break{Seq: r.seq, At: r.at, Problem: PrevHashMismatch,
			Detail: "prev_hash does not match the hash of the row before"}
	}
	if chainHash(r.prevHash, r.seq, r.at, r.e) != r.hash {
		return &Break{Seq: r.seq, At: r.at, Problem: HashMismatch,
			Detail: "row content does not match its hash"}
	}
	return nil
}

// checkHead compares the recorded tip with the last row, and looks for rows
// beyond the tip in one statement (one snapshot, so concurrent writers that
// move the tip and add its row together do not count).
func (l *Log) checkHead(ctx context.Context, rep Report, last row) (*Break, error) {
	if last.seq != rep.HeadSeq {
		return &Break{Seq: last.seq + 1, At: last.at, Problem: HeadMismatch,
			Detail: fmt.Sprintf("head is seq %d but the last row is seq %d", rep.HeadSeq, last.seq)}, nil
	}
	if last.hash != rep.HeadHash {
		return &Break{Seq: last.seq, At: last.at, Problem: HeadMismatch,
			Detail: "head hash does not match the last row"}, nil
	}
	var beyond sql.NullInt64
	if err := l.db.QueryRowContext(ctx, `SELECT MIN(seq) FROM audit_log
		WHERE seq > (SELECT seq FROM audit_head WHERE id = 1)`).Scan(&beyond); err != nil {
		return nil, fmt.Errorf("audit verify: rows beyond head: %w", err)
	}
	if beyond.Valid {
		return &Break{Seq: beyond.Int64, Problem: HeadMismatch,
			Detail: fmt.Sprintf("row seq %d lies beyond the head", beyond.Int64)}, nil
	}
	return nil, nil
}

// HashAt returns the stored hash of row seq, to compare with a hash noted
// down earlier outside the system (an anchor): a chain rewritten from that
// row on, head included, verifies but no longer matches its anchor.
func (l *Log) HashAt(ctx context.Context, seq int64) (string, error) {
	var h string
	err := l.db.QueryRowContext(ctx, `SELECT hash FROM audit_log WHERE seq = $1`, seq).Scan(&h)
	if err == sql.ErrNoRows {
		return "", fmt.Errorf("%w: seq %d: no such row", ErrBroken, seq)
	}
	if err != nil {
		return "", fmt.Errorf("audit hash at %d: %w", seq, err)
	}
	return h, nil
}
