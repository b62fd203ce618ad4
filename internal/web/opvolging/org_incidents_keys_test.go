package opvolging_test

import (
	"testing"

	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/web/opvolging"
)

// TestEveryValueTheFollowUpPagesNameHasALabel: the labels built from
// values (kinds, roles, statuses, follow-up kinds, chain steps, answers,
// deadline states, ...) exist in both languages, so no page ever shows a
// bare key.
func TestEveryValueTheFollowUpPagesNameHasALabel(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, k := range incident.Kinds() {
		keys = append(keys, opvolging.CoordKindKey(k))
	}
	for _, c := range incident.VPTCategories {
		keys = append(keys, "followup.vpt."+string(c))
	}
	for _, r := range incident.VictimRoles {
		keys = append(keys, opvolging.CoordRoleKey(r))
	}
	for _, s := range incident.Statuses {
		keys = append(keys, opvolging.CoordStatusKey(s))
	}
	for _, k := range incident.FollowUpKinds {
		keys = append(keys, opvolging.CoordFollowUpKey(k))
	}
	for _, c := range incident.ChainSteps {
		keys = append(keys, opvolging.CoordChainKey(c), incident.NoticeChainPrefix+string(c))
	}
	for _, p := range incident.PlaceKinds {
		keys = append(keys, opvolging.CoordPlaceKey(p))
	}
	for _, p := range incident.PerpetratorKinds {
		keys = append(keys, opvolging.CoordPerpetratorKey(p))
	}
	for _, m := range []incident.Mode{incident.ModeSelf, incident.ModeOnBehalf, incident.ModeWitness, incident.ModeAnonymous} {
		keys = append(keys, "followup.mode."+string(m))
	}
	for _, r := range incident.ReactionForms {
		keys = append(keys, "followup.reactionForm."+string(r))
	}
	for _, a := range []incident.Answer{incident.Yes, incident.No, incident.Unknown} {
		keys = append(keys, "followup.answer."+string(a))
	}
	for _, a := range []incident.AddressChoice{incident.AddressOrganisation, incident.AddressDomicile, incident.AddressHome} {
		keys = append(keys, "followup.aangifte.address."+string(a))
	}
	for _, s := range []incident.DeadlineState{incident.DeadlineOpen, incident.DeadlineOverdue, incident.DeadlineMet, incident.DeadlineLate} {
		keys = append(keys, "followup.deadline.state."+string(s))
	}
	for _, k := range []string{"gemeente", "provincie", "waterschap"} {
		keys = append(keys, "followup.org_kind."+k)
	}
	for _, f := range []string{"opvolging", "bericht", "aangifte", "strafrechtketen"} {
		keys = append(keys, "followup.refused."+f)
	}
	keys = append(keys, "followup.aangifte.type.aangifte", "followup.aangifte.type.melding",
		"followup.aangifte.filedBy.victim", "followup.aangifte.filedBy.employer")
	for _, lang := range i18n.Langs() {
		for _, k := range keys {
			if !cat.Has(lang, k) {
				t.Errorf("%s: no label %q", lang, k)
			}
		}
	}
}
