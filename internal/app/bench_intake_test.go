package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"weerbaar/internal/app"
	"weerbaar/internal/auth"
	"weerbaar/internal/store"
)

// BenchmarkIntakeHTTP measures durable incident intake through a real
// server (app.New, listening on loopback): POST /api/v1/meldingen with an
// ambtsdrager's personal API token, each request with its own
// Idempotency-Key, answered 201 only after the commit that holds the
// sealed fields, the status history and the audit row is on disk. Beside
// each level, in the same run, a bare INSERT of an equivalent row (the
// same sealed sizes and indexes) in a fresh database opened through
// store.Open, from as many clients: intake/bare is the price of
// everything a report is besides one row.
//
// Figures only, nothing asserted. Client and server share the process and
// its cores. Run:
//
//	go test ./internal/app -run '^$' -bench IntakeHTTP -benchtime 2s
func BenchmarkIntakeHTTP(b *testing.B) {
	for _, t := range []intakeTarget{sqliteTarget(), postgresTarget()} {
		b.Run(t.name, func(b *testing.B) { benchIntake(b, t) })
	}
}

// intakeTarget is a database kind: fresh returns the DSN of a new, empty
// database; note says how durable its commits are.
type intakeTarget struct {
	name  string
	fresh func(b *testing.B, label string) string
	note  func(ctx context.Context, db *store.DB) string
}

func benchIntake(b *testing.B, t intakeTarget) {
	ctx := context.Background()
	cfg := benchConfig(b)
	cfg.DB = t.fresh(b, "intake")
	a, err := app.New(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	defer a.Close()
	srv := startServerChild(b, cfg.DB)
	waitReady(b, srv.url)
	reporter := newReporter(b, a, srv.url)
	var created atomic.Int64 // every 201, over all of b.Run's rounds
	post := func(i int) error {
		err := reporter(i)
		if err == nil {
			created.Add(1)
		}
		return err
	}
	if err := post(0); err != nil { // warm up and give the bare row its sizes
		b.Fatal(err)
	}
	bare := newBareInsert(b, t.fresh(b, "bare"), sealedSizes(b, a.DB))
	results := map[string]loadResult{}
	levels := []int{1, 8, 64} // concurrent clients
	for _, n := range levels {
		for _, kind := range []string{"intake", "bare", "group"} {
			op := post
			switch kind {
			case "bare":
				op = bare.insert
			case "group":
				if n == 1 {
					continue // one writer: group commit is the bare insert
				}
				op = bare.groupInsert
			}
			b.Run(fmt.Sprintf("%s/clients=%d", kind, n), func(b *testing.B) {
				cpu0 := srv.cpu()
				r := runLoad(b, n, b.N, op)
				if kind == "intake" {
					r.server = srv.cpu() - cpu0
				}
				r.report(b, "incidents/s")
				results[fmt.Sprintf("%s/%d", kind, n)] = r
			})
		}
	}
	checkStored(b, a.DB, int(created.Load()))
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("\n%s: %s; bare: %s\n%s\n%s\nserver process RSS after the run %.1f MiB; benchmark process (clients, bare insert): heap in use %.1f MiB, RSS %.1f MiB\n\n",
		t.name, t.note(ctx, a.DB), t.note(ctx, bare.db), intakeTable(levels, results),
		intakeTargets(t.name, results), srv.rssMiB(), float64(ms.HeapInuse)/(1<<20), residentMiB(b))
}

// intakeTable prints intake beside bare per level. The CPU column is the
// server process's per report (not PostgreSQL's) beside the bare insert's
// process per row: steadier than wall time on a shared machine. group is
// the bare row through store.Group (group commit) at the same clients.
func intakeTable(levels []int, res map[string]loadResult) string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%-8s %9s %10s %10s %10s %10s %10s %10s %12s %14s %10s %12s\n", "clients", "requests",
		"intake/s", "p50", "p99", "bare/s", "bare p50", "bare p99", "intake/bare", "cpu µs srv/bare",
		"group/s", "intake/group")
	for _, n := range levels {
		in, bare := res[fmt.Sprintf("intake/%d", n)], res[fmt.Sprintf("bare/%d", n)]
		if in.n == 0 || bare.n == 0 {
			continue
		}
		ms := func(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }
		cpu := func(r loadResult) float64 { return float64(r.cpu.Microseconds()) / float64(r.n) }
		fmt.Fprintf(&sb, "%-8d %9d %10.0f %10s %10s %10.0f %10s %10s %12.3f %8.0f/%-5.0f", n, in.n,
			in.perSecond(), ms(in.p50), ms(in.p99), bare.perSecond(), ms(bare.p50), ms(bare.p99),
			in.perSecond()/bare.perSecond(), float64(in.server.Microseconds())/float64(in.n), cpu(bare))
		if g := res[fmt.Sprintf("group/%d", n)]; g.n > 0 {
			fmt.Fprintf(&sb, " %10.0f %12.3f", g.perSecond(), in.perSecond()/g.perSecond())
		}
		sb.WriteString("\n")
	}
	return sb.String()
}

