package incident

import "time"

// Aangifte is the police report as the ELA/VPT agreements need it
// registered. A correction is recorded as a new one; the newest counts.
type Aangifte struct {
	ID         int64
	IncidentID int64
	Type       ReportType // melding or aangifte
	FiledBy    FiledBy    // victim, or employer (the victim then a witness)
	VPTAsked   bool       // the VPT label was asked for
	VPTApplied Answer     // the police applied the VPT label
	// Address is the address the report uses: the organisation's address
	// or a chosen domicile; never the home address, because the suspect
	// can read the file.
	Address     AddressChoice
	UnderNumber bool      // filed "onder nummer" through the OM victim desk
	FiledOn     time.Time // date (day precision)
	PoliceUnit  string
	PVNumber    string // proces-verbaal number, sealed
	PVPlace     string // place of the aangifte, sealed
	ActorID     int64
	RecordedAt  time.Time
}

// ReportType is a melding (registered, counts for repeat offenders) or a
// full aangifte.
type ReportType string

const (
	ReportMelding  ReportType = "melding"
	ReportAangifte ReportType = "aangifte"
)

// FiledBy is who filed the report.
type FiledBy string

const (
	FiledByVictim   FiledBy = "victim"
	FiledByEmployer FiledBy = "employer"
)

// Answer is yes, no or not known (yet).
type Answer string

const (
	Yes     Answer = "yes"
	No      Answer = "no"
	Unknown Answer = "unknown"
)

// AddressChoice is the address the aangifte uses.
type AddressChoice string

const (
	AddressOrganisation AddressChoice = "organisation"
	AddressDomicile     AddressChoice = "domicile"
	// AddressHome exists only so the form can offer it and be refused with
	// a clear message ("home_address_refused").
	AddressHome AddressChoice = "home"
)
