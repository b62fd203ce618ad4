package incident

// Kind is one kind of incident; an incident may have several.
type Kind string

const (
	KindVerbal         Kind = "verbale_agressie"
	KindThreat         Kind = "bedreiging"
	KindIntimidation   Kind = "intimidatie"
	KindPhysical       Kind = "fysiek_geweld"
	KindSexual         Kind = "seksuele_intimidatie"
	KindDamage         Kind = "vernieling"
	KindDiscrimination Kind = "discriminatie"
	KindOnlineHate     Kind = "online_haat"
	KindDoxing         Kind = "doxing"
	KindLegal          Kind = "juridische_intimidatie"
	KindBribery        Kind = "omkoping"
	KindUndermining    Kind = "criminele_beinvloeding"
	KindInfiltration   Kind = "infiltratiepoging"
	KindAntiDemocratic Kind = "antidemocratisch_gedrag"
)

// VPTCategory is one of the five categories of unwanted behaviour the
// national Veilige Publieke Taak monitors count, so our figures compare.
type VPTCategory string

const (
	VPTVerbal         VPTCategory = "verbaal"
	VPTPhysical       VPTCategory = "fysiek"
	VPTSexual         VPTCategory = "seksuele_intimidatie"
	VPTIntimidation   VPTCategory = "intimidatie"
	VPTDiscrimination VPTCategory = "discriminatie"
)

// VPTCategories lists the five VPT categories.
var VPTCategories = []VPTCategory{VPTVerbal, VPTPhysical, VPTSexual, VPTIntimidation, VPTDiscrimination}

// kindTable is every kind, in form order, with its VPT category. The VPT
// monitor has no category for property damage: it counts as fysiek (force
// against things). Threats, doxing, legal intimidation, bribery attempts,
// criminal influence and infiltration all aim to bend the office holder's
// will, which the monitor counts as intimidatie.
var kindTable = []struct {
	Kind Kind
	VPT  VPTCategory
}{
	{KindVerbal, VPTVerbal},
	{KindThreat, VPTIntimidation},
	{KindIntimidation, VPTIntimidation},
	{KindPhysical, VPTPhysical},
	{KindSexual, VPTSexual},
	{KindDamage, VPTPhysical},
	{KindDiscrimination, VPTDiscrimination},
	{KindOnlineHate, VPTVerbal},
	{KindDoxing, VPTIntimidation},
	{KindLegal, VPTIntimidation},
	{KindBribery, VPTIntimidation},
	{KindUndermining, VPTIntimidation},
	{KindInfiltration, VPTIntimidation},
	{KindAntiDemocratic, VPTIntimidation},
}

// Kinds lists every kind in form order.
func Kinds() []Kind {
	out := make([]Kind, len(kindTable))
	for i, k := range kindTable {
		out[i] = k.Kind
	}
	return out
}

// VPT returns the national VPT category of k, and false for an unknown kind.
func (k Kind) VPT() (VPTCategory, bool) {
	for _, e := range kindTable {
		if e.Kind == k {
			return e.VPT, true
		}
	}
	return "", false
}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool {
	_, ok := k.VPT()
	return ok
}
