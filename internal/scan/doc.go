// Package scan runs the self-scans: questionnaires defined as data (one
// JSON file per scan in definitions/, embedded in the binary), answered
// page by page, scored per domain with advice per weak point and links to
// the catalogue's instruments, Veilig Wonen and the support team.
//
// A person's results are theirs alone; an organisation scan is taken by a
// coördinator for their organisation and seen by its coördinators. The
// answers are sealed by the vault with a key per result. A new scan is a
// new file; no Go code changes.
package scan
