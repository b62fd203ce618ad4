// Package accounts holds the pages that manage accounts and invitations:
// the list per organisation, one account (role, disable, second factor),
// inviting someone and accepting an invitation.
//
// # Routes and fields
//
// server.go lists them (security and re-verification live in
// internal/web/security and the shell). Coördinatoren (own organisation only) and
// beheerders: GET /accounts (beheerder: ?org= narrows to one
// organisation), GET /accounts/{id}, POST /accounts/{id}/rol,
// POST /accounts/{id}/uitschakelen, POST /accounts/{id}/tweede-factor-herstellen
// (beheerder), GET+POST /accounts/uitnodigen (the link is shown in
// #uitnodigingslink and mailed when SMTP is set),
// POST /accounts/uitnodigingen/{id}/intrekken. The organisation field is a
// text input with a <datalist> ("Gemeente Utrecht (GM0344)"; a code or a name works
// too). Anyone with the link: GET+POST /uitnodiging/{token} (fields name,
// password, herhaling; dead links answer 410, unknown ones 404, with a Dutch
// page); roles that need TOTP go on to /login/totp, which shows the
// recovery codes, others land on / with "Welkom bij Weerbaar". Everyone
// logged in: GET /account/beveiliging (password: huidig, password,
// herhaling; sessions; API tokens), GET+POST /account/tweede-factor,
// POST /account/herstelcodes, POST /account/sessies/{id}/beeindigen,
// POST /account/uitloggen-overal, POST /account/api-tokens,
// POST /account/api-tokens/{id}/intrekken, GET+POST /bevestigen?terug=.
//
// Pages with the most sensitive data (home addresses, exports) wrap their
// handler in s.requireRecentVerification: without a password or code
// check in the last 15 minutes the person confirms at /bevestigen and
// comes back (GET: the same address; POST: the form's hidden "terug").
package accounts
