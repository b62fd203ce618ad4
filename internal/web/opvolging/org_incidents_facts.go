package opvolging

import (
	"strings"

	"weerbaar/internal/incident"
)

// coordFact is one line of a data list: a label and its value (multiline
// text keeps its line breaks).
type coordFact struct {
	Label, Value string
	Multiline    bool
}

type coordTr func(string, ...any) string

// coordFacts is what the reporter told, as the coördinator reads it.
// Sealed fields arrive opened from the service; empty ones are left out.
func coordFacts(t coordTr, inc *incident.Incident) []coordFact {
	var rows []coordFact
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, coordFact{Label: t(key), Value: value, Multiline: strings.Contains(value, "\n")})
		}
	}
	yesNo := func(b bool) string { return t(map[bool]string{true: "followup.yes", false: "followup.no"}[b]) }
	add("followup.fact.mode", t("followup.mode."+string(inc.Mode)))
	add("followup.fact.submitted", coordDateTime(inc.SubmittedAt))
	add("followup.fact.occurred", coordDateTime(inc.OccurredAt))
	add("followup.fact.kinds", coordJoin(t, coordKindKeys(inc.Kinds)))
	add("followup.fact.vpt", coordJoin(t, coordVPTKeys(inc.Kinds)))
	add("followup.fact.victim_role", t(coordRoleKey(inc.VictimRole)))
	add("followup.fact.victim_description", inc.VictimDescription)
	add("followup.fact.place", t(coordPlaceKey(inc.Place.Kind)))
	add("followup.fact.place_detail", inc.Place.Detail)
	add("followup.fact.platform", inc.Place.Platform)
	add("followup.fact.link", inc.Place.Link)
	add("followup.fact.description", inc.Description)
	add("followup.fact.home_front", coordHomeFront(t, inc.HomeFront))
	add("followup.fact.perpetrator", t(coordPerpetratorKey(inc.Perpetrator.Kind)))
	add("followup.fact.perpetrator_description", inc.Perpetrator.Description)
	add("followup.fact.witnesses", inc.Witnesses)
	add("followup.fact.impact", inc.Impact.Personal)
	add("followup.fact.influences_decisions", yesNo(inc.Impact.InfluencesDecisions))
	add("followup.fact.feels_unsafe", yesNo(inc.Impact.FeelsUnsafe))
	add("followup.fact.in_danger", yesNo(inc.InDanger))
	add("followup.fact.reported_employer", yesNo(inc.ReportedToEmployer))
	add("followup.fact.reported_police", yesNo(inc.ReportedToPolice))
	add("followup.fact.police_reference", inc.PoliceReference)
	add("followup.fact.wants_aangifte", yesNo(inc.WantsAangifte))
	add("followup.fact.wants_support", yesNo(inc.WantsSupport))
	add("followup.fact.support_request", inc.SupportRequest)
	return rows
}

// coordAangifteFacts is the newest aangifte record as the police and
// prosecution's agreements ask it to be registered.
func coordAangifteFacts(t coordTr, a incident.Aangifte) []coordFact {
	rows := []coordFact{
		{Label: t("followup.aangifte.type.label"), Value: t("followup.aangifte.type." + string(a.Type))},
		{Label: t("followup.aangifte.filedBy.label"), Value: t("followup.aangifte.filedBy." + string(a.FiledBy))},
		{Label: t("followup.aangifte.vptAsked.label"), Value: t(map[bool]string{true: "followup.yes", false: "followup.no"}[a.VPTAsked])},
		{Label: t("followup.aangifte.vptApplied.label"), Value: t("followup.answer." + string(a.VPTApplied))},
		{Label: t("followup.aangifte.address.label"), Value: t("followup.aangifte.address." + string(a.Address))},
	}
	if a.Domicile != "" {
		rows = append(rows, coordFact{Label: t("followup.aangifte.domicile.label"), Value: a.Domicile, Multiline: true})
	}
	rows = append(rows, []coordFact{
		{Label: t("followup.aangifte.underNumber.label"), Value: t(map[bool]string{true: "followup.yes", false: "followup.no"}[a.UnderNumber])},
		{Label: t("followup.aangifte.filedOn.label"), Value: coordDate(a.FiledOn)},
	}...)
	for _, x := range []struct{ key, v string }{
		{"followup.aangifte.policeUnit.label", a.PoliceUnit},
		{"followup.aangifte.pvNumber.label", a.PVNumber},
		{"followup.aangifte.pvPlace.label", a.PVPlace},
	} {
		if x.v != "" {
			rows = append(rows, coordFact{Label: t(x.key), Value: x.v})
		}
	}
	return rows
}

func coordJoin(t coordTr, keys []string) string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = t(k)
	}
	return strings.Join(out, ", ")
}

// coordVPTKeys are the national VPT categories of the kinds, each once.
func coordVPTKeys(kinds []incident.Kind) []string {
	var out []string
	seen := map[incident.VPTCategory]bool{}
	for _, k := range kinds {
		if c, ok := k.VPT(); ok && !seen[c] {
			seen[c] = true
			out = append(out, "followup.vpt."+string(c))
		}
	}
	return out
}

func coordHomeFront(t coordTr, h incident.HomeFront) string {
	var keys []string
	if h.Partner {
		keys = append(keys, "followup.home_front.partner")
	}
	if h.Children {
		keys = append(keys, "followup.home_front.children")
	}
	if h.Others {
		keys = append(keys, "followup.home_front.others")
	}
	if len(keys) == 0 {
		return t("followup.home_front.none")
	}
	return coordJoin(t, keys)
}
