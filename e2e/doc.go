// Package e2e holds Weerbaar's browser tests: each journey a person takes
// through the web interface (log in, report an incident, follow one up) runs
// in headless Chromium against an in-process server on a fresh database.
// Every page a journey visits is checked with axe-core for WCAG 2.2 A/AA and
// photographed at a desktop and a phone width into build/screenshots/.
//
// The tests live in _test.go files; this file only names the package.
package e2e
