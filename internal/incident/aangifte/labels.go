package aangifte

import "weerbaar/internal/incident"

// The sheet is read by the Dutch police, so its text is Dutch whatever
// language the reporter's interface uses. The texts live here, in one
// place, until the message catalogue carries them (keys "aangifte.*").

// Headings of the seven W questions of the police information form (PIF)
// and of the sections after them.
const (
	HeadingWho       = "Wie?"
	HeadingWhat      = "Wat?"
	HeadingWhere     = "Waar?"
	HeadingWithWhat  = "Waarmee?"
	HeadingHow       = "Op welke wijze?"
	HeadingWhen      = "Wanneer?"
	HeadingWhy       = "Waarom?"
	HeadingSuspects  = "Verdachte(n) en signalement"
	HeadingWitnesses = "Getuigen"
	HeadingDamage    = "Schade en gevolgen"
	HeadingEvidence  = "Bewijsmateriaal"
	HeadingRecord    = "Melding of aangifte bij de politie"
	HeadingAddress   = "Adres voor politie, OM en rechtbank"
)

// Title is the document's title.
const Title = "Voorbereiding aangifte: agressie tegen een persoon met een publieke taak"

// VPTText is the request that makes the national agreements apply.
const (
	VPTHeading = "VPT: Veilige Publieke Taak"
	VPTText    = "Dit incident is gericht tegen een persoon met een publieke taak. " +
		"Verzoek aan de politie: registreer deze aangifte met het label VPT (Veilige Publieke Taak), " +
		"zodat de Eenduidige Landelijke Afspraken (ELA) van politie en Openbaar Ministerie gelden: " +
		"de aangifte wordt altijd opgenomen, er volgt altijd onderzoek en het OM eist in principe een zwaardere straf."
)

// Guidance the reporter reads before going to the police.
const (
	AddressHeadingNote = "Gebruik het adres van de organisatie of een gekozen domicilie, nooit uw woonadres: " +
		"de verdachte kan het dossier inzien. Dit adres wordt gebruikt voor alle post van politie, OM en rechtbank."
	EmployerHeading = "De werkgever kan aangifte doen"
	EmployerText    = "De organisatie kan als werkgever aangifte doen, met u als getuige. " +
		"Dan staan uw gegevens niet als aangever in het proces-verbaal en komt uw woonadres niet in het dossier."
	UnderNumberHeading = "Aangifte onder nummer"
	UnderNumberText    = "Bij aangifte onder nummer bewaart het Slachtofferloket van het OM uw naam en adres " +
		"in een apart dossier; in de aangifte staat alleen dat nummer. Dit helpt vooral als de dader uw naam niet kent. " +
		"De rechter kan bepalen dat de anonimiteit wordt opgeheven. Vraag er bij het opnemen van de aangifte om."
	TimingHeading = "Wanneer naar de politie"
	TimingText    = "Doe aangifte bij voorkeur binnen twee werkdagen, en altijd bij (dreiging met) fysiek geweld. " +
		"Lukt aangifte niet, doe dan een melding: die wordt geregistreerd en telt mee als de dader het vaker doet. " +
		"Bewaar het proces-verbaalnummer en de plaats van aangifte: het Schadefonds Geweldsmisdrijven vraagt om beide."
	HomePlaceText = "Bij de woning van het slachtoffer. Het adres staat bewust niet in dit document; " +
		"vraag de politie het buiten het dossier te houden."
	ToComplete = "Aan te vullen bij de politie: ______________________________"
	// The address block when the address is not known yet.
	OrgAddressBlank     = "Postadres van de organisatie: ______________________________"
	OrgAddressBlankHelp = "Vul hier het postadres van de organisatie in. De coördinator van de organisatie " +
		"kan het vastleggen bij het norm- en agressieprotocol, dan staat het hier voortaan ingevuld."
	DomicileBlank     = "Naam en adres van het gekozen domicilie: ______________________________"
	DomicileBlankHelp = "Vul hier het adres in dat u in plaats van uw woonadres gebruikt, bijvoorbeeld dat van uw advocaat."
	None              = "Niet vastgelegd"
)