// newReporter makes an ambtsdrager in Utrecht (with a coördinator, who
// gets the notification every report makes) and returns an op that
// reports one incident with their API token.
func newReporter(b *testing.B, a *app.App, url string) func(i int) error {
	benchAccount(b, a, auth.RoleCoordinator, "intake")
	member, _ := benchAccount(b, a, auth.RoleMember, "intake")
	return reportOp(b, a, url, member)
}

// reportOp returns an op that reports one incident through the API with
// a new personal API token of account, each time with a new
// Idempotency-Key.
func reportOp(b testing.TB, a *app.App, url string, account auth.Account) func(i int) error {
	op := reportOpID(b, a, url, account)
	return func(i int) error { _, err := op(i); return err }
}

// reportOpID is reportOp's op that also returns the id of the incident
// made (from the Location header).
func reportOpID(b testing.TB, a *app.App, url string, account auth.Account) func(i int) (int64, error) {
	token, _, err := a.Auth.CreateAPIToken(context.Background(),
		&auth.Principal{AccountID: account.ID, OrgID: account.OrgID, Role: account.Role}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	body, err := json.Marshal(map[string]any{
		"occurredAt":      time.Now().Add(-2 * time.Hour).UTC().Truncate(time.Second).Format(time.RFC3339),
		"placeKind":       "werk",
		"placeDetail":     "Stadhuis, balie",
		"description":     "Een bezoeker dreigde de wethouder iets aan te doen na afloop van het spreekuur.",
		"kinds":           []string{"bedreiging", "verbale_agressie"},
		"victimRole":      "wethouder",
		"perpetratorKind": "burger_onbekend",
		"impact":          "Slecht geslapen.",
		"wantsAangifte":   true,
	})
	if err != nil {
		b.Fatal(err)
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 128}} // above the most clients
	var seq atomic.Int64
	return func(int) (int64, error) {
		req, _ := http.NewRequest(http.MethodPost, url+"/api/v1/meldingen", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Idempotency-Key", fmt.Sprintf("bench-%d", seq.Add(1)))
		res, err := client.Do(req)
		if err != nil {
			return 0, err
		}
		msg, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusCreated {
			return 0, fmt.Errorf("status %d: %s", res.StatusCode, msg)
		}
		loc := res.Header.Get("Location")
		id, err := strconv.ParseInt(loc[strings.LastIndexByte(loc, '/')+1:], 10, 64)
		if err != nil {
			return 0, fmt.Errorf("201 without an incident's Location: %q", loc)
		}
		return id, nil
	}
}

// loadResult is one measured run of n operations.
type loadResult struct {
	n        int
	clients  int
	elapsed  time.Duration
	p50, p99 time.Duration
	cpu      time.Duration // CPU time of the benchmark's process (clients, bare insert)
	server   time.Duration // CPU time of the server process (intake only)
}

func (r loadResult) perSecond() float64 { return float64(r.n) / r.elapsed.Seconds() }

// report gives the run's figures to the benchmark result line.
func (r loadResult) report(b *testing.B, rate string) {
	b.ReportMetric(r.perSecond(), rate)
	b.ReportMetric(float64(r.p50.Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(r.p99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(r.cpu.Microseconds())/float64(r.n), "cpu-µs/op")
	if r.server > 0 {
		b.ReportMetric(float64(r.server.Microseconds())/float64(r.n), "server-cpu-µs/op")
	}
}

// runLoad calls op n times from clients goroutines and times each call;
// the benchmark timer covers just the run.
func runLoad(b *testing.B, clients, n int, op func(i int) error) loadResult {
	b.Helper()
	took := make([]time.Duration, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	var failed atomic.Pointer[error]
	cpu0 := processCPU()
	b.ResetTimer()
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n && failed.Load() == nil; i = int(next.Add(1)) - 1 {
				t0 := time.Now()
				if err := op(i); err != nil {
					failed.Store(&err)
					return
				}
				took[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	if err := failed.Load(); err != nil {
		b.Fatal(*err)
	}
	slices.Sort(took)
	return loadResult{n: n, clients: clients, elapsed: elapsed, p50: took[n/2], p99: took[n*99/100],
		cpu: processCPU() - cpu0}
}

// checkStored fails the benchmark when the number of stored meldingen is
// not the number of 201s: every acknowledged report stored, nothing
// stored that was not acknowledged.
func checkStored(b *testing.B, db *store.DB, want int) {
	var got int
	if err := db.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM incidents`).Scan(&got); err != nil {
		b.Fatal(err)
	}
	if got != want {
		b.Fatalf("%d meldingen stored, %d acknowledged with 201", got, want)
	}
	fmt.Printf("stored meldingen %d = 201s %d\n", got, want)
}
