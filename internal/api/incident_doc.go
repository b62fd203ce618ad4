package api

import (
	"context"
	"net/http"
	"time"

	"weerbaar/internal/incident"
)

// The JSON shapes of the meldingen resources (schemas Melding,
// MeldingSamenvatting, Opvolging, Termijnen, ... in openapi.json). Property
// names are the domain's field names, so the invalidParams of a 400 name
// exactly what the client sent.

type incidentDoc struct {
	ID              int64             `json:"id"`
	Status          incident.Status   `json:"status"`
	Mode            incident.Mode     `json:"mode"`
	Organisation    orgRefDoc         `json:"organisation"`
	ReporterID      *int64            `json:"reporterId"`
	incidentContent                   // the fields a reporter fills in
	Referred        bool              `json:"referredToSupport"`
	CreatedAt       time.Time         `json:"createdAt"`
	SubmittedAt     *time.Time        `json:"submittedAt"`
	ClosedAt        *time.Time        `json:"closedAt"`
	Deadlines       deadlinesDoc      `json:"deadlines"`
	History         []statusChangeDoc `json:"history"`
	FollowUps       []followUpDoc     `json:"followUps"`
	Aangiftes       []aangifteDoc     `json:"aangiftes"`
	Chain           []chainStepDoc    `json:"chain"`
	UrgentAdvice    *string           `json:"urgentAdvice"`
}

// incidentContent is what a reporter fills in, shared by the input
// (schema MeldingInvoer) and the output (schema Melding).
type incidentContent struct {
	VictimRole             *incident.VictimRole      `json:"victimRole"`
	VictimDescription      string                    `json:"victimDescription"`
	OccurredAt             *time.Time                `json:"occurredAt"`
	PlaceKind              *incident.PlaceKind       `json:"placeKind"`
	PlaceDetail            string                    `json:"placeDetail"`
	Platform               string                    `json:"platform"`
	Link                   string                    `json:"link"`
	Description            string                    `json:"description"`
	Kinds                  []incident.Kind           `json:"kinds"`
	HomePartner            bool                      `json:"homePartner"`
	HomeChildren           bool                      `json:"homeChildren"`
	HomeOthers             bool                      `json:"homeOthers"`
	PerpetratorKind        *incident.PerpetratorKind `json:"perpetratorKind"`
	PerpetratorDescription string                    `json:"perpetratorDescription"`
	Witnesses              string                    `json:"witnesses"`
	Impact                 string                    `json:"impact"`
	InfluencesDecisions    bool                      `json:"influencesDecisions"`
	FeelsUnsafe            bool                      `json:"feelsUnsafe"`
	ReportedToEmployer     bool                      `json:"reportedToEmployer"`
	ReportedToPolice       bool                      `json:"reportedToPolice"`
	PoliceReference        string                    `json:"policeReference"`
	WantsAangifte          bool                      `json:"wantsAangifte"`
	WantsSupport           bool                      `json:"wantsSupport"`
	SupportRequest         string                    `json:"supportRequest"`
	InDanger               bool                      `json:"inDanger"`
}

func contentOf(inc *incident.Incident) incidentContent {
	return incidentContent{
		VictimRole: nonEmpty(inc.VictimRole), VictimDescription: inc.VictimDescription,
		OccurredAt: timeOrNil(inc.OccurredAt), PlaceKind: nonEmpty(inc.Place.Kind),
		PlaceDetail: inc.Place.Detail, Platform: inc.Place.Platform, Link: inc.Place.Link,
		Description: inc.Description, Kinds: orEmpty(inc.Kinds),
		HomePartner: inc.HomeFront.Partner, HomeChildren: inc.HomeFront.Children, HomeOthers: inc.HomeFront.Others,
		PerpetratorKind: nonEmpty(inc.Perpetrator.Kind), PerpetratorDescription: inc.Perpetrator.Description,
		Witnesses: inc.Witnesses, Impact: inc.Impact.Personal,
		InfluencesDecisions: inc.Impact.InfluencesDecisions, FeelsUnsafe: inc.Impact.FeelsUnsafe,
		ReportedToEmployer: inc.ReportedToEmployer, ReportedToPolice: inc.ReportedToPolice,
		PoliceReference: inc.PoliceReference, WantsAangifte: inc.WantsAangifte,
		WantsSupport: inc.WantsSupport, SupportRequest: inc.SupportRequest, InDanger: inc.InDanger,
	}
}

