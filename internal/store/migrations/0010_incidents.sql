-- Meldingen (internal/incident). Clear columns hold what lists and figures
-- filter on (dates, kinds, roles, status, organisation); every *_enc column
-- is sealed by the vault with the incident's own key (key_id) and the
-- additional data "incident:<id>:<field>", so a sealed value cannot be
-- moved to another incident or field. No foreign keys to accounts: an
-- account may be removed while its incidents stay (reporter_id 0 means
-- anonymous).
CREATE TABLE incidents (
	id {{id}},
	org_id BIGINT NOT NULL REFERENCES organisations (id),
	status TEXT NOT NULL CHECK (status IN ('concept', 'nieuw', 'in_behandeling', 'afgesloten', 'heropend')),
	mode TEXT NOT NULL CHECK (mode IN ('self', 'on_behalf', 'witness', 'anonymous')),
	reporter_id BIGINT NOT NULL DEFAULT 0,
	key_id BIGINT NOT NULL,
	victim_role TEXT NOT NULL DEFAULT '',
	occurred_at {{time}},
	place_kind TEXT NOT NULL DEFAULT '',
	platform TEXT NOT NULL DEFAULT '',
	perpetrator_kind TEXT NOT NULL DEFAULT '',
	home_partner BOOLEAN NOT NULL DEFAULT FALSE,
	home_children BOOLEAN NOT NULL DEFAULT FALSE,
	home_others BOOLEAN NOT NULL DEFAULT FALSE,
	influences_decisions BOOLEAN NOT NULL DEFAULT FALSE,
	feels_unsafe BOOLEAN NOT NULL DEFAULT FALSE,
	in_danger BOOLEAN NOT NULL DEFAULT FALSE,
	reported_employer BOOLEAN NOT NULL DEFAULT FALSE,
	reported_police BOOLEAN NOT NULL DEFAULT FALSE,
	wants_aangifte BOOLEAN NOT NULL DEFAULT FALSE,
	wants_support BOOLEAN NOT NULL DEFAULT FALSE,
	referred_support BOOLEAN NOT NULL DEFAULT FALSE,
	place_enc {{bytes}},
	link_enc {{bytes}},
	description_enc {{bytes}},
	victim_enc {{bytes}},
	perpetrator_enc {{bytes}},
	witnesses_enc {{bytes}},
	impact_enc {{bytes}},
	police_ref_enc {{bytes}},
	support_enc {{bytes}},
	created_at {{time}} NOT NULL,
	updated_at {{time}} NOT NULL,
	submitted_at {{time}},
	closed_at {{time}},
	first_contact_due {{time}},
	first_contact_at {{time}},
	reaction_due {{time}},
	reaction_at {{time}},
	aangifte_due {{time}},
	aangifte_at {{time}}
);
CREATE INDEX incidents_org_status ON incidents (org_id, status, submitted_at);
CREATE INDEX incidents_reporter ON incidents (reporter_id, created_at);
CREATE INDEX incidents_occurred ON incidents (occurred_at);
-- Kinds of one incident (several allowed), clear for filters and figures.
CREATE TABLE incident_kinds (
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	kind TEXT NOT NULL,
	PRIMARY KEY (incident_id, kind)
);
CREATE INDEX incident_kinds_kind ON incident_kinds (kind, incident_id);
-- A retried Submit with the same key returns the first incident.
CREATE TABLE incident_idempotency (
	account_id BIGINT NOT NULL,
	idem_key TEXT NOT NULL,
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	created_at {{time}} NOT NULL,
	PRIMARY KEY (account_id, idem_key)
);
-- Status history: append-only, never updated.
CREATE TABLE incident_status_history (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	from_status TEXT NOT NULL,
	to_status TEXT NOT NULL,
	actor_id BIGINT NOT NULL DEFAULT 0,
	at {{time}} NOT NULL
);
CREATE INDEX incident_status_history_incident ON incident_status_history (incident_id, id);
-- Follow-up: append-only, never updated. done_on is when it happened,
-- recorded_at when it was written down.
CREATE TABLE incident_followups (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	kind TEXT NOT NULL,
	reaction_form TEXT NOT NULL DEFAULT '',
	done_at {{time}} NOT NULL,
	actor_id BIGINT NOT NULL,
	recorded_at {{time}} NOT NULL,
	note_enc {{bytes}}
);
CREATE INDEX incident_followups_incident ON incident_followups (incident_id, id);
-- Aangifte records as ELA/VPT need them; a correction is a new row, the
-- newest counts. address_used never holds 'home'.
CREATE TABLE incident_aangiftes (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	report_type TEXT NOT NULL CHECK (report_type IN ('melding', 'aangifte')),
	filed_by TEXT NOT NULL CHECK (filed_by IN ('victim', 'employer')),
	vpt_asked BOOLEAN NOT NULL,
	vpt_applied TEXT NOT NULL CHECK (vpt_applied IN ('yes', 'no', 'unknown')),
	address_used TEXT NOT NULL CHECK (address_used IN ('organisation', 'domicile')),
	under_number BOOLEAN NOT NULL,
	filed_on DATE NOT NULL,
	police_unit TEXT NOT NULL DEFAULT '',
	pv_number_enc {{bytes}},
	pv_place_enc {{bytes}},
	actor_id BIGINT NOT NULL,
	recorded_at {{time}} NOT NULL
);
CREATE INDEX incident_aangiftes_incident ON incident_aangiftes (incident_id, id);
-- The criminal-chain timeline (strafrechtketen), append-only.
CREATE TABLE incident_chain_steps (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	step TEXT NOT NULL,
	outcome TEXT NOT NULL DEFAULT '',
	step_on DATE NOT NULL,
	note_enc {{bytes}},
	actor_id BIGINT NOT NULL,
	recorded_at {{time}} NOT NULL
);
CREATE INDEX incident_chain_steps_incident ON incident_chain_steps (incident_id, id);
-- The reporter's answer after closing; a "no" with a reason reopens.
CREATE TABLE incident_satisfaction (
	id {{id}},
	incident_id BIGINT NOT NULL REFERENCES incidents (id),
	account_id BIGINT NOT NULL,
	satisfied BOOLEAN NOT NULL,
	reason_enc {{bytes}},
	at {{time}} NOT NULL
);
CREATE INDEX incident_satisfaction_incident ON incident_satisfaction (incident_id, id);
-- Notices for a person's start page (e-mailed too when SMTP is set up).
-- text_key is a message catalogue key; the text itself holds no content.
CREATE TABLE notifications (
	id {{id}},
	account_id BIGINT NOT NULL,
	incident_id BIGINT NOT NULL DEFAULT 0,
	text_key TEXT NOT NULL,
	created_at {{time}} NOT NULL,
	read_at {{time}}
);
CREATE INDEX notifications_account ON notifications (account_id, read_at, id);

