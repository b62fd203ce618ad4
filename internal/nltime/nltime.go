// Package nltime gives the time zone Weerbaar's people live in. Dates are
// typed, shown and counted in working days in Dutch time, whatever zone the
// server runs in; the binary embeds the tz database (cmd/weerbaar), so the
// zone is there even on a host without one.
package nltime

import (
	"sync"
	"time"
	_ "time/tzdata" // the zone is there also where the host has no tz database
)

// Location is Europe/Amsterdam, read once.
var Location = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		return time.FixedZone("CET", 3600) // no tz database at all: standard time
	}
	return loc
})
