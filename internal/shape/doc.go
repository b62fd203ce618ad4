// Package shape holds the test that keeps the code base in the shape
// CONTRIBUTING.md describes: no file over 300 lines, no package holding
// more than a fifth of the code. It has no code of its own.
package shape
