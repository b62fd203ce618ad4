package aangifte

import (
	"strings"
	"testing"
	"time"

	"weerbaar/internal/incident"
)

var testNow = time.Date(2026, 11, 23, 9, 30, 0, 0, time.UTC)

// homeAddress is what a reporter typed as the place of an incident at
// home; it must never reach the sheet.
const homeAddress = "Voorbeeldstraat 12, 3511 AB Utrecht"

func testIncident() *incident.Incident {
	return &incident.Incident{
		ID:          42,
		OrgID:       7,
		Status:      incident.StatusNew,
		Mode:        incident.ModeSelf,
		VictimRole:  incident.RoleWethouder,
		OccurredAt:  time.Date(2026, 11, 21, 19, 15, 0, 0, time.UTC),
		SubmittedAt: time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC),
		Place:       incident.Place{Kind: incident.PlaceHome, Detail: homeAddress},
		Description: "Een man belde aan en zei dat hij terug zou komen als het besluit over het azc doorging.",
		Kinds:       []incident.Kind{incident.KindThreat, incident.KindBribery},
		HomeFront:   incident.HomeFront{Partner: true, Children: true},
		Perpetrator: incident.Perpetrator{Kind: incident.PerpetratorKnown, Description: "Man, ongeveer 40, donkere jas, bekend van de raadsvergadering"},
		Witnesses:   "Buurvrouw (demo), zag de man weglopen",
		Impact:      incident.Impact{Personal: "Slaapt slecht, kinderen bang.", InfluencesDecisions: true, FeelsUnsafe: true},
	}
}

func testInput() Input {
	return Input{
		Incident:     testIncident(),
		Organisation: "Gemeente Voorbeeld",
		OrgAddress:   []string{"Postbus 100", "1000 AA Voorbeeld"},
		Files: []incident.AttachmentInfo{
			{ID: 1, Filename: "dreigbrief.jpg", ContentType: incident.TypeJPEG, Size: 1572864, CreatedAt: testNow},
			{ID: 2, Filename: "bericht.eml", ContentType: incident.TypeEmail, Size: 2048, CreatedAt: testNow},
		},
		Now: testNow,
	}
}

