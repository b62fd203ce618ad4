package vault

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// KeyUse is how many live (not erased) data keys one master key wraps.
type KeyUse struct {
	KEK       string
	DataKeys  int
	InKeyring bool
	Primary   bool
}

// Status lists, per master key, how many live data keys it wraps: every
// keyring entry (also those wrapping none) and every master key the
// database names. Once only the primary wraps anything, the others may go.
func (v *Vault) Status(ctx context.Context) ([]KeyUse, error) {
	rows, err := v.db.QueryContext(ctx, `SELECT kek_id, COUNT(*) FROM data_keys WHERE erased = FALSE GROUP BY kek_id`)
	if err != nil {
		return nil, fmt.Errorf("vault status: %w", err)
	}
	defer rows.Close()
	counts := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("vault status: %w", err)
		}
		counts[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("vault status: %w", err)
	}
	var out []KeyUse
	for _, id := range v.keys.ids {
		out = append(out, KeyUse{KEK: id, DataKeys: counts[id], InKeyring: true, Primary: id == v.keys.primary})
		delete(counts, id)
	}
	var missing []string
	for id := range counts {
		missing = append(missing, id)
	}
	slices.Sort(missing)
	for _, id := range missing {
		out = append(out, KeyUse{KEK: id, DataKeys: counts[id]})
	}
	return out, nil
}

// CheckKeyring refuses a keyring that lacks a master key still wrapping
// live data keys: started like that, a server would write new records while
// older ones cannot be read.
func (v *Vault) CheckKeyring(ctx context.Context) error {
	uses, err := v.Status(ctx)
	if err != nil {
		return err
	}
	var missing []string
	for _, u := range uses {
		if !u.InKeyring && u.DataKeys > 0 {
			missing = append(missing, fmt.Sprintf("%s (%d)", u.KEK, u.DataKeys))
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return fmt.Errorf("de sleutelring mist hoofdsleutel(s) %s waarmee nog datasleutels zijn verpakt: "+
		"zet die sleutel(s) weer in het sleutelbestand (onder de primaire) en voer `weerbaar keys rotate` uit "+
		"voordat u ze weghaalt", strings.Join(missing, ", "))
}
