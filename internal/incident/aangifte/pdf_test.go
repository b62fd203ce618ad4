package aangifte

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// pdfText returns the text shown by an uncompressed fpdf document: every
// string drawn with Tj, unescaped, decoded from Windows-1252 and joined
// with spaces (MultiCell drops the space where it wraps a line).
func pdfText(t *testing.T, doc []byte) string {
	t.Helper()
	var parts []string
	for i := 0; i < len(doc); i++ {
		if doc[i] != '(' {
			continue
		}
		var s []byte
		j := i + 1
		for ; j < len(doc) && doc[j] != ')'; j++ {
			if doc[j] == '\\' && j+1 < len(doc) {
				j++
				switch doc[j] {
				case 'r':
					s = append(s, '\r')
				default:
					s = append(s, doc[j])
				}
				continue
			}
			s = append(s, doc[j])
		}
		if j < len(doc) && bytes.HasPrefix(bytes.TrimLeft(doc[j+1:min(j+4, len(doc))], " "), []byte("Tj")) {
			u, err := charmap.Windows1252.NewDecoder().Bytes(s)
			if err != nil {
				t.Fatal(err)
			}
			parts = append(parts, string(u))
		}
		i = j
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

func renderUncompressed(t *testing.T, s *Sheet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writePDF(&b, s, false); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestPDFIsAPDF(t *testing.T) {
	var b bytes.Buffer
	if err := WritePDF(&b, Build(testInput())); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || !bytes.Contains(b.Bytes()[b.Len()-10:], []byte("%%EOF")) {
		t.Fatalf("not a PDF: %q…", b.Bytes()[:min(20, b.Len())])
	}
}

func TestPDFCarriesTheVPTRequestAndTheSevenWs(t *testing.T) {
	doc := renderUncompressed(t, Build(testInput()))
	text := pdfText(t, doc)
	if len(text) < 500 {
		t.Fatalf("extracted only %d characters: %q", len(text), text)
	}
	oneLine := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	for _, want := range []string{
		VPTHeading, oneLine(VPTText),
		"Wie?", "Wat?", "Waar?", "Waarmee?", "Op welke wijze?", "Wanneer?", "Waarom?",
		HeadingSuspects, HeadingWitnesses, HeadingDamage, HeadingEvidence,
		oneLine(EmployerText), oneLine(UnderNumberText),
		"poging tot omkoping of ongeoorloofde beïnvloeding", // Dutch letters survive
		"Weerbaar-melding 42", "pagina 1 van",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	// The seven W's come in the PIF order.
	last := -1
	for _, h := range []string{"Wie?", "Wat?", "Waar?", "Waarmee?", "Op welke wijze?", "Wanneer?", "Waarom?"} {
		i := strings.Index(text, h)
		if i <= last {
			t.Fatalf("%q out of order", h)
		}
		last = i
	}
}

func TestPDFNeverShowsTheHomeAddress(t *testing.T) {
	doc := renderUncompressed(t, Build(testInput()))
	if bytes.Contains(doc, []byte("Voorbeeldstraat")) || strings.Contains(pdfText(t, doc), "Voorbeeldstraat") {
		t.Fatal("the home address is in the PDF")
	}
	if !strings.Contains(pdfText(t, doc), "Postbus 100") {
		t.Fatal("the organisation's address is not in the PDF")
	}
}

func TestLongAccountsFlowOverPages(t *testing.T) {
	in := testInput()
	in.Incident.Description = strings.Repeat("Hij stond elke avond voor de deur en riep mijn naam. ", 400)
	doc := renderUncompressed(t, Build(in))
	text := pdfText(t, doc)
	pages := regexp.MustCompile(`pagina (\d+) van`).FindAllStringSubmatch(text, -1)
	if len(pages) < 3 {
		t.Fatalf("a 20,000-character account fits on %d pages?", len(pages))
	}
	if !strings.Contains(text, "Bewijsmateriaal") || !strings.Contains(text, oneLineOf(TimingText)) {
		t.Fatal("sections after the long account are missing")
	}
}

func oneLineOf(s string) string { return strings.Join(strings.Fields(s), " ") }
