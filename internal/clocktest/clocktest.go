// Package clocktest gives tests a clock they move themselves, safe for the
// goroutines of a test server to read while the test advances it.
package clocktest

import (
	"sync"
	"time"
)

// Clock is a settable clock; pass its Now where a service takes a clock.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// New returns a clock standing at t.
func New(t time.Time) *Clock { return &Clock{t: t} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Add moves the clock forward by d.
func (c *Clock) Add(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}
