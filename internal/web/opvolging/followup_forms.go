package opvolging

import (
	"errors"
	"net/http"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
	"weerbaar/internal/valid"
	"weerbaar/internal/web"
)

// coordForms are the choices of the forms on an incident's page. The
// follow-up kinds offered follow the status: a closed incident can only be
// reopened or get a note; an open one cannot be reopened. The service
// still decides, so a page left open while a colleague closed the
// incident gets a clear refusal.
type coordForms struct {
	FollowUpKinds []web.Option
	ReactionForms []web.Option
	ReactionDue   string // the 48-hour deadline toward the perpetrator, when it applies
	ReportTypes   []web.Option
	FiledBy       []web.Option
	VPTApplied    []web.Option
	Addresses     []web.Option
	ChainSteps    []web.Option
	Today         string // yyyy-mm-dd, the default and maximum of date fields
}

func (s *Server) coordFormChoices(lang string, inc *incident.Incident) coordForms {
	t := func(key string) string { return s.Catalog().T(lang, key) }
	opt := func(value, key string) web.Option { return web.Option{Value: value, Label: t(key)} }
	f := coordForms{Today: s.Now().In(nltime.Location()).Format(time.DateOnly)}
	closed := inc.Status == incident.StatusClosed
	f.FollowUpKinds = []web.Option{opt("", "followup.choose")}
	for _, k := range incident.FollowUpKinds {
		if k != incident.FollowNote && closed != (k == incident.FollowReopened) {
			continue
		}
		f.FollowUpKinds = append(f.FollowUpKinds, opt(string(k), coordFollowUpKey(k)))
	}
	f.ReactionForms = []web.Option{opt("", "followup.reactionForm.none")}
	for _, r := range incident.ReactionForms {
		f.ReactionForms = append(f.ReactionForms, opt(string(r), "followup.reactionForm."+string(r)))
	}
	if d := inc.Deadlines.Reaction; !d.Due.IsZero() {
		f.ReactionDue = coordDateTime(d.Due)
	}
	for _, r := range []incident.ReportType{incident.ReportAangifte, incident.ReportMelding} {
		f.ReportTypes = append(f.ReportTypes, opt(string(r), "followup.aangifte.type."+string(r)))
	}
	for _, b := range []incident.FiledBy{incident.FiledByVictim, incident.FiledByEmployer} {
		f.FiledBy = append(f.FiledBy, opt(string(b), "followup.aangifte.filedBy."+string(b)))
	}
	for _, a := range []incident.Answer{incident.Unknown, incident.Yes, incident.No} {
		f.VPTApplied = append(f.VPTApplied, opt(string(a), "followup.answer."+string(a)))
	}
	for _, a := range []incident.AddressChoice{incident.AddressOrganisation, incident.AddressDomicile, incident.AddressHome} {
		f.Addresses = append(f.Addresses, opt(string(a), "followup.aangifte.address."+string(a)))
	}
	f.ChainSteps = []web.Option{opt("", "followup.choose")}
	for _, c := range incident.ChainSteps {
		f.ChainSteps = append(f.ChainSteps, opt(string(c), coordChainKey(c)))
	}
	return f
}

// coordFormBack shows the incident's page again with the posted form, its
// values kept and its problems next to the fields (status 422), or with
// one message for the whole form (409 for a refused status change).
func (s *Server) coordFormBack(w http.ResponseWriter, r *http.Request, f *web.Form, status int, posted string) {
	p := s.Page(r, "followup.show.title")
	p.Form = f
	s.coordShowPage(w, r, p, status, posted)
}

// coordDoneAt reads a date field as the moment something was done: now
// when it is today, else noon of that day in Dutch time (so it lands on
// that day whatever the deadline). Empty is now; false when unreadable.
func coordDoneAt(v string, now time.Time) (time.Time, bool) {
	if v == "" {
		return now, true
	}
	d, ok := coordParseDay(v)
	if !ok {
		return time.Time{}, false
	}
	if d.Format(time.DateOnly) == now.In(nltime.Location()).Format(time.DateOnly) {
		return now, true
	}
	return d.Add(12 * time.Hour), true
}

