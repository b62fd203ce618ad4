package api

import (
	"errors"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
)

// classify maps the domains' sentinel errors to what the client sees. The
// detail says what happened without saying more than the client may know.
func classify(err error) (status int, title, detail string, ok bool) {
	switch {
	case errors.Is(err, auth.ErrNoSession):
		return http.StatusUnauthorized, "Niet geauthenticeerd", "Stuur een geldig persoonlijk API-token mee.", true
	case errors.Is(err, incident.ErrTransition):
		return http.StatusConflict, "Kan nu niet", "Dit kan niet in de huidige status van de melding, bijvoorbeeld opvolging op een afgesloten melding.", true
	case errors.Is(err, auth.ErrForbidden), errors.Is(err, incident.ErrForbidden):
		return http.StatusForbidden, "Geen toegang", "Je rol of organisatie geeft geen toegang tot dit gegeven of deze handeling.", true
	case errors.Is(err, auth.ErrNotFound), errors.Is(err, incident.ErrNotFound), errors.Is(err, org.ErrNotFound):
		return http.StatusNotFound, "Niet gevonden", "Dit bestaat niet, of je mag het niet zien.", true
	}
	return 0, "", "", false
}
