package incident

import "time"

// Deadline is one promise with a due time. Zero Due: the deadline does not
// apply to this incident.
type Deadline struct {
	Due  time.Time
	Done time.Time // when it was met; zero while open
}

// Deadlines are the promises an incident carries once submitted.
type Deadlines struct {
	FirstContact Deadline // contact with the reporter within N working days
	Reaction     Deadline // reaction toward the perpetrator within 48 hours (VPT)
	Aangifte     Deadline // reminder: no aangifte 2 working days after the incident
}
