package incident

import (
	"bytes"
	"context"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

func TestSensitiveFieldsAreEncryptedAtRest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newFixture(t, db)
		ctx := context.Background()
		p := f.member(1, f.orgA)
		in := f.report()
		in.Place.Link = "https://social.example.org/post/1"
		in.PoliceReference = "PL0900-2026000001"
		in.SupportRequest = "Een gesprek met een vertrouwenspersoon"
		got := f.submit(t, p, in)
		plain := []string{in.Description, in.Place.Detail, in.Place.Link, in.Perpetrator.Description,
			in.Witnesses, in.Impact.Personal, in.PoliceReference, in.SupportRequest}
		rows, err := db.QueryContext(ctx, `SELECT `+sealedCols+` FROM incidents WHERE id = $1`, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		rows.Next()
		cols := make([][]byte, 9)
		dest := make([]any, 9)
		for i := range cols {
			dest[i] = &cols[i]
		}
		if err := rows.Scan(dest...); err != nil {
			t.Fatal(err)
		}
		for _, c := range cols {
			for _, s := range plain {
				if bytes.Contains(c, []byte(s)) {
					t.Errorf("plain text %q found in the database", s)
				}
			}
		}
		read, err := f.svc.Get(ctx, p, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if read.Description != in.Description || read.Place.Link != in.Place.Link || read.PoliceReference != in.PoliceReference {
			t.Error("sealed fields do not read back")
		}
		// A sealed value moved to another field does not open.
		if _, err := db.ExecContext(ctx, `UPDATE incidents SET witnesses_enc = description_enc WHERE id = $1`, got.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Get(ctx, p, got.ID); err == nil {
			t.Error("a sealed value copied to another field must not open")
		}
	})
}