func TestSheetFollowsTheSevenWsOfThePoliceInformationForm(t *testing.T) {
	s := Build(testInput())
	var keys, headings []string
	for _, sec := range s.Sections {
		keys = append(keys, sec.Key)
		headings = append(headings, sec.Heading)
	}
	want := "wie wat waar waarmee wijze wanneer waarom verdachten getuigen schade bewijs politie"
	if strings.Join(keys, " ") != want {
		t.Fatalf("sections %v, want %s", keys, want)
	}
	if got := strings.Join(headings[:7], "|"); got != "Wie?|Wat?|Waar?|Waarmee?|Op welke wijze?|Wanneer?|Waarom?" {
		t.Fatalf("W headings: %s", got)
	}
	if !strings.Contains(s.VPT.Text, "label VPT") || !strings.Contains(s.VPT.Text, "ELA") {
		t.Fatalf("VPT request missing: %q", s.VPT.Text)
	}
	all := sheetText(s)
	for _, want := range []string{
		"wethouder", "Gemeente Voorbeeld", "bedreiging", "poging tot omkoping", "intimidatie",
		"zaterdag 21 november 2026, 20:15", // 19:15 UTC is 20:15 in the Netherlands
		"donkere jas", "Buurvrouw (demo)", "Slaapt slecht", "ja: partner, kinderen",
		"dreigbrief.jpg", "foto (JPEG), 1,5 MB", "bericht.eml", "2 kB",
		"Nog geen melding of aangifte vastgelegd",
		"werkgever", "getuige", "onder nummer", "Slachtofferloket", "Schadefonds",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
}

func TestSheetNeverHoldsTheHomeAddress(t *testing.T) {
	s := Build(testInput())
	if strings.Contains(sheetText(s), "Voorbeeldstraat") {
		t.Fatal("the home address is on the sheet")
	}
	if s.Address.Choice != incident.AddressOrganisation || !strings.Contains(strings.Join(s.Address.Lines, "\n"), "Postbus 100") {
		t.Fatalf("address block: %+v", s.Address)
	}
	if !strings.Contains(sheetText(s), "bewust niet in dit document") {
		t.Fatal("the sheet does not say why the address is missing")
	}
	// At work, the place detail is the workplace and is printed.
	in := testInput()
	in.Incident.Place = incident.Place{Kind: incident.PlaceWork, Detail: "Raadszaal, stadhuis"}
	if !strings.Contains(sheetText(Build(in)), "Raadszaal, stadhuis") {
		t.Fatal("workplace detail missing")
	}
}

func TestSheetUsesTheChosenDomicileOrTheOrganisationsAddress(t *testing.T) {
	in := testInput()
	in.Domicile = []string{"Advocatenkantoor (demo)", "Postbus 200", "2000 BB Voorbeeld"}
	s := Build(in)
	if s.Address.Choice != incident.AddressDomicile || !strings.Contains(strings.Join(s.Address.Lines, " "), "Advocatenkantoor") {
		t.Fatalf("domicile not used: %+v", s.Address)
	}
	// When the recorded aangifte used the organisation's address, the
	// sheet says the same.
	in.Incident.Aangiftes = []incident.Aangifte{{Type: incident.ReportAangifte, FiledBy: incident.FiledByEmployer,
		VPTAsked: true, VPTApplied: incident.Yes, Address: incident.AddressOrganisation, UnderNumber: true,
		FiledOn: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), PoliceUnit: "Midden-Nederland",
		PVNumber: "PL0900-2026112301", PVPlace: "Utrecht"}}
	s = Build(in)
	if s.Address.Choice != incident.AddressOrganisation {
		t.Fatalf("address %s, want the organisation's as recorded", s.Address.Choice)
	}
	all := sheetText(s)
	for _, want := range []string{"de werkgever (slachtoffer is getuige)", "PL0900-2026112301", "Utrecht", "Midden-Nederland", "23 november 2026"} {
		if !strings.Contains(all, want) {
			t.Errorf("police record lacks %q", want)
		}
	}
}

func TestEveryChoiceHasADutchLabel(t *testing.T) {
	for _, k := range incident.Kinds() {
		if _, ok := kindLabels[k]; !ok {
			t.Errorf("kind %s has no label", k)
		}
	}
	for _, r := range incident.VictimRoles {
		if _, ok := roleLabels[r]; !ok {
			t.Errorf("role %s has no label", r)
		}
	}
	for _, p := range incident.PlaceKinds {
		if _, ok := placeLabels[p]; !ok {
			t.Errorf("place %s has no label", p)
		}
	}
	for _, p := range incident.PerpetratorKinds {
		if _, ok := perpetratorLabels[p]; !ok {
			t.Errorf("perpetrator %s has no label", p)
		}
	}
	for _, c := range incident.VPTCategories {
		if _, ok := vptLabels[c]; !ok {
			t.Errorf("VPT category %s has no label", c)
		}
	}
}

// sheetText is every text of the sheet, for searching.
func sheetText(s *Sheet) string {
	var b strings.Builder
	add := func(xs ...string) {
		for _, x := range xs {
			b.WriteString(x)
			b.WriteByte('\n')
		}
	}
	add(s.Title, s.Reference, s.Generated, s.VPT.Heading, s.VPT.Text, s.Address.Heading, s.Address.Note)
	add(s.Address.Lines...)
	for _, sec := range s.Sections {
		add(sec.Heading)
		for _, f := range sec.Fields {
			add(f.Label, f.Value)
		}
	}
	for _, n := range s.Guidance {
		add(n.Heading, n.Text)
	}
	return b.String()
}
