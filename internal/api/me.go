package api

import (
	"fmt"
	"net/http"

	"weerbaar/internal/auth"
)

// meDoc is the person behind the token (schema Mij).
type meDoc struct {
	AccountID    int64      `json:"accountId"`
	Name         string     `json:"name"`
	Role         auth.Role  `json:"role"`
	Organisation *orgRefDoc `json:"organisation"`
}

// orgRefDoc names an organisation (schema Organisatie).
type orgRefDoc struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// me answers GET /mij.
func (s *Server) me(w http.ResponseWriter, r *http.Request) error {
	p := auth.FromContext(r.Context())
	doc := meDoc{AccountID: p.AccountID, Name: p.Name, Role: p.Role}
	if p.OrgID != 0 {
		o, err := s.deps.Orgs.Get(r.Context(), p.OrgID)
		if err != nil {
			return fmt.Errorf("mij: %w", err)
		}
		doc.Organisation = &orgRefDoc{Code: o.Code, Name: o.Name}
	}
	s.writeJSON(w, r, http.StatusOK, doc)
	return nil
}
