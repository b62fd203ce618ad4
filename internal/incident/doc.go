// Package incident is Weerbaar's meldingen domain: reporting incidents of
// aggression, threats, intimidation and criminal pressure against office
// holders and civil servants, and their follow-up by the organisation. It
// knows nothing of HTTP; internal/web and internal/api translate to and
// from these calls.
//
// # Service
//
//	svc := incident.New(db, vault, auditLog, incident.Options{Notify: mailHook})
//
// Every method takes the *auth.Principal of the request and asks the one
// policy point (allowed, policy.go) before anything else:
//
//	SaveDraft(ctx, p, *Incident) (id, error)           own draft, status concept; format checks only
//	Submit(ctx, p, *Incident, idemKey) (*Incident, error) validate, status nieuw, deadlines, notify coördinatoren
//	Get(ctx, p, id) (*Incident, error)                 full incident + timeline; audited "incident.read"
//	ListOwn(ctx, p) ([]Summary, error)                 own reports, drafts included
//	ListForOrg(ctx, p, orgID, Filter) (*List, error)   coördinator; 50 per page; audited "incident.list"
//	ListReferred(ctx, p) ([]Summary, error)            support team: incidents referred to it
//	ExportCSV(ctx, p, orgID, Filter, w) error          coördinator; clear fields only; audited "incident.export"
//	AddFollowUp(ctx, p, id, FollowUp) (*FollowUp, error)     coördinator; drives status and deadlines
//	RecordAangifte(ctx, p, id, Aangifte) (*Aangifte, error)  reporter or coördinator
//	AddChainStep(ctx, p, id, ChainStep) (*ChainStep, error)  coördinator; notifies the reporter
//	AnswerSatisfaction(ctx, p, id, satisfied, reason) error  reporter, once per closing
//	Notifications(ctx, p) / MarkNotificationRead(ctx, p, id) the start page's notices
//	SaveProtocol / Protocol / ProtocolHistory(ctx, p, orgID) norm and aggression protocol
//	OrgPostalAddress(ctx, p, id) (string, error)           the protocol's postal address, for the aangifte
//	OrganisationsWithoutProtocol(ctx, p) ([]OrgRef, error)   support team
//
// Anonymous reporting, messages and attachments (anonymous.go, message.go,
// attachment.go) are part of the same service.
//
// # Errors
//
//   - *valid.Error (valid.As): field problems, each a field name (the JSON
//     property, e.g. "occurredAt") and a code the edge shows through the
//     catalogue key "valid.<code>": required, unknown, duplicate, future,
//     too_long, range, not_applicable, witness_no_identity (a witness
//     report names no one), home_address_refused (an aangifte never uses
//     the home address). Nothing is stored when one is returned.
//   - ErrNotFound: no such incident, protocol or notification.
//   - ErrForbidden: the policy refused; the refusal is audited as
//     "incident.denied". Answer 403 (or 404 to hide existence).
//   - ErrTransition: the status change is not allowed (closing a closed
//     incident, follow-up on a closed one, a second satisfaction answer).
//     Answer 409.
//
// Anything else is an internal error, wrapped with context.
//
// # Status
//
//	concept -> nieuw -> in_behandeling -> afgesloten -> heropend -> in_behandeling
//	            nieuw -> afgesloten;           heropend -> afgesloten
//
// Submit makes a draft nieuw. The first follow-up other than a note makes
// it in_behandeling; the follow-up "afgesloten" closes and asks the
// reporter for satisfaction; "heropend" (coördinator) or a "no" with a
// reason (reporter) reopens and restarts the first-contact deadline. The
// status history and every follow-up are append-only.
//
// # Deadlines
//
// Set at submission, shown per incident as Deadline.State(now):
//
//   - first contact with the reporter: end of the Nth working day after
//     submission (N from the organisation's protocol, default
//     Options.FirstContactDays = 1); weekends and Dutch public holidays
//     (rickar/cal nl) skipped; met by the follow-up gesprek_gevoerd or
//     nazorg_aangeboden.
//   - reaction toward the perpetrator: 48 hours after submission (VPT),
//     only when the perpetrator is reachable (bekende, groep, anders); met
//     by reactie_dader.
//   - aangifte reminder: end of the 2nd working day after the incident,
//     when the reporter wants an aangifte and had not reported yet; met
//     by RecordAangifte, the chain step aangifte, or the follow-ups
//     aangifte_gedaan, melding_politie, werkgever_aangifte.
//
// Filter.Overdue lists incidents (not closed) with any deadline past due
// and unmet.
//
// # Encryption
//
// Each incident has its own vault key. Free text, descriptions of people,
// places, links, police references, follow-up notes, chain notes,
// satisfaction reasons and an aangifte's chosen domicile are sealed with
// additional data "incident:<id>:<field>". Kinds, dates, role, status, organisation, place
// kind and platform stay in clear columns for lists and figures.
//
// # Notifications
//
// Stored in the table notifications (account, incident, text key, created,
// read) and handed to Options.Notify after commit, for e-mail. Text keys:
// incident.notice.new and incident.notice.reopened_by_reporter (to the
// organisation's coördinatoren), incident.notice.closed,
// incident.notice.reopened and incident.notice.chain.<step> (to the
// reporter; anonymous reporters get none).
package incident
