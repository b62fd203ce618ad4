package e2e

import (
	"testing"

	"weerbaar/internal/auth"
)

// legendsLikeLabels lists, for every radio and checkbox group in main, the
// legend whose computed font (size, weight, colour) differs from that of a
// field label on the same page; "no label" when the page has none to
// compare with.
const legendsLikeLabels = `(() => {
	const label = document.querySelector('main .utrecht-form-label:not(.utrecht-form-label--radio):not(.utrecht-form-label--checkbox)');
	if (!label) return ['no label'];
	const want = getComputedStyle(label);
	const bad = [];
	for (const fs of document.querySelectorAll('main fieldset')) {
		if (!fs.querySelector('input[type=radio], input[type=checkbox]')) continue;
		const legend = fs.querySelector(':scope > legend');
		if (!legend) { bad.push('fieldset ' + (fs.id || '?') + ' has no legend'); continue; }
		const got = getComputedStyle(legend);
		for (const p of ['fontSize', 'fontWeight', 'color']) {
			if (got[p] !== want[p]) bad.push(legend.textContent.trim() + ': ' + p + ' ' + got[p] + ', label ' + want[p]);
		}
	}
	return bad;
})()`

// TestEveryChoiceGroupHasALegendStyledAsALabel: on the report form's steps
// with choices, the anonymous form and the coördinator's aangifte form,
// each radio and checkbox group has a legend that looks like the labels
// of the other fields, so "Bent u nu in gevaar?" is no less prominent than
// any other question.
func TestEveryChoiceGroupHasALegendStyledAsALabel(t *testing.T) {
	t.Parallel()
	tl := requireTools(t)
	srv := startServer(t)
	member := srv.newPerson(t, auth.RoleMember, "GM0344", "Raadslid Utrecht")
	b := newTab(t, tl, srv.URL, "legenda")
	b.visit("/anoniem-melden", "anoniem-melden")
	if bad := eval[[]string](b, legendsLikeLabels); len(bad) > 0 {
		t.Errorf("/anoniem-melden: %v", bad)
	}
	b.visit("/login", "inloggen")
	b.logIn(member)
	b.visit("/meldingen/nieuw", "melden-stap-1")
	b.see("main fieldset legend", "Bent u nu in gevaar?")
	size := eval[string](b, `getComputedStyle(document.querySelector('main fieldset legend')).fontWeight`)
	if size != "700" {
		t.Errorf("the legend of 'Bent u nu in gevaar?' has font-weight %s, want 700 (bold, as labels)", size)
	}
}
