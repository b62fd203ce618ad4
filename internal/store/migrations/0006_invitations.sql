-- Invitations (internal/auth, invite.go): a coördinator or beheerder invites
-- a person by a one-time link. Only the SHA-256 of the link's token is
-- stored. The account is made when the person accepts; accepted_account
-- then points at it. An invitation ends when accepted, revoked, replaced by
-- a newer one for the same address, or at expires_at (7 days).
CREATE TABLE invitations (
	id {{id}},
	token_hash TEXT NOT NULL UNIQUE,
	email TEXT NOT NULL,
	email_key TEXT NOT NULL,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	org_id BIGINT REFERENCES organisations (id),
	invited_by BIGINT REFERENCES accounts (id),
	created_at {{time}} NOT NULL,
	expires_at {{time}} NOT NULL,
	accepted_at {{time}},
	accepted_account BIGINT REFERENCES accounts (id),
	revoked_at {{time}}
);
CREATE INDEX invitations_org ON invitations (org_id, created_at);
CREATE INDEX invitations_email ON invitations (email_key);
