package app

import (
	"context"
	"time"
)

// housekeepingEvery is how often ended sessions, expired login challenges
// and old login failures are removed. Several servers may run it at once:
// the deletes are idempotent.
const housekeepingEvery = 10 * time.Minute

// housekeeping runs until ctx ends.
func (a *App) housekeeping(ctx context.Context) {
	if a.Auth == nil { // an App made for a test of the HTTP layer alone
		return
	}
	t := time.NewTicker(housekeepingEvery)
	defer t.Stop()
	for {
		a.tidy(ctx)
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

func (a *App) tidy(ctx context.Context) {
	if err := a.Auth.Prune(ctx); err != nil && ctx.Err() == nil {
		a.Log.Warn("opruimen van sessies mislukt", "err", err)
	}
}
