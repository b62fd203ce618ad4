package incident

import "time"

// Status is where an incident is in its handling. The allowed changes are
// in status.go.
type Status string

const (
	StatusDraft      Status = "concept"        // saved by the reporter, not yet submitted
	StatusNew        Status = "nieuw"          // submitted, nobody acted yet
	StatusInProgress Status = "in_behandeling" // the coördinator is following it up
	StatusClosed     Status = "afgesloten"
	StatusReopened   Status = "heropend" // reopened after closing; goes back to in_behandeling
)

// Mode says who reported: the victim, someone on their behalf, a witness,
// or an anonymous person without an account.
type Mode string

const (
	ModeSelf      Mode = "self"
	ModeOnBehalf  Mode = "on_behalf" // a manager, griffier or secretary for the victim
	ModeWitness   Mode = "witness"   // a colleague saw it; the target is named by role and organisation only
	ModeAnonymous Mode = "anonymous" // no account; followed with a receipt code (anonymous.go)
)

// VictimRole is the office or job of the person the incident was aimed at.
type VictimRole string

const (
	RoleBurgemeester  VictimRole = "burgemeester"
	RoleWethouder     VictimRole = "wethouder"
	RoleRaadslid      VictimRole = "raadslid"
	RoleStatenlid     VictimRole = "statenlid"
	RoleGedeputeerde  VictimRole = "gedeputeerde"
	RoleCdK           VictimRole = "cdk"
	RoleDijkgraaf     VictimRole = "dijkgraaf"
	RoleWaterschap    VictimRole = "waterschapsbestuurder"
	RoleAmbtenaar     VictimRole = "ambtenaar"
	RoleGriffier      VictimRole = "griffier"
	RoleSecretaris    VictimRole = "secretaris"
	RoleOtherFunction VictimRole = "anders"
)

// VictimRoles lists every role in the order the form shows them.
var VictimRoles = []VictimRole{RoleBurgemeester, RoleWethouder, RoleRaadslid, RoleStatenlid,
	RoleGedeputeerde, RoleCdK, RoleDijkgraaf, RoleWaterschap, RoleAmbtenaar, RoleGriffier,
	RoleSecretaris, RoleOtherFunction}

// PlaceKind is where it happened: a physical kind of place, or online.
type PlaceKind string

const (
	PlaceWork   PlaceKind = "werk"
	PlaceHome   PlaceKind = "thuis"
	PlacePublic PlaceKind = "openbare_ruimte"
	PlaceOther  PlaceKind = "elders"
	PlaceOnline PlaceKind = "online"
)

// PlaceKinds lists every place kind in form order.
var PlaceKinds = []PlaceKind{PlaceWork, PlaceHome, PlacePublic, PlaceOther, PlaceOnline}

// PerpetratorKind is who did it, as far as the reporter knows.
type PerpetratorKind string

const (
	PerpetratorUnknownCitizen PerpetratorKind = "burger_onbekend"
	PerpetratorKnown          PerpetratorKind = "bekende"
	PerpetratorGroup          PerpetratorKind = "groep"
	PerpetratorCriminal       PerpetratorKind = "crimineel"
	PerpetratorAnonymous      PerpetratorKind = "anoniem_online"
	PerpetratorOther          PerpetratorKind = "anders"
)

// PerpetratorKinds lists every perpetrator kind in form order.
var PerpetratorKinds = []PerpetratorKind{PerpetratorUnknownCitizen, PerpetratorKnown,
	PerpetratorGroup, PerpetratorCriminal, PerpetratorAnonymous, PerpetratorOther}

// Place is where it happened. Detail and Link are sensitive (sealed);
// Kind and Platform are clear so figures can count them.
type Place struct {
	Kind     PlaceKind
	Detail   string // optional place description, sealed
	Platform string // online: e.g. "X", "Facebook", "WhatsApp"
	Link     string // online: link to the message or post, sealed
}

// HomeFront records whether people at home were affected.
type HomeFront struct {
	Partner  bool
	Children bool
	Others   bool
}

// Perpetrator is who did it. Description is sealed.
type Perpetrator struct {
	Kind        PerpetratorKind
	Description string
}

// Impact is what the incident did. Personal is sealed.
type Impact struct {
	Personal            string // on the person, in their words
	InfluencesDecisions bool   // it influences their decisions in office
	FeelsUnsafe         bool   // they feel unsafe now
}

// Incident is one melding. Fields marked sealed are encrypted at rest with
// the incident's own vault key; the others are stored in clear columns.
type Incident struct {
	ID         int64
	OrgID      int64 // organisation of the person it was aimed at
	Status     Status
	Mode       Mode
	ReporterID int64 // account that reported it; 0 when anonymous
	KeyID      int64 // vault key of this incident

	// Victim is who it was aimed at. VictimDescription (sealed) is filled
	// only when reporting on someone's behalf; a witness names role and
	// organisation only, so the target is not identified without consent.
	VictimRole        VictimRole
	VictimDescription string

	OccurredAt  time.Time
	Place       Place
	Description string // what happened, sealed
	Kinds       []Kind
	HomeFront   HomeFront
	Perpetrator Perpetrator
	Witnesses   string // sealed
	Impact      Impact

	ReportedToEmployer bool
	ReportedToPolice   bool
	PoliceReference    string // sealed
	WantsAangifte      bool   // the reporter wants to file an aangifte (drives the reminder)
	WantsSupport       bool
	SupportRequest     string // what support they want, sealed
	// InDanger: the reporter is in danger now. The edge tells them to call
	// 112 before anything else; the service records it.
	InDanger bool

	// ReferredToSupport is set by the follow-up "doorverwezen naar
	// ondersteuningsteam"; only then may the support team read it.
	ReferredToSupport bool

	CreatedAt   time.Time
	UpdatedAt   time.Time
	SubmittedAt time.Time // zero while a draft
	ClosedAt    time.Time // zero unless closed

	Deadlines Deadlines

	// Filled by Get only (not by lists).
	History      []StatusChange
	FollowUps    []FollowUp
	Aangiftes    []Aangifte // newest last; the newest counts
	Chain        []ChainStep
	Satisfaction []SatisfactionAnswer
}

// StatusChange is one row of the append-only status history.
type StatusChange struct {
	From    Status
	To      Status
	ActorID int64
	At      time.Time
}

// Summary is what lists show: clear columns only, nothing decrypted.
type Summary struct {
	ID          int64
	OrgID       int64
	Status      Status
	Mode        Mode
	VictimRole  VictimRole
	Kinds       []Kind
	PlaceKind   PlaceKind
	Platform    string
	OccurredAt  time.Time
	SubmittedAt time.Time
	InDanger    bool
	FeelsUnsafe bool
	// Aangifte is true when an aangifte or melding to the police is known
	// (reported at intake or recorded since).
	Aangifte  bool
	Deadlines Deadlines
}

// Overdue reports whether the incident has a deadline past due and unmet
// at now; closed incidents have none.
func (s Summary) Overdue(now time.Time) bool {
	return s.Status != StatusClosed && s.Status != StatusDraft && s.Deadlines.Overdue(now)
}

// Overdue reports whether the incident has a deadline past due and unmet
// at now; closed incidents and drafts have none.
func (inc *Incident) Overdue(now time.Time) bool {
	return inc.Status != StatusClosed && inc.Status != StatusDraft && inc.Deadlines.Overdue(now)
}
