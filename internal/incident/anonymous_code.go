package incident

import (
	"context"
	"errors"
	"fmt"
)

// The receipt code behind the anonymous route: opening a report by its
// code, rate-limited, in constant time whether or not the code exists.

// open finds the anonymous report behind code. Wrong codes count against
// the client's limit; once it is spent even the right code is refused
// until the window ends, so guessing cannot continue.
func (a *Anonymous) open(ctx context.Context, client, code string) (*Incident, error) {
	if a.wrong.Remaining(client) <= 0 {
		return nil, ErrRateLimited
	}
	head, err := a.lookup(ctx, code)
	if errors.Is(err, ErrUnknownReceipt) {
		a.wrong.Allow(client)
	}
	return head, err
}

// lookup finds the candidates by the code's lookup id (an indexed, O(1)
// query; ids are 20 bits, so a few reports may share one) and checks each
// hash. A code with no candidate still costs one hash, so response time
// does not tell whether a lookup id exists.
func (a *Anonymous) lookup(ctx context.Context, text string) (*Incident, error) {
	code, err := ParseReceiptCode(text)
	if err != nil {
		return nil, ErrUnknownReceipt
	}
	rows, err := a.s.db.QueryContext(ctx, `SELECT incident_id, code_hash FROM incident_receipts
		WHERE lookup_id = $1 ORDER BY incident_id`, code.LookupID())
	if err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	type candidate struct {
		id   int64
		hash string
	}
	var cands []candidate
	for rows.Next() {
		var c candidate
		if err := rows.Scan(&c.id, &c.hash); err != nil {
			rows.Close()
			return nil, fmt.Errorf("receipt: %w", err)
		}
		cands = append(cands, c)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("receipt: %w", err)
	}
	select {
	case a.hashing <- struct{}{}:
		defer func() { <-a.hashing }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if len(cands) == 0 {
		receiptMatches(code, dummyReceiptHash)
		return nil, ErrUnknownReceipt
	}
	for _, c := range cands {
		if receiptMatches(code, c.hash) {
			return loadHead(ctx, a.s.db, c.id)
		}
	}
	return nil, ErrUnknownReceipt
}

// dummyReceiptHash is hashed against when no report has the lookup id, to
// spend the same time as a real check. Its code is unknowable (the salt
// and hash are not of any code anyone holds).
const dummyReceiptHash = "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
