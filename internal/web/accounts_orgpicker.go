package web

import (
	"context"
	"errors"
	"regexp"
	"strings"

	"weerbaar/internal/org"
)

// orgPicker is the organisation field of the account pages: a text field
// with a <datalist> of every organisation that exists today ("Utrecht
// (GM0344)"). Browsers offer the list as one types; without it (or
// without the list) a code or a distinctive part of the name works too.
// No JavaScript is needed.
type orgPicker struct {
	Options []string
}

// orgPicker lists every organisation of today for the datalist.
func (s *Server) orgPicker(ctx context.Context) (orgPicker, error) {
	if s.orgs == nil {
		return orgPicker{}, nil
	}
	list, err := s.orgs.List(ctx, "", s.now())
	if err != nil {
		return orgPicker{}, err
	}
	out := orgPicker{Options: make([]string, 0, len(list))}
	for _, o := range list {
		out.Options = append(out.Options, orgLabel(o))
	}
	return out, nil
}

func orgLabel(o org.Organisation) string { return o.Name + " (" + o.Code + ")" }

var orgCodeRE = regexp.MustCompile(`\(([^()]+)\)\s*$`)

// pickOrg finds the organisation a person typed or chose: "Name (CODE)",
// a code, or a name (part) that matches one organisation only. When it
// cannot decide it returns a catalogue key saying what to do instead.
func (s *Server) pickOrg(ctx context.Context, input string) (org.Organisation, string, error) {
	input = strings.TrimSpace(input)
	if input == "" || s.orgs == nil {
		return org.Organisation{}, "", nil
	}
	code := input
	if m := orgCodeRE.FindStringSubmatch(input); m != nil {
		code = strings.TrimSpace(m[1])
	}
	for _, c := range []string{code, strings.ToUpper(code)} {
		o, err := s.orgs.ByCode(ctx, c)
		if err == nil {
			return o, "", nil
		}
		if !errors.Is(err, org.ErrNotFound) {
			return o, "", err
		}
	}
	found, err := s.orgs.Search(ctx, input)
	if err != nil {
		return org.Organisation{}, "", err
	}
	for _, o := range found {
		if strings.EqualFold(o.Name, input) {
			return o, "", nil
		}
	}
	switch len(found) {
	case 1:
		return found[0], "", nil
	case 0:
		return org.Organisation{}, "accounts.org.unknown", nil
	}
	return org.Organisation{}, "accounts.org.ambiguous", nil
}
