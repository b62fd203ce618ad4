// Package meldingen holds the reporter's pages: the report form, Mijn
// meldingen and one melding (messages, files, satisfaction), the aangifte
// sheet, notifications, and anonymous reporting without an account.
//
// # Routes and fields
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
// Start-page sections (IncidentSections, added in Mount):
// "nieuw-in-meldingen" (unread notices) and "aangifte-herinnering".
package meldingen
