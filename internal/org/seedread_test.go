package org

import (
	"fmt"
	"io/fs"
)

// readSeeds reads every CSV file in the order the rows must be inserted:
// provincies before the gemeenten that refer to them.
func readSeeds(data fs.FS) ([]seedRow, []seedMember, error) {
	var orgs []seedRow
	add := func(file, kind, source string, header ...string) error {
		recs, err := readCSV(data, file, header...)
		for _, r := range recs {
			orgs = append(orgs, seedRow{code: r["code"], name: r["naam"], kind: kind,
				province: r["provincie_code"], validFrom: dataFrom2025, source: source})
		}
		return err
	}
	if err := add("provincies.csv", string(Provincie), srcProvincies, "code", "naam"); err != nil {
		return nil, nil, err
	}
	if err := add("gemeenten-2025.csv", string(Gemeente), srcGemeenten, "code", "naam", "provincie_code"); err != nil {
		return nil, nil, err
	}
	if err := add("waterschappen.csv", string(Waterschap), srcWaterschappen, "code", "naam"); err != nil {
		return nil, nil, err
	}
	if err := add("rijk-2025.csv", string(Rijk), srcRijk, "code", "naam"); err != nil {
		return nil, nil, err
	}
	partners, err := readCSV(data, "partners.csv", "code", "naam", "belang", "bron")
	if err != nil {
		return nil, nil, err
	}
	var members []seedMember
	known := codes(orgs)
	for _, p := range partners {
		if existing, ok := known[p["code"]]; ok {
			if existing.name != p["naam"] {
				return nil, nil, fmt.Errorf("partners.csv %s: name %q differs from %q", p["code"], p["naam"], existing.name)
			}
		} else {
			orgs = append(orgs, seedRow{code: p["code"], name: p["naam"], kind: string(Partner),
				validFrom: declarationDate, source: p["bron"]})
		}
		members = append(members, seedMember{code: p["code"], interest: p["belang"], source: p["bron"]})
	}
	bodies, err := readCSV(data, "netwerk.csv", "code", "naam", "geldig_vanaf", "bron")
	for _, r := range bodies {
		orgs = append(orgs, seedRow{code: r["code"], name: r["naam"], kind: string(Netwerk),
			validFrom: r["geldig_vanaf"], source: r["bron"]})
	}
	return orgs, members, err
}

func codes(orgs []seedRow) map[string]seedRow {
	m := make(map[string]seedRow, len(orgs))
	for _, o := range orgs {
		m[o.code] = o
	}
	return m
}

// checkSeeds refuses data the migration would load wrongly: duplicate
// codes, a gemeente without an existing provincie, an unknown kind.
func checkSeeds(orgs []seedRow, members []seedMember) error {
	seen := map[string]seedRow{}
	for _, o := range orgs {
		if _, dup := seen[o.code]; dup {
			return fmt.Errorf("code %s occurs twice", o.code)
		}
		if !Kind(o.kind).Valid() {
			return fmt.Errorf("%s: unknown kind %q", o.code, o.kind)
		}
		if o.kind == string(Gemeente) && seen[o.province].kind != string(Provincie) {
			return fmt.Errorf("gemeente %s %s: provincie %q not loaded before it", o.code, o.name, o.province)
		}
		if o.kind != string(Gemeente) && o.province != "" {
			return fmt.Errorf("%s: only gemeenten have a provincie", o.code)
		}
		seen[o.code] = o
	}
	for _, m := range members {
		if _, ok := seen[m.code]; !ok {
			return fmt.Errorf("partner %s: no organisation with that code", m.code)
		}
	}
	return nil
}
