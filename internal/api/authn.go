package api

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/httpx"
	"weerbaar/internal/ratelimit"
)

// Failed token attempts allowed per client address per window; after that
// the address gets 429 until the window ends, so tokens cannot be guessed
// (they carry 256 random bits anyway) and a broken client cannot hammer
// the database.
const (
	tokenFailureLimit  = 20
	tokenFailureWindow = 10 * time.Minute
)

func newFailureLimiter(now func() time.Time) *ratelimit.Limiter {
	return ratelimit.New(ratelimit.Config{Limit: tokenFailureLimit, Window: tokenFailureWindow, Now: now})
}

var (
	errNoToken         = apiError(http.StatusUnauthorized, "api.detail.no_token")
	errBadToken        = apiError(http.StatusUnauthorized, "api.detail.bad_token")
	errTooManyFailures = apiError(http.StatusTooManyRequests, "api.detail.too_many_failures")
)

// authenticate finds the principal of r's bearer token. Only the
// Authorization header counts: a session cookie is ignored, so a browser
// that is logged in to the web interface cannot be made to call the API by
// another site.
func (s *Server) authenticate(r *http.Request) (context.Context, error) {
	client := httpx.ClientHost(r)
	if s.failures.Remaining(client) <= 0 {
		return nil, errTooManyFailures
	}
	token, ok := bearerToken(r)
	if !ok {
		return nil, errNoToken
	}
	p, err := s.deps.Auth.AuthenticateAPIToken(r.Context(), token)
	if err != nil {
		if errors.Is(err, auth.ErrNoSession) {
			s.failures.Allow(client)
			return nil, errBadToken
		}
		return nil, err
	}
	return auth.WithPrincipal(r.Context(), p), nil
}

// bearerToken returns the token of an "Authorization: Bearer …" header.
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}

// retryAfter is the Retry-After value for errTooManyFailures.
var retryAfter = strconv.Itoa(int(tokenFailureWindow / time.Second))
