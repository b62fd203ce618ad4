package api

import (
	"net/http"
	"strings"

	"weerbaar/internal/i18n"
	"weerbaar/internal/valid"
)

// reasons turns a domain's field problems into invalidParams, each reason
// taken from the message catalogue (key "valid.<code>") in the language
// the client asks for with Accept-Language; Dutch by default.
func (s *Server) reasons(r *http.Request, ve *valid.Error) []invalidParam {
	lang := language(r)
	out := make([]invalidParam, 0, len(ve.Problems))
	for _, p := range ve.Problems {
		out = append(out, invalidParam{Name: p.Field, Reason: s.deps.Messages.T(lang, "valid."+p.Code, p.Args...)})
	}
	return out
}

// language picks the first supported language of the Accept-Language
// header, in the client's order; quality values are not weighed, clients
// list their preference first.
func language(r *http.Request) string {
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if i18n.Supported(base) {
			return base
		}
	}
	return i18n.Default
}

// Reasons for problems the API finds itself, before any domain sees the
// input; they are about the HTTP form of the request, not its content.
const (
	reasonDateTime = "Gebruik een datum en tijd volgens RFC 3339 met tijdzone, zoals 2026-11-20T14:30:00+01:00."
	reasonDate     = "Gebruik een datum als JJJJ-MM-DD, zoals 2026-11-20."
	reasonBool     = "Gebruik true of false."
	reasonPage     = "Gebruik een paginanummer vanaf 1."
	reasonUnknown  = "Deze parameter bestaat niet."
)
