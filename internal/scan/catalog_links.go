package scan

// CatalogItems are the catalogue slugs the scans link to, in one list so
// they are easy to align with the catalogue (internal/catalog). A
// definition linking to anything else is refused.
var CatalogItems = []string{
	"ondersteuningsteam-weerbaar-bestuur",
	"veilig-wonen",
	"handreiking-persoonlijke-veiligheid",
	"handreiking-online-veiligheid",
	"handreiking-sociale-media",
	"training-omgaan-met-agressie",
	"woningscan",
	"vertrouwenslijn",
	"handreiking-thuisfront",
	"handleiding-basisscan-integriteit",
	"modelgedragscode-integriteit",
	"integriteitsonderzoek-sipa",
	"training-integriteit-nieuwe-raadsleden",
	"stappenplan-weerbare-raad",
	"handreiking-norm-en-agressieprotocol",
	"handreiking-melden-en-registreren",
	"weerbaarheidsscan",
	"handreiking-kwetsbare-processen",
	"bibob-toepassen",
	"datavolwassenheidsscan",
	"riec-samenwerking",
	"dashboard-zicht-op-ondermijning",
	"dilemmakaarten-integriteit",
	"politie-contact-wijkagent",
}

// KnownCatalogItem reports whether slug is in CatalogItems.
func KnownCatalogItem(slug string) bool {
	for _, s := range CatalogItems {
		if s == slug {
			return true
		}
	}
	return false
}

// CatalogHref is the catalogue page of slug.
func CatalogHref(slug string) string { return "/catalogus/" + slug }
