-- Anonymous reporting, messages and attachments (internal/incident:
-- anonymous.go, message.go, attachment.go).
--
-- Receipt codes of anonymous reports. Nothing here (or anywhere) says who
-- reported: no address, no user agent, no account. lookup_id is the code's
-- first group (20 of its 100 bits), stored in the clear so a code finds its
-- row without storing the code; it is not unique, code_hash decides.
-- code_hash is argon2id (PHC string) over the whole code; the other 80 bits
-- exist nowhere else.
CREATE TABLE incident_receipts (
	incident_id BIGINT PRIMARY KEY REFERENCES incidents (id),
	lookup_id TEXT NOT NULL,
	code_hash TEXT NOT NULL
);
CREATE INDEX incident_receipts_lookup ON incident_receipts (lookup_id);
-- Messages between the reporter (with an account, or anonymous with the
-- receipt code) and the handler. body_enc is sealed with the incident's key
-- and the additional data "incident:<id>:message:<message id>". read_at is
-- set when the other side has read it: a handler's message stays unread for
-- the reporter until they open the conversation.
CREATE TABLE incident_messages (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	sender TEXT NOT NULL CHECK (sender IN ('reporter', 'handler')),
	author_id BIGINT NOT NULL DEFAULT 0,
	body_enc {{bytes}},
	created_at {{time}} NOT NULL,
	read_at {{time}}
);
CREATE INDEX incident_messages_incident ON incident_messages (incident_id, id);
-- Evidence files. The type was decided from the content and images were
-- stripped of metadata before sealing. name_enc and data_enc are sealed
-- with the incident's key and "incident:<id>:attachment:<attachment id>"
-- (":name" for the name), so a file cannot be moved to another incident.
CREATE TABLE incident_attachments (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	content_type TEXT NOT NULL,
	size BIGINT NOT NULL,
	uploader_id BIGINT NOT NULL DEFAULT 0,
	name_enc {{bytes}},
	data_enc {{bytes}},
	created_at {{time}} NOT NULL
);
CREATE INDEX incident_attachments_incident ON incident_attachments (incident_id, id);
