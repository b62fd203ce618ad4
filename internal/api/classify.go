package api

import (
	"errors"
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
)

// classify maps the domains' sentinel errors to what the client sees, or
// returns nil for an error the client cannot act on. The detail says what
// happened without saying more than the client may know.
func classify(err error) *httpError {
	switch {
	case errors.Is(err, auth.ErrNoSession):
		return apiError(http.StatusUnauthorized, "api.detail.bad_token")
	case errors.Is(err, incident.ErrRateLimited):
		return apiError(http.StatusTooManyRequests, "api.detail.anonymous_rate_limited")
	case errors.Is(err, incident.ErrUnreadable):
		// Stored damaged (the service logged its id); other meldingen
		// are not affected.
		return apiError(http.StatusInternalServerError, "api.detail.incident_unreadable")
	case errors.Is(err, incident.ErrTransition):
		return apiError(http.StatusConflict, "api.detail.conflict")
	case errors.Is(err, auth.ErrForbidden), errors.Is(err, incident.ErrForbidden):
		return apiError(http.StatusForbidden, "api.detail.forbidden")
	case errors.Is(err, auth.ErrNotFound), errors.Is(err, incident.ErrNotFound), errors.Is(err, org.ErrNotFound):
		return apiError(http.StatusNotFound, "api.detail.not_found")
	}
	return nil
}
