package incident

// transitions is every allowed status change; anything not listed is
// refused. A draft is submitted once; handling starts with the first
// follow-up; an incident can be closed from nieuw (nothing to do) or in
// behandeling; a closed one can be reopened (by the coördinator, or by the
// reporter's "not satisfied"), and a reopened one is handled again or
// closed again.
var transitions = map[Status][]Status{
	StatusDraft:      {StatusNew},
	StatusNew:        {StatusInProgress, StatusClosed},
	StatusInProgress: {StatusClosed},
	StatusClosed:     {StatusReopened},
	StatusReopened:   {StatusInProgress, StatusClosed},
}

// Statuses lists every status in the order of handling.
var Statuses = []Status{StatusDraft, StatusNew, StatusInProgress, StatusClosed, StatusReopened}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// CanBecome reports whether an incident in status s may move to next.
func (s Status) CanBecome(next Status) bool {
	for _, t := range transitions[s] {
		if t == next {
			return true
		}
	}
	return false
}
