package web

// orgField is the organisation field with its datalist (see orgPicker).
type orgField struct {
	Field
	ListID  string
	Options []string
}

// OrgPicker returns f drawn as a text field with the organisations as a
// datalist, for the "field-org" partial:
//
//	{{template "field-org" ((.Field "org" "accounts.org").OrgPicker .Data.Picker)}}
func (f Field) OrgPicker(p orgPicker) orgField {
	return orgField{Field: f, ListID: f.ID + "-lijst", Options: p.Options}
}
