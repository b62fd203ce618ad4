package info

// The statements as catalogue keys (internal/i18n/{nl,en}/info.json), in
// reading order.

var privacy = statement{Intro: "info.privacy.intro", Sections: []section{
	{Heading: "info.privacy.who.h", Paragraphs: []string{"info.privacy.who.p"}},
	{Heading: "info.privacy.what.h", Paragraphs: []string{"info.privacy.what.p"},
		List: []string{"info.privacy.what.account", "info.privacy.what.report", "info.privacy.what.files", "info.privacy.what.log", "info.privacy.what.anonymous"}},
	{Heading: "info.privacy.why.h", Paragraphs: []string{"info.privacy.why.p", "info.privacy.why.basis"}},
	{Heading: "info.privacy.who_sees.h", Paragraphs: []string{"info.privacy.who_sees.p"},
		List: []string{"info.privacy.who_sees.coordinator", "info.privacy.who_sees.support", "info.privacy.who_sees.police", "info.privacy.who_sees.figures"}},
	{Heading: "info.privacy.security.h", Paragraphs: []string{"info.privacy.security.p"}},
	{Heading: "info.privacy.retention.h", Paragraphs: []string{"info.privacy.retention.p"}},
	{Heading: "info.privacy.rights.h", Paragraphs: []string{"info.privacy.rights.p"},
		List: []string{"info.privacy.rights.access", "info.privacy.rights.correct", "info.privacy.rights.erase", "info.privacy.rights.object", "info.privacy.rights.export"}},
	{Heading: "info.privacy.contact.h", Paragraphs: []string{"info.privacy.contact.p", "info.privacy.contact.complaint"}},
}}

// accessibility follows the government's model statement
// (digitoegankelijk.nl): the commitment, the standard, how it was tested,
// what is not yet right, feedback, and the enforcement procedure.
var accessibility = statement{Intro: "info.a11y.intro", Sections: []section{
	{Heading: "info.a11y.scope.h", Paragraphs: []string{"info.a11y.scope.p"}},
	{Heading: "info.a11y.standard.h", Paragraphs: []string{"info.a11y.standard.p", "info.a11y.status.p"}},
	{Heading: "info.a11y.tested.h", Paragraphs: []string{"info.a11y.tested.p"},
		List: []string{"info.a11y.tested.axe", "info.a11y.tested.widths", "info.a11y.tested.keyboard", "info.a11y.tested.nojs", "info.a11y.tested.components"}},
	{Heading: "info.a11y.known.h", Paragraphs: []string{"info.a11y.known.p"}},
	{Heading: "info.a11y.feedback.h", Paragraphs: []string{"info.a11y.feedback.p"}},
	{Heading: "info.a11y.enforcement.h", Paragraphs: []string{"info.a11y.enforcement.p"}},
}}

var contact = statement{Intro: "info.contact.intro", Sections: []section{
	{Heading: "info.contact.danger.h", Paragraphs: []string{"info.contact.danger.p"}},
	{Heading: "info.contact.coordinator.h", Paragraphs: []string{"info.contact.coordinator.p"}},
	{Heading: "info.contact.support.h", Paragraphs: []string{"info.contact.support.p"}},
	{Heading: "info.contact.anonymous.h", Paragraphs: []string{"info.contact.anonymous.p"}},
	{Heading: "info.contact.account.h", Paragraphs: []string{"info.contact.account.p"}},
}}