-- The timeline is append-only in the database itself: UPDATE on these
-- tables is refused for every client, not only for Weerbaar's code.
-- DELETE stays possible for the retention job (whole incidents only).

-- dialect: sqlite
-- statement begin
CREATE TRIGGER incident_status_history_no_update BEFORE UPDATE ON incident_status_history
BEGIN
	SELECT RAISE(ABORT, 'incident_status_history is append-only');
END;
-- statement end
-- statement begin
CREATE TRIGGER incident_followups_no_update BEFORE UPDATE ON incident_followups
BEGIN
	SELECT RAISE(ABORT, 'incident_followups is append-only');
END;
-- statement end
-- statement begin
CREATE TRIGGER incident_aangiftes_no_update BEFORE UPDATE ON incident_aangiftes
BEGIN
	SELECT RAISE(ABORT, 'incident_aangiftes is append-only');
END;
-- statement end
-- statement begin
CREATE TRIGGER incident_chain_steps_no_update BEFORE UPDATE ON incident_chain_steps
BEGIN
	SELECT RAISE(ABORT, 'incident_chain_steps is append-only');
END;
-- statement end
-- statement begin
CREATE TRIGGER incident_satisfaction_no_update BEFORE UPDATE ON incident_satisfaction
BEGIN
	SELECT RAISE(ABORT, 'incident_satisfaction is append-only');
END;
-- statement end

-- dialect: postgres
-- statement begin
CREATE FUNCTION incident_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
-- statement end
CREATE TRIGGER incident_status_history_no_update BEFORE UPDATE ON incident_status_history
	FOR EACH ROW EXECUTE FUNCTION incident_append_only();
CREATE TRIGGER incident_followups_no_update BEFORE UPDATE ON incident_followups
	FOR EACH ROW EXECUTE FUNCTION incident_append_only();
CREATE TRIGGER incident_aangiftes_no_update BEFORE UPDATE ON incident_aangiftes
	FOR EACH ROW EXECUTE FUNCTION incident_append_only();
CREATE TRIGGER incident_chain_steps_no_update BEFORE UPDATE ON incident_chain_steps
	FOR EACH ROW EXECUTE FUNCTION incident_append_only();
CREATE TRIGGER incident_satisfaction_no_update BEFORE UPDATE ON incident_satisfaction
	FOR EACH ROW EXECUTE FUNCTION incident_append_only();
-- dialect: all
