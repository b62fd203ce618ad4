-- Accounts, their factors, sessions and API tokens (internal/auth).
-- email_key is the e-mail address in lower case: addresses are unique
-- regardless of case. org_id is empty for the national roles.
-- totp_secret holds the TOTP secret sealed by the vault with the account's
-- own data key totp_key_id (erased when TOTP is reset); totp_last_step is
-- the last time step used, so each code works once.
CREATE TABLE accounts (
	id {{id}},
	email TEXT NOT NULL,
	email_key TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	role TEXT NOT NULL,
	org_id BIGINT REFERENCES organisations (id),
	password_hash TEXT NOT NULL,
	password_changed_at {{time}} NOT NULL,
	totp_secret {{bytes}},
	totp_key_id BIGINT NOT NULL DEFAULT 0,
	totp_last_step BIGINT NOT NULL DEFAULT 0,
	totp_enabled BOOLEAN NOT NULL DEFAULT FALSE,
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	created_at {{time}} NOT NULL,
	last_login_at {{time}}
);
CREATE INDEX accounts_org ON accounts (org_id, role);
-- Recovery codes: only their SHA-256, each usable once.
CREATE TABLE recovery_codes (
	id {{id}},
	account_id BIGINT NOT NULL REFERENCES accounts (id),
	code_hash TEXT NOT NULL,
	used_at {{time}}
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);
-- Sessions: only the SHA-256 of the token. Idle and absolute timeouts are
-- computed from last_seen_at and created_at.
CREATE TABLE sessions (
	id {{id}},
	account_id BIGINT NOT NULL REFERENCES accounts (id),
	token_hash TEXT NOT NULL UNIQUE,
	created_at {{time}} NOT NULL,
	last_seen_at {{time}} NOT NULL,
	verified_at {{time}} NOT NULL
);
CREATE INDEX sessions_account ON sessions (account_id);
-- The short-lived step between password and second factor (or its first
-- set-up). setup is true when the account must still set up TOTP.
CREATE TABLE login_challenges (
	id {{id}},
	account_id BIGINT NOT NULL REFERENCES accounts (id),
	token_hash TEXT NOT NULL UNIQUE,
	setup BOOLEAN NOT NULL,
	failures INTEGER NOT NULL DEFAULT 0,
	expires_at {{time}} NOT NULL
);
CREATE INDEX login_challenges_account ON login_challenges (account_id);
-- Failed logins per subject, shared by every app server. subject is a keyed
-- hash of the e-mail address or of the network address, never the address
-- itself; rows older than the window are deleted.
CREATE TABLE login_failures (
	id {{id}},
	subject TEXT NOT NULL,
	at {{time}} NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, at);
-- Personal API tokens: only the SHA-256 of the token; they act with the
-- owner's role and organisation at the time of use.
CREATE TABLE api_tokens (
	id {{id}},
	account_id BIGINT NOT NULL REFERENCES accounts (id),
	name TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	hint TEXT NOT NULL,
	created_at {{time}} NOT NULL,
	last_used_at {{time}},
	revoked_at {{time}}
);
CREATE INDEX api_tokens_account ON api_tokens (account_id);
