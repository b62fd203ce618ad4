-- Scan results (internal/scan). A result belongs to the person who took
-- it (audience person) or to an organisation (audience organisation,
-- taken by a coördinator, org_id set). The answers are sealed by the vault
-- with the result's own key (key_id) and the additional data
-- "scan:<id>:answers"; a home check's answers describe a home. The scan
-- and version say which definition the answers belong to. No foreign key
-- to accounts: deleting a result is the person's own act. A person may
-- share a finished personal result with the coördinators of their
-- organisation (shared, org_id set when shared); they see it and count it
-- in an anonymous overview shown from five people on.
CREATE TABLE scan_results (
	id {{id}},
	account_id BIGINT NOT NULL,
	org_id BIGINT NOT NULL DEFAULT 0,
	audience TEXT NOT NULL CHECK (audience IN ('person', 'organisation')),
	scan TEXT NOT NULL,
	version INTEGER NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('open', 'klaar')),
	page INTEGER NOT NULL DEFAULT 1,
	key_id BIGINT NOT NULL,
	answers_enc {{bytes}},
	shared BOOLEAN NOT NULL DEFAULT FALSE,
	started_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	finished_at {{time}}
);

CREATE INDEX scan_results_account ON scan_results (account_id, started_at);
CREATE INDEX scan_results_org ON scan_results (org_id, audience, shared);
