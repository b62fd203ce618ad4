package aangifte

import (
	"fmt"
	"strings"
	"time"

	"weerbaar/internal/incident"
)

// who is the victim and the organisation.
func (b builder) who() Section {
	inc := b.inc
	f := []Field{
		{"Slachtoffer (functie)", label(roleLabels, inc.VictimRole)},
		{"Organisatie", nonEmpty(b.in.Organisation)},
		{"Gemeld", label(modeLabels, inc.Mode)},
	}
	if inc.VictimDescription != "" {
		f = append(f, Field{"Over het slachtoffer", inc.VictimDescription})
	}
	f = append(f,
		Field{"Thuisfront geraakt", homeFront(inc.HomeFront)},
		Field{"Dader", label(perpetratorLabels, inc.Perpetrator.Kind) + " (zie " + HeadingSuspects + ")"})
	return Section{Key: "wie", Heading: HeadingWho, Fields: f}
}

func (b builder) what() Section {
	inc := b.inc
	return Section{Key: "wat", Heading: HeadingWhat, Fields: []Field{
		{"Soort incident", kinds(inc.Kinds)},
		{"Categorie Veilige Publieke Taak", vptCategories(inc.Kinds)},
		{"Wat er gebeurde", nonEmpty(inc.Description)},
	}}
}

func (b builder) where() Section {
	p := b.inc.Place
	f := []Field{{"Plaats", label(placeLabels, p.Kind)}}
	switch {
	case p.Kind == incident.PlaceHome:
		// Never the home address: the place detail of an incident at home
		// may well be the address itself.
		f = append(f, Field{"Adres", HomePlaceText})
	case p.Detail != "":
		f = append(f, Field{"Locatie", p.Detail})
	}
	if p.Platform != "" {
		f = append(f, Field{"Platform", p.Platform})
	}
	if p.Link != "" {
		f = append(f, Field{"Link naar bericht of profiel", p.Link})
	}
	return Section{Key: "waar", Heading: HeadingWhere, Fields: f}
}

func (b builder) withWhat() Section {
	p := b.inc.Place
	means := ToComplete
	if p.Kind == incident.PlaceOnline {
		means = "online bericht of post" + via(p.Platform)
	}
	return Section{Key: "waarmee", Heading: HeadingWithWhat, Fields: []Field{
		{"Middel (bijv. wapen, voorwerp, bericht, voertuig)", means},
	}}
}

func (b builder) how() Section {
	inc := b.inc
	return Section{Key: "wijze", Heading: HeadingHow, Fields: []Field{
		{"Aard", vptCategories(inc.Kinds)},
		{"Gericht tegen de persoon vanwege de publieke taak", "ja, als " + label(roleLabels, inc.VictimRole)},
		{"Verloop", ToComplete},
	}}
}

func (b builder) when() Section {
	inc := b.inc
	f := []Field{{"Datum en tijd", b.dateTime(inc.OccurredAt)}}
	if !inc.SubmittedAt.IsZero() {
		f = append(f, Field{"Gemeld bij de organisatie (Weerbaar)", b.dateTime(inc.SubmittedAt)})
	}
	return Section{Key: "wanneer", Heading: HeadingWhen, Fields: f}
}

func (b builder) why() Section {
	inc := b.inc
	return Section{Key: "waarom", Heading: HeadingWhy, Fields: []Field{
		{"Aanleiding of motief", ToComplete},
		{"Heeft invloed op besluiten in de functie", yesNo(inc.Impact.InfluencesDecisions)},
	}}
}

func (b builder) suspects() Section {
	p := b.inc.Perpetrator
	return Section{Key: "verdachten", Heading: HeadingSuspects, Fields: []Field{
		{"Wie", label(perpetratorLabels, p.Kind)},
		{"Signalement en wat bekend is", nonEmpty(p.Description)},
	}}
}

func (b builder) witnesses() Section {
	return Section{Key: "getuigen", Heading: HeadingWitnesses, Fields: []Field{
		{"Getuigen", nonEmpty(b.inc.Witnesses)},
	}}
}

