package opvolging

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"weerbaar/internal/incident"
)

// coordFact is one line of a data list: a label and its value (multiline
// text keeps its line breaks).
type coordFact struct {
	Label, Value string
	Multiline    bool
}

type coordTr func(string, ...any) string

// coordFactGroup is one group of facts under its heading (a catalogue
// key), in the order the report form asks them.
type coordFactGroup struct {
	Key   string
	Facts []coordFact
}

// coordFacts is what the reporter told, as the coördinator reads it,
// grouped as the report form groups it: what, when and where, against
// whom, by whom, consequences. Sealed fields arrive opened from the
// service; empty ones (and then empty groups) are left out. Values from
// the catalogue start with a capital, booleans read Ja or Nee.
func coordFacts(t coordTr, inc *incident.Incident) []coordFactGroup {
	var groups []coordFactGroup
	var rows []coordFact
	group := func(key string) {
		if len(rows) > 0 {
			groups = append(groups, coordFactGroup{Key: key, Facts: rows})
		}
		rows = nil
	}
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			rows = append(rows, coordFact{Label: t(key), Value: value, Multiline: strings.Contains(value, "\n")})
		}
	}
	lbl := func(key string) string { return coordCapital(t(key)) }
	yesNo := func(b bool) string { return t(map[bool]string{true: "followup.yes", false: "followup.no"}[b]) }
	add("followup.fact.kinds", coordCapital(coordJoin(t, coordKindKeys(inc.Kinds))))
	add("followup.fact.vpt", coordCapital(coordJoin(t, coordVPTKeys(inc.Kinds))))
	add("followup.fact.description", inc.Description)
	group("followup.group.what")
	add("followup.fact.occurred", coordDateTime(inc.OccurredAt))
	add("followup.fact.place", lbl(coordPlaceKey(inc.Place.Kind)))
	add("followup.fact.place_detail", inc.Place.Detail)
	add("followup.fact.platform", inc.Place.Platform)
	add("followup.fact.link", inc.Place.Link)
	group("followup.group.when_where")
	add("followup.fact.mode", lbl("followup.mode."+string(inc.Mode)))
	add("followup.fact.victim_role", lbl(coordRoleKey(inc.VictimRole)))
	add("followup.fact.victim_description", inc.VictimDescription)
	add("followup.fact.home_front", coordCapital(coordHomeFront(t, inc.HomeFront)))
	group("followup.group.against_whom")
	add("followup.fact.perpetrator", lbl(coordPerpetratorKey(inc.Perpetrator.Kind)))
	add("followup.fact.perpetrator_description", inc.Perpetrator.Description)
	add("followup.fact.witnesses", inc.Witnesses)
	group("followup.group.by_whom")
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
	group("followup.group.consequences")
	return groups
}

// coordCapital starts s with a capital letter, so catalogue values that
// read well inside a sentence ("in de openbare ruimte") read as values.
func coordCapital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
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
