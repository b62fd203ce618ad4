package meldingen

import (
	"strings"

	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// factSection is one step of a report as read back: on the summary step
// (with a link to change it) and on the reporter's incident page.
type factSection struct {
	Step  int
	Key   string // heading: the step's name
	Href  string // "change" link; empty when read-only
	Facts []fact
}

// fact is one labelled answer; Missing marks a required answer not given.
type fact struct {
	Label, Value string
	Missing      bool
}

// reportFacts lists what inc says, step by step, in the page's language.
// editable adds the links back to each step of the draft.
func reportFacts(p *web.Page, inc *incident.Incident, orgName string, editable bool) []factSection {
	t := p.T
	opt := func(prefix, v string) string {
		if v == "" {
			return ""
		}
		return t(prefix + v)
	}
	homeFront := func(h incident.HomeFront) string {
		var out []string
		for _, x := range []struct {
			on  bool
			key string
		}{{h.Partner, "mine.homefront.partner"}, {h.Children, "mine.homefront.children"}, {h.Others, "mine.homefront.others"}} {
			if x.on {
				out = append(out, t(x.key))
			}
		}
		if len(out) == 0 {
			return p.JaNee(false)
		}
		return strings.Join(out, ", ")
	}
	when := p.FmtDateTime(inc.OccurredAt)
	secs := []factSection{
		{Step: 1, Facts: []fact{{Label: t("mine.field.danger"), Value: p.JaNee(inc.InDanger)}}},
		{Step: 2, Facts: []fact{
			{Label: t("mine.field.when"), Value: when, Missing: when == ""},
			{Label: t("mine.field.where"), Value: opt("incident.place.", string(inc.Place.Kind)), Missing: inc.Place.Kind == ""},
			{Label: t("mine.field.place_detail"), Value: inc.Place.Detail},
			{Label: t("mine.field.platform"), Value: inc.Place.Platform, Missing: inc.Place.Kind == incident.PlaceOnline && inc.Place.Platform == ""},
			{Label: t("mine.field.link"), Value: inc.Place.Link},
		}},
		{Step: 3, Facts: []fact{
			{Label: t("mine.field.what"), Value: inc.Description, Missing: inc.Description == ""},
			{Label: t("mine.field.kinds"), Value: p.Lbls("incident.kind.", inc.Kinds), Missing: len(inc.Kinds) == 0},
		}},
		{Step: 4, Facts: []fact{
			{Label: t("mine.field.mode"), Value: opt("incident.mode.", string(inc.Mode))},
			{Label: t("mine.field.role"), Value: opt("incident.role.", string(inc.VictimRole)), Missing: inc.VictimRole == ""},
			{Label: t("mine.field.victim"), Value: inc.VictimDescription, Missing: inc.Mode == incident.ModeOnBehalf && inc.VictimDescription == ""},
			{Label: t("mine.field.org"), Value: orgName, Missing: inc.OrgID == 0},
			{Label: t("mine.field.homefront"), Value: homeFront(inc.HomeFront)},
		}},
		{Step: 5, Facts: []fact{
			{Label: t("mine.field.perpetrator"), Value: opt("incident.perpetrator.", string(inc.Perpetrator.Kind)), Missing: inc.Perpetrator.Kind == ""},
			{Label: t("mine.field.perpetrator_desc"), Value: inc.Perpetrator.Description},
			{Label: t("mine.field.witnesses"), Value: inc.Witnesses},
		}},
		{Step: 6, Facts: []fact{
			{Label: t("mine.field.impact"), Value: inc.Impact.Personal},
			{Label: t("mine.field.decisions"), Value: p.JaNee(inc.Impact.InfluencesDecisions)},
			{Label: t("mine.field.unsafe"), Value: p.JaNee(inc.Impact.FeelsUnsafe)},
			{Label: t("mine.field.employer"), Value: p.JaNee(inc.ReportedToEmployer)},
			{Label: t("mine.field.police"), Value: p.JaNee(inc.ReportedToPolice)},
			{Label: t("mine.field.police_ref"), Value: inc.PoliceReference},
			{Label: t("mine.field.wants_aangifte"), Value: p.JaNee(inc.WantsAangifte)},
			{Label: t("mine.field.support"), Value: p.JaNee(inc.WantsSupport)},
			{Label: t("mine.field.support_request"), Value: inc.SupportRequest},
		}},
	}
	for i := range secs {
		secs[i].Key = "report.step." + string(rune('0'+secs[i].Step))
		if editable {
			secs[i].Href = stepHref(inc.ID, secs[i].Step)
		}
		// Optional answers left empty are not worth a line.
		kept := secs[i].Facts[:0]
		for _, f := range secs[i].Facts {
			if f.Missing && f.Value == "" {
				f.Value = t("report.summary.missing")
			}
			if f.Value != "" {
				kept = append(kept, f)
			}
		}
		secs[i].Facts = kept
	}
	return secs
}
