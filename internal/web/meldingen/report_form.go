package meldingen

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/incident"
	"weerbaar/internal/nltime"
)

// The report form's field names are the service's field names, so a
// valid.Problem lands next to its control. Booleans are checkboxes with
// value "ja"; inDanger is a ja/nee radio.

// reportSteps is how many steps the report form has; the last is the summary.
const reportSteps = 8

// stepOfField is the step where a field is filled in, so the summary can
// link each problem to the right step.
var stepOfField = map[string]int{
	"inDanger": 1, "occurredAt": 2, "placeKind": 2, "placeDetail": 2, "platform": 2, "link": 2,
	"description": 3, "kinds": 3,
	"mode": 4, "victimRole": 4, "victimDescription": 4, "orgId": 4,
	"homePartner": 4, "homeChildren": 4, "homeOthers": 4,
	"perpetratorKind": 5, "perpetratorDescription": 5, "witnesses": 5,
	"impact": 6, "influencesDecisions": 6, "feelsUnsafe": 6, "reportedToEmployer": 6,
	"reportedToPolice": 6, "policeReference": 6, "wantsAangifte": 6, "wantsSupport": 6,
	"supportRequest": 6, "attachments": 7,
}

const dateTimeLocal = "2006-01-02T15:04"

// incidentValues is the draft as form values, for every step.
func incidentValues(inc *incident.Incident) url.Values {
	v := url.Values{}
	set := func(k, s string) {
		if s != "" {
			v.Set(k, s)
		}
	}
	check := func(k string, b bool) {
		if b {
			v.Set(k, "ja")
		}
	}
	if inc.ID != 0 {
		v.Set("inDanger", map[bool]string{true: "ja", false: "nee"}[inc.InDanger])
	}
	if !inc.OccurredAt.IsZero() {
		v.Set("occurredAt", inc.OccurredAt.In(nltime.Location()).Format(dateTimeLocal))
	}
	set("placeKind", string(inc.Place.Kind))
	set("placeDetail", inc.Place.Detail)
	set("platform", inc.Place.Platform)
	set("link", inc.Place.Link)
	set("description", inc.Description)
	for _, k := range inc.Kinds {
		v.Add("kinds", string(k))
	}
	set("mode", string(inc.Mode))
	set("victimRole", string(inc.VictimRole))
	set("victimDescription", inc.VictimDescription)
	if inc.OrgID != 0 {
		v.Set("orgId", strconv.FormatInt(inc.OrgID, 10))
	}
	check("homePartner", inc.HomeFront.Partner)
	check("homeChildren", inc.HomeFront.Children)
	check("homeOthers", inc.HomeFront.Others)
	set("perpetratorKind", string(inc.Perpetrator.Kind))
	set("perpetratorDescription", inc.Perpetrator.Description)
	set("witnesses", inc.Witnesses)
	set("impact", inc.Impact.Personal)
	check("influencesDecisions", inc.Impact.InfluencesDecisions)
	check("feelsUnsafe", inc.Impact.FeelsUnsafe)
	check("reportedToEmployer", inc.ReportedToEmployer)
	check("reportedToPolice", inc.ReportedToPolice)
	set("policeReference", inc.PoliceReference)
	check("wantsAangifte", inc.WantsAangifte)
	check("wantsSupport", inc.WantsSupport)
	set("supportRequest", inc.SupportRequest)
	return v
}

// applyStep copies the fields of step from the posted form into inc. It
// reports false when the date could not be read (the caller shows that
// next to the field; the service never sees a half-read date).
func applyStep(inc *incident.Incident, step int, f url.Values) bool {
	txt := func(k string) string { return strings.TrimSpace(f.Get(k)) }
	yes := func(k string) bool { return f.Get(k) == "ja" }
	switch step {
	case 1:
		inc.InDanger = yes("inDanger")
	case 2:
		t, ok := parseOccurred(txt("occurredAt"))
		if !ok {
			return false
		}
		inc.OccurredAt = t
		inc.Place.Kind = incident.PlaceKind(txt("placeKind"))
		inc.Place.Detail = txt("placeDetail")
		inc.Place.Platform, inc.Place.Link = "", ""
		if inc.Place.Kind == incident.PlaceOnline {
			inc.Place.Platform, inc.Place.Link = txt("platform"), txt("link")
		}
	case 3:
		inc.Description = txt("description")
		inc.Kinds = nil
		for _, k := range f["kinds"] {
			inc.Kinds = append(inc.Kinds, incident.Kind(k))
		}
	case 4:
		inc.Mode = incident.Mode(txt("mode"))
		inc.VictimRole = incident.VictimRole(txt("victimRole"))
		inc.VictimDescription = ""
		if inc.Mode == incident.ModeOnBehalf {
			inc.VictimDescription = txt("victimDescription")
		}
		if id, err := strconv.ParseInt(txt("orgId"), 10, 64); err == nil && id > 0 {
			inc.OrgID = id
		}
		inc.HomeFront = incident.HomeFront{Partner: yes("homePartner"), Children: yes("homeChildren"), Others: yes("homeOthers")}
	case 5:
		inc.Perpetrator = incident.Perpetrator{Kind: incident.PerpetratorKind(txt("perpetratorKind")),
			Description: txt("perpetratorDescription")}
		inc.Witnesses = txt("witnesses")
	case 6:
		inc.Impact = incident.Impact{Personal: txt("impact"), InfluencesDecisions: yes("influencesDecisions"),
			FeelsUnsafe: yes("feelsUnsafe")}
		inc.ReportedToEmployer = yes("reportedToEmployer")
		inc.ReportedToPolice = yes("reportedToPolice")
		inc.PoliceReference = ""
		if inc.ReportedToPolice {
			inc.PoliceReference = txt("policeReference")
		}
		inc.WantsAangifte = yes("wantsAangifte")
		inc.WantsSupport = yes("wantsSupport")
		inc.SupportRequest = txt("supportRequest")
	}
	return true
}

// occurredLayouts are the ways people type a date and time: the browser's
// datetime-local value, and Dutch day-month-year with or without a time.
var occurredLayouts = []string{dateTimeLocal, "2006-01-02 15:04", "2-1-2006 15:04", "2-1-2006 15.04",
	"2-1-2006", "2006-01-02"}

// parseOccurred reads a typed date and time as Dutch time. Empty is fine
// (a draft may leave it open; Submit requires it).
func parseOccurred(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	s = strings.ReplaceAll(s, "/", "-")
	for _, l := range occurredLayouts {
		if t, err := time.ParseInLocation(l, s, nltime.Location()); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// mergeStep lays the posted values of one step over the draft's values,
// so a form shown again keeps what was typed on this step and what was
// saved on the others.
func mergeStep(saved url.Values, posted url.Values, step int) url.Values {
	out := url.Values{}
	for k, v := range saved {
		if stepOfField[k] != step {
			out[k] = v
		}
	}
	for k, v := range posted {
		if stepOfField[k] == step || k == "orgZoek" {
			out[k] = v
		}
	}
	return out
}
