package opvolging

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"weerbaar/internal/incident"
)

// coordEntry is one dated event of an incident: a status change, a
// follow-up, an aangifte record, a criminal-chain step or a satisfaction
// answer. Nothing here is ever edited; the page shows them in order.
type coordEntry struct {
	at     time.Time
	When   string
	Title  string
	Detail string // free text the coördinator or reporter wrote
	Extra  []string
	By     string
}

// coordTimeline merges every append-only part of the incident into one
// list, oldest first.
func coordTimeline(t coordTr, inc *incident.Incident, names map[int64]string) []coordEntry {
	by := func(id int64) string { return coordActor(t, names, id, inc.ReporterID) }
	var out []coordEntry
	for _, h := range inc.History {
		title := t("followup.timeline.status", t(coordStatusKey(h.To)))
		out = append(out, coordEntry{at: h.At, When: coordDateTime(h.At), Title: title, By: by(h.ActorID)})
	}
	for _, f := range inc.FollowUps {
		e := coordEntry{at: f.RecordedAt, When: coordDateTime(f.RecordedAt), Title: t(coordFollowUpKey(f.Kind)),
			Detail: f.Note, By: by(f.ActorID)}
		e.Extra = append(e.Extra, t("followup.timeline.done_at", coordDate(f.DoneAt)))
		if f.ReactionForm != "" {
			e.Extra = append(e.Extra, t("followup.timeline.reaction_form", t("followup.reactionForm."+string(f.ReactionForm))))
		}
		out = append(out, e)
	}
	for _, a := range inc.Aangiftes {
		e := coordEntry{at: a.RecordedAt, When: coordDateTime(a.RecordedAt), By: by(a.ActorID),
			Title: t("followup.timeline.aangifte", t("followup.aangifte.type."+string(a.Type)), coordDate(a.FiledOn))}
		for _, row := range coordAangifteFacts(t, a)[1:] {
			e.Extra = append(e.Extra, row.Label+": "+row.Value)
		}
		out = append(out, e)
	}
	for _, c := range inc.Chain {
		e := coordChainEntry(t, c)
		e.at, e.When, e.By = c.RecordedAt, coordDateTime(c.RecordedAt), by(c.ActorID)
		e.Extra = append([]string{t("followup.timeline.step_on", coordDate(c.On))}, e.Extra...)
		out = append(out, e)
	}
	for _, s := range inc.Satisfaction {
		key := map[bool]string{true: "followup.timeline.satisfied", false: "followup.timeline.not_satisfied"}[s.Satisfied]
		out = append(out, coordEntry{at: s.At, When: coordDateTime(s.At), Title: t(key), Detail: s.Reason,
			By: t("followup.actor.reporter")})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return out
}

// coordChain is the criminal-chain timeline as the reporter sees it, in
// the order of the steps' dates.
func coordChain(t coordTr, steps []incident.ChainStep) []coordEntry {
	var out []coordEntry
	for _, c := range steps {
		e := coordChainEntry(t, c)
		e.When = coordDate(c.On)
		out = append(out, e)
	}
	return out
}

func coordChainEntry(t coordTr, c incident.ChainStep) coordEntry {
	e := coordEntry{Title: t(coordChainKey(c.Step)), Detail: c.Note}
	if c.Outcome != "" {
		e.Extra = append(e.Extra, t("followup.chain.outcome.label")+": "+c.Outcome)
	}
	return e
}

// coordActor names who did something: a colleague by name, the reporter
// as "de melder", anyone else by what they are.
func coordActor(t coordTr, names map[int64]string, id, reporter int64) string {
	switch {
	case id == 0:
		return t("followup.actor.system")
	case id == reporter:
		return t("followup.actor.reporter")
	case names[id] != "":
		return names[id]
	}
	return t("followup.actor.coordinator")
}

// coordMessage is one message of the conversation with the reporter.
type coordMessage struct {
	When, From, Body string
	FromHandler      bool
	New              bool
}

func coordMessages(t coordTr, msgs []incident.Message, names map[int64]string) []coordMessage {
	var out []coordMessage
	for _, m := range msgs {
		v := coordMessage{When: coordDateTime(m.CreatedAt), Body: m.Body, FromHandler: m.Sender == incident.SenderHandler}
		if v.FromHandler {
			v.From = coordActor(t, names, m.AuthorID, -1)
		} else {
			v.From = t("followup.actor.reporter")
			v.New = m.Unread()
		}
		out = append(out, v)
	}
	return out
}

// coordFile is one evidence file with its download link.
type coordFile struct {
	Name, Type, Size, Href string
}

func coordAttachments(incidentID int64, files []incident.AttachmentInfo, readOnly bool) []coordFile {
	base := coordIncidentHref(incidentID)
	if readOnly {
		base = supportIncidentHref(incidentID)
	}
	var out []coordFile
	for _, f := range files {
		out = append(out, coordFile{Name: f.Filename, Type: strings.TrimPrefix(f.ContentType, "application/"),
			Size: coordSize(f.Size), Href: fmt.Sprintf("%s/bijlagen/%d", base, f.ID)})
	}
	return out
}

// coordSize shows a file size as people read it (12 kB, 1,4 MB).
func coordSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d kB", (n+500)/1000)
	}
	return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/1e6), ".", ",", 1)
}
