package accounts

import (
	"context"
	"errors"
	"net/http"
	"regexp"
	"strings"

	"weerbaar/internal/auth"
	"weerbaar/internal/org"
	"weerbaar/internal/web"
)

// orgPicker is the organisation field of the account pages: a text field
// with a <datalist> of every organisation that exists today ("Gemeente
// Utrecht (GM0344)"). Browsers offer the list as one types; without it (or
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
	list, err := s.orgs.List(ctx, "", s.Now())
	if err != nil {
		return orgPicker{}, err
	}
	out := orgPicker{Options: make([]string, 0, len(list))}
	for _, o := range list {
		out.Options = append(out.Options, orgLabel(o))
	}
	return out, nil
}

func orgLabel(o org.Organisation) string { return o.DisplayName() + " (" + o.Code + ")" }

var orgCodeRE = regexp.MustCompile(`\(([^()]+)\)\s*$`)

// orgProblem says why a typed organisation was not found: a catalogue key
// and its values (the candidates, when several match).
type orgProblem struct {
	Key  string
	Args []any
}

// orgMessage is the problem in lang, for the field.
func (s *Server) orgMessage(lang string, p *orgProblem) string {
	return s.Catalog().T(lang, p.Key, p.Args...)
}

// maxSuggestions is how many candidates an ambiguous name lists.
const maxSuggestions = 6

// pickOrg finds the organisation a person typed or chose: "Name (CODE)",
// a code, or a name (part) that matches one organisation only. When it
// cannot decide it says what to do instead, naming the candidates.
func (s *Server) pickOrg(ctx context.Context, input string) (org.Organisation, *orgProblem, error) {
	input = strings.TrimSpace(input)
	if input == "" || s.orgs == nil {
		return org.Organisation{}, nil, nil
	}
	code := input
	if m := orgCodeRE.FindStringSubmatch(input); m != nil {
		code = strings.TrimSpace(m[1])
	}
	for _, c := range []string{code, strings.ToUpper(code)} {
		o, err := s.orgs.ByCode(ctx, c)
		if err == nil {
			return o, nil, nil
		}
		if !errors.Is(err, org.ErrNotFound) {
			return o, nil, err
		}
	}
	found, err := s.orgs.Search(ctx, withoutKindWord(input))
	if err != nil {
		return org.Organisation{}, nil, err
	}
	for _, o := range found {
		if strings.EqualFold(o.Name, input) || strings.EqualFold(o.DisplayName(), input) {
			return o, nil, nil
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil, nil
	case 0:
		return org.Organisation{}, &orgProblem{Key: "accounts.org.unknown"}, nil
	}
	var names []string
	for _, o := range found[:min(len(found), maxSuggestions)] {
		names = append(names, orgLabel(o))
	}
	if len(found) > maxSuggestions {
		names = append(names, "…")
	}
	return org.Organisation{}, &orgProblem{Key: "accounts.org.ambiguous", Args: []any{strings.Join(names, "; ")}}, nil
}

// withoutKindWord drops a leading "Gemeente " or "Provincie " (as the
// picker shows names), since the reference data holds the bare name.
func withoutKindWord(input string) string {
	for _, w := range []string{"gemeente ", "provincie "} {
		if len(input) > len(w) && strings.EqualFold(input[:len(w)], w) {
			return strings.TrimSpace(input[len(w):])
		}
	}
	return input
}

// formOrg is the organisation an account form is for: a coördinator's
// own, or for an admin the one picked in field "org". A pick that cannot
// be decided is added to f as the field's problem, and ok is false.
func (s *Server) formOrg(r *http.Request, pr *auth.Principal, f *web.Form) (id int64, ok bool, err error) {
	if pr.Role != auth.RoleAdmin {
		return pr.OrgID, true, nil
	}
	o, problem, err := s.pickOrg(r.Context(), f.Get("org"))
	if err != nil {
		return 0, false, err
	}
	if problem != nil {
		f.AddError("org", s.orgMessage(web.Language(r), problem))
		return 0, false, nil
	}
	return o.ID, true, nil
}
