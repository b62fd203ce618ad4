package meldingen

// StepHref is the path of step n of the report form of draft id.
var StepHref = stepHref
