package web

import "net/http"

// reportRoutes are the reporter's pages: the report form, Mijn meldingen,
// the aangifte sheet, notifications, and anonymous reporting (no account).
// Without the meldingen service (shell tests) none of them exist.
func (s *Server) reportRoutes(mux *http.ServeMux) {
	if s.incidents == nil {
		return
	}
	own := func(h http.HandlerFunc) http.Handler { return s.requireLogin(h) }
	mux.Handle("GET /meldingen/nieuw", own(s.reportNew))
	mux.Handle("POST /meldingen/nieuw", own(s.reportCreate))
	mux.Handle("GET /meldingen/{id}/stap/{step}", own(s.reportStepShow))
	mux.Handle("POST /meldingen/{id}/stap/{step}", own(s.reportStepSave))
	mux.Handle("GET /meldingen/{id}/ontvangen", own(s.reportDone))

	mux.Handle("GET /meldingen", own(s.myIncidents))
	mux.Handle("GET /meldingen/{id}", own(s.incidentShow))
	mux.Handle("POST /meldingen/{id}/berichten", own(s.myIncidentMessage))
	mux.Handle("POST /meldingen/{id}/bijlagen", own(s.myIncidentFiles))
	mux.Handle("GET /meldingen/{id}/bijlagen/{file}", own(s.myIncidentDownload))
	mux.Handle("POST /meldingen/{id}/tevredenheid", own(s.myIncidentSatisfaction))
	mux.Handle("GET /meldingen/{id}/aangifte", own(s.aangiftePage))
	mux.Handle("POST /meldingen/{id}/aangifte", own(s.myIncidentAangifte))
	mux.Handle("GET /meldingen/{id}/aangifte.pdf", own(s.aangiftePDF))
	mux.Handle("GET /notificaties/{id}", own(s.notificationOpen))

	if s.anon != nil {
		mux.HandleFunc("GET /anoniem-melden", s.anonymousForm)
		mux.HandleFunc("POST /anoniem-melden", s.anonymousSubmit)
		mux.HandleFunc("GET /anoniem-volgen", s.anonymousFollowForm)
		mux.HandleFunc("POST /anoniem-volgen", s.anonymousFollow)
	}
}
