package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"weerbaar/internal/valid"
)

// Form carries what a person typed and what is wrong with it, so a form
// comes back with their values kept and each error next to its field.
type Form struct {
	Values url.Values
	errors map[string][]string // field name → translated messages
	order  []string            // fields with errors, first problem first
	labels map[string]string   // field name → its label, as the page drew it
}

// FieldError is one line of the error summary above a form: the field's
// label (when the page draws the field with Page.Field) and the message,
// shown as "Omschrijving: Vul dit veld in.".
type FieldError struct {
	Field, Label, Message string
}

// NewForm reads the posted form of r (an empty form for GET).
func NewForm(r *http.Request) *Form {
	f := &Form{Values: url.Values{}, errors: map[string][]string{}}
	if r.Method == http.MethodPost {
		if err := r.ParseForm(); err == nil {
			f.Values = r.PostForm
		}
	}
	return f
}

// Get returns the value of field name.
func (f *Form) Get(name string) string { return f.Values.Get(name) }

// AddError puts a translated message next to field.
func (f *Form) AddError(field, message string) {
	if _, ok := f.errors[field]; !ok {
		f.order = append(f.order, field)
	}
	f.errors[field] = append(f.errors[field], message)
}

// HasErrors reports whether any field has a problem.
func (f *Form) HasErrors() bool { return len(f.order) > 0 }

// Summary lists every problem in form order, for the alert above the form
// that links to each field. Each names its field by the label the page
// shows, unless the message already starts with it.
func (f *Form) Summary() []FieldError {
	var out []FieldError
	for _, field := range f.order {
		label := f.labels[field]
		for _, m := range f.errors[field] {
			e := FieldError{Field: field, Label: label, Message: m}
			if label != "" && strings.HasPrefix(m, label+": ") {
				e.Label = ""
			}
			out = append(out, e)
		}
	}
	return out
}

// Named is the summary's line: "Omschrijving: Vul dit veld in.", or
// "Wat is er gebeurd? Vul dit veld in." after a label that is a question.
func (e FieldError) Named() string {
	switch {
	case e.Label == "":
		return e.Message
	case strings.HasSuffix(e.Label, "?"), strings.HasSuffix(e.Label, ":"):
		return e.Label + " " + e.Message
	}
	return e.Label + ": " + e.Message
}

// setLabel records the label field is drawn with; Page.Field calls it.
func (f *Form) setLabel(field, label string) {
	if f.labels == nil {
		f.labels = map[string]string{}
	}
	f.labels[field] = label
}

// needsLabels reports whether the summary still lacks a field's label:
// the page must be drawn once to learn them (see Server.write).
func (f *Form) needsLabels() bool {
	for _, field := range f.order {
		if _, ok := f.labels[field]; !ok && field != "" {
			return true
		}
	}
	return false
}

// AddProblems translates the field problems inside err (a valid.Error from
// a service) into f, through catalogue keys "valid.<code>". It reports
// false when err holds no field problems, so the caller hands err to fail.
func (s *Server) AddProblems(r *http.Request, f *Form, err error) bool {
	v, ok := valid.As(err)
	if !ok {
		return false
	}
	lang := Language(r)
	for _, p := range v.Problems {
		f.AddError(p.Field, s.ProblemMessage(lang, p))
	}
	return true
}

// ProblemMessage is the text of one field problem in lang: the message
// that fits the control when the catalogue has one ("valid.required.kinds":
// "Kies een soort incident."), since "Vul dit veld in" reads wrong for a
// radio group or a list to choose from; else the code's general message.
func (s *Server) ProblemMessage(lang string, p valid.Problem) string {
	key := "valid." + p.Code
	if s.Catalog().Has(lang, key+"."+p.Field) {
		key += "." + p.Field
	}
	return s.Catalog().T(lang, key, p.Args...)
}

// PathID reads the {id} of the path.
func PathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// FormOf is a form holding values, without problems: a GET filter or a
// form filled from stored data.
func FormOf(values url.Values) *Form {
	return &Form{Values: values, errors: map[string][]string{}}
}
