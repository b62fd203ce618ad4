package store

import "context"

// FixtureStatements reads a test fixture the way a migration is read:
// dialect words replaced, split into the statements for d.
func FixtureStatements(body string, d Dialect) ([]string, error) {
	return splitStatements(dialectWords[d].Replace(body), d)
}

// RunBatch runs fns as one group-commit batch, as the writer goroutine
// does with the calls it gathered, and returns each call's answer.
func RunBatch(db *DB, fns ...func(ctx context.Context, q Querier) error) []error {
	batch := make([]*groupReq, len(fns))
	for i, fn := range fns {
		batch[i] = &groupReq{orig: context.Background(), ctx: context.Background(), fn: fn, done: make(chan error, 1)}
	}
	db.runBatch(batch)
	out := make([]error, len(fns))
	for i, r := range batch {
		out[i] = <-r.done
	}
	return out
}
