package aangifte

import (
	"fmt"
	"io"
	"math"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// Layout in millimetres on A4.
const (
	margin     = 18.0
	lineHeight = 5.0
	labelWidth = 58.0
)

// WritePDF prints s as a PDF (A4, the PDF core font Helvetica, so nothing
// is embedded or fetched). Text is converted to Windows-1252, which holds
// every Dutch letter (ë, ï, é, ö, ...); characters outside it print as "?".
func WritePDF(w io.Writer, s *Sheet) error {
	return writePDF(w, s, true)
}

func writePDF(w io.Writer, s *Sheet, compress bool) error {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(true, margin)
	pdf.SetTitle(s.Title, true)
	pdf.SetSubject(s.Reference, true)
	pdf.SetCreator("Weerbaar", true)
	pdf.SetLang("nl-NL")
	// The creation date is the sheet's own; no clock reading in here.
	pdf.SetCreationDate(time.Unix(0, 0).UTC())
	pdf.SetModificationDate(time.Unix(0, 0).UTC())
	tr := pdf.UnicodeTranslatorFromDescriptor("cp1252")
	p := &printer{pdf: pdf, tr: tr}
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont("Helvetica", "", 8)
		pdf.SetTextColor(90, 90, 90)
		pdf.CellFormat(0, 4, tr(fmt.Sprintf("%s · vertrouwelijk: bevat gegevens van een slachtoffer · pagina %d van {nb}",
			s.Reference, pdf.PageNo())), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	p.header(s)
	p.notice(s.VPT, true)
	p.address(s.Address)
	for _, sec := range s.Sections {
		p.section(sec)
	}
	for _, n := range s.Guidance {
		p.notice(n, false)
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("aangifte pdf: %w", err)
	}
	if err := pdf.Output(w); err != nil {
		return fmt.Errorf("aangifte pdf: %w", err)
	}
	return nil
}

type printer struct {
	pdf *fpdf.Fpdf
	tr  func(string) string
}

func (p *printer) header(s *Sheet) {
	p.pdf.SetFont("Helvetica", "B", 15)
	p.pdf.MultiCell(0, 7, p.tr(s.Title), "", "L", false)
	p.pdf.SetFont("Helvetica", "", 9)
	p.pdf.SetTextColor(70, 70, 70)
	p.pdf.MultiCell(0, lineHeight, p.tr(s.Reference+" · opgesteld "+s.Generated), "", "L", false)
	p.pdf.SetTextColor(0, 0, 0)
	p.pdf.Ln(3)
}

// notice prints a heading and text; the VPT request is boxed and filled so
// it is the first thing the police officer sees.
func (p *printer) notice(n Notice, prominent bool) {
	p.keepTogether(4 * lineHeight)
	if prominent {
		p.pdf.SetFillColor(255, 240, 200)
		p.pdf.SetFont("Helvetica", "B", 11)
		p.pdf.MultiCell(0, 6, p.tr(n.Heading), "LTR", "L", true)
		p.pdf.SetFont("Helvetica", "", 10)
		p.pdf.MultiCell(0, lineHeight, p.tr(n.Text), "LBR", "L", true)
		p.pdf.Ln(4)
		return
	}
	p.pdf.SetFont("Helvetica", "B", 10)
	p.pdf.MultiCell(0, 6, p.tr(n.Heading), "", "L", false)
	p.pdf.SetFont("Helvetica", "", 9.5)
	p.pdf.MultiCell(0, lineHeight, p.tr(n.Text), "", "L", false)
	p.pdf.Ln(2)
}

func (p *printer) address(a Address) {
	p.heading(a.Heading)
	p.pdf.SetFont("Helvetica", "", 10)
	for _, l := range a.Lines {
		p.pdf.MultiCell(0, lineHeight, p.tr(l), "", "L", false)
	}
	p.pdf.SetFont("Helvetica", "I", 9)
	p.pdf.MultiCell(0, lineHeight, p.tr(a.Note), "", "L", false)
	p.pdf.Ln(3)
}

func (p *printer) heading(h string) {
	p.keepTogether(3 * lineHeight)
	p.pdf.SetFont("Helvetica", "B", 12)
	p.pdf.SetDrawColor(150, 150, 150)
	p.pdf.CellFormat(0, 7, p.tr(h), "B", 1, "L", false, 0, "")
	p.pdf.Ln(1.5)
}

// section prints the label left and the answer right; long answers wrap
// in their column.
func (p *printer) section(s Section) {
	p.heading(s.Heading)
	for _, f := range s.Fields {
		// The label must fit on this page beside the value's first line;
		// a long value then continues on the next pages by itself.
		p.pdf.SetFont("Helvetica", "B", 9.5)
		// (An estimate from the width: fpdf's SplitText reads its input
		// as UTF-8 and panics on the Windows-1252 bytes we print.)
		labelLines := math.Ceil(p.pdf.GetStringWidth(p.tr(f.Label)) / (labelWidth - 2))
		p.keepTogether((labelLines + 1) * lineHeight)
		y := p.pdf.GetY()
		p.pdf.MultiCell(labelWidth, lineHeight, p.tr(f.Label), "", "L", false)
		labelEnd, labelPage := p.pdf.GetY(), p.pdf.PageNo()
		p.pdf.SetXY(margin+labelWidth, y)
		p.pdf.SetFont("Helvetica", "", 9.5)
		page := p.pdf.PageNo()
		p.pdf.MultiCell(0, lineHeight, p.tr(f.Value), "", "L", false)
		// Continue below whichever column ended lower.
		if p.pdf.PageNo() == page && labelPage == page && labelEnd > p.pdf.GetY() {
			p.pdf.SetY(labelEnd)
		}
		p.pdf.Ln(1)
	}
	p.pdf.Ln(3)
}

// keepTogether starts a new page when less than h millimetres are left,
// so a heading is never the last line of a page.
func (p *printer) keepTogether(h float64) {
	_, pageH := p.pdf.GetPageSize()
	if p.pdf.GetY()+h > pageH-margin {
		p.pdf.AddPage()
	}
}
