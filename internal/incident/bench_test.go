package incident

import (
	"context"
	"runtime"
	"sync/atomic"
	"testing"

	"weerbaar/internal/store"
	"weerbaar/internal/store/storetest"
)

// BenchmarkSubmit measures durable intake in the service: one incident
// per op with every sensitive field sealed under a new per-incident key,
// kinds, status history, idempotency key and audit row, committed
// (SQLite: WAL, synchronous=FULL). The harness's PostgreSQL runs with
// fsync off, so its figure is not a durability figure.
func BenchmarkSubmit(b *testing.B) {
	for _, d := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(d.name, func(b *testing.B) {
			f := newFixture(b, d.open(b))
			p := f.member(1, f.orgA)
			in := f.report()
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				if _, err := f.svc.Submit(ctx, p, in, "bench-"+itoa(int64(i+1))); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "incidents/s")
		})
	}
}

// BenchmarkSubmitParallel is BenchmarkSubmit from 8 goroutines at once
// (GOMAXPROCS × parallelism), each its own reporter: SQLite serialises
// writers, PostgreSQL runs them side by side.
func BenchmarkSubmitParallel(b *testing.B) {
	for _, d := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.SQLite}, {"postgres", storetest.Postgres}} {
		b.Run(d.name, func(b *testing.B) {
			f := newFixture(b, d.open(b))
			ctx := context.Background()
			var next atomic.Int64
			b.SetParallelism(max(1, 8/runtime.GOMAXPROCS(0)))
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				p := f.member(next.Add(1), f.orgA)
				in := f.report()
				for i := 0; pb.Next(); i++ {
					if _, err := f.svc.Submit(ctx, p, in, "bench-"+itoa(int64(i+1))); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "incidents/s")
		})
	}
}
