package api

import (
	"errors"
	"net/http"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/httpx"
	"weerbaar/internal/incident"
)

// The anonymous route of the API (schemas AnoniemeMelding*), for a
// municipality's own app or intranet: the same rules, limits and privacy as
// the anonymous web form. No token, no address and no user agent stored;
// the receipt code travels only in request bodies (never in a URL, which
// logs keep) and is shown once.

// anonymousInput is the body of POST /anonieme-meldingen.
type anonymousInput struct {
	OrganisationCode string `json:"organisationCode"`
	incidentInputContent
}

// receiptInput names a report by its receipt code.
type receiptInput struct {
	ReceiptCode string `json:"receiptCode"`
}

// anonMessageInput is a message from the holder of a receipt code.
type anonMessageInput struct {
	ReceiptCode string `json:"receiptCode"`
	Body        string `json:"body"`
}

type receiptDoc struct {
	ReceiptCode string `json:"receiptCode"`
	Notice      string `json:"notice"`
}

type anonymousStatusDoc struct {
	Status              incident.Status       `json:"status"`
	Organisation        orgRefDoc             `json:"organisation"`
	SubmittedAt         *time.Time            `json:"submittedAt"`
	OccurredAt          *time.Time            `json:"occurredAt"`
	PlaceKind           *incident.PlaceKind   `json:"placeKind"`
	Platform            string                `json:"platform"`
	Description         string                `json:"description"`
	Kinds               []incident.Kind       `json:"kinds"`
	Impact              string                `json:"impact"`
	InfluencesDecisions bool                  `json:"influencesDecisions"`
	FeelsUnsafe         bool                  `json:"feelsUnsafe"`
	History             []statusChangeDoc     `json:"history"`
	Messages            []anonymousMessageDoc `json:"messages"`
	Unread              int                   `json:"unread"`
	Files               []anonymousFileDoc    `json:"files"`
}

type anonymousMessageDoc struct {
	Sender    incident.Sender `json:"sender"`
	Body      string          `json:"body"`
	CreatedAt time.Time       `json:"createdAt"`
}

type anonymousFileDoc struct {
	Filename    string `json:"filename"`
	ContentType string `json:"contentType"`
	Size        int64  `json:"size"`
}

// createAnonymous answers POST /anonieme-meldingen with the receipt code.
func (s *Server) createAnonymous(w http.ResponseWriter, r *http.Request) error {
	httpx.Untraceable(w)
	if s.deps.Anonymous == nil {
		return apiError(http.StatusNotFound, "api.detail.not_found")
	}
	var in anonymousInput
	if err := decodeJSON(w, r, &in); err != nil {
		return err
	}
	inc, err := s.incidentFromInput(r, &auth.Principal{}, incidentInput{OrganisationCode: in.OrganisationCode, incidentInputContent: in.incidentInputContent})
	if err != nil {
		return err
	}
	code, err := s.deps.Anonymous.Report(r.Context(), httpx.ClientHost(r), inc)
	if err != nil {
		return renameFields(err, map[string]string{"orgId": "organisationCode"})
	}
	s.writeJSON(w, r, http.StatusCreated, receiptDoc{ReceiptCode: code.String(),
		Notice: s.deps.Messages.T(language(r), "api.anonymous.keep_code")})
	return nil
}

// anonymousStatus answers POST /anonieme-meldingen/status: the report
// behind the code, its status and the conversation (the handler's
// messages are marked read).
func (s *Server) anonymousStatus(w http.ResponseWriter, r *http.Request) error {
	httpx.Untraceable(w)
	var in receiptInput
	if err := s.decodeAnonymous(w, r, &in); err != nil {
		return err
	}
	rv, err := s.deps.Anonymous.Status(r.Context(), httpx.ClientHost(r), in.ReceiptCode)
	if err != nil {
		return receiptError(err)
	}
	inc := rv.Incident
	o, err := s.orgNames().ref(r.Context(), inc.OrgID)
	if err != nil {
		return err
	}
	c := contentOf(inc)
	doc := anonymousStatusDoc{Status: inc.Status, Organisation: o, SubmittedAt: timeOrNil(inc.SubmittedAt),
		OccurredAt: c.OccurredAt, PlaceKind: c.PlaceKind, Platform: c.Platform, Description: c.Description,
		Kinds: c.Kinds, Impact: c.Impact, InfluencesDecisions: c.InfluencesDecisions, FeelsUnsafe: c.FeelsUnsafe,
		History: []statusChangeDoc{}, Messages: []anonymousMessageDoc{}, Unread: rv.Unread, Files: []anonymousFileDoc{}}
	for _, h := range inc.History {
		doc.History = append(doc.History, statusChangeDoc{From: h.From, To: h.To, At: h.At})
	}
	for _, m := range rv.Messages {
		doc.Messages = append(doc.Messages, anonymousMessageDoc{Sender: m.Sender, Body: m.Body, CreatedAt: m.CreatedAt})
	}
	for _, f := range rv.Files {
		doc.Files = append(doc.Files, anonymousFileDoc{Filename: f.Filename, ContentType: f.ContentType, Size: f.Size})
	}
	s.writeJSON(w, r, http.StatusOK, doc)
	return nil
}

// anonymousMessage answers POST /anonieme-meldingen/berichten: a message
// from the holder of the code to the handler.
func (s *Server) anonymousMessage(w http.ResponseWriter, r *http.Request) error {
	httpx.Untraceable(w)
	var in anonMessageInput
	if err := s.decodeAnonymous(w, r, &in); err != nil {
		return err
	}
	m, err := s.deps.Anonymous.Send(r.Context(), httpx.ClientHost(r), in.ReceiptCode, in.Body)
	if err != nil {
		return receiptError(err)
	}
	s.writeJSON(w, r, http.StatusCreated, anonymousMessageDoc{Sender: m.Sender, Body: m.Body, CreatedAt: m.CreatedAt})
	return nil
}

// decodeAnonymous reads the body of a request on the anonymous route.
func (s *Server) decodeAnonymous(w http.ResponseWriter, r *http.Request, dst any) error {
	if s.deps.Anonymous == nil {
		return apiError(http.StatusNotFound, "api.detail.not_found")
	}
	return decodeJSON(w, r, dst)
}

// receiptError: a wrong code is a problem with the field receiptCode, the
// same for a malformed, unknown or mistyped one.
func receiptError(err error) error {
	if errors.Is(err, incident.ErrUnknownReceipt) {
		return badRequest("api.detail.invalid_fields", paramProblem{name: "receiptCode", reason: "api.reason.unknown_receipt"})
	}
	return err
}
