package org

import "testing"

func TestDisplayNameTellsAGemeenteFromTheProvincieOfTheSameName(t *testing.T) {
	for _, tc := range []struct {
		o    Organisation
		want string
	}{
		{Organisation{Code: "GM0344", Name: "Utrecht", Kind: Gemeente}, "Gemeente Utrecht"},
		{Organisation{Code: "PV26", Name: "Utrecht", Kind: Provincie}, "Provincie Utrecht"},
		{Organisation{Code: "GM0518", Name: "'s-Gravenhage", Kind: Gemeente}, "Gemeente 's-Gravenhage"},
		{Organisation{Code: "WS0152", Name: "Waterschap Rijn en IJssel", Kind: Waterschap}, "Waterschap Rijn en IJssel"},
		{Organisation{Code: "BZK", Name: "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", Kind: Rijk}, "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"},
		{Organisation{Code: "OTWB", Name: "Ondersteuningsteam Weerbaar Bestuur", Kind: Netwerk}, "Ondersteuningsteam Weerbaar Bestuur"},
		{Organisation{Code: "PV99", Name: "Provincie Voorbeeld", Kind: Provincie}, "Provincie Voorbeeld"},
	} {
		if got := tc.o.DisplayName(); got != tc.want {
			t.Errorf("%s: DisplayName() = %q, want %q", tc.o.Code, got, tc.want)
		}
		if got := DisplayName(KindOfCode(tc.o.Code), tc.o.Name); got != tc.want {
			t.Errorf("%s: by code = %q, want %q", tc.o.Code, got, tc.want)
		}
	}
}
