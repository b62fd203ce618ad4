package opvolging

import (
	"time"

	"weerbaar/internal/incident"
)

// coordSummary is the top of an incident's page: what decides the next
// step, so a coördinator sees it without scrolling through the facts.
type coordSummary struct {
	InDanger      bool // acute danger when reporting
	FeelsUnsafe   bool // feels unsafe now
	WantsAangifte bool
	WantsSupport  bool
	Reporter      string
	Next          coordNext
}

// coordNext is the next action in words, with the part of the page that
// does it (empty Action: nothing waits).
type coordNext struct {
	Key    string
	Action string // the part of the page: opvolging, bericht, aangifte, strafrechtketen, bijlagen
}

// coordActions are the parts of the page that act on the incident, in
// page order; ?open=<name> opens one, a form that came back opens its own.
var coordActions = []string{"opvolging", "bericht", "aangifte", "strafrechtketen", "bijlagen"}

// coordOpen is the action part shown open: the one that came back with
// problems, else the one asked for in the query, else (for the
// coördinator) the follow-up form.
func coordOpen(posted, asked string, readOnly bool) string {
	if posted != "" {
		return posted
	}
	for _, a := range coordActions {
		if a == asked {
			return a
		}
	}
	if readOnly {
		return ""
	}
	return "opvolging"
}

func coordSummaryOf(inc *incident.Incident, reporter string, readOnly bool, now time.Time) coordSummary {
	return coordSummary{InDanger: inc.InDanger, FeelsUnsafe: inc.Impact.FeelsUnsafe,
		WantsAangifte: inc.WantsAangifte, WantsSupport: inc.WantsSupport, Reporter: reporter,
		Next: coordNextOf(inc, readOnly, now)}
}

// coordNextOf says what waits: first contact, then the reaction toward the
// perpetrator, then the aangifte the reporter asked for; otherwise the
// coördinator records the next step or closes the incident.
func coordNextOf(inc *incident.Incident, readOnly bool, now time.Time) coordNext {
	waits := func(d incident.Deadline) bool {
		s := d.State(now)
		return s == incident.DeadlineOpen || s == incident.DeadlineOverdue
	}
	d := inc.Deadlines
	switch {
	case readOnly:
		return coordNext{Key: "followup.next.readonly"}
	case inc.Status == incident.StatusClosed:
		return coordNext{Key: "followup.next.closed", Action: "opvolging"}
	case waits(d.FirstContact):
		return coordNext{Key: "followup.next.first_contact", Action: "opvolging"}
	case waits(d.Reaction):
		return coordNext{Key: "followup.next.reaction", Action: "opvolging"}
	case inc.WantsAangifte && len(inc.Aangiftes) == 0, waits(d.Aangifte):
		return coordNext{Key: "followup.next.aangifte", Action: "aangifte"}
	}
	return coordNext{Key: "followup.next.continue", Action: "opvolging"}
}

// coordTimeLeft is how much time an open deadline has left, or how late an
// overdue one is, in whole days from two days on, else in hours.
func coordTimeLeft(t coordTr, state incident.DeadlineState, due, now time.Time) string {
	var d time.Duration
	var prefix string
	switch state {
	case incident.DeadlineOpen:
		d, prefix = due.Sub(now), "followup.deadline.left."
	case incident.DeadlineOverdue:
		d, prefix = now.Sub(due), "followup.deadline.late."
	default:
		return ""
	}
	switch {
	case d >= 48*time.Hour:
		return t(prefix+"days", int(d/(24*time.Hour)))
	case d >= 2*time.Hour:
		return t(prefix+"hours", int(d/time.Hour))
	case d >= time.Hour:
		return t(prefix + "hour")
	}
	return t(prefix + "soon")
}
