package incident

import (
	"maps"
	"slices"
	"time"
	"unicode/utf8"

	"weerbaar/internal/valid"
)

// Field limits: long enough for a full account, short enough that nobody
// pastes a book into a form by accident.
const (
	maxText  = 20000 // description, impact, witnesses
	maxShort = 500   // place, platform, link, references, descriptions of people
)

// futureSlack allows for clocks a little ahead of ours.
const futureSlack = 5 * time.Minute

// hearingAhead is how far ahead a hearing (zitting) may be scheduled.
const hearingAhead = 5 * 365 * 24 * time.Hour

// earliest is the first moment any date on an incident may have; see
// valid.Earliest. Every moment from outside is checked against a window
// [earliest, latest], so nothing the databases, JSON or the forms cannot
// hold (year 0, year 12024) is ever stored.
var earliest = valid.Earliest

// checkMoment checks that t, when set, lies in [earliest, now+futureSlack].
func checkMoment(e *valid.Error, field string, t, now time.Time) {
	valid.Window(e, field, t, earliest, now.Add(futureSlack), "future")
}

func oneOf[T comparable](v T, list []T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// checkFormat finds problems a draft may not have either: unknown choices,
// texts too long, a date in the future. Empty fields are fine in a draft.
func checkFormat(inc *Incident, now time.Time, e *valid.Error) {
	if inc.Mode != "" && !oneOf(inc.Mode, []Mode{ModeSelf, ModeOnBehalf, ModeWitness}) {
		e.Add("mode", "unknown")
	}
	if inc.VictimRole != "" && !oneOf(inc.VictimRole, VictimRoles) {
		e.Add("victimRole", "unknown")
	}
	if inc.Place.Kind != "" && !oneOf(inc.Place.Kind, PlaceKinds) {
		e.Add("placeKind", "unknown")
	}
	if inc.Perpetrator.Kind != "" && !oneOf(inc.Perpetrator.Kind, PerpetratorKinds) {
		e.Add("perpetratorKind", "unknown")
	}
	seen := map[Kind]bool{}
	for _, k := range inc.Kinds {
		if !k.Valid() {
			e.Add("kinds", "unknown", string(k))
		} else if seen[k] {
			e.Add("kinds", "duplicate", string(k))
		}
		seen[k] = true
	}
	checkMoment(e, "occurredAt", inc.OccurredAt, now)
	if inc.Mode == ModeWitness && inc.VictimDescription != "" {
		// A witness names role and organisation only: the person it was
		// aimed at is not identified without their consent.
		e.Add("victimDescription", "witness_no_identity")
	}
	checkLengths(e, map[string]lenCheck{
		"description":            {inc.Description, maxText},
		"impact":                 {inc.Impact.Personal, maxText},
		"witnesses":              {inc.Witnesses, maxText},
		"supportRequest":         {inc.SupportRequest, maxText},
		"placeDetail":            {inc.Place.Detail, maxShort},
		"platform":               {inc.Place.Platform, maxShort},
		"link":                   {inc.Place.Link, maxShort},
		"perpetratorDescription": {inc.Perpetrator.Description, maxText},
		"victimDescription":      {inc.VictimDescription, maxShort},
		"policeReference":        {inc.PoliceReference, maxShort},
	})
}

type lenCheck struct {
	value string
	max   int
}

// checkLengths checks every free text: storable (valid UTF-8, no NUL)
// and not longer than its maximum.
func checkLengths(e *valid.Error, fields map[string]lenCheck) {
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		c := fields[name]
		if !valid.Text(e, name, c.value) {
			continue
		}
		if utf8.RuneCountInString(c.value) > c.max {
			e.Add(name, "too_long", c.max)
		}
	}
}

// checkSubmit adds the fields a submitted incident must have.
func checkSubmit(inc *Incident, e *valid.Error) {
	if inc.OrgID == 0 {
		e.Add("orgId", "required")
	}
	if inc.Mode == "" {
		e.Add("mode", "required")
	}
	if inc.OccurredAt.IsZero() && !e.Has("occurredAt") {
		e.Add("occurredAt", "required")
	}
	if inc.Place.Kind == "" {
		e.Add("placeKind", "required")
	}
	if inc.Place.Kind == PlaceOnline && inc.Place.Platform == "" {
		e.Add("platform", "required")
	}
	if inc.Description == "" {
		e.Add("description", "required")
	}
	if len(inc.Kinds) == 0 {
		e.Add("kinds", "required")
	}
	if inc.VictimRole == "" {
		e.Add("victimRole", "required")
	}
	if inc.Perpetrator.Kind == "" {
		e.Add("perpetratorKind", "required")
	}
	if inc.Mode == ModeOnBehalf && inc.VictimDescription == "" {
		e.Add("victimDescription", "required")
	}
}
