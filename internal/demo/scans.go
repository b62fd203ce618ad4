package demo

import (
	"context"
	"fmt"

	"weerbaar/internal/auth"
	"weerbaar/internal/scan"
)

// demoTake is one scan a demo person took: their answers (questions not
// named get the first answer) and the page they stopped at (0: finished).
type demoTake struct {
	email, scan string
	answers     scan.Answers
	stopAt      int
}

var demoTakes = []demoTake{
	// A wethouder whose house needed work, and a second take after the
	// Veilig Wonen advice, so the result shows what changed.
	{"wethouder@utrecht.example.org", "woningscan", scan.Answers{"sloten-skg": "nee", "achterom": "deels",
		"buitenlicht": "nee", "brp-afscherming": "nee", "post-werk": "nee", "alarm": "nee", "camera": "nee",
		"partner-betrokken": "deels", "afspraken": "nee"}, 0},
	{"wethouder@utrecht.example.org", "woningscan", scan.Answers{"sloten-skg": "ja", "achterom": "ja",
		"buitenlicht": "deels", "brp-afscherming": "deels", "post-werk": "deels", "alarm": "nee", "camera": "ja",
		"partner-betrokken": "ja", "afspraken": "deels"}, 0},
	// A council member halfway through the personal safety scan.
	{"raadslid@utrecht.example.org", "persoonlijke-veiligheid", scan.Answers{"adres-vindbaar": "ja",
		"zoek-jezelf": "nee", "wachtwoorden": "deels", "vaste-tijden": "soms"}, 3},
	// The griffier's resilience scan for the municipality.
	{"griffier@utrecht.example.org", "weerbaarheidsscan-organisatie", scan.Answers{"reisdocumenten": "deels",
		"inkoop": "nee", "subsidies": "deels", "gegevens-toegang": "nee", "polarisatie": "deels",
		"protocol-bekend": "deels", "registratie": "deels", "terugkoppeling": "nee"}, 0},
}

// loadScans takes the demo scans through the service, as a person would.
func loadScans(ctx context.Context, d Deps, who map[string]*auth.Principal) error {
	if d.Scans == nil {
		return nil
	}
	for _, take := range demoTakes {
		p := who[take.email]
		id, err := d.Scans.Start(ctx, p, take.scan)
		if err != nil {
			return fmt.Errorf("demo: scan %s: %w", take.scan, err)
		}
		def := d.Scans.Library().Get(take.scan)
		page := 1
		for page > 0 && page != take.stopAt {
			given := scan.Answers{}
			for _, q := range def.Pages[page-1].Questions {
				given[q.Key] = q.Answers[0].Key
				if a, ok := take.answers[q.Key]; ok {
					given[q.Key] = a
				}
			}
			r, err := d.Scans.SavePage(ctx, p, id, page, given, scan.StepNext)
			if err != nil {
				return fmt.Errorf("demo: scan %s page %d: %w", take.scan, page, err)
			}
			if r.Status == scan.StatusDone {
				break
			}
			page = r.Page
		}
	}
	return nil
}
