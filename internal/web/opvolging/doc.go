// Package opvolging holds the organisation's side of the meldingen: the
// coördinator's list, export and case page with follow-up, messages,
// aangifte and the criminal chain, the organisation's aggression protocol,
// and the support team's read-only views.
//
// # Routes and fields
//
// Routes in server.go; field names are the service's.
// Coördinator only (others 403; another organisation's incident 404):
//
//	GET  /organisatie/meldingen            list; GET filters van, tot (dates, tot included),
//	                                       soort, rol, status, aangifte (ja|nee), te_laat=ja,
//	                                       pagina; the filter form is a <details> ("Filteren"),
//	                                       open when filters are set
//	GET  /organisatie/meldingen/export.csv same filters; behind /bevestigen (15 minutes)
//	GET  /organisatie/meldingen/{id}       incident page; sections #gegevens, #tijdlijn,
//	                                       #opvolging, #bericht, #aangifte, #strafrechtketen, #bijlagen
//	POST /organisatie/meldingen/{id}/opvolging        kind, reactionForm, doneAt, note
//	POST /organisatie/meldingen/{id}/aangifte         type (radio aangifte|melding), filedBy
//	     (victim|employer), vptAsked=ja, vptApplied (unknown|yes|no), address (radio
//	     organisation|domicile|home; home refused), underNumber=ja, filedOn, policeUnit,
//	     pvNumber, pvPlace
//	POST /organisatie/meldingen/{id}/strafrechtketen  step, outcome, on, stepNote
//	POST /organisatie/meldingen/{id}/berichten        body
//	GET  /organisatie/meldingen/{id}/bijlagen/{file}  download (audited)
//	GET+POST /organisatie/protocol          norm, reportTo, steps, confidentialAdviser,
//	                                        contacts, firstContactDays; each save a new version
//	GET  /organisatie/protocol/versies      every version, newest first
//
// Support team only: GET /ondersteuningsteam/zonder-protocol,
// GET /ondersteuningsteam/meldingen, GET /ondersteuningsteam/meldingen/{id}
// (read-only, referred incidents only), .../{id}/bijlagen/{file}.
// A form that succeeds redirects (303) to the top of the incident page with
// a flash; a problem answers 422 with the page, the summary on top
// (class weerbaar-error-summary) and the message next to the field
// (id veld-<name>); a refused status change answers 409 with one message.
package opvolging