// incidentDoc is inc as the client sees it. A reporter who is in danger
// now is told to call 112 first, in the language they asked for.
func (s *Server) incidentDoc(r *http.Request, orgs *orgNames, inc *incident.Incident) (incidentDoc, error) {
	o, err := orgs.ref(r.Context(), inc.OrgID)
	if err != nil {
		return incidentDoc{}, err
	}
	d := incidentDoc{ID: inc.ID, Status: inc.Status, Mode: inc.Mode, Organisation: o,
		incidentContent: contentOf(inc), Referred: inc.ReferredToSupport, CreatedAt: inc.CreatedAt,
		SubmittedAt: timeOrNil(inc.SubmittedAt), ClosedAt: timeOrNil(inc.ClosedAt),
		Deadlines: deadlinesOf(inc.Deadlines, s.deps.Now()),
		History:   []statusChangeDoc{}, FollowUps: []followUpDoc{}, Aangiftes: []aangifteDoc{}, Chain: []chainStepDoc{}}
	if inc.ReporterID != 0 {
		d.ReporterID = &inc.ReporterID
	}
	if inc.InDanger {
		advice := s.deps.Messages.T(language(r), "api.urgent_advice")
		d.UrgentAdvice = &advice
	}
	for _, h := range inc.History {
		d.History = append(d.History, statusChangeDoc{From: h.From, To: h.To, At: h.At})
	}
	for _, f := range inc.FollowUps {
		d.FollowUps = append(d.FollowUps, followUpOf(f))
	}
	for _, a := range inc.Aangiftes {
		d.Aangiftes = append(d.Aangiftes, aangifteOf(a))
	}
	for _, c := range inc.Chain {
		d.Chain = append(d.Chain, chainStepDoc{ID: c.ID, Step: c.Step, Outcome: c.Outcome,
			On: c.On.Format(time.DateOnly), Note: c.Note, RecordedAt: c.RecordedAt})
	}
	return d, nil
}

type summaryDoc struct {
	ID           int64                `json:"id"`
	Status       incident.Status      `json:"status"`
	Mode         incident.Mode        `json:"mode"`
	Organisation orgRefDoc            `json:"organisation"`
	VictimRole   *incident.VictimRole `json:"victimRole"`
	Kinds        []incident.Kind      `json:"kinds"`
	PlaceKind    *incident.PlaceKind  `json:"placeKind"`
	OccurredAt   *time.Time           `json:"occurredAt"`
	SubmittedAt  *time.Time           `json:"submittedAt"`
	InDanger     bool                 `json:"inDanger"`
	Aangifte     bool                 `json:"aangifte"`
	Overdue      bool                 `json:"overdue"`
	Deadlines    deadlinesDoc         `json:"deadlines"`
}

func (s *Server) summaryDocs(ctx context.Context, items []incident.Summary) ([]summaryDoc, error) {
	orgs := s.orgNames()
	now := s.deps.Now()
	out := make([]summaryDoc, 0, len(items))
	for _, it := range items {
		o, err := orgs.ref(ctx, it.OrgID)
		if err != nil {
			return nil, err
		}
		out = append(out, summaryDoc{ID: it.ID, Status: it.Status, Mode: it.Mode, Organisation: o,
			VictimRole: nonEmpty(it.VictimRole), Kinds: orEmpty(it.Kinds), PlaceKind: nonEmpty(it.PlaceKind),
			OccurredAt: timeOrNil(it.OccurredAt), SubmittedAt: timeOrNil(it.SubmittedAt),
			InDanger: it.InDanger, Aangifte: it.Aangifte, Overdue: it.Deadlines.Overdue(now),
			Deadlines: deadlinesOf(it.Deadlines, now)})
	}
	return out, nil
}

