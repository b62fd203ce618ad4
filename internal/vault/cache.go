package vault

import (
	"container/list"
	"crypto/cipher"
	"sync"
	"time"
)

// dekCache is a bounded LRU of unwrapped data keys (as ready AEADs), safe
// for concurrent use. Entries expire after ttl.
type dekCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	order *list.List // front = most recently used
	items map[int64]*list.Element
}

type cacheEntry struct {
	id      int64
	aead    cipher.AEAD
	expires time.Time
}

func newDEKCache(max int, ttl time.Duration) *dekCache {
	return &dekCache{max: max, ttl: ttl, order: list.New(), items: make(map[int64]*list.Element)}
}

func (c *dekCache) get(id int64, now time.Time) (cipher.AEAD, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[id]
	if !ok {
		return nil, false
	}
	e := el.Value.(*cacheEntry)
	if now.After(e.expires) {
		c.order.Remove(el)
		delete(c.items, id)
		return nil, false
	}
	c.order.MoveToFront(el)
	return e.aead, true
}

func (c *dekCache) put(id int64, aead cipher.AEAD, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[id]; ok {
		el.Value = &cacheEntry{id: id, aead: aead, expires: now.Add(c.ttl)}
		c.order.MoveToFront(el)
		return
	}
	c.items[id] = c.order.PushFront(&cacheEntry{id: id, aead: aead, expires: now.Add(c.ttl)})
	for c.order.Len() > c.max {
		oldest := c.order.Back()
		c.order.Remove(oldest)
		delete(c.items, oldest.Value.(*cacheEntry).id)
	}
}

func (c *dekCache) remove(id int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[id]; ok {
		c.order.Remove(el)
		delete(c.items, id)
	}
}

func (c *dekCache) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
