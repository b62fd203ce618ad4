package web

import "strings"

// Field is everything the field partials need to draw one form control
// the NL Design System way: label, optional description, error messages,
// kept value and the ARIA links between them. Templates build it with
// Page.Field:
//
//	{{template "field-text" (.Field "email" "login.email" "type=email" "autocomplete=username" "required")}}
//
// The key is a catalogue prefix: key+".label" is required, key+".description"
// is shown when the catalogue has it. Attributes are "type=…",
// "autocomplete=…", "inputmode=…", "rows=…" and the flag "required".
type Field struct {
	ID, Name     string
	Label        string
	Description  string
	Errors       []string
	Value        string
	Values       []string // every posted value, for checkbox groups
	Type         string   // input type, default "text"
	Autocomplete string
	Inputmode    string
	Rows         string
	Required     bool
	Options      []Option
	// ListID and List draw a text field with a datalist ("field-list").
	ListID string
	List   []string
}

// Option is one choice of a select, radio group or checkbox group.
type Option struct {
	Value, Label string
	Selected     bool
}

// Field builds the Field for name from the page's form and catalogue.
func (p *Page) Field(name, key string, attrs ...string) Field {
	f := Field{ID: "veld-" + name, Name: name, Label: p.T(key + ".label"), Type: "text"}
	if p.cat.Has(p.Lang, key+".description") {
		f.Description = p.T(key + ".description")
	}
	if p.Form != nil {
		f.Value = p.Form.Get(name)
		f.Values = p.Form.Values[name]
		f.Errors = p.Form.errors[name]
		p.Form.setLabel(name, f.Label)
	}
	for _, a := range attrs {
		k, v, _ := strings.Cut(a, "=")
		switch k {
		case "type":
			f.Type = v
		case "autocomplete":
			f.Autocomplete = v
		case "inputmode":
			f.Inputmode = v
		case "rows":
			f.Rows = v
		case "required":
			f.Required = true
		}
	}
	return f
}

// WithOptions returns f with choices, marking those the person chose.
func (f Field) WithOptions(opts []Option) Field {
	out := make([]Option, len(opts))
	for i, o := range opts {
		o.Selected = o.Selected && len(f.Values) == 0
		for _, v := range f.Values {
			if v == o.Value {
				o.Selected = true
			}
		}
		out[i] = o
	}
	f.Options = out
	return f
}

// Invalid reports whether the field has an error.
func (f Field) Invalid() bool { return len(f.Errors) > 0 }

// DescribedBy is the aria-describedby value: description, then errors.
func (f Field) DescribedBy() string {
	var ids []string
	if f.Description != "" {
		ids = append(ids, f.ID+"-beschrijving")
	}
	if f.Invalid() {
		ids = append(ids, f.ID+"-fout")
	}
	return strings.Join(ids, " ")
}

// Choices is a Field drawn as a group of radio buttons or checkboxes.
type Choices struct {
	Field
	Kind string // "radio" or "checkbox"
}

// Choices returns f as a group of kind "radio" or "checkbox".
func (f Field) Choices(kind string) Choices { return Choices{Field: f, Kind: kind} }

// WithList returns f drawn as a text field with list as its datalist, for
// the "field-list" partial: the browser offers the list without
// JavaScript, and anything else can still be typed.
//
//	{{template "field-list" ((.Field "org" "accounts.org").WithList .Data.Picker.Options)}}
func (f Field) WithList(list []string) Field {
	f.ListID, f.List = f.ID+"-lijst", list
	return f
}
