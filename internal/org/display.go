package org

import "strings"

// DisplayName is the name people know the organisation by. A gemeente and
// a provincie can share a name (Utrecht, Groningen), so theirs carries the
// kind: "Gemeente Utrecht", "Provincie Utrecht". Waterschappen, ministries
// and partners already say what they are ("Waterschap Rijn en IJssel") and
// keep their name as is. The kind word is part of the proper name, so it
// stays Dutch in every language.
func (o Organisation) DisplayName() string { return DisplayName(o.Kind, o.Name) }

// DisplayName is Organisation.DisplayName for a kind and name held
// elsewhere (an account row that joined the organisation's name and code:
// use KindOfCode).
func DisplayName(k Kind, name string) string {
	var word string
	switch k {
	case Gemeente:
		word = "Gemeente"
	case Provincie:
		word = "Provincie"
	default:
		return name
	}
	if name == "" || strings.HasPrefix(strings.ToLower(name), strings.ToLower(word)+" ") {
		return name
	}
	return word + " " + name
}

// KindOfCode is the kind a code's prefix names: CBS GMxxxx for gemeenten,
// PVxx for provincies, TOOI WSxxxx for waterschappen. Other codes
// (ministries, partners, the network) answer "", which DisplayName leaves
// as is.
func KindOfCode(code string) Kind {
	switch {
	case len(code) == 6 && strings.HasPrefix(code, "GM"):
		return Gemeente
	case len(code) == 4 && strings.HasPrefix(code, "PV"):
		return Provincie
	case len(code) == 6 && strings.HasPrefix(code, "WS"):
		return Waterschap
	}
	return ""
}
