// Package incident is Weerbaar's meldingen domain: reporting incidents of
// aggression, threats, intimidation and criminal pressure against office
// holders and civil servants, and their follow-up by the organisation.
package incident
