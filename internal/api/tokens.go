package api

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"weerbaar/internal/auth"
)

// apiTokenDoc is a personal API token as its owner sees it (schema ApiToken).
type apiTokenDoc struct {
	ID         int64      `json:"id"`
	Name       string     `json:"name"`
	Hint       string     `json:"hint"`
	CreatedAt  time.Time  `json:"createdAt"`
	LastUsedAt *time.Time `json:"lastUsedAt"`
	// Token is the secret itself, present only in the answer to creation.
	Token string `json:"token,omitempty"`
}

func tokenDoc(t auth.APIToken) apiTokenDoc {
	return apiTokenDoc{ID: t.ID, Name: t.Name, Hint: t.Hint, CreatedAt: t.CreatedAt, LastUsedAt: timeOrNil(t.LastUsedAt)}
}

// listTokens answers GET /api-tokens: the person's tokens that still work.
func (s *Server) listTokens(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.deps.Auth.ListAPITokens(r.Context(), auth.FromContext(r.Context()))
	if err != nil {
		return err
	}
	items := make([]apiTokenDoc, len(ts))
	for i, t := range ts {
		items[i] = tokenDoc(t)
	}
	s.writeJSON(w, r, http.StatusOK, itemsDoc[apiTokenDoc]{Items: items})
	return nil
}

// createToken answers POST /api-tokens. The token is shown this once.
func (s *Server) createToken(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Name string `json:"name"`
	}
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	secret, t, err := s.deps.Auth.CreateAPIToken(r.Context(), auth.FromContext(r.Context()), in.Name)
	if err != nil {
		return err
	}
	doc := tokenDoc(t)
	doc.Token = secret
	w.Header().Set("Location", fmt.Sprintf("%s/api-tokens/%d", Prefix, t.ID))
	s.writeJSON(w, r, http.StatusCreated, doc)
	return nil
}

// revokeToken answers DELETE /api-tokens/{id}; only one's own tokens.
func (s *Server) revokeToken(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.deps.Auth.RevokeAPIToken(r.Context(), auth.FromContext(r.Context()), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// itemsDoc wraps a list, so it can gain fields without breaking clients.
type itemsDoc[T any] struct {
	Items []T `json:"items"`
}

// pathID parses the path parameter name as a positive integer id.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, badRequest("api.detail.invalid_path", paramProblem{name: name, reason: "api.reason.positive_id"})
	}
	return id, nil
}

// timeOrNil is nil for the zero time, which JSON shows as null.
func timeOrNil(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}
