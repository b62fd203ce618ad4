package incident

import "time"

// ChainStepKind is a step in the criminal chain (strafrechtketen).
type ChainStepKind string

const (
	ChainAangifte  ChainStepKind = "aangifte"
	ChainDecision  ChainStepKind = "beslissing_om" // outcome: seponering, dagvaarding, strafbeschikking, ...
	ChainHearing   ChainStepKind = "zitting"
	ChainVerdict   ChainStepKind = "uitspraak"
	ChainMeasure   ChainStepKind = "maatregel" // outcome: contactverbod, gebiedsverbod, ...
)

// ChainSteps lists every step kind in the order of the chain.
var ChainSteps = []ChainStepKind{ChainAangifte, ChainDecision, ChainHearing, ChainVerdict, ChainMeasure}

// ChainStep is one dated step on the timeline the reporter sees.
type ChainStep struct {
	ID         int64
	IncidentID int64
	Step       ChainStepKind
	Outcome    string    // short clear code or text, e.g. "seponering", "contactverbod"
	On         time.Time // date of the step
	Note       string    // sealed
	ActorID    int64
	RecordedAt time.Time
}
