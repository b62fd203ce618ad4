package aangifte

import (
	"strings"
	"testing"
	"time"

	"weerbaar/internal/incident"
)

// recorded is a police report as incident.Service.Get returns it.
func recorded(choice incident.AddressChoice, domicile string) incident.Aangifte {
	return incident.Aangifte{Type: incident.ReportAangifte, FiledBy: incident.FiledByVictim,
		VPTApplied: incident.Unknown, Address: choice, Domicile: domicile,
		FiledOn: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
}

func TestAddressBlockFollowsTheRecordedChoice(t *testing.T) {
	const domicile = "Advocatenkantoor (demo)\n  Postbus 200\n\n2000 BB Voorbeeld "
	tests := []struct {
		name       string
		orgAddress []string
		aangiftes  []incident.Aangifte
		choice     incident.AddressChoice
		want       []string
		wantNot    []string
	}{
		{"organisation's postal address", Lines("Postbus 100\n1000 AA Voorbeeld"), nil,
			incident.AddressOrganisation, []string{"Gemeente Voorbeeld", "Postbus 100", "1000 AA Voorbeeld"}, []string{"______"}},
		{"organisation without a postal address", nil, nil,
			incident.AddressOrganisation, []string{OrgAddressBlank, OrgAddressBlankHelp}, nil},
		{"recorded domicile", Lines("Postbus 100"), []incident.Aangifte{recorded(incident.AddressDomicile, domicile)},
			incident.AddressDomicile, []string{"gekozen domicilie:", "Advocatenkantoor (demo)", "Postbus 200", "2000 BB Voorbeeld"},
			[]string{"Postbus 100", "______"}},
		{"domicile recorded without an address", Lines("Postbus 100"), []incident.Aangifte{recorded(incident.AddressDomicile, "")},
			incident.AddressDomicile, []string{DomicileBlank, DomicileBlankHelp}, []string{"Postbus 100"}},
		{"newest record counts", Lines("Postbus 100"), []incident.Aangifte{
			recorded(incident.AddressDomicile, domicile), recorded(incident.AddressOrganisation, "")},
			incident.AddressOrganisation, []string{"Postbus 100"}, []string{"Advocatenkantoor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := testInput()
			in.OrgAddress, in.Incident.Aangiftes = tt.orgAddress, tt.aangiftes
			s := Build(in)
			lines := strings.Join(s.Address.Lines, "\n")
			if s.Address.Choice != tt.choice {
				t.Errorf("choice %s, want %s", s.Address.Choice, tt.choice)
			}
			for _, w := range tt.want {
				if !strings.Contains(lines, w) {
					t.Errorf("address block lacks %q:\n%s", w, lines)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(lines, w) {
					t.Errorf("address block holds %q:\n%s", w, lines)
				}
			}
			// The incident happened at home; its place detail is the home
			// address, which must appear nowhere, not in the PDF either.
			if strings.Contains(sheetText(s), "Voorbeeldstraat") {
				t.Error("the home address is on the sheet")
			}
			doc := renderUncompressed(t, s)
			text := pdfText(t, doc)
			if strings.Contains(text, "Voorbeeldstraat") {
				t.Error("the home address is in the PDF")
			}
			for _, w := range tt.want {
				if !strings.Contains(text, oneLineOf(w)) {
					t.Errorf("PDF lacks %q", w)
				}
			}
		})
	}
}

func TestLinesDropsEmptyLinesAndSpace(t *testing.T) {
	got := strings.Join(Lines(" Postbus 100 \r\n\n 1000 AA Voorbeeld\n"), "|")
	if got != "Postbus 100|1000 AA Voorbeeld" {
		t.Fatalf("lines %q", got)
	}
}
