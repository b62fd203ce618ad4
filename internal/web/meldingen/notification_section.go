package meldingen

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"weerbaar/internal/auth"
	"weerbaar/internal/i18n"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// IncidentSections are the start-page sections of the meldingen pages:
// "nieuw in uw meldingen" (unread notifications, for everyone) and the
// aangifte reminder (reporters who wanted an aangifte and have none
// recorded yet). internal/app passes them in Options.Sections.
func IncidentSections(svc *incident.Service, cat *i18n.Catalog) []web.Section {
	return []web.Section{
		{Name: "nieuw-in-meldingen", Load: func(ctx context.Context, p *auth.Principal) (*web.SectionView, error) {
			return noticeSection(ctx, svc, cat, p)
		}},
		{Name: "aangifte-herinnering", Roles: []auth.Role{auth.RoleMember, auth.RoleCoordinator},
			Load: func(ctx context.Context, p *auth.Principal) (*web.SectionView, error) {
				return aangifteReminder(ctx, svc, cat, p, time.Now())
			}},
	}
}

// maxNotices is how many notices the start page lists.
const maxNotices = 8

func noticeSection(ctx context.Context, svc *incident.Service, cat *i18n.Catalog, p *auth.Principal) (*web.SectionView, error) {
	notes, err := svc.Notifications(ctx, p)
	if err != nil {
		return nil, err
	}
	lang := web.LanguageOf(ctx)
	v := &web.SectionView{TitleKey: "notify.title", Actions: []web.Action{{Key: "notify.all", Href: "/meldingen"}}}
	for _, n := range notes {
		if !n.ReadAt.IsZero() || len(v.Items) == maxNotices {
			continue
		}
		v.Items = append(v.Items, web.Item{Text: cat.T(lang, "notify.item", cat.T(lang, n.TextKey), n.IncidentID),
			Href: fmt.Sprintf("/notificaties/%d", n.ID), Meta: web.FmtDateTime(n.CreatedAt)})
	}
	if len(v.Items) == 0 {
		return nil, nil
	}
	if p.Role == auth.RoleCoordinator {
		v.Actions = nil // their list is the organisation's, linked from their own section
	}
	return v, nil
}

func aangifteReminder(ctx context.Context, svc *incident.Service, cat *i18n.Catalog, p *auth.Principal, now time.Time) (*web.SectionView, error) {
	own, err := svc.ListOwn(ctx, p)
	if err != nil {
		return nil, err
	}
	lang := web.LanguageOf(ctx)
	v := &web.SectionView{TitleKey: "aangifte.reminder.title", TextKey: "aangifte.reminder.text"}
	for _, it := range own {
		d := it.Deadlines.Aangifte
		if d.Due.IsZero() || !d.Done.IsZero() || it.Status == incident.StatusClosed || it.Status == incident.StatusDraft {
			continue
		}
		item := web.Item{Text: cat.T(lang, "aangifte.reminder.item", it.ID), Href: fmt.Sprintf("/meldingen/%d/aangifte", it.ID),
			Meta: cat.T(lang, "aangifte.reminder.due", web.FmtDue(d.Due))}
		if now.After(d.Due) {
			item.Meta, item.Urgent = cat.T(lang, "aangifte.reminder.overdue", web.FmtDue(d.Due)), true
		}
		v.Items = append(v.Items, item)
	}
	if len(v.Items) == 0 {
		return nil, nil
	}
	return v, nil
}

// notificationOpen marks a notice read and goes to its incident: the
// organisation's page for notices meant for coördinatoren, the
// reporter's page otherwise.
func (s *Server) notificationOpen(w http.ResponseWriter, r *http.Request) {
	p := s.Page(r, "notify.title")
	id := incidentID(r, "id")
	notes, err := s.incidents.Notifications(r.Context(), p.Principal)
	if err != nil {
		s.failIncident(w, r, err)
		return
	}
	for _, n := range notes {
		if n.ID != id {
			continue
		}
		if err := s.incidents.MarkNotificationRead(r.Context(), p.Principal, n.ID); err != nil {
			s.failIncident(w, r, err)
			return
		}
		web.Redirect(w, r, noticeHref(p.Principal, n))
		return
	}
	s.NotFound(w, r)
}

func noticeHref(p *auth.Principal, n incident.Notification) string {
	forOrg := n.TextKey == incident.NoticeNew || n.TextKey == incident.NoticeReopenedReporter ||
		(n.TextKey == incident.NoticeMessage && p.Role == auth.RoleCoordinator)
	if forOrg {
		return fmt.Sprintf("/organisatie/meldingen/%d", n.IncidentID)
	}
	return reportHref(n.IncidentID)
}
