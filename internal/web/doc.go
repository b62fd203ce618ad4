// Package web is Weerbaar's HTML interface: every page, the shell they
// live in (NL Design System components with the Weerbaar theme), login
// and logout, the start page, static files, and the middleware that
// guards every response. It translates HTTP to service calls and back and
// holds no rules of its own.
//
// # Adding a page
//
// One file per page or action, in miniflux's shape: parse, call the
// service, render. A list page:
//
//	// incident_list.go
//	func (s *Server) incidentList(w http.ResponseWriter, r *http.Request) {
//		p := s.Page(r, "incidents.title")          // Page with language, principal, path
//		list, err := s.incidents.ListForOrg(r.Context(), p.Principal)
//		if err != nil {
//			s.Fail(w, r, err)                       // the one place errors become pages
//			return
//		}
//		p.Data = list
//		s.Render(w, r, http.StatusOK, "incident_list", p)
//	}
//
// and a line in routes.go, wrapped for who may come:
//
//	mux.Handle("GET /meldingen", s.RequireLogin(http.HandlerFunc(s.incidentList)))
//	mux.Handle("GET /accounts", s.RequireRole(http.HandlerFunc(s.accountList), auth.RoleAdmin, auth.RoleCoordinator))
//
// A service a page needs is added to Options and Server (server.go) and
// passed in by internal/app/wire_web.go. A menu entry is one line in
// menu() (nav.go), with the roles that see it.
//
// The template is templates/pages/incident_list.html and defines "main"
// (and, when wanted, "breadcrumb"); the layout draws header, language
// switch, menu, flash message and footer around it:
//
//	{{define "breadcrumb"}}{{template "breadcrumb-nav" (.Crumbs "nav.start" "/" "incidents.title" "/meldingen")}}{{end}}
//	{{define "main"}}<h1 class="utrecht-heading-1">{{.T "incidents.title"}}</h1>…{{end}}
//
// Text comes only from the catalogues in internal/i18n (nl/*.json and
// en/*.json, one file per area, same keys in both languages): {{.T "key"}}, inside range {{$.T "key"}},
// with values {{.T "key" .Count}}. Tests fail when a template or handler
// uses a key that is missing in either language.
//
// # Forms
//
// A form posts to the same site (no CSRF token needed: cross-origin
// protection refuses a POST from another site) and works without
// JavaScript. The handler reads it with NewForm(r); on a problem it
// renders the form again with status 422, the values kept and each error
// next to its field:
//
//	f := NewForm(r)
//	err := s.accounts.Create(ctx, p.Principal, auth.NewAccount{Email: f.Get("email"), …})
//	if s.AddProblems(r, f, err) {       // valid.Error codes → "valid.<code>" messages
//		p.Form = f
//		s.Render(w, r, http.StatusUnprocessableEntity, "account_new", p)
//		return
//	}
//	if err != nil { s.Fail(w, r, err); return }
//	s.SetFlash(w, r, "ok", "flash.account_created")   // shown once on the next page
//	Redirect(w, r, "/accounts")                      // 303, local paths only
//
// Use f.AddError(field, message) for problems the handler finds itself
// (field "" for the form as a whole). In the template, the error summary
// and one partial per control:
//
//	{{template "form-errors" .}}
//	{{template "field-text" (.Field "email" "account.email" "type=email" "autocomplete=email" "required")}}
//	{{template "field-textarea" (.Field "omschrijving" "incident.description" "rows=6")}}
//	{{template "field-select" ((.Field "rol" "account.role").WithOptions .Data.Roles)}}
//	{{template "field-radios" ((.Field "soort" "incident.kind").WithOptions .Data.Kinds)}}
//	{{template "field-checkboxes" ((.Field "soorten" "incident.kinds").WithOptions .Data.Kinds)}}
//	{{template "field-checkbox" (.Field "thuisfront" "incident.home_front")}}
//
// The second argument of .Field is a catalogue prefix: prefix+".label" is
// the label, prefix+".description" (if present) the hint under it. Field
// names are the service's field names, so valid.Problem.Field lands next
// to the right control. Passwords are never echoed back. The summary names
// each problem by the label its field is drawn with ("Omschrijving: Vul
// dit veld in.") and links to it, so add messages without the label.
//
// # Tables
//
// A data table is a utrecht-table whose cells wrap between words only
// (mark a long token such as an e-mail address with weerbaar-token). With
// class weerbaar-table--cards and data-label="{{$.T "column"}}" on every
// cell, each row becomes a card on a phone, the column names before the
// values:
//
//	<table class="utrecht-table utrecht-table--html-table weerbaar-table--cards">
//	<td class="utrecht-table__cell" data-label="{{$.T "mine.col.date"}}">{{.Occurred}}</td>
//
// Organisations are shown by org.Organisation.DisplayName ("Gemeente
// Utrecht", "Provincie Utrecht"); rows that carry only a code and name use
// OrgDisplay(code, name), in templates {{$.OrgDisplay .OrgCode .OrgName}}.
//
// # What every response gets
//
// Security headers (CSP without inline script or style, nosniff,
// no-referrer, frame-ancestors none; HSTS over HTTPS), a Dutch error page
// in the same layout for 403/404/500 (never a stack trace), panics
// recovered and logged. Every page is rendered with Cache-Control:
// no-store. Cookies are HttpOnly and SameSite=Lax, and over HTTPS Secure
// with the __Host- prefix; use s.setCookie / s.readCookie. Static files
// live in static/ and are linked with {{.Asset "name.css"}}, which adds a
// content hash so they can be cached for a year.
//
// # The start page
//
// The start page is a list of Sections (start.go); each feature supplies
// its own through Options.Sections in internal/app: a name, the roles that
// see it, and a Load function returning a SectionView (title, text, a few
// actions, items of open work) or nil when there is nothing to show. A
// failing section is logged and shown as unavailable; the rest still show.
//
// # Accounts, invitations, own security, re-verification
//
// accounts_routes.go lists them. Coördinatoren (own organisation only) and
// beheerders: GET /accounts (beheerder: ?org= narrows to one
// organisation), GET /accounts/{id}, POST /accounts/{id}/rol,
// POST /accounts/{id}/uitschakelen, POST /accounts/{id}/tweede-factor-herstellen
// (beheerder), GET+POST /accounts/uitnodigen (the link is shown in
// #uitnodigingslink and mailed when SMTP is set),
// POST /accounts/uitnodigingen/{id}/intrekken. The organisation field is a
// text input with a <datalist> ("Gemeente Utrecht (GM0344)"; a code or a name works
// too). Anyone with the link: GET+POST /uitnodiging/{token} (fields name,
// password, herhaling; dead links answer 410, unknown ones 404, with a Dutch
// page); roles that need TOTP go on to /login/totp, which shows the
// recovery codes, others land on / with "Welkom bij Weerbaar". Everyone
// logged in: GET /account/beveiliging (password: huidig, password,
// herhaling; sessions; API tokens), GET+POST /account/tweede-factor,
// POST /account/herstelcodes, POST /account/sessies/{id}/beeindigen,
// POST /account/uitloggen-overal, POST /account/api-tokens,
// POST /account/api-tokens/{id}/intrekken, GET+POST /bevestigen?terug=.
//
// Pages with the most sensitive data (home addresses, exports) wrap their
// handler in s.requireRecentVerification: without a password or code
// check in the last 15 minutes the person confirms at /bevestigen and
// comes back (GET: the same address; POST: the form's hidden "terug").
//
// # The organisation's meldingen (coördinator, support team)
//
// Routes in org_incidents_routes.go; field names are the service's.
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
//
// # Meldingen: the reporter's pages (report_*.go, myincidents_*.go, incident_show.go, anonymous_*.go, aangifte_page.go)
//
// Signed in (any role the service lets report; others get 404/403):
//
//	GET  /meldingen/nieuw                   step 1 of a new report (nothing stored yet)
//	POST /meldingen/nieuw                   saves step 1 as a draft -> 303 /meldingen/{id}/stap/2
//	GET+POST /meldingen/{id}/stap/{n}       steps 1..8 of one's own draft; 7 = files (multipart),
//	                                        8 = summary and send
//	GET  /meldingen/{id}/ontvangen          confirmation: what happens now (protocol or OTWB)
//	GET  /meldingen                         Mijn meldingen (drafts included)
//	GET  /meldingen/{id}                    the reporter's page of a sent report
//	POST /meldingen/{id}/berichten          body
//	POST /meldingen/{id}/bijlagen           multipart, field attachments (several)
//	GET  /meldingen/{id}/bijlagen/{file}    download (attachment; audited)
//	POST /meldingen/{id}/tevredenheid       satisfied=ja|nee, reason (needed with nee: reopens)
//	GET  /meldingen/{id}/aangifte           printable aangifte sheet; .../aangifte.pdf the PDF
//	POST /meldingen/{id}/aangifte           the reporter's own aangifte: form=aangifte, type
//	                                        (aangifte|melding), filedBy (victim|employer), filedOn,
//	                                        address (organisation|domicile; home is refused),
//	                                        vptAsked, vptApplied, underNumber, policeUnit, pvNumber, pvPlace
//	GET  /notificaties/{id}                 marks a start-page notice read, 303 to its incident
//
// Every step posts the button pressed as actie: volgende (next; also
// "continue" after the 112 alert), vorige, concept (save as draft -> 303
// /meldingen with a flash), zoek-org (step 4: search organisations),
// upload (step 7), indienen (step 8). Field names are the service's:
//
//	1 inDanger=ja|nee (ja -> back to step 1 with "Bel nu 112" first, then on)
//	2 occurredAt (datetime-local 2026-11-20T14:30, or 20-11-2026 14:30), placeKind
//	  (werk|thuis|openbare_ruimte|elders|online), placeDetail, platform, link
//	3 description, kinds (checkboxes, several: verbale_agressie, bedreiging, ...)
//	4 mode (self|on_behalf|witness), victimRole (select), victimDescription,
//	  orgId (radios; orgZoek + actie=zoek-org adds search results),
//	  homePartner, homeChildren, homeOthers (checkboxes, value ja)
//	5 perpetratorKind (burger_onbekend|bekende|groep|crimineel|anoniem_online|anders),
//	  perpetratorDescription, witnesses
//	6 impact, influencesDecisions, feelsUnsafe, reportedToEmployer, reportedToPolice,
//	  policeReference, wantsAangifte, wantsSupport (checkboxes, value ja), supportRequest
//	7 attachments (file input, multiple)
//	8 idempotencyKey (hidden; a second press answers with the same incident)
//
// Without an account (Cache-Control: no-store, Referrer-Policy: no-referrer,
// no cookie set, nothing logged; the address only feeds the in-memory
// rate limiter):
//
//	GET+POST /anoniem-melden   multipart: orgId (one select, optgroups per kind), occurredAt,
//	                           placeKind, placeDetail, platform, link, description, kinds,
//	                           victimRole, perpetratorKind, impact, influencesDecisions,
//	                           feelsUnsafe, attachments -> 200 with the receipt code in
//	                           <p class="weerbaar-receipt__code"><code>XXXX-XXXX-XXXX-XXXX-XXXX</code>
//	GET+POST /anoniem-volgen   code (+ actie=open); on the status page the forms post again
//	                           with the code hidden: actie=bericht + body, or multipart
//	                           actie=bijlagen + attachments. Wrong code: 422 next to the
//	                           field; too many: 429.
//
// Start-page sections (IncidentSections, passed in by internal/app):
// "nieuw-in-meldingen" (unread notices) and "aangifte-herinnering".
package web
