package opvolging

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
	"weerbaar/internal/web"
)

// This file holds what the organisation's meldingen pages share: how an
// incident's clear fields become text (through catalogue keys, prefix
// "followup."), how dates are shown, and how deadlines read as due or
// overdue in words, never in colour alone.

// coordDate shows t as a Dutch day (23-11-2026); empty for zero.
func coordDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Format("02-01-2006")
}

// coordDateTime shows t as day and time (23-11-2026 14:05).
func coordDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(nltime.Location()).Format("02-01-2006 15:04")
}

// coordDeadlineEnd shows a deadline that falls at midnight as the end of
// the day before ("uiterlijk 24-11-2026"), which is how people read a
// promise "within one working day"; other times as day and time.
func coordDeadlineEnd(t time.Time) string {
	local := t.In(nltime.Location())
	if local.Hour() == 0 && local.Minute() == 0 {
		return local.Add(-time.Minute).Format("02-01-2006")
	}
	return local.Format("02-01-2006 15:04")
}

// coordDeadline is one deadline as a list or detail page shows it, in
// words: what was promised, by when, and whether it is due, overdue or met.
type coordDeadline struct {
	Label  string
	State  string
	Left   string // how much time is left, or how late it is; empty once met
	Urgent bool   // overdue: the text says so, the style only repeats it
}

// coordDeadlines lists the deadlines that apply to an incident at now,
// translated with t.
func coordDeadlines(t func(string, ...any) string, d incident.Deadlines, status incident.Status, now time.Time) []coordDeadline {
	var out []coordDeadline
	for _, x := range []struct {
		key string
		d   incident.Deadline
	}{
		{"followup.deadline.first_contact", d.FirstContact},
		{"followup.deadline.reaction", d.Reaction},
		{"followup.deadline.aangifte", d.Aangifte},
	} {
		state := x.d.State(now)
		if state == incident.DeadlineNone {
			continue
		}
		if status == incident.StatusClosed && (state == incident.DeadlineOpen || state == incident.DeadlineOverdue) {
			continue // a closed incident has nothing waiting
		}
		out = append(out, coordDeadline{Label: t(x.key),
			State: t("followup.deadline.state."+string(state), coordDeadlineEnd(x.d.Due), coordDateTime(x.d.Done)),
			Left:  coordTimeLeft(t, state, x.d.Due, now), Urgent: state == incident.DeadlineOverdue})
	}
	return out
}

// Catalogue keys of the clear fields: the labels the reporter's pages use
// (incident.json), so both sides name things alike.
func coordStatusKey(s incident.Status) string         { return "incident.status." + string(s) }
func coordKindKey(k incident.Kind) string             { return "incident.kind." + string(k) }
func coordRoleKey(r incident.VictimRole) string       { return "incident.role." + string(r) }
func coordFollowUpKey(k incident.FollowUpKind) string { return "incident.followup." + string(k) }
func coordChainKey(k incident.ChainStepKind) string   { return "incident.chain." + string(k) }
func coordPlaceKey(k incident.PlaceKind) string       { return "incident.place." + string(k) }
func coordPerpetratorKey(k incident.PerpetratorKind) string {
	return "incident.perpetrator." + string(k)
}

func coordKindKeys(kinds []incident.Kind) []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = coordKindKey(k)
	}
	return out
}

// coordIncidentHref is the coördinator's page of one incident.
func coordIncidentHref(id int64) string {
	return "/organisatie/meldingen/" + strconv.FormatInt(id, 10)
}

// coordIncidentID reads {id} from the path; false when it is no number.
func coordIncidentID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// coordFail answers an error of the meldingen service: an incident that
// does not exist or belongs to someone else is "not found" (its existence
// is nobody else's business); a refusal of an organisation-wide action is
// "no access"; anything else goes to fail.
func (s *Server) coordFail(w http.ResponseWriter, r *http.Request, err error, hideExistence bool) {
	switch {
	case errors.Is(err, incident.ErrNotFound):
		s.NotFound(w, r)
	case errors.Is(err, incident.ErrForbidden) && hideExistence:
		s.NotFound(w, r)
	case errors.Is(err, incident.ErrForbidden):
		s.Fail(w, r, web.ErrForbidden)
	case errors.Is(err, incident.ErrUnreadable):
		// The service logged which row; the others are not affected.
		s.ErrorPage(w, r, http.StatusInternalServerError, "error.unreadable")
	default:
		s.Fail(w, r, err)
	}
}

// coordOrgName is the name of the person's organisation, for headings;
// empty when it cannot be found (the page still works without it).
func (s *Server) coordOrgName(r *http.Request, orgID int64) string {
	if s.orgs == nil || orgID == 0 {
		return ""
	}
	o, err := s.orgs.Get(r.Context(), orgID)
	if err != nil {
		s.Log().Warn("organisatie niet gevonden", "org", orgID, "err", err)
		return ""
	}
	return o.DisplayName()
}
