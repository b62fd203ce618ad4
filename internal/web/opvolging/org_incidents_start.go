package opvolging

import (
	"context"
	"errors"
	"sort"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// startItemsMax bounds the lines of open work a section lists; the rest
// is one click away in the list.
const startItemsMax = 5

// FollowUpSections are the start-page sections of the organisation's
// meldingen: for the coördinator, open incidents with the first-contact
// deadline, reactions toward the perpetrator that are due, and a call to
// write the norm and aggression protocol while the organisation has none;
// for the support team, the organisations without a protocol and the
// incidents referred to it. internal/app adds them to Options.Sections.
func FollowUpSections(svc *incident.Service, cat *i18n.Catalog, now func() time.Time) []web.Section {
	if now == nil {
		now = time.Now
	}
	coord := []auth.Role{auth.RoleCoordinator}
	return []web.Section{
		{Name: "open-meldingen", Roles: coord, Load: func(ctx context.Context, p *auth.Principal) (*web.SectionView, error) {
			return startOpenIncidents(ctx, svc, cat, p, now())
		}},
		{Name: "reactie-dader", Roles: coord, Load: func(ctx context.Context, p *auth.Principal) (*web.SectionView, error) {
			return startReactionsDue(ctx, svc, cat, p, now())
		}},
		{Name: "protocol", Roles: coord, Load: func(ctx context.Context, p *auth.Principal) (*web.SectionView, error) {
			return startProtocolMissing(ctx, svc, p)
		}},
		{Name: "ondersteuningsteam", Roles: []auth.Role{auth.RoleSupportTeam}, Load: func(ctx context.Context, p *auth.Principal) (*web.SectionView, error) {
			return startSupportTeam(ctx, svc, p)
		}},
	}
}

// startSupportTeam counts the organisations without a protocol and the
// incidents referred to the team, with the way to both lists.
func startSupportTeam(ctx context.Context, svc *incident.Service, p *auth.Principal) (*web.SectionView, error) {
	gaps, err := svc.OrganisationsWithoutProtocol(ctx, p)
	if err != nil {
		return nil, err
	}
	referred, err := svc.ListReferred(ctx, p)
	if err != nil {
		return nil, err
	}
	return &web.SectionView{TitleKey: "followup.start.support.title", TextKey: "followup.start.support.text",
		TextArgs: []any{len(gaps), len(referred)}, Actions: []web.Action{
			{Key: "followup.start.support.referred", Href: "/ondersteuningsteam/meldingen", Primary: true},
			{Key: "followup.start.support.gaps", Href: "/ondersteuningsteam/zonder-protocol"}}}, nil
}

// startOpenIncidents counts the new and overdue incidents and lists those
// waiting for first contact, overdue first.
func startOpenIncidents(ctx context.Context, svc *incident.Service, cat *i18n.Catalog, p *auth.Principal, now time.Time) (*web.SectionView, error) {
	open, err := svc.OpenWork(ctx, p, p.OrgID)
	if err != nil {
		return nil, err
	}
	var fresh, late []incident.Summary
	for _, it := range open {
		if it.Overdue(now) {
			late = append(late, it)
		}
		if it.Status == incident.StatusNew {
			fresh = append(fresh, it)
		}
	}
	lang := web.LanguageOf(ctx)
	v := &web.SectionView{TitleKey: "followup.start.open.title", TextKey: "followup.start.open.text",
		TextArgs: []any{len(fresh), len(late)}, EmptyKey: "followup.start.open.empty",
		Actions: []web.Action{{Key: "followup.start.open.all", Href: "/organisatie/meldingen", Primary: true}}}
	if len(late) > 0 {
		v.Actions = append(v.Actions, web.Action{Key: "followup.start.open.late", Href: "/organisatie/meldingen?te_laat=ja"})
	}
	seen := map[int64]bool{}
	for _, it := range append(late, fresh...) {
		if seen[it.ID] || len(v.Items) >= startItemsMax {
			continue
		}
		seen[it.ID] = true
		v.Items = append(v.Items, startItem(cat, lang, it, it.Deadlines.FirstContact, "followup.start.first_contact", now))
	}
	return v, nil
}

// startReactionsDue lists incidents whose reaction toward the perpetrator
// (VPT: within 48 hours) is still to be recorded; nil when there are none.
func startReactionsDue(ctx context.Context, svc *incident.Service, cat *i18n.Catalog, p *auth.Principal, now time.Time) (*web.SectionView, error) {
	open, err := svc.OpenWork(ctx, p, p.OrgID)
	if err != nil {
		return nil, err
	}
	lang := web.LanguageOf(ctx)
	v := &web.SectionView{TitleKey: "followup.start.reaction.title", TextKey: "followup.start.reaction.text"}
	for _, it := range open {
		st := it.Deadlines.Reaction.State(now)
		if st != incident.DeadlineOpen && st != incident.DeadlineOverdue {
			continue
		}
		v.Items = append(v.Items, startItem(cat, lang, it, it.Deadlines.Reaction, "followup.start.reaction_due", now))
	}
	if len(v.Items) == 0 {
		return nil, nil
	}
	// Overdue first, then the soonest due.
	sort.SliceStable(v.Items, func(i, j int) bool { return v.Items[i].Urgent && !v.Items[j].Urgent })
	v.Items = v.Items[:min(len(v.Items), startItemsMax)]
	return v, nil
}

// startItem is one incident on the start page with one of its deadlines.
func startItem(cat *i18n.Catalog, lang string, it incident.Summary, d incident.Deadline, key string, now time.Time) web.Item {
	text := cat.T(lang, "followup.incident.number", it.ID)
	if len(it.Kinds) > 0 {
		text += " · " + cat.T(lang, coordKindKey(it.Kinds[0]))
	}
	meta := cat.T(lang, coordStatusKey(it.Status))
	urgent := d.State(now) == incident.DeadlineOverdue
	if !d.Due.IsZero() && d.Done.IsZero() {
		meta = cat.T(lang, key, coordDeadlineEnd(d.Due))
		if urgent {
			meta = cat.T(lang, "followup.start.overdue") + " " + meta
		}
	}
	return web.Item{Text: text, Href: coordIncidentHref(it.ID), Meta: meta, Urgent: urgent}
}

// startProtocolMissing calls on the coördinator to write the protocol
// while the organisation has none; nil once it has one.
func startProtocolMissing(ctx context.Context, svc *incident.Service, p *auth.Principal) (*web.SectionView, error) {
	_, err := svc.Protocol(ctx, p, p.OrgID)
	switch {
	case errors.Is(err, incident.ErrNotFound):
		return &web.SectionView{TitleKey: "followup.start.protocol.title", TextKey: "followup.start.protocol.text",
			Actions: []web.Action{{Key: "followup.start.protocol.write", Href: "/organisatie/protocol", Primary: true}}}, nil
	case err != nil:
		return nil, err
	}
	return nil, nil
}
