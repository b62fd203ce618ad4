// Package web is the shell of Weerbaar's HTML side: page layout and
// rendering (NL Design System components with the Weerbaar theme), forms
// and field errors, sessions and cookies, flash messages, navigation, the
// start page, error pages, security headers, static files and language.
// Each capability's pages live in a subpackage (accounts, login, meldingen,
// opvolging, security, …) that implements Capability and mounts its routes,
// templates, menu entries and start-page sections on the Server; the list
// of capabilities is internal/web/site. How to add a page or a capability:
// CONTRIBUTING.md at the root of the repository.
package web
