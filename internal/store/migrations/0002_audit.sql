-- The audit log: append-only, each row hashed with the one before it.
CREATE TABLE audit_log (
	seq BIGINT PRIMARY KEY,
	at {{time}} NOT NULL,
	actor_id BIGINT NOT NULL DEFAULT 0,
	org_id BIGINT NOT NULL DEFAULT 0,
	action TEXT NOT NULL,
	object TEXT NOT NULL DEFAULT '',
	object_id TEXT NOT NULL DEFAULT '',
	detail TEXT NOT NULL DEFAULT '',
	prev_hash TEXT NOT NULL,
	hash TEXT NOT NULL
);
CREATE INDEX audit_log_object ON audit_log (object, object_id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
-- One row: the newest seq and hash, locked by every writer.
CREATE TABLE audit_head (
	id INTEGER PRIMARY KEY,
	seq BIGINT NOT NULL,
	hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
