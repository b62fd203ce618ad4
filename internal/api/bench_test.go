package api

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// BenchmarkIncidentIntake measures durable intake through the HTTP API:
// an authenticated POST /api/v1/meldingen, fields sealed by the vault, the
// audit row written, answered only after the commit (SQLite: WAL with
// synchronous=FULL, an fsync per commit). Beside it, in the same run and on
// the same database, a bare INSERT of an incident row with sealed-size
// columns, one per transaction. Figures are printed, not asserted.
//
// The PostgreSQL figures come from the test harness's server, which runs
// with fsync=off; they show the API's overhead, not production latency.
func BenchmarkIncidentIntake(b *testing.B) {
	for _, dbName := range []string{"sqlite", "postgres"} {
		for _, clients := range []int{1, 8, 64} {
			b.Run(fmt.Sprintf("%s/clients=%d", dbName, clients), func(b *testing.B) {
				db := benchDB(b, dbName)
				f := newFixture(b, db)
				api := runParallel(b, clients, b.N, f.postIncident(b))
				bare := runParallel(b, clients, b.N, bareInsert(b, db, f.utrecht))
				var m runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&m)
				b.ReportMetric(api.perSecond, "incidents/s")
				b.ReportMetric(api.p50.Seconds()*1000, "p50-ms")
				b.ReportMetric(api.p99.Seconds()*1000, "p99-ms")
				b.ReportMetric(bare.perSecond, "bare-inserts/s")
				b.Logf("%s, %d clients, %d incidents: API %.0f/s (p50 %v, p99 %v); bare insert %.0f/s (p50 %v, p99 %v); API/bare %.2f; heap after %.1f MiB",
					dbName, clients, b.N, api.perSecond, api.p50, api.p99, bare.perSecond, bare.p50, bare.p99,
					api.perSecond/bare.perSecond, float64(m.HeapAlloc)/(1<<20))
			})
		}
	}
}

func benchDB(b *testing.B, name string) *store.DB {
	if name == "sqlite" {
		return storetest.SQLite(b)
	}
	storetest.PostgresURL(b) // skips outside CI when PostgreSQL is absent
	return storetest.Postgres(b)
}

type runResult struct {
	perSecond float64
	p50, p99  time.Duration
}

// runParallel calls op n times from clients goroutines and measures each.
func runParallel(b *testing.B, clients, n int, op func(i int) error) runResult {
	b.Helper()
	lat := make([]time.Duration, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Value
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				t0 := time.Now()
				if err := op(i); err != nil {
					failed.Store(err)
					return
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err, _ := failed.Load().(error); err != nil {
		b.Fatal(err)
	}
	slices.Sort(lat)
	return runResult{perSecond: float64(n) / elapsed.Seconds(), p50: lat[n/2], p99: lat[n*99/100]}
}

// postIncident returns an op that reports one incident through the API.
func (f *fixture) postIncident(b *testing.B) func(int) error {
	body, err := json.Marshal(report())
	if err != nil {
		b.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128}}
	url, token := f.srv.URL+"/api/v1/meldingen", f.token["member"]
	return func(i int) error {
		req, _ := http.NewRequest("POST", url, bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Idempotency-Key", fmt.Sprintf("bench-%d", i))
		res, err := client.Do(req)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusCreated {
			return fmt.Errorf("status %d", res.StatusCode)
		}
		return nil
	}
}

// bareInsert returns an op that inserts one incident row, with random
// bytes of the sealed fields' size, in a transaction of its own.
func bareInsert(b *testing.B, db *store.DB, orgID int64) func(int) error {
	sealed := make([]byte, 120)
	rand.Read(sealed)
	now := time.Now().UTC()
	return func(int) error {
		_, err := db.ExecContext(context.Background(), `INSERT INTO incidents
			(org_id, status, mode, reporter_id, key_id, victim_role, occurred_at, place_kind,
			perpetrator_kind, created_at, updated_at, submitted_at, description_enc, impact_enc, place_enc)
			VALUES ($1, 'nieuw', 'self', 1, 1, 'wethouder', $2, 'werk', 'burger_onbekend', $2, $2, $2, $3, $3, $3)`,
			orgID, now, sealed)
		return err
	}
}
