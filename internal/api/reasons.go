package api

import (
	"net/http"
	"strings"

	"weerbaar/internal/i18n"
)

// language picks the first supported language of the Accept-Language
// header, in the client's order; quality values are not weighed, clients
// list their preference first. Dutch by default.
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
