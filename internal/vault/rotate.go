package vault

import (
	"context"
	"database/sql"
	"fmt"
)

// RotateBatch is how many data keys one rotation transaction re-wraps, so
// each holds the write lock only briefly and the servers keep running.
const RotateBatch = 200

// Rotate re-wraps every data key not wrapped by the primary master key and
// returns how many it re-wrapped. See the package comment for the rollout.
func (v *Vault) Rotate(ctx context.Context) (int, error) {
	return v.RotateWithProgress(ctx, nil)
}

// RotateWithProgress is Rotate that calls progress(done, total) after each
// batch; total is counted at the start.
func (v *Vault) RotateWithProgress(ctx context.Context, progress func(done, total int)) (int, error) {
	primary := v.keys.Primary()
	var total int
	if err := v.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM data_keys WHERE erased = FALSE AND kek_id <> $1`,
		primary).Scan(&total); err != nil {
		return 0, fmt.Errorf("vault rotate: %w", err)
	}
	done := 0
	var after int64 = -1
	for {
		n, last, err := v.rotateBatch(ctx, primary, after)
		done += n
		if err != nil {
			return done, err
		}
		if last == after {
			return done, nil
		}
		after = last
		if progress != nil {
			progress(done, total)
		}
	}
}

type wrappedKey struct {
	id      int64
	kekID   string
	wrapped []byte
}

// rotateBatch re-wraps the next batch of keys with id > after in one
// transaction and returns how many it changed and the last id it saw.
func (v *Vault) rotateBatch(ctx context.Context, primary string, after int64) (int, int64, error) {
	changed, last := 0, after
	err := v.db.Tx(ctx, func(tx *sql.Tx) error {
		keys, err := selectBatch(ctx, tx, primary, after)
		if err != nil {
			return err
		}
		for _, k := range keys {
			last = k.id
			raw, err := v.keys.unwrap(k.kekID, k.wrapped)
			if err != nil {
				return fmt.Errorf("vault rotate: data key %d: %w", k.id, err)
			}
			kekID, wrapped := v.keys.wrap(raw)
			clear(raw)
			// The conditions keep a key erased meanwhile erased.
			res, err := tx.ExecContext(ctx, `UPDATE data_keys SET wrapped = $1, kek_id = $2
				WHERE id = $3 AND kek_id = $4 AND erased = FALSE`, wrapped, kekID, k.id, k.kekID)
			if err != nil {
				return fmt.Errorf("vault rotate: data key %d: %w", k.id, err)
			}
			if n, _ := res.RowsAffected(); n == 1 {
				changed++
			}
		}
		return nil
	})
	if err != nil {
		return 0, after, err
	}
	return changed, last, nil
}

func selectBatch(ctx context.Context, tx *sql.Tx, primary string, after int64) ([]wrappedKey, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, kek_id, wrapped FROM data_keys
		WHERE erased = FALSE AND kek_id <> $1 AND id > $2 ORDER BY id LIMIT $3`, primary, after, RotateBatch)
	if err != nil {
		return nil, fmt.Errorf("vault rotate: %w", err)
	}
	defer rows.Close()
	var keys []wrappedKey
	for rows.Next() {
		var k wrappedKey
		if err := rows.Scan(&k.id, &k.kekID, &k.wrapped); err != nil {
			return nil, fmt.Errorf("vault rotate: %w", err)
		}
		keys = append(keys, k)
	}
	return keys, rows.Err()
}
