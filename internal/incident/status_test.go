package incident

import (
	"fmt"
	"testing"
)

// TestStatusTransitions checks every pair of statuses, refused ones too.
func TestStatusTransitions(t *testing.T) {
	allowed := map[string]bool{
		"concept>nieuw":             true,
		"nieuw>in_behandeling":      true,
		"nieuw>afgesloten":          true,
		"in_behandeling>afgesloten": true,
		"afgesloten>heropend":       true,
		"heropend>in_behandeling":   true,
		"heropend>afgesloten":       true,
	}
	for _, from := range Statuses {
		for _, to := range Statuses {
			key := fmt.Sprintf("%s>%s", from, to)
			if got := from.CanBecome(to); got != allowed[key] {
				t.Errorf("%s: CanBecome = %v, want %v", key, got, allowed[key])
			}
		}
	}
	if Status("gearchiveerd").CanBecome(StatusNew) || StatusNew.CanBecome("gearchiveerd") {
		t.Error("unknown statuses must be refused")
	}
}
