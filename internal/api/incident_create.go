package api

import (
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"slices"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/org"
	"weerbaar/internal/valid"
)

// incidentInput is the body of POST /meldingen (schema MeldingInvoer).
type incidentInput struct {
	Mode             incident.Mode `json:"mode"`
	OrganisationCode string        `json:"organisationCode"`
	incidentInputContent
}

// incidentInputContent is incidentContent with the time as text, so a
// badly formatted date is reported with its field name.
type incidentInputContent struct {
	incidentContent
	OccurredAt string `json:"occurredAt"`
}

// errIdempotencyMismatch: the key was used before for another report.
var errIdempotencyMismatch = apiError(http.StatusUnprocessableEntity, "api.detail.idempotency_mismatch")

// createIncident answers POST /meldingen. A retry with the same
// Idempotency-Key gets the incident made the first time; the service
// guarantees there is never a second one.
func (s *Server) createIncident(w http.ResponseWriter, r *http.Request) error {
	var in incidentInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	p := auth.FromContext(r.Context())
	want, err := s.incidentFromInput(r, p, in)
	if err != nil {
		return err
	}
	// Everything the answer needs is looked up before the report is
	// stored: once Submit has committed, building the answer must not be
	// able to fail, or the client would get an error for a stored report.
	orgs := s.orgNames()
	if want.OrgID != 0 {
		if _, err := orgs.ref(r.Context(), want.OrgID); err != nil && !errors.Is(err, org.ErrNotFound) {
			return err
		}
	}
	got, err := s.deps.Incidents.Submit(r.Context(), p, want, r.Header.Get("Idempotency-Key"))
	if err != nil {
		return renameFields(err, map[string]string{"orgId": "organisationCode", "idempotencyKey": "Idempotency-Key"})
	}
	if !sameSubmission(want, got) {
		return errIdempotencyMismatch
	}
	doc, err := s.incidentDoc(r, orgs, got)
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("%s/meldingen/%d", Prefix, got.ID))
	s.writeJSON(w, r, http.StatusCreated, doc)
	return nil
}

// incidentFromInput maps the body onto the domain's incident. Only what
// HTTP decides is checked here (the date's format, the organisation's
// code); every rule about the content is the service's.
func (s *Server) incidentFromInput(r *http.Request, p *auth.Principal, in incidentInput) (*incident.Incident, error) {
	c := in.incidentContent
	inc := &incident.Incident{Mode: in.Mode, OrgID: p.OrgID,
		VictimRole: deref(c.VictimRole), VictimDescription: c.VictimDescription,
		Place:       incident.Place{Kind: deref(c.PlaceKind), Detail: c.PlaceDetail, Platform: c.Platform, Link: c.Link},
		Description: c.Description, Kinds: c.Kinds,
		HomeFront:          incident.HomeFront{Partner: c.HomePartner, Children: c.HomeChildren, Others: c.HomeOthers},
		Perpetrator:        incident.Perpetrator{Kind: deref(c.PerpetratorKind), Description: c.PerpetratorDescription},
		Witnesses:          c.Witnesses,
		Impact:             incident.Impact{Personal: c.Impact, InfluencesDecisions: c.InfluencesDecisions, FeelsUnsafe: c.FeelsUnsafe},
		ReportedToEmployer: c.ReportedToEmployer, ReportedToPolice: c.ReportedToPolice,
		PoliceReference: c.PoliceReference, WantsAangifte: c.WantsAangifte,
		WantsSupport: c.WantsSupport, SupportRequest: c.SupportRequest, InDanger: c.InDanger}
	if inc.Mode == "" {
		inc.Mode = incident.ModeSelf
	}
	var params []paramProblem
	if in.OccurredAt != "" {
		t, err := time.Parse(time.RFC3339, in.OccurredAt)
		if err != nil {
			params = append(params, paramProblem{name: "occurredAt", reason: "api.reason.datetime"})
		}
		inc.OccurredAt = t.UTC()
	}
	if in.OrganisationCode != "" {
		o, err := s.deps.Orgs.ByCode(r.Context(), in.OrganisationCode)
		switch {
		case errors.Is(err, org.ErrNotFound):
			params = append(params, paramProblem{name: "organisationCode", reason: "valid.org_unknown"})
		case err != nil:
			return nil, err
		}
		inc.OrgID = o.ID
	}
	if len(params) > 0 {
		return nil, badRequest("api.detail.invalid_fields", params...)
	}
	return inc, nil
}

// sameSubmission reports whether got (the stored incident) holds what want
// asked for; it differs only when an Idempotency-Key is reused for
// another report.
func sameSubmission(want, got *incident.Incident) bool {
	norm := func(inc *incident.Incident) any {
		c := contentOf(inc)
		c.Kinds = slices.Sorted(slices.Values(c.Kinds))
		if c.OccurredAt != nil {
			t := c.OccurredAt.UTC().Truncate(time.Microsecond)
			c.OccurredAt = &t
		}
		return struct {
			Mode  incident.Mode
			OrgID int64
			C     incidentContent
		}{inc.Mode, inc.OrgID, c}
	}
	return reflect.DeepEqual(norm(want), norm(got))
}

// renameFields renames the fields of a validation error to the names the
// client used.
func renameFields(err error, names map[string]string) error {
	ve, ok := valid.As(err)
	if !ok {
		return err
	}
	out := &valid.Error{}
	for _, p := range ve.Problems {
		if n, ok := names[p.Field]; ok {
			p.Field = n
		}
		out.Problems = append(out.Problems, p)
	}
	return out
}

func deref[T ~string](p *T) T {
	if p == nil {
		return ""
	}
	return *p
}
