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

// DeadlineState is what a list shows for one deadline.
type DeadlineState string

const (
	DeadlineNone    DeadlineState = ""        // does not apply
	DeadlineOpen    DeadlineState = "due"     // not met, not yet due
	DeadlineOverdue DeadlineState = "overdue" // not met and past due
	DeadlineMet     DeadlineState = "met"
	DeadlineLate    DeadlineState = "met_late"
)

// State is the deadline's state at now.
func (d Deadline) State(now time.Time) DeadlineState {
	switch {
	case d.Due.IsZero():
		return DeadlineNone
	case !d.Done.IsZero() && d.Done.After(d.Due):
		return DeadlineLate
	case !d.Done.IsZero():
		return DeadlineMet
	case now.After(d.Due):
		return DeadlineOverdue
	}
	return DeadlineOpen
}

// Overdue reports whether any deadline is past due and not met at now.
// A closed incident has nothing overdue.
func (d Deadlines) Overdue(now time.Time) bool {
	for _, x := range []Deadline{d.FirstContact, d.Reaction, d.Aangifte} {
		if x.State(now) == DeadlineOverdue {
			return true
		}
	}
	return false
}

// reactionWindow is the VPT norm for the employer's reaction toward the
// perpetrator.
const reactionWindow = 48 * time.Hour

// aangifteWorkingDays: go to the police preferably within 2 working days.
const aangifteWorkingDays = 2

// workingDaysAfter returns the end of the n-th working day after the day of
// t (midnight in the service's location, as UTC): a report on Friday with
// n=1 is due by the end of Monday, or Tuesday when Monday is a public
// holiday. Weekends and Dutch public holidays (rickar/cal nl) are skipped.
func (s *Service) workingDaysAfter(t time.Time, n int) time.Time {
	y, m, d := t.In(s.opts.Location).Date()
	day := time.Date(y, m, d, 12, 0, 0, 0, s.opts.Location) // noon: safe across DST
	for n > 0 {
		day = day.AddDate(0, 0, 1)
		if s.cal.IsWorkday(day) {
			n--
		}
	}
	y, m, d = day.Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, s.opts.Location).UTC()
}

// reactionApplies: a reaction toward the perpetrator is only possible when
// the employer can reach them: a known person, a group, or other (the
// reporter describes who). Unknown citizens, anonymous online accounts and
// criminals (a police matter) carry no 48-hour deadline.
func reactionApplies(k PerpetratorKind) bool {
	return k == PerpetratorKnown || k == PerpetratorGroup || k == PerpetratorOther
}

// computeDeadlines sets the due times of inc at submission.
func (s *Service) computeDeadlines(inc *Incident, firstContactDays int) {
	inc.Deadlines.FirstContact.Due = s.workingDaysAfter(inc.SubmittedAt, firstContactDays)
	if reactionApplies(inc.Perpetrator.Kind) {
		inc.Deadlines.Reaction.Due = inc.SubmittedAt.Add(reactionWindow)
	}
	if inc.WantsAangifte && !inc.ReportedToPolice {
		inc.Deadlines.Aangifte.Due = s.workingDaysAfter(inc.OccurredAt, aangifteWorkingDays)
	}
}
