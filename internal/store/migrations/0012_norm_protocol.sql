-- Norm and aggression protocol per organisation (internal/incident): what
-- the organisation will not accept, who to tell, the steps after a report,
-- the confidential adviser and other contacts. Every saved version is a
-- new row (append-only); the highest version is the one shown. It is
-- meant to be read by everyone in the organisation, so it is not sealed.
-- first_contact_days is the organisation's own promise for first contact
-- with a reporter, in working days.
CREATE TABLE org_protocols (
	id {{id}},
	org_id BIGINT NOT NULL REFERENCES organisations (id),
	version INTEGER NOT NULL,
	norm TEXT NOT NULL,
	report_to TEXT NOT NULL,
	steps TEXT NOT NULL,
	confidential_adviser TEXT NOT NULL,
	contacts TEXT NOT NULL,
	first_contact_days INTEGER NOT NULL,
	author_id BIGINT NOT NULL,
	created_at {{time}} NOT NULL,
	UNIQUE (org_id, version)
);

-- Versions are never changed.
-- dialect: sqlite
-- statement begin
CREATE TRIGGER org_protocols_no_update BEFORE UPDATE ON org_protocols
BEGIN
	SELECT RAISE(ABORT, 'org_protocols is append-only');
END;
-- statement end

-- dialect: postgres
CREATE TRIGGER org_protocols_no_update BEFORE UPDATE ON org_protocols
	FOR EACH ROW EXECUTE FUNCTION incident_append_only();