type deadlineDoc struct {
	State string     `json:"state"`
	Due   *time.Time `json:"due"`
	Done  *time.Time `json:"done"`
}

type deadlinesDoc struct {
	FirstContact deadlineDoc `json:"firstContact"`
	Reaction     deadlineDoc `json:"reaction"`
	Aangifte     deadlineDoc `json:"aangifte"`
}

func deadlinesOf(d incident.Deadlines, now time.Time) deadlinesDoc {
	one := func(x incident.Deadline) deadlineDoc {
		st := string(x.State(now))
		if st == "" {
			st = "none"
		}
		return deadlineDoc{State: st, Due: timeOrNil(x.Due), Done: timeOrNil(x.Done)}
	}
	return deadlinesDoc{FirstContact: one(d.FirstContact), Reaction: one(d.Reaction), Aangifte: one(d.Aangifte)}
}

type statusChangeDoc struct {
	From incident.Status `json:"from"`
	To   incident.Status `json:"to"`
	At   time.Time       `json:"at"`
}

type followUpDoc struct {
	ID           int64                  `json:"id"`
	Kind         incident.FollowUpKind  `json:"kind"`
	ReactionForm *incident.ReactionForm `json:"reactionForm"`
	DoneAt       time.Time              `json:"doneAt"`
	RecordedAt   time.Time              `json:"recordedAt"`
	ActorID      int64                  `json:"actorId"`
	Note         string                 `json:"note"`
}

func followUpOf(f incident.FollowUp) followUpDoc {
	return followUpDoc{ID: f.ID, Kind: f.Kind, ReactionForm: nonEmpty(f.ReactionForm), DoneAt: f.DoneAt,
		RecordedAt: f.RecordedAt, ActorID: f.ActorID, Note: f.Note}
}

type aangifteDoc struct {
	ID          int64                  `json:"id"`
	Type        incident.ReportType    `json:"type"`
	FiledBy     incident.FiledBy       `json:"filedBy"`
	VPTAsked    bool                   `json:"vptAsked"`
	VPTApplied  incident.Answer        `json:"vptApplied"`
	Address     incident.AddressChoice `json:"address"`
	UnderNumber bool                   `json:"underNumber"`
	FiledOn     string                 `json:"filedOn"`
	PoliceUnit  string                 `json:"policeUnit"`
	PVNumber    string                 `json:"pvNumber"`
	PVPlace     string                 `json:"pvPlace"`
	RecordedAt  time.Time              `json:"recordedAt"`
}

func aangifteOf(a incident.Aangifte) aangifteDoc {
	return aangifteDoc{ID: a.ID, Type: a.Type, FiledBy: a.FiledBy, VPTAsked: a.VPTAsked,
		VPTApplied: a.VPTApplied, Address: a.Address, UnderNumber: a.UnderNumber,
		FiledOn: a.FiledOn.Format(time.DateOnly), PoliceUnit: a.PoliceUnit, PVNumber: a.PVNumber,
		PVPlace: a.PVPlace, RecordedAt: a.RecordedAt}
}

type chainStepDoc struct {
	ID         int64                  `json:"id"`
	Step       incident.ChainStepKind `json:"step"`
	Outcome    string                 `json:"outcome"`
	On         string                 `json:"on"`
	Note       string                 `json:"note"`
	RecordedAt time.Time              `json:"recordedAt"`
}

// nonEmpty is nil for the empty value, which JSON shows as null.
func nonEmpty[T ~string](v T) *T {
	if v == "" {
		return nil
	}
	return &v
}

// orEmpty makes a nil list an empty JSON array.
func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}
