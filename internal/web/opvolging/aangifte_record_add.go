package opvolging

import (
	"net/http"

	"weerbaar/internal/auth"
	"weerbaar/internal/incident"
	"weerbaar/internal/web"
)

// Form fields of "Aangifte vastleggen" (POST /organisatie/meldingen/{id}/aangifte):
// type (aangifte, melding), filedBy (victim, employer), vptAsked (checkbox
// "ja"), vptApplied (unknown, yes, no), address (organisation, domicile;
// home is offered and refused with the reason), underNumber (checkbox
// "ja"), filedOn (date), policeUnit, pvNumber, pvPlace, domicile (the chosen
// address, required with address=domicile).

// aangifteRecord registers the police report of an incident as the
// police and prosecution's agreements ask for it.
func (s *Server) aangifteRecord(w http.ResponseWriter, r *http.Request) {
	id, ok := coordIncidentID(r)
	if !ok || s.incidents == nil {
		s.NotFound(w, r)
		return
	}
	f := web.NewForm(r)
	in := incident.Aangifte{Type: incident.ReportType(f.Get("type")), FiledBy: incident.FiledBy(f.Get("filedBy")),
		VPTAsked: f.Get("vptAsked") == "ja", VPTApplied: incident.Answer(f.Get("vptApplied")),
		Address: incident.AddressChoice(f.Get("address")), Domicile: f.Get("domicile"), UnderNumber: f.Get("underNumber") == "ja",
		PoliceUnit: f.Get("policeUnit"), PVNumber: f.Get("pvNumber"), PVPlace: f.Get("pvPlace")}
	if v := f.Get("filedOn"); v != "" {
		d, ok := coordParseDay(v)
		if !ok {
			s.coordAddError(r, f, "filedOn", s.Catalog().T(web.Language(r), "followup.date_invalid"))
		}
		// The service keeps the calendar day as given.
		in.FiledOn = coordCalendarDay(d)
	}
	var err error
	if !f.HasErrors() {
		_, err = s.incidents.RecordAangifte(r.Context(), auth.FromContext(r.Context()), id, in)
	}
	s.coordPostDone(w, r, f, err, "aangifte", "flash.followup.aangifte", nil)
}
