package incident

import "time"

// FollowUpKind is one kind of follow-up the coördinator records.
type FollowUpKind string

const (
	FollowTalk            FollowUpKind = "gesprek_gevoerd"
	FollowAangifte        FollowUpKind = "aangifte_gedaan"
	FollowPoliceReport    FollowUpKind = "melding_politie"
	FollowEmployerFiled   FollowUpKind = "werkgever_aangifte" // employer filed on the victim's behalf
	FollowMeasure         FollowUpKind = "maatregel"
	FollowReaction        FollowUpKind = "reactie_dader" // VPT: within 48 hours
	FollowAftercare       FollowUpKind = "nazorg_aangeboden"
	FollowReferredSupport FollowUpKind = "doorverwezen_ondersteuningsteam"
	FollowClosed          FollowUpKind = "afgesloten"
	FollowReopened        FollowUpKind = "heropend"
	FollowNote            FollowUpKind = "notitie"
)

// FollowUpKinds lists every follow-up kind in form order.
var FollowUpKinds = []FollowUpKind{FollowTalk, FollowAangifte, FollowPoliceReport,
	FollowEmployerFiled, FollowMeasure, FollowReaction, FollowAftercare, FollowReferredSupport,
	FollowClosed, FollowReopened, FollowNote}

// ReactionForm is how the employer reacted toward the perpetrator.
type ReactionForm string

const (
	ReactionLetter       ReactionForm = "brief"
	ReactionConversation ReactionForm = "gesprek"
	ReactionBan          ReactionForm = "verbod" // e.g. a ban from the town hall
)

// ReactionForms lists every reaction form.
var ReactionForms = []ReactionForm{ReactionLetter, ReactionConversation, ReactionBan}

// FollowUp is one append-only follow-up entry; never edited.
type FollowUp struct {
	ID           int64
	IncidentID   int64
	Kind         FollowUpKind
	ReactionForm ReactionForm // only for FollowReaction
	DoneAt       time.Time    // when it happened
	ActorID      int64        // who recorded it
	RecordedAt   time.Time
	Note         string // sealed
}
