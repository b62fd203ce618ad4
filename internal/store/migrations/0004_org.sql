-- Reference data: every organisation Weerbaar serves or works with.
-- kind: gemeente, provincie, waterschap, rijk (ministries), partner (network
-- partners that are not a ministry) and netwerk (the network's own bodies:
-- secretariat, support team).
-- History: a municipal merger (1 January of most years) ends the old rows
-- with valid_until and adds the new municipality as a new row with its own
-- CBS code; rows are never deleted, so old incidents keep their organisation.
-- The INSERTs below are generated from internal/org/data/*.csv by
-- `go generate ./internal/org` (a test checks this file equals its output).
CREATE TABLE organisations (
	id {{id}},
	code TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('gemeente', 'provincie', 'waterschap', 'rijk', 'partner', 'netwerk')),
	province_code TEXT REFERENCES organisations (code),
	valid_from DATE NOT NULL,
	valid_until DATE,
	source TEXT NOT NULL,
	search_key TEXT NOT NULL
);
CREATE INDEX organisations_kind_name ON organisations (kind, name);
CREATE INDEX organisations_search_key ON organisations (search_key);
-- Membership of the Netwerk Weerbaar Bestuur with the role or interest the
-- partner stated; a ministry (kind rijk) can be a partner too. Leaving ends
-- the row with left_on.
CREATE TABLE network_partners (
	org_id BIGINT NOT NULL REFERENCES organisations (id),
	joined_on DATE NOT NULL,
	left_on DATE,
	interest TEXT NOT NULL,
	source TEXT NOT NULL,
	PRIMARY KEY (org_id, joined_on)
);
