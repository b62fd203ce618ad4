package web

import "testing"

func TestSummaryLineNamesItsFieldOnce(t *testing.T) {
	tests := []struct{ label, message, want string }{
		{"Omschrijving", "Vul dit veld in.", "Omschrijving: Vul dit veld in."},
		{"Wat is er gebeurd?", "Vul dit veld in.", "Wat is er gebeurd? Vul dit veld in."},
		{"Gedaan door", "Gedaan door: Vul dit veld in.", "Gedaan door: Vul dit veld in."},
		{"", "Vul dit veld in.", "Vul dit veld in."},
	}
	for _, tt := range tests {
		f := &Form{errors: map[string][]string{}}
		f.AddError("veld", tt.message)
		if tt.label != "" {
			f.setLabel("veld", tt.label)
		}
		if got := f.Summary()[0].Named(); got != tt.want {
			t.Errorf("label %q, message %q: %q, want %q", tt.label, tt.message, got, tt.want)
		}
	}
}
