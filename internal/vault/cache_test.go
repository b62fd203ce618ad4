package vault

import (
	"testing"
	"time"
)

func TestDataKeyCacheIsBoundedAndExpires(t *testing.T) {
	c := newDEKCache(3, time.Minute)
	now := time.Now()
	aead, err := newAEAD(make([]byte, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	for id := int64(1); id <= 3; id++ {
		c.put(id, aead, now)
	}
	c.get(1, now) // 1 is now recently used, 2 the oldest
	c.put(4, aead, now)
	if c.len() != 3 {
		t.Fatalf("cache holds %d, want 3", c.len())
	}
	if _, ok := c.get(2, now); ok {
		t.Fatal("least recently used key not evicted")
	}
	for _, id := range []int64{1, 3, 4} {
		if _, ok := c.get(id, now); !ok {
			t.Fatalf("key %d evicted", id)
		}
	}
	if _, ok := c.get(1, now.Add(time.Minute+time.Second)); ok {
		t.Fatal("expired key returned")
	}
	c.remove(3)
	if _, ok := c.get(3, now); ok || c.len() != 1 {
		t.Fatalf("removed key returned; len %d", c.len())
	}
}
