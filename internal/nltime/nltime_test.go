package nltime

import (
	"testing"
	"time"
)

// Summer and winter time both come out right: a user typing 14:00 on a
// July day means 12:00 UTC, in January 13:00 UTC.
func TestLocationKnowsDutchSummerAndWinterTime(t *testing.T) {
	july := time.Date(2026, 7, 1, 14, 0, 0, 0, Location())
	jan := time.Date(2026, 1, 15, 14, 0, 0, 0, Location())
	if july.UTC().Hour() != 12 || jan.UTC().Hour() != 13 {
		t.Fatalf("July 14:00 = %v UTC, January 14:00 = %v UTC", july.UTC(), jan.UTC())
	}
}
