// Package ratelimit limits how often one client may do something (report
// anonymously, try a receipt code) without ever storing who the client is.
//
// The limiter lives in memory only, on purpose: the only thing that tells
// anonymous clients apart is their network address, and Weerbaar promises
// that an anonymous reporter's address is stored nowhere — not in the
// database, not in logs, not on disk. So the address is never kept even in
// memory: it is turned into a keyed hash (HMAC-SHA-256 with a random key
// made when the process starts and never written down), and only that hash
// and a counter are remembered, for at most one window. When the process
// stops the key is gone and the hashes cannot be linked to anyone.
//
// The price: each app server counts on its own, so behind a load balancer
// with n servers a client gets at most n times the limit. That is accepted;
// sharing the counters would mean storing something derived from addresses
// in the shared database.
package ratelimit

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"sync"
	"time"
)

// Limiter allows at most Limit events per client in each fixed window. It
// is safe for concurrent use. Memory is bounded: at most MaxClients
// clients are tracked; when full, expired entries are dropped first and
// then the oldest window, so a flood of new addresses cannot exhaust
// memory (it can only make the limiter forget, i.e. fail open for the
// clients it forgot).
type Limiter struct {
	limit      int
	window     time.Duration
	maxClients int
	now        func() time.Time

	mu      sync.Mutex
	key     [32]byte
	entries map[[32]byte]*entry
	order   []orderItem // entries by window start, oldest first, for eviction
	head    int         // order[:head] is already dropped
}

type entry struct {
	start time.Time
	count int
}

type orderItem struct {
	id    [32]byte
	start time.Time
}

// Config sets a limiter's rule.
type Config struct {
	Limit      int           // events allowed per client per window (>= 1)
	Window     time.Duration // length of the window (> 0)
	MaxClients int           // clients remembered at once; 0 means 100000
	// Now returns the current time; nil means time.Now. Tests set it.
	Now func() time.Time
}

// New returns a limiter with a fresh random key.
func New(c Config) *Limiter {
	if c.Limit < 1 {
		c.Limit = 1
	}
	if c.Window <= 0 {
		c.Window = time.Hour
	}
	if c.MaxClients <= 0 {
		c.MaxClients = 100000
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	l := &Limiter{limit: c.Limit, window: c.Window, maxClients: c.MaxClients, now: c.Now,
		entries: make(map[[32]byte]*entry)}
	if _, err := rand.Read(l.key[:]); err != nil {
		// crypto/rand does not fail on supported platforms (Go 1.24+ panics
		// itself); keep the guarantee explicit.
		panic("ratelimit: no randomness: " + err.Error())
	}
	return l
}

// Allow records one event for client (typically its IP address) and
// reports whether it is within the limit. A refused event is not counted,
// so a client that waits for the window to end is allowed again.
func (l *Limiter) Allow(client string) bool {
	id := l.id(client)
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[id]
	if ok && now.Sub(e.start) >= l.window {
		// The old window is over; its order item is dropped lazily.
		delete(l.entries, id)
		ok = false
	}
	if !ok {
		l.makeRoom(now)
		e = &entry{start: now}
		l.entries[id] = e
		l.order = append(l.order, orderItem{id: id, start: now})
	}
	if e.count >= l.limit {
		return false
	}
	e.count++
	return true
}

// Remaining reports how many events client may still do in its current
// window, without recording one.
func (l *Limiter) Remaining(client string) int {
	id := l.id(client)
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[id]
	if !ok || now.Sub(e.start) >= l.window {
		return l.limit
	}
	return l.limit - e.count
}

// Len is the number of clients currently remembered.
func (l *Limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries)
}

// id is the keyed hash of client; the client string itself is not kept.
func (l *Limiter) id(client string) [32]byte {
	m := hmac.New(sha256.New, l.key[:])
	m.Write([]byte(client))
	var out [32]byte
	copy(out[:], m.Sum(nil))
	return out
}

// makeRoom drops expired entries from the front of the order and, when the
// map is still full, the oldest live entries. Called with mu held.
func (l *Limiter) makeRoom(now time.Time) {
	for l.head < len(l.order) {
		it := l.order[l.head]
		e, ok := l.entries[it.id]
		stale := !ok || !e.start.Equal(it.start) // superseded by a newer window
		expired := !stale && now.Sub(it.start) >= l.window
		full := len(l.entries) >= l.maxClients
		if !stale && !expired && !full {
			break
		}
		if !stale {
			delete(l.entries, it.id)
		}
		l.head++
	}
	// Compact once half the slice is dead, so the work stays amortised O(1).
	if l.head > 0 && l.head*2 >= len(l.order) {
		l.order = append(l.order[:0:0], l.order[l.head:]...)
		l.head = 0
	}
}
