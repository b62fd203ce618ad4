package ratelimit

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"weerbaar/internal/clocktest"
)

func newClock() *clocktest.Clock { return clocktest.New(time.Date(2026, 11, 23, 5, 0, 0, 0, time.UTC)) }

func TestClientIsRefusedAfterTheLimitUntilTheWindowEnds(t *testing.T) {
	c := newClock()
	l := New(Config{Limit: 3, Window: time.Hour, Now: c.Now})
	for i := 1; i <= 3; i++ {
		if !l.Allow("192.0.2.1") {
			t.Fatalf("event %d refused, want allowed", i)
		}
	}
	if l.Allow("192.0.2.1") {
		t.Fatal("4th event in the window allowed, want refused")
	}
	if got := l.Remaining("192.0.2.1"); got != 0 {
		t.Fatalf("Remaining = %d, want 0", got)
	}
	c.Add(59 * time.Minute)
	if l.Allow("192.0.2.1") {
		t.Fatal("allowed before the window ended")
	}
	c.Add(time.Minute)
	if !l.Allow("192.0.2.1") {
		t.Fatal("refused after the window ended")
	}
	if got := l.Remaining("192.0.2.1"); got != 2 {
		t.Fatalf("Remaining in the new window = %d, want 2", got)
	}
}

func TestClientsAreCountedSeparately(t *testing.T) {
	l := New(Config{Limit: 1, Window: time.Hour})
	if !l.Allow("192.0.2.1") || !l.Allow("192.0.2.2") || !l.Allow("2001:db8::1") {
		t.Fatal("first event of each client must be allowed")
	}
	if l.Allow("192.0.2.1") {
		t.Fatal("second event of 192.0.2.1 allowed")
	}
}

func TestMemoryStaysBoundedUnderAFloodOfAddresses(t *testing.T) {
	c := newClock()
	l := New(Config{Limit: 5, Window: time.Hour, MaxClients: 100, Now: c.Now})
	for i := 0; i < 10000; i++ {
		l.Allow(fmt.Sprintf("198.51.100.%d/%d", i%256, i))
		if n := l.Len(); n > 100 {
			t.Fatalf("after %d clients the limiter remembers %d, want at most 100", i+1, n)
		}
	}
	if len(l.order)-l.head > 100 {
		t.Fatalf("order queue holds %d live items, want at most 100", len(l.order)-l.head)
	}
	if cap(l.order) > 1000 {
		t.Fatalf("order queue capacity %d grew without bound", cap(l.order))
	}
}

func TestExpiredClientsAreForgotten(t *testing.T) {
	c := newClock()
	l := New(Config{Limit: 1, Window: time.Minute, Now: c.Now})
	for i := 0; i < 50; i++ {
		l.Allow(fmt.Sprintf("203.0.113.%d", i))
	}
	c.Add(2 * time.Minute)
	l.Allow("203.0.113.200")
	if n := l.Len(); n != 1 {
		t.Fatalf("Len = %d after the window passed, want 1 (only the new client)", n)
	}
}

func TestRenewedWindowsDoNotGrowTheQueue(t *testing.T) {
	c := newClock()
	l := New(Config{Limit: 1, Window: time.Minute, Now: c.Now})
	for i := 0; i < 1000; i++ {
		l.Allow("192.0.2.7")
		c.Add(time.Minute)
	}
	if live := len(l.order) - l.head; live > 2 {
		t.Fatalf("queue holds %d items for one client", live)
	}
}

func TestAddressIsNotKept(t *testing.T) {
	l := New(Config{Limit: 2, Window: time.Hour})
	addr := "192.0.2.55"
	l.Allow(addr)
	dump := fmt.Sprintf("%#v %#v %v", l.entries, l.order, l.key)
	if strings.Contains(dump, addr) {
		t.Fatal("the limiter's state contains the address in the clear")
	}
	// The key is per limiter (per process), so the same address gives
	// unrelated identifiers in two limiters and cannot be linked.
	other := New(Config{Limit: 2, Window: time.Hour})
	if l.id(addr) == other.id(addr) {
		t.Fatal("two limiters derive the same identifier; the key is not random")
	}
}

func TestConcurrentUseCountsEveryEvent(t *testing.T) {
	l := New(Config{Limit: 100, Window: time.Hour})
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				if l.Allow("192.0.2.9") {
					mu.Lock()
					allowed++
					mu.Unlock()
				}
				l.Allow(fmt.Sprintf("10.0.%d.%d", i, i))
			}
		}()
	}
	wg.Wait()
	if allowed != 100 {
		t.Fatalf("allowed %d of 800 concurrent events, want exactly the limit 100", allowed)
	}
}

func BenchmarkAllow(b *testing.B) {
	l := New(Config{Limit: 10, Window: time.Minute, MaxClients: 10000})
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			l.Allow(fmt.Sprintf("198.51.100.%d", i%20000))
			i++
		}
	})
}
