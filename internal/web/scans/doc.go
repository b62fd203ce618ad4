// Package scans holds the self-scan pages: pick a scan, answer it page by
// page (plain forms, a progress bar, stop and continue later) and read the
// result with a score per domain, the domains that need attention first,
// advice per weak point and links to the catalogue, the support team and
// Veilig Wonen.
//
// # Routes and fields
//
// Signed in; the scan service decides per result (another person's result
// answers 404):
//
//	GET  /scans                              the scans one may take and one's own results
//	POST /scans/{slug}/starten               starts a take -> 303 /scans/resultaten/{id}/stap/1
//	GET  /scans/resultaten/{id}              the result (an open take: 303 to its page)
//	GET  /scans/resultaten/{id}/stap/{n}     page n of an open take
//	POST /scans/resultaten/{id}/stap/{n}     one radio group per question, named by the question's
//	                                         key; actie=volgende (next, all shown questions
//	                                         answered), vorige (back, keeps answers), later (save
//	                                         and stop -> 303 /scans with a flash)
//	POST /scans/resultaten/{id}/verwijderen  removes the result for good
//	POST /scans/resultaten/{id}/delen        delen=ja|nee: share a finished personal result with
//	                                         the coördinators of one's organisation, or stop
//	GET  /scans/overzicht                    coördinator: anonymous overview per personal scan of
//	                                         what was shared, shown from scan.MinShared people on
//
// The result page links to /catalogus/{slug}, /ondersteuning/nieuw?scan={id}
// and /veilig-wonen/aanvragen/nieuw?scan={id} as the scan offers them.
package scans
