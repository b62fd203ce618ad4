package demo_test

import (
	"context"
	"testing"

	"weerbaar/internal/audit"
	"weerbaar/internal/demo"
	"weerbaar/internal/scan"
	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
	"weerbaar/internal/vault/vaulttest"
)

// The demo scans go through the service: the wethouder has two finished
// home checks to compare, the raadslid a paused scan, the griffier the
// municipality's resilience scan.
func TestDemoScans(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		d := deps(t, db)
		svc, err := scan.New(db, vaulttest.New(t, db), audit.New(db), nil)
		if err != nil {
			t.Fatal(err)
		}
		d.Scans = svc
		if _, err := demo.Load(ctx, d); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"woningscan": "klaar", "persoonlijke-veiligheid": "open", "weerbaarheidsscan-organisatie": "klaar"}
		rows, err := db.QueryContext(ctx, `SELECT scan, status, page FROM scan_results ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n := 0
		for rows.Next() {
			var s, status string
			var page int
			rows.Scan(&s, &status, &page)
			if want[s] != status || (status == "open" && page != 3) {
				t.Errorf("demo scan %s: %s at page %d", s, status, page)
			}
			n++
		}
		if n != 4 {
			t.Errorf("%d demo scans, want 4", n)
		}
	})
}