var roleLabels = map[incident.VictimRole]string{
	incident.RoleBurgemeester:  "burgemeester",
	incident.RoleWethouder:     "wethouder",
	incident.RoleRaadslid:      "gemeenteraadslid",
	incident.RoleStatenlid:     "Statenlid",
	incident.RoleGedeputeerde:  "gedeputeerde",
	incident.RoleCdK:           "Commissaris van de Koning",
	incident.RoleDijkgraaf:     "dijkgraaf",
	incident.RoleWaterschap:    "waterschapsbestuurder",
	incident.RoleAmbtenaar:     "ambtenaar",
	incident.RoleGriffier:      "griffier",
	incident.RoleSecretaris:    "secretaris",
	incident.RoleOtherFunction: "andere publieke functie",
}

var kindLabels = map[incident.Kind]string{
	incident.KindVerbal:         "verbale agressie",
	incident.KindThreat:         "bedreiging",
	incident.KindIntimidation:   "intimidatie",
	incident.KindPhysical:       "fysiek geweld",
	incident.KindSexual:         "seksuele intimidatie",
	incident.KindDamage:         "vernieling van eigendommen",
	incident.KindDiscrimination: "discriminatie",
	incident.KindOnlineHate:     "online haat",
	incident.KindDoxing:         "doxing (verspreiden van persoonsgegevens)",
	incident.KindLegal:          "juridische intimidatie",
	incident.KindBribery:        "poging tot omkoping of ongeoorloofde beïnvloeding",
	incident.KindUndermining:    "criminele beïnvloeding of ondermijning",
	incident.KindInfiltration:   "infiltratiepoging",
	incident.KindAntiDemocratic: "antidemocratisch gedrag",
}

var vptLabels = map[incident.VPTCategory]string{
	incident.VPTVerbal:         "verbaal geweld",
	incident.VPTPhysical:       "fysiek geweld",
	incident.VPTSexual:         "seksuele intimidatie",
	incident.VPTIntimidation:   "intimidatie",
	incident.VPTDiscrimination: "discriminatie",
}

var placeLabels = map[incident.PlaceKind]string{
	incident.PlaceWork:   "op het werk",
	incident.PlaceHome:   "bij de woning",
	incident.PlacePublic: "in de openbare ruimte",
	incident.PlaceOther:  "elders",
	incident.PlaceOnline: "online",
}

var perpetratorLabels = map[incident.PerpetratorKind]string{
	incident.PerpetratorUnknownCitizen: "onbekende burger",
	incident.PerpetratorKnown:          "bekende persoon",
	incident.PerpetratorGroup:          "groep",
	incident.PerpetratorCriminal:       "crimineel of criminele organisatie",
	incident.PerpetratorAnonymous:      "anoniem, online",
	incident.PerpetratorOther:          "anders",
}

var modeLabels = map[incident.Mode]string{
	incident.ModeSelf:      "door het slachtoffer zelf",
	incident.ModeOnBehalf:  "namens het slachtoffer (leidinggevende, griffier of secretaris)",
	incident.ModeWitness:   "door een getuige (collega)",
	incident.ModeAnonymous: "anoniem",
}

var reportTypeLabels = map[incident.ReportType]string{
	incident.ReportMelding:  "melding",
	incident.ReportAangifte: "aangifte",
}

var filedByLabels = map[incident.FiledBy]string{
	incident.FiledByVictim:   "het slachtoffer",
	incident.FiledByEmployer: "de werkgever (slachtoffer is getuige)",
}

var answerLabels = map[incident.Answer]string{
	incident.Yes:     "ja",
	incident.No:      "nee",
	incident.Unknown: "onbekend",
}

var addressLabels = map[incident.AddressChoice]string{
	incident.AddressOrganisation: "adres van de organisatie",
	incident.AddressDomicile:     "gekozen domicilie",
}

var contentTypeLabels = map[string]string{
	incident.TypeJPEG:  "foto (JPEG)",
	incident.TypePNG:   "afbeelding (PNG)",
	incident.TypePDF:   "PDF-document",
	incident.TypeText:  "tekstbestand",
	incident.TypeEmail: "e-mailbericht",
}

var weekdays = [...]string{"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"}

var months = [...]string{"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"}

// label returns m[k], or the code itself so a missing label shows (and a
// test catches it) rather than vanishing.
func label[K ~string](m map[K]string, k K) string {
	if s, ok := m[k]; ok {
		return s
	}
	return string(k)
}

func yesNo(b bool) string {
	if b {
		return "ja"
	}
	return "nee"
}
