package meldingen

import (
	"context"
	"strconv"
	"time"

	"weerbaar/internal/org"
	"weerbaar/internal/web"
)

// The anonymous pages promise that nothing identifying is stored: no
// account, no cookie of ours that tells one visitor from another, and the
// network address only handed to the in-memory rate limiter (which keeps a
// keyed hash of it, never the address). Nothing here logs the request.

// anonymousPaths are the anonymous pages, which run without the session
// even for a signed-in person.
var anonymousPaths = []string{"/anoniem-melden", "/anoniem-volgen"}

// orgGroup is one kind of organisation in the anonymous picker.
type orgGroup struct {
	Key     string
	Options []web.Option
}

// orgGroups lists every gemeente, provincie and waterschap that exists
// today, grouped by kind: one native select that works without
// JavaScript and lets people type to jump.
func (s *Server) orgGroups(ctx context.Context, chosen string) ([]orgGroup, error) {
	var out []orgGroup
	for _, k := range []org.Kind{org.Gemeente, org.Provincie, org.Waterschap} {
		list, err := s.orgs.List(ctx, k, time.Now())
		if err != nil {
			return nil, err
		}
		g := orgGroup{Key: "anon.org.kind." + string(k)}
		for _, o := range list {
			id := strconv.FormatInt(o.ID, 10)
			g.Options = append(g.Options, web.Option{Value: id, Label: o.Name, Selected: id == chosen})
		}
		out = append(out, g)
	}
	return out, nil
}
