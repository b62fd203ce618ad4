-- Data keys (DEKs) of the vault: one per record, wrapped (AES-256-GCM) by a
-- master key (KEK) named by kek_id. The id is random, not a sequence, so an
-- id is never reused after a rolled-back transaction (the vault caches
-- unwrapped keys by id). Erasing a key sets wrapped to NULL: whatever was
-- sealed with it can no longer be read (crypto-shredding).
CREATE TABLE data_keys (
	id BIGINT PRIMARY KEY,
	wrapped {{bytes}},
	kek_id TEXT NOT NULL,
	created_at {{time}} NOT NULL,
	erased BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX data_keys_kek ON data_keys (kek_id);
