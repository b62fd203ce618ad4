package web

import "html/template"

// TOTPSetupView is the set-up page: the secret as text and as QR code.
type TOTPSetupView struct {
	Back, Secret, URL string
	// QR is a data: URL of a PNG we drew ourselves (so trusted as a URL);
	// empty when it could not be made.
	QR template.URL
}

// WithQR adds the QR code of v.URL to v. When it cannot be drawn the page
// goes without it: the secret is on the page as text too.
func (s *Server) WithQR(v TOTPSetupView) TOTPSetupView {
	qr, err := QRDataURL(v.URL)
	if err != nil {
		s.Log().Warn("QR-code maken mislukt; de sleutel staat als tekst op de pagina", "err", err)
	}
	v.QR = template.URL(qr)
	return v
}

// RecoveryView shows the recovery codes once, after set-up.
type RecoveryView struct {
	Back  string
	Codes []string
}
