package org

import (
	"strings"
	"unicode"
)

// foldAccents maps the accented letters of Dutch and Frisian names to their
// plain letter, so "fryslan" finds Súdwest-Fryslân.
var foldAccents = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n", "ÿ", "y", "ĳ", "ij",
)

// searchKey folds text for prefix search: lower case, accents removed, and
// every run of other characters ('s-, (O.), /) one space, so each word of a
// name can be searched from its start and no LIKE wildcard survives.
func searchKey(s string) string {
	s = foldAccents.Replace(strings.ToLower(s))
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
			continue
		}
		space = true
	}
	return b.String()
}

// orgSearchKey is what the search_key column holds: name and code.
func orgSearchKey(name, code string) string {
	return searchKey(name + " " + code)
}