// coordProblems puts the service's field problems into f, renaming fields
// where the page uses another name (two forms on one page cannot both have
// a field "note"). It reports false when err holds none.
func (s *Server) coordProblems(r *http.Request, f *web.Form, err error, rename map[string]string) bool {
	v, ok := valid.As(err)
	if !ok {
		return false
	}
	lang := web.Language(r)
	for _, p := range v.Problems {
		field := p.Field
		if to, ok := rename[field]; ok {
			field = to
		}
		s.coordAddError(r, f, field, s.ProblemMessage(lang, p))
	}
	return true
}

// coordFieldLabel is the label of the fields of the meldingen forms
// (names are unique over the forms of one page), so the summary above a
// form says which field a message is about.
func coordFieldLabel(field string) (string, bool) {
	key, ok := map[string]string{
		"kind": "followup.form.kind.label", "reactionForm": "followup.form.reactionForm.label",
		"doneAt": "followup.form.doneAt.label", "note": "followup.form.note.label",
		"type": "followup.aangifte.type.label", "filedBy": "followup.aangifte.filedBy.label",
		"vptApplied": "followup.aangifte.vptApplied.label", "address": "followup.aangifte.address.label",
		"filedOn": "followup.aangifte.filedOn.label", "policeUnit": "followup.aangifte.policeUnit.label",
		"pvNumber": "followup.aangifte.pvNumber.label", "pvPlace": "followup.aangifte.pvPlace.label",
		"step": "followup.chain.step.label", "outcome": "followup.chain.outcome.label",
		"on": "followup.chain.on.label", "stepNote": "followup.chain.note.label",
		"body": "followup.messages.body.label",
		"norm": "followup.protocol.norm.label", "reportTo": "followup.protocol.reportTo.label",
		"steps": "followup.protocol.steps.label", "confidentialAdviser": "followup.protocol.confidentialAdviser.label",
		"contacts": "followup.protocol.contacts.label", "firstContactDays": "followup.protocol.firstContactDays.label",
		"postalAddress": "followup.protocol.postalAddress.label", "domicile": "followup.aangifte.domicile.label",
	}[field]
	return key, ok
}

// coordAddError puts msg next to field, named by the field's label ("Gedaan
// door: Vul dit veld in."), so the summary of several problems is clear.
func (s *Server) coordAddError(r *http.Request, f *web.Form, field, msg string) {
	if key, ok := coordFieldLabel(field); ok {
		msg = s.Catalog().T(web.Language(r), key) + ": " + msg
	}
	f.AddError(field, msg)
}

// coordPostDone finishes a form on an incident's page (posted names its
// section): back to the page with a flash after success; the form again with its problems, a
// refused status change explained, or the error page otherwise.
func (s *Server) coordPostDone(w http.ResponseWriter, r *http.Request, f *web.Form, err error, posted, flashKey string, rename map[string]string) {
	switch {
	case err == nil && !f.HasErrors():
		// Back to the top of the page, where the confirmation, the status
		// and the deadlines it changed are.
		s.SetFlash(w, r, "ok", flashKey)
		id, _ := coordIncidentID(r)
		web.Redirect(w, r, coordIncidentHref(id))
	case f.HasErrors() || s.coordProblems(r, f, err, rename):
		s.coordFormBack(w, r, f, http.StatusUnprocessableEntity, posted)
	case errors.Is(err, incident.ErrTransition):
		f.AddError("", s.Catalog().T(web.Language(r), "followup.refused."+posted))
		s.coordFormBack(w, r, f, http.StatusConflict, posted)
	default:
		s.coordFail(w, r, err, true)
	}
}
