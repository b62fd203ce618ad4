package store

// FixtureStatements reads a test fixture the way a migration is read:
// dialect words replaced, split into the statements for d.
func FixtureStatements(body string, d Dialect) ([]string, error) {
	return splitStatements(dialectWords[d].Replace(body), d)
}
