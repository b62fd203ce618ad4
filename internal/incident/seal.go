package incident

import (
	"context"
	"errors"
	"fmt"

	"weerbaar/internal/store"
	"weerbaar/internal/vault"
)

// fieldAAD binds a sealed value to its incident and field, so a sealed
// value copied to another row or column does not open.
func fieldAAD(incidentID int64, field string) string {
	return fmt.Sprintf("incident:%d:%s", incidentID, field)
}

// sealer seals the fields of one incident and keeps the first error, so a
// row's worth of fields reads as a flat list.
type sealer struct {
	ctx   context.Context
	q     store.Querier
	v     Vault
	keyID int64
	id    int64
	err   error
}

// seal returns the sealed value of plain, or nil for an empty string (an
// empty field stays NULL; there is nothing to protect).
func (s *sealer) seal(field, plain string) []byte {
	if s.err != nil || plain == "" {
		return nil
	}
	b, err := s.v.SealString(s.ctx, s.q, s.keyID, plain, fieldAAD(s.id, field))
	if err != nil {
		s.err = fmt.Errorf("incident %d: seal %s: %w", s.id, field, err)
	}
	return b
}

// opener opens the sealed fields of one incident.
type opener struct {
	ctx context.Context
	q   store.Querier
	v   Vault
	id  int64
	err error
}

func (o *opener) open(field string, b []byte) string {
	if o.err != nil || len(b) == 0 {
		return ""
	}
	s, err := o.v.OpenString(o.ctx, o.q, b, fieldAAD(o.id, field))
	if err != nil {
		o.err = fmt.Errorf("incident %d: open %s: %w", o.id, field, err)
	}
	return s
}

// unreadableSeal marks an error opening a sealed field as ErrUnreadable
// when the stored value itself is the problem (tampered, erased key, not
// a sealed value), and passes a database error through.
func unreadableSeal(err error) error {
	for _, e := range []error{vault.ErrDecrypt, vault.ErrFormat, vault.ErrErased, vault.ErrNoKey} {
		if errors.Is(err, e) {
			return fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
	}
	return err
}
