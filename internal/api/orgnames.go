package api

import (
	"context"
	"fmt"
)

// orgNames looks up organisations' codes and names once per request.
type orgNames struct {
	s    *Server
	seen map[int64]orgRefDoc
}

func (s *Server) orgNames() *orgNames { return &orgNames{s: s, seen: map[int64]orgRefDoc{}} }

func (n *orgNames) ref(ctx context.Context, id int64) (orgRefDoc, error) {
	if d, ok := n.seen[id]; ok {
		return d, nil
	}
	o, err := n.s.deps.Orgs.Get(ctx, id)
	if err != nil {
		return orgRefDoc{}, fmt.Errorf("organisation %d: %w", id, err)
	}
	d := orgRefDoc{Code: o.Code, Name: o.Name}
	n.seen[id] = d
	return d, nil
}
