// Package aangifte prepares an aangifte (police report): everything the
// police need, ordered by the seven W questions of the police information
// form (PIF: wie, wat, waar, waarmee, op welke wijze, wanneer, waarom),
// then suspects, witnesses, damage and evidence; marked as an incident
// against a person with a public task (VPT) so the national agreements of
// police and prosecution (ELA) apply; with an address block that uses the
// organisation's address or a chosen domicile and never the home address,
// because the suspect can read the file.
//
// Build makes a Sheet, a plain value; WritePDF prints it, and the web's
// printable page renders the same Sheet, so both say the same.
package aangifte

import (
	"fmt"
	"strings"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
)

// Sheet is the prepared aangifte. Every text is final (Dutch); templates
// only range over it.
type Sheet struct {
	Title     string
	Reference string // e.g. "Weerbaar-melding 42"
	Generated string // date and time the sheet was made
	VPT       Notice
	Address   Address
	// Sections are the seven W's in PIF order, then suspects, witnesses,
	// damage and evidence, then the police report as recorded (if any).
	Sections []Section
	Guidance []Notice // employer filing, onder nummer, timing
}

// Section is one heading with its answers.
type Section struct {
	Key     string // stable id: wie, wat, waar, waarmee, wijze, wanneer, waarom, verdachten, getuigen, schade, bewijs, politie
	Heading string
	Fields  []Field
}

// Field is one labelled answer; Value may span lines.
type Field struct {
	Label string
	Value string
}

// Notice is a heading with an explanation.
type Notice struct {
	Heading string
	Text    string
}

// Address is the address the aangifte uses: the organisation's, or a
// domicile the reporter chose. There is no way to put a home address here.
type Address struct {
	Heading string
	Choice  incident.AddressChoice // organisation or domicile, never home
	Lines   []string
	Note    string
}

// Input is what Build needs. It holds nothing that could carry the home
// address: the organisation's address and a domicile only.
type Input struct {
	// Incident as incident.Service.Get returns it (with its aangifte
	// records), sealed fields opened.
	Incident *incident.Incident
	// Files are the incident's evidence files (incident.Service.Attachments).
	Files []incident.AttachmentInfo
	// Organisation is the name of the incident's organisation.
	Organisation string
	// OrgAddress is the organisation's postal address, one line each
	// (incident.Service.OrgPostalAddress, split with Lines).
	OrgAddress []string
	// Domicile is an address the reporter chose instead (e.g. a lawyer's
	// office), used when no police report is recorded yet; once one is,
	// its own choice and domicile count.
	Domicile []string
	// Now is when the sheet is made; Location is where times are shown
	// (default Europe/Amsterdam).
	Now      time.Time
	Location *time.Location
}

// Build prepares the sheet for in.Incident.
func Build(in Input) *Sheet {
	loc := in.Location
	if loc == nil {
		loc = nltime.Location()
	}
	inc := in.Incident
	b := builder{inc: inc, in: in, loc: loc}
	return &Sheet{
		Title:     Title,
		Reference: fmt.Sprintf("Weerbaar-melding %d", inc.ID),
		Generated: b.dateTime(in.Now),
		VPT:       Notice{Heading: VPTHeading, Text: VPTText},
		Address:   b.address(),
		Sections: []Section{
			b.who(), b.what(), b.where(), b.withWhat(), b.how(), b.when(), b.why(),
			b.suspects(), b.witnesses(), b.damage(), b.evidence(), b.policeRecord(),
		},
		Guidance: []Notice{
			{EmployerHeading, EmployerText},
			{UnderNumberHeading, UnderNumberText},
			{TimingHeading, TimingText},
		},
	}
}

type builder struct {
	inc *incident.Incident
	in  Input
	loc *time.Location
}

// latest is the newest recorded police report, or nil.
func (b builder) latest() *incident.Aangifte {
	if n := len(b.inc.Aangiftes); n > 0 {
		return &b.inc.Aangiftes[n-1]
	}
	return nil
}

// address fills the address block: the chosen domicile when the newest
// record chose it (or, before any record, when one is given), else the
// organisation's postal address; a line to fill in when that is unknown.
func (b builder) address() Address {
	a := Address{Heading: HeadingAddress, Note: AddressHeadingNote, Choice: incident.AddressOrganisation}
	rec := b.latest()
	domicile := b.in.Domicile
	if rec != nil && rec.Domicile != "" {
		domicile = Lines(rec.Domicile)
	}
	chosen := rec != nil && rec.Address == incident.AddressDomicile
	if chosen || (rec == nil && len(domicile) > 0) {
		a.Choice = incident.AddressDomicile
		a.Lines = []string{label(addressLabels, a.Choice) + ":"}
		if len(domicile) == 0 {
			domicile = []string{DomicileBlank, DomicileBlankHelp}
		}
		a.Lines = append(a.Lines, domicile...)
		return a
	}
	a.Lines = []string{label(addressLabels, a.Choice) + ":", nonEmpty(b.in.Organisation)}
	if len(b.in.OrgAddress) > 0 {
		a.Lines = append(a.Lines, b.in.OrgAddress...)
	} else {
		a.Lines = append(a.Lines, OrgAddressBlank, OrgAddressBlankHelp)
	}
	return a
}

// Lines splits an address as typed into its non-empty lines.
func Lines(address string) []string {
	var out []string
	for _, l := range strings.Split(address, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