func (b builder) damage() Section {
	inc := b.inc
	material := "nee"
	for _, k := range inc.Kinds {
		if k == incident.KindDamage {
			material = "ja (vernieling van eigendommen); omvang: ______________________"
		}
	}
	return Section{Key: "schade", Heading: HeadingDamage, Fields: []Field{
		{"Gevolgen voor het slachtoffer", nonEmpty(inc.Impact.Personal)},
		{"Voelt zich nu onveilig", yesNo(inc.Impact.FeelsUnsafe)},
		{"Thuisfront geraakt", homeFront(inc.HomeFront)},
		{"Materiële schade", material},
	}}
}

func (b builder) evidence() Section {
	s := Section{Key: "bewijs", Heading: HeadingEvidence}
	for i, f := range b.in.Files {
		s.Fields = append(s.Fields, Field{
			Label: fmt.Sprintf("%d. %s", i+1, f.Filename),
			Value: fmt.Sprintf("%s, %s, toegevoegd %s", label(contentTypeLabels, f.ContentType), size(f.Size), b.date(f.CreatedAt)),
		})
	}
	if len(s.Fields) == 0 {
		s.Fields = []Field{{"Bestanden", "Geen bestanden toegevoegd. Neem schermafbeeldingen, brieven of berichten mee."}}
	}
	return s
}

// policeRecord is the newest recorded melding or aangifte, if any.
func (b builder) policeRecord() Section {
	s := Section{Key: "politie", Heading: HeadingRecord}
	a := b.latest()
	if a == nil {
		s.Fields = []Field{{"Status", "Nog geen melding of aangifte vastgelegd"}}
		if b.inc.PoliceReference != "" {
			s.Fields = append(s.Fields, Field{"Kenmerk politie (opgegeven bij de melding)", b.inc.PoliceReference})
		}
		return s
	}
	s.Fields = []Field{
		{"Soort", label(reportTypeLabels, a.Type)},
		{"Gedaan door", label(filedByLabels, a.FiledBy)},
		{"VPT-label gevraagd", yesNo(a.VPTAsked)},
		{"VPT-label toegepast door de politie", label(answerLabels, a.VPTApplied)},
		{"Gebruikt adres", label(addressLabels, a.Address)},
		{"Onder nummer", yesNo(a.UnderNumber)},
		{"Datum", b.date(a.FiledOn)},
		{"Politie-eenheid", nonEmpty(a.PoliceUnit)},
		{"Nummer proces-verbaal", nonEmpty(a.PVNumber)},
		{"Plaats van aangifte", nonEmpty(a.PVPlace)},
	}
	return s
}

func (b builder) dateTime(t time.Time) string {
	if t.IsZero() {
		return None
	}
	t = t.In(b.loc)
	return fmt.Sprintf("%s %d %s %d, %02d:%02d", weekdays[t.Weekday()], t.Day(), months[t.Month()-1], t.Year(), t.Hour(), t.Minute())
}

func (b builder) date(t time.Time) string {
	if t.IsZero() {
		return None
	}
	t = t.In(b.loc)
	return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
}

func kinds(ks []incident.Kind) string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = label(kindLabels, k)
	}
	return nonEmpty(strings.Join(out, ", "))
}

// vptCategories lists the distinct VPT categories of ks in VPT order.
func vptCategories(ks []incident.Kind) string {
	have := map[incident.VPTCategory]bool{}
	for _, k := range ks {
		if c, ok := k.VPT(); ok {
			have[c] = true
		}
	}
	var out []string
	for _, c := range incident.VPTCategories {
		if have[c] {
			out = append(out, label(vptLabels, c))
		}
	}
	return nonEmpty(strings.Join(out, ", "))
}

func homeFront(h incident.HomeFront) string {
	var out []string
	if h.Partner {
		out = append(out, "partner")
	}
	if h.Children {
		out = append(out, "kinderen")
	}
	if h.Others {
		out = append(out, "anderen in huis")
	}
	if len(out) == 0 {
		return "nee"
	}
	return "ja: " + strings.Join(out, ", ")
}

func via(platform string) string {
	if platform == "" {
		return ""
	}
	return " via " + platform
}

func nonEmpty(s string) string {
	if strings.TrimSpace(s) == "" {
		return None
	}
	return s
}

// size is a file size the Dutch way: "1,5 MB", "820 kB".
func size(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".", ",", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d kB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
